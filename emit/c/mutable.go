package emitc

import "github.com/pyc2go/pyc2go/ir"

// MutableParams reports, per function of m, which array parameters the
// generated code may write (the non-const pointers of the signatures), so
// that callers binding the ABI from another language can refuse read-only
// memory before the call.
func MutableParams(m *ir.Module) map[*ir.Func][]bool { return mutableParams(m) }
