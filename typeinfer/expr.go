package typeinfer

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/go-python/gpython/ast"
	"github.com/go-python/gpython/py"

	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/numpy"
)

// expr types e and its sub-expressions. nil means unknown: not inferred yet
// (early passes) or already reported as an error (final pass); callers stay
// quiet about nil operands so one mistake gives one message.
func (c *checker) expr(e ast.Expr) ir.Type {
	t := c.expr1(e)
	c.record(e, t)
	return t
}

func (c *checker) expr1(e ast.Expr) ir.Type {
	if isNoneValue(e) {
		return ir.None
	}
	if v, msg, ok := literal(e); ok {
		if c.u64[e] {
			return ir.Uint64 // np.uint64(0xFFFFFFFFFFFFFFFF): see u64Literal
		}
		if msg != "" && c.masks[e] {
			msg = maskMsg
		}
		if msg != "" {
			c.errorf(e, "%s", msg)
			return nil
		}
		return v.Type
	}
	switch e := e.(type) {
	case *ast.Name:
		return c.name(e)
	case *ast.Attribute:
		return c.attribute(e)
	case *ast.BinOp:
		if e.Op == ast.BitAnd {
			c.noteMask(e.Left)
			c.noteMask(e.Right)
		}
		l := c.expr(e.Left)
		r := c.expr(e.Right)
		if c.info.MatMul[e] {
			// `a @ b` (rewritten to * by the frontend) is np.matmul(a, b).
			if l == nil || r == nil {
				return nil
			}
			env := &rowEnv{c: c, node: e, operands: []ast.Expr{e.Left, e.Right}}
			return numpy.ProductType(&numpy.Call{Disp: "@", Args: []ir.Type{l, r}, Env: env}, "matmul")
		}
		return c.binary(e, opNames[e.Op], l, r, e.Left, e.Right)
	case *ast.UnaryOp:
		if e.Op == ast.Not {
			t, _, _, _ := c.cond(e)
			return t
		}
		x := c.expr(e.Operand)
		op0 := map[ast.UnaryOpNumber]string{ast.USub: "-", ast.UAdd: "+", ast.Invert: "~"}[e.Op]
		if a, isA := isArr(x); isA {
			k, msg := numpy.UnaryDType(op0, a.Elem)
			if msg != "" {
				c.errorf(e, "%s", msg)
				return nil
			}
			return numpy.Fresh(k, a.Rank)
		}
		xs, ok := c.scalarOperand(e.Operand, x)
		if !ok {
			return nil
		}
		op := map[ast.UnaryOpNumber]string{ast.USub: "-", ast.UAdd: "+", ast.Invert: "~"}[e.Op]
		t, msg := unaryType(op, xs)
		if msg != "" {
			c.errorf(e, "%s", msg)
			return nil
		}
		return t
	case *ast.Compare:
		return c.compare(e)
	case *ast.BoolOp:
		return c.boolOp(e)
	case *ast.IfExp:
		_, then, els, static := c.cond(e.Test)
		saved := c.fs.nn
		var a, b ir.Type
		if static != staticFalse {
			c.fs.nn = then
			a = c.expr(e.Body)
		}
		if static != staticTrue {
			c.fs.nn = els
			b = c.expr(e.Orelse)
		}
		c.fs.nn = saved
		t, ok := join(a, b)
		if !ok {
			c.errorf(e, "the branches of the conditional expression have types %s and %s, which do not unify", typeString(a), typeString(b))
			return nil
		}
		return t
	case *ast.Call:
		if len(e.Args) == 1 && len(e.Keywords) == 0 && c.isNumpy(e.Func, "uint64") {
			c.u64Literal(e.Args[0])
		}
		t := c.call(e, false)
		if _, none := t.(ir.NoneType); none {
			c.errorf(e, "%s() returns None (it has no return value); its value cannot be used", calleeName(e))
			return nil
		}
		return t
	case *ast.Tuple:
		elems := make([]ir.Type, len(e.Elts))
		for i, x := range e.Elts {
			elems[i] = c.expr(x)
			switch elems[i].(type) {
			case *ir.FuncValue:
				c.errorf(x, "unsupported: a function in a tuple; call it, or pass it to a function")
				return nil
			case ir.NoneType:
				return nil
			}
		}
		if len(elems) == 0 {
			c.errorf(e, "unsupported: empty tuple")
			return nil
		}
		return &ir.Tuple{Elems: elems}
	case *ast.Subscript:
		return c.subscript(e)
	case *ast.List:
		return c.listLit(e) // list.go
	case *ast.Str:
		c.errorf(e, "unsupported: string value")
	default:
		c.errorf(e, "unsupported: expression")
	}
	return nil
}

func (c *checker) isLocal(name string) bool {
	return c.fs != nil && c.fs.fn.Scope[name] != nil
}

var builtinFuncNames = map[string]bool{
	"abs": true, "min": true, "max": true, "round": true, "int": true, "float": true, "bool": true,
	"list": true, "sorted": true,
	"complex": true, "divmod": true, "pow": true, "range": true,
}

func (c *checker) name(n *ast.Name) ir.Type {
	id := string(n.Id)
	if c.isLocal(id) {
		l := c.fs.fn.Scope[id]
		c.use(n, l)
		return c.narrow(l, c.localType(n, l))
	}
	switch o := c.globals[id].(type) {
	case *Const:
		c.use(n, o)
		if o.Type == ir.Invalid {
			return nil
		}
		return o.Type
	case *Func:
		c.use(n, o)
		return c.funcValue(n, o)
	case *Module:
		c.errorf(n, "unsupported: module '%s' used as a value", id)
	case *Imported:
		c.errorf(n, "unsupported: '%s' used as a value", id)
	case nil:
		switch {
		case builtinFuncNames[id] || supportedExceptions[id]:
			c.errorf(n, "unsupported: builtin '%s' used as a value", id)
		case id == "len" || id == "enumerate" || id == "zip":
			c.errorf(n, "unsupported: builtin '%s' used as a value", id)
		default:
			c.errorf(n, "name '%s' is not defined", id)
		}
	}
	return nil
}

// numpySubmodule recognises np.SUB, an attribute of numpy that is no
// row (np.random, np.linalg, or a name numpy lacks), in front of a call
// or attribute: it returns numpy's name, module and SUB.
func (c *checker) numpySubmodule(e ast.Expr) (*ast.Name, *Module, string) {
	at, ok := e.(*ast.Attribute)
	if !ok {
		return nil, nil, ""
	}
	n, m := c.moduleOf(at.Value)
	if m == nil || m.Path != "numpy" || numpy.Lookup(string(at.Attr)) != nil {
		return nil, nil, ""
	}
	return n, m, string(at.Attr)
}

// moduleOf returns the module a name refers to, unless a local shadows it.
func (c *checker) moduleOf(e ast.Expr) (*ast.Name, *Module) {
	n, ok := e.(*ast.Name)
	if !ok || c.isLocal(string(n.Id)) {
		return nil, nil
	}
	m, _ := c.globals[string(n.Id)].(*Module)
	if m == nil {
		return nil, nil
	}
	return n, m
}

func (c *checker) attribute(e *ast.Attribute) ir.Type {
	attr := string(e.Attr)
	if n, m := c.moduleOf(e.Value); m != nil {
		c.use(n, m)
		if v, ok := moduleConst(m.Path, attr); ok {
			if c.final {
				c.info.Attrs[e] = &AttrInfo{Kind: AttrConst, Type: v.Type, Value: v.Value}
			}
			return v.Type
		}
		switch {
		case c.moduleHas(m.Path, attr):
			c.errorf(e, "unsupported: %s.%s used as a value; only calls are supported", n.Id, attr)
		case m.Path == "numpy":
			c.errorf(e, "%s", numpy.Unsupported("numpy", attr, string(n.Id)+"."+attr))
		default:
			c.errorf(e, "module '%s' has no attribute '%s' (or pyc2go does not support it)", m.Path, attr)
		}
		return nil
	}
	x := c.expr(e.Value)
	if x == nil {
		return nil
	}
	if a, isA := isArr(x); isA {
		return c.attrArray(e, a)
	}
	xs, ok := x.(ir.Scalar)
	if !ok || (attr != "real" && attr != "imag") {
		c.errorf(e, "unsupported: attribute '%s' of type %s", attr, pyName(x))
		return nil
	}
	// z.real / z.imag of a complex are its float parts; of a real number
	// .real is the number and .imag a zero of the same type (bool: int).
	t := xs
	switch xs {
	case ir.Complex64:
		t = ir.Float32
	case ir.Complex128:
		t = ir.Float64
	case ir.Bool:
		t = ir.Int64
	}
	kind := AttrReal
	if attr == "imag" {
		kind = AttrImag
	}
	if c.final {
		c.info.Attrs[e] = &AttrInfo{Kind: kind, Type: t}
	}
	return t
}

func (c *checker) moduleHas(path, attr string) bool {
	switch path {
	case "math":
		_, ok := mathFuncs[attr]
		return ok
	case "cmath":
		_, ok := cmathFuncs[attr]
		return ok
	case "numpy":
		r := numpy.Lookup(attr)
		return r != nil && r.Callable()
	case "numba":
		return attr == "njit" || attr == "jit" || attr == "prange"
	}
	return false
}

// mayBeNone reports (once) a value that may be None used where a value
// is needed, naming the test that would narrow it.
func (c *checker) mayBeNone(e ast.Expr, t ir.Type) bool {
	switch t.(type) {
	case *ir.Optional:
		if n, ok := e.(*ast.Name); ok {
			c.errorf(e, "'%s' may be None here; test it with `if %s is not None:` (or assign it a value on every path) before using it", n.Id, n.Id)
		} else {
			c.errorf(e, "this value may be None; test it with `is not None` before using it")
		}
		return true
	case ir.NoneType:
		if _, ok := e.(*ast.Name); ok {
			c.errorf(e, "'%s' is None here", e.(*ast.Name).Id)
			return true
		}
	}
	return false
}

// scalarOperand checks that an operand is a number.
func (c *checker) scalarOperand(e ast.Expr, t ir.Type) (ir.Scalar, bool) {
	if c.mayBeNone(e, t) {
		return 0, false
	}
	switch t := t.(type) {
	case nil:
		return 0, false
	case ir.Scalar:
		return t, true
	}
	c.errorf(e, "unsupported: arithmetic on a %s value", pyName(t))
	return 0, false
}

// maskMsg is the error at a 64-bit mask, the idiom of 64-bit wrap-around
// arithmetic on Python's unbounded ints (an LCG: x = (a * x + c) &
// 0xFFFFFFFFFFFFFFFF). It cannot be compiled as it is: the masked value
// runs up to 2**64-1, which pyc2go's int (int64) does not hold, so it says
// what to write instead: np.uint64 arithmetic, which wraps modulo 2**64
// by itself (numpy warns of the overflow of a scalar product, and the
// compiled code gives the same value).
const maskMsg = "integer literal does not fit in int64: a 64-bit mask makes values up to 2**64-1, " +
	"which pyc2go's int (int64) cannot hold; do 64-bit wrap-around arithmetic in np.uint64, " +
	"which wraps modulo 2**64 without a mask (for an LCG: x = np.uint64(seed), then " +
	"x = np.uint64(a) * x + np.uint64(c))"

// noteMask marks e, an operand of &, when it is an integer literal in
// [2**63, 2**64): a 64-bit mask, whose error says what to write instead.
func (c *checker) noteMask(e ast.Expr) {
	n, ok := e.(*ast.Num)
	if !ok {
		return
	}
	b, ok := n.N.(*py.BigInt)
	if !ok {
		return
	}
	if U64Literal(b) {
		c.masks[e] = true
	}
}

// u64Literal marks e, the argument of np.uint64(...), when it is an
// integer literal in [2**63, 2**64): a uint64 constant (splitmix64's and
// FNV-1a's constants, a 64-bit mask), which no int64 holds. lower makes it
// a uint64 ConstExpr.
func (c *checker) u64Literal(e ast.Expr) {
	if n, ok := e.(*ast.Num); ok {
		if b, ok := n.N.(*py.BigInt); ok && U64Literal(b) {
			c.u64[e] = true
		}
	}
}

// U64Literal reports whether b is in [2**63, 2**64), the big integer
// literals np.uint64(...) accepts.
func U64Literal(b *py.BigInt) bool {
	v := (*big.Int)(b)
	return v.Sign() > 0 && v.BitLen() == 64
}

// isNumpy reports whether e names numpy's attribute name: np.NAME with np
// the numpy module, or NAME imported from numpy.
func (c *checker) isNumpy(e ast.Expr, name string) bool {
	switch e := e.(type) {
	case *ast.Attribute:
		_, m := c.moduleOf(e.Value)
		return m != nil && m.Path == "numpy" && string(e.Attr) == name
	case *ast.Name:
		if c.isLocal(string(e.Id)) {
			return false
		}
		o, ok := c.globals[string(e.Id)].(*Imported)
		return ok && o.Module == "numpy" && o.Name == name
	}
	return false
}

// constInt returns the value of an integer literal, a negated one, or an
// int module constant: Python's type of int ** n depends on its sign.
func (c *checker) constInt(e ast.Expr) (int64, bool) {
	switch e := e.(type) {
	case *ast.Num:
		v, msg, ok := literal(e)
		if ok && msg == "" && v.Type == ir.Int64 {
			return v.asInt(), true
		}
	case *ast.UnaryOp:
		if e.Op == ast.USub || e.Op == ast.UAdd {
			if v, ok := c.constInt(e.Operand); ok {
				if e.Op == ast.USub {
					return -v, true
				}
				return v, true
			}
		}
	case *ast.Name:
		if !c.isLocal(string(e.Id)) {
			if k, ok := c.globals[string(e.Id)].(*Const); ok && k.Type == ir.Int64 {
				return k.Value.(int64), true
			}
		}
	}
	return 0, false
}

// binary types `l op r` (also for augmented assignment, where node is the
// statement).
func (c *checker) binary(node ast.Ast, op string, l, r ir.Type, le, re ast.Expr) ir.Type {
	if l == nil || r == nil {
		return nil
	}
	if c.mayBeNone(le, l) || c.mayBeNone(re, r) {
		return nil
	}
	_, ll := l.(*ir.List)
	_, rl := r.(*ir.List)
	if ll || rl {
		return c.listBinary(node, op, l, r)
	}
	if numpy.AnyArray(l, r) {
		return c.elementwise(node, op, l, r, le, re)
	}
	ls, lok := l.(ir.Scalar)
	rs, rok := r.(ir.Scalar)
	if !lok || !rok {
		c.errorf(node, "unsupported operand type(s) for %s: '%s' and '%s'", op, pyName(l), pyName(r))
		return nil
	}
	neg := false
	if op == "**" {
		if v, ok := c.constInt(re); ok && v < 0 {
			neg = true
		}
	}
	t, msg := binaryType(op, ls, rs, neg)
	if msg != "" {
		c.errorf(node, "%s%s", msg, c.why(le, l, re, r))
		return nil
	}
	return t
}

// why explains where the types of local operands came from, so that a
// contradiction found at a use names the places that caused it.
func (c *checker) why(pairs ...any) string {
	var parts []string
	for i := 0; i+1 < len(pairs); i += 2 {
		e, _ := pairs[i].(ast.Expr)
		t, _ := pairs[i+1].(ir.Type)
		n, ok := e.(*ast.Name)
		if !ok || !c.isLocal(string(n.Id)) {
			continue
		}
		l := c.fs.fn.Scope[string(n.Id)]
		var p string
		if l.Param {
			p = fmt.Sprintf("parameter '%s' is declared %s at %s", l.Name, pyName(t), l.Pos)
		} else if at, ok := c.fs.declared[l]; ok {
			p = fmt.Sprintf("'%s' is declared %s at %s", l.Name, pyName(t), at)
		} else {
			p = fmt.Sprintf("'%s' is %s because of the assignment at %s", l.Name, pyName(t), c.fs.why[l])
		}
		if len(parts) == 0 || parts[len(parts)-1] != p {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, "; ") + ")"
}

var cmpNames = map[ast.CmpOp]string{
	ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=",
}

func (c *checker) compare(e *ast.Compare) ir.Type {
	if _, _, ok := noneTest(e); ok {
		t, _, _, _ := c.cond(e)
		return t
	}
	if len(e.Ops) == 1 && (e.Ops[0] == ast.In || e.Ops[0] == ast.NotIn) {
		return c.contains(e, e.Left, c.expr(e.Left), e.Comparators[0]) // list.go
	}
	prevE := e.Left
	prev := c.expr(e.Left)
	unknown := false
	for i, op := range e.Ops {
		if i >= len(e.Comparators) {
			break
		}
		next := e.Comparators[i]
		nt := c.expr(next)
		if op == ast.Is || op == ast.IsNot {
			// `x is None` alone is cond's (none.go); here in a chain or
			// between two values.
			if !isNoneExpr(prevE) && !isNoneExpr(next) {
				c.errorf(e, "unsupported: '%s' between values (it compares identity); use == or !=", map[bool]string{true: "is", false: "is not"}[op == ast.Is])
			} else if len(e.Ops) > 1 {
				c.errorf(e, "unsupported: 'is None' in a chained comparison; write it on its own")
			}
			prevE, prev = next, nt
			continue
		}
		sym, ok := cmpNames[op]
		if ok && numpy.AnyArray(prev, nt) {
			if len(e.Ops) > 1 {
				c.errorf(e, "unsupported: chained comparison of arrays (Python would take the truth value of an array, which numpy rejects: The truth value of an array with more than one element is ambiguous. Use a.any() or a.all())")
				return nil
			}
			return c.arrayCompare(e, sym, prev, nt, prevE, next)
		}
		if !ok {
			c.errorf(e, "unsupported: comparison operator")
		} else if prev != nil && nt != nil {
			ps, pok := prev.(ir.Scalar)
			ns, nok := nt.(ir.Scalar)
			pt, ptup := prev.(*ir.Tuple)
			nt2, ntup := nt.(*ir.Tuple)
			switch {
			case ptup && ntup:
				if msg := tupleCompare(op, sym, pt, nt2); msg != "" {
					c.errorf(e, "%s", msg)
				}
			case !pok || !nok:
				c.errorf(e, "unsupported: comparison of %s and %s values", pyName(prev), pyName(nt))
			case op != ast.Eq && op != ast.NotEq && (ps.IsComplex() || ns.IsComplex()):
				c.errorf(e, "'%s' not supported between instances of '%s' and '%s'%s", sym, pyName(ps), pyName(ns), c.why(prevE, prev, next, nt))
			}
		}
		if prev == nil || nt == nil {
			unknown = true
		}
		prevE, prev = next, nt
	}
	if unknown {
		// An operand whose type is unknown was reported already (or is
		// not known yet in this pass): so is the comparison, so that no
		// follow-on error blames a bool.
		return nil
	}
	return ir.Bool
}

// tupleCompare checks `a op b` on two tuples, compared element by element
// as Python does: "" when it is fine, else the error.
func tupleCompare(op ast.CmpOp, sym string, a, b *ir.Tuple) string {
	ordered := op != ast.Eq && op != ast.NotEq
	for i := 0; i < len(a.Elems) && i < len(b.Elems); i++ {
		x, y := a.Elems[i], b.Elems[i]
		xt, xtup := x.(*ir.Tuple)
		yt, ytup := y.(*ir.Tuple)
		if xtup && ytup {
			if msg := tupleCompare(op, sym, xt, yt); msg != "" {
				return msg
			}
			continue
		}
		xs, xok := x.(ir.Scalar)
		ys, yok := y.(ir.Scalar)
		if !xok || !yok {
			return fmt.Sprintf("unsupported: comparing tuples whose elements %d are %s and %s; compare numbers and tuples of numbers", i, pyName(x), pyName(y))
		}
		if ordered && (xs.IsComplex() || ys.IsComplex()) {
			return fmt.Sprintf("'%s' not supported between instances of '%s' and '%s'", sym, pyName(xs), pyName(ys))
		}
	}
	return ""
}

func (c *checker) boolOp(e *ast.BoolOp) ir.Type {
	t, _, _, _ := c.condBool(e)
	return t
}

// boolOpType is the type of `a and b ...` from the types of the operands
// evaluated (vals; those after a short-circuit known at compile time are
// not): Python returns one of them unchanged, so they must be alike.
func (c *checker) boolOpType(e *ast.BoolOp, vals []ast.Expr, types []ir.Type) ir.Type {
	op := "and"
	if e.Op == ast.Or {
		op = "or"
	}
	var first ir.Type
	var firstE ast.Expr
	ok := true
	for i, v := range vals {
		t := types[i]
		switch t.(type) {
		case nil:
			ok = false
			continue
		case *ir.Array:
			c.errorf(v, "The truth value of an array with more than one element is ambiguous. Use a.any() or a.all() ('%s' of arrays; use np.logical_%s or & and |)", op, op)
			ok = false
			continue
		case *ir.Tuple, ir.NoneType, *ir.Optional:
			c.errorf(v, "unsupported: '%s' operand of type %s", op, pyName(t))
			ok = false
			continue
		}
		if first == nil {
			first, firstE = t, v
			continue
		}
		if !ir.Identical(first, t) {
			c.errorf(e, "operands of '%s' have types %s and %s; Python returns one of them unchanged%s", op, pyName(first), pyName(t), c.why(firstE, first, v, t))
			ok = false
		}
	}
	if !ok {
		return nil
	}
	return first
}

func (c *checker) subscript(e *ast.Subscript) ir.Type {
	vt := c.expr(e.Value)
	if a, isA := isArr(vt); isA {
		return c.arraySubscript(e, a)
	}
	if lt, isL := vt.(*ir.List); isL {
		return c.listSubscript(e, lt)
	}
	idx, isIndex := e.Slice.(*ast.Index)
	if !isIndex {
		c.errorf(e, "unsupported: slicing of a non-array value")
		return nil
	}
	it := c.expr(idx.Value)
	if vt == nil {
		return nil
	}
	tt, ok := vt.(*ir.Tuple)
	if !ok {
		c.errorf(e, "'%s' object is not subscriptable", pyName(vt))
		return nil
	}
	i, ok := c.constInt(idx.Value)
	if !ok {
		// t[i] with i known only at run time: the elements must have one
		// type (IndexError as Python raises it, at run time).
		if s, isS := it.(ir.Scalar); it != nil && (!isS || class(s) > 1) {
			c.errorf(idx.Value, "tuple indices must be integers or slices, not %s", pyName(it))
			return nil
		}
		var et ir.Type
		for _, x := range tt.Elems {
			j, ok := join(et, x)
			if !ok || !canBeOptional(x) {
				c.errorf(idx.Value, "unsupported: a tuple of %s indexed with a variable (its elements must have one type, numbers or arrays); index it with a constant", typeString(tt))
				return nil
			}
			et = j
		}
		return et
	}
	if i < 0 {
		i += int64(len(tt.Elems))
	}
	if i < 0 || i >= int64(len(tt.Elems)) {
		c.errorf(idx.Value, "tuple index out of range")
		return nil
	}
	return tt.Elems[i]
}

func calleeName(e *ast.Call) string {
	switch f := e.Func.(type) {
	case *ast.Name:
		return string(f.Id)
	case *ast.Attribute:
		return string(f.Attr)
	}
	return "the function"
}
