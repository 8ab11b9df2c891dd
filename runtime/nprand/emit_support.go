package nprand

import (
	"unsafe"

	"github.com/pyc2go/pyc2go/runtime"
)

// Support for generated code (emit/go random.go): a sampler's error
// located at the Python statement that called it, and the destination of
// a draw without size=.

// At returns err, an error of a sampler (a *runtime.Error without a
// position), located at file:line in the Python function fn.
func At(err error, file string, line int, fn string) error {
	if e, ok := err.(*runtime.Error); ok {
		return runtime.Raise(e.Type, e.Msg, file, line, fn)
	}
	return err
}

// One is the one-element slice of *p, where a sampler writes the value of
// a call without size=.
func One[T any](p *T) []T { return unsafe.Slice(p, 1) }
