package emitgo

import "github.com/pyc2go/pyc2go/ir"

// Hand-built array IR, shaped like what lower produces for the Python in
// each function's comment: loads and stores with explicit offsets built
// from Dim nodes, views, allocations, checks whose messages carry values.

func dimOf(a *ir.Var, k ir.DimKind, axis int) ir.Expr { return &ir.Dim{Arr: a, Kind: k, Axis: axis} }
func shapeOf(a *ir.Var, axis int) ir.Expr             { return dimOf(a, ir.Shape, axis) }
func strideOf(a *ir.Var, axis int) ir.Expr            { return dimOf(a, ir.Stride, axis) }
func offOf(a *ir.Var) ir.Expr                         { return dimOf(a, ir.Offset, 0) }
func load(a *ir.Var, off ir.Expr) ir.Expr             { return &ir.Load{Arr: a, Offset: off} }
func store(a *ir.Var, off, v ir.Expr, line, col int) ir.Stmt {
	return &ir.Store{Arr: a, Offset: off, Val: v, Pos: at(line, col)}
}

// elemOff is the flat offset of a[idx...]: Offset + sum idx[k]*Strides[k].
func elemOff(a *ir.Var, idx ...ir.Expr) ir.Expr {
	off := offOf(a)
	for k, i := range idx {
		off = bin(ir.Add, off, bin(ir.Mul, i, strideOf(a, k)))
	}
	return off
}

func loop(v *ir.Var, stop ir.Expr, line int, body ...ir.Stmt) ir.Stmt {
	return &ir.For{Var: v, Start: ir.Int(0), Stop: stop, Step: ir.Int(1), Pos: at(line, 5), Body: blk(body...)}
}

var (
	f64v  = &ir.Array{Elem: ir.Float64, Rank: 1}
	f64m  = &ir.Array{Elem: ir.Float64, Rank: 2}
	f64mc = &ir.Array{Elem: ir.Float64, Rank: 2, Contig: true}
	f32m  = &ir.Array{Elem: ir.Float32, Rank: 2}
	f32v  = &ir.Array{Elem: ir.Float32, Rank: 1}
	c128v = &ir.Array{Elem: ir.Complex128, Rank: 1}
	i64v  = &ir.Array{Elem: ir.Int64, Rank: 1}
	boolv = &ir.Array{Elem: ir.Bool, Rank: 1}
)

// indexChecks normalises a Python index i of axis k of a (negative counts
// from the end) into dst and checks it with numpy's IndexError message.
func indexChecks(a *ir.Var, k int, i, dst *ir.Var, line, col int) []ir.Stmt {
	return []ir.Stmt{
		assign(dst, ref(i), line, col),
		&ir.If{Cond: bin(ir.Lt, ref(i), ir.Int(0)), Pos: at(line, col), Then: blk(
			assign(dst, bin(ir.Add, ref(i), shapeOf(a, k)), line, col),
		)},
		&ir.Check{Cond: bin(ir.AndAnd, bin(ir.Ge, ref(dst), ir.Int(0)), bin(ir.Lt, ref(dst), shapeOf(a, k))),
			Exc: "IndexError", Msg: "index %d is out of bounds for axis %d with size %d",
			Args: []ir.Expr{ref(i), ir.Int(int64(k)), shapeOf(a, k)}, Pos: at(line, col)},
	}
}

func arraysModule() *ir.Module {
	m := &ir.Module{File: "arrays.py", Doc: "numpy array kernels."}

	// def total(a: "float64[:]") -> float:
	//     s = 0.0
	//     for i in range(len(a)): s += a[i]
	//     return s
	tb := newFn("total", "Sum by an element loop.", 3, ir.Float64)
	ta := tb.param("a", f64v)
	// A Python local named like a's Data copy: the copy becomes aData_.
	ts, tn, ti := tb.local("s", ir.Float64), tb.local("aData", ir.Int64), tb.local("i", ir.Int64)
	total := tb.body(false,
		assign(ts, ir.Float(0), 5, 5),
		assign(tn, shapeOf(ta, 0), 6, 14),
		loop(ti, ref(tn), 6,
			assign(ts, bin(ir.Add, ref(ts), load(ta, elemOff(ta, ref(ti)))), 7, 9)),
		ret(8, ref(ts)),
	)

	// def rev_sum(a: "float64[:]") -> float:
	//     r = a[::-1]
	//     return np.sum(r) + np.mean(a[1:]) + np.prod(r)
	rb := newFn("rev_sum", "A reversed view and a slice view, summed by numpy's pairwise sum (and a product).", 11, ir.Float64)
	ra := rb.param("a", f64v)
	rr, rt1, rn, rstart, rlen := rb.local("r", f64v), rb.local("t1", f64v), rb.local("n", ir.Int64), rb.local("start", ir.Int64), rb.local("len1", ir.Int64)
	revSum := rb.body(false,
		assign(rn, shapeOf(ra, 0), 13, 5),
		&ir.View{Dst: rr, Src: ra, Pos: at(13, 5),
			Offset:  bin(ir.Add, offOf(ra), bin(ir.Mul, bin(ir.Sub, ref(rn), ir.Int(1)), strideOf(ra, 0))),
			Shape:   []ir.Expr{ref(rn)},
			Strides: []ir.Expr{&ir.Unary{Op: ir.Neg, X: strideOf(ra, 0)}}},
		assign(rstart, in("slice_adjust", ir.Int64, ref(rn), ir.Int(1), ir.Int(1)), 14, 30),
		assign(rlen, in("slice_len", ir.Int64, ref(rstart), ref(rn), ir.Int(1)), 14, 30),
		&ir.View{Dst: rt1, Src: ra, Pos: at(14, 30),
			Offset:  elemOff(ra, ref(rstart)),
			Shape:   []ir.Expr{ref(rlen)},
			Strides: []ir.Expr{strideOf(ra, 0)}},
		ret(14, bin(ir.Add, bin(ir.Add, in("np_sum", ir.Float64, ref(rr)), in("np_mean", ir.Float64, ref(rt1))), in("np_prod", ir.Float64, ref(rr)))),
	)

	// def axpy(alpha: float, x: "float64[:]", y: "float64[:]") -> "float64[:]":
	//     return alpha * x + y      # one fused loop into a fresh array
	ab := newFn("axpy", "alpha*x + y with numpy's broadcast error; one loop, one allocation.", 17, f64v)
	alpha, ax, ay := ab.param("alpha", ir.Float64), ab.param("x", f64v), ab.param("y", f64v)
	aout, ai, an := ab.local("out", f64v), ab.local("i", ir.Int64), ab.local("n", ir.Int64)
	axpy := ab.body(true,
		&ir.Check{Cond: bin(ir.Eq, shapeOf(ax, 0), shapeOf(ay, 0)), Exc: "ValueError",
			Msg: "operands could not be broadcast together with shapes %s %s ", Args: []ir.Expr{ref(ax), ref(ay)}, Pos: at(19, 12)},
		assign(an, shapeOf(ax, 0), 19, 12),
		&ir.Alloc{Dst: aout, Shape: []ir.Expr{ref(an)}, Pos: at(19, 12)},
		loop(ai, ref(an), 19,
			store(aout, ref(ai), bin(ir.Add, bin(ir.Mul, ref(alpha), load(ax, elemOff(ax, ref(ai)))), load(ay, elemOff(ay, ref(ai)))), 19, 12)),
		ret(19, ref(aout)),
	)

	// def get(m: "float64[:, :]", i: int, j: int) -> float:
	//     return m[i, j]
	gb := newFn("get", "m[i, j] with negative indices and numpy's IndexError.", 22, ir.Float64)
	gm, gi, gj := gb.param("m", f64m), gb.param("i", ir.Int64), gb.param("j", ir.Int64)
	gi1, gj1 := gb.local("i1", ir.Int64), gb.local("j1", ir.Int64)
	var gbody []ir.Stmt
	gbody = append(gbody, indexChecks(gm, 0, gi, gi1, 24, 12)...)
	gbody = append(gbody, indexChecks(gm, 1, gj, gj1, 24, 12)...)
	gbody = append(gbody, ret(24, load(gm, elemOff(gm, ref(gi1), ref(gj1)))))
	get := gb.body(true, gbody...)

	// def scale(m: "float64[:, ::1]", c: float) -> None:
	//     for i in range(m.shape[0]):
	//         for j in range(m.shape[1]):
	//             m[i, j] *= c
	sb := newFn("scale", "In-place: the caller sees the new values.", 27, ir.None)
	sm, sc := sb.param("m", f64mc), sb.param("c", ir.Float64)
	si, sj, sn0, sn1 := sb.local("i", ir.Int64), sb.local("j", ir.Int64), sb.local("n0", ir.Int64), sb.local("n1", ir.Int64)
	off := elemOff(sm, ref(si), ref(sj))
	scale := sb.body(false,
		assign(sn0, shapeOf(sm, 0), 29, 20),
		assign(sn1, shapeOf(sm, 1), 30, 24),
		loop(si, ref(sn0), 29,
			loop(sj, ref(sn1), 30,
				store(sm, off, bin(ir.Mul, load(sm, off), ref(sc)), 31, 13))),
	)

	// def row(m: "float32[:, :]", k: int) -> "float32[:]":
	//     return m[k]       # a view: writes through it change m
	wb := newFn("row", "Row k of m as a view; negative k counts from the end.", 34, f32v)
	wm, wk := wb.param("m", f32m), wb.param("k", ir.Int64)
	wk1, wv := wb.local("k1", ir.Int64), wb.local("v", f32v)
	var wbody []ir.Stmt
	wbody = append(wbody, indexChecks(wm, 0, wk, wk1, 36, 12)...)
	wbody = append(wbody,
		&ir.View{Dst: wv, Src: wm, Pos: at(36, 12), Offset: elemOff(wm, ref(wk1)),
			Shape: []ir.Expr{shapeOf(wm, 1)}, Strides: []ir.Expr{strideOf(wm, 1)}},
		ret(36, ref(wv)))
	row := wb.body(true, wbody...)

	// def shift(a: "float64[:]") -> None:
	//     a = a[1:]; a[0] = 100.0   # a re-assigned view: no Data hoisting
	//     if np.sum(a) > 1e300: raise ValueError("100% wrong")
	hb := newFn("shift", "A parameter re-assigned to a view of itself, a message with a literal %.", 39, ir.None)
	ha := hb.param("a", f64v)
	shift := hb.body(true,
		&ir.View{Dst: ha, Src: ha, Pos: at(41, 5), Offset: bin(ir.Add, offOf(ha), strideOf(ha, 0)),
			Shape: []ir.Expr{bin(ir.Sub, shapeOf(ha, 0), ir.Int(1))}, Strides: []ir.Expr{strideOf(ha, 0)}},
		store(ha, offOf(ha), ir.Float(100), 41, 16),
		&ir.Check{Cond: in("is_c_contig", ir.Bool, ref(ha)), Exc: "ValueError", Msg: "not contiguous", Pos: at(41, 16)},
		&ir.If{Cond: bin(ir.Gt, in("np_sum", ir.Float64, ref(ha)), ir.Float(1e300)), Pos: at(42, 5), Then: blk(
			&ir.Raise{Exc: "ValueError", Msg: "100% wrong", Pos: at(42, 37)},
		)},
	)

	// def kinds(z: "complex128[:]", w: complex, c: "int64[:]", b: "bool[:]", fmt: int) -> complex:
	//     z[0] = z[0] * w + z[1]; c[0] += fmt; b[0] = not b[0]
	//     if fmt > 3: raise IndexError(f"index {fmt} ...") ; return np.sum(z)
	kb := newFn("kinds", "Complex, int and bool elements; a local named fmt in a function that formats.", 45, ir.Complex128)
	kz, kw, kc, kbb, kf := kb.param("z", c128v), kb.param("w", ir.Complex128), kb.param("c", i64v), kb.param("b", boolv), kb.param("fmt", ir.Int64)
	kinds := kb.body(true,
		&ir.Check{Cond: bin(ir.Ge, shapeOf(kz, 0), ir.Int(2)), Exc: "IndexError", Msg: "index %d is out of bounds for axis %d with size %d",
			Args: []ir.Expr{ir.Int(1), ir.Int(0), shapeOf(kz, 0)}, Pos: at(47, 5)},
		store(kz, offOf(kz), bin(ir.Add, bin(ir.Mul, load(kz, offOf(kz)), ref(kw)), load(kz, elemOff(kz, ir.Int(1)))), 47, 5),
		store(kc, ir.Int(0), bin(ir.Add, load(kc, ir.Int(0)), ref(kf)), 48, 5),
		store(kbb, offOf(kbb), &ir.Unary{Op: ir.Not, X: load(kbb, offOf(kbb))}, 48, 20),
		&ir.If{Cond: bin(ir.Gt, ref(kf), ir.Int(3)), Pos: at(49, 5), Then: blk(
			&ir.Raise{Exc: "IndexError", Msg: "index %d is out of bounds (%d%%)", Args: []ir.Expr{ref(kf), ir.Int(100)}, Pos: at(49, 19)},
		)},
		ret(50, in("np_sum", ir.Complex128, ref(kz))),
	)

	// def outer_call(x: "float64[:]", y: "float64[:]") -> tuple[float64[:], bool]:
	//     out = axpy(2.0, x, y); return out, overlaps(out, x) || may_share(out, y)
	ob := newFn("outer_call", "Arrays through calls and a tuple result.", 53, &ir.Tuple{Elems: []ir.Type{f64v, ir.Bool}})
	ox, oy := ob.param("x", f64v), ob.param("y", f64v)
	oout := ob.local("out", f64v)
	outerCall := ob.body(true,
		&ir.CallStmt{Dsts: []*ir.Var{oout}, Call: &ir.Call{Fn: axpy, Args: []ir.Expr{ir.Float(2), ref(ox), ref(oy)}}, Pos: at(55, 5)},
		ret(56, ref(oout), ir.Bin(ir.OrOr, in("overlaps", ir.Bool, ref(oout), ref(ox)), in("may_share", ir.Bool, ref(oout), ref(oy)))),
	)

	// def colsum(m: "float64[:, :]", z: "complex128[:, :]") -> tuple[float64[:], complex128[:]]:
	//     return m.sum(axis=0), z.sum(axis=1)
	cb := newFn("colsum", "Sums along an axis are fresh arrays.", 59, &ir.Tuple{Elems: []ir.Type{f64v, c128v}})
	cm, cz := cb.param("m", f64m), cb.param("z", &ir.Array{Elem: ir.Complex128, Rank: 2})
	cs, czs, ck := cb.local("s", f64v), cb.local("zs", c128v), cb.local("k", ir.Int64)
	ct := cb.local("t", f64m) // a temporary laid out as numpy lays out a ufunc output of m
	colsum := cb.body(false,
		assign(cs, in("np_sum_axis", f64v, ref(cm), ir.Int(0)), 61, 12),
		assign(ct, in("np_zeros_k", f64m, ref(cm), ref(cm)), 61, 28),
		assign(ck, bin(ir.Sub, shapeOf(ct, 0), ir.Int(1)), 61, 28),
		assign(czs, in("np_sum_axis", c128v, ref(cz), ref(ck)), 61, 28),
		ret(61, ref(cs), ref(czs)),
	)

	// def cprod(z: "complex128[:, :]") -> complex:
	//     return np.prod(z.T) * np.prod(z[0])   # the view's product, then a running one
	pb := newFn("cprod", "Complex products: numpy's iterator order, and a running product.", 65, ir.Complex128)
	pz := pb.param("z", &ir.Array{Elem: ir.Complex128, Rank: 2})
	pacc, pj, pn := pb.local("acc", ir.Complex128), pb.local("j", ir.Int64), pb.local("n", ir.Int64)
	cprod := pb.body(false,
		assign(pacc, in("np_cprod", ir.Complex128, ref(pz)), 66, 12),
		assign(pn, shapeOf(pz, 1), 66, 30),
		loop(pj, ref(pn), 66,
			assign(pacc, in("cprod_mul", ir.Complex128, ref(pacc), load(pz, bin(ir.Add, offOf(pz), bin(ir.Mul, ref(pj), strideOf(pz, 1))))), 66, 30)),
		ret(66, ref(pacc)),
	)

	// def mprod(a: "float64[:, :]", b: "float64[:, :]") -> "float64[:, :]":
	//     return a @ b   # large enough for BLAS: runtime/linalg.Product
	mb := newFn("mprod", "A matrix product through BLAS gemm.", 69, f64m)
	ma, mbm := mb.param("a", f64m), mb.param("b", f64m)
	mc := mb.local("c", f64m)
	mprod := mb.body(false,
		assign(mc, in("np_matmul", f64m, ref(ma), ref(mbm)), 70, 12),
		ret(70, ref(mc)),
	)

	// def or_x(x: "float64[:]", out: "float64[:]" = None) -> "float64[:]":
	//     none = None; if out is None: out = x
	//     return out
	nb := newFn("or_x", "An optional array: None (nil) is replaced by x.", 75, f64v)
	nx, nout := nb.param("x", f64v), nb.param("out", f64v)
	nout.Nullable = true
	nnone := nb.local("none", f64v)
	nnone.Nullable = true
	orX := nb.body(false,
		assign(nnone, in("none", f64v), 76, 5),
		&ir.If{Cond: in("is_none", ir.Bool, ref(nout)), Pos: at(77, 5), Then: blk(assign(nout, ref(nx), 77, 23))},
		&ir.If{Cond: in("is_none", ir.Bool, ref(nnone)), Pos: at(78, 5), Then: blk(store(nout, offOf(nout), ir.Float(1), 78, 24))},
		ret(79, ref(nout)),
	)

	m.Funcs = []*ir.Func{total, revSum, axpy, get, scale, row, shift, kinds, outerCall, colsum, cprod, mprod, orX, chunkedMin()}
	return m
}

// chunkedMin is a prange min reduction as the chunk pass writes it out
// (opt/testdata/chunk/step.txtar): a concurrent loop over the chunks, a
// step of 3 from a variable start, partials folded in chunk order.
func chunkedMin() *ir.Func {
	m, err := ir.Parse(`module arrays.py

func pmin(x int64[:], a int64) int64 {  # 60:1
  var m int64
  var t1 int64
  var par_start int64
  var par_n int64
  var par_chunks int64
  var m_parts int64[256]
  var par_f int64
  m = 1000  # 61:5
  t1 = x.shape[0]  # 62:5
  par_start = a  # 62:5
  par_n = trip_count(par_start, t1, 3)  # 62:5
  par_chunks = chunks(par_n, 1024)
  concurrent for par_c = range(0, par_chunks, 1) local(i_c int64, m_c int64, par_lo int64, par_hi int64, par_k int64) {  # 62:5
    m_c = 9223372036854775807
    par_lo = chunk_lo(par_n, par_chunks, par_c)
    par_hi = chunk_hi(par_n, par_chunks, par_c)
    for par_k = range(par_lo, par_hi, 1) {  # 62:5
      i_c = (par_start + (par_k * 3))
      m_c = min(m_c, x[(x.offset[0] + (i_c * x.stride[0]))])  # 63:9
    }
    m_parts[par_c] = m_c
  }
  for par_f = range(0, par_chunks, 1) {
    m = min(m, m_parts[par_f])
  }
  return m  # 64:5
}
`)
	if err != nil {
		panic(err)
	}
	return m.Funcs[0]
}
