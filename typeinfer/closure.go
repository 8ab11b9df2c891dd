package typeinfer

// Function values.
//
// frontend/desugar.go lifts lambdas and nested defs into module functions
// whose last keyword-only parameters are their captures (Func.Captures),
// and leaves the lifted function's name where the lambda was. Such a name,
// or any module function's name used other than in a call, is a function
// value: *ir.FuncValue, naming the function (the template, for a function
// typed from its calls) and the types of its captures, read from the
// variables of those names in the function where the value is made.
// Variables and parameters may hold function values; a call through one
// is a call of its function with the captures appended (CallInfo.Closure),
// specialised like any call, so a module function that takes a function
// parameter gets an instance per function passed to it. A function value
// cannot be returned or put in a tuple: it would outlive the variables it
// reads.

import (
	"github.com/go-python/gpython/ast"

	"github.com/pyc2go/pyc2go/ir"
)

// funcValue types the name of module function fn used as a value.
func (c *checker) funcValue(n *ast.Name, fn *Func) ir.Type {
	if len(c.overloads[fn.PyName]) > 1 {
		c.errorf(n, "unsupported: '%s' as a value: it has several pythran export signatures; wrap the call in a lambda", fn.PyName)
		return nil
	}
	fv := &ir.FuncValue{Code: fn, Name: fn.PyName}
	if fn.Captures > 0 {
		for _, p := range fn.Params[len(fn.Params)-fn.Captures:] {
			l := c.fs.fn.Scope[p.Name]
			if l == nil {
				c.errorf(n, "unsupported: '%s' reads '%s', which is not a variable here", fn.PyName, p.Name)
				return nil
			}
			t := c.narrow(l, c.localType(n, l))
			if t == nil {
				return nil
			}
			if inner, isFn := t.(*ir.FuncValue); isFn && reads(inner, fn) {
				c.errorf(n, "unsupported: the nested function '%s' calls itself; define it at module level", p.Name)
				return nil
			}
			fv.Captures = append(fv.Captures, t)
		}
	}
	return fv
}

// reads reports whether function value v is, or captures, function fn.
func reads(v *ir.FuncValue, fn *Func) bool {
	if v.Code == fn {
		return true
	}
	for _, c := range v.Captures {
		if w, ok := c.(*ir.FuncValue); ok && reads(w, fn) {
			return true
		}
	}
	return false
}
