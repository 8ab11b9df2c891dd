package progen

import (
	"fmt"
	"math"
	"strings"
)

// Every compound expression renders parenthesised (or as a call), so
// that operands compose without precedence questions.

var intEdges = []int64{0, 1, -1, 2, -2, 3, 7, -7, 10, -13, 100, 127, 128, -128, 255, 256, 65535, 1 << 31, -(1 << 31), 1 << 32, 1000003}

var floatEdges = []string{"0.0", "-0.0", "1.0", "-1.0", "0.5", "-2.5", "2.5", "0.1", "3.0", "1e300", "-1e300", "1e-300", "5e-324", "1e16", "-7.25", "math.inf", "-math.inf", "math.nan", "math.pi"}

// expr generates an expression of type t of at most the given depth.
func (g *gen) expr(t Type, depth int) *Expr {
	if depth <= 0 || g.chance(0.25) {
		return g.leaf(t)
	}
	switch {
	case t == Int:
		return g.intExpr(depth)
	case t == Float:
		return g.floatExpr(depth)
	case t == Bool:
		return g.boolExpr(depth)
	case t == F32:
		return g.f32Expr(depth)
	}
	return g.kindExpr(t, depth)
}

func (g *gen) leaf(t Type) *Expr {
	vs := append(append([]string{}, g.vars[t]...), g.params[t]...)
	if t == Int {
		vs = append(vs, g.loopVar...)
	}
	if len(vs) > 0 && g.chance(0.6) {
		return &Expr{T: t, Fmt: pickS(g, vs), B: varBound}
	}
	switch t {
	case Int:
		if g.chance(0.2) {
			if e := g.arrayInt(); e != nil {
				return e
			}
		}
		v := pickS(g, intEdges)
		return lit(Int, parenNeg(fmt.Sprint(v)), math.Abs(float64(v)))
	case Float:
		if g.chance(0.2) {
			if e := g.arrayFloat(); e != nil {
				return e
			}
		}
		return lit(Float, parenNeg(pickS(g, floatEdges)), 0)
	case Bool:
		return lit(Bool, pickS(g, []string{"True", "False"}), 0)
	}
	return g.kindConst(t)
}

func parenNeg(s string) string {
	if s != "" && s[0] == '-' {
		return "(" + s + ")"
	}
	return s
}

// kindConst is np.K(literal), the literal within K's range.
func (g *gen) kindConst(t Type) *Expr {
	if t == F32 {
		return lit(t, "np.float32("+pickS(g, floatEdges)+")", 0)
	}
	lo, hi := t.kindLimits()
	switch g.pick(5) {
	case 0:
		return lit(t, t.String()+"("+parenNeg(lo)+")", 0)
	case 1:
		if t == U64 {
			// pyc2go refuses int literals beyond int64 (a diagnostic).
			return lit(t, "(~np.uint64(0))", 0)
		}
		return lit(t, t.String()+"("+hi+")", 0)
	}
	v := g.pick(9) - 2
	if v < 0 && !t.isSigned() {
		v = -v
	}
	return lit(t, fmt.Sprintf("%s(%s)", t, parenNeg(fmt.Sprint(v))), 0)
}

// esc escapes an operator for a Fmt string.
func esc(op string) string { return strings.ReplaceAll(op, "%", "%%") }

// arrayInt reads an int from an int64 array parameter (reduced, since
// elements may be the int64 limits), or an array's length.
func (g *gen) arrayInt() *Expr {
	switch {
	case g.arrays["w"] && g.nonzero["w"] && g.chance(0.5):
		return &Expr{T: Int, Fmt: "(int(w[%s]) %% 1000)", Args: []*Expr{g.index("w")}, B: 1000}
	case g.arrays["w"] && g.chance(0.5):
		return lit(Int, pickS(g, []string{"(int(np.sum(w)) % 65536)", "len(w)", "(int(w.sum()) % 1000)"}), 65536)
	case g.arrays["v"] && g.nonzero["v"] && g.chance(0.5):
		return lit(Int, "int(np.argmax(v))", 4096)
	case g.arrays["m"]:
		return lit(Int, pickS(g, []string{"m.shape[0]", "m.shape[1]", "m.size"}), 1<<13)
	}
	return nil
}

// arrayFloat reads a float from an array parameter: an element under a
// non-empty guard, else a reduction.
func (g *gen) arrayFloat() *Expr {
	switch {
	case g.arrays["v"] && g.nonzero["v"] && g.chance(0.5):
		if g.chance(0.3) {
			return lit(Float, pickS(g, []string{"float(np.max(v))", "float(v.min())", "float(v[::-1][0])"}), 0)
		}
		return &Expr{T: Float, Fmt: "float(v[%s])", Args: []*Expr{g.index("v")}}
	case g.arrays["v"] && g.chance(0.5):
		return lit(Float, pickS(g, []string{"float(np.sum(v))", "float(v.sum())", "float(np.sum(v[::-1]))", "float(np.sum(v[1::2]))", "float(np.prod(v))"}), 0)
	case g.arrays["m"] && g.nonzero["m"] && g.chance(0.5):
		i, j := g.mindex()
		return &Expr{T: Float, Fmt: "float(m[%s, %s])", Args: []*Expr{i, j}}
	case g.arrays["m"]:
		return lit(Float, pickS(g, []string{"float(np.sum(m))", "float(m.T.sum())", "float(np.sum(m[:, ::-1]))"}), 0)
	case g.arrays["w"]:
		return lit(Float, "float(np.mean(w))", 0)
	}
	return nil
}

// intOps are the binary int operators with how they bound their result.
var intOps = []struct {
	op    string
	bound func(a, b float64) float64
}{
	{"+", func(a, b float64) float64 { return a + b }},
	{"-", func(a, b float64) float64 { return a + b }},
	{"*", func(a, b float64) float64 { return a * b }},
	{"//", func(a, b float64) float64 { return a }},
	{"%", func(a, b float64) float64 { return b }},
	{"&", func(a, b float64) float64 { return 2 * math.Max(a, b) }},
	{"|", func(a, b float64) float64 { return 2 * math.Max(a, b) }},
	{"^", func(a, b float64) float64 { return 2 * math.Max(a, b) }},
}

func (g *gen) intExpr(depth int) *Expr {
	switch g.pick(12) {
	case 0, 1, 2, 3, 4:
		x, y := g.expr(Int, depth-1), g.expr(Int, depth-1)
		for tries := 0; tries < 8; tries++ {
			o := pickS(g, intOps)
			if b := o.bound(x.B, y.B); b <= exprBound {
				return &Expr{T: Int, Fmt: "(%s " + esc(o.op) + " %s)", Args: []*Expr{x, y}, B: b}
			}
		}
		return &Expr{T: Int, Fmt: "(%s %% %s)", Args: []*Expr{x, y}, B: y.B}
	case 5:
		x := g.expr(Int, depth-1)
		if g.chance(0.5) {
			c := g.shiftCount(true)
			if b := x.B * 8; b <= exprBound {
				return &Expr{T: Int, Fmt: "(%s << %s)", Args: []*Expr{x, c}, B: b}
			}
		}
		return &Expr{T: Int, Fmt: "(%s >> %s)", Args: []*Expr{x, g.shiftCount(false)}, B: x.B}
	case 6:
		x := g.expr(Int, depth-1)
		switch g.pick(3) {
		case 0:
			return &Expr{T: Int, Fmt: "(-%s)", Args: []*Expr{x}, B: x.B}
		case 1:
			return &Expr{T: Int, Fmt: "(~%s)", Args: []*Expr{x}, B: x.B + 1}
		}
		return &Expr{T: Int, Fmt: "abs(%s)", Args: []*Expr{x}, B: x.B}
	case 7:
		x := g.expr(Int, depth-1)
		k := g.pick(4)
		if math.Pow(x.B, float64(k)) > exprBound {
			x = g.fitInt(x)
		}
		if math.Pow(x.B, float64(k)) > exprBound {
			k = 1
		}
		return &Expr{T: Int, Fmt: fmt.Sprintf("(%%s ** %d)", k), Args: []*Expr{x}, B: math.Max(1, math.Pow(x.B, float64(k)))}
	case 8:
		x, y := g.expr(Int, depth-1), g.expr(Int, depth-1)
		f := pickS(g, []string{"min", "max"})
		return &Expr{T: Int, Fmt: f + "(%s, %s)", Args: []*Expr{x, y}, B: math.Max(x.B, y.B)}
	case 9:
		x, y := g.expr(Int, depth-1), g.expr(Int, depth-1)
		return &Expr{T: Int, Fmt: "(%s if %s else %s)", Args: []*Expr{x, g.expr(Bool, depth-1), y}, B: math.Max(x.B, y.B)}
	case 10:
		// Conversions: a numpy integer kind (not uint64, whose values
		// above 2**63 are a documented difference), a clamped float.
		if g.chance(0.5) {
			t := pickS(g, []Type{I8, I16, I32, U8, U16, U32})
			_, hi := t.kindRange()
			return &Expr{T: Int, Fmt: "int(%s)", Args: []*Expr{g.expr(t, depth-1)}, B: hi + 1}
		}
		f := pickS(g, []string{"int", "round", "math.floor", "math.ceil", "math.trunc"})
		return &Expr{T: Int, Fmt: f + "(min(max(%s, -1e6), 1e6))", Args: []*Expr{g.expr(Float, depth-1)}, B: 1e6 + 1}
	}
	if e := g.callExpr(Int); e != nil {
		return e
	}
	return g.leaf(Int)
}

// shiftCount is a shift count: mostly in [0, 70), sometimes -1 (CPython
// raises ValueError: negative shift count). left counts stay below 3 so
// that the result stays bounded.
func (g *gen) shiftCount(left bool) *Expr {
	if left {
		return &Expr{T: Int, Fmt: "(%s %% 4 - 1)", Args: []*Expr{g.expr(Int, 1)}, B: 3}
	}
	if g.chance(0.5) {
		return lit(Int, fmt.Sprint(g.pick(70)), 70)
	}
	return &Expr{T: Int, Fmt: "(%s %% 70 - 1)", Args: []*Expr{g.expr(Int, 1)}, B: 70}
}

// numeric int operand for mixing with floats: within 2**53.
func (g *gen) exactInt(depth int) *Expr {
	e := g.expr(Int, depth)
	if e.B > floatExact {
		e = g.fitInt(e)
	}
	return e
}

func (g *gen) floatExpr(depth int) *Expr {
	switch g.pick(10) {
	case 0, 1, 2, 3:
		x, y := g.expr(Float, depth-1), g.expr(Float, depth-1)
		if g.chance(0.2) {
			y = g.exactInt(depth - 1)
		}
		op := pickS(g, []string{"+", "-", "*", "/", "//", "%", "+", "*"})
		return &Expr{T: Float, Fmt: "(%s " + esc(op) + " %s)", Args: []*Expr{x, y}}
	case 4:
		x := g.expr(Float, depth-1)
		f := pickS(g, []string{"(-%s)", "abs(%s)", "math.sqrt(%s)", "(%s ** 2)", "(math.floor(min(max(%s, -1e6), 1e6)) * 0.5)", "math.copysign(1.0, %s)"})
		return &Expr{T: Float, Fmt: f, Args: []*Expr{x}}
	case 5:
		x, y := g.expr(Float, depth-1), g.expr(Float, depth-1)
		f := pickS(g, []string{"min(%s, %s)", "max(%s, %s)", "math.fmod(%s, %s)", "math.copysign(%s, %s)"})
		return &Expr{T: Float, Fmt: f, Args: []*Expr{x, y}}
	case 6:
		x, y := g.expr(Float, depth-1), g.expr(Float, depth-1)
		return &Expr{T: Float, Fmt: "(%s if %s else %s)", Args: []*Expr{x, g.expr(Bool, depth-1), y}}
	case 7:
		if g.chance(0.5) {
			return &Expr{T: Float, Fmt: "float(%s)", Args: []*Expr{g.expr(Int, depth-1)}}
		}
		return &Expr{T: Float, Fmt: "float(%s)", Args: []*Expr{g.expr(F32, depth-1)}}
	case 8:
		x, y := g.exactInt(depth-1), g.exactInt(depth-1)
		return &Expr{T: Float, Fmt: "(%s / %s)", Args: []*Expr{x, y}}
	}
	if e := g.callExpr(Float); e != nil {
		return e
	}
	return g.leaf(Float)
}

var cmpOps = []string{"<", "<=", ">", ">=", "==", "!="}

func (g *gen) boolExpr(depth int) *Expr {
	switch g.pick(10) {
	case 0, 1, 2:
		t := g.someType()
		if t == Bool {
			t = Int
		}
		x, y := g.expr(t, depth-1), g.expr(t, depth-1)
		if t == Int {
			x, y = g.exactInt(depth-1), g.exactInt(depth-1)
		}
		return &Expr{T: Bool, Fmt: "(%s " + pickS(g, cmpOps) + " %s)", Args: []*Expr{x, y}}
	case 3:
		// A chain; the middle operand is evaluated once.
		t := pickS(g, []Type{Int, Float, U8, I8, F32})
		mk := func() *Expr {
			if t == Int {
				return g.exactInt(depth - 1)
			}
			return g.expr(t, depth-1)
		}
		return &Expr{T: Bool, Fmt: "(%s " + pickS(g, cmpOps) + " %s " + pickS(g, cmpOps) + " %s)", Args: []*Expr{mk(), mk(), mk()}}
	case 4:
		// An int against a float.
		return &Expr{T: Bool, Fmt: "(%s " + pickS(g, cmpOps) + " %s)", Args: []*Expr{g.exactInt(depth - 1), g.expr(Float, depth-1)}}
	case 5:
		x, y := g.expr(Bool, depth-1), g.expr(Bool, depth-1)
		return &Expr{T: Bool, Fmt: "(%s " + pickS(g, []string{"and", "or"}) + " %s)", Args: []*Expr{x, y}}
	case 6:
		return &Expr{T: Bool, Fmt: "(not %s)", Args: []*Expr{g.expr(Bool, depth-1)}}
	case 7:
		f := pickS(g, []string{"math.isnan(%s)", "math.isinf(%s)", "math.isfinite(%s)"})
		return &Expr{T: Bool, Fmt: f, Args: []*Expr{g.expr(Float, depth-1)}}
	case 8:
		if g.arrays["v"] {
			return &Expr{T: Bool, Fmt: pickS(g, []string{"bool(np.any(v > %s))", "bool(np.all(v != %s))"}), Args: []*Expr{g.expr(Float, depth-1)}}
		}
		return &Expr{T: Bool, Fmt: "bool(%s)", Args: []*Expr{g.expr(Int, depth-1)}}
	}
	if e := g.callExpr(Bool); e != nil {
		return e
	}
	return g.leaf(Bool)
}

// kindExpr is an expression of the numpy integer kind t: same-kind
// arithmetic (wrapping; // and % by zero give 0), or a conversion.
func (g *gen) kindExpr(t Type, depth int) *Expr {
	switch g.pick(8) {
	case 0, 1, 2:
		op := pickS(g, []string{"+", "-", "*", "//", "%", "&", "|", "^", "<<", ">>", "**"})
		return &Expr{T: t, Fmt: "(%s " + esc(op) + " %s)", Args: []*Expr{g.expr(t, depth-1), g.expr(t, depth-1)}}
	case 3:
		f := pickS(g, []string{"(-%s)", "(~%s)", "abs(%s)"})
		return &Expr{T: t, Fmt: f, Args: []*Expr{g.expr(t, depth-1)}}
	case 4:
		// Conversion from a Python int (out-of-range values wrap).
		return &Expr{T: t, Fmt: t.String() + "(%s)", Args: []*Expr{g.expr(Int, depth-1)}}
	case 5:
		// Conversion from another integer kind, or mixed-kind arithmetic
		// promoted by numpy's table and converted back.
		u := pickS(g, []Type{I8, I16, I32, U8, U16, U32})
		if t == U64 {
			u = pickS(g, []Type{U8, U16, U32, U64})
		}
		if g.chance(0.5) {
			return &Expr{T: t, Fmt: t.String() + "(%s)", Args: []*Expr{g.expr(u, depth-1)}}
		}
		w := pickS(g, []Type{I8, I16, I32, U8, U16, U32})
		if t == U64 {
			w = u
		}
		op := pickS(g, []string{"+", "-", "*", "&", "|", "^"})
		return &Expr{T: t, Fmt: t.String() + "(%s " + op + " %s)", Args: []*Expr{g.expr(u, depth-1), g.expr(w, depth-1)}}
	case 6:
		return &Expr{T: t, Fmt: "(%s if %s else %s)", Args: []*Expr{g.expr(t, depth-1), g.expr(Bool, depth-1), g.expr(t, depth-1)}}
	}
	if e := g.callExpr(t); e != nil {
		return e
	}
	return g.leaf(t)
}

func (g *gen) f32Expr(depth int) *Expr {
	switch g.pick(6) {
	case 0, 1, 2:
		op := pickS(g, []string{"+", "-", "*", "/", "//", "%"})
		return &Expr{T: F32, Fmt: "(%s " + esc(op) + " %s)", Args: []*Expr{g.expr(F32, depth-1), g.expr(F32, depth-1)}}
	case 3:
		return &Expr{T: F32, Fmt: pickS(g, []string{"(-%s)", "abs(%s)"}), Args: []*Expr{g.expr(F32, depth-1)}}
	case 4:
		if g.chance(0.5) {
			return &Expr{T: F32, Fmt: "np.float32(%s)", Args: []*Expr{g.expr(Float, depth-1)}}
		}
		return &Expr{T: F32, Fmt: "np.float32(%s)", Args: []*Expr{g.expr(pickS(g, []Type{I8, U8, I16, U16}), depth-1)}}
	}
	if e := g.callExpr(F32); e != nil {
		return e
	}
	return g.leaf(F32)
}

// callExpr calls an earlier function with a scalar result of type t.
func (g *gen) callExpr(t Type) *Expr {
	for _, i := range g.r.Perm(len(g.callees)) {
		f := g.callees[i]
		if len(f.Result) != 1 || f.Result[0] != t || !g.canCall(f) {
			continue
		}
		call, args := g.call(f)
		e := &Expr{T: t, Fmt: call, Args: args, B: varBound}
		return e
	}
	return nil
}
