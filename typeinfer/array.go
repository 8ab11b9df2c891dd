package typeinfer

import (
	"fmt"
	"strings"

	"github.com/go-python/gpython/ast"

	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/numpy"
)

const knownDtypes = "bool int8 int16 int32 int64 uint8 uint16 uint32 uint64 float32 float64 complex64 complex128 (or b1 i1 i2 i4 i8 u1 u2 u4 u8 f4 f8 c8 c16)"

// unknownDtype is the message for a dtype name pyc2go lacks.
func unknownDtype(name string) string {
	switch name {
	case "float16", "f2", "half", "longdouble", "float128", "complex256", "clongdouble":
		return fmt.Sprintf("unsupported dtype '%s'; known: %s", name, knownDtypes)
	}
	return fmt.Sprintf("unknown dtype '%s'; known: %s", name, knownDtypes)
}

// parseArrayType parses an array annotation string such as "float64[:]",
// "f8[:, :]" or "float64[:, ::1]" (the last axis C-contiguous), ranks 1-4.
func parseArrayType(s string) (*ir.Array, string) {
	form := "write an array type as DTYPE[:], DTYPE[:, :], ... (up to 4 axes), with ::1 allowed on the last axis, as in \"float64[:, ::1]\""
	open := strings.IndexByte(s, '[')
	if open < 0 || !strings.HasSuffix(s, "]") {
		return nil, "bad array type annotation \"" + s + "\"; " + form
	}
	name := strings.TrimSpace(s[:open])
	name = strings.TrimPrefix(strings.TrimPrefix(name, "np."), "numpy.")
	elem, ok := dtypeName(name)
	if !ok {
		return nil, unknownDtype(name)
	}
	dims := strings.Split(s[open+1:len(s)-1], ",")
	a := &ir.Array{Elem: elem, Rank: len(dims)}
	for i, d := range dims {
		switch strings.ReplaceAll(d, " ", "") {
		case ":":
		case "::1":
			if i != len(dims)-1 {
				return nil, "bad array type annotation \"" + s + "\": only the last axis may be declared contiguous (::1)"
			}
			a.Contig = true
		default:
			return nil, "bad array type annotation \"" + s + "\"; " + form
		}
	}
	if a.Rank > 4 {
		return nil, fmt.Sprintf("unsupported: arrays of rank %d; ranks 1 to 4 are supported", a.Rank)
	}
	return a, ""
}

// arrayPyName is how messages spell an array type.
func arrayPyName(a *ir.Array) string { return numpy.ArrayName(a) }

func rankWord(n int) string { return fmt.Sprintf("%d-dimensional", n) }

// isArr returns t as an array.
func isArr(t ir.Type) (*ir.Array, bool) {
	a, ok := t.(*ir.Array)
	return a, ok
}

// constScalarValue returns the value of a folded constant as numpy.Scalar
// holds it.
func constScalarValue(v cval) any {
	switch v.Type {
	case ir.Bool:
		return truthy(v)
	case ir.Int64:
		return v.asInt()
	case ir.Float64:
		return v.asFloat()
	case ir.Complex128:
		return v.asComplex()
	}
	return nil
}

// constValue is the value of a constant scalar expression (a literal,
// a negated one, a module constant or math.pi and the like), or nil.
func (c *checker) constValue(e ast.Expr) any {
	switch x := e.(type) {
	case *ast.Num, *ast.NameConstant:
		v, msg, ok := literal(e)
		if ok && msg == "" {
			return constScalarValue(v)
		}
	case *ast.UnaryOp:
		if x.Op == ast.USub || x.Op == ast.UAdd {
			v := c.constValue(x.Operand)
			if v == nil {
				return nil
			}
			r, msg := foldUnary(x.Op, anyCval(v))
			if msg != "" {
				return nil
			}
			return constScalarValue(r)
		}
	case *ast.BinOp:
		// Constant arithmetic such as 1.0 / 3 or 2 ** 10, folded with
		// Python's rules (the value decides numpy's result dtype).
		l, r := c.constValue(x.Left), c.constValue(x.Right)
		if l == nil || r == nil {
			return nil
		}
		v, msg := foldBinary(opNames[x.Op], anyCval(l), anyCval(r))
		if msg != "" {
			return nil
		}
		return constScalarValue(v)
	case *ast.Name:
		if !c.isLocal(string(x.Id)) {
			if k, ok := c.globals[string(x.Id)].(*Const); ok && k.Type != ir.Invalid {
				return constScalarValue(cval{k.Type, k.Value})
			}
		}
	case *ast.Attribute:
		if n, m := c.moduleOf(x.Value); m != nil && n != nil {
			if v, ok := moduleConst(m.Path, string(x.Attr)); ok {
				return constScalarValue(v)
			}
		}
	}
	return nil
}

// elementwise types `l op r` where at least one side is an array: op is an
// operator or a named binary ufunc. Shapes broadcast at run time; only the
// rank (the larger one) is static. The result is a fresh C-contiguous array.
func (c *checker) elementwise(node ast.Ast, op string, l, r ir.Type, le, re ast.Expr) ir.Type {
	la, lArr := isArr(l)
	ra, rArr := isArr(r)
	var k ir.Scalar
	var msg string
	var guard *numpy.ValueGuard
	var scalar ast.Expr // the scalar operand, guarded
	rank := 0
	switch {
	case lArr && rArr:
		k, msg = numpy.BinaryDType(op, la.Elem, ra.Elem)
		rank = max(la.Rank, ra.Rank)
	case lArr:
		rs, ok := r.(ir.Scalar)
		if !ok {
			c.errorf(node, "unsupported operand type(s) for %s: '%s' and '%s'", op, pyName(l), pyName(r))
			return nil
		}
		k, guard, msg = numpy.ScalarDType(op, la.Elem, numpy.Scalar{Kind: rs, Value: c.constValue(re)}, false)
		rank, scalar = la.Rank, re
	case rArr:
		ls, ok := l.(ir.Scalar)
		if !ok {
			c.errorf(node, "unsupported operand type(s) for %s: '%s' and '%s'", op, pyName(l), pyName(r))
			return nil
		}
		k, guard, msg = numpy.ScalarDType(op, ra.Elem, numpy.Scalar{Kind: ls, Value: c.constValue(le)}, true)
		rank, scalar = ra.Rank, le
	}
	if msg != "" {
		c.errorf(node, "%s%s", msg, c.why(le, l, re, r))
		return nil
	}
	if guard != nil && c.final {
		c.guard(scalar, guard)
	}
	return &ir.Array{Elem: k, Rank: rank, Contig: true}
}

// guard records that the run-time value of the scalar operand e must
// satisfy g (once per distinct guard: a call may type an operand against
// several others).
func (c *checker) guard(e ast.Expr, g *numpy.ValueGuard) {
	for _, h := range c.info.ValueGuards[e] {
		if h.Message() == g.Message() {
			return
		}
	}
	c.info.ValueGuards[e] = append(c.info.ValueGuards[e], g)
}

// arraySubscript resolves a[...] on an array.
func (c *checker) arraySubscript(e *ast.Subscript, a *ir.Array) ir.Type {
	var items []ast.Slicer
	switch s := e.Slice.(type) {
	case *ast.Index:
		if tup, ok := s.Value.(*ast.Tuple); ok {
			// a[i, j]: the tuple is typed as a tuple of the indexes.
			defer func() {
				elems := make([]ir.Type, len(tup.Elts))
				for i, x := range tup.Elts {
					elems[i] = c.info.Types[x]
					if elems[i] == nil {
						return
					}
				}
				c.record(tup, &ir.Tuple{Elems: elems})
			}()
			for _, x := range tup.Elts {
				items = append(items, &ast.Index{Value: x})
			}
		} else {
			items = []ast.Slicer{s}
		}
	case *ast.Slice:
		items = []ast.Slicer{s}
	case *ast.ExtSlice:
		items = s.Dims
	default:
		c.errorf(e, "unsupported: this kind of subscript")
		return nil
	}
	info := &IndexInfo{}
	ok := true
	ints, newaxes := 0, 0
	lastSliced := false // the last written item is a unit-step slice of the last axis
	lastNew := false    // a new axis comes after a's last axis
	extra := 0          // axes a mask addresses beyond its first
	for _, it := range items {
		// i is the axis of a the item addresses (new axes address none).
		i := len(info.Items) - newaxes + extra
		switch it := it.(type) {
		case *ast.Index:
			if _, isEll := it.Value.(*ast.Ellipsis); isEll {
				c.errorf(it.Value, "unsupported: ellipsis (...) in a subscript")
				ok = false
				continue
			}
			if c.isNewaxis(it.Value) {
				// A new length-1 axis: it indexes none of a's.
				info.Items = append(info.Items, IndexItem{NewAxis: true})
				newaxes++
				if len(info.Items)-newaxes >= a.Rank {
					lastNew = true
				}
				continue
			}
			t := c.expr(it.Value)
			if at, isA := t.(*ir.Array); isA {
				adv, good := c.advancedItem(it.Value, at, info)
				if !good {
					ok = false
					continue
				}
				info.Items = append(info.Items, adv)
				if adv.Mask {
					extra += adv.ArrRank - 1
				}
				continue
			}
			if !c.indexScalar(it.Value, t) {
				ok = false
			}
			info.Items = append(info.Items, IndexItem{Int: it.Value})
			ints++
			if i == a.Rank-1 {
				lastSliced = false
			}
		case *ast.Slice:
			for _, b := range []ast.Expr{it.Lower, it.Upper, it.Step} {
				if b == nil {
					continue
				}
				t := c.expr(b)
				if s, isS := t.(ir.Scalar); t != nil && (!isS || !s.IsInt()) {
					c.errorf(b, "slice indices must be integers or None or have an __index__ method")
					ok = false
				}
			}
			info.Items = append(info.Items, IndexItem{Slice: true, Lower: it.Lower, Upper: it.Upper, Step: it.Step})
			if i == a.Rank-1 {
				v := int64(1)
				if it.Step != nil {
					var isC bool
					v, isC = c.constInt(it.Step)
					if !isC {
						v = 0
					}
				}
				lastSliced = v == 1
			}
		default:
			c.errorf(e, "unsupported: this kind of subscript")
			ok = false
		}
	}
	if len(items)-newaxes+extra > a.Rank {
		c.errorf(e, "too many indices for array: array is %s, but %d were indexed", rankWord(a.Rank), len(items)-newaxes+extra)
		return nil
	}
	if !ok {
		return nil
	}
	if c.final {
		c.info.Index[e] = info
	}
	if info.Advanced() >= 0 {
		return c.advancedType(e, a, info, ints)
	}
	if ints == a.Rank && newaxes == 0 {
		return a.Elem
	}
	rank := a.Rank - ints + newaxes
	if rank > numpy.MaxRank {
		c.errorf(e, "unsupported: arrays of rank %d; ranks 1 to %d are supported", rank, numpy.MaxRank)
		return nil
	}
	// The innermost axis keeps its unit stride if it is untouched or
	// sliced with step 1; a new axis there has stride 0.
	contig := a.Contig && (len(items)-newaxes < a.Rank || lastSliced) && !lastNew
	return &ir.Array{Elem: a.Elem, Rank: rank, Contig: contig}
}

// isNewaxis reports whether e is None or np.newaxis, recording it (typed
// None) when it is.
func (c *checker) isNewaxis(e ast.Expr) bool {
	if isNoneConst(e) {
		c.record(e, ir.None)
		return true
	}
	at, ok := e.(*ast.Attribute)
	if !ok || at.Attr != "newaxis" {
		return false
	}
	n, m := c.moduleOf(at.Value)
	if m == nil || m.Path != "numpy" {
		return false
	}
	c.use(n, m)
	c.record(e, ir.None)
	if c.final {
		c.info.Attrs[at] = &AttrInfo{Kind: AttrNewaxis}
	}
	return true
}

// indexScalar checks an integer index expression.
func (c *checker) indexScalar(e ast.Expr, t ir.Type) bool {
	switch t := t.(type) {
	case nil:
		return false
	case ir.Scalar:
		if t.IsInt() {
			return true
		}
		if t == ir.Bool {
			c.errorf(e, "unsupported: boolean scalar index (numpy treats it as a mask adding an axis)")
			return false
		}
	}
	c.errorf(e, "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices (the index is %s)", pyName(t))
	return false
}

// storeCheck checks storing a value of type vt into an array subscript of
// type tt (an element kind or a view). Array stores cast unsafely as numpy
// does (2.7 stored into an int array is 2), but complex into a real array
// raises (elements) or discards the imaginary part (slices) in numpy:
// both are rejected.
func (c *checker) storeCheck(value ast.Expr, tt, vt ir.Type) {
	if tt == nil || vt == nil {
		return
	}
	var dst ir.Scalar
	dstRank := 0
	switch t := tt.(type) {
	case ir.Scalar:
		dst = t
	case *ir.Array:
		dst, dstRank = t.Elem, t.Rank
	}
	var src ir.Scalar
	switch v := vt.(type) {
	case ir.Scalar:
		src = v
	case *ir.Array:
		if dstRank == 0 {
			c.errorf(value, "setting an array element with a sequence (cannot store a %s into one element)", arrayPyName(v))
			return
		}
		if v.Rank > dstRank {
			c.errorf(value, "could not broadcast a %d-dimensional array into a %d-dimensional destination", v.Rank, dstRank)
			return
		}
		src = v.Elem
	default:
		c.errorf(value, "cannot store a %s value into an array", pyName(vt))
		return
	}
	if src.IsComplex() && !dst.IsComplex() {
		c.errorf(value, "cannot store a complex value into a %s array (numpy raises TypeError or discards the imaginary part)", dst)
	}
}

// attrKinds binds the array attribute rows to what Info records of them.
var attrKinds = map[string]AttrKind{
	"shape": AttrShape, "ndim": AttrNdim, "size": AttrSize, "T": AttrT, "dtype": AttrDtype,
	"real": AttrReal, "imag": AttrImag,
}

// partOperands finds the attributes named real or imag in body that are
// only read as values: operands of operators and comparisons, arguments
// of calls of module attributes (np.sum(z.real)) and of methods,
// receivers of methods other than fill, and returned values. A user
// function's parameter, a name or a subscript could write through (or
// keep) numpy's view.
func partOperands(body []ast.Stmt) map[*ast.Attribute]bool {
	ok := map[*ast.Attribute]bool{}
	mark := func(es ...ast.Expr) {
		for _, e := range es {
			if a, isA := e.(*ast.Attribute); isA && (a.Attr == "real" || a.Attr == "imag") {
				ok[a] = true
			}
		}
	}
	for _, st := range body {
		ast.Walk(st, func(n ast.Ast) bool {
			switch x := n.(type) {
			case *ast.BinOp:
				mark(x.Left, x.Right)
			case *ast.UnaryOp:
				mark(x.Operand)
			case *ast.Compare:
				mark(x.Left)
				mark(x.Comparators...)
			case *ast.Return:
				mark(x.Value)
				if t, isT := x.Value.(*ast.Tuple); isT {
					mark(t.Elts...)
				}
			case *ast.Call:
				f, isAttr := x.Func.(*ast.Attribute)
				if !isAttr {
					break
				}
				if f.Attr != "fill" {
					mark(f.Value)
				}
				mark(x.Args...)
				for _, kw := range x.Keywords {
					mark(kw.Value)
				}
			}
			return true
		})
	}
	return ok
}

// attrArray resolves an attribute of an array value.
func (c *checker) attrArray(e *ast.Attribute, a *ir.Array) ir.Type {
	attr := string(e.Attr)
	row := numpy.LookupAttr(attr)
	if row == nil {
		if numpy.LookupMethod(attr) != nil {
			c.errorf(e, "unsupported: method '%s' used as a value; only calls are supported", attr)
		} else {
			c.errorf(e, "%s", numpy.UnsupportedMethod(attr, false))
		}
		return nil
	}
	t, msg := row.Attr(a)
	if msg != "" {
		c.errorf(e, "%s", msg)
		return nil
	}
	kind := attrKinds[row.Name]
	if (kind == AttrImag || kind == AttrReal && a.Elem.IsComplex()) && (c.fs == nil || !c.fs.partOK[e]) {
		// numpy's a.real of a complex array (and a.imag) is a view of
		// part of each element, which pyc2go computes into a fresh
		// array: only where nothing can write through it or see a
		// later store through the array.
		c.errorf(e, "unsupported: a.%s here: numpy gives a view of part of each element, which pyc2go supports only as an operand (of an operator, a numpy function or a method, or returned), not bound to a name, stored into, indexed or passed to a function (not supported yet); write a.%s.copy() to bind a copy, or a[i].%s for one element", attr, attr, attr)
		return nil
	}
	if c.final {
		elem := a.Elem
		if kind == AttrReal || kind == AttrImag {
			elem = t.(*ir.Array).Elem // as for a scalar's .real: the part's type
		}
		c.info.Attrs[e] = &AttrInfo{Kind: kind, Type: elem}
	}
	return t
}

// arrayCompare types `l op r` with an array operand: a bool array.
func (c *checker) arrayCompare(e ast.Expr, op string, l, r ir.Type, le, re ast.Expr) ir.Type {
	if l == nil || r == nil {
		return nil
	}
	rank := 0
	for _, t := range []ir.Type{l, r} {
		switch t := t.(type) {
		case *ir.Array:
			rank = max(rank, t.Rank)
			if t.Elem.IsComplex() && op != "==" && op != "!=" {
				c.errorf(e, "unsupported: ordering comparison '%s' of complex arrays", op)
				return nil
			}
		case ir.Scalar:
			if t.IsComplex() && op != "==" && op != "!=" {
				c.errorf(e, "unsupported: ordering comparison '%s' with a complex value", op)
				return nil
			}
		default:
			c.errorf(e, "unsupported: comparison of %s and %s values", pyName(l), pyName(r))
			return nil
		}
	}
	return numpy.Fresh(ir.Bool, rank)
}

// arrayLoop handles `for x in a`, `for i, x in enumerate(a)` and `for x, y
// in zip(a, b)`; it reports whether s is one of them (errors included).
func (c *checker) arrayLoop(s *ast.For) bool {
	kind := LoopArray
	var arrays []ast.Expr
	switch it := s.Iter.(type) {
	case *ast.Call:
		f, ok := it.Func.(*ast.Name)
		if !ok || c.shadowed(string(f.Id)) || (f.Id != "enumerate" && f.Id != "zip") {
			if c.isRangeCall(it) {
				return false
			}
			// for x in np.arange(n), for r in m.copy(), ...
			t := c.expr(s.Iter)
			if _, isA := isArr(t); !isA {
				if t == nil { // reported already: define the targets quietly
					c.markTargets(s.Target)
					return true
				}
				return false
			}
			arrays = []ast.Expr{s.Iter}
			break
		}
		c.use(f, &Builtin{Name: string(f.Id)})
		kind = LoopZip
		if f.Id == "enumerate" {
			kind = LoopEnumerate
		}
		if len(it.Keywords) > 0 || len(it.Args) == 0 || (kind == LoopEnumerate && len(it.Args) != 1) {
			c.args(it)
			c.errorf(it, "unsupported: %s() takes array arguments only (no start= or strict=)", f.Id)
			return true
		}
		arrays = it.Args
		c.setCall(it, &CallInfo{Kind: CallBuiltin, Name: string(f.Id), Args: it.Args, ArgOrder: seq(len(it.Args))})
	case nil:
		return false
	default:
		if _, isTup := s.Iter.(*ast.Tuple); isTup {
			return false
		}
		t := c.expr(s.Iter)
		if _, isA := isArr(t); !isA {
			return false
		}
		arrays = []ast.Expr{s.Iter}
	}
	var rows []ir.Type
	ok := true
	for _, a := range arrays {
		t := c.expr(a)
		at, isA := isArr(t)
		if !isA {
			if t != nil {
				c.errorf(a, "unsupported: iterating over a value of type %s; only arrays (and range()) are iterable here", pyName(t))
			}
			ok = false
			continue
		}
		if at.Rank == 1 {
			rows = append(rows, at.Elem)
		} else {
			rows = append(rows, &ir.Array{Elem: at.Elem, Rank: at.Rank - 1, Contig: at.Contig})
		}
	}
	var targets []*ast.Name
	want := len(arrays)
	if kind == LoopEnumerate {
		want = 2
	}
	if kind == LoopArray {
		n, isName := s.Target.(*ast.Name)
		if !isName {
			c.errorf(s.Target, "unsupported: for-loop target must be a plain name")
			return true
		}
		targets = []*ast.Name{n}
	} else {
		tup, isTup := s.Target.(*ast.Tuple)
		if !isTup || len(tup.Elts) != want {
			c.errorf(s.Target, "unsupported: the target of a loop over %s must be a tuple of %d names", map[LoopKind]string{LoopEnumerate: "enumerate()", LoopZip: "zip()"}[kind], want)
			return true
		}
		for _, x := range tup.Elts {
			n, isName := x.(*ast.Name)
			if !isName {
				c.errorf(x, "unsupported: for-loop target must be a plain name")
				return true
			}
			targets = append(targets, n)
		}
	}
	if !ok {
		for _, n := range targets {
			c.fs.assigned[c.fs.fn.Scope[string(n.Id)]] = true
		}
		return true
	}
	types := rows
	if kind == LoopEnumerate {
		types = []ir.Type{ir.Int64, rows[0]}
	}
	for i, n := range targets {
		l := c.fs.fn.Scope[string(n.Id)]
		c.use(n, l)
		c.define(l, types[i], n, s.Iter)
		c.record(n, l.Type)
	}
	if tup, isTup := s.Target.(*ast.Tuple); isTup {
		c.record(tup, &ir.Tuple{Elems: types})
	}
	if c.final {
		c.info.Loops[s] = &LoopInfo{Kind: kind, Arrays: arrays, Targets: targets}
	}
	return true
}

func seq(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

// anyCval wraps a constant value (int64, float64, complex128 or bool).
func anyCval(v any) cval {
	switch v.(type) {
	case int64:
		return cval{ir.Int64, v}
	case float64:
		return cval{ir.Float64, v}
	case complex128:
		return cval{ir.Complex128, v}
	}
	return cval{ir.Bool, v}
}

// isRangeCall reports, without side effects, whether e calls range() or
// numba.prange().
func (c *checker) isRangeCall(e *ast.Call) bool {
	switch f := e.Func.(type) {
	case *ast.Name:
		id := string(f.Id)
		if c.isLocal(id) {
			return false
		}
		switch o := c.globals[id].(type) {
		case nil:
			return id == "range"
		case *Imported:
			return o.Module == "numba" && o.Name == "prange"
		}
	case *ast.Attribute:
		_, m := c.moduleOf(f.Value)
		return m != nil && m.Path == "numba" && f.Attr == "prange"
	}
	return false
}

// markTargets marks the names of a failed loop's target as assigned, so
// that their uses do not repeat the error as "not defined".
func (c *checker) markTargets(e ast.Expr) {
	switch e := e.(type) {
	case *ast.Name:
		if l := c.fs.fn.Scope[string(e.Id)]; l != nil {
			c.fs.assigned[l] = true
		}
	case *ast.Tuple:
		for _, x := range e.Elts {
			c.markTargets(x)
		}
	case *ast.List:
		for _, x := range e.Elts {
			c.markTargets(x)
		}
	}
}
