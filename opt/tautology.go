package opt

import (
	"sort"

	"github.com/pyc2go/pyc2go/ir"
)

// Comparisons whose value does not depend on their operands' values.
// Python evaluates them like any other, but C compilers reject them under
// -Werror (gcc and clang's -Wtautological-compare, -Wbool-compare,
// -Wtype-limits), so the valid kernel `return x < x < x` would not build.
// Folding them is exact: each rule below holds for every value of the
// operand it drops, and the operand dropped never calls a function (an
// expression Call is the only thing in an expression with an effect).

// foldTautology returns what the comparison e always evaluates to, or nil.
func foldTautology(e *ir.Binary) ir.Expr {
	if !isComparison(e.Op) {
		return nil
	}
	t, ok := e.X.Type().(ir.Scalar)
	if !ok {
		return nil
	}
	if ir.SameExpr(e.X, e.Y) {
		return foldSelfCompare(e.Op, t, e.X)
	}
	if c, ok := e.Y.(*ir.ConstExpr); ok {
		return foldAgainstConst(e.Op, e.X, c)
	}
	if c, ok := e.X.(*ir.ConstExpr); ok {
		return foldAgainstConst(swapComparison(e.Op), e.Y, c)
	}
	return nil
}

func isComparison(op ir.BinOp) bool {
	switch op {
	case ir.Eq, ir.Ne, ir.Lt, ir.Le, ir.Gt, ir.Ge:
		return true
	}
	return false
}

// swapComparison is op with its operands exchanged: c < x is x > c.
func swapComparison(op ir.BinOp) ir.BinOp {
	switch op {
	case ir.Lt:
		return ir.Gt
	case ir.Le:
		return ir.Ge
	case ir.Gt:
		return ir.Lt
	case ir.Ge:
		return ir.Le
	}
	return op
}

// foldSelfCompare folds x op x (SameExpr only matches expressions without
// loads or calls): an integer equals itself; a float equals itself unless
// it is NaN, and is never less than itself.
func foldSelfCompare(op ir.BinOp, t ir.Scalar, x ir.Expr) ir.Expr {
	reflexive := op == ir.Eq || op == ir.Le || op == ir.Ge
	switch {
	case t.IsInt() || t == ir.Bool:
		return ir.BoolConst(reflexive)
	case t.IsFloat():
		if op == ir.Lt || op == ir.Gt {
			return ir.BoolConst(false)
		}
		if c, ok := x.(*ir.Convert); ok {
			// A float made from an integer or a bool is never NaN.
			if st, ok := c.X.Type().(ir.Scalar); ok && (st.IsInt() || st == ir.Bool) {
				return ir.BoolConst(reflexive)
			}
		}
		isNaN := &ir.Intrinsic{Name: "isnan", Args: []ir.Expr{x}, T: ir.Bool}
		if reflexive {
			return &ir.Unary{Op: ir.Not, X: isNaN}
		}
		return isNaN
	}
	return nil
}

// foldAgainstConst folds x op c for the shapes of x whose comparison with
// the constant c has one outcome: a bool converted to an integer, a bitwise
// or/and with a constant that decides some bit, and an integer compared
// with its kind's least or greatest value.
func foldAgainstConst(op ir.BinOp, x ir.Expr, c *ir.ConstExpr) ir.Expr {
	if hasCall(x) {
		return nil
	}
	t, ok := c.T, c.T.IsInt()
	if !ok {
		return nil
	}
	cv := c.Value.(int64)
	// A bool converted to an integer is 0 or 1: the comparison is one of
	// false, true, b or !b.
	if cv2, isConv := x.(*ir.Convert); isConv && cv2.X.Type() == ir.Bool {
		f := foldBinary(op, mk(t, int64(0)), c)
		tr := foldBinary(op, mk(t, int64(1)), c)
		if f == nil || tr == nil {
			return nil
		}
		switch {
		case f.Value == tr.Value:
			return f
		case tr.Value == true:
			return cv2.X
		}
		return &ir.Unary{Op: ir.Not, X: cv2.X}
	}
	// (y | k) always has k's bits, (y & k) never has the bits k lacks: an
	// equality with a constant that contradicts them is decided.
	if b, isBin := x.(*ir.Binary); isBin && (op == ir.Eq || op == ir.Ne) && (b.Op == ir.BitOr || b.Op == ir.BitAnd) {
		k, ok := b.Y.(*ir.ConstExpr)
		if !ok {
			k, ok = b.X.(*ir.ConstExpr)
		}
		if ok {
			kv, _ := k.Value.(int64)
			if (b.Op == ir.BitOr && kv&^cv != 0) || (b.Op == ir.BitAnd && cv&^kv != 0) {
				return ir.BoolConst(op == ir.Ne)
			}
		}
	}
	// Nothing is below the least value of x's kind or above the greatest.
	lo, hi := kindRange(t)
	switch {
	case cv == lo && op == ir.Lt, cv == hi && op == ir.Gt:
		return ir.BoolConst(false)
	case cv == lo && op == ir.Ge, cv == hi && op == ir.Le:
		return ir.BoolConst(true)
	}
	return nil
}

// kindRange is the least and greatest value of the integer kind t, as
// ConstExpr holds them (uint64's greatest is the bit pattern -1).
func kindRange(t ir.Scalar) (lo, hi int64) {
	bits := uint(t.Bits())
	if t.IsSigned() {
		return -1 << (bits - 1), 1<<(bits-1) - 1
	}
	if t == ir.Uint64 {
		return 0, -1
	}
	return 0, 1<<bits - 1
}

// foldOverlap folds `x op1 c1 && x op2 c2` whose ranges do not meet to
// false, and `x op1 c1 || x op2 c2` whose ranges cover every value of x's
// kind to true (clang's -Wtautological-overlap-compare rejects both), for
// integer x without calls.
func foldOverlap(e *ir.Binary) ir.Expr {
	if e.Op != ir.AndAnd && e.Op != ir.OrOr {
		return nil
	}
	x1, r1, ok1 := intRange(e.X)
	x2, r2, ok2 := intRange(e.Y)
	if !ok1 || !ok2 || !ir.SameExpr(x1, x2) || hasCall(x1) {
		return nil
	}
	if e.Op == ir.AndAnd {
		for _, a := range r1 {
			for _, b := range r2 {
				if max(a.lo, b.lo) <= min(a.hi, b.hi) {
					return nil // some value satisfies both
				}
			}
		}
		return ir.BoolConst(false)
	}
	t := x1.Type().(ir.Scalar)
	lo, hi := kindRange(t)
	if covers(append(append([]span{}, r1...), r2...), lo, hi) {
		return ir.BoolConst(true)
	}
	return nil
}

// span is the integer interval [lo, hi].
type span struct{ lo, hi int64 }

// intRange reads e as x op c with an integer constant c (on either side)
// and returns x and the values of x's kind that satisfy it.
func intRange(e ir.Expr) (ir.Expr, []span, bool) {
	b, ok := e.(*ir.Binary)
	if !ok || !isComparison(b.Op) {
		return nil, nil, false
	}
	x, c, op := b.X, b.Y, b.Op
	if _, isConst := x.(*ir.ConstExpr); isConst {
		x, c, op = b.Y, b.X, swapComparison(b.Op)
	}
	k, ok := c.(*ir.ConstExpr)
	if !ok {
		return nil, nil, false
	}
	t, ok := x.Type().(ir.Scalar)
	if !ok || !t.IsInt() || t == ir.Uint64 {
		return nil, nil, false
	}
	v := k.Value.(int64)
	lo, hi := kindRange(t)
	var r []span
	switch op {
	case ir.Eq:
		r = []span{{v, v}}
	case ir.Ne:
		r = []span{{lo, v - 1}, {v + 1, hi}}
	case ir.Lt:
		r = []span{{lo, v - 1}}
	case ir.Le:
		r = []span{{lo, v}}
	case ir.Gt:
		r = []span{{v + 1, hi}}
	case ir.Ge:
		r = []span{{v, hi}}
	}
	// Drop the empty spans (v - 1 at the least value wraps, so compare
	// against v itself).
	var out []span
	for _, s := range r {
		if s.lo <= s.hi && !(op == ir.Lt && v == lo) && !(op == ir.Gt && v == hi) &&
			!(op == ir.Ne && ((s.hi == v-1 && v == lo) || (s.lo == v+1 && v == hi))) {
			out = append(out, s)
		}
	}
	return x, out, true
}

// covers reports whether the spans cover [lo, hi].
func covers(ss []span, lo, hi int64) bool {
	sort.Slice(ss, func(i, j int) bool { return ss[i].lo < ss[j].lo })
	next := lo // the least value not covered yet
	for _, s := range ss {
		if s.lo > next {
			return false
		}
		if s.hi >= hi {
			return true
		}
		if s.hi+1 > next {
			next = s.hi + 1
		}
	}
	return false
}
