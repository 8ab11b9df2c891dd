package typeinfer

import (
	"github.com/go-python/gpython/ast"

	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/numpy"
)

// Calls of np.random.NAME and of a Generator's methods. Their rows live in
// package numpy (rows_random.go) and bind like any row's (callRow); what
// is particular is where the callee comes from: the submodule np.random,
// or a local variable of type ir.Generator, which only
// np.random.default_rng makes.
//
// A Generator stays inside the function that makes it: it cannot be
// returned, passed to a function, or given a second name (the C backend
// holds it in the function's frame, and one generator known by two names
// would need the state shared).

// randomCallee resolves np.random.NAME(...) and rng.NAME(...) for a
// Generator rng; isRandom is false for any other call.
func (c *checker) randomCallee(e *ast.Call, f *ast.Attribute) (cl callee, ok, isRandom bool) {
	attr := string(f.Attr)
	if n, m, sub := c.numpySubmodule(f.Value); m != nil && sub == "random" {
		c.use(n, m)
		disp := string(n.Id) + ".random." + attr
		row := numpy.LookupRandom(attr)
		if row == nil {
			c.errorf(e, "%s", numpy.Unsupported("numpy.random", attr, disp))
			return callee{}, false, true
		}
		return callee{kind: CallNumpy, name: row.Name, disp: disp, row: row}, true, true
	}
	n, isName := f.Value.(*ast.Name)
	if !isName || !c.isLocal(string(n.Id)) {
		return callee{}, false, false
	}
	if l := c.fs.fn.Scope[string(n.Id)]; l == nil || !isGenerator(l.Type) {
		return callee{}, false, false
	}
	row := numpy.LookupGenerator(attr)
	if row == nil {
		c.expr(n)
		c.errorf(f, "%s", numpy.UnsupportedGenerator(attr))
		return callee{}, false, true
	}
	return callee{kind: CallMethod, name: row.Name, disp: attr, recv: n, row: row}, true, true
}

// callRandom types a call of a random row.
func (c *checker) callRandom(e *ast.Call, cl callee, stmt bool) ir.Type {
	if cl.recv == nil {
		return c.callRow(e, cl.row, cl.disp, nil, nil, stmt)
	}
	rt := c.expr(cl.recv)
	if rt == nil {
		c.args(e)
		return nil
	}
	return c.callRow(e, cl.row, cl.disp, cl.recv, rt, stmt)
}

func isGenerator(t ir.Type) bool {
	_, ok := t.(ir.Generator)
	return ok
}

// generatorEscapes reports (once) a Generator value used where it would
// leave its variable: anything but default_rng's call assigned to a name.
func (c *checker) generatorEscapes(value ast.Expr, vt ir.Type, what string) bool {
	if !isGenerator(vt) {
		return false
	}
	c.errorf(value, "unsupported: %s a Generator; make it with np.random.default_rng(seed) in the function that draws from it", what)
	return true
}
