package ir

import (
	"strconv"
	"strings"
)

// Library calls. np.linalg's functions are not computed by IR: they are
// calls of a runtime library (runtime/linalg on gonum for Go,
// pyc2go_linalg.c on LAPACKE and OpenBLAS for C) that may raise numpy's
// LinAlgError and return several arrays. A CallStmt calls them like a
// module function, through a Func that is no function of the module: its
// Lib says which library function it is, its Params and Result type the
// call, and it Raises, except a list operation (list.go) (the library reports numpy's errors, the
// call site adds the Python position). The passes need no case of their
// own: a CallStmt already defines its destinations and may raise, and a
// library function reads its array arguments without writing them.
//
// The text form spells such a call `x, r = call lib linalg.qr["r"](a)`:
// the options in brackets, `lib exact` for a function whose results are
// numpy's bit for bit.

// Lib is the runtime library function a Func stands for.
type Lib struct {
	// Name is the library's name for the function, "linalg.solve":
	// emitters map it to the runtime's entry point.
	Name string
	// Opts are the call's constant options, in an order the library
	// function fixes: eigh's UPLO, qr's mode, norm's ord string, ...
	Opts []string
	// Exact says the results are numpy's bit for bit (verify compares
	// the calling functions exactly); false for LAPACK's results, whose
	// rounding differs between implementations.
	Exact bool
}

// LibFunc is the Func a CallStmt calls for the library function lib
// applied to args, returning results (one Result type; a Tuple for
// several).
func LibFunc(lib *Lib, args []Expr, results []Type) *Func {
	f := &Func{Name: lib.Name, Raises: !IsListLib(lib.Name), Lib: lib, Result: tupleOf(results)}
	for i, a := range args {
		f.Params = append(f.Params, &Var{Name: "a" + strconv.Itoa(i), Type: a.Type()})
	}
	return f
}

func tupleOf(ts []Type) Type {
	if len(ts) == 1 {
		return ts[0]
	}
	return &Tuple{Elems: ts}
}

// libString is the text form of a library call's callee.
func libString(l *Lib) string {
	s := "lib "
	if l.Exact {
		s += "exact "
	}
	s += l.Name
	if len(l.Opts) > 0 {
		qs := make([]string, len(l.Opts))
		for i, o := range l.Opts {
			qs[i] = strconv.Quote(o)
		}
		s += "[" + strings.Join(qs, ", ") + "]"
	}
	return s
}

// libCall parses a library call after the word lib; the Func's Result is
// set by the caller from the destinations.
func (l *lineParser) libCall() *Call {
	lib := &Lib{Exact: l.acceptWord("exact")}
	lib.Name = l.ident()
	for l.accept(".") {
		lib.Name += "." + l.ident()
	}
	if l.accept("[") {
		for !l.accept("]") {
			lib.Opts = append(lib.Opts, l.quoted())
			l.accept(",")
		}
	}
	l.expect("(")
	args := l.exprsUntil(")")
	return &Call{Fn: LibFunc(lib, args, nil), Args: args}
}
