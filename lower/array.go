package lower

import (
	"math"

	"github.com/go-python/gpython/ast"

	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/typeinfer"
)

// numpy 1.24 messages for arrays (probed with /usr/bin/python3).
const (
	msgIndexBounds  = ir.MsgIndexBounds
	msgSliceStep    = "slice step cannot be zero"
	msgBroadcast    = "operands could not be broadcast together with shapes" // + " %s" per operand + " "
	msgReshape      = "cannot reshape array of size %d into shape"           // + the requested shape
	msgNegDimension = "negative dimensions are not allowed"
)

// arrayType returns t as an array type.
func arrayType(t ir.Type) (*ir.Array, bool) {
	a, ok := t.(*ir.Array)
	return a, ok
}

// isArrayExpr reports whether typeinfer typed e as an array.
func (l *fnLowerer) isArrayExpr(e ast.Expr) bool {
	t, ok := l.info.Types[e]
	if !ok {
		t = l.extraTypes[e]
	}
	_, isArr := t.(*ir.Array)
	return isArr
}

// aview is an array value not (yet) held by a variable of its own: element
// [i0, i1, ...] is Src's data at Off + i0*Strides[0] + .... Subscripts
// compose on it, so a[i][j] and m[i, 1:-1] cost no View statement until a
// variable must hold the result. Every expression in it is simple (a
// constant, a variable or a Dim), so it can be repeated freely.
type aview struct {
	src     *ir.Var
	off     ir.Expr
	shape   []ir.Expr
	strides []ir.Expr
}

// wholeView is the aview of all of v.
func wholeView(v *ir.Var) aview {
	a := v.Type.(*ir.Array)
	av := aview{src: v, off: &ir.Dim{Arr: v, Kind: ir.Offset}}
	for k := 0; k < a.Rank; k++ {
		av.shape = append(av.shape, &ir.Dim{Arr: v, Kind: ir.Shape, Axis: k})
		av.strides = append(av.strides, &ir.Dim{Arr: v, Kind: ir.Stride, Axis: k})
	}
	return av
}

// isWhole reports whether av is exactly its source array.
func (av aview) isWhole() bool {
	a := av.src.Type.(*ir.Array)
	if len(av.shape) != a.Rank {
		return false
	}
	if d, ok := av.off.(*ir.Dim); !ok || d.Arr != av.src || d.Kind != ir.Offset {
		return false
	}
	for k := range av.shape {
		if !ir.SameExpr(av.shape[k], &ir.Dim{Arr: av.src, Kind: ir.Shape, Axis: k}) ||
			!ir.SameExpr(av.strides[k], &ir.Dim{Arr: av.src, Kind: ir.Stride, Axis: k}) {
			return false
		}
	}
	return true
}

// reads reports whether any of av's expressions reads v.
func (av aview) reads(v *ir.Var) bool {
	m := map[*ir.Var]bool{v: true}
	for _, e := range append(append([]ir.Expr{av.off}, av.shape...), av.strides...) {
		if ir.ReadsAny(e, m) {
			return true
		}
	}
	return false
}

// cheap returns e if it is a constant, a variable or a Dim (free to
// repeat), else spills it.
func (l *fnLowerer) cheap(e ir.Expr, pos ir.Pos) ir.Expr {
	if _, ok := e.(*ir.Dim); ok {
		return e
	}
	return l.simple(e, pos)
}

// materialize makes a variable of type t hold av: the source itself when av
// is all of it (and the types agree), else a View into a fresh temporary.
func (l *fnLowerer) materialize(av aview, t *ir.Array, pos ir.Pos) *ir.Var {
	if av.isWhole() && ir.AssignableTo(av.src.Type, t) {
		return av.src
	}
	d := l.temp(t)
	l.emit(&ir.View{Dst: d, Src: av.src, Offset: av.off, Shape: av.shape, Strides: av.strides, Pos: pos})
	return d
}

// arrayVar lowers an array-valued expression to a variable holding it.
// Names are their variable; subscripts and .T become Views; calls of module
// functions store into a temporary; any elementwise expression is
// evaluated by one fused loop nest into a fresh array.
func (l *fnLowerer) arrayVar(e ast.Expr) *ir.Var {
	t, ok := arrayType(l.typeOf(e))
	if !ok {
		l.errorf(e, "internal: array expected, got %s", l.typeOf(e))
	}
	pos := l.pos(e)
	switch x := e.(type) {
	case *ast.Name:
		vs := l.vars[l.local(x)]
		if len(vs) != 1 {
			l.errorf(e, "unsupported: array variable '%s'", x.Id)
		}
		return vs[0]
	case *ast.Subscript:
		if l.isAdvanced(x) {
			return l.gather(x)
		}
		if _, isArr := l.typeOf(x.Value).(*ir.Array); isArr {
			av, elem := l.subscriptView(x)
			if elem != nil {
				l.errorf(e, "internal: element subscript typed as an array")
			}
			return l.materialize(av, t, pos)
		}
		if _, isTup := l.typeOf(x.Value).(*ir.Tuple); isTup {
			// An array element of a tuple (w = np.linalg.eigh(a)[0]).
			if vals := l.tupleSubscript(x); len(vals) == 1 {
				if r, ok := vals[0].(*ir.VarRef); ok {
					return r.V
				}
			}
		}
	case *ast.Attribute:
		if ai := l.info.Attrs[x]; ai != nil && ai.Kind == typeinfer.AttrT {
			return l.materialize(l.transpose(wholeView(l.arrayVar(x.Value))), t, pos)
		}
		if ai := l.info.Attrs[x]; ai != nil && ai.Kind == typeinfer.AttrReal && !l.isPart(x) {
			return l.arrayVar(x.Value) // a.real of a real array is a
		}
	case *ast.BinOp:
		if l.isMatMul(x) {
			_, v := l.product(x)
			return v
		}
	case *ast.Call:
		if _, _, _, ok := l.productCall(x); ok {
			_, v := l.product(x)
			return v
		}
		if !l.isElementwise(x) {
			if v := l.arrayCall(x, t); v != nil {
				return v
			}
		}
	}
	if l.isElementwise(e) {
		d := l.temp(t)
		l.fuseAssign(d, e, pos)
		return d
	}
	l.errorf(e, "unsupported: array expression %T", e)
	return nil
}

// arrayAs returns v as a value of array type t (same element type and
// rank): v itself, or a View when only the contiguity flag differs.
func (l *fnLowerer) arrayAs(v *ir.Var, t *ir.Array, n ast.Ast) *ir.Var {
	if ir.AssignableTo(v.Type, t) {
		return v
	}
	a := v.Type.(*ir.Array)
	if a.Elem != t.Elem || a.Rank != t.Rank {
		l.errorf(n, "unsupported: %s array where %s is expected (no implicit conversion of arrays)", a, t)
	}
	if t.Contig && !a.Contig {
		l.errorf(n, "unsupported: a %s array where a C-contiguous %s is expected", a, t)
	}
	return l.materialize(wholeView(v), t, l.pos(n))
}

// permute reorders the axes of av: axis k of the result is av's axis
// perm[k] (np.transpose(a, axes)).
func permute(av aview, perm []int) aview {
	out := aview{src: av.src, off: av.off, shape: make([]ir.Expr, len(perm)), strides: make([]ir.Expr, len(perm))}
	for k, p := range perm {
		out.shape[k], out.strides[k] = av.shape[p], av.strides[p]
	}
	return out
}

// transposeCall is the view of np.transpose(a, axes) / a.transpose(...),
// ok false when e is not such a call.
func (l *fnLowerer) transposeCall(e ast.Expr) (aview, bool) {
	c, isCall := e.(*ast.Call)
	if !isCall {
		return aview{}, false
	}
	ci := l.info.Calls[c]
	if ci == nil || ci.Row == nil || ci.Row.Name != "transpose" {
		return aview{}, false
	}
	x := ci.Recv
	if x == nil {
		x = ci.Args[0]
	}
	return permute(l.viewOf(x), ci.Perm), true
}

// transpose reverses the axes of av (a.T).
func (l *fnLowerer) transpose(av aview) aview {
	n := len(av.shape)
	out := aview{src: av.src, off: av.off, shape: make([]ir.Expr, n), strides: make([]ir.Expr, n)}
	for k := 0; k < n; k++ {
		out.shape[k] = av.shape[n-1-k]
		out.strides[k] = av.strides[n-1-k]
	}
	return out
}

// viewOf returns the aview of an array-valued expression, composing
// subscripts and transposes without View statements.
func (l *fnLowerer) viewOf(e ast.Expr) aview {
	switch x := e.(type) {
	case *ast.Subscript:
		if l.isAdvanced(x) {
			return wholeView(l.gather(x))
		}
		if _, isArr := l.typeOf(x.Value).(*ir.Array); isArr {
			if _, isArr := l.typeOf(x).(*ir.Array); isArr {
				av, _ := l.subscriptView(x)
				return av
			}
		}
	case *ast.Attribute:
		if ai := l.info.Attrs[x]; ai != nil && ai.Kind == typeinfer.AttrT {
			return l.transpose(l.viewOf(x.Value))
		}
		if ai := l.info.Attrs[x]; ai != nil && ai.Kind == typeinfer.AttrReal && !l.isPart(x) {
			return l.viewOf(x.Value)
		}
	case *ast.Call:
		if av, ok := l.transposeCall(x); ok {
			return av
		}
	}
	return wholeView(l.arrayVar(e))
}

// subscriptView lowers a subscript of an array. When every axis is
// indexed by an integer it returns the flat element offset (elem, with av
// describing the source); otherwise av is the view of the remaining axes.
func (l *fnLowerer) subscriptView(e *ast.Subscript) (av aview, elem ir.Expr) {
	av, elem, _ = l.subscriptItems(e, nil)
	return av, elem
}

// subscriptItems is subscriptView for a subscript that may hold an index
// array (mask.go): the array's axes stay in the view, unindexed, as if
// sliced with `:`, from axis p of the result on; adv is called with the
// original axis it addresses when the item is reached (Python evaluates
// the items in order).
func (l *fnLowerer) subscriptItems(e *ast.Subscript, adv func(it typeinfer.IndexItem, axis int)) (av aview, elem ir.Expr, p int) {
	ii := l.info.Index[e]
	if ii == nil {
		l.errorf(e, "unsupported: array subscript")
	}
	pos := l.pos(e)
	av = l.viewOf(e.Value)
	axes := 0 // the axes of av the items address (new axes address none)
	for _, it := range ii.Items {
		switch {
		case it.Array != nil && it.Mask:
			axes += it.ArrRank
		case !it.NewAxis:
			axes++
		}
	}
	if axes > len(av.shape) {
		l.errorf(e, "too many indices for array: array is %d-dimensional, but %d were indexed", len(av.shape), axes)
	}
	off := av.off
	var shape, strides []ir.Expr
	k := 0 // the axis of av the next item addresses
	for _, it := range ii.Items {
		if it.NewAxis {
			// None / np.newaxis: a length-1 axis; its stride is never
			// multiplied by anything but 0, and numpy's is 0 too.
			shape, strides = append(shape, ir.Int(1)), append(strides, ir.Int(0))
			continue
		}
		if it.Array != nil {
			p = len(shape)
			adv(it, k)
			cov := 1
			if it.Mask {
				cov = it.ArrRank
			}
			shape, strides = append(shape, av.shape[k:k+cov]...), append(strides, av.strides[k:k+cov]...)
			k += cov
			continue
		}
		n, st := av.shape[k], av.strides[k]
		k++
		if !it.Slice {
			i := l.index(it.Int, n, k-1, pos)
			off = addOff(off, mul(i, st))
			continue
		}
		if it.Lower == nil && it.Upper == nil && it.Step == nil {
			shape, strides = append(shape, n), append(strides, st)
			continue
		}
		start, length, step := l.slice(it, n, pos)
		off = addOff(off, mul(start, st))
		shape = append(shape, length)
		strides = append(strides, l.cheap(mul(st, step), pos))
	}
	for ; k < len(av.shape); k++ {
		shape, strides = append(shape, av.shape[k]), append(strides, av.strides[k])
	}
	off = l.cheap(off, pos)
	if len(shape) == 0 {
		return aview{src: av.src, off: off}, off, p
	}
	return aview{src: av.src, off: off, shape: shape, strides: strides}, nil, p
}

// index lowers an integer index into axis k (of extent n) of the array
// being indexed: numpy's bounds check with the original value in the
// message, then the negative-index wrap. The result is a simple int64.
//
// Under Config.NoWrapAround there is no wrap and the check is 0 <= i < n,
// so a negative index raises IndexError with numpy's message for that
// index. Every path emits exactly one bounds check whatever the
// directives (raisesFixpoint relies on it), and each check is an IndexError
// with msgIndexBounds: that is how the boundscheck pass finds them under
// Config.NoBoundsCheck; nothing else may emit a Check with that message.
func (l *fnLowerer) index(e ast.Expr, n ir.Expr, k int, pos ir.Pos) ir.Expr {
	return l.indexValue(l.simple(cv(l.expr(e), ir.Int64), pos), n, k, pos)
}

// indexValue is index for an already lowered simple int64 index i (an
// element of an index array, mask.go).
func (l *fnLowerer) indexValue(i ir.Expr, n ir.Expr, k int, pos ir.Pos) ir.Expr {
	bounds := func(cond ir.Expr) {
		l.emit(&ir.Check{Cond: cond, Exc: "IndexError", Msg: msgIndexBounds,
			Args: []ir.Expr{i, ir.Int(int64(k)), n}, Pos: pos})
	}
	if r, ok := i.(*ir.VarRef); ok && l.nonneg[r.V] {
		bounds(ir.Bin(ir.Lt, i, n))
		return i
	}
	if c, ok := i.(*ir.ConstExpr); ok && c.Value.(int64) >= 0 {
		bounds(ir.Bin(ir.Lt, i, n))
		return i
	}
	if l.ml.cfg.NoWrapAround {
		// A constant negative index gives a check that folds to false:
		// it always raises, as an out-of-range index must.
		bounds(and(ir.Bin(ir.Ge, i, ir.Int(0)), ir.Bin(ir.Lt, i, n)))
		return i
	}
	if _, ok := i.(*ir.ConstExpr); ok {
		bounds(ir.Bin(ir.Ge, i, &ir.Unary{Op: ir.Neg, X: n}))
		return l.spill(ir.Bin(ir.Add, i, n), pos)
	}
	bounds(and(ir.Bin(ir.Ge, i, &ir.Unary{Op: ir.Neg, X: n}), ir.Bin(ir.Lt, i, n)))
	t := l.temp(ir.Int64)
	l.emit(&ir.Assign{Dst: t, Src: i, Pos: pos})
	l.emit(&ir.If{Cond: ir.Bin(ir.Lt, i, ir.Int(0)),
		Then: &ir.Block{Stmts: []ir.Stmt{&ir.Assign{Dst: t, Src: ir.Bin(ir.Add, i, n), Pos: pos}}}, Pos: pos})
	return ir.Ref(t)
}

// slice lowers one slice item over an axis of extent n into the adjusted
// start, the length and the step (all simple int64), with Python's
// slice.indices semantics: given bounds go through the slice_adjust
// intrinsic, omitted ones take the defaults of the step's sign, and the
// length is slice_len. A zero step raises numpy's ValueError.
func (l *fnLowerer) slice(it typeinfer.IndexItem, n ir.Expr, pos ir.Pos) (start, length, step ir.Expr) {
	bound := func(e ast.Expr) ir.Expr {
		if e == nil || isNone(e) {
			return nil
		}
		return l.cheap(cv(l.expr(e), ir.Int64), pos)
	}
	// Python evaluates start, stop, step in order.
	lo, hi := bound(it.Lower), bound(it.Upper)
	step = bound(it.Step)
	sign := 0 // +1 or -1 when the step's sign is known statically
	switch c := step.(type) {
	case nil:
		step, sign = ir.Int(1), 1
	case *ir.ConstExpr:
		v := c.Value.(int64)
		if v == 0 {
			l.emit(&ir.Raise{Exc: "ValueError", Msg: msgSliceStep, Pos: pos})
			return ir.Int(0), ir.Int(0), ir.Int(1)
		}
		sign = 1
		if v < 0 {
			sign = -1
		}
	default:
		l.check(ir.Bin(ir.Ne, step, ir.Int(0)), "ValueError", msgSliceStep, pos)
	}
	// neg is 1 when the step is negative, as an int64 (for the defaults
	// when the sign is only known at run time).
	neg := cv(ir.Bin(ir.Lt, step, ir.Int(0)), ir.Int64)
	if lo == nil {
		switch sign {
		case 1:
			lo = ir.Int(0)
		case -1:
			lo = l.cheap(ir.Bin(ir.Sub, n, ir.Int(1)), pos)
		default:
			lo = l.spill(mul(ir.Bin(ir.Sub, n, ir.Int(1)), neg), pos)
		}
	} else {
		lo = l.spill(intr("slice_adjust", ir.Int64, n, lo, step), pos)
	}
	if hi == nil {
		switch sign {
		case 1:
			hi = n
		case -1:
			hi = ir.Int(-1)
		default:
			hi = l.spill(ir.Bin(ir.Sub, n, mul(ir.Bin(ir.Add, n, ir.Int(1)), neg)), pos)
		}
	} else {
		hi = l.spill(intr("slice_adjust", ir.Int64, n, hi, step), pos)
	}
	var ln ir.Expr
	if c, ok := step.(*ir.ConstExpr); ok && c.Value == int64(1) {
		// max(hi - lo, 0) without an intrinsic the passes do not know.
		ln = intr("max", ir.Int64, ir.Bin(ir.Sub, hi, lo), ir.Int(0))
	} else {
		ln = intr("slice_len", ir.Int64, lo, hi, step)
	}
	return lo, l.spill(ln, pos), step
}

// addOff and mul build offset arithmetic, dropping zeros and ones.
func addOff(a, b ir.Expr) ir.Expr {
	if c, ok := b.(*ir.ConstExpr); ok && c.Value == int64(0) {
		return a
	}
	if c, ok := a.(*ir.ConstExpr); ok && c.Value == int64(0) {
		return b
	}
	return ir.Bin(ir.Add, a, b)
}

func mul(a, b ir.Expr) ir.Expr {
	if c, ok := b.(*ir.ConstExpr); ok {
		switch c.Value {
		case int64(0):
			return b
		case int64(1):
			return a
		}
	}
	if c, ok := a.(*ir.ConstExpr); ok {
		switch c.Value {
		case int64(0):
			return a
		case int64(1):
			return b
		}
	}
	return ir.Bin(ir.Mul, a, b)
}

// arraySubscript lowers a subscript of an array in a scalar context: the
// element load when every axis is indexed.
func (l *fnLowerer) arraySubscript(e *ast.Subscript) ir.Expr {
	av, off := l.subscriptView(e)
	if off == nil {
		l.errorf(e, "internal: array view used as a scalar")
	}
	return &ir.Load{Arr: av.src, Offset: off}
}

// arrayAttr lowers .ndim, .size and a.shape (as a tuple) of an array.
func (l *fnLowerer) arrayAttr(e *ast.Attribute, ai *typeinfer.AttrInfo) ir.Expr {
	switch ai.Kind {
	case typeinfer.AttrNdim:
		a, _ := arrayType(l.typeOf(e.Value))
		if a == nil {
			l.errorf(e, "unsupported: .ndim of a non-array")
		}
		l.viewOf(e.Value) // evaluated for its checks
		return ir.Int(int64(a.Rank))
	case typeinfer.AttrSize:
		av := l.viewOf(e.Value)
		return l.size(av)
	}
	return nil
}

// size is the product of av's extents (1 for rank 0).
func (l *fnLowerer) size(av aview) ir.Expr {
	var p ir.Expr = ir.Int(1)
	for _, n := range av.shape {
		p = mul(p, n)
	}
	return p
}

// shapeTuple lowers a.shape into one value per axis.
func (l *fnLowerer) shapeTuple(e ast.Expr) []ir.Expr {
	av := l.viewOf(e)
	return append([]ir.Expr(nil), av.shape...)
}

// arrayLen is len(a): the extent of axis 0 (typeinfer rejects rank 0).
func (l *fnLowerer) arrayLen(e ast.Expr) ir.Expr {
	av := l.viewOf(e)
	if len(av.shape) == 0 {
		l.errorf(e, "len() of unsized object")
	}
	return av.shape[0]
}

// assignArray lowers `name = value` for an array-typed name: the name
// becomes the value's array (numpy assignment binds, never copies), a fresh
// array for an elementwise expression.
func (l *fnLowerer) assignArray(dst *ir.Var, value ast.Expr, pos ir.Pos) {
	t := dst.Type.(*ir.Array)
	if l.isElementwise(value) {
		l.fuseAssign(dst, value, pos)
		return
	}
	switch value.(type) {
	case *ast.Subscript, *ast.Attribute:
		av := l.viewOf(value)
		if !av.reads(dst) && av.src != dst {
			if !av.isWhole() || !ir.Identical(av.src.Type, t) {
				l.emit(&ir.View{Dst: dst, Src: av.src, Offset: av.off, Shape: av.shape, Strides: av.strides, Pos: pos})
				return
			}
		}
		v := l.materialize(av, t, pos)
		if v != dst {
			l.emit(&ir.Assign{Dst: dst, Src: ir.Ref(v), Pos: pos})
		}
		return
	}
	v := l.arrayVar(value)
	v = l.arrayAs(v, t, value)
	if v != dst {
		l.emit(&ir.Assign{Dst: dst, Src: ir.Ref(v), Pos: pos})
	}
}

// storeSubscript lowers `a[...] = value`: an element store when every axis
// is indexed, else an elementwise assignment into the view. Python
// evaluates the value first, then the array and the index.
func (l *fnLowerer) storeSubscript(target *ast.Subscript, value ast.Expr, pos ir.Pos) {
	if l.isAdvanced(target) {
		l.storeAdvanced(target, value, pos)
		return
	}
	if _, isArr := l.typeOf(target).(*ir.Array); isArr {
		var dst *ir.Var
		if l.isArrayExpr(value) {
			// Python evaluates the value first: its views' index checks
			// come before the destination's (m[0, :] = m[1] on an empty
			// m raises for index 1).
			root := l.fuseTree(value, pos)
			dst = l.arrayVar(target)
			l.fuseStore(dst, value, root, pos)
			return
		}
		v := l.simple(l.expr(value), pos)
		dst = l.arrayVar(target)
		l.fill(dst, v, pos)
		return
	}
	v := l.expr(value)
	if ir.TouchesMemory(v) {
		v = l.spill(v, pos)
	}
	av, off := l.subscriptView(target)
	elem := av.src.Type.(*ir.Array).Elem
	l.emit(&ir.Store{Arr: av.src, Offset: off, Val: l.storeConv(v, elem, pos), Pos: pos})
}

// storeConv converts a scalar stored into an array element of type elem
// as numpy's setitem does: a float into a signed integer array goes
// through Python's int(), so NaN raises ValueError and infinity
// OverflowError, a finite value outside int64 raises OverflowError (numpy
// converts to a C long), and one inside wraps to a narrower type. The
// checks come after the index checks, as numpy converts the value once it
// has the element. Into unsigned arrays numpy casts an np.float64 as C
// does (npCast); a Python float NaN raises there too, which pyc2go, that
// does not tell the two apart, does not do.
func (l *fnLowerer) storeConv(v ir.Expr, elem ir.Scalar, pos ir.Pos) ir.Expr {
	t, ok := v.Type().(ir.Scalar)
	if ok && t.IsFloat() && elem.IsInt() && !elem.IsSigned() {
		return l.npCast(v, t, elem, pos)
	}
	if ok && t.IsFloat() && elem.IsInt() {
		x := l.simple(cv(v, ir.Float64), pos)
		l.check(not(intr("isnan", ir.Bool, x)), "ValueError", msgNaNToInt, pos)
		l.check(not(intr("isinf", ir.Bool, x)), "OverflowError", msgInfToInt, pos)
		l.check(intr("ftoi_ok", ir.Bool, x), "OverflowError", msgCLong, pos)
		return cv(intr("ftoi", ir.Int64, x), elem)
	}
	return convert(v, elem)
}

// augSubscript lowers `a[i] op= value` on an element: Python evaluates a
// and i, loads, evaluates value, computes and stores back.
func (l *fnLowerer) augSubscript(target *ast.Subscript, s *ast.AugAssign, pos ir.Pos) {
	if l.isAdvanced(target) {
		l.augAdvanced(target, s, pos)
		return
	}
	av, off := l.subscriptView(target)
	if off == nil {
		l.fuseAug(l.materialize(av, l.typeOf(target).(*ir.Array), pos), target, s, pos)
		return
	}
	elem := av.src.Type.(*ir.Array).Elem
	cur := l.spill(&ir.Load{Arr: av.src, Offset: off}, pos)
	rt := l.scalarOf(s.Value)
	y := l.expr(s.Value)
	c, _ := y.(*ir.ConstExpr)
	res := arithResult(s.Op, elem, rt, c)
	r := l.binop(s.Op, cur, elem, y, rt, res, pos)
	l.emit(&ir.Store{Arr: av.src, Offset: off, Val: l.storeConv(r, elem, pos), Pos: pos})
}

// fill stores the scalar v into every element of dst (a[...] = 0.0).
func (l *fnLowerer) fill(dst *ir.Var, v ir.Expr, pos ir.Pos) {
	a := dst.Type.(*ir.Array)
	v = l.simple(l.storeConv(v, a.Elem, pos), pos)
	l.loopNest(wholeView(dst).shape, pos, func(ivs []ir.Expr) {
		l.emit(&ir.Store{Arr: dst, Offset: flatOff(wholeView(dst), ivs, nil), Val: v, Pos: pos})
	})
}

// loopNest emits one For per extent (outermost first) and runs body inside
// the innermost with the induction variables.
func (l *fnLowerer) loopNest(shape []ir.Expr, pos ir.Pos, body func(ivs []ir.Expr)) {
	bounds := make([]ir.Expr, len(shape))
	for k, n := range shape {
		switch n.(type) {
		case *ir.ConstExpr, *ir.VarRef:
			bounds[k] = n
		default:
			bounds[k] = l.spill(n, pos)
		}
	}
	var rec func(k int, ivs []ir.Expr)
	rec = func(k int, ivs []ir.Expr) {
		if k == len(shape) {
			body(ivs)
			return
		}
		iv := l.newVar("i"+itoa(k), ir.Int64)
		stmts := l.block(func() { rec(k+1, append(ivs, ir.Ref(iv))) })
		l.emit(&ir.For{Var: iv, Start: ir.Int(0), Stop: bounds[k], Step: ir.Int(1), Body: &ir.Block{Stmts: stmts}, Pos: pos})
	}
	rec(0, nil)
}

// flatOff is the flat offset of element ivs of av (ivs aligned to av's
// trailing axes when longer: broadcasting); strides overrides av.strides
// when non-nil.
func flatOff(av aview, ivs []ir.Expr, strides []ir.Expr) ir.Expr {
	if strides == nil {
		strides = av.strides
	}
	off := av.off
	skip := len(ivs) - len(strides)
	for j, st := range strides {
		off = addOff(off, mul(ivs[skip+j], st))
	}
	return off
}

func itoa(k int) string {
	if k < 10 {
		return string(rune('0' + k))
	}
	return itoa(k/10) + itoa(k%10)
}

// arrayCall lowers a call whose result is an array (module functions,
// creation functions, array methods) into a variable, or returns nil when
// the call is elementwise (fusion handles it).
func (l *fnLowerer) arrayCall(e *ast.Call, t *ir.Array) *ir.Var {
	ci := l.info.Calls[e]
	if ci == nil {
		l.errorf(e, "unsupported: call")
	}
	if ci.Kind == typeinfer.CallFunc {
		vals := l.callFunc(e, ci, nil, false)
		if len(vals) != 1 {
			l.errorf(e, "unsupported: the result of %s used as a single value", ci.Func.Name)
		}
		if r, ok := vals[0].(*ir.VarRef); ok {
			return r.V
		}
		return l.spill(vals[0], l.pos(e)).(*ir.VarRef).V
	}
	if ci.Row == nil {
		l.errorf(e, "unsupported: call of %s returning an array", ci.Name)
	}
	return l.rowArray(e, ci, t)
}

func nan() float64 { return math.NaN() }

// forArray lowers `for x in a`, `for i, x in enumerate(a)` and
// `for x, y in zip(a, b)` over arrays: a counted loop along axis 0 (zip
// stops at the shortest), binding each element (rank 1) or a view of each
// row (rank >= 2) at the top of the body. The arrays are evaluated once,
// before the loop; elements are read at each iteration, so stores made by
// the body are seen, as in numpy.
func (l *fnLowerer) forArray(s *ast.For, li *typeinfer.LoopInfo) {
	pos := l.pos(s)
	var avs []aview
	for _, a := range li.Arrays {
		av := l.viewOf(a)
		if len(av.shape) == 0 {
			l.errorf(a, "iteration over a 0-d array")
		}
		if assignedIn(s.Body)[av.src.Name] {
			// The body rebinds the array's variable; Python keeps
			// iterating the array it started with.
			t := l.temp(&ir.Array{Elem: av.src.Type.(*ir.Array).Elem, Rank: len(av.shape)})
			l.emit(&ir.View{Dst: t, Src: av.src, Offset: av.off, Shape: av.shape, Strides: av.strides, Pos: pos})
			av = wholeView(t)
		}
		avs = append(avs, av)
	}
	n := avs[0].shape[0]
	for _, av := range avs[1:] {
		n = intr("min", ir.Int64, n, av.shape[0])
	}
	n = l.spill(n, pos)
	k := l.temp(ir.Int64)
	flag := l.loopFlag(s.Body, s.Orelse, pos)
	l.loops = append(l.loops, &loopCtx{brk: flag})
	body := l.block(func() {
		ti := 0
		if li.Kind == typeinfer.LoopEnumerate {
			v := l.scalarVar(li.Targets[0])
			l.emit(&ir.Assign{Dst: v, Src: convTo(ir.Ref(k), v.Type), Pos: pos})
			ti = 1
		}
		for i, av := range avs {
			tgt := li.Targets[ti+i]
			vs := l.vars[l.local(tgt)]
			if len(vs) != 1 {
				l.errorf(tgt, "unsupported: loop target '%s'", tgt.Id)
			}
			v := vs[0]
			off := addOff(av.off, mul(ir.Ref(k), av.strides[0]))
			if len(av.shape) == 1 {
				elem := av.src.Type.(*ir.Array).Elem
				l.emit(&ir.Assign{Dst: v, Src: convTo(&ir.Load{Arr: av.src, Offset: off}, v.Type), Pos: pos})
				_ = elem
				continue
			}
			t, ok := v.Type.(*ir.Array)
			if !ok {
				l.errorf(tgt, "internal: row of an array bound to a %s", v.Type)
			}
			row := aview{src: av.src, off: l.simple(off, pos), shape: av.shape[1:], strides: av.strides[1:]}
			if row.src == v || row.reads(v) {
				l.emit(&ir.Assign{Dst: v, Src: ir.Ref(l.materialize(row, t, pos)), Pos: pos})
				continue
			}
			l.emit(&ir.View{Dst: v, Src: row.src, Offset: row.off, Shape: row.shape, Strides: row.strides, Pos: pos})
		}
		l.stmts(s.Body, false)
	})
	l.loops = l.loops[:len(l.loops)-1]
	l.emit(&ir.For{Var: k, Start: ir.Int(0), Stop: n, Step: ir.Int(1), Body: &ir.Block{Stmts: body}, Pos: pos})
	l.loopElse(flag, s.Orelse, pos)
}

// npScalar reports whether e is a numpy scalar that comes from an array:
// an element a[i, j], a reduction or product of arrays, or arithmetic on
// such a value. Python arithmetic on a numpy scalar follows numpy (1.0 /
// a[0] with a[0] == 0.0 is inf, int64 elements // 0 give 0), so binary
// operators with such an operand use numpy's rules. A local variable
// holding one is not tracked (locals have one type, shared with Python's
// float): x = a[i]; x / 0.0 still raises, a documented difference.
func (l *fnLowerer) npScalar(e ast.Expr) bool {
	if l.isArrayExpr(e) {
		return false
	}
	switch x := e.(type) {
	case *ast.Subscript:
		return l.isArrayExpr(x.Value)
	case *ast.Call:
		ci := l.info.Calls[x]
		if ci == nil {
			return false
		}
		switch ci.Kind {
		case typeinfer.CallMethod:
			return ci.Recv != nil && l.isArrayExpr(ci.Recv)
		case typeinfer.CallNumpy:
			for _, a := range ci.Args {
				if a != nil && l.isArrayExpr(a) {
					return true
				}
			}
		}
	case *ast.BinOp:
		return l.npScalar(x.Left) || l.npScalar(x.Right)
	case *ast.UnaryOp:
		return x.Op != ast.Not && l.npScalar(x.Operand)
	}
	return false
}

// numpyBinop is binop with numpy's rules (no ZeroDivisionError, int //
// and % by zero give 0, int / int divides as doubles).
func (l *fnLowerer) numpyBinop(op ast.OperatorNumber, x ir.Expr, xt ir.Scalar, y ir.Expr, yt ir.Scalar, res ir.Scalar, pos ir.Pos) ir.Expr {
	saved := l.npMode
	l.npMode = true
	defer func() { l.npMode = saved }()
	return l.binop(op, x, xt, y, yt, res, pos)
}
