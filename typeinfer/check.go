package typeinfer

import (
	"fmt"
	"maps"
	"strings"

	"github.com/go-python/gpython/ast"
	"github.com/go-python/gpython/py"

	"github.com/pyc2go/pyc2go/frontend"
	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/numpy"
)

// Imported is a name bound by `from MODULE import NAME` that is not a value
// constant (constants such as `from math import pi` become a *Const): a
// function like math.sqrt, a numpy scalar type, numba.prange or a decorator.
type Imported struct {
	Module string // "math", "cmath", "numpy", "numba", "typing", ...
	Name   string
}

func (*Imported) isObject() {}

// Check infers the types of f and resolves its names, calls and attributes.
// On failure it returns a nil Info and a frontend.ErrorList with every
// independent error, sorted.
func Check(f *frontend.File) (info *Info, err error) {
	c := &checker{
		f: f,
		info: &Info{
			File:  f,
			Types: map[ast.Expr]ir.Type{},
			Uses:  map[*ast.Name]Object{},
			Calls: map[*ast.Call]*CallInfo{},
			Attrs: map[*ast.Attribute]*AttrInfo{},
			Index: map[*ast.Subscript]*IndexInfo{},

			ValueGuards: map[ast.Expr][]*numpy.ValueGuard{},
			Loops:       map[*ast.For]*LoopInfo{},

			Static: map[ast.Expr]bool{},
			Iters:  map[ast.Expr]*IterInfo{},
			Cut:    map[ast.Stmt]bool{},
		},
		annots:    map[ast.Stmt]*frontend.VarAnnot{},
		globals:   map[string]Object{},
		funcs:     map[*Func]*funcState{},
		overloads: map[string][]*Func{},
		seen:      map[string]bool{},
		reported:  map[any]bool{},
		masks:     map[ast.Expr]bool{},
		u64:       map[ast.Expr]bool{},
	}
	if f == nil || f.Module == nil {
		return nil, frontend.ErrorList{{Pos: frontend.Pos{Line: 1, Col: 1}, Msg: "no module to check"}}
	}
	// The file's side tables, which overload copies extend: the File
	// itself is the frontend's and stays as it parsed.
	c.info.MatMul = maps.Clone(f.MatMul)
	if c.info.MatMul == nil {
		c.info.MatMul = map[*ast.BinOp]bool{}
	}
	maps.Copy(c.annots, f.Annots)
	c.module()
	c.resolveRanks()
	c.solve()
	if c.tracing {
		return nil, c.result()
	}
	c.checkNDResults()
	if err := c.result(); err != nil {
		return nil, err
	}
	// Only on a file that checks: the shape pass reads the final Info.
	c.staticShapes()
	if err := c.result(); err != nil {
		return nil, err
	}
	return c.info, nil
}

type checker struct {
	f    *frontend.File
	info *Info
	// masks are the integer literals used as 64-bit masks (noteMask);
	// u64 those that are np.uint64's argument (u64Literal).
	masks, u64 map[ast.Expr]bool
	// annots is f.Annots (the annotated statements) and their copies in
	// overloads (cloneDef).
	annots   map[ast.Stmt]*frontend.VarAnnot
	errs     frontend.ErrorList
	seen     map[string]bool // dedupes identical errors (same position and text)
	reported map[any]bool    // things reported once (an unknown local, ...)
	globals  map[string]Object
	funcs    map[*Func]*funcState
	// overloads lists the Funcs of each function exported by `#pythran
	// export` lines (one per signature); calls pick by argument types.
	overloads map[string][]*Func
	// ndPending are the npt.NDArray annotations, whose rank (parameters)
	// or dtype (locals, results) is settled around inference.
	ndPending []ndPending

	final   bool // the last pass: record Info and report errors
	changed bool // some local or result type widened in this pass
	// order lists the module's functions as defined (templates
	// included); liveQueue the instances the final pass reached and has
	// yet to walk (instance.go).
	order     []*Func
	liveQueue []*Func
	// tracing is set on the pass after maxPasses, which records the first
	// type that still changes in unsettled (see solve).
	tracing   bool
	unsettled *unsettled
	fs        *funcState
}

// funcState is what checking one function needs beyond Func.
type funcState struct {
	fn         *Func
	declared   map[*Local]frontend.Pos // annotated locals and parameters: where declared
	why        map[*Local]frontend.Pos // where the local got its current type
	assigned   map[*Local]bool         // has a value definition somewhere
	resultDecl frontend.Pos            // position of the `-> T` annotation, if any
	hasDecl    bool
	resultWhy  frontend.Pos      // where the inferred result got its type
	bare       string            // the kind of a bare result annotation (bareKind), "" if none
	imports    map[string]Object // names bound by imports inside the function
	nn         nullState         // what is known of None-ness here (none.go)
	cut        bool              // the statement just checked ends its block for good (Info.Cut)
	valueRet   bool              // some `return value`
	iterating  []string          // the names the enclosing for loops iterate over (list.go)
	bareRet    []ast.Stmt        // bare `return` (or `return None`)
	loopDepth  int
	handlers   int                     // except clauses enclosing the statement (try.go)
	partOK     map[*ast.Attribute]bool // .real/.imag only read as operands (partOperands)
}

func (c *checker) result() error {
	c.errs.Sort()
	return c.errs.Err()
}

func (c *checker) pos(n ast.Ast) frontend.Pos { return c.f.Pos(n) }

// errorAt reports unconditionally (module-level checks run once).
func (c *checker) errorAt(pos frontend.Pos, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	key := pos.String() + "\x00" + msg
	if c.seen[key] {
		return
	}
	c.seen[key] = true
	c.errs = append(c.errs, &frontend.Error{Pos: pos, Msg: msg})
}

// errorf reports from function bodies, which are walked many times while
// types settle: only the final pass, which sees the fixed point, reports.
func (c *checker) errorf(n ast.Ast, format string, args ...any) {
	if c.final {
		c.errorAt(c.pos(n), format, args...)
	}
}

func (c *checker) record(e ast.Expr, t ir.Type) {
	if c.final && t != nil {
		c.info.Types[e] = t
	}
}

func (c *checker) use(n *ast.Name, o Object) {
	if c.final && o != nil {
		c.info.Uses[n] = o
	}
}

var supportedImports = map[string]bool{"math": true, "cmath": true, "numpy": true, "numba": true, "numpy.typing": true, "numpy.linalg": true}

// ignoredImports are accepted by frontend but only matter to annotations
// (typing) or to other tools (pythran, __future__).
var ignoredImports = map[string]bool{"typing": true, "pythran": true, "__future__": true}

// failedImport stands for a name whose import was reported: a constant of
// unknown type, whose uses are not reported again.
func failedImport(name string) Object { return &Const{Name: name} }

func (c *checker) bind(name string, o Object, n ast.Ast) {
	if old, dup := c.globals[name]; dup {
		if om, ok := old.(*Module); ok {
			if nm, ok := o.(*Module); ok && om.Path == nm.Path {
				return // the same import twice is harmless
			}
		}
		c.errorAt(c.pos(n), "unsupported: '%s' is defined more than once at module level", name)
		return
	}
	c.globals[name] = o
}

// module collects imports, constants and functions. Constants are folded
// in source order, as Python runs them; functions are all known before any
// body is checked, so calls may precede definitions.
func (c *checker) module() {
	var defs []*ast.FunctionDef
	exports := c.exportsByFunc()
	defNames := map[string]bool{}
	for _, s := range c.f.Module.Body {
		if d, ok := s.(*ast.FunctionDef); ok {
			defNames[string(d.Name)] = true
		}
	}
	for i, s := range c.f.Module.Body {
		switch s := s.(type) {
		case *ast.Import, *ast.ImportFrom:
			c.imports(s, func(name string, o Object, n ast.Ast) {
				if n == nil {
					c.globals[name] = o
					return
				}
				c.bind(name, o, n)
			})
		case *ast.Assign:
			c.constant(s)
		case *ast.FunctionDef:
			defs = append(defs, s)
			name := string(s.Name)
			exps := exports[name]
			if len(exps) == 0 {
				fn := &Func{Name: name, PyName: name, Def: s, Pos: c.pos(s), Scope: map[string]*Local{}, generic: isGeneric(s), Captures: len(c.f.Captures[name])}
				c.order = append(c.order, fn)
				if !fn.generic {
					c.info.Funcs = append(c.info.Funcs, fn)
				}
				c.bind(fn.Name, fn, s)
				continue
			}
			for k, ex := range exps {
				d := s
				if k > 0 {
					d = c.cloneDef(s)
				}
				fn := &Func{Name: OverloadName(name, k), PyName: name, Export: ex, Def: d, Pos: c.pos(s), Scope: map[string]*Local{}}
				c.info.Funcs = append(c.info.Funcs, fn)
				c.order = append(c.order, fn)
				c.overloads[name] = append(c.overloads[name], fn)
				if k == 0 {
					c.bind(fn.Name, fn, s)
				} else if defNames[fn.Name] {
					// Not bound: Python has no function f_2, so calls
					// name f and pick the overload by argument types.
					c.errorAt(ex.Pos, "the %s pythran export signature of '%s' compiles to a function named '%s', which this module already defines; rename that function", ordinal(k+1), name, fn.Name)
				}
			}
		case *ast.ExprStmt:
			if i == 0 { // module docstring
				continue
			}
		}
	}
	for _, fn := range c.order {
		c.declare(fn)
	}
}

// imports binds the names an import statement defines, with bind: the
// module's globals (c.bind) for a module-level import, the function's own
// names for an import inside a function. n is nil for the names of
// imports only annotations use (typing), which may be bound twice.
func (c *checker) imports(s ast.Stmt, bind func(name string, o Object, n ast.Ast)) {
	switch s := s.(type) {
	case *ast.Import:
		for _, a := range s.Names {
			root, _, _ := strings.Cut(string(a.Name), ".")
			name := root
			path := root
			if a.AsName != "" {
				name, path = string(a.AsName), string(a.Name)
			}
			switch {
			case ignoredImports[root]:
				bind(name, &Module{Path: path}, nil)
			case !supportedImports[path]:
				if sub, ok := strings.CutPrefix(path, "numpy."); ok && numpy.Submodule(sub) {
					c.errorAt(c.pos(s), "%s is not supported yet", path)
				} else {
					c.errorAt(c.pos(s), "unsupported: import of module '%s'; supported modules are math, cmath, numpy, numba", a.Name)
				}
				bind(name, failedImport(name), s)
			default:
				bind(name, &Module{Path: path}, s)
			}
		}
	case *ast.ImportFrom:
		mod := string(s.Module)
		for _, a := range s.Names {
			name := string(a.Name)
			local := name
			if a.AsName != "" {
				local = string(a.AsName)
			}
			if ignoredImports[mod] {
				bind(local, &Imported{Module: mod, Name: name}, nil)
				continue
			}
			o := c.importedObject(mod, name)
			if sub, ok := strings.CutPrefix(mod, "numpy."); o == nil && (mod == "numpy" || ok && numpy.Submodule(sub)) {
				switch {
				case numpy.Has(mod, name):
					c.errorAt(c.pos(s), "cannot import name '%s' from '%s': %s.%s is not supported yet", name, mod, mod, name)
				case mod == "numpy" && len(numpy.Suggest(name)) > 0:
					c.errorAt(c.pos(s), "cannot import name '%s' from 'numpy'; did you mean %s?", name, strings.Join(numpy.Suggest(name), " or "))
				default:
					c.errorAt(c.pos(s), "cannot import name '%s' from '%s'", name, mod)
				}
				bind(local, failedImport(local), s)
				continue
			}
			if o == nil {
				c.errorAt(c.pos(s), "cannot import name '%s' from '%s' (not supported by pyc2go)", name, mod)
				bind(local, failedImport(local), s)
				continue
			}
			bind(local, o, s)
		}
	}
}

func (c *checker) importedObject(mod, name string) Object {
	if v, ok := moduleConst(mod, name); ok {
		return &Const{Name: name, Type: v.Type, Value: v.Value}
	}
	switch mod {
	case "math":
		if _, ok := mathFuncs[name]; ok {
			return &Imported{Module: mod, Name: name}
		}
	case "cmath":
		if _, ok := cmathFuncs[name]; ok {
			return &Imported{Module: mod, Name: name}
		}
	case "numpy":
		if r := numpy.Lookup(name); r != nil && r.Callable() {
			return &Imported{Module: mod, Name: name}
		}
		if name == "linalg" { // from numpy import linalg
			return &Module{Path: "numpy.linalg"}
		}
	case "numpy.linalg":
		if r := numpy.Lookup("linalg." + name); r != nil && r.Callable() {
			return &Imported{Module: mod, Name: name}
		}
	case "numpy.typing":
		if name == "NDArray" {
			return &Imported{Module: mod, Name: name}
		}
	case "numba":
		switch name {
		case "njit", "jit", "prange":
			return &Imported{Module: mod, Name: name}
		}
	}
	return nil
}

// constant folds a module-level `NAME = expr` (optionally annotated).
func (c *checker) constant(s *ast.Assign) {
	if len(s.Targets) != 1 {
		c.errorAt(c.pos(s), "unsupported: module-level statement; only imports, functions, constants and docstrings")
		return
	}
	target, ok := s.Targets[0].(*ast.Name)
	if !ok {
		c.errorAt(c.pos(s), "unsupported: module-level statement; only imports, functions, constants and docstrings")
		return
	}
	name := string(target.Id)
	v, ok := c.fold(s.Value, fmt.Sprintf("module constant '%s'", name))
	if !ok {
		c.globals[name] = &Const{Name: name, Pos: c.pos(target)} // suppress follow-up errors
		return
	}
	if va := c.annots[s]; va != nil {
		t, ok := c.annotation(va.Annot, false)
		if !ok {
			return
		}
		st, isScalar := t.(ir.Scalar)
		if !isScalar || !isPy(st) {
			spell := typeString(t)
			if ra, rankless := isRankless(t); rankless {
				spell = ndSpelling(ra.Elem)
			}
			c.errorAt(c.pos(va.Annot), "unsupported: module constant '%s' annotated %s; constants are int, float, bool or complex", name, spell)
			return
		}
		if !convertible(v.Type, st) {
			c.errorAt(c.pos(s.Value), "module constant '%s' is annotated %s but its value is %s", name, pyName(t), pyName(v.Type))
			return
		}
		v = convertConst(v, st)
	}
	k := &Const{Name: name, Type: v.Type, Value: v.Value, Pos: c.pos(target)}
	c.info.Consts = append(c.info.Consts, k)
	c.bind(name, k, s)
}

func convertConst(v cval, to ir.Scalar) cval {
	switch to {
	case ir.Int64:
		return cval{to, v.asInt()}
	case ir.Float64:
		return cval{to, v.asFloat()}
	case ir.Complex128:
		return cval{to, v.asComplex()}
	}
	return v
}

// fold evaluates a constant expression (a module constant or a parameter
// default) with Python semantics, recording the types of its parts.
func (c *checker) fold(e ast.Expr, what string) (cval, bool) {
	v, cerr := c.foldExpr(e)
	if cerr != nil {
		c.errorAt(c.pos(cerr.node), "%s", cerr.msg)
		return cval{}, false
	}
	c.info.Types[e] = v.Type
	return v, true
}

func (c *checker) foldExpr(e ast.Expr) (v cval, cerr *constErr) {
	nonConst := func(n ast.Ast) *constErr {
		return &constErr{n, "not a constant expression: constants may only use literals, other module constants, math.pi and the like, and arithmetic"}
	}
	defer func() {
		if cerr == nil {
			c.info.Types[e] = v.Type
		}
	}()
	if v, msg, ok := literal(e); ok {
		if msg != "" {
			return v, &constErr{e, msg}
		}
		return v, nil
	}
	switch e := e.(type) {
	case *ast.Name:
		switch o := c.globals[string(e.Id)].(type) {
		case *Const:
			c.info.Uses[e] = o
			if o.Type == ir.Invalid { // its definition failed and was reported
				return cval{}, &constErr{e, ""}
			}
			return cval{o.Type, o.Value}, nil
		case nil:
			if _, isFunc := c.funcNamed(string(e.Id)); isFunc {
				return cval{}, nonConst(e)
			}
			return cval{}, &constErr{e, fmt.Sprintf("name '%s' is not defined", e.Id)}
		}
		return cval{}, nonConst(e)
	case *ast.Attribute:
		if n, ok := e.Value.(*ast.Name); ok {
			if m, ok := c.globals[string(n.Id)].(*Module); ok {
				if v, ok := moduleConst(m.Path, string(e.Attr)); ok {
					c.info.Uses[n] = m
					c.info.Attrs[e] = &AttrInfo{Kind: AttrConst, Type: v.Type, Value: v.Value}
					return v, nil
				}
			}
		}
		return cval{}, nonConst(e)
	case *ast.UnaryOp:
		x, err := c.foldExpr(e.Operand)
		if err != nil {
			return x, err
		}
		r, msg := foldUnary(e.Op, x)
		if msg != "" {
			return r, &constErr{e, msg}
		}
		return r, nil
	case *ast.BinOp:
		l, err := c.foldExpr(e.Left)
		if err != nil {
			return l, err
		}
		r, err := c.foldExpr(e.Right)
		if err != nil {
			return r, err
		}
		v, msg := foldBinary(opNames[e.Op], l, r)
		if msg != "" {
			return v, &constErr{e, msg}
		}
		return v, nil
	}
	return cval{}, nonConst(e)
}

func (c *checker) funcNamed(name string) (*Func, bool) {
	for _, fn := range c.info.Funcs {
		if fn.Name == name {
			return fn, true
		}
	}
	return nil, false
}

// declare sets up a function's parameters, defaults, declared result,
// locals and docstring before any body is checked.
func (c *checker) declare(fn *Func) {
	d := fn.Def
	fs := &funcState{fn: fn, declared: map[*Local]frontend.Pos{}, why: map[*Local]frontend.Pos{}, assigned: map[*Local]bool{}}
	if fn.Def != nil {
		fs.partOK = partOperands(fn.Def.Body)
	}
	c.funcs[fn] = fs
	var args, kwonly []*ast.Arg
	var defaults, kwdefaults []ast.Expr
	if d.Args != nil {
		args, kwonly, defaults, kwdefaults = d.Args.Args, d.Args.Kwonlyargs, d.Args.Defaults, d.Args.KwDefaults
	}
	all := append(append([]*ast.Arg{}, args...), kwonly...)
	fn.Defaults = make([]ast.Expr, len(all))
	fn.DefaultValues = make([]*Const, len(all))
	fn.KwOnly = len(kwonly)
	for i, dft := range defaults {
		if k := len(args) - len(defaults) + i; k >= 0 {
			fn.Defaults[k] = dft
		}
	}
	// gpython lists only the keyword-only defaults that exist, where
	// CPython's kw_defaults holds None for the others (def f(*, w,
	// clamp=True) has one), so each default belongs to the last
	// keyword-only parameter written before it.
	for _, dft := range kwdefaults {
		k := -1
		for i, a := range kwonly {
			if a.Lineno < dft.GetLineno() || a.Lineno == dft.GetLineno() && a.ColOffset < dft.GetColOffset() {
				k = i
			}
		}
		if k >= 0 {
			fn.Defaults[len(args)+k] = dft
		}
	}
	if fn.Export != nil {
		c.exportParams(fn, all)
	}
	if fn.generic {
		fn.untyped = make([]bool, len(all))
	}
	for i, a := range all {
		p := &Local{Name: string(a.Arg), Pos: c.pos(a), Param: true}
		if _, dup := fn.Scope[p.Name]; dup {
			c.errorAt(p.Pos, "duplicate argument '%s' in function definition", p.Name)
			continue
		}
		var et ir.Type
		if fn.exportOK && i < len(fn.exportTypes) {
			et = fn.exportTypes[i]
		}
		switch {
		case a.Annotation == nil && fn.Export != nil:
			if et != nil {
				p.Type = et
			} else if fn.exportOK {
				// Not in the export signature: it has a default.
				if v, ok := c.fold(fn.Defaults[i], fmt.Sprintf("default of parameter '%s'", p.Name)); ok {
					p.Type = v.Type
				}
			}
		case a.Annotation == nil && fn.sigTypes != nil:
			p.Type = fn.sigTypes[i] // an instance: the call's types
		case a.Annotation == nil && fn.generic:
			fn.untyped[i] = true // a template: the calls give the type
		case a.Annotation == nil:
			c.errorAt(p.Pos, "%s", needsTypeMsg(p.Name, fn.Name))
		default:
			if t, ok := c.annotation(a.Annotation, false); ok {
				if ra, rankless := isRankless(t); rankless {
					if ea, ok := et.(*ir.Array); ok && ea.Elem == ra.Elem {
						t = et // the export line gives the rank
					} else if et == nil {
						c.ndPending = append(c.ndPending, ndPending{fn: fn, l: p, elem: ra.Elem, annot: c.pos(a.Annotation)})
					}
				}
				p.Type = t
				if et != nil && !ir.Identical(t, et) && !sameArray(t, et) {
					spell := pyName(t)
					if ra, rankless := isRankless(t); rankless {
						spell = ndSpelling(ra.Elem)
						p.Type = et // the body is checked with a rank, not with a rankless array
					}
					c.errorAt(c.pos(a.Annotation), "parameter '%s' of %s is annotated %s but the pythran export at %s declares %s", p.Name, fn.PyName, spell, fn.Export.Pos, pyName(et))
				}
			}
		}
		fn.Params = append(fn.Params, p)
		fn.Scope[p.Name] = p
		if _, none := p.Type.(ir.NoneType); !none {
			// An instance's None parameter may be assigned a value: it
			// widens to an optional (none.go).
			fs.declared[p] = p.Pos
		}
		fs.why[p] = p.Pos
		fs.assigned[p] = true
		if dft := fn.Defaults[i]; dft != nil && isNoneExpr(dft) && a.Annotation == nil && fn.Export == nil {
			// f(x, out=None): the parameter's type is the argument's, or
			// None where it is omitted (instance.go).
			c.info.Types[dft] = ir.None
		} else if dft != nil && isNoneExpr(dft) {
			// out: "float64[:]" = None is Optional (PEP 484's implicit
			// Optional).
			c.info.Types[dft] = ir.None
			if p.Type != nil {
				if _, opt := p.Type.(*ir.Optional); !opt && canBeOptional(p.Type) {
					p.Type = &ir.Optional{Elem: p.Type}
				} else if !opt {
					c.errorAt(c.pos(dft), "default value of parameter '%s' is None but the parameter is declared %s", p.Name, pyName(p.Type))
				}
			}
		} else if dft != nil {
			what := fmt.Sprintf("default of parameter '%s'", p.Name)
			v, ok := c.fold(dft, what)
			if ok && p.Type != nil && !convertible(v.Type, p.Type) && fn.sigTypes != nil && a.Annotation == nil {
				// An instance whose calls pass another type: the default
				// is not its signature's (another instance has it).
			} else if ok && p.Type != nil && !convertible(v.Type, p.Type) {
				c.errorAt(c.pos(dft), "default value of parameter '%s' is %s but the parameter is declared %s", p.Name, pyName(v.Type), pyName(p.Type))
			} else if ok {
				fn.DefaultValues[i] = &Const{Type: v.Type, Value: v.Value, Pos: c.pos(dft)}
			}
		}
	}
	for _, p := range fn.Params {
		if o, opt := p.Type.(*ir.Optional); opt && !isPrivate(fn) {
			if _, num := o.Elem.(ir.Scalar); num {
				c.errorAt(p.Pos, "unsupported: parameter '%s' of %s may be None, and the generated Go and C functions have no optional numbers; give it a number default (%s: %s = 0) or make %s a helper (_%s) called from compiled code", p.Name, fn.PyName, p.Name, pyName(o.Elem), fn.PyName, fn.PyName)
			}
		}
	}
	if len(all) < len(fn.Defaults) {
		fn.Defaults = fn.Defaults[:len(all)]
	}
	if len(fn.Params) < len(fn.DefaultValues) { // duplicate parameters were dropped
		fn.DefaultValues = fn.DefaultValues[:len(fn.Params)]
	}
	if kind := c.bareKind(d.Returns); kind != "" {
		// -> tuple, -> np.ndarray: inferred, then checked (checkBare).
		fs.bare = kind
		fs.resultDecl = c.pos(d.Returns)
	} else if d.Returns != nil {
		fs.hasDecl = true
		fs.resultDecl = c.pos(d.Returns)
		if t, ok := c.annotation(d.Returns, true); ok {
			if ra, rankless := isRankless(t); rankless {
				// The rank comes from the returned values, as for an
				// unannotated result; the dtype is checked after.
				c.ndPending = append(c.ndPending, ndPending{fn: fn, elem: ra.Elem, annot: c.pos(d.Returns)})
				fs.hasDecl = false
			} else {
				fn.Result = t
			}
		}
	}
	body := d.Body
	if len(body) > 0 {
		if es, ok := body[0].(*ast.ExprStmt); ok {
			if s, ok := es.Value.(*ast.Str); ok {
				fn.Doc = cleandoc(string(s.S))
			}
		}
	}
	c.collectLocals(fs, body)
	c.funcImports(fs, body)
}

// funcImports binds the names of the imports inside a function body
// (numpy code often imports where it uses), for body to put in scope
// while it checks the function: Python binds them as locals of the
// function, visible nowhere else.
func (c *checker) funcImports(fs *funcState, body []ast.Stmt) {
	var walk func([]ast.Stmt)
	walk = func(stmts []ast.Stmt) {
		for _, s := range stmts {
			switch s := s.(type) {
			case *ast.Import, *ast.ImportFrom:
				c.imports(s, func(name string, o Object, _ ast.Ast) {
					if fs.imports == nil {
						fs.imports = map[string]Object{}
					}
					fs.imports[name] = o
				})
			case *ast.For:
				walk(s.Body)
				walk(s.Orelse)
			case *ast.While:
				walk(s.Body)
				walk(s.Orelse)
			case *ast.If:
				walk(s.Body)
				walk(s.Orelse)
			case *ast.Try:
				walk(s.Body)
				for _, h := range s.Handlers {
					walk(h.Body)
				}
				walk(s.Orelse)
				walk(s.Finalbody)
			}
		}
	}
	walk(body)
}

// collectLocals finds every name the body binds: in Python any assignment
// anywhere in a function makes the name local for the whole function.
func (c *checker) collectLocals(fs *funcState, body []ast.Stmt) {
	fn := fs.fn
	add := func(n *ast.Name) *Local {
		name := string(n.Id)
		if l := fn.Scope[name]; l != nil {
			return l
		}
		l := &Local{Name: name, Pos: c.pos(n)}
		fn.Scope[name] = l
		fn.Locals = append(fn.Locals, l)
		return l
	}
	var target func(e ast.Expr)
	target = func(e ast.Expr) {
		switch e := e.(type) {
		case *ast.Name:
			add(e)
		case *ast.Tuple:
			for _, x := range e.Elts {
				target(x)
			}
		case *ast.List:
			for _, x := range e.Elts {
				target(x)
			}
		}
	}
	var walk func([]ast.Stmt)
	walk = func(stmts []ast.Stmt) {
		for _, s := range stmts {
			if va := c.annots[s]; va != nil {
				c.annotatedLocal(fs, s, va)
			}
			switch s := s.(type) {
			case *ast.Assign:
				for _, t := range s.Targets {
					target(t)
				}
			case *ast.AugAssign:
				target(s.Target)
			case *ast.For:
				target(s.Target)
				walk(s.Body)
				walk(s.Orelse)
			case *ast.While:
				walk(s.Body)
				walk(s.Orelse)
			case *ast.If:
				walk(s.Body)
				walk(s.Orelse)
			case *ast.Try:
				walk(s.Body)
				for _, h := range s.Handlers {
					if h.Name != "" {
						add(&ast.Name{ExprBase: ast.ExprBase{Pos: h.Pos}, Id: h.Name})
					}
					walk(h.Body)
				}
				walk(s.Orelse)
				walk(s.Finalbody)
			}
		}
	}
	walk(body)
}

// annotatedLocal declares the type of a PEP 526 annotated local.
func (c *checker) annotatedLocal(fs *funcState, s ast.Stmt, va *frontend.VarAnnot) {
	fn := fs.fn
	t, ok := c.annotation(va.Annot, false)
	l := fn.Scope[va.Name]
	if l == nil {
		l = &Local{Name: va.Name, Pos: va.Pos}
		fn.Scope[va.Name] = l
		fn.Locals = append(fn.Locals, l)
	}
	if ra, rankless := isRankless(t); ok && rankless {
		if l.Param {
			c.errorAt(va.Pos, "parameter '%s' is annotated again with %s; annotate the parameter itself", l.Name, ndSpelling(ra.Elem))
			return
		}
		// Inferred from the values assigned, like an unannotated local;
		// the dtype is checked after inference.
		c.ndPending = append(c.ndPending, ndPending{fn: fn, l: l, elem: ra.Elem, annot: c.pos(va.Annot)})
		return
	}
	if !ok {
		fs.declared[l] = va.Pos // don't infer: errors would only cascade
		return
	}
	if at, dup := fs.declared[l]; dup {
		if l.Type != nil && !ir.Identical(l.Type, t) {
			what := "variable"
			if l.Param {
				what = "parameter"
			}
			c.errorAt(va.Pos, "%s '%s' is declared %s at %s and annotated %s here", what, l.Name, pyName(l.Type), at, pyName(t))
		}
		return
	}
	l.Type = t
	fs.declared[l] = va.Pos
	fs.why[l] = va.Pos
}

// annotation turns a type annotation into a type. Strings are accepted
// because they are the usual way to write types Python cannot evaluate.
func (c *checker) annotation(e ast.Expr, result bool) (ir.Type, bool) {
	bad := func() (ir.Type, bool) {
		c.errorAt(c.pos(e), "unsupported type annotation; use int, float, bool, complex or a numpy scalar type such as np.float32")
		return nil, false
	}
	arrays := func() (ir.Type, bool) {
		c.errorAt(c.pos(e), "unsupported array annotation; write the dtype and axes as a string, as in \"float64[:]\" or \"float64[:, ::1]\"")
		return nil, false
	}
	if c.isNDArrayName(e) {
		c.errorAt(c.pos(e), "npt.NDArray needs its dtype, as in npt.NDArray[np.float64] (the rank is inferred)")
		return nil, false
	}
	if inner, ok := c.optionalAnnotation(e); ok {
		t, ok := c.annotation(inner, result)
		if !ok {
			return nil, false
		}
		if !canBeOptional(t) {
			c.errorAt(c.pos(e), "unsupported: Optional of %s; only numbers and arrays may be None", pyName(t))
			return nil, false
		}
		return &ir.Optional{Elem: t}, true
	}
	switch e := e.(type) {
	case *ast.Name:
		name := string(e.Id)
		if t, ok := builtinTypeNames[name]; ok {
			if _, shadowed := c.globals[name]; !shadowed {
				return t, true
			}
		}
		switch o := c.globals[name].(type) {
		case *Imported:
			if o.Module == "numpy" {
				if t, ok := numpyScalar(o.Name); ok {
					return t, true
				}
			}
		case nil:
			if _, ok := numpyScalar(name); ok {
				c.errorAt(c.pos(e), "name '%s' is not defined; write np.%s (or the string \"%s\")", name, name, name)
				return nil, false
			}
			if name == "tuple" && result {
				c.errorAt(c.pos(e), "unsupported type annotation: give the element types, as in tuple[int, float]")
				return nil, false
			}
		}
		return bad()
	case *ast.Attribute:
		if n, ok := e.Value.(*ast.Name); ok {
			m, isMod := c.globals[string(n.Id)].(*Module)
			if !isMod {
				if _, defined := c.globals[string(n.Id)]; !defined {
					c.errorAt(c.pos(n), "name '%s' is not defined", n.Id)
					return nil, false
				}
				return bad()
			}
			if m.Path == "numpy" {
				if t, ok := numpyScalar(string(e.Attr)); ok {
					return t, true
				}
				if e.Attr == "ndarray" {
					return arrays()
				}
			}
		}
		return bad()
	case *ast.Str:
		s := strings.TrimSpace(string(e.S))
		if inner, ok := strings.CutPrefix(s, "tuple["); ok && strings.HasSuffix(inner, "]") {
			return c.stringTuple(e, inner[:len(inner)-1], result)
		}
		if inner, ok := strings.CutPrefix(s, "Tuple["); ok && strings.HasSuffix(inner, "]") {
			return c.stringTuple(e, inner[:len(inner)-1], result)
		}
		for _, pre := range []string{"list[", "List["} {
			if inner, ok := strings.CutPrefix(s, pre); ok && strings.HasSuffix(inner, "]") {
				et, ok := c.annotation(&ast.Str{ExprBase: e.ExprBase, S: py.String(inner[:len(inner)-1])}, result)
				if !ok {
					return nil, false
				}
				if !elemOK(et) {
					c.errorAt(c.pos(e), "%s", elemMsg(et))
					return nil, false
				}
				return &ir.List{Elem: et}, true
			}
		}
		if strings.Contains(s, "[") {
			a, msg := parseArrayType(s)
			if msg != "" {
				c.errorAt(c.pos(e), "%s", msg)
				return nil, false
			}
			return a, true
		}
		s = strings.TrimPrefix(strings.TrimPrefix(s, "np."), "numpy.")
		if t, ok := builtinTypeNames[s]; ok {
			return t, true
		}
		if t, ok := numpyScalar(s); ok {
			return t, true
		}
		if s == "None" && result {
			return ir.None, true
		}
		return bad()
	case *ast.NameConstant:
		if e.Value == py.None && result {
			return ir.None, true
		}
		return bad()
	case *ast.Subscript:
		if c.isNDArrayName(e.Value) {
			return c.ndarrayAnnotation(e)
		}
		if n, ok := e.Value.(*ast.Name); ok && (n.Id == "list" || n.Id == "List") {
			idx, ok := e.Slice.(*ast.Index)
			if !ok {
				return bad()
			}
			et, ok := c.annotation(idx.Value, result)
			if !ok {
				return nil, false
			}
			if !elemOK(et) {
				c.errorAt(c.pos(idx.Value), "%s", elemMsg(et))
				return nil, false
			}
			return &ir.List{Elem: et}, true
		}
		if n, ok := e.Value.(*ast.Name); ok && (n.Id == "tuple" || n.Id == "Tuple") {
			idx, ok := e.Slice.(*ast.Index)
			if !ok {
				return bad()
			}
			elts := []ast.Expr{idx.Value}
			if tup, ok := idx.Value.(*ast.Tuple); ok {
				elts = tup.Elts
			}
			var ts []ir.Type
			for _, x := range elts {
				t, ok := c.annotation(x, result)
				if !ok {
					return nil, false
				}
				if _, none := t.(ir.NoneType); none {
					return bad()
				}
				if _, rankless := isRankless(t); rankless {
					c.errorAt(c.pos(x), "unsupported: npt.NDArray inside tuple[...]; its rank cannot be inferred there, write the string form such as \"float64[:, :]\"")
					return nil, false
				}
				switch t.(type) {
				case ir.Scalar, *ir.Tuple:
				case *ir.Array:
					if !result {
						c.errorAt(c.pos(x), "unsupported: an array inside a tuple parameter; pass the array as a parameter of its own")
						return nil, false
					}
				default:
					return bad()
				}
				ts = append(ts, t)
			}
			return &ir.Tuple{Elems: ts}, true
		}
		return arrays()
	}
	return bad()
}

// stringTuple reads the string annotation "tuple[T1, T2, ...]" (inner
// is what the brackets hold), each element as the string annotation
// "Ti" would be read.
func (c *checker) stringTuple(e *ast.Str, inner string, result bool) (ir.Type, bool) {
	var ts []ir.Type
	depth, start := 0, 0
	parts := []string{}
	for i, r := range inner {
		switch r {
		case '[':
			depth++
		case ']':
			depth--
		case ',':
			if depth == 0 {
				parts = append(parts, inner[start:i])
				start = i + 1
			}
		}
	}
	parts = append(parts, inner[start:])
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		t, ok := c.annotation(&ast.Str{ExprBase: e.ExprBase, S: py.String(p)}, result)
		if !ok {
			return nil, false
		}
		if _, arr := t.(*ir.Array); arr && !result {
			c.errorAt(c.pos(e), "unsupported: an array inside a tuple parameter; pass the array as a parameter of its own")
			return nil, false
		}
		ts = append(ts, t)
	}
	if len(ts) == 0 {
		c.errorAt(c.pos(e), "unsupported: an empty tuple type")
		return nil, false
	}
	return &ir.Tuple{Elems: ts}, true
}

// bareKind recognises a result annotation that names a kind of value
// without its parts: tuple (also typing's Tuple), list (List), np.ndarray
// and npt.NDArray without a dtype. The result is then inferred and must be
// of that kind. It returns "tuple", "list", "array", or "" for any other
// annotation.
func (c *checker) bareKind(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Name:
		if c.isNDArrayName(e) {
			return "array"
		}
		if _, shadowed := c.globals[string(e.Id)]; shadowed {
			if o, ok := c.globals[string(e.Id)].(*Imported); !ok || o.Module != "typing" {
				return ""
			}
		}
		switch e.Id {
		case "tuple", "Tuple":
			return "tuple"
		case "list", "List":
			return "list"
		}
	case *ast.Attribute:
		if c.isNDArrayName(e) {
			return "array"
		}
		if n, ok := e.Value.(*ast.Name); ok {
			if m, ok := c.globals[string(n.Id)].(*Module); ok {
				switch {
				case m.Path == "numpy" && e.Attr == "ndarray":
					return "array"
				case m.Path == "typing" && (e.Attr == "Tuple" || e.Attr == "List"):
					return strings.ToLower(string(e.Attr))
				}
			}
		}
	case *ast.Str:
		switch strings.TrimSpace(string(e.S)) {
		case "tuple", "Tuple":
			return "tuple"
		case "list", "List":
			return "list"
		case "np.ndarray", "numpy.ndarray":
			return "array"
		}
	}
	return ""
}

// optionalAnnotation recognises the spellings of "T or None" and returns
// T's annotation: Optional[T] and Union[T, None] (typing's, also as
// typing.Optional), T | None and None | T, and the string forms "T |
// None" and "Optional[T]".
func (c *checker) optionalAnnotation(e ast.Expr) (ast.Expr, bool) {
	typingName := func(x ast.Expr, name string) bool {
		switch x := x.(type) {
		case *ast.Name:
			o, ok := c.globals[string(x.Id)].(*Imported)
			return ok && o.Module == "typing" && o.Name == name
		case *ast.Attribute:
			n, ok := x.Value.(*ast.Name)
			if !ok || string(x.Attr) != name {
				return false
			}
			m, ok := c.globals[string(n.Id)].(*Module)
			return ok && m.Path == "typing"
		}
		return false
	}
	switch e := e.(type) {
	case *ast.Subscript:
		idx, ok := e.Slice.(*ast.Index)
		if !ok {
			return nil, false
		}
		if typingName(e.Value, "Optional") {
			return idx.Value, true
		}
		if typingName(e.Value, "Union") {
			if tup, ok := idx.Value.(*ast.Tuple); ok && len(tup.Elts) == 2 {
				if isNoneExpr(tup.Elts[1]) {
					return tup.Elts[0], true
				}
				if isNoneExpr(tup.Elts[0]) {
					return tup.Elts[1], true
				}
			}
		}
	case *ast.BinOp:
		if e.Op == ast.BitOr {
			if isNoneExpr(e.Right) {
				return e.Left, true
			}
			if isNoneExpr(e.Left) {
				return e.Right, true
			}
		}
	case *ast.Str:
		text := strings.TrimSpace(string(e.S))
		inner := ""
		switch {
		case strings.HasSuffix(text, "| None"):
			inner = strings.TrimSpace(strings.TrimSuffix(text, "| None"))
		case strings.HasPrefix(text, "None |"):
			inner = strings.TrimSpace(strings.TrimPrefix(text, "None |"))
		case strings.HasPrefix(text, "Optional[") && strings.HasSuffix(text, "]"):
			inner = strings.TrimSpace(text[len("Optional[") : len(text)-1])
		}
		if inner != "" {
			if strings.HasPrefix(inner, "\"") || strings.HasPrefix(inner, "'") {
				inner = strings.Trim(inner, "\"'")
			}
			return &ast.Str{ExprBase: e.ExprBase, S: py.String(inner)}, true
		}
	}
	return nil, false
}

// cleandoc removes a docstring's common indentation like inspect.cleandoc.
func cleandoc(doc string) string {
	lines := strings.Split(expandTabs(doc), "\n")
	margin := -1
	for _, l := range lines[1:] {
		content := strings.TrimLeft(l, " ")
		if content == "" {
			continue
		}
		if ind := len(l) - len(content); margin < 0 || ind < margin {
			margin = ind
		}
	}
	lines[0] = strings.TrimLeft(lines[0], " ")
	if margin > 0 {
		for i := 1; i < len(lines); i++ {
			if len(lines[i]) >= margin {
				lines[i] = lines[i][margin:]
			} else {
				lines[i] = strings.TrimLeft(lines[i], " ")
			}
		}
	}
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}

func expandTabs(s string) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	var b strings.Builder
	col := 0
	for _, r := range s {
		switch r {
		case '\t':
			n := 8 - col%8
			b.WriteString(strings.Repeat(" ", n))
			col += n
		case '\n', '\r':
			b.WriteRune(r)
			col = 0
		default:
			b.WriteRune(r)
			col++
		}
	}
	return b.String()
}

// maxPasses bounds the fixed-point iteration. Types only widen (the
// numeric tower, tuple elements, array contiguity), so a well-formed
// program settles in a few passes (one per link of the longest chain of
// dependencies); hitting the bound means some type keeps changing.
var maxPasses = 200 // a variable so a test can lower it

// solve iterates the function bodies until no local or result type widens,
// then walks them once more to record Info and report errors. If the types
// never settle, the pass after the bound records what still changes and
// reports it at that variable instead of walking on (see changing).
func (c *checker) solve() {
	for iter := 0; ; iter++ {
		if iter == maxPasses {
			c.tracing = true
		}
		c.changed = false
		for _, fn := range c.info.Funcs {
			c.body(c.funcs[fn])
		}
		if !c.changed {
			break
		}
		if c.tracing {
			c.reportUnsettled()
			return
		}
	}
	// The final pass: the functions that are not instances, then the
	// instances their calls reach (instance.go).
	c.final = true
	for _, fn := range c.info.Funcs {
		if fn.template == nil {
			c.body(c.funcs[fn])
		}
	}
	for len(c.liveQueue) > 0 {
		fn := c.liveQueue[0]
		c.liveQueue = c.liveQueue[1:]
		c.body(c.funcs[fn])
	}
	c.finishInstances()
}

// changing notes, on the traced pass after maxPasses, the first variable
// or result whose type still changes: what, where, and from what to what.
func (c *checker) changing(at ast.Ast, what string, from, to ir.Type) {
	if c.tracing && c.unsettled == nil {
		c.unsettled = &unsettled{pos: c.pos(at), what: what, from: from, to: to}
	}
}

// unsettled is a type that kept changing past maxPasses.
type unsettled struct {
	pos      frontend.Pos
	what     string
	from, to ir.Type
}

// reportUnsettled reports the type that did not settle at the variable
// (or return) that changed it: a diagnostic to act on (annotate it), not
// an internal error at 1:1.
func (c *checker) reportUnsettled() {
	u := c.unsettled
	if u == nil {
		c.errorAt(frontend.Pos{Line: 1, Col: 1}, "cannot infer the types of this file: they keep changing; annotate the parameters and results of its functions")
		return
	}
	c.errorAt(u.pos, "cannot infer the type of %s: it keeps changing (from %s to %s here); annotate it with the type it should have", u.what, typeString(u.from), typeString(u.to))
}
