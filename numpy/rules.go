package numpy

import (
	"strings"

	"github.com/pyc2go/pyc2go/ir"
)

// Type rules. A rule sees a call as types, not syntax: the operands'
// types, the optional arguments given, and a few questions it may ask the
// type checker (Env). It returns the result type, or nil after reporting
// why numpy would reject the call (or why pyc2go cannot compile it yet),
// worded as numpy's exception where there is one.

// TypeRule computes the result type of a call of a row.
type TypeRule func(c *Call) ir.Type

// Call is one call of a row as its type rule sees it. typeinfer binds the
// arguments with the row's parameters and fills it in.
type Call struct {
	Row  *Row
	Disp string // the callee as written, for messages: "np.sum", "numpy.sum", "sum" (a method), "@"
	// Args are the operands' types (nil where unknown: an error was
	// reported), the receiver first for a method.
	Args []ir.Type
	// Opts are the types of the optional arguments given, by parameter
	// name (dtype excluded: DType says what it names).
	Opts  map[string]ir.Type
	DType ir.Scalar // what dtype= names; Invalid when absent
	Stmt  bool      // the call is an expression statement (a None result is fine)
	// Axis is set by reduction rules: the normalised axis= (0..rank-1),
	// or -1 for a reduction over every element.
	Axis int
	// Perm is set by np.transpose's rule: result axis k is operand axis
	// Perm[k].
	Perm []int
	Env
}

// Env is what a type rule may ask of the type checker.
type Env interface {
	// Errorf reports a diagnostic at operand i, or at the call for i < 0.
	Errorf(i int, format string, args ...any)
	// OptErrorf reports a diagnostic at the optional argument name.
	OptErrorf(name string, format string, args ...any)
	// ConstInts are the constant int values of operand i (one) or of the
	// elements of operand i when it is a tuple display (several), each
	// with whether it is a constant.
	ConstInts(i int) ([]int64, []bool)
	// OptConstInt is the optional argument name's value when it is a
	// constant int.
	OptConstInt(name string) (int64, bool)
	// OptNone reports whether the optional argument name is None.
	OptNone(name string) bool
	// OptString is the optional argument name's value when it is a
	// string literal (np.linalg's UPLO, mode, ord); string arguments
	// reach only the rows of Kind Linalg, which read them here.
	OptString(name string) (string, bool)
	// OptBool is the optional argument name's value when it is a
	// constant bool (True, False, a module constant).
	OptBool(name string) (bool, bool)
	// OptConstInts are the constant int values of the optional argument
	// name (one, or the elements of a tuple display), each with whether
	// it is a constant; nil when it is neither.
	OptConstInts(name string) ([]int64, []bool)
	// OptConstFloat is the optional argument name's value when it is a
	// constant real number (np.inf, -2, 1.5).
	OptConstFloat(name string) (float64, bool)
	// Elementwise types the numpy operation op (an operator or a binary
	// ufunc) of operands i and j, whose types are l and r, with
	// broadcasting and value-based casting; nil after an error.
	Elementwise(op string, i, j int, l, r ir.Type) ir.Type
	// Join unifies two scalar types as one variable holding both would.
	Join(a, b ir.Type) (ir.Type, bool)
}

// Fresh is the type of a new C-contiguous array.
func Fresh(k ir.Scalar, rank int) *ir.Array { return &ir.Array{Elem: k, Rank: rank, Contig: true} }

// MaxRank is the highest array rank pyc2go compiles.
const MaxRank = 4

func (c *Call) dtypeOr(k ir.Scalar) ir.Scalar {
	if c.DType != ir.Invalid {
		return c.DType
	}
	return k
}

// array returns operand i as an array, reporting when it is not one.
func (c *Call) array(i int) (*ir.Array, bool) {
	a, ok := c.Args[i].(*ir.Array)
	if _, isList := c.Args[i].(*ir.List); isList {
		c.Errorf(i, "unsupported: %s() of a list; make it an array first: np.array(xs) (or use the builtins sum, min, max, sorted on the list)", c.Disp)
		return nil, false
	}
	if !ok {
		if c.Args[i] != nil {
			c.Errorf(i, "unsupported: %s() of a %s value; it needs an array", c.Disp, TypeName(c.Args[i]))
		}
		return nil, false
	}
	return a, true
}

// dtypeErr reports a dtype rule's message at the call; ok is false then.
func (c *Call) dtypeErr(msg string) bool {
	if msg != "" {
		c.Errorf(-1, "%s", msg)
		return false
	}
	return true
}

// arrayDType returns operand 0 as an array and the dtype of np.name of
// it, reporting when either fails.
func (c *Call) arrayDType(name string) (*ir.Array, ir.Scalar, bool) {
	a, ok := c.array(0)
	if !ok {
		return nil, 0, false
	}
	k, msg := FuncDType(name, a.Elem)
	if !c.dtypeErr(msg) {
		return nil, 0, false
	}
	return a, k, true
}

// shape types a shape operand: an int (rank 1) or a tuple of ints.
func (c *Call) shape(i int) (int, bool) {
	switch t := c.Args[i].(type) {
	case nil:
		return 0, false
	case ir.Scalar:
		if t.IsInt() {
			return 1, true
		}
	case *ir.Tuple:
		for _, x := range t.Elems {
			if s, ok := x.(ir.Scalar); !ok || !s.IsInt() {
				c.Errorf(i, "shape must be an int or a tuple of ints, not a tuple containing %s", TypeName(x))
				return 0, false
			}
		}
		if len(t.Elems) > MaxRank {
			c.Errorf(i, "unsupported: arrays of rank %d; ranks 1 to %d are supported", len(t.Elems), MaxRank)
			return 0, false
		}
		return len(t.Elems), true
	}
	c.Errorf(i, "'%s' object cannot be interpreted as an integer (a shape is an int or a tuple of ints)", TypeName(c.Args[i]))
	return 0, false
}

// intOperand checks that operand i is an integer.
func (c *Call) intOperand(i int) bool {
	if s, ok := c.Args[i].(ir.Scalar); !ok || !s.IsInt() {
		c.Errorf(i, "'%s' object cannot be interpreted as an integer", TypeName(c.Args[i]))
		return false
	}
	return true
}

// fill checks a fill value: a number.
func (c *Call) fill(i int) bool {
	if _, ok := c.Args[i].(ir.Scalar); !ok {
		c.Errorf(i, "unsupported: fill value of type %s; it must be a number", TypeName(c.Args[i]))
		return false
	}
	return true
}

// typeCall is np.float32(x) and the other scalar types called: a
// conversion of a number.
func typeCall(c *Call) ir.Type {
	x, ok := c.Args[0].(ir.Scalar)
	if !ok {
		c.Errorf(0, "%s() argument must be a number, not %s", c.Disp, TypeName(c.Args[0]))
		return nil
	}
	k := c.Row.Scalar
	if x.IsComplex() && !k.IsComplex() && k != ir.Bool {
		c.Errorf(0, "can't convert complex to %s", k)
		return nil
	}
	return k
}

// ufunc1 is a one-operand elementwise function: the dtype numpy gives an
// array of the operand's kind (a numpy scalar of that dtype for a scalar).
func ufunc1(c *Call) ir.Type {
	if s, isS := c.Args[0].(ir.Scalar); isS {
		k, msg := FuncDType(c.Row.Name, s)
		if !c.dtypeErr(msg) {
			return nil
		}
		return k
	}
	a, k, ok := c.arrayDType(c.Row.Name)
	if !ok {
		return nil
	}
	return Fresh(k, a.Rank)
}

// ufunc2 is a two-operand elementwise function.
func ufunc2(c *Call) ir.Type {
	ls, lS := c.Args[0].(ir.Scalar)
	rs, rS := c.Args[1].(ir.Scalar)
	if lS && rS {
		// All operands scalars: numpy promotes their types without
		// looking at values (np.arctan2(x, y) of floats is a float64).
		k, msg := BinaryDType(c.Row.Name, ls, rs)
		if !c.dtypeErr(msg) {
			return nil
		}
		return k
	}
	return c.Elementwise(c.Row.Name, 0, 1, c.Args[0], c.Args[1])
}

// ufuncOp is the type rule of a ufunc that is an operator's
// (np.bitwise_and is &, np.invert is ~): its dtypes are the operator's.
func ufuncOp(op string) TypeRule {
	return func(c *Call) ir.Type {
		if len(c.Args) == 1 {
			if s, isS := c.Args[0].(ir.Scalar); isS {
				k, msg := UnaryDType(op, s)
				if !c.dtypeErr(msg) {
					return nil
				}
				return k
			}
			a, ok := c.array(0)
			if !ok {
				return nil
			}
			k, msg := UnaryDType(op, a.Elem)
			if !c.dtypeErr(msg) {
				return nil
			}
			return Fresh(k, a.Rank)
		}
		ls, lS := c.Args[0].(ir.Scalar)
		rs, rS := c.Args[1].(ir.Scalar)
		if lS && rS {
			k, msg := BinaryDType(op, ls, rs)
			if !c.dtypeErr(msg) {
				return nil
			}
			return k
		}
		return c.Elementwise(op, 0, 1, c.Args[0], c.Args[1])
	}
}

// filled is np.zeros, np.ones, np.empty: float64 unless dtype= says.
func filled(c *Call) ir.Type {
	r, ok := c.shape(0)
	if !ok {
		return nil
	}
	return Fresh(c.dtypeOr(ir.Float64), r)
}

// full is np.full(shape, v): the fill value's type unless dtype= says.
func full(c *Call) ir.Type {
	r, ok := c.shape(0)
	if !ok || !c.fill(1) {
		return nil
	}
	return Fresh(c.dtypeOr(c.Args[1].(ir.Scalar)), r)
}

// like is np.zeros_like and friends: the operand's dtype and rank.
func like(c *Call) ir.Type {
	a, ok := c.array(0)
	if !ok {
		return nil
	}
	if len(c.Args) > 1 && !c.fill(1) {
		return nil
	}
	return Fresh(c.dtypeOr(a.Elem), a.Rank)
}

// linspace is np.linspace(start, stop, num=50, endpoint=True, dtype=None).
func linspace(c *Call) ir.Type {
	for i := 0; i < 2; i++ {
		if s, ok := c.Args[i].(ir.Scalar); !ok || s.IsComplex() {
			c.Errorf(i, "unsupported: %s() bound of type %s; it must be a real number", c.Disp, TypeName(c.Args[i]))
			return nil
		}
	}
	if t, given := c.Opts["num"]; given && t != nil {
		if s, ok := t.(ir.Scalar); !ok || !s.IsInt() {
			c.OptErrorf("num", "'%s' object cannot be interpreted as an integer", TypeName(t))
			return nil
		}
	}
	if c.DType != ir.Invalid && c.DType != ir.Float64 {
		c.OptErrorf("dtype", "unsupported: %s() with dtype %s (not supported yet); convert the result with .astype()", c.Disp, c.DType)
		return nil
	}
	return Fresh(ir.Float64, 1)
}

// copyOf is np.copy(a) and a.copy(): a fresh C-ordered copy.
func copyOf(c *Call) ir.Type {
	a, ok := c.array(0)
	if !ok {
		return nil
	}
	return Fresh(a.Elem, a.Rank)
}

// array is np.array(a) of an array or a list literal (typed as the array
// it becomes).
func array(c *Call) ir.Type {
	if l, ok := c.Args[0].(*ir.List); ok {
		// A list of numbers (lower/list.go): a 1-d array of its
		// elements, which are Python scalars.
		if s, ok := l.Elem.(ir.Scalar); ok {
			return Fresh(c.dtypeOr(s), 1)
		}
		c.Errorf(0, "unsupported: np.array() of a list of %s; it needs a list of numbers", TypeName(l.Elem))
		return nil
	}
	a, ok := c.array(0)
	if !ok {
		return nil
	}
	return Fresh(c.dtypeOr(a.Elem), a.Rank)
}

// eye is np.eye(N, M=None, k=0) and np.identity(n): a float64 matrix.
func eye(c *Call) ir.Type {
	if !c.intOperand(0) {
		return nil
	}
	return Fresh(c.dtypeOr(ir.Float64), 2)
}

// arange is np.arange([start,] stop[, step], dtype=None): int64 when every
// bound is an integer, float64 when one is a float.
func arange(c *Call) ir.Type {
	hi := 0
	ok := true
	for i, t := range c.Args {
		s, isS := t.(ir.Scalar)
		switch {
		case t == nil:
			ok = false
		case !isS || s.IsComplex():
			c.Errorf(i, "unsupported: %s() argument of type %s; it must be a real number", c.Disp, TypeName(t))
			ok = false
		case s.IsFloat():
			hi = 2
		}
	}
	if !ok {
		return nil
	}
	if c.DType != ir.Invalid {
		return Fresh(c.DType, 1)
	}
	if hi == 2 {
		return Fresh(ir.Float64, 1)
	}
	return Fresh(ir.Int64, 1)
}

// where is np.where(condition, x, y): x and y broadcast (with the
// condition) and promote.
func where(c *Call) ir.Type {
	if !AnyArray(c.Args...) {
		c.Errorf(-1, "unsupported: %s() of scalars; it needs an array", c.Disp)
		return nil
	}
	rank := 0
	for _, t := range c.Args {
		if a, ok := t.(*ir.Array); ok {
			rank = max(rank, a.Rank)
		} else if _, ok := t.(ir.Scalar); !ok {
			c.Errorf(-1, "unsupported: %s() of a %s value", c.Disp, TypeName(t))
			return nil
		}
	}
	var k ir.Scalar
	if AnyArray(c.Args[1], c.Args[2]) {
		r := c.Elementwise("where", 1, 2, c.Args[1], c.Args[2])
		if r == nil {
			return nil
		}
		k = r.(*ir.Array).Elem
	} else {
		j, ok := c.Join(c.Args[1], c.Args[2])
		if !ok {
			c.Errorf(-1, "unsupported: %s() of %s and %s", c.Disp, TypeName(c.Args[1]), TypeName(c.Args[2]))
			return nil
		}
		k = j.(ir.Scalar)
	}
	return Fresh(k, rank)
}

// clip is np.clip(a, a_min, a_max): minimum(maximum(a, a_min), a_max) as
// numpy promotes it.
func clip(c *Call) ir.Type {
	a, ok := c.array(0)
	if !ok {
		return nil
	}
	r := c.Elementwise("minimum", 0, 1, a, c.Args[1])
	if r == nil {
		return nil
	}
	return c.Elementwise("minimum", 0, 2, r, c.Args[2])
}

// round is np.round(a, decimals=0) of an array, decimals a constant.
func round(c *Call) ir.Type {
	a, k, ok := c.arrayDType("round")
	if !ok {
		return nil
	}
	if _, given := c.Opts["decimals"]; given {
		d, isC := c.OptConstInt("decimals")
		if !isC {
			c.OptErrorf("decimals", "unsupported: decimals must be a constant integer")
			return nil
		}
		if d < 0 && !a.Elem.IsFloat() && !a.Elem.IsComplex() {
			c.OptErrorf("decimals", "unsupported: %s() of integers with negative decimals (not supported yet)", c.Disp)
			return nil
		}
	}
	return Fresh(k, a.Rank)
}

// ProductType types np.dot, np.matmul (and `@`: Disp "@", name "matmul")
// and np.outer of operands 0 and 1.
func ProductType(c *Call, name string) ir.Type {
	l, r := c.Args[0], c.Args[1]
	la, lok := l.(*ir.Array)
	ra, rok := r.(*ir.Array)
	if !lok || !rok {
		if name == "dot" && (lok || rok) {
			return c.Elementwise("*", 0, 1, l, r)
		}
		if l != nil && r != nil {
			if c.Disp == "@" {
				c.Errorf(-1, "unsupported operand type(s) for @: '%s' and '%s' (matrix multiplication needs two arrays)", TypeName(l), TypeName(r))
			} else {
				c.Errorf(-1, "unsupported: %s() of %s and %s; both operands must be arrays", c.Disp, TypeName(l), TypeName(r))
			}
		}
		return nil
	}
	if name == "outer" {
		k, msg := BinaryDType("*", la.Elem, ra.Elem)
		if !c.dtypeErr(msg) {
			return nil
		}
		return Fresh(k, 2)
	}
	k, msg := BinaryDType("dot", la.Elem, ra.Elem)
	if !c.dtypeErr(msg) {
		return nil
	}
	if name == "matmul" && (la.Rank > 2 || ra.Rank > 2) {
		// Batched: the stacks of matrices broadcast against each other.
		if la.Rank < 2 || ra.Rank < 2 {
			c.Errorf(-1, "unsupported: %s of a 1-d and a %d-d array; make the vector a matrix (v[:, None] or v[None, :]) and index the result", c.Disp, max(la.Rank, ra.Rank))
			return nil
		}
		return Fresh(k, max(la.Rank, ra.Rank))
	}
	rank := la.Rank + ra.Rank - 2
	if name == "dot" && rank > MaxRank {
		c.Errorf(-1, "unsupported: %s() result of rank %d", c.Disp, rank)
		return nil
	}
	if rank == 0 {
		return k
	}
	return Fresh(k, rank)
}

func product(c *Call) ir.Type { return ProductType(c, c.Row.Name) }

// reduce types np.NAME(a, axis=...) and a.NAME(axis=...): a scalar over
// every element, an array of one axis less along one constant axis.
func reduce(c *Call) ir.Type {
	a, k, axis, ok := c.reduction()
	switch {
	case !ok:
		return nil
	case c.Opts["keepdims"] != nil && !c.keepDimsConst():
		return nil
	case c.keepDims():
		// keepdims=True: the reduced axes stay, with extent 1 (lower
		// tells the form by the result's rank, the operand's).
		return Fresh(k, a.Rank)
	case axis < 0 || a.Rank == 1:
		return k
	}
	return Fresh(k, a.Rank-1)
}

// keepDims reports whether keepdims=True was given.
func (c *Call) keepDims() bool {
	v, isC := c.OptBool("keepdims")
	return isC && v
}

// keepDimsConst checks that keepdims= is a constant (the result's rank
// depends on it).
func (c *Call) keepDimsConst() bool {
	if _, isC := c.OptBool("keepdims"); !isC {
		c.OptErrorf("keepdims", "unsupported: keepdims must be True or False written as a constant (the result's rank depends on it)")
		return false
	}
	return true
}

// scan types np.cumsum and np.cumprod: the array's rank along an axis,
// the flattened array's without one.
func scan(c *Call) ir.Type {
	a, k, axis, ok := c.reduction()
	switch {
	case !ok:
		return nil
	case axis < 0:
		return Fresh(k, 1)
	}
	return Fresh(k, a.Rank)
}

// reduction checks a reduction's operand and ddof= and normalises its
// axis= (set in c.Axis, -1 for a reduction of every element; axis=0 of a
// 1-d array is that too: same result, same summation order); it returns
// the operand, the result dtype and the axis given (-1 for none).
func (c *Call) reduction() (a *ir.Array, k ir.Scalar, axis int, ok bool) {
	a, k, ok = c.arrayDType(c.Row.Name)
	if !ok {
		return nil, 0, 0, false
	}
	if t, given := c.Opts["ddof"]; given && t != nil {
		if s, ok := t.(ir.Scalar); !ok || s.IsComplex() {
			c.OptErrorf("ddof", "unsupported: ddof must be a number")
			return nil, 0, 0, false
		}
	}
	c.Axis = -1
	if _, given := c.Opts["axis"]; !given || c.OptNone("axis") {
		return a, k, -1, true
	}
	v, isC := c.OptConstInt("axis")
	if !isC {
		c.OptErrorf("axis", "unsupported: axis must be a constant integer (the result's rank depends on it)")
		return nil, 0, 0, false
	}
	n := v
	if n < 0 {
		n += int64(a.Rank)
	}
	if n < 0 || n >= int64(a.Rank) {
		c.OptErrorf("axis", "axis %d is out of bounds for array of dimension %d", v, a.Rank)
		return nil, 0, 0, false
	}
	if a.Rank > 1 {
		c.Axis = int(n)
	}
	return a, k, int(n), true
}

// flat is a.ravel() and a.flatten(): a 1-d array.
func flat(c *Call) ir.Type {
	a := c.Args[0].(*ir.Array)
	return Fresh(a.Elem, 1)
}

// fill is a.fill(value): a statement.
func fill(c *Call) ir.Type {
	if t := c.Args[1]; t != nil {
		if _, ok := t.(ir.Scalar); !ok {
			c.Errorf(1, "unsupported: fill() with a %s value", TypeName(t))
			return nil
		}
	}
	if !c.Stmt {
		c.Errorf(-1, "fill() returns None; its value cannot be used")
		return nil
	}
	return ir.None
}

// astype is a.astype(dtype): a fresh array of that dtype.
func astype(c *Call) ir.Type {
	a := c.Args[0].(*ir.Array)
	return Fresh(c.DType, a.Rank)
}

// reshape is a.reshape(shape) or a.reshape(d0, d1, ...): the rank of the
// new shape; its constant extents are checked as numpy checks them.
func reshape(c *Call) ir.Type {
	a := c.Args[0].(*ir.Array)
	dims := c.Args[1:]
	rank := 0
	switch len(dims) {
	case 0:
		c.Errorf(-1, "reshape() takes exactly 1 argument (0 given)")
		return nil
	case 1:
		r, ok := c.shape(1)
		if !ok {
			return nil
		}
		rank = r
	default:
		for i, t := range dims {
			if _, ok := c.shape(i + 1); !ok {
				return nil
			}
			if _, isT := t.(*ir.Tuple); isT {
				c.Errorf(i+1, "'tuple' object cannot be interpreted as an integer")
				return nil
			}
		}
		rank = len(dims)
		if rank > MaxRank {
			c.Errorf(-1, "unsupported: arrays of rank %d; ranks 1 to %d are supported", rank, MaxRank)
			return nil
		}
	}
	unknown := 0
	for i := range dims {
		vals, consts := c.ConstInts(i + 1)
		for k, v := range vals {
			if consts[k] && v < 0 {
				unknown++ // numpy 1.24 takes any negative size as "unknown"
			}
		}
	}
	if unknown > 1 {
		c.Errorf(-1, "can only specify one unknown dimension")
		return nil
	}
	return &ir.Array{Elem: a.Elem, Rank: rank}
}

// AnyArray reports whether some type is an array.
func AnyArray(ts ...ir.Type) bool {
	for _, t := range ts {
		if _, ok := t.(*ir.Array); ok {
			return true
		}
	}
	return false
}

// Attribute rules.

func attrShape(a *ir.Array) (ir.Type, string) {
	elems := make([]ir.Type, a.Rank)
	for i := range elems {
		elems[i] = ir.Int64
	}
	return &ir.Tuple{Elems: elems}, ""
}

func attrInt(*ir.Array) (ir.Type, string) { return ir.Int64, "" }

func attrT(a *ir.Array) (ir.Type, string) {
	return &ir.Array{Elem: a.Elem, Rank: a.Rank, Contig: a.Contig && a.Rank == 1}, ""
}

// constAxis is the constant axis= of a call on an a array (def when not
// given), normalised to 0..rank-1; ok false after an error.
func (c *Call) constAxis(a *ir.Array, def int64) (int, bool) {
	v := def
	if _, given := c.Opts["axis"]; given {
		var isC bool
		if v, isC = c.OptConstInt("axis"); !isC {
			c.OptErrorf("axis", "unsupported: axis must be a constant integer (not supported yet)")
			return 0, false
		}
	}
	n := v
	if n < 0 {
		n += int64(a.Rank)
	}
	if n < 0 || n >= int64(a.Rank) {
		c.OptErrorf("axis", "axis %d is out of bounds for array of dimension %d", v, a.Rank)
		return 0, false
	}
	return int(n), true
}

// joinRule is np.concatenate, np.stack, np.hstack and np.vstack of a
// tuple or list display of arrays: the promoted dtype; c.Axis is the
// axis joined along (of the result, for stack: the new one).
func joinRule(c *Call) ir.Type {
	tup, ok := c.Args[0].(*ir.Tuple)
	if !ok {
		c.Errorf(0, "unsupported: %s() of a %s value; write the arrays as a tuple or list, as in %s((a, b))", c.Disp, TypeName(c.Args[0]), c.Disp)
		return nil
	}
	if len(tup.Elems) == 0 {
		c.Errorf(0, "need at least one array to %s", map[bool]string{true: "stack", false: "concatenate"}[c.Row.Name == "stack"])
		return nil
	}
	var first *ir.Array
	k := ir.Invalid
	for i, t := range tup.Elems {
		a, isA := t.(*ir.Array)
		if !isA {
			c.Errorf(0, "unsupported: %s() of a %s (element %d); only arrays are joined", c.Disp, TypeName(t), i)
			return nil
		}
		if first == nil {
			first, k = a, a.Elem
			continue
		}
		if k = Promote(k, a.Elem); k == ir.Invalid {
			c.Errorf(0, "unsupported: %s() of %s and %s arrays (numpy joins them as float16)", c.Disp, first.Elem, a.Elem)
			return nil
		}
		if a.Rank != first.Rank {
			switch {
			case c.Row.Name == "vstack" && max(a.Rank, first.Rank) == 2:
				// numpy makes the 1-d arrays rows first.
				c.Errorf(0, "unsupported: np.vstack() of 1-d and 2-d arrays together (not supported yet); write v[None, :] for the rows")
			case c.Row.Name == "stack":
				c.Errorf(0, "all input arrays must have the same shape")
			default:
				c.Errorf(0, "all the input arrays must have same number of dimensions, but the array at index 0 has %d dimension(s) and the array at index %d has %d dimension(s)", first.Rank, i, a.Rank)
			}
			return nil
		}
	}
	rank := first.Rank
	switch c.Row.Name {
	case "concatenate":
		axis, ok := c.constAxis(first, 0)
		if !ok {
			return nil
		}
		c.Axis = axis
	case "stack":
		rank++
		if rank > MaxRank {
			c.Errorf(-1, "unsupported: arrays of rank %d; ranks 1 to %d are supported", rank, MaxRank)
			return nil
		}
		axis, ok := c.constAxis(&ir.Array{Rank: rank}, 0)
		if !ok {
			return nil
		}
		c.Axis = axis
	case "hstack":
		c.Axis = min(1, rank-1)
	case "vstack":
		c.Axis = 0
		rank = max(rank, 2)
	}
	return Fresh(c.dtypeOr(k), rank)
}

// rearrange is np.roll, np.repeat and np.tile: the array's dtype, an int
// count (shift, repeats, reps); axis= constant or absent (c.Axis -1: the
// flattened array, whose result np.roll reshapes back). np.repeat without
// axis= and np.tile of a 1-d array give 1-d results.
func rearrange(c *Call) ir.Type {
	a, ok := c.array(0)
	if !ok {
		return nil
	}
	if s, isS := c.Args[1].(ir.Scalar); !isS || !s.IsInt() {
		c.Errorf(1, "unsupported: %s() with a %s count; an int is supported (tuples are not supported yet)", c.Disp, TypeName(c.Args[1]))
		return nil
	}
	c.Axis = -1
	if _, given := c.Opts["axis"]; given && !c.OptNone("axis") {
		axis, ok := c.constAxis(a, 0)
		if !ok {
			return nil
		}
		c.Axis = axis
	}
	switch {
	case c.Row.Name == "repeat" && c.Axis < 0:
		return Fresh(a.Elem, 1)
	case c.Row.Name == "tile":
		c.Axis = a.Rank - 1 // an int reps repeats the last axis
	}
	return Fresh(a.Elem, a.Rank)
}

// diff is np.diff(a, n, axis): the array's dtype (bool differences are
// not_equal), n a constant.
func diff(c *Call) ir.Type {
	a, ok := c.array(0)
	if !ok {
		return nil
	}
	if _, given := c.Opts["n"]; given {
		n, isC := c.OptConstInt("n")
		if !isC {
			c.OptErrorf("n", "unsupported: n must be a constant integer (not supported yet)")
			return nil
		}
		if n < 0 {
			c.OptErrorf("n", "order must be non-negative but got %d", n)
			return nil
		}
	}
	axis, ok := c.constAxis(a, -1)
	if !ok {
		return nil
	}
	c.Axis = axis
	return Fresh(a.Elem, a.Rank)
}

// transpose is np.transpose(a, axes) and a.transpose(*axes): a view with
// its axes permuted, by constant axes (reversed when omitted).
func transpose(c *Call) ir.Type {
	a, ok := c.array(0)
	if !ok {
		return nil
	}
	var axes []int64
	switch {
	case len(c.Args) == 1:
		for k := a.Rank - 1; k >= 0; k-- {
			axes = append(axes, int64(k))
		}
	case len(c.Args) == 2 && c.Args[1] == ir.None:
		return transposeRule(c, a, nil)
	default:
		for i := 1; i < len(c.Args); i++ {
			if _, isT := c.Args[i].(*ir.Tuple); !isT && len(c.Args) == 2 {
				if s, isS := c.Args[i].(ir.Scalar); !isS || !s.IsInt() {
					c.Errorf(i, "'%s' object cannot be interpreted as an integer", TypeName(c.Args[i]))
					return nil
				}
			}
			vals, consts := c.ConstInts(i)
			for k, v := range vals {
				if !consts[k] {
					c.Errorf(i, "unsupported: %s() with axes known only at run time (not supported yet); write them as constants", c.Disp)
					return nil
				}
				axes = append(axes, v)
			}
		}
	}
	return transposeRule(c, a, axes)
}

func transposeRule(c *Call, a *ir.Array, axes []int64) ir.Type {
	if axes == nil {
		for k := a.Rank - 1; k >= 0; k-- {
			axes = append(axes, int64(k))
		}
	}
	if len(axes) != a.Rank {
		c.Errorf(-1, "axes don't match array")
		return nil
	}
	seen := make([]bool, a.Rank)
	c.Perm = make([]int, a.Rank)
	for k, v := range axes {
		if v < -int64(a.Rank) || v >= int64(a.Rank) {
			c.Errorf(-1, "axis %d is out of bounds for array of dimension %d", v, a.Rank)
			return nil
		}
		if v < 0 {
			v += int64(a.Rank)
		}
		if seen[v] {
			c.Errorf(-1, "repeated axis in transpose")
			return nil
		}
		seen[v] = true
		c.Perm[k] = int(v)
	}
	// The innermost axis keeps its unit stride if it stays innermost.
	return &ir.Array{Elem: a.Elem, Rank: a.Rank, Contig: a.Contig && c.Perm[a.Rank-1] == a.Rank-1}
}

// attrPart types a.real and a.imag: the parts of a complex array are
// float arrays of the same shape, a real array's are arrays of its type.
func attrPart(a *ir.Array) (ir.Type, string) {
	k := a.Elem
	switch k {
	case ir.Complex64:
		k = ir.Float32
	case ir.Complex128:
		k = ir.Float64
	}
	if k == a.Elem {
		// a.real of a real array is a itself (a.imag zeros like it).
		return &ir.Array{Elem: k, Rank: a.Rank, Contig: a.Contig}, ""
	}
	return Fresh(k, a.Rank), ""
}

func attrDtype(*ir.Array) (ir.Type, string) {
	return nil, "unsupported: a.dtype used as a value; it may only be a dtype= argument or astype's argument"
}

// joinWords is "a, b or c".
func joinWords(ws []string, last string) string {
	if len(ws) <= 1 {
		return strings.Join(ws, "")
	}
	return strings.Join(ws[:len(ws)-1], ", ") + " " + last + " " + ws[len(ws)-1]
}
