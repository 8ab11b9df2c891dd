package typeinfer

// Specialisation: functions typed from their call sites.
//
// A function with a parameter that has neither an annotation nor a
// `#pythran export` type (a helper written without types, a function
// exported by a line that does not name its callees) is a template: it is
// never compiled as such. Each call from compiled code binds the arguments
// as Python does (defaults filling omitted parameters) and asks for the
// instance of the template with those parameter types (the annotated ones
// keep their annotation), creating it the first time: a Func with its own
// copy of the definition, checked like any other. This is Pythran's
// approach, and Numba's: one compiled function per distinct argument-type
// signature.
//
// Instances are made during the fixed-point iteration, while argument
// types may still widen (a local that is an int in one pass and a float in
// the next asks for f(int), then f(float)), so some go stale. The final
// pass walks the functions that are not instances, and from them only the
// instances their calls reach; the rest are dropped. The first instance of
// a template to be reached, in creation order, keeps the template's name
// and the others are NAME_2, NAME_3, ... (the naming of Pythran overloads,
// OverloadName), all with PyName NAME.
//
// A public template that no compiled code calls has no types at all: that
// is an error at its first untyped parameter, naming the three ways to
// give it types. A private one (a name starting with _) that nothing calls
// is dead code and is dropped silently.

import (
	"strings"

	"github.com/go-python/gpython/ast"
	"github.com/go-python/gpython/py"

	"github.com/pyc2go/pyc2go/ir"
)

// maxInstances bounds the instances of one template: a recursion whose
// argument types change at every level would otherwise make them forever.
const maxInstances = 16

// isGeneric reports whether d has a parameter without an annotation (the
// caller has already handled functions with export lines).
func isGeneric(d *ast.FunctionDef) bool {
	if d.Args == nil {
		return false
	}
	for _, a := range append(append([]*ast.Arg{}, d.Args.Args...), d.Args.Kwonlyargs...) {
		if a.Annotation == nil {
			return true
		}
	}
	return false
}

// sigKey identifies a parameter-type signature.
func sigKey(types []ir.Type) string {
	parts := make([]string, len(types))
	for i, t := range types {
		parts[i] = typeStr(t)
	}
	return strings.Join(parts, "; ")
}

// instanceTypes returns the parameter types of template t for a call whose
// arguments bind by slots and have types argType: the annotation where
// there is one, else the argument's type, else the default's. ok is false
// while some type is not known yet.
func (c *checker) instanceTypes(t *Func, slots []int, argType func(w int) ir.Type) ([]ir.Type, bool) {
	types := make([]ir.Type, len(t.Params))
	for i, p := range t.Params {
		if i >= len(t.Params)-t.Captures {
			types[i] = ir.Int64 // the function value's captures, filled by the caller
			continue
		}
		switch {
		case p.Type != nil && !t.untyped[i]:
			types[i] = p.Type
		case i < len(slots) && slots[i] >= 0:
			types[i] = argType(slots[i])
		case i < len(t.DefaultValues) && t.DefaultValues[i] != nil:
			types[i] = t.DefaultValues[i].Type
		case i < len(t.Defaults) && isNoneExpr(t.Defaults[i]):
			types[i] = ir.None
		}
		if !complete(types[i]) {
			return nil, false
		}
	}
	return types, true
}

// instance returns the instance of template t for the parameter types,
// making it if needed; nil when the bound of maxInstances is reached (an
// error at call in the final pass).
func (c *checker) instance(t *Func, types []ir.Type, call ast.Ast) *Func {
	key := sigKey(types)
	for _, in := range t.instances {
		if in.key == key {
			return in
		}
	}
	if len(t.instances) >= maxInstances {
		c.errorf(call, "too many specialisations of '%s' (%d): its argument types differ at every call (a recursion that changes them?); annotate its parameters", t.Name, maxInstances)
		return nil
	}
	in := &Func{
		Name: t.Name, PyName: t.PyName, Def: c.cloneDef(t.Def), Pos: t.Pos, Scope: map[string]*Local{},
		template: t, key: key, sigTypes: types, Captures: t.Captures,
	}
	t.instances = append(t.instances, in)
	c.info.Funcs = append(c.info.Funcs, in)
	c.declare(in)
	c.changed = true
	return in
}

// reach marks an instance as called from compiled code in the final pass,
// queueing its body to be walked.
func (c *checker) reach(in *Func) {
	if c.final && !in.live {
		in.live = true
		c.liveQueue = append(c.liveQueue, in)
	}
}

// finishInstances replaces the instances in Info.Funcs by the live ones,
// each at its template's place in source order, names them, and reports
// the public templates nothing instantiated.
func (c *checker) finishInstances() {
	var funcs []*Func
	for _, fn := range c.order {
		if !fn.generic {
			funcs = append(funcs, fn)
			continue
		}
		k, h := 0, 0
		for _, in := range fn.instances {
			if !in.live {
				continue
			}
			if takesFunction(in) && !strings.HasPrefix(fn.Name, "_") {
				// Compiled for function arguments, which neither the Go
				// and C APIs nor verify can pass: a helper.
				in.Name = "_" + OverloadName(fn.Name, h)
				h++
			} else {
				in.Name = OverloadName(fn.Name, k)
				k++
			}
			funcs = append(funcs, in)
		}
		k += h
		if k == 0 && !strings.HasPrefix(fn.Name, "_") {
			for i, p := range fn.Params {
				if fn.untyped[i] {
					c.errorAt(p.Pos, "%s", needsTypeMsg(p.Name, fn.Name))
					break
				}
			}
		}
	}
	c.info.Funcs = funcs
}

// takesFunction reports whether fn has a parameter that is a function
// value.
func takesFunction(fn *Func) bool {
	for _, p := range fn.Params {
		if _, ok := p.Type.(*ir.FuncValue); ok {
			return true
		}
	}
	return false
}

// needsTypeMsg says how to give parameter p of function f a type.
func needsTypeMsg(p, f string) string {
	return "parameter '" + p + "' of " + f + " needs a type annotation (int, float, complex, bool, np.float32, \"float64[:]\", \"int64[:, :]\", ...), a `#pythran export " + f + "(...)` line, or a call from an annotated function that gives it its types"
}

// isNoneExpr reports whether e is the literal None.
func isNoneExpr(e ast.Expr) bool {
	n, ok := e.(*ast.NameConstant)
	return ok && n.Value == py.None
}
