package lower

import (
	"github.com/go-python/gpython/ast"
	"github.com/go-python/gpython/py"

	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/typeinfer"
)

// shapeArg lowers a shape argument (an int or a tuple of ints).
func (l *fnLowerer) shapeArg(e ast.Expr, pos ir.Pos) []ir.Expr {
	var dims []ir.Expr
	if _, ok := l.typeOf(e).(*ir.Tuple); ok {
		dims = l.tuple(e)
	} else {
		dims = []ir.Expr{l.expr(e)}
	}
	for i, d := range dims {
		dims[i] = l.simple(cv(d, ir.Int64), pos)
	}
	return dims
}

// alloc makes a fresh array of shape (checked non-negative, numpy's
// ValueError), filled with fill unless nil (zeros; empty is zeros too).
func (l *fnLowerer) alloc(t *ir.Array, shape []ir.Expr, fill ir.Expr, pos ir.Pos) *ir.Var {
	var ok ir.Expr
	for _, d := range shape {
		if c, isC := d.(*ir.ConstExpr); isC && c.Value.(int64) >= 0 {
			continue
		}
		if _, isDim := d.(*ir.Dim); isDim {
			continue
		}
		c := ir.Bin(ir.Ge, d, ir.Int(0))
		if ok == nil {
			ok = c
		} else {
			ok = and(ok, c)
		}
	}
	if ok != nil {
		l.check(ok, "ValueError", msgNegDimension, pos)
	}
	v := l.temp(t)
	l.emit(&ir.Alloc{Dst: v, Shape: shape, Pos: pos})
	if fill != nil {
		l.fill(v, fill, pos)
	}
	return v
}

// copyOf makes a fresh C-contiguous copy of the array expression e with
// element type t.Elem (np.copy, .copy(), .astype()).
func (l *fnLowerer) copyOf(e ast.Expr, t *ir.Array, pos ir.Pos) *ir.Var {
	root := l.fuseTree(e, pos)
	v := l.temp(&ir.Array{Elem: t.Elem, Rank: len(root.shape), Contig: t.Contig})
	l.emit(&ir.Alloc{Dst: v, Shape: root.shape, Pos: pos})
	l.storeLoopShape(v, root, root.shape, pos)
	return v
}

// reshapeContig views the C-contiguous array v with a new shape (whose
// size the caller has checked).
func (l *fnLowerer) reshapeContig(v *ir.Var, dims []ir.Expr, t *ir.Array, pos ir.Pos) *ir.Var {
	strides := make([]ir.Expr, len(dims))
	var st ir.Expr = ir.Int(1)
	for k := len(dims) - 1; k >= 0; k-- {
		strides[k] = st
		if k > 0 {
			st = l.simple(mul(st, dims[k]), pos)
		}
	}
	d := l.temp(t)
	l.emit(&ir.View{Dst: d, Src: v, Offset: &ir.Dim{Arr: v, Kind: ir.Offset}, Shape: dims, Strides: strides, Pos: pos})
	return d
}

// reshape lowers a.reshape(dims) (dims nil: a.ravel()): a View when a is
// C-contiguous at run time (is_c_contig), else a C-order copy viewed with
// the new shape, as numpy. One constant -1 extent is inferred.
func (l *fnLowerer) reshape(e ast.Expr, recv ast.Expr, dims []ir.Expr, t *ir.Array, pos ir.Pos) *ir.Var {
	src := l.arrayVar(recv)
	size := l.simple(l.size(wholeView(src)), pos)
	if dims == nil {
		dims = []ir.Expr{size}
	} else {
		dims = l.reshapeDims(e, dims, size, pos)
	}
	out := l.temp(t)
	view := l.block(func() {
		d := l.reshapeContig(src, dims, t, pos)
		l.emit(&ir.Assign{Dst: out, Src: ir.Ref(d), Pos: pos})
	})
	cp := l.block(func() {
		c := l.temp(&ir.Array{Elem: t.Elem, Rank: src.Type.(*ir.Array).Rank})
		root := &fnode{e: recv, leaf: true, av: wholeView(src), shape: wholeView(src).shape, elem: t.Elem}
		l.emit(&ir.Alloc{Dst: c, Shape: root.shape, Pos: pos})
		l.storeLoopShape(c, root, root.shape, pos)
		d := l.reshapeContig(c, dims, t, pos)
		l.emit(&ir.Assign{Dst: out, Src: ir.Ref(d), Pos: pos})
	})
	l.emit(&ir.If{Cond: intr("is_c_contig", ir.Bool, ir.Ref(src)), Then: &ir.Block{Stmts: view}, Else: &ir.Block{Stmts: cp}, Pos: pos})
	return out
}

// npCast converts a scalar to an array element type with numpy's casting
// (setitem and astype): float to int truncates as C does on x86 (NaN and
// out-of-range give the minimum int64, then wrap), complex drops the
// imaginary part, anything to bool is its truth.
func (l *fnLowerer) npCast(x ir.Expr, from, to ir.Scalar, pos ir.Pos) ir.Expr {
	switch {
	case from == to:
		return x
	case to == ir.Bool:
		return truth(x)
	case from.IsComplex() && !to.IsComplex():
		return l.npCast(intr("real", partType(from), x), partType(from), to, pos)
	case from.IsFloat() && to.IsInt():
		x = l.simple(x, pos)
		t := l.temp(ir.Int64)
		var ok ir.Expr = intr("ftoi_ok", ir.Bool, x)
		if to.Bits() <= 32 && to != ir.Uint32 {
			// x86's 32-bit cvttsd2si, which numpy's casts to int32 and
			// narrower use: outside int32 (or NaN) gives MinInt32, then
			// the narrower types wrap.
			l.emit(&ir.Assign{Dst: t, Src: ir.Int(-1 << 31), Pos: pos})
			xf := cv(x, ir.Float64)
			ok = and(ir.Bin(ir.Gt, xf, ir.Float(-2147483649.0)), ir.Bin(ir.Lt, xf, ir.Float(2147483648.0)))
		} else {
			l.emit(&ir.Assign{Dst: t, Src: ir.Int(-1 << 63), Pos: pos})
		}
		l.emit(&ir.If{Cond: ok,
			Then: &ir.Block{Stmts: []ir.Stmt{&ir.Assign{Dst: t, Src: intr("ftoi", ir.Int64, x), Pos: pos}}}, Pos: pos})
		return cv(ir.Ref(t), to)
	}
	return cv(x, to)
}

// arrayLiteral lowers np.array([[...], ...]) of scalar expressions: a fresh
// array of the literal's (rectangular) shape, stored element by element in
// Python's evaluation order.
func (l *fnLowerer) arrayLiteral(lst *ast.List, t *ir.Array, pos ir.Pos) *ir.Var {
	var shape []int
	var elems []ast.Expr
	var walk func(e ast.Expr, depth int)
	walk = func(e ast.Expr, depth int) {
		sub, ok := e.(*ast.List)
		if !ok {
			if depth != t.Rank {
				l.errorf(e, "unsupported: ragged array literal")
			}
			elems = append(elems, e)
			return
		}
		if depth >= t.Rank {
			l.errorf(e, "unsupported: ragged array literal")
		}
		if len(shape) <= depth {
			shape = append(shape, len(sub.Elts))
		} else if shape[depth] != len(sub.Elts) {
			l.errorf(e, "unsupported: ragged array literal")
		}
		for _, x := range sub.Elts {
			walk(x, depth+1)
		}
	}
	walk(lst, 0)
	if len(shape) != t.Rank {
		l.errorf(lst, "unsupported: array literal of rank %d typed rank %d", len(shape), t.Rank)
	}
	vals := l.seq(pos, elems...)
	dims := make([]ir.Expr, len(shape))
	for i, n := range shape {
		dims[i] = ir.Int(int64(n))
	}
	v := l.temp(t)
	l.emit(&ir.Alloc{Dst: v, Shape: dims, Pos: pos})
	for i, x := range vals {
		l.emit(&ir.Store{Arr: v, Offset: ir.Int(int64(i)), Val: l.npCast(x, l.scalarOf(elems[i]), t.Elem, pos), Pos: pos})
	}
	return v
}

// arange lowers np.arange(stop), (start, stop) and (start, stop, step):
// numpy's length ceil((stop - start) / step) (0 when negative), a zero
// step raising ZeroDivisionError as numpy does, and numpy's fill rule:
// element 0 is start, element 1 start + step, element i >= 2
// start + i*delta with delta = (start + step) - start.
func (l *fnLowerer) arange(e *ast.Call, ci *typeinfer.CallInfo, t *ir.Array, pos ir.Pos) *ir.Var {
	vals := l.seq(pos, ci.Args...)
	ts := make([]ir.Scalar, len(vals))
	for i, a := range ci.Args {
		ts[i] = l.scalarOf(a)
	}
	float := false
	for _, x := range ts {
		float = float || x.IsFloat()
	}
	ct := ir.Int64
	if float {
		ct = ir.Float64
	}
	var start, stop, step ir.Expr = zero(ct), nil, cv(ir.Int(1), ct)
	switch len(vals) {
	case 1:
		stop = vals[0]
	case 2:
		start, stop = vals[0], vals[1]
	case 3:
		start, stop, step = vals[0], vals[1], vals[2]
	default:
		l.errorf(e, "unsupported: arange() with %d arguments", len(vals))
	}
	start, stop, step = l.simple(cv(start, ct), pos), l.simple(cv(stop, ct), pos), l.simple(cv(step, ct), pos)
	var n ir.Expr
	if float {
		l.check(ir.Bin(ir.Ne, step, zero(ct)), "ZeroDivisionError", msgFloatDiv, pos)
		q := l.spill(intr("ceil", ct, ir.Bin(ir.Div, ir.Bin(ir.Sub, stop, start), step)), pos)
		// NaN or an infinite length: numpy raises "arange: cannot compute length".
		l.check(intr("ftoi_ok", ir.Bool, q), "ValueError", "arange: cannot compute length", pos)
		n = l.spill(intr("max", ir.Int64, intr("ftoi", ir.Int64, q), ir.Int(0)), pos)
	} else {
		l.check(ir.Bin(ir.Ne, step, ir.Int(0)), "ZeroDivisionError", msgDivZero, pos)
		// len(range(start, stop, step)) is CPython's slicelength.
		n = l.spill(intr("slice_len", ir.Int64, start, stop, step), pos)
	}
	v := l.temp(t)
	l.emit(&ir.Alloc{Dst: v, Shape: []ir.Expr{n}, Pos: pos})
	delta := step
	if float {
		delta = l.spill(ir.Bin(ir.Sub, ir.Bin(ir.Add, start, step), start), pos)
	}
	l.loopNest([]ir.Expr{n}, pos, func(ivs []ir.Expr) {
		i := ivs[0]
		off := ir.Bin(ir.Add, &ir.Dim{Arr: v, Kind: ir.Offset}, ir.Bin(ir.Mul, i, &ir.Dim{Arr: v, Kind: ir.Stride, Axis: 0}))
		x := l.temp(ct)
		l.emit(&ir.Assign{Dst: x, Src: ir.Bin(ir.Add, start, ir.Bin(ir.Mul, cv(i, ct), delta)), Pos: pos})
		if float {
			l.emit(&ir.If{Cond: ir.Bin(ir.Eq, i, ir.Int(1)),
				Then: &ir.Block{Stmts: []ir.Stmt{&ir.Assign{Dst: x, Src: ir.Bin(ir.Add, start, step), Pos: pos}}}, Pos: pos})
		}
		l.emit(&ir.Store{Arr: v, Offset: off, Val: l.npCast(ir.Ref(x), ct, t.Elem, pos), Pos: pos})
	})
	return v
}

// linspace lowers np.linspace(start, stop, num=50, endpoint=True) as numpy
// 1.24 computes it: div = num - 1 (num without endpoint), step =
// (stop - start) / div, y[i] = i*step + start (i/div*delta + start when
// step is 0), and the last element exactly stop with the endpoint.
func (l *fnLowerer) linspace(e *ast.Call, ci *typeinfer.CallInfo, t *ir.Array, pos ir.Pos) *ir.Var {
	if t.Elem != ir.Float64 {
		l.errorf(e, "unsupported: linspace with dtype %s", t.Elem)
	}
	for k := range ci.Kwargs {
		if k != "num" && k != "endpoint" {
			l.errorf(e, "unsupported: %s= of linspace()", k)
		}
	}
	vals := l.seq(pos, ci.Args...)
	start, stop := l.simple(cv(vals[0], ir.Float64), pos), l.simple(cv(vals[1], ir.Float64), pos)
	var num ir.Expr = ir.Int(50)
	if x := ci.Kwargs["num"]; x != nil {
		num = l.simple(cv(l.expr(x), ir.Int64), pos)
	}
	endpoint := true
	if x := ci.Kwargs["endpoint"]; x != nil {
		c, ok := x.(*ast.NameConstant)
		if !ok || (c.Value != py.True && c.Value != py.False) {
			l.errorf(x, "unsupported: endpoint= must be True or False")
		}
		endpoint = c.Value == py.True
	}
	l.emit(&ir.Check{Cond: ir.Bin(ir.Ge, num, ir.Int(0)), Exc: "ValueError", Msg: ci.Row.Raise("ValueError"), Args: []ir.Expr{num}, Pos: pos})
	div := num
	if endpoint {
		div = l.simple(ir.Bin(ir.Sub, num, ir.Int(1)), pos)
	}
	delta := l.spill(ir.Bin(ir.Sub, stop, start), pos)
	divf := l.simple(cv(div, ir.Float64), pos)
	step := l.temp(ir.Float64)
	// div == 0 (num 1 with endpoint, or num 0): numpy's step is NaN and
	// y = y*delta + start.
	l.emit(&ir.Assign{Dst: step, Src: &ir.ConstExpr{T: ir.Float64, Value: nan()}, Pos: pos})
	l.emit(&ir.If{Cond: ir.Bin(ir.Gt, div, ir.Int(0)),
		Then: &ir.Block{Stmts: []ir.Stmt{&ir.Assign{Dst: step, Src: ir.Bin(ir.Div, delta, divf), Pos: pos}}}, Pos: pos})
	v := l.temp(t)
	l.emit(&ir.Alloc{Dst: v, Shape: []ir.Expr{num}, Pos: pos})
	l.loopNest([]ir.Expr{num}, pos, func(ivs []ir.Expr) {
		i := ivs[0]
		fi := cv(i, ir.Float64)
		x := l.temp(ir.Float64)
		// y = i*delta (div == 0), (i/div)*delta (step == 0), i*step.
		l.emit(&ir.Assign{Dst: x, Src: ir.Bin(ir.Mul, fi, delta), Pos: pos})
		l.emit(&ir.If{Cond: ir.Bin(ir.Gt, div, ir.Int(0)), Then: &ir.Block{Stmts: []ir.Stmt{
			&ir.Assign{Dst: x, Src: ir.Bin(ir.Mul, fi, ir.Ref(step)), Pos: pos},
			&ir.If{Cond: ir.Bin(ir.Eq, ir.Ref(step), ir.Float(0)), Then: &ir.Block{Stmts: []ir.Stmt{
				&ir.Assign{Dst: x, Src: ir.Bin(ir.Mul, ir.Bin(ir.Div, fi, divf), delta), Pos: pos}}}, Pos: pos},
		}}, Pos: pos})
		l.emit(&ir.Assign{Dst: x, Src: ir.Bin(ir.Add, ir.Ref(x), start), Pos: pos})
		if endpoint {
			l.emit(&ir.If{Cond: and(ir.Bin(ir.Eq, i, ir.Bin(ir.Sub, num, ir.Int(1))), ir.Bin(ir.Gt, num, ir.Int(1))),
				Then: &ir.Block{Stmts: []ir.Stmt{&ir.Assign{Dst: x, Src: stop, Pos: pos}}}, Pos: pos})
		}
		l.emit(&ir.Store{Arr: v, Offset: ir.Bin(ir.Add, &ir.Dim{Arr: v, Kind: ir.Offset}, ir.Bin(ir.Mul, i, &ir.Dim{Arr: v, Kind: ir.Stride, Axis: 0})), Val: ir.Ref(x), Pos: pos})
	})
	return v
}

// reshapeDims checks a reshape's new extents against the array's size and
// resolves the unknown one, as numpy 1.24 does: every negative extent is
// "unknown", at most one may be, and the mismatch message spells the
// requested shape numpy's way (leading unknowns dropped, later ones as
// "newaxis", "(4,)" for one extent), whose form depends on which extent is
// negative at run time: one Raise per possibility.
func (l *fnLowerer) reshapeDims(e ast.Expr, dims []ir.Expr, size ir.Expr, pos ir.Pos) []ir.Expr {
	n := len(dims)
	neg := make([]ir.Expr, n) // bool: extent i is unknown
	static := make([]int, n)  // -1 negative, 1 non-negative, 0 unknown statically
	for i, d := range dims {
		d = l.simple(cv(d, ir.Int64), pos)
		dims[i] = d
		if c, ok := d.(*ir.ConstExpr); ok {
			static[i] = 1
			if c.Value.(int64) < 0 {
				static[i] = -1
			}
			neg[i] = ir.BoolConst(static[i] < 0)
			continue
		}
		neg[i] = ir.Bin(ir.Lt, d, ir.Int(0))
	}
	var nneg, known ir.Expr = ir.Int(0), ir.Int(1)
	for i, d := range dims {
		switch static[i] {
		case 1:
			known = mul(known, d)
		case -1:
			nneg = addOff(nneg, ir.Int(1))
		default:
			nneg = addOff(nneg, cv(neg[i], ir.Int64))
			known = mul(known, ir.Bin(ir.Add, d, ir.Bin(ir.Mul, ir.Bin(ir.Sub, ir.Int(1), d), cv(neg[i], ir.Int64))))
		}
	}
	nneg, known = l.simple(nneg, pos), l.simple(known, pos)
	if c, ok := nneg.(*ir.ConstExpr); !ok || c.Value.(int64) > 1 {
		l.check(ir.Bin(ir.Le, nneg, ir.Int(1)), "ValueError", "can only specify one unknown dimension", pos)
	}
	ok := or(and(ir.Bin(ir.Eq, nneg, ir.Int(0)), ir.Bin(ir.Eq, known, size)),
		and(ir.Bin(ir.Eq, nneg, ir.Int(1)), and(ir.Bin(ir.Ne, known, ir.Int(0)), ir.Bin(ir.Eq, intr("mod", ir.Int64, size, known), ir.Int(0)))))
	// The failing path: one message per position of the unknown extent
	// (or none), among those the constants allow.
	raise := l.block(func() {
		var chain []ir.Stmt
		for u := -1; u < n; u++ {
			if u >= 0 && (static[u] != 0 || hasNeg(static)) {
				continue
			}
			var cond ir.Expr = ir.BoolConst(true)
			for i := range dims {
				if static[i] != 0 {
					continue
				}
				c := neg[i]
				if i != u {
					c = not(c)
				}
				cond = and(cond, c)
			}
			msg, args := "cannot reshape array of size %d into shape ", []ir.Expr{size}
			started := false
			part := ""
			for i, d := range dims {
				if i == u || static[i] == -1 {
					if started {
						part += ",newaxis"
					}
					continue
				}
				if started {
					part += ","
				}
				part += "%d"
				args = append(args, d)
				started = true
			}
			switch {
			case !started:
				part = "()"
			case n == 1:
				part = "(" + part + ",)"
			default:
				part = "(" + part + ")"
			}
			chain = append(chain, &ir.If{Cond: cond, Then: &ir.Block{Stmts: []ir.Stmt{
				&ir.Raise{Exc: "ValueError", Msg: msg + part, Args: args, Pos: pos}}}, Pos: pos})
		}
		// Nest as if / else if so exactly one raises.
		for k := len(chain) - 1; k > 0; k-- {
			chain[k-1].(*ir.If).Else = &ir.Block{Stmts: []ir.Stmt{chain[k]}}
		}
		if len(chain) > 0 {
			l.emit(chain[0])
		}
	})
	l.emit(&ir.If{Cond: not(ok), Then: &ir.Block{Stmts: raise}, Pos: pos})
	if c, ok := nneg.(*ir.ConstExpr); ok && c.Value.(int64) == 0 {
		return dims
	}
	unk := l.temp(ir.Int64)
	l.emit(&ir.Assign{Dst: unk, Src: ir.Int(0), Pos: pos})
	l.emit(&ir.If{Cond: ir.Bin(ir.Ne, known, ir.Int(0)), Then: &ir.Block{Stmts: []ir.Stmt{
		&ir.Assign{Dst: unk, Src: intr("floordiv", ir.Int64, size, known), Pos: pos}}}, Pos: pos})
	for i, d := range dims {
		switch static[i] {
		case -1:
			dims[i] = ir.Ref(unk)
		case 0:
			dims[i] = l.spill(ir.Bin(ir.Add, d, ir.Bin(ir.Mul, ir.Bin(ir.Sub, ir.Ref(unk), d), cv(neg[i], ir.Int64))), pos)
		}
	}
	return dims
}

func hasNeg(static []int) bool {
	for _, s := range static {
		if s < 0 {
			return true
		}
	}
	return false
}
