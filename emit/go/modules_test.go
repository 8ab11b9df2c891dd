package emitgo

import (
	"math"

	"github.com/pyc2go/pyc2go/ir"
)

// Hand-built IR modules for the golden tests, shaped like what lower
// produces for the Python in each function's doc comment.

type fnBuilder struct{ f *ir.Func }

func newFn(name, doc string, line int, result ir.Type) *fnBuilder {
	return &fnBuilder{f: &ir.Func{Name: name, Doc: doc, Pos: ir.Pos{Line: line, Col: 1}, Result: result, Body: &ir.Block{}}}
}

func (b *fnBuilder) param(name string, t ir.Type) *ir.Var {
	v := &ir.Var{Name: name, Type: t, Param: true}
	b.f.Params = append(b.f.Params, v)
	return v
}

func (b *fnBuilder) local(name string, t ir.Type) *ir.Var {
	v := &ir.Var{Name: name, Type: t}
	b.f.Locals = append(b.f.Locals, v)
	return v
}

func (b *fnBuilder) body(raises bool, stmts ...ir.Stmt) *ir.Func {
	b.f.Body = blk(stmts...)
	b.f.Raises = raises
	return b.f
}

func blk(stmts ...ir.Stmt) *ir.Block { return &ir.Block{Stmts: stmts} }
func at(line, col int) ir.Pos        { return ir.Pos{Line: line, Col: col} }
func ref(v *ir.Var) ir.Expr          { return ir.Ref(v) }
func bin(op ir.BinOp, x, y ir.Expr) ir.Expr {
	return ir.Bin(op, x, y)
}
func in(name string, t ir.Type, args ...ir.Expr) ir.Expr {
	return &ir.Intrinsic{Name: name, Args: args, T: t}
}
func assign(v *ir.Var, x ir.Expr, line, col int) ir.Stmt {
	return &ir.Assign{Dst: v, Src: x, Pos: at(line, col)}
}
func ret(line int, xs ...ir.Expr) ir.Stmt { return &ir.Return{Values: xs, Pos: at(line, 5)} }
func check(c ir.Expr, exc, msg string, line, col int) ir.Stmt {
	return &ir.Check{Cond: c, Exc: exc, Msg: msg, Pos: at(line, col)}
}

// basicsModule: gcd with a while loop and a mod check, loops with negative
// and variable steps, a tuple result, a raising function and its caller,
// constants.
func basicsModule() *ir.Module {
	m := &ir.Module{File: "basics.py", Doc: "Small scalar kernels: the README's bundled example (gcd) and friends."}
	m.Consts = []*ir.Const{
		{Name: "N", Value: ir.Int(64), Pos: at(5, 1)},
		{Name: "TWO_PI", Value: ir.Float(2 * math.Pi), Pos: at(6, 1)},
		{Name: "BIG", Value: ir.Float(math.Inf(1)), Pos: at(7, 1)},
		{Name: "NEG_ZERO", Value: ir.Float(math.Copysign(0, -1)), Pos: at(8, 1)},
		{Name: "J", Value: ir.Complex(complex(0.5, -2)), Pos: at(9, 1)},
		{Name: "FLAG", Value: ir.BoolConst(true), Pos: at(10, 1)},
	}

	// def gcd(a: int, b: int) -> int:
	//     a = abs(a); b = abs(b)
	//     while b != 0:
	//         a, b = b, a % b
	//     return a
	g := newFn("gcd", "Greatest common divisor by Euclid's algorithm; result is non-negative.", 12, ir.Int64)
	a, b := g.param("a", ir.Int64), g.param("b", ir.Int64)
	t1 := g.local("t1", ir.Int64)
	gcd := g.body(true,
		assign(a, in("abs", ir.Int64, ref(a)), 14, 5),
		assign(b, in("abs", ir.Int64, ref(b)), 15, 5),
		&ir.While{Cond: bin(ir.Ne, ref(b), ir.Int(0)), Pos: at(16, 5), Body: blk(
			check(bin(ir.Ne, ref(b), ir.Int(0)), "ZeroDivisionError", "integer modulo by zero", 17, 16),
			assign(t1, in("mod", ir.Int64, ref(a), ref(b)), 17, 16),
			assign(a, ref(b), 17, 9),
			assign(b, ref(t1), 17, 12),
		)},
		ret(18, ref(a)),
	)

	// def countdown(n: int, step: int) -> int: loops with steps -1, -2,
	// 1, 3 and a variable step (checked != 0 first).
	c := newFn("countdown", "Sum over several ranges.", 21, ir.Int64)
	n, step := c.param("n", ir.Int64), c.param("step", ir.Int64)
	total, i, j, k, l, unused := c.local("total", ir.Int64), c.local("i", ir.Int64), c.local("j", ir.Int64), c.local("k", ir.Int64), c.local("l", ir.Int64), c.local("unused", ir.Int64)
	countdown := c.body(true,
		assign(total, ir.Int(0), 23, 5),
		assign(unused, ir.Int(1), 24, 5),
		&ir.For{Var: i, Start: ref(n), Stop: ir.Int(0), Step: ir.Int(-1), Pos: at(25, 5), Body: blk(
			assign(total, bin(ir.Add, ref(total), ref(i)), 26, 9),
		)},
		&ir.For{Var: j, Start: ref(n), Stop: ir.Int(-10), Step: ir.Int(-2), Pos: at(27, 5), Body: blk(
			assign(total, bin(ir.Sub, ref(total), ref(j)), 28, 9),
			&ir.If{Cond: bin(ir.Gt, ref(total), ir.Int(1000)), Pos: at(29, 9), Then: blk(&ir.Break{Pos: at(30, 13)})},
		)},
		&ir.For{Var: l, Start: ir.Int(0), Stop: ref(n), Step: ir.Int(1), Pos: at(31, 5), Body: blk(
			&ir.If{Cond: bin(ir.Eq, in("mod", ir.Int64, ref(l), ir.Int(3)), ir.Int(0)), Pos: at(32, 9), Then: blk(&ir.Continue{Pos: at(33, 13)})},
			assign(total, bin(ir.Add, ref(total), ir.Int(1)), 34, 9),
		)},
		&ir.For{Var: l, Start: ir.Int(0), Stop: ref(n), Step: ir.Int(3), Pos: at(35, 5), Body: blk(
			assign(total, bin(ir.Add, ref(total), ref(l)), 36, 9),
		)},
		check(bin(ir.Ne, ref(step), ir.Int(0)), "ValueError", "range() arg 3 must not be zero", 37, 14),
		&ir.For{Var: k, Start: ir.Int(0), Stop: ref(n), Step: ref(step), Pos: at(37, 5), Body: blk(
			assign(total, bin(ir.Add, ref(total), ref(k)), 38, 9),
		)},
		ret(39, ref(total)),
	)

	// def divmod_pair(a: float, b: float) -> tuple[float, float]:
	//     return divmod(a, b)
	d := newFn("divmod_pair", "Python divmod on floats.", 42, &ir.Tuple{Elems: []ir.Type{ir.Float64, ir.Float64}})
	x, y := d.param("x", ir.Float64), d.param("y", ir.Float64)
	divmodPair := d.body(true,
		check(bin(ir.Ne, ref(y), ir.Float(0)), "ZeroDivisionError", "float divmod()", 44, 12),
		ret(44, in("floordiv", ir.Float64, ref(x), ref(y)), in("mod", ir.Float64, ref(x), ref(y))),
		assign(x, ref(y), 45, 5), // unreachable: must not be emitted
	)

	// def _check_positive(x: int) -> None:
	//     if x < 0: raise ValueError("x must be >= 0")
	p := newFn("_check_positive", "Raise unless x >= 0.", 48, ir.None)
	px := p.param("x", ir.Int64)
	checkPositive := p.body(true,
		&ir.If{Cond: bin(ir.Lt, ref(px), ir.Int(0)), Pos: at(50, 5), Then: blk(
			&ir.Raise{Exc: "ValueError", Msg: "x must be >= 0", Pos: at(51, 9)},
		)},
	)

	// def use_all(x: int, y: float) -> tuple[int, float]: calls raising
	// functions, discards results, returns a tuple.
	u := newFn("use_all", "Call the raising helpers.", 54, &ir.Tuple{Elems: []ir.Type{ir.Int64, ir.Float64}})
	ux, uy := u.param("x", ir.Int64), u.param("y", ir.Float64)
	q, g1, r := u.local("q", ir.Float64), u.local("g", ir.Int64), u.local("r", ir.Float64)
	useAll := u.body(true,
		&ir.CallStmt{Call: &ir.Call{Fn: checkPositive, Args: []ir.Expr{ref(ux)}}, Pos: at(56, 5)},
		&ir.CallStmt{Dsts: []*ir.Var{q, nil}, Call: &ir.Call{Fn: divmodPair, Args: []ir.Expr{ref(uy), ir.Float(2)}}, Pos: at(57, 5)},
		&ir.CallStmt{Dsts: []*ir.Var{q, r}, Call: &ir.Call{Fn: divmodPair, Args: []ir.Expr{ref(q), ir.Float(0.5)}}, Pos: at(58, 5)},
		&ir.CallStmt{Call: &ir.Call{Fn: divmodPair, Args: []ir.Expr{ref(r), ir.Float(3)}}, Pos: at(59, 5)},
		&ir.CallStmt{Dsts: []*ir.Var{g1}, Call: &ir.Call{Fn: gcd, Args: []ir.Expr{ref(ux), ir.Int(12)}}, Pos: at(60, 5)},
		ret(61, ref(g1), bin(ir.Add, ref(q), ref(r))),
	)

	// A pure function called as an expression, and an infinite loop.
	s := newFn("square", "x squared.", 64, ir.Float64)
	sx := s.param("x", ir.Float64)
	square := s.body(false, ret(66, bin(ir.Mul, ref(sx), ref(sx))))

	w := newFn("first_square_above", "Smallest k*k > limit, k >= 1, by a while True loop.", 69, ir.Int64)
	limit := w.param("limit", ir.Float64)
	kk := w.local("k", ir.Int64)
	firstAbove := w.body(false,
		assign(kk, ir.Int(1), 71, 5),
		&ir.While{Pos: at(72, 5), Body: blk(
			&ir.If{Cond: bin(ir.Gt, &ir.Call{Fn: square, Args: []ir.Expr{ir.Conv(ref(kk), ir.Float64)}}, ref(limit)), Pos: at(73, 9), Then: blk(
				ret(74, ref(kk)),
			)},
			assign(kk, bin(ir.Add, ref(kk), ir.Int(1)), 75, 9),
		)},
	)

	// def sign(x: float) -> int: if/elif/else that all return.
	sg := newFn("sign", "Return -1, 0 or 1 by the sign of x; nan and signed zeros give 0.", 78, ir.Int64)
	sgx := sg.param("x", ir.Float64)
	sign := sg.body(false,
		&ir.If{Cond: bin(ir.Gt, ref(sgx), ir.Float(0)), Pos: at(80, 5), Then: blk(ret(81, ir.Int(1))),
			Else: blk(&ir.If{Cond: bin(ir.Lt, ref(sgx), ir.Float(0)), Pos: at(82, 5), Then: blk(ret(83, ir.Int(-1))),
				Else: blk(ret(85, ir.Int(0)))})},
	)

	// Python while-loop with a condition that always returns inside: Go
	// needs the final panic.
	lp := newFn("loop_returns", "A loop whose condition Go cannot see through.", 88, ir.Int64)
	lpn := lp.param("n", ir.Int64)
	loopReturns := lp.body(false,
		&ir.While{Cond: bin(ir.Ge, ref(lpn), ir.Int(0)), Pos: at(90, 5), Body: blk(ret(91, ref(lpn)))},
		ret(92, ir.Int(0)),
	)
	lp2 := newFn("falls_through", "The IR's last return is inside a loop.", 95, ir.Int64)
	lp2n := lp2.param("n", ir.Int64)
	fallsThrough := lp2.body(false,
		&ir.For{Var: lp2.local("i", ir.Int64), Start: ir.Int(0), Stop: ir.Int(10), Step: ir.Int(1), Pos: at(97, 5), Body: blk(ret(98, ref(lp2n)))},
	)
	_ = fallsThrough

	m.Funcs = []*ir.Func{gcd, countdown, divmodPair, checkPositive, useAll, square, firstAbove, sign, loopReturns, lp2.f}
	return m
}

// arithModule: float FMA guards, constants Go must not fold, complex
// arithmetic, conversions, bools, shifts, names that need renaming.
func arithModule() *ir.Module {
	m := &ir.Module{File: "arith.py"}

	// def fma(a: float, b: float, c: float) -> float:
	//     t = a * b; return a * b + c - t * c + -(a * b)
	f := newFn("fma", "a*b + c must not become an FMA.", 3, ir.Float64)
	a, b, c := f.param("a", ir.Float64), f.param("b", ir.Float64), f.param("c", ir.Float64)
	t := f.local("t", ir.Float64)
	u := f.local("u", ir.Float32)
	fma := f.body(false,
		assign(t, bin(ir.Mul, ref(a), ref(b)), 5, 5),
		assign(t, bin(ir.Sub, bin(ir.Add, bin(ir.Mul, ref(a), ref(b)), ref(c)), bin(ir.Mul, ref(t), ref(c))), 6, 5),
		assign(t, bin(ir.Add, ref(t), &ir.Unary{Op: ir.Neg, X: bin(ir.Mul, ref(a), ref(b))}), 7, 5),
		assign(t, bin(ir.Sub, ref(a), bin(ir.Sub, ref(b), ref(c))), 8, 5),
		assign(t, bin(ir.Div, bin(ir.Mul, ref(a), ref(b)), bin(ir.Add, ref(a), ref(c))), 9, 5),
		assign(u, bin(ir.Add, bin(ir.Mul, ir.Conv(ref(a), ir.Float32), ir.Conv(ref(b), ir.Float32)), &ir.ConstExpr{T: ir.Float32, Value: float64(float32(0.1))}), 10, 5),
		ret(11, bin(ir.Add, ref(t), ir.Conv(ref(u), ir.Float64))),
	)

	// Constant operands: Go would fold these exactly or reject them.
	k := newFn("consts", "0.1 + 0.2, -0.0, x / 0.0, 1 << 70, int overflow.", 14, &ir.Tuple{Elems: []ir.Type{ir.Float64, ir.Float64, ir.Int64}})
	kx, kn := k.param("x", ir.Float64), k.param("n", ir.Int64)
	s, z, q, i := k.local("s", ir.Float64), k.local("z", ir.Float64), k.local("q", ir.Float64), k.local("i", ir.Int64)
	consts := k.body(true,
		assign(s, bin(ir.Add, ir.Float(0.1), ir.Float(0.2)), 16, 5),
		assign(z, &ir.Unary{Op: ir.Neg, X: ir.Float(0)}, 17, 5),
		assign(z, bin(ir.Mul, ref(z), ir.Float(math.Copysign(0, -1))), 18, 5),
		check(bin(ir.Ne, ir.Float(0), ir.Float(0)), "ZeroDivisionError", "float division by zero", 19, 9),
		assign(q, bin(ir.Div, ref(kx), ir.Float(0)), 19, 5),
		assign(i, bin(ir.Shl, ref(kn), ir.Int(70)), 20, 5),
		assign(i, bin(ir.Add, bin(ir.Shl, ir.Int(1), ref(kn)), bin(ir.Mul, ir.Int(math.MaxInt64), ir.Int(2))), 21, 5),
		assign(i, bin(ir.Add, ref(i), &ir.Unary{Op: ir.Neg, X: ir.Int(math.MinInt64)}), 22, 5),
		assign(q, bin(ir.Add, ref(q), bin(ir.Mul, ir.Float(1e308), ir.Float(10))), 23, 5),
		assign(q, bin(ir.Add, ref(q), ir.Float(math.NaN())), 24, 5),
		assign(q, bin(ir.Sub, ref(q), ir.Float(-1.5)), 25, 5),
		ret(26, bin(ir.Add, ref(s), ref(q)), ref(z), ref(i)),
	)

	// def cplx(z: complex, w: complex) -> complex:
	//     return z * w + z / w - (1+2j) * (3-1j) + z ** w
	cx := newFn("cplx", "Complex arithmetic uses CPython's algorithms.", 29, ir.Complex128)
	cz, cw := cx.param("z", ir.Complex128), cx.param("w", ir.Complex128)
	ca := cx.local("acc", ir.Complex128)
	c64 := cx.local("c64", ir.Complex64)
	cplx := cx.body(true,
		check(bin(ir.Ne, ref(cw), ir.Complex(0)), "ZeroDivisionError", "complex division by zero", 31, 16),
		assign(ca, bin(ir.Add, bin(ir.Mul, ref(cz), ref(cw)), bin(ir.Div, ref(cz), ref(cw))), 31, 5),
		assign(ca, bin(ir.Sub, ref(ca), bin(ir.Mul, ir.Complex(1+2i), ir.Complex(3-1i))), 32, 5),
		assign(ca, bin(ir.Add, ref(ca), ir.Complex(complex(math.Inf(1), 0))), 33, 5),
		assign(c64, bin(ir.Mul, ir.Conv(ref(ca), ir.Complex64), &ir.ConstExpr{T: ir.Complex64, Value: complex128(2 + 0.5i)}), 34, 5),
		assign(c64, bin(ir.Div, ref(c64), ir.Conv(ref(cz), ir.Complex64)), 35, 5),
		assign(ca, bin(ir.Add, bin(ir.Add, ref(ca), ir.Conv(ref(c64), ir.Complex128)), &ir.Unary{Op: ir.Neg, X: ref(cz)}), 36, 5),
		ret(37, bin(ir.Add, ref(ca), in("pow", ir.Complex128, ref(cz), ref(cw)))),
	)

	// Conversions, bools, bitwise and shifts; locals named like Go
	// keywords, builtins and packages; a local named like a function.
	cv := newFn("conversions", "Conversions and renamed locals.", 40, ir.Complex128)
	flag, n := cv.param("flag", ir.Bool), cv.param("n", ir.Int64)
	lenV, mathV, errV, rangeV, typeV := cv.local("len", ir.Int64), cv.local("math", ir.Float64), cv.local("err", ir.Int64), cv.local("range", ir.Bool), cv.local("type", ir.Int32)
	helperV, lenU := cv.local("helper", ir.Float32), cv.local("len_", ir.Uint8)
	conversions := cv.body(false,
		assign(lenV, bin(ir.Add, ir.Conv(ref(flag), ir.Int64), ref(n)), 42, 5),
		assign(mathV, bin(ir.Add, ir.Conv(ref(lenV), ir.Float64), ir.Conv(ref(flag), ir.Float64)), 43, 5),
		assign(rangeV, bin(ir.BitXor, bin(ir.BitAnd, ref(flag), bin(ir.Lt, ref(lenV), ir.Int(3))), bin(ir.BitOr, ref(flag), &ir.Unary{Op: ir.Not, X: ref(flag)})), 44, 5),
		assign(rangeV, bin(ir.OrOr, bin(ir.AndAnd, ref(rangeV), bin(ir.Lt, ref(flag), ref(rangeV))), ref(flag)), 45, 5),
		assign(typeV, ir.Conv(bin(ir.BitXor, bin(ir.Shr, ref(lenV), ir.Int(2)), &ir.Unary{Op: ir.BitNot, X: ref(n)}), ir.Int32), 46, 5),
		assign(errV, bin(ir.BitOr, bin(ir.BitAnd, ir.Conv(ref(typeV), ir.Int64), ir.Int(255)), bin(ir.Shl, ref(n), ir.Int(3))), 47, 5),
		assign(helperV, ir.Conv(bin(ir.Mul, ref(mathV), ref(mathV)), ir.Float32), 48, 5),
		assign(lenU, &ir.ConstExpr{T: ir.Uint8, Value: int64(200)}, 49, 5),
		assign(lenU, bin(ir.Add, ref(lenU), ir.Conv(ref(errV), ir.Uint8)), 49, 5),
		ret(50, bin(ir.Add, bin(ir.Add, ir.Conv(ref(errV), ir.Complex128), ir.Conv(ref(mathV), ir.Complex128)),
			bin(ir.Add, ir.Conv(ref(helperV), ir.Complex128), ir.Conv(ref(rangeV), ir.Complex128)))),
	)

	// Name mangling: _helper, collisions, keyword-like names.
	h := newFn("_helper", "Private: stays unexported.", 53, ir.Float64)
	hx := h.param("x", ir.Float64)
	helper := h.body(false, ret(55, ref(hx)))
	d1 := newFn("dot_product", "First DotProduct.", 57, ir.Float64)
	d1x := d1.param("x", ir.Float64)
	dot1 := d1.body(false, ret(59, &ir.Call{Fn: helper, Args: []ir.Expr{ref(d1x)}}))
	d2 := newFn("dotProduct", "Second DotProduct: gets a suffix.", 61, ir.Float64)
	d2x := d2.param("x", ir.Float64)
	dot2 := d2.body(false, ret(63, ref(d2x)))
	fn := newFn("_func", "Unexported keyword: func_.", 65, ir.None)
	fnFunc := fn.body(false)
	m.Funcs = []*ir.Func{fma, consts, cplx, conversions, helper, dot1, dot2, fnFunc}
	return m
}

// intrinsicsModule calls every intrinsic, with float32, complex and
// sized-int variants where the emitter dispatches on them.
func intrinsicsModule() *ir.Module {
	m := &ir.Module{File: "intrinsics.py"}
	f := newFn("all_intrinsics", "Every intrinsic at least once.", 3, ir.Float64)
	x, y, n := f.param("x", ir.Float64), f.param("y", ir.Float64), f.param("n", ir.Int64)
	z, s, i32 := f.param("z", ir.Complex128), f.param("s", ir.Float32), f.param("i32", ir.Int32)
	u8, c64, p := f.param("u8", ir.Uint8), f.param("c64", ir.Complex64), f.param("p", ir.Bool)
	rf, ri, rb, rc := f.local("rf", ir.Float64), f.local("ri", ir.Int64), f.local("rb", ir.Bool), f.local("rc", ir.Complex128)
	rs, r32, ru, rc64 := f.local("rs", ir.Float32), f.local("r32", ir.Int32), f.local("ru", ir.Uint8), f.local("rc64", ir.Complex64)
	X, Y, N, Z, S := ref(x), ref(y), ref(n), ref(z), ref(s)
	var body []ir.Stmt
	line := 5
	add := func(v *ir.Var, name string, args ...ir.Expr) {
		body = append(body, assign(v, in(name, v.Type, args...), line, 5))
		line++
	}
	add(ri, "abs", N)
	add(rf, "abs", X)
	add(rf, "abs", Z)
	add(rs, "abs", S)
	add(r32, "abs", ref(i32))
	add(ru, "abs", ref(u8))
	add(rf, "cabs", Z)
	add(rs, "cabs", ref(c64))
	add(ri, "floordiv", N, ir.Int(7))
	add(rf, "floordiv", X, Y)
	add(rs, "floordiv", S, S)
	add(r32, "floordiv", ref(i32), ref(i32))
	add(ru, "floordiv", ref(u8), ref(u8))
	add(ri, "mod", N, N)
	add(rf, "mod", X, ir.Float(2))
	add(ru, "mod", ref(u8), &ir.ConstExpr{T: ir.Uint8, Value: int64(3)})
	add(rf, "truediv", N, N)
	add(rf, "truediv", X, Y)
	add(rc, "truediv", Z, Z)
	add(ri, "pow", N, ir.Int(3))
	add(rf, "pow", X, Y)
	add(rc, "pow", Z, Z)
	add(ri, "powi", N, N)
	add(ri, "min", N, ir.Int(10))
	add(ri, "min", ir.Int(3), ir.Int(10))
	add(rf, "max", X, Y)
	add(rf, "blas_add", X, Y)
	add(rc, "blas_add", Z, Z)
	add(rc, "cprod_mul", Z, Z)
	add(rs, "max", S, S)
	add(rb, "min", ref(rb), ref(rb))
	add(rb, "max", ref(rb), ref(p))
	add(rb, "min", ref(p), ref(rb))
	for _, name := range []string{"sqrt", "exp", "log"} {
		add(rf, name, X)
		add(rc, name, Z)
	}
	add(rs, "sqrt", S)
	for _, name := range []string{"expm1", "exp2", "log1p", "log2", "log10", "sin", "cos", "tan", "asin", "acos", "atan",
		"sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "erf", "erfc", "gamma", "lgamma", "cbrt", "floor", "ceil", "trunc", "roundeven", "degrees", "radians"} {
		add(rf, name, X)
	}
	add(rs, "sin", S)
	add(rs, "lgamma", S)
	for _, name := range []string{"logb", "atan2", "hypot", "fmod", "copysign"} {
		add(rf, name, X, Y)
	}
	add(rf, "round", X, N)
	add(ri, "round", N, ir.Int(-2))
	add(rb, "isnan", X)
	add(rb, "isinf", X)
	add(rb, "isfinite", X)
	add(rb, "isnan", S)
	add(rb, "ftoi_ok", X)
	add(ri, "ftoi", X)
	add(r32, "ftoi", S)
	add(ri, "gcd", N, N)
	add(ri, "factorial", N)
	add(rb, "isclose", X, Y, ir.Float(1e-9), ir.Float(0))
	add(rf, "real", Z)
	add(rf, "imag", Z)
	add(rs, "real", ref(c64))
	add(rf, "real", X)
	add(rf, "imag", X)
	add(rc, "conj", Z)
	add(rc64, "conj", ref(c64))
	add(rc, "complex", X, Y)
	add(rc64, "complex", S, ir.Float(1))
	add(rb, "domain_err", X, Y)
	add(rb, "range_err", X, Y)
	body = append(body, ret(line,
		bin(ir.Add, bin(ir.Add, ref(rf), ir.Conv(ref(ri), ir.Float64)),
			bin(ir.Add, ir.Conv(ref(rb), ir.Float64), bin(ir.Add, in("real", ir.Float64, ref(rc)), ir.Conv(ref(rs), ir.Float64))))))
	_, _ = ref(ru), ref(rc64)
	// The list reads: len(xs), then xs[0] when there is one.
	lf := newFn("list_reads", "The list intrinsics.", line+2, ir.Float64)
	xs := lf.param("xs", &ir.List{Elem: ir.Float64})
	ln, first := lf.local("n", ir.Int64), lf.local("first", ir.Float64)
	lbody := []ir.Stmt{
		assign(ln, in("list_len", ir.Int64, ref(xs)), line+3, 5),
		assign(first, ir.Float(0), line+4, 5),
		&ir.If{Cond: bin(ir.Gt, ref(ln), ir.Int(0)), Then: &ir.Block{Stmts: []ir.Stmt{
			assign(first, in("list_get", ir.Float64, ref(xs), ir.Int(0)), line+5, 9)}}, Pos: ir.Pos{Line: line + 5, Col: 5}},
		ret(line+6, ref(first)),
	}
	m.Funcs = []*ir.Func{f.body(false, body...), lf.body(false, lbody...)}
	return m
}
