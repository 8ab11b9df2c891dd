package emitc

import (
	"strings"

	"github.com/pyc2go/pyc2go/internal/naming"
	"github.com/pyc2go/pyc2go/ir"
)

// names gives the variables of one function their C names: the Python
// name, with '_' appended while it is reserved, starts with the runtime's
// or the module's prefix, or is taken by an earlier variable.
type names struct {
	vars   map[*ir.Var]string
	used   map[string]bool
	prefix string // module prefix + "_"
}

// newNames starts the names of f: its out-pointers (ResultNames) are
// taken, so a parameter named out0 becomes out0_ in the signature and the
// body alike.
func newNames(prefix string, f *ir.Func) *names {
	n := &names{vars: map[*ir.Var]string{}, used: map[string]bool{}, prefix: prefix + "_"}
	for _, r := range ResultNames(f) {
		n.used[r] = true
	}
	return n
}

func (n *names) fresh(name string) string {
	if strings.HasPrefix(name, "pyc2go") || strings.HasPrefix(name, "PYC2GO") ||
		strings.HasPrefix(name, n.prefix) || strings.HasPrefix(name, "__") {
		name = "v" + name
	}
	for naming.CReserved[name] || n.used[name] {
		name += "_"
	}
	n.used[name] = true
	return name
}
