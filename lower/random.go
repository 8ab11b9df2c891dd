package lower

import (
	"github.com/go-python/gpython/ast"

	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/numpy"
	"github.com/pyc2go/pyc2go/typeinfer"
)

// Lowering np.random. Every call of a random row (numpy/rows_random.go)
// becomes one ir.Random, the draw, with lowering around it:
//
//   - the destination: a fresh array of size='s shape (rand's dims) or a
//     scalar temporary when there is no size;
//   - the operands, in Python's order, with numpy's defaults (loc 0.0,
//     scale 1.0, ...); randint(n) is randint(0, n);
//   - choice(a) of an array draws indices and gathers a[idx];
//     permutation(x) of an array shuffles a fresh copy of x, which draws
//     what numpy's permutation draws (range(len(x)) shuffled, then taken);
//     p= is copied into a fresh float64 array the runtime reads whole;
//   - rng = np.random.default_rng(seed) sets the Generator variable.
//
// The state drawn from is the process's legacy state (Random.Gen nil) or
// the receiver's Generator variable.

// isRandomCall reports whether ci calls a random row.
func isRandomCall(ci *typeinfer.CallInfo) bool {
	if ci == nil || ci.Row == nil {
		return false
	}
	ok, _ := numpy.IsRandom(ci.Row)
	return ok
}

// randomCall is one call of a random row being lowered.
type randomCall struct {
	l   *fnLowerer
	e   *ast.Call
	ci  *typeinfer.CallInfo
	pos ir.Pos
	gen *ir.Var
	// vals are the scalar arguments given, lowered in the order written,
	// by parameter name (operand 0 is "a", "x" or "low" as the row names
	// it).
	vals map[string]ir.Expr
}

func (l *fnLowerer) newRandomCall(e *ast.Call, ci *typeinfer.CallInfo) *randomCall {
	r := &randomCall{l: l, e: e, ci: ci, pos: l.pos(e), vals: map[string]ir.Expr{}}
	if ci.Recv != nil {
		n, ok := ci.Recv.(*ast.Name)
		vs := []*ir.Var(nil)
		if ok {
			vs = l.vars[l.local(n)]
		}
		if len(vs) != 1 {
			l.errorf(ci.Recv, "internal: a Generator receiver that is not a variable")
		}
		r.gen = vs[0]
	}
	params := ci.Row.Params()
	if ci.Recv != nil {
		params = ci.Row.MethodParams()
	}
	// The scalar arguments, in the order written (arrays, dims and
	// size are lowered where they are used, after them).
	var names []string
	var exprs []ast.Expr
	add := func(name string, x ast.Expr) {
		if x == nil || isNone(x) || name == "size" || name == "dtype" || name == "p" || name == "d" {
			return
		}
		if _, isS := l.typeOf(x).(ir.Scalar); !isS {
			return
		}
		names, exprs = append(names, name), append(exprs, x)
	}
	for i, x := range e.Args {
		if i < len(params) && !params[0].Variadic {
			add(params[i].Name, x)
		}
	}
	for _, kw := range e.Keywords {
		add(string(kw.Arg), kw.Value)
	}
	vals := l.seq(r.pos, exprs...)
	for i, n := range names {
		r.vals[n] = l.simple(vals[i], r.pos)
	}
	return r
}

// float is the float64 value of parameter name, or its default.
func (r *randomCall) float(name string, dflt float64) ir.Expr {
	if v, ok := r.vals[name]; ok {
		return cv(v, ir.Float64)
	}
	return &ir.ConstExpr{T: ir.Float64, Value: dflt}
}

// given reports whether parameter name was passed a value (not None).
func (r *randomCall) given(name string) bool {
	_, ok := r.vals[name]
	return ok
}

// flag is the bool value of parameter name, or its default.
func (r *randomCall) flag(name string, dflt bool) ir.Expr {
	if v, ok := r.vals[name]; ok {
		return v
	}
	return ir.BoolConst(dflt)
}

// shape is the destination's shape: size='s extents, rand's dims, or
// nil for one value.
func (r *randomCall) shape() []ir.Expr {
	l := r.l
	if r.ci.Row.Name == "rand" || r.ci.Row.Name == "randn" {
		if len(r.ci.Args) == 0 {
			return nil
		}
		dims := l.seq(r.pos, r.ci.Args...)
		for i, d := range dims {
			dims[i] = l.simple(cv(d, ir.Int64), r.pos)
		}
		return dims
	}
	if x := r.ci.Kwargs["size"]; x != nil && !isNone(x) {
		return l.shapeArg(x, r.pos)
	}
	return nil
}

// draw emits the Random op into a destination of element kind k: an
// array of shape when shape is not nil, else a scalar temporary. It
// returns the destination.
func (r *randomCall) draw(op string, k ir.Scalar, shape []ir.Expr, arr *ir.Var, args ...ir.Expr) *ir.Var {
	var dst *ir.Var
	if shape != nil {
		dst = r.l.alloc(numpy.Fresh(k, len(shape)), shape, nil, r.pos)
	} else {
		dst = r.l.temp(k)
	}
	r.l.emit(&ir.Random{Op: op, Gen: r.gen, Dst: dst, Arr: arr, Args: args, Pos: r.pos})
	return dst
}

// values lowers a call of a sampler with a value result: a scalar
// temporary or a fresh array of the call's type.
func (r *randomCall) values(res ir.Type) *ir.Var {
	l, ci := r.l, r.ci
	k, _ := res.(ir.Scalar)
	if a, ok := res.(*ir.Array); ok {
		k = a.Elem
	}
	switch ci.Row.Name {
	case "rand", "random":
		return r.draw("random", ir.Float64, r.shape(), nil)
	case "randn", "standard_normal":
		return r.draw("standard_normal", ir.Float64, r.shape(), nil)
	case "normal":
		return r.draw("normal", ir.Float64, r.shape(), nil, r.float("loc", 0), r.float("scale", 1))
	case "uniform":
		return r.draw("uniform", ir.Float64, r.shape(), nil, r.float("low", 0), r.float("high", 1))
	case "exponential":
		return r.draw("exponential", ir.Float64, r.shape(), nil, r.float("scale", 1))
	case "randint", "integers":
		low, high := cv(r.vals["low"], ir.Int64), ir.Expr(nil)
		if r.given("high") {
			high = cv(r.vals["high"], ir.Int64)
		} else {
			low, high = ir.Int(0), low
		}
		return r.draw("integers", k, r.shape(), nil, low, high, r.flag("endpoint", false))
	case "choice":
		return r.choice(k)
	case "permutation":
		if a, ok := l.typeOf(ci.Args[0]).(*ir.Array); ok {
			cp := l.copyOf(ci.Args[0], numpy.Fresh(a.Elem, a.Rank), r.pos)
			l.emit(&ir.Random{Op: "shuffle", Gen: r.gen, Arr: cp, Pos: r.pos})
			return cp
		}
		// numpy permutes np.arange(n): no element for n <= 0.
		n := cv(r.vals["x"], ir.Int64)
		n = l.sel(ir.Bin(ir.Lt, n, ir.Int(0)), ir.Int(0), n, ir.Int64, r.pos)
		return r.draw("permutation", ir.Int64, []ir.Expr{n}, nil)
	}
	l.errorf(r.e, "internal: np.random.%s has no lowering", ci.Row.Name)
	return nil
}

// choice draws indices into range(a) (a an int) or into a 1-d array a,
// then gathers the array's elements.
func (r *randomCall) choice(k ir.Scalar) *ir.Var {
	l, ci := r.l, r.ci
	var src *ir.Var
	var pop ir.Expr
	aIsInt := true
	if _, isA := l.typeOf(ci.Args[0]).(*ir.Array); isA {
		src = l.arrayVar(ci.Args[0])
		pop, aIsInt = &ir.Dim{Arr: src, Kind: ir.Shape}, false
	} else {
		pop = cv(r.vals["a"], ir.Int64)
	}
	var p *ir.Var
	if x := ci.Kwargs["p"]; x != nil && !isNone(x) {
		p = l.copyOf(x, numpy.Fresh(ir.Float64, 1), r.pos)
	}
	shape := r.shape()
	idx := r.draw("choice", ir.Int64, shape, p, pop, r.flag("replace", true), ir.BoolConst(aIsInt))
	if src == nil {
		return idx
	}
	at := func(i ir.Expr) ir.Expr {
		return &ir.Load{Arr: src, Offset: ir.Bin(ir.Add, &ir.Dim{Arr: src, Kind: ir.Offset}, mul(i, &ir.Dim{Arr: src, Kind: ir.Stride}))}
	}
	if shape == nil {
		v := l.temp(k)
		l.emit(&ir.Assign{Dst: v, Src: at(ir.Ref(idx)), Pos: r.pos})
		return v
	}
	// Both idx and the result are fresh C-contiguous arrays of one shape:
	// element i of either is at its offset + i.
	out := l.alloc(numpy.Fresh(k, len(shape)), shape, nil, r.pos)
	n := l.simple(l.size(wholeView(out)), r.pos)
	iv := l.newVar("i0", ir.Int64)
	flat := func(v *ir.Var) ir.Expr { return ir.Bin(ir.Add, &ir.Dim{Arr: v, Kind: ir.Offset}, ir.Ref(iv)) }
	body := []ir.Stmt{&ir.Store{Arr: out, Offset: flat(out), Val: at(&ir.Load{Arr: idx, Offset: flat(idx)}), Pos: r.pos}}
	l.emit(&ir.For{Var: iv, Start: ir.Int(0), Stop: n, Step: ir.Int(1), Body: &ir.Block{Stmts: body}, Pos: r.pos})
	return out
}

// randomScalar lowers a random call whose value is a scalar.
func (l *fnLowerer) randomScalar(e *ast.Call, ci *typeinfer.CallInfo) ir.Expr {
	if ci.Row.Name == "default_rng" {
		l.errorf(e, "unsupported: a Generator used in an expression; assign np.random.default_rng(seed) to a variable first")
	}
	return ir.Ref(l.newRandomCall(e, ci).values(l.typeOf(e)))
}

// randomArray lowers a random call whose value is an array of type t.
func (l *fnLowerer) randomArray(e *ast.Call, ci *typeinfer.CallInfo, _ *ir.Array) *ir.Var {
	return l.newRandomCall(e, ci).values(l.typeOf(e))
}

// randomStmt lowers a random call used as a statement (seed, shuffle,
// or a draw whose values are dropped).
func (l *fnLowerer) randomStmt(e *ast.Call, ci *typeinfer.CallInfo) {
	r := l.newRandomCall(e, ci)
	switch ci.Row.Name {
	case "seed":
		var args []ir.Expr
		if v, ok := r.vals["seed"]; ok {
			args = append(args, cv(v, ir.Int64))
		}
		l.emit(&ir.Random{Op: "seed", Args: args, Pos: r.pos})
	case "shuffle":
		l.emit(&ir.Random{Op: "shuffle", Gen: r.gen, Arr: l.arrayVar(ci.Args[0]), Pos: r.pos})
	case "default_rng":
		r.seedGenerator(l.temp(ir.GeneratorType))
	default:
		r.values(l.typeOf(e)) // drawn, then dropped: the state advances
	}
}

// seedGenerator emits dst = default_rng(seed).
func (r *randomCall) seedGenerator(dst *ir.Var) {
	var args []ir.Expr
	if v, ok := r.vals["seed"]; ok {
		args = append(args, cv(v, ir.Int64))
	}
	r.l.emit(&ir.Random{Op: "default_rng", Dst: dst, Args: args, Pos: r.pos})
}

// assignGenerator lowers rng = np.random.default_rng(seed); it reports
// whether target is a Generator variable.
func (l *fnLowerer) assignGenerator(target, value ast.Expr) bool {
	n, ok := target.(*ast.Name)
	if !ok {
		return false
	}
	vs := l.vars[l.local(n)]
	if len(vs) != 1 {
		return false
	}
	if _, isGen := vs[0].Type.(ir.Generator); !isGen {
		return false
	}
	call, _ := value.(*ast.Call)
	ci := l.info.Calls[call]
	if call == nil || !isRandomCall(ci) || ci.Row.Name != "default_rng" {
		l.errorf(value, "unsupported: a Generator value that is not np.random.default_rng(seed)")
	}
	l.newRandomCall(call, ci).seedGenerator(vs[0])
	return true
}
