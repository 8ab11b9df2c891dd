package typeinfer

import (
	"fmt"
	"strings"

	"github.com/go-python/gpython/ast"
	"github.com/go-python/gpython/py"

	"github.com/pyc2go/pyc2go/ir"
)

// npSig is the parameter list of a numpy function or array method: req are
// the operands (they stay in CallInfo.Args), opt the optional parameters
// (they go to CallInfo.Kwargs, even when passed positionally).
type npSig struct {
	req, opt []string
}

func npsig(req, opt string) npSig { return npSig{strings.Fields(req), strings.Fields(opt)} }

var npSigs = map[string]npSig{
	"zeros": npsig("shape", "dtype"), "ones": npsig("shape", "dtype"), "empty": npsig("shape", "dtype"),
	"full":       npsig("shape fill_value", "dtype"),
	"zeros_like": npsig("a", "dtype"), "ones_like": npsig("a", "dtype"), "empty_like": npsig("a", "dtype"),
	"full_like": npsig("a fill_value", "dtype"),
	"linspace":  npsig("start stop", "num endpoint dtype"),
	"copy":      npsig("a", ""),
	"array":     npsig("object", "dtype"),
	"eye":       npsig("N", "M k dtype"),
	"identity":  npsig("n", "dtype"),
	"where":     npsig("condition x y", ""),
	"clip":      npsig("a a_min a_max", ""),
	"dot":       npsig("a b", ""), "matmul": npsig("x1 x2", ""), "outer": npsig("a b", ""),
	"round": npsig("a", "decimals"), "around": npsig("a", "decimals"),
}

func init() {
	for n := range npUnary {
		npSigs[n] = npsig("x", "")
	}
	for n := range npBinary {
		npSigs[n] = npsig("x1 x2", "")
	}
	for n := range reductions {
		npSigs[n] = npsig("a", "axis")
	}
	npSigs["std"] = npsig("a", "axis dtype out ddof")
	npSigs["var"] = npsig("a", "axis dtype out ddof")
}

// bindNumpy binds a numpy call's arguments to s. Operands are typed
// (c.expr); optional parameters too, except dtype, which names a type.
func (c *checker) bindNumpy(e *ast.Call, disp string, s npSig, recv ast.Expr) (*CallInfo, []ir.Type, bool) {
	ci := &CallInfo{Kind: CallNumpy, Kwargs: map[string]ast.Expr{}, Axis: -1, Recv: recv}
	args := make([]ast.Expr, len(s.req))
	ok := true
	for i, a := range e.Args {
		switch {
		case i < len(s.req):
			args[i] = a
		case i < len(s.req)+len(s.opt):
			ci.Kwargs[s.opt[i-len(s.req)]] = a
		default:
			c.errorf(a, "%s() takes at most %s", disp, plural(len(s.req)+len(s.opt), "positional argument"))
			ok = false
		}
	}
	for _, kw := range e.Keywords {
		name := string(kw.Arg)
		idx := -1
		for i, r := range s.req {
			if r == name {
				idx = i
			}
		}
		switch {
		case idx >= 0 && args[idx] == nil:
			args[idx] = kw.Value
		case idx >= 0 || ci.Kwargs[name] != nil:
			c.errorf(kw.Value, "%s() got multiple values for argument '%s'", disp, name)
			ok = false
		case contains(s.opt, name):
			ci.Kwargs[name] = kw.Value
		default:
			c.errorf(kw.Value, "%s() got an unexpected keyword argument '%s' (or pyc2go does not support it)", disp, name)
			ok = false
		}
	}
	types := make([]ir.Type, len(args))
	for i, a := range args {
		if a == nil {
			c.errorf(e, "%s() missing required argument '%s'", disp, s.req[i])
			ok = false
			continue
		}
		if l, isList := a.(*ast.List); isList && s.req[i] == "object" { // np.array([...])
			types[i] = c.listLiteral(l)
			continue
		}
		types[i] = c.argExpr(a)
	}
	ci.Args = args
	for i := range args {
		ci.ArgOrder = append(ci.ArgOrder, i)
	}
	for name, v := range ci.Kwargs {
		switch name {
		case "dtype":
			if k, ok2 := c.dtypeArg(v); ok2 {
				ci.DType = k
			} else {
				ok = false
			}
		case "out":
			c.errorf(v, "unsupported: out= argument")
			ok = false
		default:
			if isNoneConst(v) && name == "axis" {
				c.record(v, ir.None)
				continue
			}
			t := c.expr(v)
			if t == nil {
				ok = false
			}
		}
	}
	return ci, types, ok
}

func isNoneConst(e ast.Expr) bool {
	nc, ok := e.(*ast.NameConstant)
	return ok && nc.Value == py.None
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// dtypeArg resolves a dtype expression: np.float32, float, "f8", a.dtype.
func (c *checker) dtypeArg(e ast.Expr) (ir.Scalar, bool) {
	switch x := e.(type) {
	case *ast.Str:
		s := strings.TrimSpace(string(x.S))
		if k, ok := dtypeNames[s]; ok {
			return k, true
		}
		c.errorf(e, "%s", unknownDtype(s))
		return 0, false
	case *ast.Name:
		id := string(x.Id)
		if !c.isLocal(id) {
			switch o := c.globals[id].(type) {
			case nil:
				if k, ok := builtinTypeNames[id]; ok {
					c.use(x, &Builtin{Name: id})
					return k, true
				}
			case *Imported:
				if o.Module == "numpy" {
					if k, ok := numpyNames[o.Name]; ok {
						c.use(x, o)
						return k, true
					}
				}
			}
		}
	case *ast.Attribute:
		if n, m := c.moduleOf(x.Value); m != nil {
			if m.Path == "numpy" {
				if k, ok := numpyNames[string(x.Attr)]; ok {
					c.use(n, m)
					return k, true
				}
				if x.Attr == "float16" || x.Attr == "half" || x.Attr == "longdouble" {
					c.errorf(e, "%s", unknownDtype(string(x.Attr)))
					return 0, false
				}
				if x.Attr == "bool" || x.Attr == "int_" || x.Attr == "float_" || x.Attr == "complex_" {
					c.use(n, m)
					return map[string]ir.Scalar{"bool": ir.Bool, "int_": ir.Int64, "float_": ir.Float64, "complex_": ir.Complex128}[string(x.Attr)], true
				}
			}
			break
		}
		if x.Attr == "dtype" {
			t := c.expr(x.Value)
			if a, ok := isArr(t); ok {
				if c.final {
					c.info.Attrs[x] = &AttrInfo{Kind: AttrDtype, Type: a.Elem}
				}
				return a.Elem, true
			}
			if t == nil {
				return 0, false
			}
		}
	}
	c.errorf(e, "unsupported dtype; write np.float64, np.int32, ..., float, int, bool, complex, a string like \"f8\", or a.dtype")
	return 0, false
}

// shapeArg types a shape argument: an int (rank 1) or a tuple of ints.
func (c *checker) shapeArg(e ast.Expr, t ir.Type) (int, bool) {
	switch t := t.(type) {
	case nil:
		return 0, false
	case ir.Scalar:
		if t.IsInt() {
			return 1, true
		}
	case *ir.Tuple:
		for _, x := range t.Elems {
			if s, ok := x.(ir.Scalar); !ok || !s.IsInt() {
				c.errorf(e, "shape must be an int or a tuple of ints, not a tuple containing %s", pyName(x))
				return 0, false
			}
		}
		if len(t.Elems) > 4 {
			c.errorf(e, "unsupported: arrays of rank %d; ranks 1 to 4 are supported", len(t.Elems))
			return 0, false
		}
		return len(t.Elems), true
	}
	c.errorf(e, "'%s' object cannot be interpreted as an integer (a shape is an int or a tuple of ints)", pyName(t))
	return 0, false
}

// listLiteral types a (nested) list literal, the argument of np.array.
// Lists have the type of the array they become; the dtype follows numpy:
// bools -> bool, ints -> int64, any float -> float64, any complex ->
// complex128.
func (c *checker) listLiteral(l *ast.List) ir.Type {
	var elem ir.Scalar
	ok := true
	var walk func(l *ast.List, depth int) int
	lens := map[int]int{} // the length of every list at each depth
	walk = func(l *ast.List, depth int) int {
		if len(l.Elts) == 0 {
			c.errorf(l, "unsupported: empty list (its dtype and shape are unknown)")
			ok = false
			return -1
		}
		if n, seen := lens[depth]; seen && n != len(l.Elts) {
			c.errorf(l, "setting an array element with a sequence. The requested array has an inhomogeneous shape after %d dimensions", depth)
			ok = false
			return -1
		}
		lens[depth] = len(l.Elts)
		sub := -2
		for _, x := range l.Elts {
			d := 0
			if inner, isList := x.(*ast.List); isList {
				d = walk(inner, depth+1)
				if d < 0 {
					return -1
				}
			} else {
				t := c.expr(x)
				s, isS := t.(ir.Scalar)
				if t == nil {
					ok = false
					continue
				}
				if !isS {
					c.errorf(x, "unsupported: %s value inside an array literal; write numbers", pyName(t))
					ok = false
					continue
				}
				if elem == ir.Invalid {
					elem = s
				} else if j, jok := join(elem, s); jok {
					elem = j.(ir.Scalar)
				} else {
					c.errorf(x, "unsupported: array literal mixing %s and %s", pyName(elem), pyName(s))
					ok = false
				}
			}
			if sub == -2 {
				sub = d
			} else if sub != d {
				c.errorf(l, "setting an array element with a sequence. The requested array has an inhomogeneous shape after %d dimensions", depth+1)
				ok = false
				return -1
			}
		}
		return sub + 1
	}
	rank := walk(l, 0)
	if !ok || rank < 1 {
		return nil
	}
	if rank > 4 {
		c.errorf(l, "unsupported: arrays of rank %d; ranks 1 to 4 are supported", rank)
		return nil
	}
	// Record the sub-lists with the types of the arrays they stand for.
	var rec func(l *ast.List, r int)
	rec = func(l *ast.List, r int) {
		c.record(l, &ir.Array{Elem: elem, Rank: r, Contig: true})
		for _, x := range l.Elts {
			if inner, isList := x.(*ast.List); isList {
				rec(inner, r-1)
			}
		}
	}
	rec(l, rank)
	return &ir.Array{Elem: elem, Rank: rank, Contig: true}
}

func fresh(k ir.Scalar, rank int) *ir.Array { return &ir.Array{Elem: k, Rank: rank, Contig: true} }

// anyArray reports whether some type is an array.
func anyArray(ts ...ir.Type) bool {
	for _, t := range ts {
		if _, ok := t.(*ir.Array); ok {
			return true
		}
	}
	return false
}

// callNumpyArray types np.NAME(...) for the array functions.
func (c *checker) callNumpyArray(e *ast.Call, cl callee) ir.Type {
	name := cl.name
	if name == "arange" {
		return c.arange(e, cl)
	}
	s, known := npSigs[name]
	if !known {
		c.args(e)
		c.errorf(e, "unsupported: %s()", cl.disp)
		return nil
	}
	ci, ts, ok := c.bindNumpy(e, cl.disp, s, nil)
	ci.Name = name
	if !ok {
		return nil
	}
	for _, t := range ts {
		if t == nil {
			return nil
		}
	}
	t := c.numpyResult(e, cl.disp, name, ci, ts, nil)
	if t != nil {
		c.setCall(e, ci)
	}
	return t
}

// needArray checks that operand i is an array.
func (c *checker) needArray(e ast.Expr, disp string, t ir.Type) (*ir.Array, bool) {
	a, ok := isArr(t)
	if !ok {
		if t != nil {
			c.errorf(e, "unsupported: %s() of a %s value; it needs an array", disp, pyName(t))
		}
		return nil, false
	}
	return a, true
}

// numpyResult computes the result type of a bound numpy function (or, with
// recv set, the array method of the same name).
func (c *checker) numpyResult(e *ast.Call, disp, name string, ci *CallInfo, ts []ir.Type, recv *ir.Array) ir.Type {
	args := ci.Args
	if recv != nil {
		ts = append([]ir.Type{recv}, ts...)
		args = append([]ast.Expr{ci.Recv}, args...)
	}
	dtypeOr := func(k ir.Scalar) ir.Scalar {
		if ci.DType != ir.Invalid {
			return ci.DType
		}
		return k
	}
	switch {
	case name == "zeros" || name == "ones" || name == "empty":
		r, ok := c.shapeArg(args[0], ts[0])
		if !ok {
			return nil
		}
		return fresh(dtypeOr(ir.Float64), r)
	case name == "full":
		r, ok := c.shapeArg(args[0], ts[0])
		if !ok {
			return nil
		}
		fv, isS := ts[1].(ir.Scalar)
		if !isS {
			c.errorf(args[1], "unsupported: fill value of type %s; it must be a number", pyName(ts[1]))
			return nil
		}
		return fresh(dtypeOr(fv), r)
	case strings.HasSuffix(name, "_like"):
		a, ok := c.needArray(args[0], disp, ts[0])
		if !ok {
			return nil
		}
		if name == "full_like" {
			if _, isS := ts[1].(ir.Scalar); !isS {
				c.errorf(args[1], "unsupported: fill value of type %s; it must be a number", pyName(ts[1]))
				return nil
			}
		}
		return fresh(dtypeOr(a.Elem), a.Rank)
	case name == "linspace":
		for i := 0; i < 2; i++ {
			if s, ok := ts[i].(ir.Scalar); !ok || s.IsComplex() {
				c.errorf(args[i], "unsupported: %s() bound of type %s; it must be a real number", disp, pyName(ts[i]))
				return nil
			}
		}
		if n := ci.Kwargs["num"]; n != nil {
			if s, ok := c.info.Types[n].(ir.Scalar); c.final && (!ok || !s.IsInt()) {
				c.errorf(n, "'%s' object cannot be interpreted as an integer", pyName(c.info.Types[n]))
				return nil
			}
		}
		return fresh(dtypeOr(ir.Float64), 1)
	case name == "copy":
		a, ok := c.needArray(args[0], disp, ts[0])
		if !ok {
			return nil
		}
		return fresh(a.Elem, a.Rank)
	case name == "array":
		a, ok := c.needArray(args[0], disp, ts[0])
		if !ok {
			return nil
		}
		return fresh(dtypeOr(a.Elem), a.Rank)
	case name == "eye" || name == "identity":
		if s, ok := ts[0].(ir.Scalar); !ok || !s.IsInt() {
			c.errorf(args[0], "'%s' object cannot be interpreted as an integer", pyName(ts[0]))
			return nil
		}
		return fresh(dtypeOr(ir.Float64), 2)
	case npUnary[name]:
		if s, isS := ts[0].(ir.Scalar); isS {
			// A ufunc of a scalar the scalar path does not cover
			// (np.sign, np.rint, ...): numpy gives a numpy scalar of the
			// dtype it gives for an array of that kind.
			k, msg := arrayFuncType(name, s)
			if msg != "" {
				c.errorf(e, "%s", msg)
				return nil
			}
			return k
		}
		a, ok := c.needArray(args[0], disp, ts[0])
		if !ok {
			return nil
		}
		k, msg := arrayFuncType(name, a.Elem)
		if msg != "" {
			c.errorf(e, "%s", msg)
			return nil
		}
		return fresh(k, a.Rank)
	case npBinary[name]:
		ls, lS := ts[0].(ir.Scalar)
		rs, rS := ts[1].(ir.Scalar)
		if lS && rS {
			// All operands scalars: numpy promotes their types without
			// looking at values (np.arctan2(x, y) of floats is a float64).
			k, msg := arrayBinType(name, ls, rs)
			if msg != "" {
				c.errorf(e, "%s", msg)
				return nil
			}
			return k
		}
		return c.elementwise(e, name, ts[0], ts[1], args[0], args[1])
	case name == "where":
		if !anyArray(ts...) {
			c.errorf(e, "unsupported: %s() of scalars; it needs an array", disp)
			return nil
		}
		rank := 0
		for _, t := range ts {
			if a, ok := isArr(t); ok {
				rank = max(rank, a.Rank)
			} else if _, ok := t.(ir.Scalar); !ok {
				c.errorf(e, "unsupported: %s() of a %s value", disp, pyName(t))
				return nil
			}
		}
		var k ir.Scalar
		if anyArray(ts[1], ts[2]) {
			r := c.elementwise(e, "where", ts[1], ts[2], args[1], args[2])
			if r == nil {
				return nil
			}
			k = r.(*ir.Array).Elem
		} else {
			j, ok := join(ts[1], ts[2])
			if !ok {
				c.errorf(e, "unsupported: %s() of %s and %s", disp, pyName(ts[1]), pyName(ts[2]))
				return nil
			}
			k = j.(ir.Scalar)
		}
		return fresh(k, rank)
	case name == "clip":
		a, ok := c.needArray(args[0], disp, ts[0])
		if !ok {
			return nil
		}
		r := c.elementwise(e, "minimum", a, ts[1], args[0], args[1])
		if r == nil {
			return nil
		}
		return c.elementwise(e, "minimum", r, ts[2], args[0], args[2])
	case name == "round" || name == "around":
		a, ok := c.needArray(args[0], disp, ts[0])
		if !ok {
			return nil
		}
		k, msg := arrayFuncType("round", a.Elem)
		if msg != "" {
			c.errorf(e, "%s", msg)
			return nil
		}
		if d := ci.Kwargs["decimals"]; d != nil {
			if _, isC := c.constInt(d); !isC {
				c.errorf(d, "unsupported: decimals must be a constant integer")
				return nil
			}
		}
		return fresh(k, a.Rank)
	case name == "dot" || name == "matmul" || name == "outer":
		return c.product(e, disp, name, ts[0], ts[1], args[0], args[1])
	case reductions[name]:
		return c.reduction(e, disp, name, ci, ts[0], args[0])
	}
	c.errorf(e, "unsupported: %s()", disp)
	return nil
}

// product types np.dot, np.matmul (and `@`) and np.outer.
func (c *checker) product(e ast.Expr, disp, name string, l, r ir.Type, le, re ast.Expr) ir.Type {
	la, lok := isArr(l)
	ra, rok := isArr(r)
	if !lok || !rok {
		if name == "dot" && (lok || rok) {
			return c.elementwise(e, "*", l, r, le, re)
		}
		if l != nil && r != nil {
			if disp == "@" {
				c.errorf(e, "unsupported operand type(s) for @: '%s' and '%s' (matrix multiplication needs two arrays)", pyName(l), pyName(r))
			} else {
				c.errorf(e, "unsupported: %s() of %s and %s; both operands must be arrays", disp, pyName(l), pyName(r))
			}
		}
		return nil
	}
	if name == "outer" {
		k, msg := arrayBinType("*", la.Elem, ra.Elem)
		if msg != "" {
			c.errorf(e, "%s", msg)
			return nil
		}
		return fresh(k, 2)
	}
	k, msg := arrayBinType("dot", la.Elem, ra.Elem)
	if msg != "" {
		c.errorf(e, "%s", msg)
		return nil
	}
	if name == "matmul" && (la.Rank > 2 || ra.Rank > 2) {
		c.errorf(e, "unsupported: %s of arrays of rank above 2", disp)
		return nil
	}
	rank := la.Rank + ra.Rank - 2
	if name == "dot" && rank > 4 {
		c.errorf(e, "unsupported: %s() result of rank %d", disp, rank)
		return nil
	}
	if rank == 0 {
		return k
	}
	return fresh(k, rank)
}

// reduction types np.NAME(a, axis=...) and a.NAME(axis=...).
func (c *checker) reduction(e ast.Expr, disp, name string, ci *CallInfo, t ir.Type, arg ast.Expr) ir.Type {
	a, ok := c.needArray(arg, disp, t)
	if !ok {
		return nil
	}
	table := name
	switch name {
	case "amin":
		table = "min"
	case "amax":
		table = "max"
	}
	k, msg := arrayFuncType(table, a.Elem)
	if msg != "" {
		c.errorf(e, "%s", msg)
		return nil
	}
	for _, p := range []string{"dtype", "out"} {
		if v := ci.Kwargs[p]; v != nil {
			c.errorf(v, "unsupported: %s= argument of %s()", p, disp)
			return nil
		}
	}
	if d := ci.Kwargs["ddof"]; d != nil {
		if s, ok := c.info.Types[d].(ir.Scalar); c.final && (!ok || class(s) > 2) {
			c.errorf(d, "unsupported: ddof must be a number")
			return nil
		}
	}
	cum := name == "cumsum" || name == "cumprod"
	ax := ci.Kwargs["axis"]
	if ax == nil || isNoneConst(ax) {
		ci.Axis = -1
		if cum {
			return fresh(k, 1)
		}
		return k
	}
	v, isC := c.constInt(ax)
	if !isC {
		c.errorf(ax, "unsupported: axis must be a constant integer (the result's rank depends on it)")
		return nil
	}
	n := v
	if n < 0 {
		n += int64(a.Rank)
	}
	if n < 0 || n >= int64(a.Rank) {
		c.errorf(ax, "axis %d is out of bounds for array of dimension %d", v, a.Rank)
		return nil
	}
	ci.Axis = int(n)
	if a.Rank == 1 {
		// axis=0 of a 1-d array is the whole-array reduction (same
		// result, same summation order): normalised to "no axis".
		ci.Axis = -1
	}
	if cum {
		return fresh(k, a.Rank)
	}
	if a.Rank == 1 {
		return k
	}
	return fresh(k, a.Rank-1)
}

// arange types np.arange([start,] stop[, step], dtype=None): int64 when
// every bound is an integer, float64 when one is a float.
func (c *checker) arange(e *ast.Call, cl callee) ir.Type {
	ci := &CallInfo{Kind: CallNumpy, Name: "arange", Kwargs: map[string]ast.Expr{}, Axis: -1, Args: e.Args}
	if len(e.Args) < 1 || len(e.Args) > 3 {
		c.args(e)
		c.errorf(e, "unsupported: %s() takes 1 to 3 positional arguments (start, stop, step)", cl.disp)
		return nil
	}
	hi := 0
	ok := true
	for i, a := range e.Args {
		ci.ArgOrder = append(ci.ArgOrder, i)
		t := c.argExpr(a)
		s, isS := t.(ir.Scalar)
		switch {
		case t == nil:
			ok = false
		case !isS || s.IsComplex():
			c.errorf(a, "unsupported: %s() argument of type %s; it must be a real number", cl.disp, pyName(t))
			ok = false
		default:
			hi = max(hi, class(s))
		}
	}
	for _, kw := range e.Keywords {
		if kw.Arg != "dtype" {
			c.errorf(kw.Value, "%s() got an unexpected keyword argument '%s' (or pyc2go does not support it)", cl.disp, kw.Arg)
			ok = false
			continue
		}
		ci.Kwargs["dtype"] = kw.Value
		k, dok := c.dtypeArg(kw.Value)
		if !dok {
			ok = false
		}
		ci.DType = k
	}
	if !ok {
		return nil
	}
	c.setCall(e, ci)
	if ci.DType != ir.Invalid {
		return fresh(ci.DType, 1)
	}
	if hi >= 2 {
		return fresh(ir.Float64, 1)
	}
	return fresh(ir.Int64, 1)
}

// callArrayMethod types a.NAME(...) on an array.
func (c *checker) callArrayMethod(e *ast.Call, recv ast.Expr, a *ir.Array, name string, stmt bool) ir.Type {
	disp := name
	switch name {
	case "copy", "ravel", "flatten":
		if len(e.Args)+len(e.Keywords) > 0 {
			c.args(e)
			c.errorf(e, "unsupported: arguments to %s() (order= and the like)", name)
			return nil
		}
		c.setCall(e, &CallInfo{Kind: CallMethod, Name: name, Recv: recv, ArgOrder: []int{}, Axis: -1})
		if name == "copy" {
			return fresh(a.Elem, a.Rank)
		}
		return fresh(a.Elem, 1)
	case "fill":
		pt, _ := c.args(e)
		if len(e.Args) != 1 || len(e.Keywords) > 0 {
			c.errorf(e, "fill() takes exactly one argument")
			return nil
		}
		if _, ok := pt[0].(ir.Scalar); !ok && pt[0] != nil {
			c.errorf(e.Args[0], "unsupported: fill() with a %s value", pyName(pt[0]))
			return nil
		}
		c.setCall(e, &CallInfo{Kind: CallMethod, Name: name, Recv: recv, Args: e.Args, ArgOrder: []int{0}, Axis: -1})
		if !stmt {
			c.errorf(e, "fill() returns None; its value cannot be used")
			return nil
		}
		return ir.None
	case "astype":
		if len(e.Args) != 1 || len(e.Keywords) > 0 {
			c.args(e)
			c.errorf(e, "unsupported: astype() takes exactly one argument, the dtype")
			return nil
		}
		k, ok := c.dtypeArg(e.Args[0])
		if !ok {
			return nil
		}
		c.setCall(e, &CallInfo{Kind: CallMethod, Name: name, Recv: recv, Args: e.Args, ArgOrder: []int{0}, DType: k, Axis: -1})
		return fresh(k, a.Rank)
	case "reshape":
		if len(e.Keywords) > 0 || len(e.Args) == 0 {
			c.args(e)
			c.errorf(e, "unsupported: reshape() takes the new shape as ints or one tuple (no keywords)")
			return nil
		}
		pt, _ := c.args(e)
		rank := 0
		if len(e.Args) == 1 {
			r, ok := c.shapeArg(e.Args[0], pt[0])
			if !ok {
				return nil
			}
			rank = r
		} else {
			for i, t := range pt {
				if _, ok := c.shapeArg(e.Args[i], t); !ok {
					return nil
				}
				if _, isT := t.(*ir.Tuple); isT {
					c.errorf(e.Args[i], "'tuple' object cannot be interpreted as an integer")
					return nil
				}
			}
			rank = len(pt)
			if rank > 4 {
				c.errorf(e, "unsupported: arrays of rank %d; ranks 1 to 4 are supported", rank)
				return nil
			}
		}
		// Constant dimensions are checked as numpy would on every run.
		dims := e.Args
		if tup, ok := e.Args[0].(*ast.Tuple); ok && len(e.Args) == 1 {
			dims = tup.Elts
		}
		unknown := 0
		for _, d := range dims {
			if v, ok := c.constInt(d); ok && v < 0 {
				unknown++ // numpy 1.24 takes any negative size as "unknown"
			}
		}
		if unknown > 1 {
			c.errorf(e, "can only specify one unknown dimension")
			return nil
		}
		ci := &CallInfo{Kind: CallMethod, Name: name, Recv: recv, Args: e.Args, Axis: -1}
		for i := range e.Args {
			ci.ArgOrder = append(ci.ArgOrder, i)
		}
		c.setCall(e, ci)
		return &ir.Array{Elem: a.Elem, Rank: rank}
	}
	if reductions[name] {
		s := npSigs[name]
		s.req = nil
		ci, _, ok := c.bindNumpy(e, disp, s, recv)
		ci.Kind, ci.Name = CallMethod, name
		if !ok {
			return nil
		}
		t := c.reduction(e, disp, name, ci, a, recv)
		if t != nil {
			c.setCall(e, ci)
		}
		return t
	}
	c.args(e)
	c.errorf(e, "'numpy.ndarray' object has no attribute '%s' (or pyc2go does not support it)", name)
	return nil
}

// unsupportedNumpy reports np.NAME that pyc2go does not know.
func unsupportedNumpyMsg(disp, name string) string {
	msg := fmt.Sprintf("%s is not supported", disp)
	if near := closeNumpyNames(name); len(near) > 0 {
		msg += "; did you mean " + strings.Join(near, " or ") + "?"
	}
	return msg
}
