package lower

// Tuples as values.
//
// A tuple is held as the flattened values of its elements (flatTypes):
// nested tuples are as many variables as their scalar and array leaves,
// and tuple's result is always that flat list. An element with a constant
// index is its slice of the list; an element with an index known only at
// run time (typeinfer allows it when the elements have one type) is
// chosen by an if chain after Python's IndexError check. Comparisons go
// element by element as Python's do: == and != need every pair equal,
// the ordering operators decide on the first pair that differs.

import (
	"github.com/go-python/gpython/ast"
	"github.com/go-python/gpython/py"

	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/typeinfer"
)

// tuple lowers a tuple-valued expression into its flattened values.
func (l *fnLowerer) tuple(e ast.Expr) []ir.Expr {
	switch e := e.(type) {
	case *ast.Tuple:
		pos := l.pos(e)
		parts := make([][]ir.Expr, len(e.Elts))
		bufs := make([][]ir.Stmt, len(e.Elts))
		for i, x := range e.Elts {
			bufs[i] = l.block(func() {
				if _, ok := l.typeOf(x).(*ir.Tuple); ok {
					parts[i] = l.tuple(x)
				} else {
					parts[i] = []ir.Expr{l.expr(x)}
				}
			})
		}
		// Python's left-to-right order, as seq keeps it.
		var out []ir.Expr
		for i := range parts {
			*l.cur = append(*l.cur, bufs[i]...)
			later := false
			for j := i + 1; j < len(parts); j++ {
				later = later || len(bufs[j]) > 0
			}
			for k, v := range parts[i] {
				if later && v != nil && mayHaveEffects(v) {
					parts[i][k] = l.spill(v, pos)
				}
			}
			out = append(out, parts[i]...)
		}
		return out
	case *ast.Name:
		loc := l.local(e)
		var out []ir.Expr
		for _, v := range l.vars[loc] {
			out = append(out, ir.Ref(v))
		}
		return out
	case *ast.Call:
		ci := l.info.Calls[e]
		if ci != nil && ci.Kind == typeinfer.CallFunc {
			return l.callFunc(e, ci, nil, false)
		}
		if ci != nil && ci.Kind == typeinfer.CallBuiltin && ci.Name == "divmod" {
			return l.divmod(e, ci)
		}
		if isLinalgCall(ci) {
			return l.linalgCall(e, ci)
		}
		if ci != nil && ci.Row != nil && npLowerings[ci.Row.Name].tuple != nil {
			return npLowerings[ci.Row.Name].tuple(l, e, ci, l.pos(e))
		}
	case *ast.Attribute:
		if ai := l.info.Attrs[e]; ai != nil && ai.Kind == typeinfer.AttrShape {
			return l.shapeTuple(e.Value)
		}
	case *ast.IfExp:
		if _, ok := l.typeOf(e).(*ir.Tuple); ok {
			t := l.typeOf(e)
			return l.ifExp(e, flatTypes(t), func(x ast.Expr) []ir.Expr { return l.values(x, t) })
		}
	case *ast.Subscript:
		return l.tupleSubscript(e)
	}
	l.errorf(e, "unsupported: tuple value %T", e)
	return nil
}

// tupleSubscript lowers t[i] of a tuple: the values of element i.
func (l *fnLowerer) tupleSubscript(e *ast.Subscript) []ir.Expr {
	tt, ok := l.typeOf(e.Value).(*ir.Tuple)
	idx, isIdx := e.Slice.(*ast.Index)
	if !ok || !isIdx {
		l.errorf(e, "unsupported: subscript of a %s", l.typeOf(e.Value))
	}
	pos := l.pos(e)
	if i, ok := constIndex(idx.Value); ok {
		if i < 0 {
			i += int64(len(tt.Elems))
		}
		if i < 0 || i >= int64(len(tt.Elems)) {
			l.errorf(e, "tuple index out of range")
		}
		vals := l.tuple(e.Value)
		at := 0
		for j := 0; j < int(i); j++ {
			at += len(flatTypes(tt.Elems[j]))
		}
		return vals[at : at+len(flatTypes(tt.Elems[i]))]
	}
	// A variable index: the elements have one type (typeinfer), one value
	// each.
	et := l.typeOf(e)
	vals := l.tuple(e.Value)
	for i := range vals {
		vals[i] = l.simple(convTo(vals[i], et), pos)
	}
	k := l.simple(cv(l.expr(idx.Value), ir.Int64), pos)
	n := ir.Int(int64(len(vals)))
	kk := l.temp(ir.Int64)
	l.emit(&ir.Assign{Dst: kk, Src: k, Pos: pos})
	l.emit(&ir.If{Cond: ir.Bin(ir.Lt, k, ir.Int(0)), Then: &ir.Block{Stmts: []ir.Stmt{
		&ir.Assign{Dst: kk, Src: ir.Bin(ir.Add, k, n), Pos: pos}}}, Pos: pos})
	l.check(and(ir.Bin(ir.Ge, ir.Ref(kk), ir.Int(0)), ir.Bin(ir.Lt, ir.Ref(kk), n)), "IndexError", "tuple index out of range", pos)
	return []ir.Expr{l.selectValue(ir.Ref(kk), vals, et, tt, pos)}
}

// constIndex is the value of an integer literal (possibly negated).
func constIndex(e ast.Expr) (int64, bool) {
	switch n := e.(type) {
	case *ast.Num:
		if v, ok := n.N.(py.Int); ok {
			return int64(v), true
		}
	case *ast.UnaryOp:
		if n.Op == ast.USub {
			if v, ok := constIndex(n.Operand); ok {
				return -v, true
			}
		}
	}
	return 0, false
}

// tupleCompare lowers `a op b` on two tuples (types ta, tb; values flat).
func (l *fnLowerer) tupleCompare(op ast.CmpOp, a []ir.Expr, ta *ir.Tuple, b []ir.Expr, tb *ir.Tuple, pos ir.Pos) ir.Expr {
	for i := range a {
		a[i] = l.simple(a[i], pos)
	}
	for i := range b {
		b[i] = l.simple(b[i], pos)
	}
	// The leaves in order, as scalar pairs with their common type.
	type pair struct{ x, y ir.Expr }
	var pairs []pair
	var walk func(ta, tb *ir.Tuple, ai, bi int) (int, int)
	walk = func(ta, tb *ir.Tuple, ai, bi int) (int, int) {
		for i := 0; i < len(ta.Elems) && i < len(tb.Elems); i++ {
			xt, xtup := ta.Elems[i].(*ir.Tuple)
			yt, ytup := tb.Elems[i].(*ir.Tuple)
			if xtup && ytup {
				ai, bi = walk(xt, yt, ai, bi)
				continue
			}
			xs, _ := ta.Elems[i].(ir.Scalar)
			ys, _ := tb.Elems[i].(ir.Scalar)
			ct := promote(xs, ys)
			x, y := a[ai], b[bi]
			if rx, ok := x.(*ir.VarRef); ok {
				if ry, ok := y.(*ir.VarRef); ok && rx.V == ry.V {
					// t == t: C compilers reject a variable compared with
					// itself (NaN makes it meaningful here).
					y = l.spill(y, pos)
				}
			}
			pairs = append(pairs, pair{cv(x, ct), cv(y, ct)})
			ai++
			bi++
		}
		return ai, bi
	}
	walk(ta, tb, 0, 0)
	sameShape := len(ta.Elems) == len(tb.Elems) && ir.Identical(shapeOnly(ta), shapeOnly(tb))
	switch op {
	case ast.Eq, ast.NotEq:
		var eq ir.Expr = ir.BoolConst(sameShape)
		if sameShape {
			for i, p := range pairs {
				c := ir.Bin(ir.Eq, p.x, p.y)
				if i == 0 {
					eq = c
				} else {
					eq = and(eq, c)
				}
			}
		}
		if op == ast.NotEq {
			return not(eq)
		}
		return eq
	}
	// The ordering operators: the first pair that is not equal decides;
	// when all are, the lengths do (nested tuples of one shape here).
	lenRes := map[ast.CmpOp]bool{ast.Lt: len(ta.Elems) < len(tb.Elems), ast.LtE: len(ta.Elems) <= len(tb.Elems),
		ast.Gt: len(ta.Elems) > len(tb.Elems), ast.GtE: len(ta.Elems) >= len(tb.Elems)}[op]
	res := l.temp(ir.Bool)
	var chain []ir.Stmt = []ir.Stmt{&ir.Assign{Dst: res, Src: ir.BoolConst(lenRes), Pos: pos}}
	for i := len(pairs) - 1; i >= 0; i-- {
		p := pairs[i]
		chain = []ir.Stmt{&ir.If{Cond: not(ir.Bin(ir.Eq, p.x, p.y)), Pos: pos,
			Then: &ir.Block{Stmts: []ir.Stmt{&ir.Assign{Dst: res, Src: ir.Bin(cmpOps[op], p.x, p.y), Pos: pos}}},
			Else: &ir.Block{Stmts: chain}}}
	}
	*l.cur = append(*l.cur, chain...)
	return ir.Ref(res)
}

// shapeOnly is a tuple type with every scalar replaced by bool: the
// nesting two tuples must share to compare element by element.
func shapeOnly(t *ir.Tuple) ir.Type {
	out := &ir.Tuple{}
	for _, e := range t.Elems {
		if et, ok := e.(*ir.Tuple); ok {
			out.Elems = append(out.Elems, shapeOnly(et))
		} else {
			out.Elems = append(out.Elems, ir.Bool)
		}
	}
	return out
}

// effectsTuple evaluates a tuple only for its effects (len(t) needs no
// values): names and literals have none.
func (l *fnLowerer) effectsTuple(e ast.Expr) {
	switch e.(type) {
	case *ast.Name, *ast.Attribute:
		return
	}
	l.tuple(e)
}
