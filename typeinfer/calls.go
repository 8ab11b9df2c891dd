package typeinfer

import (
	"fmt"
	"strings"

	"github.com/go-python/gpython/ast"
	"github.com/go-python/gpython/py"

	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/numpy"
)

// sig is a callable's parameter list for argument binding.
type sig struct {
	names    []string // all parameters, keyword-only ones last
	npos     int      // how many may be passed positionally
	nposonly int      // how many may not be passed by keyword
	required []bool   // per parameter: no default
	variadic int      // > 0: any number >= variadic of positional args, no keywords (min, max, gcd)
}

func simpleSig(names []string, required int, posonly bool) sig {
	s := sig{names: names, npos: len(names)}
	if posonly {
		s.nposonly = len(names)
	}
	for i := range names {
		s.required = append(s.required, i < required)
	}
	return s
}

// mathSpec describes a math/cmath function: its signature and result.
type mathSpec struct {
	sig
	arg string // "real", "int" or "number": what each argument must be
	res func(args []ir.Scalar) ir.Type
}

func fixed(t ir.Type) func([]ir.Scalar) ir.Type { return func([]ir.Scalar) ir.Type { return t } }

var (
	floatFloat = &ir.Tuple{Elems: []ir.Type{ir.Float64, ir.Float64}}
	floatInt   = &ir.Tuple{Elems: []ir.Type{ir.Float64, ir.Int64}}
)

func pos(names ...string) sig { return simpleSig(names, len(names), true) }

var isCloseSig = sig{names: []string{"a", "b", "rel_tol", "abs_tol"}, npos: 2, required: []bool{true, true, false, false}}

var mathFuncs = map[string]mathSpec{}
var cmathFuncs = map[string]mathSpec{}

func init() {
	for _, n := range strings.Fields("sqrt exp expm1 exp2 cbrt log2 log10 log1p sin cos tan asin acos atan sinh cosh tanh asinh acosh atanh fabs erf erfc gamma lgamma degrees radians ulp") {
		mathFuncs[n] = mathSpec{pos("x"), "real", fixed(ir.Float64)}
	}
	for _, n := range strings.Fields("atan2 pow fmod copysign remainder nextafter") {
		mathFuncs[n] = mathSpec{pos("x", "y"), "real", fixed(ir.Float64)}
	}
	for _, n := range strings.Fields("floor ceil trunc") {
		mathFuncs[n] = mathSpec{pos("x"), "real", fixed(ir.Int64)}
	}
	for _, n := range strings.Fields("isnan isinf isfinite") {
		mathFuncs[n] = mathSpec{pos("x"), "real", fixed(ir.Bool)}
		cmathFuncs[n] = mathSpec{pos("z"), "number", fixed(ir.Bool)}
	}
	mathFuncs["log"] = mathSpec{simpleSig([]string{"x", "base"}, 1, true), "real", fixed(ir.Float64)}
	mathFuncs["hypot"] = mathSpec{sig{variadic: 1}, "real", fixed(ir.Float64)}
	mathFuncs["ldexp"] = mathSpec{pos("x", "i"), "real", fixed(ir.Float64)} // i: checked as int below
	mathFuncs["factorial"] = mathSpec{pos("n"), "int", fixed(ir.Int64)}
	mathFuncs["isqrt"] = mathSpec{pos("n"), "int", fixed(ir.Int64)}
	mathFuncs["gcd"] = mathSpec{sig{variadic: 1}, "int", fixed(ir.Int64)}
	mathFuncs["lcm"] = mathSpec{sig{variadic: 1}, "int", fixed(ir.Int64)}
	mathFuncs["comb"] = mathSpec{pos("n", "k"), "int", fixed(ir.Int64)}
	mathFuncs["perm"] = mathSpec{simpleSig([]string{"n", "k"}, 1, true), "int", fixed(ir.Int64)}
	mathFuncs["isclose"] = mathSpec{isCloseSig, "real", fixed(ir.Bool)}
	mathFuncs["frexp"] = mathSpec{pos("x"), "real", fixed(floatInt)}
	mathFuncs["modf"] = mathSpec{pos("x"), "real", fixed(floatFloat)}

	for _, n := range strings.Fields("sqrt exp log10 sin cos tan asin acos atan sinh cosh tanh asinh acosh atanh") {
		cmathFuncs[n] = mathSpec{pos("z"), "number", fixed(ir.Complex128)}
	}
	cmathFuncs["log"] = mathSpec{simpleSig([]string{"x", "base"}, 1, true), "number", fixed(ir.Complex128)}
	cmathFuncs["phase"] = mathSpec{pos("z"), "number", fixed(ir.Float64)}
	cmathFuncs["polar"] = mathSpec{pos("z"), "number", fixed(floatFloat)}
	cmathFuncs["rect"] = mathSpec{pos("r", "phi"), "real", fixed(ir.Complex128)}
	cmathFuncs["isclose"] = mathSpec{isCloseSig, "number", fixed(ir.Bool)}
}

var builtinSigs = map[string]sig{
	"abs":     pos("x"),
	"round":   simpleSig([]string{"number", "ndigits"}, 1, false),
	"int":     pos("x"),
	"float":   pos("x"),
	"bool":    pos("x"),
	"complex": simpleSig([]string{"real", "imag"}, 1, false),
	"divmod":  pos("x", "y"),
	"pow":     simpleSig([]string{"base", "exp", "mod"}, 2, false),
	"min":     {variadic: 2},
	"max":     {variadic: 2},
	"list":    pos("iterable"),
	"sorted":  {names: []string{"iterable", "key", "reverse"}, npos: 1, nposonly: 1, required: []bool{true, false, false}},
}

// callee is a resolved call target.
type callee struct {
	kind CallKind
	name string // builtin / function name within its module
	fn   *Func
	disp string // how messages spell it: "f", "math.sqrt", ...
	recv ast.Expr
	// closure is the callee expression when fn has captures (a lambda or
	// nested def, called through a variable or by its lifted name): its
	// function value gives the captures' types, and lower their values.
	closure ast.Expr
	// value is that function value's type.
	value *ir.FuncValue
	// row is the row of np.random.NAME or of a Generator method
	// (random.go).
	row *numpy.Row
}

// resolve finds what e.Func calls; ok is false after an error.
func (c *checker) resolve(e *ast.Call) (callee, bool) {
	switch f := e.Func.(type) {
	case *ast.Name:
		id := string(f.Id)
		if c.isLocal(id) {
			l := c.fs.fn.Scope[id]
			c.use(f, l)
			t := c.expr(f) // records its type
			if fv, ok := t.(*ir.FuncValue); ok {
				// A call through a function value (closure.go).
				return callee{kind: CallFunc, name: fv.Name, fn: fv.Code.(*Func), disp: id, closure: f, value: fv}, true
			}
			if t != nil {
				c.errorf(f, "'%s' object is not callable", pyName(t))
			}
			return callee{}, false
		}
		switch o := c.globals[id].(type) {
		case *Func:
			c.use(f, o)
			if o.Captures > 0 {
				// The lifted lambda or nested def called by name, in the
				// function it was defined in.
				fv, _ := c.expr(f).(*ir.FuncValue)
				if fv == nil {
					return callee{}, false
				}
				return callee{kind: CallFunc, name: id, fn: o, disp: id, closure: f, value: fv}, true
			}
			return callee{kind: CallFunc, name: id, fn: o, disp: id}, true
		case *Imported:
			c.use(f, o)
			return c.moduleCallee(e, o.Module, o.Name, id)
		case *Const:
			c.use(f, o)
			if o.Type != ir.Invalid { // else its definition failed and was reported
				c.errorf(f, "'%s' object is not callable", pyName(o.Type))
			}
		case *Module:
			c.use(f, o)
			c.errorf(f, "'module' object is not callable")
		case nil:
			switch {
			case builtinFuncNames[id]:
				c.use(f, &Builtin{Name: id})
				return callee{kind: CallBuiltin, name: id, disp: id}, true
			case supportedExceptions[id]:
				c.errorf(e, "unsupported: exception object outside a raise statement")
			case id == "len":
				c.use(f, &Builtin{Name: id})
				return callee{kind: CallBuiltin, name: id, disp: id}, true
			case id == "enumerate" || id == "zip":
				c.errorf(f, "unsupported: %s() outside a for loop header", id)
			default:
				c.errorf(f, "name '%s' is not defined", id)
			}
		}
		return callee{}, false
	case *ast.Attribute:
		if n, m := c.moduleOf(f.Value); m != nil {
			c.use(n, m)
			return c.moduleCallee(e, m.Path, string(f.Attr), string(n.Id)+"."+string(f.Attr))
		}
		if cl, ok, isRandom := c.randomCallee(e, f); isRandom {
			return cl, ok
		}
		if f.Attr == "conjugate" || numpy.LookupMethod(string(f.Attr)) != nil || listMethods[string(f.Attr)] {
			return callee{kind: CallMethod, name: string(f.Attr), disp: string(f.Attr), recv: f.Value}, true
		}
		if n, m, sub := c.numpySubmodule(f.Value); m != nil {
			c.use(n, m)
			disp := string(n.Id) + "." + sub + "." + string(f.Attr)
			if r := numpy.Lookup(sub + "." + string(f.Attr)); r != nil && r.Callable() {
				return callee{kind: CallNumpy, name: r.Path(), disp: disp}, true // np.linalg.solve(...)
			}
			// np.random.rand(...): one error naming the function.
			if numpy.Submodule(sub) {
				c.errorf(e, "%s", numpy.Unsupported("numpy."+sub, string(f.Attr), disp))
			} else {
				c.errorf(e, "%s", numpy.Unsupported("numpy", sub, string(n.Id)+"."+sub))
			}
			return callee{}, false
		}
		switch t := c.expr(f.Value).(type) {
		case nil: // reported already
		case *ir.Array:
			c.errorf(f, "%s", numpy.UnsupportedMethod(string(f.Attr), true))
		default:
			c.errorf(f, "'%s' object has no attribute '%s'", pyName(t), f.Attr)
		}
		return callee{}, false
	}
	c.errorf(e, "unsupported: call of a computed function")
	return callee{}, false
}

func (c *checker) moduleCallee(e *ast.Call, mod, name, disp string) (callee, bool) {
	switch mod {
	case "math":
		if _, ok := mathFuncs[name]; ok {
			return callee{kind: CallMath, name: name, disp: "math." + name}, true
		}
	case "cmath":
		if _, ok := cmathFuncs[name]; ok {
			return callee{kind: CallCmath, name: name, disp: "cmath." + name}, true
		}
	case "numpy":
		if r := numpy.Lookup(name); r != nil && r.Callable() {
			return callee{kind: CallNumpy, name: name, disp: disp}, true
		}
		if _, isConst := moduleConst(mod, name); !isConst {
			c.errorf(e, "%s", numpy.Unsupported("numpy", name, disp))
			return callee{}, false
		}
	case "numpy.linalg":
		// import numpy.linalg as la; from numpy.linalg import solve
		if r := numpy.Lookup("linalg." + name); r != nil && r.Callable() {
			return callee{kind: CallNumpy, name: r.Path(), disp: disp}, true
		}
		c.errorf(e, "%s", numpy.Unsupported(mod, name, disp))
		return callee{}, false
	case "numba":
		if name == "prange" {
			// numba.prange is range when run by Python, and kernels here
			// are compiled serially.
			return callee{kind: CallBuiltin, name: "range", disp: disp}, true
		}
	}
	if _, isConst := moduleConst(mod, name); isConst {
		c.errorf(e, "'float' object is not callable")
	} else {
		c.errorf(e, "unsupported: %s() (module '%s' has no such function, or pyc2go does not support it)", disp, mod)
	}
	return callee{}, false
}

// args evaluates the arguments in the order written and returns their types
// by position in e.Args and by keyword.
func (c *checker) args(e *ast.Call) ([]ir.Type, []ir.Type) {
	pt := make([]ir.Type, len(e.Args))
	for i, a := range e.Args {
		pt[i] = c.argExpr(a)
	}
	kt := make([]ir.Type, len(e.Keywords))
	for i, k := range e.Keywords {
		kt[i] = c.argExpr(k.Value)
	}
	return pt, kt
}

func (c *checker) argExpr(a ast.Expr) ir.Type {
	if _, ok := a.(*ast.Str); ok {
		c.errorf(a, "unsupported: string argument")
		return nil
	}
	t := c.expr(a)
	switch t.(type) {
	case ir.NoneType:
		if !isNoneValue(a) {
			if _, isName := a.(*ast.Name); !isName {
				return nil // a call returning nothing, reported there
			}
		}
	}
	return t
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "'" + n + "'"
	}
	switch len(q) {
	case 1:
		return q[0]
	case 2:
		return q[0] + " and " + q[1]
	}
	return strings.Join(q[:len(q)-1], ", ") + ", and " + q[len(q)-1]
}

// bind matches a call's arguments to s with CPython's rules and messages.
// It returns per parameter the argument's index in written order (-1 when
// omitted), or ok=false after reporting.
func (c *checker) bindArgs(e *ast.Call, disp string, s sig) (slots []int, ok bool) {
	nargs := len(e.Args)
	if s.variadic > 0 {
		if len(e.Keywords) > 0 {
			c.errorf(e, "unsupported: keyword arguments to %s()", disp)
			return nil, false
		}
		if nargs < s.variadic {
			c.errorf(e, "%s() expects at least %s, got %d (iterables are not supported)", disp, plural(s.variadic, "argument"), nargs)
			return nil, false
		}
		slots = make([]int, nargs)
		for i := range slots {
			slots[i] = i
		}
		return slots, true
	}
	if nargs > s.npos {
		minPos := 0
		for i := 0; i < s.npos; i++ {
			if s.required[i] {
				minPos = i + 1
			}
		}
		takes := plural(s.npos, "positional argument")
		if minPos < s.npos {
			takes = fmt.Sprintf("from %d to %d positional arguments", minPos, s.npos)
		}
		was := "were"
		if nargs == 1 {
			was = "was"
		}
		c.errorf(e, "%s() takes %s but %d %s given", disp, takes, nargs, was)
		return nil, false
	}
	slots = make([]int, len(s.names))
	for i := range slots {
		slots[i] = -1
	}
	for i := 0; i < nargs; i++ {
		slots[i] = i
	}
	ok = true
	seen := map[string]bool{}
	for k, kw := range e.Keywords {
		name := string(kw.Arg)
		if seen[name] {
			c.errorf(kw.Value, "keyword argument repeated: %s", name)
			ok = false
			continue
		}
		seen[name] = true
		idx := -1
		for i, n := range s.names {
			if n == name {
				idx = i
			}
		}
		switch {
		case idx < 0:
			c.errorf(kw.Value, "%s() got an unexpected keyword argument '%s'", disp, name)
			ok = false
		case idx < s.nposonly:
			c.errorf(kw.Value, "%s() got some positional-only arguments passed as keyword arguments: '%s'", disp, name)
			ok = false
		case slots[idx] >= 0:
			c.errorf(kw.Value, "%s() got multiple values for argument '%s'", disp, name)
			ok = false
		default:
			slots[idx] = nargs + k
		}
	}
	if !ok {
		return nil, false
	}
	var missPos, missKw []string
	for i, n := range s.names {
		if slots[i] < 0 && s.required[i] {
			if i < s.npos {
				missPos = append(missPos, n)
			} else {
				missKw = append(missKw, n)
			}
		}
	}
	if len(missPos) > 0 {
		c.errorf(e, "%s() missing %s: %s", disp, plural(len(missPos), "required positional argument"), quoteList(missPos))
		return nil, false
	}
	if len(missKw) > 0 {
		c.errorf(e, "%s() missing %s: %s", disp, plural(len(missKw), "required keyword-only argument"), quoteList(missKw))
		return nil, false
	}
	return slots, true
}

// written returns the argument expression with written index i.
func written(e *ast.Call, i int) ast.Expr {
	if i < len(e.Args) {
		return e.Args[i]
	}
	return e.Keywords[i-len(e.Args)].Value
}

// callInfo builds the bound argument list: per parameter the written
// argument or, if omitted, dflt(i) (nil: trailing omitted ones are dropped).
func callInfo(e *ast.Call, cl callee, slots []int, dflt func(i int) ast.Expr) *CallInfo {
	ci := &CallInfo{Kind: cl.kind, Name: cl.name, Func: cl.fn, Recv: cl.recv}
	n := len(slots)
	for n > 0 && slots[n-1] < 0 && (dflt == nil || dflt(n-1) == nil) {
		n--
	}
	order := make([]int, 0, n)
	byWritten := map[int]int{}
	var defaults []int
	for i := 0; i < n; i++ {
		if slots[i] >= 0 {
			ci.Args = append(ci.Args, written(e, slots[i]))
			byWritten[slots[i]] = i
		} else {
			var d ast.Expr
			if dflt != nil {
				d = dflt(i)
			}
			ci.Args = append(ci.Args, d)
			defaults = append(defaults, i)
		}
	}
	for w := 0; w < len(e.Args)+len(e.Keywords); w++ {
		if i, ok := byWritten[w]; ok {
			order = append(order, i)
		}
	}
	ci.ArgOrder = append(order, defaults...)
	return ci
}

// call types a call. stmt says the call is a statement, whose None result
// is fine.
func (c *checker) call(e *ast.Call, stmt bool) ir.Type {
	if c.isFString(e) {
		c.fstring(e)
		c.errorf(e, "unsupported: an f-string as a value (strings are not values); use it in print(), raise or assert, or print the values")
		return nil
	}
	if c.isPrintCall(e) {
		c.printCall(e)
		c.errorf(e, "unsupported: the value of print() (it is None); call print as a statement")
		return nil
	}
	cl, ok := c.resolve(e)
	if !ok {
		c.args(e)
		return nil
	}
	var t ir.Type
	switch cl.kind {
	case CallFunc:
		t = c.callFunc(e, cl)
	case CallBuiltin:
		if cl.name == "range" {
			c.args(e)
			c.errorf(e, "unsupported: %s() outside a for loop header", cl.disp)
			return nil
		}
		t = c.callBuiltin(e, cl)
	case CallMath, CallCmath:
		t = c.callMath(e, cl)
	case CallNumpy, CallMethod:
		switch {
		case cl.row != nil:
			t = c.callRandom(e, cl, stmt)
		case cl.kind == CallNumpy:
			t = c.callNumpy(e, cl)
		default:
			t = c.callMethod(e, cl, stmt)
		}
	}
	if stmt {
		c.record(e, t)
	}
	return t
}

func (c *checker) setCall(e *ast.Call, ci *CallInfo) {
	if c.final {
		c.info.Calls[e] = ci
	}
}

func (c *checker) callFunc(e *ast.Call, cl callee) ir.Type {
	pt, kt := c.args(e)
	for i, t := range append(append([]ir.Type{}, pt...), kt...) {
		a := ast.Expr(nil)
		if i < len(e.Args) {
			a = e.Args[i]
		} else {
			a = e.Keywords[i-len(e.Args)].Value
		}
		if c.generatorEscapes(a, t, "passing") {
			return nil
		}
	}
	fn := cl.fn
	s := sig{npos: len(fn.Params)}
	if fn.Def.Args != nil {
		s.npos = len(fn.Def.Args.Args)
	}
	// A function value's captures are not the caller's to pass.
	own := fn.Params[:len(fn.Params)-fn.Captures]
	for i, p := range own {
		s.names = append(s.names, p.Name)
		s.required = append(s.required, i >= len(fn.Defaults) || fn.Defaults[i] == nil)
	}
	slots, ok := c.bindArgs(e, cl.disp, s)
	if !ok {
		return fn.Result
	}
	argType := func(w int) ir.Type {
		if w < len(pt) {
			return pt[w]
		}
		return kt[w-len(pt)]
	}
	if fn.generic {
		types, known := c.instanceTypes(fn, slots, argType)
		if cl.value != nil && known {
			// The captures' types are the function value's.
			copy(types[len(types)-fn.Captures:], cl.value.Captures)
		}
		if !known {
			return nil // some argument's type is not known yet
		}
		in := c.instance(fn, types, e)
		if in == nil {
			return nil
		}
		c.reach(in)
		fn = in
		cl.fn = in
		if n, ok := e.Func.(*ast.Name); ok && !c.isLocal(string(n.Id)) {
			c.use(n, in) // a variable holding a function value keeps its Use
		}
	}
	if ovs := c.overloads[fn.PyName]; len(ovs) > 1 {
		// The first signature every argument converts to, as written
		// in the export lines; arrays must match dtype and rank.
		pick := func(exact bool) *Func {
			for _, o := range ovs {
				fits := len(o.Params) == len(fn.Params)
				for i, p := range o.Params {
					if !fits || slots[i] < 0 {
						continue
					}
					at := argType(slots[i])
					if at == nil || p.Type == nil || (exact && !ir.Identical(at, p.Type) && !sameArray(at, p.Type)) || !convertible(at, p.Type) {
						fits = false
					}
				}
				if fits {
					return o
				}
			}
			return nil
		}
		o := pick(true)
		if o == nil {
			o = pick(false)
		}
		if o == nil {
			var sigs []string
			for _, o := range ovs {
				sigs = append(sigs, o.Export.Pos.String())
			}
			c.errorf(e, "no pythran export signature of %s() takes these arguments (signatures at %s)", fn.PyName, strings.Join(sigs, ", "))
			return fn.Result
		}
		fn = o
		cl.fn = o
		if n, ok := e.Func.(*ast.Name); ok {
			c.use(n, o)
		}
	}
	for i, p := range fn.Params {
		if i >= len(slots) || slots[i] < 0 || p.Type == nil {
			continue // a capture, or omitted
		}
		w := slots[i]
		var at ir.Type
		if w < len(pt) {
			at = pt[w]
		} else {
			at = kt[w-len(pt)]
		}
		if at != nil && !convertible(at, p.Type) {
			c.errorf(written(e, w), "cannot pass a %s value as parameter '%s' of %s(), declared %s at %s (no implicit narrowing)", pyName(at), p.Name, fn.Name, pyName(p.Type), p.Pos)
		}
	}
	ci := callInfo(e, cl, slots, func(i int) ast.Expr { return fn.Defaults[i] })
	ci.Closure = cl.closure
	c.setCall(e, ci)
	return fn.Result
}

// argTypes returns the scalar types of the bound arguments (ok=false if
// one is unknown or not a scalar, the latter reported).
func (c *checker) argTypes(e *ast.Call, disp string, slots []int, pt, kt []ir.Type) ([]ir.Scalar, bool) {
	var out []ir.Scalar
	ok := true
	for _, w := range slots {
		if w < 0 {
			out = append(out, ir.Invalid)
			continue
		}
		var t ir.Type
		if w < len(pt) {
			t = pt[w]
		} else {
			t = kt[w-len(pt)]
		}
		switch t := t.(type) {
		case nil:
			ok = false
		case ir.Scalar:
			out = append(out, t)
			continue
		default:
			c.errorf(written(e, w), "%s() argument must be a number, not %s", disp, pyName(t))
			ok = false
		}
		out = append(out, ir.Invalid)
	}
	return out, ok
}

func (c *checker) callBuiltin(e *ast.Call, cl callee) ir.Type {
	if cl.name == "list" || cl.name == "sorted" {
		return c.listCall(e, cl) // list.go
	}
	if cl.name == "len" && len(e.Args) == 1 && len(e.Keywords) == 0 {
		if r, ok := e.Args[0].(*ast.Call); ok && c.iterBuiltin(r) == "range" {
			// len(range(...)): the number of values it yields.
			if c.iter(r) == nil {
				return nil
			}
			c.setCall(e, &CallInfo{Kind: CallBuiltin, Name: "len", Args: e.Args, ArgOrder: []int{0}})
			return ir.Int64
		}
	}
	pt, kt := c.args(e)
	if cl.name == "len" {
		if len(e.Args) != 1 || len(e.Keywords) > 0 {
			c.errorf(e, "len() takes exactly one argument (%d given)", len(e.Args)+len(e.Keywords))
			return nil
		}
		switch t := pt[0].(type) {
		case nil:
			return nil
		case *ir.Array, *ir.Tuple, *ir.List:
		default:
			c.errorf(e.Args[0], "object of type '%s' has no len()", pyName(t))
			return nil
		}
		c.setCall(e, &CallInfo{Kind: CallBuiltin, Name: "len", Args: e.Args, ArgOrder: []int{0}})
		return ir.Int64
	}
	if cl.name == "abs" && len(e.Args) == 1 && len(e.Keywords) == 0 {
		if a, isA := isArr(pt[0]); isA {
			// abs(a) of an array is np.absolute(a): the same ufunc.
			c.setCall(e, &CallInfo{Kind: CallNumpy, Name: "absolute", Row: numpy.Lookup("absolute"), Args: e.Args, ArgOrder: []int{0}})
			k, msg := numpy.UnaryDType("abs", a.Elem)
			if msg != "" {
				c.errorf(e, "%s", msg)
				return nil
			}
			return numpy.Fresh(k, a.Rank)
		}
	}
	slots, ok := c.bindArgs(e, cl.name, builtinSigs[cl.name])
	if !ok {
		return nil
	}
	c.setCall(e, callInfo(e, cl, slots, nil))
	ts, ok := c.argTypes(e, cl.name, slots, pt, kt)
	if !ok {
		return nil
	}
	arg := func(i int) ast.Expr { return written(e, slots[i]) }
	switch cl.name {
	case "abs":
		t, msg := unaryType("abs", ts[0])
		if msg != "" {
			c.errorf(e, "%s", msg)
			return nil
		}
		return t
	case "min", "max":
		var t ir.Type
		for i, s := range ts {
			if s.IsComplex() {
				other := ts[(i+1)%len(ts)]
				c.errorf(arg(i), "'<' not supported between instances of '%s' and '%s' (%s() orders its arguments)", pyName(s), pyName(other), cl.name)
				return nil
			}
			nt, ok := join(t, s)
			if !ok {
				c.errorf(arg(i), "%s() arguments of types %s and %s do not unify", cl.name, pyName(t), pyName(s))
				return nil
			}
			t = nt
		}
		return t
	case "round":
		if ts[0].IsComplex() {
			c.errorf(arg(0), "type %s doesn't define __round__ method", pyName(ts[0]))
			return nil
		}
		if len(ts) < 2 || ts[1] == ir.Invalid {
			return ir.Int64
		}
		if class(ts[1]) > 1 {
			c.errorf(arg(1), "'%s' object cannot be interpreted as an integer", pyName(ts[1]))
			return nil
		}
		if ts[0] == ir.Bool {
			return ir.Int64
		}
		return ts[0]
	case "int", "float":
		if ts[0].IsComplex() {
			c.errorf(arg(0), "%s() argument must be a string or a real number, not 'complex'", cl.name)
			return nil
		}
		if cl.name == "int" {
			return ir.Int64
		}
		return ir.Float64
	case "bool":
		return ir.Bool
	case "complex":
		if ts[0] == ir.Invalid {
			c.errorf(e, "unsupported: complex() without its real part")
			return nil
		}
		return ir.Complex128
	case "divmod":
		t, msg := binaryType("//", ts[0], ts[1], false)
		if msg != "" {
			c.errorf(e, "unsupported operand type(s) for divmod(): '%s' and '%s'", pyName(ts[0]), pyName(ts[1]))
			return nil
		}
		return &ir.Tuple{Elems: []ir.Type{t, t}}
	case "pow":
		if len(ts) == 3 && ts[2] != ir.Invalid {
			for _, s := range ts {
				if class(s) > 1 || !isPy(s) {
					c.errorf(e, "pow() 3rd argument not allowed unless all arguments are integers")
					return nil
				}
			}
			return ir.Int64
		}
		neg := false
		if v, ok := c.constInt(arg(1)); ok && v < 0 {
			neg = true
		}
		t, msg := binaryType("**", ts[0], ts[1], neg)
		if msg != "" {
			c.errorf(e, "unsupported operand type(s) for pow(): '%s' and '%s'", pyName(ts[0]), pyName(ts[1]))
			return nil
		}
		return t
	}
	return nil
}

func (c *checker) callMath(e *ast.Call, cl callee) ir.Type {
	pt, kt := c.args(e)
	spec := mathFuncs[cl.name]
	if cl.kind == CallCmath {
		spec = cmathFuncs[cl.name]
	}
	if len(e.Keywords) > 0 && spec.nposonly == len(spec.names) && spec.variadic == 0 {
		c.errorf(e, "%s() takes no keyword arguments", cl.disp)
		return nil
	}
	slots, ok := c.bindArgs(e, cl.disp, spec.sig)
	if !ok {
		return nil
	}
	var dflt func(int) ast.Expr
	if cl.name == "isclose" && c.final { // isclose: rel_tol=1e-09, abs_tol=0.0
		dflt = func(i int) ast.Expr {
			v := py.Float(1e-9)
			if i == 3 {
				v = 0
			}
			n := &ast.Num{ExprBase: ast.ExprBase{Pos: ast.Pos{Lineno: e.Lineno, ColOffset: e.ColOffset}}, N: v}
			c.record(n, ir.Float64)
			return n
		}
	}
	c.setCall(e, callInfo(e, cl, slots, dflt))
	ts, ok := c.argTypes(e, cl.disp, slots, pt, kt)
	if !ok {
		return nil
	}
	for i, s := range ts {
		if s == ir.Invalid {
			continue
		}
		a := written(e, slots[i])
		switch {
		case spec.arg == "number":
		case s.IsComplex():
			hint := ""
			if _, ok := cmathFuncs[cl.name]; ok {
				hint = "; use cmath." + cl.name
			}
			c.errorf(a, "%s() needs a real number, got complex%s", cl.disp, hint)
			return nil
		case (spec.arg == "int" || (cl.name == "ldexp" && i == 1)) && class(s) > 1:
			c.errorf(a, "%s() needs an integer, got %s ('%s' object cannot be interpreted as an integer)", cl.disp, pyName(s), pyName(s))
			return nil
		case cl.name == "trunc" && isSized(s):
			// math.trunc needs __trunc__, which numpy 1.24's scalar
			// types lack (math.floor and math.ceil fall back to float).
			c.errorf(a, "%s() of %s is a TypeError in Python (numpy scalars do not define __trunc__); use int()", cl.disp, pyName(s))
			return nil
		case cl.name == "rect" && s.IsComplex():
			c.errorf(a, "%s() needs a real number, got complex", cl.disp)
			return nil
		}
	}
	return spec.res(ts)
}

// callNumpy types np.NAME(...) by its row.
func (c *checker) callNumpy(e *ast.Call, cl callee) ir.Type {
	return c.callRow(e, numpy.Lookup(cl.name), cl.disp, nil, nil, false)
}

func (c *checker) callMethod(e *ast.Call, cl callee, stmt bool) ir.Type {
	rt := c.expr(cl.recv)
	if a, isA := isArr(rt); isA {
		if row := numpy.LookupMethod(cl.name); row != nil {
			return c.callRow(e, row, cl.name, cl.recv, a, stmt)
		}
		c.args(e)
		c.errorf(e, "%s", numpy.UnsupportedMethod(cl.name, true))
		return nil
	}
	if lt, isL := rt.(*ir.List); isL && listMethods[cl.name] {
		return c.listMethod(e, cl.recv, lt, cl.name, stmt) // list.go
	}
	if cl.name != "conjugate" {
		c.args(e)
		if rt != nil {
			c.errorf(e, "'%s' object has no attribute '%s'", pyName(rt), cl.name)
		}
		return nil
	}
	c.args(e)
	if len(e.Args)+len(e.Keywords) > 0 {
		c.errorf(e, "conjugate() takes no arguments (%d given)", len(e.Args)+len(e.Keywords))
		return nil
	}
	if rt == nil {
		return nil
	}
	s, ok := rt.(ir.Scalar)
	if !ok {
		c.errorf(e, "'%s' object has no attribute 'conjugate'", pyName(rt))
		return nil
	}
	c.setCall(e, &CallInfo{Kind: CallMethod, Name: "conjugate", Recv: cl.recv, ArgOrder: []int{}})
	if s == ir.Bool {
		return ir.Int64
	}
	return s
}

// rangeCall checks the iterable of a for loop; it reports whether the
// call is range() (or numba.prange()), even a wrong one.
func (c *checker) rangeCall(e *ast.Call) bool {
	switch f := e.Func.(type) {
	case *ast.Name:
		id := string(f.Id)
		if c.isLocal(id) {
			return false
		}
		switch o := c.globals[id].(type) {
		case nil:
			if id != "range" {
				return false
			}
			c.use(f, &Builtin{Name: "range"})
		case *Imported:
			if o.Module != "numba" || o.Name != "prange" {
				return false
			}
			c.use(f, o)
		default:
			return false
		}
	case *ast.Attribute:
		n, m := c.moduleOf(f.Value)
		if m == nil || m.Path != "numba" || f.Attr != "prange" {
			return false
		}
		c.use(n, m)
	default:
		return false
	}
	pt, _ := c.args(e)
	if len(e.Keywords) > 0 {
		c.errorf(e, "range() takes no keyword arguments")
		return true
	}
	if len(e.Args) < 1 || len(e.Args) > 3 {
		if len(e.Args) > 3 {
			c.errorf(e, "range expected at most 3 arguments, got %d", len(e.Args))
		} else {
			c.errorf(e, "range expected at least 1 argument, got 0")
		}
		return true
	}
	for i, t := range pt {
		if t == nil {
			continue
		}
		if s, ok := t.(ir.Scalar); !ok || class(s) > 1 {
			c.errorf(e.Args[i], "'%s' object cannot be interpreted as an integer", pyName(t))
		}
	}
	ci := &CallInfo{Kind: CallBuiltin, Name: "range", Args: e.Args}
	for i := range e.Args {
		ci.ArgOrder = append(ci.ArgOrder, i)
	}
	c.setCall(e, ci)
	return true
}
