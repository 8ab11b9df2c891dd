package typeinfer

import (
	"strings"

	"github.com/go-python/gpython/ast"
	"github.com/go-python/gpython/py"

	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/numpy"
)

// Calls of numpy rows. What numpy names pyc2go supports, their parameters
// and their type rules are rows of package numpy; this file binds a call's
// arguments to a row's parameters (operands into CallInfo.Args, optional
// arguments into CallInfo.Kwargs, dtype= into CallInfo.DType), types them,
// and answers the row's type rule's questions about the syntax (numpy.Env).

// callRow types a call of row: np.NAME(...) (recv nil) or recv.NAME(...)
// on an array (or a Generator) of type rt. stmt says the call is a statement.
func (c *checker) callRow(e *ast.Call, row *numpy.Row, disp string, recv ast.Expr, rt ir.Type, stmt bool) ir.Type {
	if row.Name == "where" && recv == nil && len(e.Args) == 1 && len(e.Keywords) == 0 {
		row = numpy.Lookup("nonzero") // numpy documents np.where(c) as np.nonzero(c)
	}
	params := row.Params()
	ci := &CallInfo{Kind: CallNumpy, Name: row.Name, Row: row, Kwargs: map[string]ast.Expr{}, Axis: -1, Recv: recv}
	if recv != nil {
		params = row.MethodParams()
		ci.Kind = CallMethod
	}
	bound, ok := c.bindRow(e, disp, row, params)
	env := &rowEnv{c: c, node: e, kwargs: ci.Kwargs}
	call := &numpy.Call{Row: row, Disp: disp, Opts: map[string]ir.Type{}, Stmt: stmt, Axis: -1, Env: env}
	if recv != nil {
		env.operands = append(env.operands, recv)
		call.Args = append(call.Args, rt)
	}
	// Type the bound arguments in parameter order: operands are values
	// (a list literal is the array np.array makes of it), dtype names a
	// type, the other optional arguments are values the rule may ask about.
	for i, p := range params {
		for _, a := range bound[i] {
			switch {
			case p.Name == "dtype":
				ci.Kwargs["dtype"] = a
				if k, dok := c.dtypeArg(a); dok {
					ci.DType = k
				} else {
					ok = false
				}
			case p.Operand:
				var t ir.Type
				if l, isList := a.(*ast.List); isList && p.Name == "object" { // np.array([...])
					t = c.listLiteral(l)
				} else if l, isList := a.(*ast.List); isList && (p.Name == "arrays" || p.Name == "tup") {
					// np.concatenate([a, b]): a list display of arrays,
					// typed as the tuple it could be written as.
					elems := make([]ir.Type, len(l.Elts))
					for k, x := range l.Elts {
						if elems[k] = c.argExpr(x); elems[k] == nil {
							ok = false
						}
					}
					t = &ir.Tuple{Elems: elems}
					c.record(l, t)
				} else {
					t = c.argExpr(a)
				}
				ci.Args = append(ci.Args, a)
				env.operands = append(env.operands, a)
				call.Args = append(call.Args, t)
			case row.Kind == numpy.Linalg && isStrLit(a):
				// np.linalg's string options (UPLO, mode, ord) are
				// constants its rules read through OptString.
				ci.Kwargs[p.Name] = a
			case p.Name == "axis" && isNoneConst(a):
				ci.Kwargs[p.Name] = a
				c.record(a, ir.None)
				call.Opts[p.Name] = ir.None
			default:
				ci.Kwargs[p.Name] = a
				t := c.expr(a)
				if t == nil {
					ok = false
				}
				call.Opts[p.Name] = t
			}
		}
	}
	for i := range ci.Args {
		ci.ArgOrder = append(ci.ArgOrder, i)
	}
	if !ok {
		return nil
	}
	for _, t := range call.Args {
		if t == nil {
			return nil // reported already
		}
	}
	call.DType = ci.DType
	t := row.TypeOf(call)
	if t != nil {
		ci.Axis = call.Axis
		ci.Perm = call.Perm
		c.setCall(e, ci)
	}
	return t
}

// bindRow matches a call's arguments to a row's parameters with numpy's
// rules and messages (an optional parameter pyc2go does not implement
// yet is reported as such). It returns per parameter the expressions
// bound to it: none, one, or all the positional ones for *NAME.
func (c *checker) bindRow(e *ast.Call, disp string, row *numpy.Row, params []numpy.Param) ([][]ast.Expr, bool) {
	bound := make([][]ast.Expr, len(params))
	ok := true
	npos := 0
	for _, p := range params {
		if !p.KwOnly {
			npos++
		}
	}
	for i, a := range e.Args {
		switch {
		case len(params) > 0 && params[0].Variadic:
			bound[0] = append(bound[0], a)
		case i < npos:
			bound[i] = []ast.Expr{a}
		default:
			c.errorf(a, "%s() takes at most %s", disp, plural(npos, "positional argument"))
			return bound, false
		}
	}
	for _, kw := range e.Keywords {
		name := string(kw.Arg)
		idx := -1
		for i, p := range params {
			if p.Name == name && !p.Variadic {
				idx = i
			}
		}
		switch {
		case idx < 0:
			c.errorf(kw.Value, "%s() got an unexpected keyword argument '%s'", disp, name)
			ok = false
		case params[idx].PosOnly:
			c.errorf(kw.Value, "%s() got some positional-only arguments passed as keyword arguments: '%s'", disp, name)
			ok = false
		case bound[idx] != nil:
			c.errorf(kw.Value, "%s() got multiple values for argument '%s'", disp, name)
			ok = false
		default:
			bound[idx] = []ast.Expr{kw.Value}
		}
	}
	for i, p := range params {
		switch {
		case bound[i] == nil && p.Default == "" && !p.Variadic:
			c.errorf(e, "%s() missing required argument '%s'", disp, p.Name)
			ok = false
		case bound[i] != nil && p.Default != "" && p.Default != "?" && !row.Accepted(p.Name):
			c.errorf(bound[i][0], "unsupported: %s= argument of %s() (not supported yet)", p.Name, disp)
			bound[i] = nil
			ok = false
		}
	}
	return bound, ok
}

// rowEnv answers a type rule's questions about one call (or operator:
// `a @ b` is typed by np.matmul's rule).
type rowEnv struct {
	c        *checker
	node     ast.Expr            // the call or operator
	kwargs   map[string]ast.Expr // the optional arguments given
	operands []ast.Expr          // the receiver first for a method
}

func (v *rowEnv) at(i int) ast.Ast {
	if i < 0 || i >= len(v.operands) {
		return v.node
	}
	return v.operands[i]
}

func (v *rowEnv) Errorf(i int, format string, args ...any) { v.c.errorf(v.at(i), format, args...) }

func (v *rowEnv) OptErrorf(name string, format string, args ...any) {
	var n ast.Ast = v.node
	if x := v.kwargs[name]; x != nil {
		n = x
	}
	v.c.errorf(n, format, args...)
}

func (v *rowEnv) ConstInts(i int) ([]int64, []bool) {
	es := []ast.Expr{v.operands[i]}
	if tup, ok := v.operands[i].(*ast.Tuple); ok {
		es = tup.Elts
	}
	vals, consts := make([]int64, len(es)), make([]bool, len(es))
	for k, x := range es {
		vals[k], consts[k] = v.c.constInt(x)
	}
	return vals, consts
}

func (v *rowEnv) OptConstInt(name string) (int64, bool) {
	if x := v.kwargs[name]; x != nil {
		return v.c.constInt(x)
	}
	return 0, false
}

func (v *rowEnv) OptNone(name string) bool { return isNoneConst(v.kwargs[name]) }

func (v *rowEnv) OptString(name string) (string, bool) {
	if s, ok := v.kwargs[name].(*ast.Str); ok {
		return string(s.S), true
	}
	return "", false
}

// optConst folds the optional argument name when it is a constant
// expression (literals, module constants, arithmetic).
func (v *rowEnv) optConst(name string) (cval, bool) {
	x := v.kwargs[name]
	if x == nil {
		return cval{}, false
	}
	if n, ok := x.(*ast.Name); ok && v.c.isLocal(string(n.Id)) {
		return cval{}, false
	}
	val, cerr := v.c.foldExpr(x)
	return val, cerr == nil
}

func (v *rowEnv) OptBool(name string) (bool, bool) {
	val, ok := v.optConst(name)
	if !ok || val.Type != ir.Bool {
		return false, false
	}
	return val.Value.(bool), true
}

func (v *rowEnv) OptConstFloat(name string) (float64, bool) {
	val, ok := v.optConst(name)
	if !ok || val.Type.IsComplex() {
		return 0, false
	}
	return val.asFloat(), true
}

func (v *rowEnv) OptConstInts(name string) ([]int64, []bool) {
	x := v.kwargs[name]
	if x == nil {
		return nil, nil
	}
	es := []ast.Expr{x}
	if tup, ok := x.(*ast.Tuple); ok {
		es = tup.Elts
	}
	vals, consts := make([]int64, len(es)), make([]bool, len(es))
	for k, e := range es {
		vals[k], consts[k] = v.c.constInt(e)
	}
	return vals, consts
}

func isStrLit(e ast.Expr) bool {
	_, ok := e.(*ast.Str)
	return ok
}

func (v *rowEnv) Elementwise(op string, i, j int, l, r ir.Type) ir.Type {
	return v.c.elementwise(v.node, op, l, r, v.operands[i], v.operands[j])
}

func (v *rowEnv) Join(a, b ir.Type) (ir.Type, bool) { return join(a, b) }

func isNoneConst(e ast.Expr) bool {
	nc, ok := e.(*ast.NameConstant)
	return ok && nc.Value == py.None
}

// numpyScalar is the kind np.NAME names when it is a scalar type.
func numpyScalar(name string) (ir.Scalar, bool) {
	if r := numpy.Lookup(name); r != nil && r.Kind == numpy.Type {
		return r.Scalar, true
	}
	return ir.Invalid, false
}

// dtypeNames are the element types of array annotations and dtype
// strings: numpy's names and its one-letter-and-size codes.
func dtypeName(s string) (ir.Scalar, bool) {
	if s == "bool" {
		return ir.Bool, true
	}
	for _, r := range numpy.Rows() {
		if r.Kind == numpy.Type && (r.Name == s || r.Code == s) {
			return r.Scalar, true
		}
	}
	return ir.Invalid, false
}

// dtypeArg resolves a dtype expression: np.float32, float, "f8", a.dtype.
func (c *checker) dtypeArg(e ast.Expr) (ir.Scalar, bool) {
	switch x := e.(type) {
	case *ast.Str:
		s := strings.TrimSpace(string(x.S))
		if k, ok := dtypeName(s); ok {
			return k, true
		}
		c.errorf(e, "%s", unknownDtype(s))
		return 0, false
	case *ast.Name:
		id := string(x.Id)
		if !c.isLocal(id) {
			switch o := c.globals[id].(type) {
			case nil:
				if k, ok := builtinTypeNames[id]; ok {
					c.use(x, &Builtin{Name: id})
					return k, true
				}
			case *Imported:
				if o.Module == "numpy" {
					if k, ok := numpyScalar(o.Name); ok {
						c.use(x, o)
						return k, true
					}
				}
			}
		}
	case *ast.Attribute:
		if n, m := c.moduleOf(x.Value); m != nil {
			if m.Path == "numpy" {
				if k, ok := numpyScalar(string(x.Attr)); ok {
					c.use(n, m)
					return k, true
				}
				switch x.Attr {
				case "float16", "half", "longdouble":
					c.errorf(e, "%s", unknownDtype(string(x.Attr)))
					return 0, false
				}
				if numpy.Lookup(string(x.Attr)) == nil {
					c.use(n, m)
					c.errorf(e, "%s", numpy.Unsupported("numpy", string(x.Attr), string(n.Id)+"."+string(x.Attr)))
					return 0, false
				}
			}
			break
		}
		if x.Attr == "dtype" {
			t := c.expr(x.Value)
			if a, ok := isArr(t); ok {
				if c.final {
					c.info.Attrs[x] = &AttrInfo{Kind: AttrDtype, Type: a.Elem}
				}
				return a.Elem, true
			}
			if t == nil {
				return 0, false
			}
		}
	}
	c.errorf(e, "unsupported dtype; write np.float64, np.int32, ..., float, int, bool, complex, a string like \"f8\", or a.dtype")
	return 0, false
}

// listLiteral types a (nested) list literal, the argument of np.array.
// Lists have the type of the array they become; the dtype follows numpy:
// bools -> bool, ints -> int64, any float -> float64, any complex ->
// complex128.
func (c *checker) listLiteral(l *ast.List) ir.Type {
	var elem ir.Scalar
	ok := true
	var walk func(l *ast.List, depth int) int
	lens := map[int]int{} // the length of every list at each depth
	walk = func(l *ast.List, depth int) int {
		if len(l.Elts) == 0 {
			c.errorf(l, "unsupported: empty list (its dtype and shape are unknown)")
			ok = false
			return -1
		}
		if n, seen := lens[depth]; seen && n != len(l.Elts) {
			c.errorf(l, "setting an array element with a sequence. The requested array has an inhomogeneous shape after %d dimensions", depth)
			ok = false
			return -1
		}
		lens[depth] = len(l.Elts)
		sub := -2
		for _, x := range l.Elts {
			d := 0
			if inner, isList := x.(*ast.List); isList {
				d = walk(inner, depth+1)
				if d < 0 {
					return -1
				}
			} else {
				t := c.expr(x)
				s, isS := t.(ir.Scalar)
				if t == nil {
					ok = false
					continue
				}
				if !isS {
					c.errorf(x, "unsupported: %s value inside an array literal; write numbers", pyName(t))
					ok = false
					continue
				}
				if elem == ir.Invalid {
					elem = s
				} else if j, jok := join(elem, s); jok {
					elem = j.(ir.Scalar)
				} else {
					c.errorf(x, "unsupported: array literal mixing %s and %s", pyName(elem), pyName(s))
					ok = false
				}
			}
			if sub == -2 {
				sub = d
			} else if sub != d {
				c.errorf(l, "setting an array element with a sequence. The requested array has an inhomogeneous shape after %d dimensions", depth+1)
				ok = false
				return -1
			}
		}
		return sub + 1
	}
	rank := walk(l, 0)
	if !ok || rank < 1 {
		return nil
	}
	if rank > 4 {
		c.errorf(l, "unsupported: arrays of rank %d; ranks 1 to 4 are supported", rank)
		return nil
	}
	// Record the sub-lists with the types of the arrays they stand for.
	var rec func(l *ast.List, r int)
	rec = func(l *ast.List, r int) {
		c.record(l, &ir.Array{Elem: elem, Rank: r, Contig: true})
		for _, x := range l.Elts {
			if inner, isList := x.(*ast.List); isList {
				rec(inner, r-1)
			}
		}
	}
	rec(l, rank)
	return &ir.Array{Elem: elem, Rank: rank, Contig: true}
}
