package typeinfer

import (
	"fmt"
	"strings"

	"github.com/go-python/gpython/ast"

	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/numpy"
)

// Static shapes. Shapes are run-time values, checked by the generated code
// (lower emits numpy's broadcast check). Where a shape is certain at
// compile time, a broadcast that numpy would reject on every execution is
// reported here instead, with numpy's ValueError text, so the mistake
// surfaces before the kernel runs. The analysis is deliberately narrow:
// a missing shape only means "checked at run time", while a wrong one
// would reject a correct program, so anything uncertain has no shape.
//
// Shapes come from creation calls with constant extents, flow through
// elementwise operators and ufuncs by numpy's broadcasting rule, and
// through locals assigned exactly once in the function (by a plain
// `name = value`, outside any loop, never augmented, deleted, used as a
// loop target or passed to a module function). Flow-insensitive on
// purpose: with one definition the local has that shape wherever it is
// bound.

// shapeResult is a memoised static shape; ok false means unknown.
type shapeResult struct {
	dims []int
	ok   bool
}

// shapeState is the per-function state of the static shape pass.
type shapeState struct {
	c      *checker
	fn     *Func
	single map[string]ast.Expr // locals with exactly one plain definition: its value
	bad    map[string]bool     // locals that can have no static shape
	memo   map[ast.Expr]shapeResult
	locals map[string]*shapeResult // nil entry while being computed (cycles)
}

// staticShapes runs the shape pass over every function. It runs after
// inference succeeded, on the final Info, and only adds errors.
func (c *checker) staticShapes() {
	for _, fn := range c.info.Funcs {
		if fn.Def == nil {
			continue
		}
		// constValue tells locals from module constants through c.fs.
		c.fs = c.funcs[fn]
		s := &shapeState{c: c, fn: fn, single: map[string]ast.Expr{}, bad: map[string]bool{},
			memo: map[ast.Expr]shapeResult{}, locals: map[string]*shapeResult{}}
		for _, p := range fn.Params {
			s.bad[p.Name] = true
		}
		s.collect()
		for _, st := range fn.Def.Body {
			ast.Walk(st, func(n ast.Ast) bool {
				if e, ok := n.(ast.Expr); ok {
					switch e.(type) {
					case *ast.BinOp, *ast.Call, *ast.Compare:
						s.shape(e)
					}
				}
				return true
			})
		}
	}
	c.fs = nil
}

// collect finds the locals with a single plain definition.
func (s *shapeState) collect() {
	count := map[string]int{}
	disqualify := func(e ast.Ast) {
		ast.Walk(e, func(n ast.Ast) bool {
			if nm, ok := n.(*ast.Name); ok {
				s.bad[string(nm.Id)] = true
			}
			return true
		})
	}
	for _, st := range s.fn.Def.Body {
		ast.Walk(st, func(n ast.Ast) bool {
			switch x := n.(type) {
			case *ast.Assign:
				for _, t := range x.Targets {
					if nm, ok := t.(*ast.Name); ok {
						count[string(nm.Id)]++
						s.single[string(nm.Id)] = x.Value
					} else if _, ok := t.(*ast.Tuple); ok {
						disqualify(t)
					} else if _, ok := t.(*ast.List); ok {
						disqualify(t)
					} else if at, ok := t.(*ast.Attribute); ok {
						disqualify(at.Value) // a.shape = ... reshapes a
					}
				}
			case *ast.AugAssign:
				disqualify(x.Target)
			case *ast.Delete:
				for _, t := range x.Targets {
					disqualify(t)
				}
			case *ast.For:
				disqualify(x.Target)
				s.disqualifyAssigned(x.Body)
				s.disqualifyAssigned(x.Orelse)
			case *ast.While:
				s.disqualifyAssigned(x.Body)
				s.disqualifyAssigned(x.Orelse)
			case *ast.Call:
				// A module function gets the array itself; be
				// conservative about what it may do with it.
				if ci := s.c.info.Calls[x]; ci == nil || ci.Kind != CallNumpy {
					for _, a := range x.Args {
						if nm, ok := a.(*ast.Name); ok {
							s.bad[string(nm.Id)] = true
						}
					}
					for _, k := range x.Keywords {
						if nm, ok := k.Value.(*ast.Name); ok {
							s.bad[string(nm.Id)] = true
						}
					}
				}
			}
			return true
		})
	}
	for name, n := range count {
		if n != 1 {
			s.bad[name] = true
		}
	}
}

// disqualifyAssigned marks every name assigned inside a loop body: it is
// redefined on each iteration.
func (s *shapeState) disqualifyAssigned(body []ast.Stmt) {
	for _, st := range body {
		ast.Walk(st, func(n ast.Ast) bool {
			if a, ok := n.(*ast.Assign); ok {
				for _, t := range a.Targets {
					ast.Walk(t, func(m ast.Ast) bool {
						if nm, ok := m.(*ast.Name); ok {
							s.bad[string(nm.Id)] = true
						}
						return true
					})
				}
			}
			return true
		})
	}
}

// shape is the static shape of e, reporting a certain broadcast failure
// the first time e is seen.
func (s *shapeState) shape(e ast.Expr) ([]int, bool) {
	if r, ok := s.memo[e]; ok {
		return r.dims, r.ok
	}
	d, ok := s.compute(e)
	s.memo[e] = shapeResult{d, ok}
	return d, ok
}

func (s *shapeState) compute(e ast.Expr) ([]int, bool) {
	t := s.c.info.Types[e]
	if t == nil {
		return nil, false
	}
	if _, ok := t.(ir.Scalar); ok {
		// Scalars broadcast as shape (); only their evaluation matters
		// for errors inside them, which the walk visits separately.
		return []int{}, true
	}
	if _, ok := t.(*ir.Array); !ok {
		return nil, false
	}
	switch x := e.(type) {
	case *ast.Name:
		return s.local(x)
	case *ast.UnaryOp:
		return s.shape(x.Operand)
	case *ast.BinOp:
		if s.c.info.MatMul[x] {
			return nil, false
		}
		return s.broadcast(x, true, x.Left, x.Right)
	case *ast.Compare:
		if len(x.Ops) != 1 {
			return nil, false
		}
		switch x.Ops[0] {
		case ast.Lt, ast.LtE, ast.Gt, ast.GtE:
			return s.broadcast(x, true, x.Left, x.Comparators[0])
		}
		// numpy 1.24's == and != of unbroadcastable arrays warn and
		// give False instead of raising.
		return nil, false
	case *ast.Call:
		return s.call(x)
	}
	return nil, false
}

// local is the static shape of a local with one plain definition.
func (s *shapeState) local(n *ast.Name) ([]int, bool) {
	if _, ok := s.c.info.Uses[n].(*Local); !ok {
		return nil, false
	}
	name := string(n.Id)
	v, ok := s.single[name]
	if !ok || s.bad[name] {
		return nil, false
	}
	if r, seen := s.locals[name]; seen {
		if r == nil {
			return nil, false // defined in terms of itself
		}
		return r.dims, r.ok
	}
	s.locals[name] = nil
	d, ok := s.shape(v)
	s.locals[name] = &shapeResult{d, ok}
	return d, ok
}

// broadcast applies numpy's broadcasting rule to the operands' shapes;
// with report set, a certain failure is a compile error at node.
func (s *shapeState) broadcast(node ast.Ast, report bool, ops ...ast.Expr) ([]int, bool) {
	shapes := make([][]int, len(ops))
	for i, o := range ops {
		d, ok := s.shape(o)
		if !ok {
			return nil, false
		}
		shapes[i] = d
	}
	rank := 0
	for _, d := range shapes {
		rank = max(rank, len(d))
	}
	out := make([]int, rank)
	for i := range out {
		out[i] = 1
	}
	for _, d := range shapes {
		for i, n := range d {
			j := rank - len(d) + i
			switch {
			case n == out[j] || n == 1:
			case out[j] == 1:
				out[j] = n
			default:
				if report {
					strs := make([]string, len(shapes))
					for k, sh := range shapes {
						strs[k] = shapeString(sh)
					}
					s.c.errorf(node, "operands could not be broadcast together with shapes %s", strings.Join(strs, " "))
				}
				return nil, false
			}
		}
	}
	return out, true
}

// shapeString prints a shape as numpy's broadcast error does: (3,),
// (2,3), ().
func shapeString(d []int) string {
	if len(d) == 1 {
		return fmt.Sprintf("(%d,)", d[0])
	}
	strs := make([]string, len(d))
	for i, n := range d {
		strs[i] = fmt.Sprint(n)
	}
	return "(" + strings.Join(strs, ",") + ")"
}

// constInt is e's value when it is a constant int (not a bool).
func (s *shapeState) constInt(e ast.Expr) (int, bool) {
	if e == nil {
		return 0, false
	}
	v, ok := s.c.constValue(e).(int64)
	if !ok || v > 1<<40 || v < -(1<<40) {
		return 0, false
	}
	return int(v), true
}

// extents reads a constant shape argument: an int or a tuple of ints,
// all non-negative (numpy rejects negative ones itself).
func (s *shapeState) extents(e ast.Expr) ([]int, bool) {
	if tu, ok := e.(*ast.Tuple); ok {
		d := make([]int, len(tu.Elts))
		for i, x := range tu.Elts {
			n, ok := s.constInt(x)
			if !ok || n < 0 {
				return nil, false
			}
			d[i] = n
		}
		return d, true
	}
	n, ok := s.constInt(e)
	if !ok || n < 0 {
		return nil, false
	}
	return []int{n}, true
}

// call is the static shape of a numpy call.
func (s *shapeState) call(e *ast.Call) ([]int, bool) {
	ci := s.c.info.Calls[e]
	if ci == nil || ci.Kind != CallNumpy || ci.Recv != nil {
		return nil, false
	}
	args := ci.Args
	arg := func(i int) ast.Expr {
		if i < len(args) {
			return args[i]
		}
		return nil
	}
	switch ci.Row.Shape {
	case numpy.ShapeExtents:
		if arg(0) == nil {
			return nil, false
		}
		return s.extents(arg(0))
	case numpy.ShapeOperand:
		if arg(0) == nil {
			return nil, false
		}
		return s.shape(arg(0))
	case numpy.ShapeArange:
		return s.arange(ci)
	case numpy.ShapeLinspace:
		num := 50
		if n := ci.Kwargs["num"]; n != nil {
			v, ok := s.constInt(n)
			if !ok || v < 0 {
				return nil, false
			}
			num = v
		}
		return []int{num}, true
	case numpy.ShapeEye:
		n, ok := s.constInt(arg(0))
		if !ok || n < 0 {
			return nil, false
		}
		m := n
		if me := ci.Kwargs["M"]; me != nil {
			if _, isNone := me.(*ast.NameConstant); isNone {
				return nil, false
			}
			if m, ok = s.constInt(me); !ok || m < 0 {
				return nil, false
			}
		}
		return []int{n, m}, true
	case numpy.ShapeLiteral:
		if l, ok := arg(0).(*ast.List); ok {
			return s.literal(l)
		}
		if arg(0) == nil {
			return nil, false
		}
		return s.shape(arg(0))
	case numpy.ShapeBroadcast:
		if len(args) < 2 {
			return nil, false
		}
		return s.broadcast(e, true, args...)
	case numpy.ShapeClip:
		// np.clip's error text is not checked here: leave the failure
		// to run time, but keep a shape that is certain.
		if len(args) != 3 {
			return nil, false
		}
		return s.broadcast(e, false, args...)
	}
	return nil, false
}

// arange's length by numpy's rule, ceil((stop - start) / step) clamped at
// 0, for constant int arguments only.
func (s *shapeState) arange(ci *CallInfo) ([]int, bool) {
	for k := range ci.Kwargs {
		if k != "dtype" {
			return nil, false
		}
	}
	vals := make([]int, len(ci.Args))
	for i, a := range ci.Args {
		v, ok := s.constInt(a)
		if !ok {
			return nil, false
		}
		vals[i] = v
	}
	start, stop, step := 0, 0, 1
	switch len(vals) {
	case 1:
		stop = vals[0]
	case 2:
		start, stop = vals[0], vals[1]
	case 3:
		start, stop, step = vals[0], vals[1], vals[2]
	default:
		return nil, false
	}
	if step == 0 {
		return nil, false
	}
	d := stop - start
	var n int
	if step > 0 {
		n = (d + step - 1) / step
		if d <= 0 {
			n = 0
		}
	} else {
		n = (-d + -step - 1) / -step
		if d >= 0 {
			n = 0
		}
	}
	return []int{max(n, 0)}, true
}

// literal is the shape of a rectangular nested list literal of scalars.
func (s *shapeState) literal(l *ast.List) ([]int, bool) {
	if len(l.Elts) == 0 {
		return []int{0}, true
	}
	var inner []int
	for i, x := range l.Elts {
		var d []int
		if sub, ok := x.(*ast.List); ok {
			var ok2 bool
			if d, ok2 = s.literal(sub); !ok2 {
				return nil, false
			}
		} else if _, isS := s.c.info.Types[x].(ir.Scalar); isS {
			d = []int{}
		} else {
			return nil, false
		}
		if i == 0 {
			inner = d
		} else if !equalInts(inner, d) {
			return nil, false
		}
	}
	return append([]int{len(l.Elts)}, inner...), true
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
