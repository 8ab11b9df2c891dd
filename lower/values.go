package lower

// Values that are several IR values, and optional values.
//
// A Python value whose type is not a scalar or an array is held in IR as
// several variables: a tuple as one per element (as before), an optional
// number (typeinfer's *ir.Optional of a scalar) as its value and a flag
// that is true when it is None, an optional array as the array variable
// alone, whose None is no array (the "none" intrinsic; the "is_none"
// intrinsic tests it), and None itself as nothing at all. flatTypes says
// which; a parameter or result of such a type is that many IR parameters
// or results, so ir.Func never has an Optional or None parameter and the
// emitters never meet *ir.Optional.
//
// values lowers an expression for a place of a given type (a variable, a
// parameter, a result), converting as the value flows in Python: a number
// into an optional number, None into an optional, an optional into a
// wider optional.

import (
	"github.com/go-python/gpython/ast"

	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/typeinfer"
)

// flatTypes is how a value of type t is held in IR: the types of its
// variables, in order.
func flatTypes(t ir.Type) []ir.Type {
	switch t := t.(type) {
	case ir.NoneType, ir.ExcValue:
		// An except clause's name has no variable (try.go).
		return nil
	case *ir.Optional:
		if _, ok := t.Elem.(*ir.Array); ok {
			return []ir.Type{t.Elem}
		}
		return []ir.Type{t.Elem, ir.Bool}
	case *ir.Tuple:
		var out []ir.Type
		for _, e := range t.Elems {
			out = append(out, flatTypes(e)...)
		}
		return out
	case *ir.FuncValue:
		// A function value is its captures (typeinfer/closure.go).
		var out []ir.Type
		for _, e := range t.Captures {
			out = append(out, flatTypes(e)...)
		}
		return out
	}
	return []ir.Type{t}
}

// resultType is the ir.Func result of a function returning t: None, one
// type, or a tuple of the flat types.
func resultType(t ir.Type) ir.Type {
	if t == nil {
		return ir.None
	}
	if l, ok := t.(*ir.List); ok && l.Elem == nil {
		return &ir.List{Elem: ir.Int64} // only ever empty (defaultListElems)
	}
	if _, ok := t.(ir.NoneType); ok {
		return ir.None
	}
	fl := flatTypes(t)
	switch len(fl) {
	case 0:
		return ir.None
	case 1:
		if _, tuple := t.(*ir.Tuple); !tuple {
			return fl[0]
		}
	}
	return &ir.Tuple{Elems: fl}
}

// isMulti reports whether values of t are held in other than exactly one
// IR variable of t itself.
func isMulti(t ir.Type) bool {
	switch t.(type) {
	case *ir.Tuple, *ir.Optional, ir.NoneType, *ir.FuncValue, ir.ExcValue:
		return true
	}
	return false
}

// isOptionalArray reports whether t is an optional array, held in a
// Nullable array variable.
func isOptionalArray(t ir.Type) bool {
	o, ok := t.(*ir.Optional)
	if !ok {
		return false
	}
	_, ok = o.Elem.(*ir.Array)
	return ok
}

// noneArray is the None of an optional array of type t, in a Nullable
// temporary: emitters meet the none intrinsic only as an assignment.
func (l *fnLowerer) noneArray(t *ir.Array) ir.Expr {
	v := l.temp(t)
	v.Nullable = true
	l.emit(&ir.Assign{Dst: v, Src: intr("none", t)})
	return ir.Ref(v)
}

// values lowers e for a place of type dst and returns its IR values.
func (l *fnLowerer) values(e ast.Expr, dst ir.Type) []ir.Expr {
	var src ir.Type = ir.None
	if !isNone(e) {
		src = l.typeOf(e)
	}
	switch d := dst.(type) {
	case ir.NoneType:
		l.effects(e)
		return nil
	case *ir.FuncValue:
		return l.captures(e, d)
	case *ir.Optional:
		if _, none := src.(ir.NoneType); none {
			l.effects(e)
			if a, ok := d.Elem.(*ir.Array); ok {
				return []ir.Expr{l.noneArray(a)}
			}
			return []ir.Expr{zero(d.Elem.(ir.Scalar)), ir.BoolConst(true)}
		}
		if so, ok := src.(*ir.Optional); ok {
			vals := l.multi(e, so)
			if s, ok := d.Elem.(ir.Scalar); ok {
				vals[0] = convert(vals[0], s)
			}
			return vals
		}
		if _, ok := d.Elem.(*ir.Array); ok {
			return []ir.Expr{l.expr(e)}
		}
		return []ir.Expr{convert(l.expr(e), d.Elem.(ir.Scalar)), ir.BoolConst(false)}
	case *ir.Tuple:
		vals := l.tuple(e)
		ft := flatTypes(d)
		for i := range vals {
			if i < len(ft) {
				vals[i] = convTo(vals[i], ft[i])
			}
		}
		return vals
	}
	return []ir.Expr{convTo(l.expr(e), dst)}
}

// multi lowers an expression of a several-variable type (an optional,
// here) to its values as they are held: a local's variables, a call's
// results, a conditional expression's arms.
func (l *fnLowerer) multi(e ast.Expr, t ir.Type) []ir.Expr {
	switch x := e.(type) {
	case *ast.Name:
		var out []ir.Expr
		for _, v := range l.vars[l.local(x)] {
			out = append(out, ir.Ref(v))
		}
		return out
	case *ast.Call:
		if ci := l.info.Calls[x]; ci != nil && ci.Kind == typeinfer.CallFunc {
			return l.callFunc(x, ci, nil, false)
		}
	case *ast.IfExp:
		return l.ifExp(x, flatTypes(t), func(a ast.Expr) []ir.Expr { return l.values(a, t) })
	}
	l.errorf(e, "unsupported: a value that may be None here")
	return nil
}

// effects lowers e for its effects only (the None of a call that returns
// nothing); names and literals have none.
func (l *fnLowerer) effects(e ast.Expr) {
	switch e.(type) {
	case *ast.Name, *ast.NameConstant:
		return
	}
	if call, ok := e.(*ast.Call); ok {
		if ci := l.info.Calls[call]; ci != nil && ci.Kind == typeinfer.CallFunc {
			l.callFunc(call, ci, nil, true)
			return
		}
	}
	l.expr(e)
}

// captures are the IR values of a function value e (a name): a
// parameter's variables, or, for a function value made in this function
// (the lifted function's name, or a variable assigned it), the current
// values of the variables it captures, read now as Python's closure reads
// them at each call.
func (l *fnLowerer) captures(e ast.Expr, t *ir.FuncValue) []ir.Expr {
	n, ok := e.(*ast.Name)
	if !ok {
		l.errorf(e, "unsupported: a function value here")
	}
	if loc, ok := l.info.Uses[n].(*typeinfer.Local); ok && loc.Param {
		var out []ir.Expr
		for _, v := range l.vars[loc] {
			out = append(out, ir.Ref(v))
		}
		return out
	}
	return l.madeHere(e, t)
}

// madeHere are the values of the captures of function value t made in
// this function: the variables of those names, each as the capture's
// type (an optional narrowed where the value was made is its value; a
// function value, its own captures).
func (l *fnLowerer) madeHere(at ast.Expr, t *ir.FuncValue) []ir.Expr {
	fn, _ := t.Code.(*typeinfer.Func)
	if fn == nil {
		l.errorf(at, "unsupported: a function value here")
	}
	var out []ir.Expr
	for i, p := range fn.Params[len(fn.Params)-fn.Captures:] {
		loc := l.tf.Scope[p.Name]
		if loc == nil {
			l.errorf(at, "unsupported: '%s' reads '%s', which is not a variable here", fn.PyName, p.Name)
		}
		if inner, ok := t.Captures[i].(*ir.FuncValue); ok {
			if loc.Param {
				for _, v := range l.vars[loc] {
					out = append(out, ir.Ref(v))
				}
			} else {
				out = append(out, l.madeHere(at, inner)...)
			}
			continue
		}
		vars := l.vars[loc]
		want := flatTypes(t.Captures[i])
		if _, opt := loc.Type.(*ir.Optional); opt && len(want) < len(vars) {
			vars = vars[:len(want)] // narrowed where the value was made
		}
		for k, v := range vars {
			out = append(out, convTo(ir.Ref(v), want[k]))
		}
	}
	return out
}

// noneValues are the IR values of None held in a place of type t (an
// optional).
func (l *fnLowerer) noneValues(t ir.Type) []ir.Expr {
	o, ok := t.(*ir.Optional)
	if !ok {
		return nil
	}
	if a, ok := o.Elem.(*ir.Array); ok {
		return []ir.Expr{l.noneArray(a)}
	}
	return []ir.Expr{zero(o.Elem.(ir.Scalar)), ir.BoolConst(true)}
}

// isNoneTest lowers `x is None` / `x is not None`.
func (l *fnLowerer) isNoneTest(e *ast.Compare) ir.Expr {
	if v, ok := l.info.Static[e]; ok {
		return ir.BoolConst(v)
	}
	operand := e.Left
	if isNone(operand) {
		operand = e.Comparators[0]
	}
	var test ir.Expr
	switch t := l.typeOf(operand).(type) {
	case ir.NoneType:
		l.effects(operand)
		test = ir.BoolConst(true)
	case *ir.Optional:
		vals := l.multi(operand, t)
		if _, ok := t.Elem.(*ir.Array); ok {
			test = intr("is_none", ir.Bool, vals[0])
		} else {
			test = vals[1]
		}
	default:
		l.effects(operand)
		test = ir.BoolConst(false)
	}
	if e.Ops[0] == ast.IsNot {
		return not(test)
	}
	return test
}

// isNoneCompare reports whether e is `x is None` or `x is not None`.
func isNoneCompare(e *ast.Compare) bool {
	if len(e.Ops) != 1 || len(e.Comparators) != 1 || (e.Ops[0] != ast.Is && e.Ops[0] != ast.IsNot) {
		return false
	}
	return isNone(e.Left) || isNone(e.Comparators[0])
}
