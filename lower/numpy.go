package lower

import (
	"github.com/go-python/gpython/ast"

	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/numpy"
	"github.com/pyc2go/pyc2go/typeinfer"
)

// Lowering numpy rows.
//
// typeinfer records the numpy row of every numpy call and array method
// (CallInfo.Row). How a row lowers follows from its kind: scalar types
// convert, reductions go to reduce.go, products to product.go; an
// elementwise row with an Intrinsic computes each element with it. The
// other rows are bound here by name (npLowerings): how to compute one
// element of an elementwise row (used in fused loops, fuse.go, and on
// scalars alike), how to build the array a creation function or method
// returns, how to run a method used as a statement. TestLowerings checks
// that every row has its lowering.

// npLowering is what lower does with the calls of one row.
type npLowering struct {
	// elem computes one element of an elementwise row from its operands'
	// values (args) and kinds (ts), as the result kind res, with numpy's
	// arithmetic.
	elem func(l *fnLowerer, ci *typeinfer.CallInfo, args []ir.Expr, ts []ir.Scalar, res ir.Scalar, pos ir.Pos) ir.Expr
	// array builds the array result (of type t) of a call into a fresh
	// variable.
	array func(l *fnLowerer, e *ast.Call, ci *typeinfer.CallInfo, t *ir.Array, pos ir.Pos) *ir.Var
	// stmt lowers a call used as a statement (a.fill(v)).
	stmt func(l *fnLowerer, ci *typeinfer.CallInfo, pos ir.Pos)
	// tuple builds the values of a tuple result (np.nonzero), flattened.
	tuple func(l *fnLowerer, e *ast.Call, ci *typeinfer.CallInfo, pos ir.Pos) []ir.Expr
}

// npLowerings binds rows to their lowering by name (set in init: the
// functions reach back into the lowerer, which reads the table).
var npLowerings map[string]npLowering

func init() {
	npLowerings = map[string]npLowering{
		"where": {elem: func(l *fnLowerer, _ *typeinfer.CallInfo, args []ir.Expr, _ []ir.Scalar, res ir.Scalar, pos ir.Pos) ir.Expr {
			c := l.simple(truth(args[0]), pos)
			x, y := l.simple(cv(args[1], res), pos), l.simple(cv(args[2], res), pos)
			return l.sel(c, x, y, res, pos)
		}},
		"minimum": {elem: minMax(ir.Lt, false)},
		"maximum": {elem: minMax(ir.Gt, false)},
		"fmin":    {elem: minMax(ir.Lt, true)},
		"fmax":    {elem: minMax(ir.Gt, true)},
		"logical_and": {elem: func(_ *fnLowerer, _ *typeinfer.CallInfo, args []ir.Expr, _ []ir.Scalar, _ ir.Scalar, _ ir.Pos) ir.Expr {
			return and(truth(args[0]), truth(args[1]))
		}},
		"logical_or": {elem: func(_ *fnLowerer, _ *typeinfer.CallInfo, args []ir.Expr, _ []ir.Scalar, _ ir.Scalar, _ ir.Pos) ir.Expr {
			return or(truth(args[0]), truth(args[1]))
		}},
		"logical_not": {elem: func(_ *fnLowerer, _ *typeinfer.CallInfo, args []ir.Expr, _ []ir.Scalar, _ ir.Scalar, _ ir.Pos) ir.Expr {
			return not(truth(args[0]))
		}},
		"power": {elem: func(l *fnLowerer, _ *typeinfer.CallInfo, args []ir.Expr, ts []ir.Scalar, res ir.Scalar, pos ir.Pos) ir.Expr {
			// np.power, unlike **, has no fast_scalar_power shortcut (see pow).
			return l.pow(args[0], ts[0], args[1], ts[1], res, true, false, pos)
		}},
		// np.dot with a scalar operand multiplies (with two arrays it is
		// a product, product.go).
		"dot": {elem: binElem(ast.Mult)},
		"negative": {elem: func(_ *fnLowerer, _ *typeinfer.CallInfo, args []ir.Expr, _ []ir.Scalar, res ir.Scalar, _ ir.Pos) ir.Expr {
			return &ir.Unary{Op: ir.Neg, X: cv(args[0], res)}
		}},
		"square": {elem: func(l *fnLowerer, _ *typeinfer.CallInfo, args []ir.Expr, _ []ir.Scalar, res ir.Scalar, pos ir.Pos) ir.Expr {
			x := l.simple(cv(args[0], res), pos)
			return ir.Bin(ir.Mul, x, x)
		}},
		"conjugate": {elem: func(_ *fnLowerer, _ *typeinfer.CallInfo, args []ir.Expr, _ []ir.Scalar, res ir.Scalar, _ ir.Pos) ir.Expr {
			if res.IsComplex() {
				return intr("conj", res, cv(args[0], res))
			}
			return cv(args[0], res)
		}},
		"invert": {elem: func(_ *fnLowerer, _ *typeinfer.CallInfo, args []ir.Expr, _ []ir.Scalar, res ir.Scalar, _ ir.Pos) ir.Expr {
			if res == ir.Bool {
				return not(truth(args[0]))
			}
			return &ir.Unary{Op: ir.BitNot, X: cv(args[0], res)}
		}},
		"bitwise_and": {elem: binElem(ast.BitAnd)},
		"bitwise_or":  {elem: binElem(ast.BitOr)},
		"bitwise_xor": {elem: binElem(ast.BitXor)},
		"left_shift":  {elem: binElem(ast.LShift)},
		"right_shift": {elem: binElem(ast.RShift)},
		"clip":        {elem: clipElem},
		"round":       {elem: roundElem},
		"rint": {elem: func(_ *fnLowerer, _ *typeinfer.CallInfo, args []ir.Expr, _ []ir.Scalar, res ir.Scalar, _ ir.Pos) ir.Expr {
			return intr("roundeven", res, cv(args[0], res))
		}},
		"sign": {elem: signElem},

		"zeros":      {array: filledArray(false, nil)},
		"ones":       {array: filledArray(false, oneFill)},
		"empty":      {array: filledArray(false, nil)}, // zeroed, a safe empty
		"full":       {array: filledArray(false, valueFill)},
		"zeros_like": {array: filledArray(true, nil)},
		"ones_like":  {array: filledArray(true, oneFill)},
		"empty_like": {array: filledArray(true, nil)},
		"full_like":  {array: filledArray(true, valueFill)},
		"copy": {array: func(l *fnLowerer, _ *ast.Call, ci *typeinfer.CallInfo, t *ir.Array, pos ir.Pos) *ir.Var {
			if ci.Recv != nil {
				return l.copyOf(ci.Recv, t, pos)
			}
			return l.copyOf(ci.Args[0], t, pos)
		}},
		"array": {array: func(l *fnLowerer, _ *ast.Call, ci *typeinfer.CallInfo, t *ir.Array, pos ir.Pos) *ir.Var {
			if lst, ok := ci.Args[0].(*ast.List); ok {
				return l.arrayLiteral(lst, t, pos)
			}
			if _, ok := l.listType(ci.Args[0]); ok {
				return l.listArray(ci.Args[0], t, pos) // list.go
			}
			return l.copyOf(ci.Args[0], t, pos)
		}},
		"take":        {array: (*fnLowerer).take},
		"cov":         {array: (*fnLowerer).cov},
		"flatnonzero": {array: (*fnLowerer).flatnonzero},
		"argwhere":    {array: (*fnLowerer).argwhere},
		"nonzero":     {tuple: (*fnLowerer).nonzero},
		"arange":      {array: (*fnLowerer).arange},
		"linspace":    {array: (*fnLowerer).linspace},
		"eye":         {array: eyeArray},
		"identity":    {array: eyeArray},

		"astype": {array: func(l *fnLowerer, _ *ast.Call, ci *typeinfer.CallInfo, t *ir.Array, pos ir.Pos) *ir.Var {
			return l.copyOf(ci.Recv, t, pos)
		}},
		"flatten": {array: func(l *fnLowerer, _ *ast.Call, ci *typeinfer.CallInfo, t *ir.Array, pos ir.Pos) *ir.Var {
			v := l.copyOf(ci.Recv, t, pos)
			return l.reshapeContig(v, []ir.Expr{l.size(wholeView(v))}, t, pos)
		}},
		"diff": {array: func(l *fnLowerer, e *ast.Call, ci *typeinfer.CallInfo, t *ir.Array, pos ir.Pos) *ir.Var {
			return l.diff(e, ci, t, pos)
		}},
		"concatenate": {array: joinArray},
		"roll":        {array: rearrangeArray},
		"repeat":      {array: rearrangeArray},
		"tile":        {array: rearrangeArray},
		"stack":       {array: joinArray},
		"hstack":      {array: joinArray},
		"vstack":      {array: joinArray},
		"transpose": {array: func(l *fnLowerer, e *ast.Call, _ *typeinfer.CallInfo, t *ir.Array, pos ir.Pos) *ir.Var {
			av, _ := l.transposeCall(e)
			return l.materialize(av, t, pos)
		}},
		"ravel": {array: func(l *fnLowerer, e *ast.Call, ci *typeinfer.CallInfo, t *ir.Array, pos ir.Pos) *ir.Var {
			return l.reshape(e, ci.Recv, nil, t, pos)
		}},
		"reshape": {array: func(l *fnLowerer, e *ast.Call, ci *typeinfer.CallInfo, t *ir.Array, pos ir.Pos) *ir.Var {
			var dims []ir.Expr
			if len(ci.Args) == 1 {
				if _, ok := l.typeOf(ci.Args[0]).(*ir.Tuple); ok {
					dims = l.tuple(ci.Args[0])
				}
			}
			if dims == nil {
				dims = l.seq(pos, ci.Args...)
			}
			return l.reshape(e, ci.Recv, dims, t, pos)
		}},
		"fill": {stmt: func(l *fnLowerer, ci *typeinfer.CallInfo, pos ir.Pos) {
			// a.fill(v): numpy casts v to a's element type, a float
			// into integers as setitem does (NaN raises).
			v := l.expr(ci.Args[0])
			dst := l.arrayVar(ci.Recv)
			from, elem := l.scalarOf(ci.Args[0]), dst.Type.(*ir.Array).Elem
			if from.IsFloat() && elem.IsSigned() {
				v = l.storeConv(v, elem, pos)
			} else {
				v = l.simple(l.npCast(v, from, elem, pos), pos)
			}
			l.fill(dst, v, pos)
		}},
	}
}

func rearrangeArray(l *fnLowerer, _ *ast.Call, ci *typeinfer.CallInfo, t *ir.Array, pos ir.Pos) *ir.Var {
	return l.rearrange(ci, t, pos)
}

func joinArray(l *fnLowerer, _ *ast.Call, ci *typeinfer.CallInfo, t *ir.Array, pos ir.Pos) *ir.Var {
	return l.join(ci, t, pos)
}

// elemFunc is the element computation of an elementwise row (scalar
// types convert, an Intrinsic computes, the others are bound by name);
// nil for the other rows.
func elemFunc(r *numpy.Row) func(l *fnLowerer, ci *typeinfer.CallInfo, args []ir.Expr, ts []ir.Scalar, res ir.Scalar, pos ir.Pos) ir.Expr {
	switch {
	case r == nil:
		return nil
	case r.Kind == numpy.Type:
		return convertElem
	case r.Intrinsic != "":
		return intrinsicElem
	}
	return npLowerings[r.Name].elem
}

// isElemCall reports whether ci calls an elementwise row (np.dot counts:
// with a scalar operand it multiplies; productCall tells the products).
func isElemCall(ci *typeinfer.CallInfo) bool {
	return ci != nil && ci.Kind == typeinfer.CallNumpy && ci.Row != nil && ci.Row.Kind != numpy.Type && elemFunc(ci.Row) != nil
}

// rowCall lowers a scalar-valued call of a numpy row.
func (l *fnLowerer) rowCall(e *ast.Call, ci *typeinfer.CallInfo) ir.Expr {
	if isLinalgCall(ci) {
		return l.linalgCall(e, ci)[0]
	}
	if _, _, _, ok := l.productCall(e); ok {
		v, _ := l.product(e)
		return v
	}
	if v := l.reduction(e, ci); v != nil {
		return v
	}
	f := elemFunc(ci.Row)
	if f == nil {
		l.errorf(e, "internal: np.%s has no scalar lowering", ci.Name)
	}
	pos := l.pos(e)
	res := l.scalarOf(e)
	var args []ir.Expr
	var ts []ir.Scalar
	if l.elem != nil && ci.Row.Intrinsic == "" && ci.Row.Kind != numpy.Type {
		// In a fused loop's body the operands are the element values.
		args = make([]ir.Expr, len(ci.Args))
		ts = make([]ir.Scalar, len(ci.Args))
		for i, a := range ci.Args {
			args[i] = l.expr(a)
			ts[i] = l.scalarOf(a)
		}
	} else {
		ts = l.argTypes(ci)
		args = l.args(e, ci)
	}
	// numpy's arithmetic (no ZeroDivisionError, int // 0 is 0) on numpy
	// scalars too, after the operands were evaluated Python's way.
	saved := l.npMode
	l.npMode = true
	defer func() { l.npMode = saved }()
	return f(l, ci, args, ts, res, pos)
}

// rowArray lowers a call of a numpy row with an array result of type t.
func (l *fnLowerer) rowArray(e *ast.Call, ci *typeinfer.CallInfo, t *ir.Array) *ir.Var {
	if isRandomCall(ci) {
		return l.randomArray(e, ci, t)
	}
	if ci.Row.Kind == numpy.Reduction {
		if v := l.keepDims(e, ci, t); v != nil {
			return v
		}
		return l.reduceAxis(e, ci, t)
	}
	if isLinalgCall(ci) {
		return l.linalgCall(e, ci)[0].(*ir.VarRef).V
	}
	lw := npLowerings[ci.Row.Name]
	if lw.array == nil {
		l.errorf(e, "internal: np.%s has no array lowering", ci.Name)
	}
	return lw.array(l, e, ci, t, l.pos(e))
}

// convertElem is np.float32(x) and the other scalar types: numpy never
// raises for these.
func convertElem(l *fnLowerer, _ *typeinfer.CallInfo, args []ir.Expr, ts []ir.Scalar, res ir.Scalar, pos ir.Pos) ir.Expr {
	if len(args) == 0 {
		return zero(res)
	}
	x, xt := args[0], ts[0]
	switch {
	case res == ir.Bool:
		return truth(x)
	case res.IsInt() && xt == ir.Float64:
		// A Python float goes through int() (NaN and infinity raise as
		// in int()), then wraps to the sized type.
		return cv(l.ftoi(x, pos), res)
	case res.IsInt() && xt.IsFloat():
		// A numpy float is cast as C does: an out-of-range or NaN value gives the
		// minimum int64 (x86's cvttsd2si), then wraps to res.
		x = l.simple(x, pos)
		t := l.temp(ir.Int64)
		l.emit(&ir.Assign{Dst: t, Src: ir.Int(-1 << 63), Pos: pos})
		l.emit(&ir.If{Cond: intr("ftoi_ok", ir.Bool, x),
			Then: &ir.Block{Stmts: []ir.Stmt{&ir.Assign{Dst: t, Src: intr("ftoi", ir.Int64, x), Pos: pos}}}, Pos: pos})
		return cv(ir.Ref(t), res)
	case xt.IsComplex() && !res.IsComplex():
		return cv(intr("real", partType(xt), x), res)
	}
	return cv(x, res)
}

// intrinsicElem is an elementwise row computed by its Intrinsic: the
// operands converted to the result type (to their own float or complex
// type for a bool result, isnan of ints is of float64; abs of a complex
// is cabs of the complex).
func intrinsicElem(_ *fnLowerer, ci *typeinfer.CallInfo, args []ir.Expr, ts []ir.Scalar, res ir.Scalar, _ ir.Pos) ir.Expr {
	in := ci.Row.Intrinsic
	at := res
	if res == ir.Bool || in == "abs" && ts[0].IsComplex() {
		at = ts[0]
		if !at.IsFloat() && !at.IsComplex() {
			at = ir.Float64
		}
	}
	if in == "abs" && at.IsComplex() {
		return cv(intr("cabs", partType(at), args[0]), res)
	}
	conv := make([]ir.Expr, len(args))
	for i, a := range args {
		conv[i] = cv(a, at)
	}
	return intr(in, res, conv...)
}

// sel is `c ? x : y` through a temporary.
func (l *fnLowerer) sel(c, x, y ir.Expr, res ir.Scalar, pos ir.Pos) ir.Expr {
	t := l.temp(res)
	l.emit(&ir.Assign{Dst: t, Src: y, Pos: pos})
	l.emit(&ir.If{Cond: c, Then: &ir.Block{Stmts: []ir.Stmt{&ir.Assign{Dst: t, Src: x, Pos: pos}}}, Pos: pos})
	return ir.Ref(t)
}

func isnanOf(v ir.Expr) ir.Expr { return intr("isnan", ir.Bool, v) }

// minMax is np.minimum (op Lt) / np.maximum (Gt), or with ignoreNaN
// np.fmin / np.fmax. numpy: maximum(x, y) is x if x > y or x is NaN,
// else y (as the SSE maxpd it vectorises to): a NaN of either operand
// propagates (the first if both) and a tie gives y, so maximum(-0.0,
// 0.0) is 0.0 and maximum(0.0, -0.0) is -0.0. fmin/fmax ignore a NaN
// operand and also give y on ties.
func minMax(op ir.BinOp, ignoreNaN bool) func(*fnLowerer, *typeinfer.CallInfo, []ir.Expr, []ir.Scalar, ir.Scalar, ir.Pos) ir.Expr {
	return func(l *fnLowerer, _ *typeinfer.CallInfo, args []ir.Expr, _ []ir.Scalar, res ir.Scalar, pos ir.Pos) ir.Expr {
		x, y := l.simple(cv(args[0], res), pos), l.simple(cv(args[1], res), pos)
		if !res.IsFloat() {
			return l.sel(ir.Bin(op, x, y), x, y, res, pos)
		}
		if ignoreNaN {
			// x when y is NaN or x beats y.
			return l.sel(or(isnanOf(y), ir.Bin(op, x, y)), x, y, res, pos)
		}
		return l.sel(or(isnanOf(x), ir.Bin(op, x, y)), x, y, res, pos)
	}
}

// binElem is a row computing a Python operator with numpy's rules.
func binElem(op ast.OperatorNumber) func(*fnLowerer, *typeinfer.CallInfo, []ir.Expr, []ir.Scalar, ir.Scalar, ir.Pos) ir.Expr {
	return func(l *fnLowerer, _ *typeinfer.CallInfo, args []ir.Expr, ts []ir.Scalar, res ir.Scalar, pos ir.Pos) ir.Expr {
		return l.binop(op, args[0], ts[0], args[1], ts[1], res, pos)
	}
}

// clipElem is numpy 1.24's _NPY_CLIP: min(max(x, lo), hi) where a NaN
// first operand wins and PyArray_MAX/MIN pick b unless a > b (a < b).
func clipElem(l *fnLowerer, _ *typeinfer.CallInfo, args []ir.Expr, _ []ir.Scalar, res ir.Scalar, pos ir.Pos) ir.Expr {
	x := l.simple(cv(args[0], res), pos)
	lo, hi := l.simple(cv(args[1], res), pos), l.simple(cv(args[2], res), pos)
	if !res.IsFloat() {
		t := l.sel(ir.Bin(ir.Gt, x, lo), x, lo, res, pos)
		return l.sel(ir.Bin(ir.Lt, t, hi), t, hi, res, pos)
	}
	// numpy 1.24 propagates a NaN x but ignores a NaN bound:
	// np.clip(x, 1.0, nan) is max(x, 1.0) (its SIMD max and min return
	// the operand that is not NaN). Ties keep the bound (-0.0 vs 0.0).
	t := l.sel(or(or(isnanOf(x), isnanOf(lo)), ir.Bin(ir.Gt, x, lo)), x, lo, res, pos)
	return l.sel(or(or(isnanOf(t), isnanOf(hi)), ir.Bin(ir.Lt, t, hi)), t, hi, res, pos)
}

// roundElem is np.round(x, decimals): numpy's y = x * 10**d, rint, /
// 10**d (d < 0: divide first); integers are unchanged for d >= 0.
func roundElem(l *fnLowerer, ci *typeinfer.CallInfo, args []ir.Expr, _ []ir.Scalar, res ir.Scalar, _ ir.Pos) ir.Expr {
	d := int64(0)
	if x := ci.Kwargs["decimals"]; x != nil {
		c, ok := l.expr(x).(*ir.ConstExpr)
		if !ok {
			l.errorf(x, "unsupported: decimals must be a constant integer")
		}
		d = c.Value.(int64)
	}
	x := cv(args[0], res)
	if !res.IsFloat() {
		if d < 0 {
			l.errorf(ci.Args[0], "unsupported: np.round of integers with negative decimals")
		}
		return x
	}
	if d == 0 {
		return intr("roundeven", res, x)
	}
	f := &ir.ConstExpr{T: res, Value: pow10(d)}
	if d > 0 {
		return ir.Bin(ir.Div, intr("roundeven", res, ir.Bin(ir.Mul, x, f)), f)
	}
	f = &ir.ConstExpr{T: res, Value: pow10(-d)}
	return ir.Bin(ir.Mul, intr("roundeven", res, ir.Bin(ir.Div, x, f)), f)
}

// signElem is np.sign: -1, 0 or 1; NaN for NaN.
func signElem(l *fnLowerer, _ *typeinfer.CallInfo, args []ir.Expr, _ []ir.Scalar, res ir.Scalar, pos ir.Pos) ir.Expr {
	x := l.simple(cv(args[0], res), pos)
	pos1 := cv(ir.Bin(ir.Gt, x, zero(res)), res)
	neg1 := cv(ir.Bin(ir.Lt, x, zero(res)), res)
	v := ir.Bin(ir.Sub, pos1, neg1)
	if res.IsFloat() {
		return l.sel(isnanOf(x), x, v, res, pos)
	}
	return v
}

// filledArray is np.zeros, np.ones, np.empty and np.full (like: the
// *_like forms, whose shape is operand 0's): a fresh array filled with
// what fill gives (zeros for nil).
func filledArray(like bool, fill func(l *fnLowerer, ci *typeinfer.CallInfo, t *ir.Array, pos ir.Pos) ir.Expr) func(*fnLowerer, *ast.Call, *typeinfer.CallInfo, *ir.Array, ir.Pos) *ir.Var {
	return func(l *fnLowerer, _ *ast.Call, ci *typeinfer.CallInfo, t *ir.Array, pos ir.Pos) *ir.Var {
		var shape []ir.Expr
		if like {
			shape = l.viewOf(ci.Args[0]).shape
		} else {
			shape = l.shapeArg(ci.Args[0], pos)
		}
		var v ir.Expr
		if fill != nil {
			v = fill(l, ci, t, pos)
		}
		return l.alloc(t, shape, v, pos)
	}
}

func oneFill(_ *fnLowerer, _ *typeinfer.CallInfo, t *ir.Array, _ ir.Pos) ir.Expr {
	return cv(ir.Int(1), t.Elem)
}

// valueFill is np.full's fill value (operand 1) cast to the dtype.
func valueFill(l *fnLowerer, ci *typeinfer.CallInfo, t *ir.Array, pos ir.Pos) ir.Expr {
	return l.simple(l.npCast(l.expr(ci.Args[1]), l.scalarOf(ci.Args[1]), t.Elem, pos), pos)
}

// eyeArray is np.eye(N, M, k) and np.identity(n): ones on the diagonal
// i - j == -k inside the array.
func eyeArray(l *fnLowerer, _ *ast.Call, ci *typeinfer.CallInfo, t *ir.Array, pos ir.Pos) *ir.Var {
	n := l.simple(cv(l.expr(ci.Args[0]), ir.Int64), pos)
	m, k := n, ir.Expr(ir.Int(0))
	if x := ci.Kwargs["M"]; x != nil && !isNone(x) {
		m = l.simple(cv(l.expr(x), ir.Int64), pos)
	}
	if x := ci.Kwargs["k"]; x != nil {
		k = l.simple(cv(l.expr(x), ir.Int64), pos)
	}
	v := l.alloc(t, []ir.Expr{n, m}, nil, pos)
	iv := l.newVar("i0", ir.Int64)
	jv := l.temp(ir.Int64)
	store := &ir.Store{Arr: v, Offset: ir.Bin(ir.Add, ir.Bin(ir.Add, &ir.Dim{Arr: v, Kind: ir.Offset},
		ir.Bin(ir.Mul, ir.Ref(iv), &ir.Dim{Arr: v, Kind: ir.Stride, Axis: 0})),
		ir.Bin(ir.Mul, ir.Ref(jv), &ir.Dim{Arr: v, Kind: ir.Stride, Axis: 1})), Val: cv(ir.Int(1), t.Elem), Pos: pos}
	body := []ir.Stmt{
		&ir.Assign{Dst: jv, Src: ir.Bin(ir.Add, ir.Ref(iv), k), Pos: pos},
		&ir.If{Cond: and(ir.Bin(ir.Ge, ir.Ref(jv), ir.Int(0)), ir.Bin(ir.Lt, ir.Ref(jv), m)), Then: &ir.Block{Stmts: []ir.Stmt{store}}, Pos: pos},
	}
	stop := n
	if _, ok := stop.(*ir.VarRef); !ok {
		if _, ok := stop.(*ir.ConstExpr); !ok {
			stop = l.spill(stop, pos)
		}
	}
	l.emit(&ir.For{Var: iv, Start: ir.Int(0), Stop: stop, Step: ir.Int(1), Body: &ir.Block{Stmts: body}, Pos: pos})
	return v
}
