package linalg

import (
	"github.com/pyc2go/pyc2go/runtime"
)

// At places an error of this package at the Python call that raised it:
// generated code passes the kernel's file, line and function, which the
// runtime's errors leave empty. Errors of other types pass unchanged.
func At(err error, file string, line int, fn string) error {
	if e, ok := err.(*runtime.Error); ok {
		return runtime.Raise(e.Type, e.Msg, file, line, fn)
	}
	return err
}
