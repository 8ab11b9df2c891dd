package runtime

import (
	"strconv"
)

// Python exception class names used by generated code. Keeping them as
// constants lets the generator refer to them without string typos.
const (
	ZeroDivisionError = "ZeroDivisionError"
	ValueError        = "ValueError"
	IndexError        = "IndexError"
	OverflowError     = "OverflowError"
	AssertionError    = "AssertionError"
	RuntimeError      = "RuntimeError"
	TypeError         = "TypeError"
)

// Error is a Python exception raised by compiled code, carrying the Python
// source location so that messages point at the kernel, not the Go output.
type Error struct {
	Type string // exception class name, e.g. "ZeroDivisionError"
	Msg  string // CPython's message, e.g. "division by zero"
	File string // Python source file, e.g. "kernels.py"
	Line int    // 1-based line in File (0 if unknown)
	Func string // Python function name ("" if unknown)
}

// Error formats like "kernels.py:12: ZeroDivisionError: division by zero (in gcd)".
// An empty message prints the bare class name, as Python's traceback does
// for e.g. a bare `assert`.
func (e *Error) Error() string {
	s := ""
	if e.File != "" {
		s = e.File + ":"
		if e.Line > 0 {
			s += strconv.Itoa(e.Line) + ":"
		}
		s += " "
	}
	s += e.Type
	if e.Msg != "" {
		s += ": " + e.Msg
	}
	if e.Func != "" {
		s += " (in " + e.Func + ")"
	}
	return s
}

// Is reports whether target is the class sentinel (or another *Error) of
// the same exception class, so errors.Is(err, ErrZeroDivision) works.
func (e *Error) Is(target error) bool {
	switch t := target.(type) {
	case *classError:
		return t.name == e.Type
	case *Error:
		return t.Type == e.Type
	}
	return false
}

// Raise builds a Python exception. It returns *Error (not error) so callers
// can inspect fields without a type assertion.
func Raise(typ, msg, file string, line int, fn string) *Error {
	return &Error{Type: typ, Msg: msg, File: file, Line: line, Func: fn}
}

// classError is the type of the class sentinels: an exception class, not an
// exception instance, so it carries no message or location.
type classError struct{ name string }

func (c *classError) Error() string { return c.name }

// Class sentinels for errors.Is.
var (
	ErrZeroDivision error = &classError{ZeroDivisionError}
	ErrValue        error = &classError{ValueError}
	ErrIndex        error = &classError{IndexError}
	ErrOverflow     error = &classError{OverflowError}
	ErrAssertion    error = &classError{AssertionError}
	ErrRuntime      error = &classError{RuntimeError}
	ErrType         error = &classError{TypeError}
)
