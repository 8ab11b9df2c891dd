package typeinfer

import (
	"fmt"
	"sort"

	"github.com/go-python/gpython/ast"

	"github.com/pyc2go/pyc2go/frontend"
	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/numpy"
)

// numpy.typing's NDArray[np.float64] gives a dtype but no rank. While the
// annotations are read, such a type is an *ir.Array of Rank 0 (no real
// array has rank 0 here); before the bodies are checked, every one is
// resolved:
//
//   - a parameter's rank comes from its uses in the body (see rankUses);
//   - an annotated local's and the result's `-> npt.NDArray[...]` come from
//     the values assigned/returned, as for unannotated ones; after
//     inference their dtype must be the annotated one.

// isNDArrayName reports whether e names numpy.typing.NDArray: npt.NDArray
// (import numpy.typing as npt), NDArray (from numpy.typing import
// NDArray) or np.typing.NDArray.
func (c *checker) isNDArrayName(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Name:
		o, ok := c.globals[string(e.Id)].(*Imported)
		return ok && o.Module == "numpy.typing" && o.Name == "NDArray"
	case *ast.Attribute:
		if e.Attr != "NDArray" {
			return false
		}
		switch v := e.Value.(type) {
		case *ast.Name:
			m, ok := c.globals[string(v.Id)].(*Module)
			return ok && m.Path == "numpy.typing"
		case *ast.Attribute:
			n, ok := v.Value.(*ast.Name)
			if !ok || v.Attr != "typing" {
				return false
			}
			m, ok := c.globals[string(n.Id)].(*Module)
			return ok && m.Path == "numpy"
		}
	}
	return false
}

// ndarrayAnnotation reads NDArray[DTYPE]: a rank-0 *ir.Array stands for
// "rank to infer".
func (c *checker) ndarrayAnnotation(e *ast.Subscript) (ir.Type, bool) {
	idx, ok := e.Slice.(*ast.Index)
	bad := func() (ir.Type, bool) {
		c.errorAt(c.pos(e), "unsupported npt.NDArray annotation; give one numpy scalar type, as in npt.NDArray[np.float64]")
		return nil, false
	}
	if !ok {
		return bad()
	}
	var name string
	switch d := idx.Value.(type) {
	case *ast.Attribute:
		n, ok := d.Value.(*ast.Name)
		if !ok {
			return bad()
		}
		if m, ok := c.globals[string(n.Id)].(*Module); !ok || m.Path != "numpy" {
			return bad()
		}
		name = string(d.Attr)
	case *ast.Name:
		o, ok := c.globals[string(d.Id)].(*Imported)
		if !ok || o.Module != "numpy" {
			return bad()
		}
		name = o.Name
	default:
		return bad()
	}
	t, ok := numpyScalar(name)
	if !ok {
		c.errorAt(c.pos(idx.Value), "%s", unknownDtype(name))
		return nil, false
	}
	return &ir.Array{Elem: t}, true
}

// isReduction reports whether np.NAME or a.NAME is a reduction, whose
// axis=k says the array has at least k+1 axes.
func isReduction(name string) bool {
	r := numpy.Lookup(name)
	if r == nil {
		r = numpy.LookupMethod(name)
	}
	return r != nil && r.Kind == numpy.Reduction
}

func isRankless(t ir.Type) (*ir.Array, bool) {
	a, ok := t.(*ir.Array)
	return a, ok && a.Rank == 0
}

// ndPending is an NDArray-annotated name whose rank or dtype is settled
// later.
type ndPending struct {
	fn    *Func
	l     *Local // nil for the result
	elem  ir.Scalar
	annot frontend.Pos
}

func ndSpelling(elem ir.Scalar) string { return "npt.NDArray[np." + npName(elem) + "]" }

func npName(s ir.Scalar) string {
	for _, r := range numpy.Rows() {
		if r.Kind == numpy.Type && r.Scalar == s {
			return r.Name
		}
	}
	return s.String()
}

// rankFact is one use of a parameter that says something about its rank.
type rankFact struct {
	rank  int
	exact bool
	pos   frontend.Pos
	why   string
}

// rankUses lists what the uses of name in body say about its rank: a
// subscript chain with n items needs at least n axes (a[i] 1, m[i, j] and
// m[i][j] 2), m.shape[k] and axis=k (of a method of a, or of a function
// whose first argument is a) at least k+1, len(a) and `for x in a` at
// least 1;
// `r, c = m.shape` exactly 2, and passing it to a parameter whose rank is
// known exactly that rank.
func (c *checker) rankUses(name string, body []ast.Stmt) []rankFact {
	return c.rankUsesDepth(name, body, 0)
}

// rankUsesDepth also follows aliases: `row = m[i]` or `for row in m`
// make row's uses facts about m, shifted by the axes the alias removed.
// depth bounds chains of aliases (and cycles such as a = b; b = a).
func (c *checker) rankUsesDepth(name string, body []ast.Stmt, depth int) []rankFact {
	var facts []rankFact
	type alias struct {
		name  string
		shift int
	}
	var aliases []alias
	isIt := func(e ast.Expr) bool {
		n, ok := e.(*ast.Name)
		return ok && string(n.Id) == name
	}
	// chain returns (needed axes, true) for a subscript chain on name.
	var chain func(s *ast.Subscript) (need, consumed int, ok bool)
	chain = func(s *ast.Subscript) (int, int, bool) {
		need, consumed := 0, 0
		switch v := s.Value.(type) {
		case *ast.Subscript:
			n, k, ok := chain(v)
			if !ok {
				return 0, 0, false
			}
			need, consumed = n, k
		default:
			if !isIt(v) {
				return 0, 0, false
			}
		}
		items, ints, nones := sliceAxes(s.Slice)
		need = max(need, consumed+items)
		return need, consumed + ints - nones, true
	}
	for _, st := range body {
		ast.Walk(st, func(n ast.Ast) bool {
			switch n := n.(type) {
			case *ast.Subscript:
				if need, _, ok := chain(n); ok && need > 0 {
					facts = append(facts, rankFact{rank: need, pos: c.pos(n), why: fmt.Sprintf("indexed with %d %s", need, map[bool]string{true: "item", false: "items"}[need == 1])})
				}
				if at, ok := n.Value.(*ast.Attribute); ok && at.Attr == "shape" && isIt(at.Value) {
					if idx, ok := n.Slice.(*ast.Index); ok {
						if k, ok := idx.Value.(*ast.Num); ok {
							if v, ok := c.constValue(k).(int64); ok && v >= 0 {
								facts = append(facts, rankFact{rank: int(v) + 1, pos: c.pos(n), why: fmt.Sprintf("used as %s.shape[%d]", name, v)})
							}
						}
					}
				}
			case *ast.Assign:
				if len(n.Targets) == 1 {
					if t, ok := n.Targets[0].(*ast.Name); ok && string(t.Id) != name {
						switch v := n.Value.(type) {
						case *ast.Name:
							if isIt(v) {
								aliases = append(aliases, alias{string(t.Id), 0})
							}
						case *ast.Subscript:
							if _, shift, ok := chain(v); ok {
								aliases = append(aliases, alias{string(t.Id), shift})
							}
						}
					}
				}
				if at, ok := n.Value.(*ast.Attribute); ok && at.Attr == "shape" && isIt(at.Value) && len(n.Targets) == 1 {
					if tup, ok := n.Targets[0].(*ast.Tuple); ok {
						facts = append(facts, rankFact{rank: len(tup.Elts), exact: true, pos: c.pos(n), why: fmt.Sprintf("%s.shape unpacked into %d names, which needs %s array", name, len(tup.Elts), aRank(len(tup.Elts)))})
					}
				}
			case *ast.For:
				if isIt(n.Iter) {
					facts = append(facts, rankFact{rank: 1, pos: c.pos(n.Iter), why: "iterated"})
					if t, ok := n.Target.(*ast.Name); ok && string(t.Id) != name {
						aliases = append(aliases, alias{string(t.Id), 1})
					}
				}
			case *ast.Call:
				// a.sum(axis=k), np.sum(a, axis=k): at least k+1 axes
				// (-k for a negative k).
				// Only reductions: elsewhere (expand_dims, stack) an axis
				// may count the result's axes.
				of := false
				if at, ok := n.Func.(*ast.Attribute); ok && isReduction(string(at.Attr)) {
					of = isIt(at.Value) || len(n.Args) > 0 && isIt(n.Args[0])
				}
				for _, k := range n.Keywords {
					if !of || k.Arg != "axis" {
						continue
					}
					v, ok := c.constValue(k.Value).(int64)
					if !ok {
						continue
					}
					need := int(v) + 1
					if v < 0 {
						need = int(-v)
					}
					facts = append(facts, rankFact{rank: need, pos: c.pos(k.Value), why: fmt.Sprintf("reduced along axis=%d", v)})
				}
				f, ok := n.Func.(*ast.Name)
				if !ok {
					return true
				}
				if f.Id == "len" && len(n.Args) == 1 && isIt(n.Args[0]) {
					if _, shadow := c.globals["len"]; !shadow {
						facts = append(facts, rankFact{rank: 1, pos: c.pos(n), why: "passed to len()"})
					}
				}
				callee, ok := c.globals[string(f.Id)].(*Func)
				if !ok || len(c.overloads[callee.PyName]) > 1 {
					return true
				}
				check := func(p *Local, arg ast.Expr) {
					if a, ok := p.Type.(*ir.Array); ok && a.Rank > 0 && isIt(arg) {
						facts = append(facts, rankFact{rank: a.Rank, exact: true, pos: c.pos(arg), why: fmt.Sprintf("passed as parameter '%s' of %s(), declared %s", p.Name, callee.Name, arrayPyName(a))})
					}
				}
				for i, a := range n.Args {
					if i < len(callee.Params) {
						check(callee.Params[i], a)
					}
				}
				for _, k := range n.Keywords {
					for _, p := range callee.Params {
						if p.Name == string(k.Arg) {
							check(p, k.Value)
						}
					}
				}
			}
			return true
		})
	}
	if depth < 3 {
		for _, a := range aliases {
			for _, f := range c.rankUsesDepth(a.name, body, depth+1) {
				if f.rank+a.shift <= 0 {
					continue
				}
				f.why = fmt.Sprintf("%s through its alias '%s'", f.why, a.name)
				f.rank += a.shift
				facts = append(facts, f)
			}
		}
	}
	return facts
}

// sliceAxes counts the items of a subscript that address an axis (items)
// and those among them that remove it (ints: integer indexes); None adds
// an axis and addresses none, an Ellipsis none.
func sliceAxes(s ast.Slicer) (items, ints, nones int) {
	var item func(s ast.Slicer)
	expr := func(e ast.Expr) {
		switch e := e.(type) {
		case *ast.Ellipsis:
		case *ast.NameConstant:
			// None (np.newaxis spelled None) addresses no axis.
			if e.Value.Type().Name != "NoneType" {
				items++
				ints++
			} else {
				nones++
			}
		default:
			items++
			ints++
		}
	}
	item = func(s ast.Slicer) {
		switch s := s.(type) {
		case *ast.Index:
			if t, ok := s.Value.(*ast.Tuple); ok {
				for _, e := range t.Elts {
					expr(e)
				}
				return
			}
			expr(s.Value)
		case *ast.Slice:
			items++
		case *ast.ExtSlice:
			for _, d := range s.Dims {
				item(d)
			}
		}
	}
	item(s)
	return items, ints, nones
}

// resolveRanks gives every NDArray-annotated parameter its rank, iterated
// to a fixed point because passing one to another function's parameter
// fixes its rank once that parameter's is known.
func (c *checker) resolveRanks() {
	var params []ndPending
	for _, p := range c.ndPending {
		if p.l != nil && p.l.Param {
			params = append(params, p)
		}
	}
	if len(params) == 0 {
		return
	}
	for changed := true; changed; {
		changed = false
		for _, p := range params {
			if _, open := isRankless(p.l.Type); !open {
				continue
			}
			for _, f := range c.rankUses(p.l.Name, p.fn.Def.Body) {
				if f.exact {
					p.l.Type = &ir.Array{Elem: p.elem, Rank: f.rank}
					changed = true
					break
				}
			}
		}
	}
	for _, p := range params {
		fs := c.rankUses(p.l.Name, p.fn.Def.Body)
		sort.SliceStable(fs, func(i, j int) bool {
			a, b := fs[i].pos, fs[j].pos
			return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
		})
		var exact, lower *rankFact
		ok := true
		for i := range fs {
			f := &fs[i]
			switch {
			case f.exact && exact == nil:
				exact = f
			case f.exact && f.rank != exact.rank:
				c.errorAt(f.pos, "conflicting ranks for '%s' (annotated %s at %s): here it is %s, which needs %s array, but at %s it is %s", p.l.Name, ndSpelling(p.elem), p.annot, f.why, aRank(f.rank), exact.pos, exact.why)
				ok = false
			case !f.exact && (lower == nil || f.rank > lower.rank):
				lower = f
			}
		}
		if exact != nil && lower != nil && lower.rank > exact.rank {
			c.errorAt(lower.pos, "conflicting ranks for '%s' (annotated %s at %s): here it is %s, which needs at least %d axes, but at %s it is %s", p.l.Name, ndSpelling(p.elem), p.annot, lower.why, lower.rank, exact.pos, exact.why)
			ok = false
		}
		rank := 0
		switch {
		case exact != nil:
			rank = exact.rank
		case lower != nil:
			rank = lower.rank
		}
		if rank > 4 {
			c.errorAt(p.annot, "unsupported: arrays of rank %d; ranks 1 to 4 are supported", rank)
			ok = false
		}
		if rank == 0 {
			c.errorAt(p.annot, "cannot infer the rank of '%s' (npt.NDArray has none); index it or annotate it as \"%s[:, :]\"", p.l.Name, npName(p.elem))
			ok = false
		}
		if !ok {
			p.l.Type = nil
			continue
		}
		p.l.Type = &ir.Array{Elem: p.elem, Rank: rank}
	}
}

func aRank(n int) string { return "a " + rankWord(n) }

// checkNDResults checks, after inference, that the NDArray-annotated
// locals and results hold arrays of the annotated dtype.
func (c *checker) checkNDResults() {
	for _, p := range c.ndPending {
		if p.l != nil && p.l.Param {
			continue
		}
		var t ir.Type
		what := ""
		if p.l == nil {
			t = p.fn.Result
			what = fmt.Sprintf("%s() returns", p.fn.Name)
		} else {
			t = p.l.Type
			what = fmt.Sprintf("'%s' holds", p.l.Name)
		}
		a, ok := t.(*ir.Array)
		switch {
		case t == nil:
		case !ok:
			c.errorAt(p.annot, "%s %s but is annotated %s", what, pyName(t), ndSpelling(p.elem))
		case a.Elem != p.elem:
			c.errorAt(p.annot, "%s %s but is annotated %s", what, arrayPyName(a), ndSpelling(p.elem))
		}
	}
}
