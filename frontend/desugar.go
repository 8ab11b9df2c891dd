package frontend

// Desugaring: comprehensions and reductions become module functions.
//
// Later stages know functions, loops and calls; they need not know
// generator expressions. So a generator expression consumed by sum(),
// min(), max(), any() or all(), and those builtins applied to one
// iterable, are lifted out of their function into a new module function
// whose body is the loop Python runs, and replaced by a call of it:
//
//	def f(row, w):                        def f(row, w):
//	    return sum(x * w for x in row)        return _pyc2go_sum_L3C12(row, w)
//
//	                                      def _pyc2go_sum_L3C12(row, w):
//	                                          __acc = 0
//	                                          for x in row:
//	                                              __acc = __acc + x * w
//	                                          return __acc
//
// The lifted function's parameters are the free variables of the
// expression: the names it reads that are locals of the enclosing
// function (its parameters, what it assigns, the names its own imports
// bind; those imports are repeated at the top of the lifted function). It
// has no annotations, so typeinfer compiles it once per signature of the
// calls to it (typeinfer/instance.go). Reading the free variables when the
// expression runs is what Python's closure does, since nothing can assign
// them while it runs. The loop variables become the lifted function's
// locals, invisible to the enclosing function as in Python 3.
//
// Lambdas and nested defs are lifted the same way, but stay values: the
// expression (or the def statement, which becomes an assignment) is
// replaced by the name of the lifted function, whose free variables are
// its last parameters, keyword-only, listed in File.Captures. typeinfer
// gives such a name the type of a function value with those captures, and
// a call through it (or through a parameter it was passed as) passes them
// after the arguments written (typeinfer.CallInfo.Closure).
//
//	def f(xs, k):                         def f(xs, k):
//	    g = lambda x: x * k                   g = _pyc2go_lambda_L2C9
//	    return apply(g, xs)                   return apply(g, xs)
//
//	                                      def _pyc2go_lambda_L2C9(x, *, k):
//	                                          return x * k
//
// Synthesized nodes carry the positions of the source they stand for (the
// loop at its `for` clause, the accumulation at the element expression,
// the empty-sequence ValueError at the call), so diagnostics and run-time
// errors point into the user's code. Lifted functions are private
// (their names start with _), go right after the function they come from,
// and are named after the line and column of the call they replace.

import (
	"fmt"

	"github.com/go-python/gpython/ast"
	"github.com/go-python/gpython/py"
)

// desugarer lifts the expressions of one module.
type desugarer struct {
	f       *File
	errs    *ErrorList
	globals map[string]bool // module-level names: functions, constants, imports
	taken   map[string]bool // every module-level name, lifted ones included
	lifted  []*ast.FunctionDef
}

// reductions are the builtins whose generator-expression argument (or
// single iterable) desugar turns into a loop.
var reductions = map[string]bool{"sum": true, "min": true, "max": true, "any": true, "all": true}

// desugar lifts the comprehensions of every function of f.
func desugar(f *File, errs *ErrorList) {
	d := &desugarer{f: f, errs: errs, globals: map[string]bool{}, taken: map[string]bool{}}
	f.Captures = map[string][]string{}
	for _, s := range f.Module.Body {
		switch s := s.(type) {
		case *ast.FunctionDef:
			d.globals[string(s.Name)] = true
		case *ast.Assign:
			for _, t := range s.Targets {
				if n, ok := t.(*ast.Name); ok {
					d.globals[string(n.Id)] = true
				}
			}
		case *ast.Import:
			for _, a := range s.Names {
				d.globals[aliasName(a)] = true
			}
		case *ast.ImportFrom:
			for _, a := range s.Names {
				d.globals[aliasName(a)] = true
			}
		}
	}
	for n := range d.globals {
		d.taken[n] = true
	}
	var body []ast.Stmt
	for _, s := range f.Module.Body {
		body = append(body, s)
		fn, ok := s.(*ast.FunctionDef)
		if !ok {
			continue
		}
		d.lifted = nil
		d.function(fn)
		for _, l := range d.lifted {
			body = append(body, l)
		}
	}
	f.Module.Body = body
}

// aliasName is the name an import binds.
func aliasName(a *ast.Alias) string {
	if a.AsName != "" {
		return string(a.AsName)
	}
	name := string(a.Name)
	for i, r := range name {
		if r == '.' {
			return name[:i]
		}
	}
	return name
}

// function rewrites the liftable expressions of fn, and of the functions
// lifted from it (which may hold nested ones), in place.
func (d *desugarer) function(fn *ast.FunctionDef) {
	locals := functionLocals(fn)
	imports := functionImports(fn.Body)
	rewrite := func(e ast.Expr) ast.Expr { return d.expr(e, fn, locals, imports) }
	var stmts func([]ast.Stmt)
	stmts = func(list []ast.Stmt) {
		for i, s := range list {
			if def, ok := s.(*ast.FunctionDef); ok {
				// def g(...) inside f: g = <the lifted g>.
				list[i] = d.nested(def, fn, locals, imports)
				continue
			}
			forEachExprSlot(s, rewrite)
			switch s := s.(type) {
			case *ast.If:
				stmts(s.Body)
				stmts(s.Orelse)
			case *ast.For:
				stmts(s.Body)
				stmts(s.Orelse)
			case *ast.While:
				stmts(s.Body)
				stmts(s.Orelse)
			case *ast.Try:
				stmts(s.Body)
				for _, h := range s.Handlers {
					stmts(h.Body)
				}
				stmts(s.Orelse)
				stmts(s.Finalbody)
			}
		}
	}
	stmts(fn.Body)
}

// expr rewrites e bottom-up: a liftable call becomes a call of the
// function lifted for it.
func (d *desugarer) expr(e ast.Expr, fn *ast.FunctionDef, locals map[string]bool, imports []ast.Stmt) ast.Expr {
	if e == nil {
		return nil
	}
	call, ok := e.(*ast.Call)
	if ok {
		if name, ok := call.Func.(*ast.Name); ok && reductions[string(name.Id)] && !d.globals[string(name.Id)] && !locals[string(name.Id)] {
			if lifted := d.reduction(call, string(name.Id), fn, locals, imports); lifted != nil {
				return lifted
			}
		}
	}
	if lam, ok := e.(*ast.Lambda); ok {
		return d.lambda(lam, fn, locals, imports)
	}
	if lc, ok := e.(*ast.ListComp); ok {
		return d.listComp(lc.Elt, lc.Generators, lc, fn, locals, imports)
	}
	if ok {
		// list(gen), sorted(gen, ...), np.array(gen): the generator becomes
		// the list comprehension it amounts to.
		if len(call.Args) >= 1 {
			if gen, isGen := call.Args[0].(*ast.GeneratorExp); isGen && d.listConsumer(call, locals) {
				call.Args[0] = d.listComp(gen.Elt, gen.Generators, gen, fn, locals, imports)
			}
		}
	}
	// Not liftable itself: its parts may be. Generator expressions keep
	// their own scope, which a later lifting handles.
	if _, isGen := e.(*ast.GeneratorExp); isGen {
		return e
	}
	forEachChildExpr(e, func(x ast.Expr) ast.Expr { return d.expr(x, fn, locals, imports) })
	return e
}

// listConsumer reports whether call takes a list made of its first
// argument: list(), sorted(), tuple(), np.array() / numpy.array().
func (d *desugarer) listConsumer(call *ast.Call, locals map[string]bool) bool {
	switch f := call.Func.(type) {
	case *ast.Name:
		switch f.Id {
		case "list", "sorted":
			return !d.globals[string(f.Id)] && !locals[string(f.Id)]
		}
	case *ast.Attribute:
		if n, ok := f.Value.(*ast.Name); ok && (f.Attr == "array" || f.Attr == "asarray") && !locals[string(n.Id)] {
			return n.Id == "np" || n.Id == "numpy"
		}
	}
	return false
}

// listComp lifts a list comprehension (or a generator a list is made
// of) into a function that appends each element to a new list.
func (d *desugarer) listComp(elt ast.Expr, gens []ast.Comprehension, src ast.Expr, fn *ast.FunctionDef, locals map[string]bool, imports []ast.Stmt) ast.Expr {
	at := posOf(src)
	eltAt := posOf(elt)
	appendCall := &ast.ExprStmt{StmtBase: ast.StmtBase{Pos: eltAt}, Value: &ast.Call{ExprBase: ast.ExprBase{Pos: eltAt},
		Func: &ast.Attribute{ExprBase: ast.ExprBase{Pos: eltAt}, Value: nameAt(eltAt, "__out"), Attr: "append", Ctx: ast.Load},
		Args: []ast.Expr{elt}}}
	body := []ast.Stmt{assignStmt(at, "__out", &ast.List{ExprBase: ast.ExprBase{Pos: at}, Ctx: ast.Load})}
	body = append(body, loops(gens, []ast.Stmt{appendCall})...)
	body = append(body, returnStmt(at, nameAt(at, "__out")))
	return d.lift(fmt.Sprintf("_pyc2go_listcomp_L%dC%d", at.Lineno, at.ColOffset+1), src, body, at, fn, locals, imports)
}

// reduction lifts sum/min/max/any/all of a generator expression, or of
// one iterable, into a loop; nil when the call has another shape (min and
// max of several values stay builtin calls).
func (d *desugarer) reduction(call *ast.Call, name string, fn *ast.FunctionDef, locals map[string]bool, imports []ast.Stmt) ast.Expr {
	if call.Starargs != nil || call.Kwargs != nil || len(call.Args) == 0 {
		return nil
	}
	var start, dflt, key ast.Expr
	switch name {
	case "sum":
		if len(call.Args) > 2 || len(call.Keywords) > 1 {
			return nil
		}
		if len(call.Args) == 2 {
			start = call.Args[1]
		}
		for _, k := range call.Keywords {
			if k.Arg != "start" || start != nil {
				return nil
			}
			start = k.Value
		}
	case "min", "max":
		if len(call.Args) != 1 {
			return nil
		}
		for _, k := range call.Keywords {
			switch {
			case k.Arg == "default" && dflt == nil:
				dflt = k.Value
			case k.Arg == "key" && key == nil:
				key = k.Value
			default:
				return nil
			}
		}
	default:
		if len(call.Args) != 1 || len(call.Keywords) > 0 {
			return nil
		}
	}
	gen, isGen := call.Args[0].(*ast.GeneratorExp)
	if !isGen {
		// sum(xs): the loop over xs itself.
		x := &ast.Name{ExprBase: ast.ExprBase{Pos: posOf(call.Args[0])}, Id: "__x", Ctx: ast.Load}
		gen = &ast.GeneratorExp{ExprBase: ast.ExprBase{Pos: posOf(call.Args[0])}, Elt: x,
			Generators: []ast.Comprehension{{Target: &ast.Name{ExprBase: x.ExprBase, Id: "__x", Ctx: ast.Store}, Iter: call.Args[0]}}}
	}
	at := posOf(call)
	eltAt := posOf(gen.Elt)
	// The statements each element runs, at the innermost loop.
	var inner []ast.Stmt
	var pre, post []ast.Stmt
	elt := gen.Elt
	switch name {
	case "sum":
		var init ast.Expr = &ast.Num{ExprBase: ast.ExprBase{Pos: at}, N: py.Int(0)}
		if start != nil {
			init = start
		}
		pre = []ast.Stmt{assignStmt(at, "__acc", init)}
		inner = []ast.Stmt{assignStmt(eltAt, "__acc", &ast.BinOp{ExprBase: ast.ExprBase{Pos: eltAt}, Left: nameAt(eltAt, "__acc"), Op: ast.Add, Right: elt})}
		post = []ast.Stmt{returnStmt(at, nameAt(at, "__acc"))}
	case "min", "max":
		op := ast.Lt
		if name == "max" {
			op = ast.Gt
		}
		pre = []ast.Stmt{assignStmt(at, "__found", &ast.NameConstant{ExprBase: ast.ExprBase{Pos: at}, Value: py.False})}
		// With key=f, the keys are compared and the element kept.
		kv, kb := "__v", "__best"
		var keyOf []ast.Stmt
		if key != nil {
			pre = append(pre, assignStmt(posOf(key), "__key", key))
			kv, kb = "__k", "__bestk"
			keyOf = []ast.Stmt{assignStmt(eltAt, "__k", &ast.Call{ExprBase: ast.ExprBase{Pos: posOf(key)}, Func: nameAt(posOf(key), "__key"), Args: []ast.Expr{nameAt(eltAt, "__v")}})}
		}
		keep := []ast.Stmt{assignStmt(eltAt, "__best", nameAt(eltAt, "__v"))}
		if key != nil {
			keep = append(keep, assignStmt(eltAt, "__bestk", nameAt(eltAt, "__k")))
		}
		inner = append(append([]ast.Stmt{assignStmt(eltAt, "__v", elt)}, keyOf...),
			&ast.If{StmtBase: ast.StmtBase{Pos: eltAt},
				Test: &ast.UnaryOp{ExprBase: ast.ExprBase{Pos: eltAt}, Op: ast.Not, Operand: nameAt(eltAt, "__found")},
				Body: append(append([]ast.Stmt{}, keep...), assignStmt(eltAt, "__found", &ast.NameConstant{ExprBase: ast.ExprBase{Pos: eltAt}, Value: py.True})),
				Orelse: []ast.Stmt{&ast.If{StmtBase: ast.StmtBase{Pos: eltAt},
					Test: &ast.Compare{ExprBase: ast.ExprBase{Pos: eltAt}, Left: nameAt(eltAt, kv), Ops: []ast.CmpOp{op}, Comparators: []ast.Expr{nameAt(eltAt, kb)}},
					Body: keep}},
			})
		var empty ast.Stmt
		if dflt != nil {
			empty = returnStmt(at, dflt)
		} else {
			empty = &ast.Raise{StmtBase: ast.StmtBase{Pos: at}, Exc: &ast.Call{ExprBase: ast.ExprBase{Pos: at}, Func: nameAt(at, "ValueError"),
				Args: []ast.Expr{&ast.Str{ExprBase: ast.ExprBase{Pos: at}, S: py.String(name + "() arg is an empty sequence")}}}}
		}
		post = []ast.Stmt{
			&ast.If{StmtBase: ast.StmtBase{Pos: at}, Test: &ast.UnaryOp{ExprBase: ast.ExprBase{Pos: at}, Op: ast.Not, Operand: nameAt(at, "__found")}, Body: []ast.Stmt{empty}},
			returnStmt(at, nameAt(at, "__best")),
		}
	case "any", "all":
		test, result := elt, true
		if name == "all" {
			test, result = &ast.UnaryOp{ExprBase: ast.ExprBase{Pos: eltAt}, Op: ast.Not, Operand: elt}, false
		}
		inner = []ast.Stmt{&ast.If{StmtBase: ast.StmtBase{Pos: eltAt}, Test: test,
			Body: []ast.Stmt{returnStmt(eltAt, &ast.NameConstant{ExprBase: ast.ExprBase{Pos: eltAt}, Value: py.NewBool(result)})}}}
		post = []ast.Stmt{returnStmt(at, &ast.NameConstant{ExprBase: ast.ExprBase{Pos: at}, Value: py.NewBool(!result)})}
	}
	body := append(append(append([]ast.Stmt{}, pre...), loops(gen.Generators, inner)...), post...)
	var src ast.Expr = gen
	if key != nil || start != nil || dflt != nil {
		// Their free variables are the function's too.
		src = &ast.Tuple{ExprBase: gen.ExprBase, Elts: []ast.Expr{gen, orNone(key), orNone(start), orNone(dflt)}}
	}
	return d.lift(fmt.Sprintf("_pyc2go_%s_L%dC%d", name, at.Lineno, at.ColOffset+1), src, body, at, fn, locals, imports)
}

// lift makes a module function of body, whose free variables (those of
// the source expression src that are locals of fn) become its parameters,
// and returns the call that replaces src.
func (d *desugarer) lift(base string, src ast.Expr, body []ast.Stmt, at ast.Pos, fn *ast.FunctionDef, locals map[string]bool, imports []ast.Stmt) ast.Expr {
	name := base
	for i := 2; d.taken[name]; i++ {
		name = fmt.Sprintf("%s_%d", base, i)
	}
	d.taken[name] = true
	// Names the function's imports bind are imported again, not passed.
	vars := map[string]bool{}
	for n := range locals {
		vars[n] = true
	}
	for _, s := range imports {
		var names []*ast.Alias
		switch s := s.(type) {
		case *ast.Import:
			names = s.Names
		case *ast.ImportFrom:
			names = s.Names
		}
		for _, a := range names {
			delete(vars, aliasName(a))
		}
	}
	free := freeVars(src, vars)
	def := &ast.FunctionDef{StmtBase: ast.StmtBase{Pos: at}, Name: ast.Identifier(name), Args: &ast.Arguments{Pos: at}}
	var args []ast.Expr
	for _, v := range free {
		def.Args.Args = append(def.Args.Args, &ast.Arg{Pos: at, Arg: ast.Identifier(v)})
		args = append(args, nameAt(at, v))
	}
	def.Body = append(cloneStmts(imports), body...)
	d.lifted = append(d.lifted, def)
	// The lifted function may hold liftable expressions of its own.
	d.function(def)
	return &ast.Call{ExprBase: ast.ExprBase{Pos: at}, Func: nameAt(at, name), Args: args}
}

// lambda lifts a lambda into a module function; the lambda becomes the
// name of that function, a value whose captures are its free variables.
func (d *desugarer) lambda(lam *ast.Lambda, fn *ast.FunctionDef, locals map[string]bool, imports []ast.Stmt) ast.Expr {
	at := posOf(lam)
	args := lam.Args
	if args == nil {
		args = &ast.Arguments{Pos: at}
	}
	body := []ast.Stmt{returnStmt(posOf(lam.Body), lam.Body)}
	v, _ := d.liftValue(fmt.Sprintf("_pyc2go_lambda_L%dC%d", at.Lineno, at.ColOffset+1), args, body, lam, at, fn, locals, imports)
	return v
}

// nested lifts a def inside a function: the statement becomes an
// assignment of the lifted function's value to the def's name.
func (d *desugarer) nested(def *ast.FunctionDef, fn *ast.FunctionDef, locals map[string]bool, imports []ast.Stmt) ast.Stmt {
	at := posOf(def)
	args := def.Args
	if args == nil {
		args = &ast.Arguments{Pos: at}
	}
	base := fmt.Sprintf("_pyc2go_%s_%s", fn.Name, def.Name)
	v, lifted := d.liftValue(base, args, def.Body, def, at, fn, locals, imports)
	lifted.Returns = def.Returns
	for _, c := range d.f.Captures[string(lifted.Name)] {
		if c == string(def.Name) {
			d.errs.Add(d.f.Pos(def), "unsupported: the nested function '%s' calls itself; define it at module level", def.Name)
		}
	}
	return assignStmt(at, string(def.Name), v)
}

// liftValue lifts a function value: own parameters args, then the free
// variables of src as keyword-only parameters (recorded in
// File.Captures), and returns the name of the lifted function.
func (d *desugarer) liftValue(base string, args *ast.Arguments, body []ast.Stmt, src ast.Ast, at ast.Pos, fn *ast.FunctionDef, locals map[string]bool, imports []ast.Stmt) (ast.Expr, *ast.FunctionDef) {
	name := base
	for i := 2; d.taken[name]; i++ {
		name = fmt.Sprintf("%s_%d", base, i)
	}
	d.taken[name] = true
	// The function's own names are not free: its parameters and what its
	// body binds.
	own := functionLocals(&ast.FunctionDef{Args: args, Body: body})
	vars := map[string]bool{}
	for n := range locals {
		if !own[n] {
			vars[n] = true
		}
	}
	for _, s := range imports {
		for _, a := range importNames(s) {
			delete(vars, aliasName(a))
		}
	}
	var free []string
	seen := map[string]bool{}
	ast.Walk(src, func(n ast.Ast) bool {
		if nm, ok := n.(*ast.Name); ok && vars[string(nm.Id)] && !seen[string(nm.Id)] {
			seen[string(nm.Id)] = true
			free = append(free, string(nm.Id))
		}
		return true
	})
	a := *args
	a.Kwonlyargs = append([]*ast.Arg(nil), a.Kwonlyargs...)
	for _, v := range free {
		a.Kwonlyargs = append(a.Kwonlyargs, &ast.Arg{Pos: at, Arg: ast.Identifier(v)})
	}
	def := &ast.FunctionDef{StmtBase: ast.StmtBase{Pos: at}, Name: ast.Identifier(name), Args: &a}
	def.Body = append(cloneStmts(imports), body...)
	d.f.Captures[name] = free
	d.lifted = append(d.lifted, def)
	d.function(def)
	return nameAt(at, name), def
}

// importNames lists the names an import statement binds.
func importNames(s ast.Stmt) []*ast.Alias {
	switch s := s.(type) {
	case *ast.Import:
		return s.Names
	case *ast.ImportFrom:
		return s.Names
	}
	return nil
}

// loops nests the for clauses (and their if filters) of a comprehension
// around inner.
func loops(gens []ast.Comprehension, inner []ast.Stmt) []ast.Stmt {
	body := inner
	for i := len(gens) - 1; i >= 0; i-- {
		g := gens[i]
		for k := len(g.Ifs) - 1; k >= 0; k-- {
			body = []ast.Stmt{&ast.If{StmtBase: ast.StmtBase{Pos: posOf(g.Ifs[k])}, Test: g.Ifs[k], Body: body}}
		}
		body = []ast.Stmt{&ast.For{StmtBase: ast.StmtBase{Pos: posOf(g.Iter)}, Target: g.Target, Iter: g.Iter, Body: body}}
	}
	return body
}

// orNone is e, or the None literal for a missing one.
func orNone(e ast.Expr) ast.Expr {
	if e == nil {
		return &ast.NameConstant{Value: py.None}
	}
	return e
}

func posOf(e ast.Ast) ast.Pos { return ast.Pos{Lineno: e.GetLineno(), ColOffset: e.GetColOffset()} }

func nameAt(p ast.Pos, id string) *ast.Name {
	return &ast.Name{ExprBase: ast.ExprBase{Pos: p}, Id: ast.Identifier(id), Ctx: ast.Load}
}

func assignStmt(p ast.Pos, id string, v ast.Expr) ast.Stmt {
	return &ast.Assign{StmtBase: ast.StmtBase{Pos: p}, Targets: []ast.Expr{&ast.Name{ExprBase: ast.ExprBase{Pos: p}, Id: ast.Identifier(id), Ctx: ast.Store}}, Value: v}
}

func returnStmt(p ast.Pos, v ast.Expr) ast.Stmt {
	return &ast.Return{StmtBase: ast.StmtBase{Pos: p}, Value: v}
}

// functionLocals returns the names local to fn: its parameters and every
// name it binds (assignment, for and import targets), as Python decides.
func functionLocals(fn *ast.FunctionDef) map[string]bool {
	m := map[string]bool{}
	if a := fn.Args; a != nil {
		for _, x := range append(append([]*ast.Arg{}, a.Args...), a.Kwonlyargs...) {
			m[string(x.Arg)] = true
		}
	}
	var target func(e ast.Expr)
	target = func(e ast.Expr) {
		switch t := e.(type) {
		case *ast.Name:
			m[string(t.Id)] = true
		case *ast.Tuple:
			for _, x := range t.Elts {
				target(x)
			}
		case *ast.List:
			for _, x := range t.Elts {
				target(x)
			}
		case *ast.Starred:
			target(t.Value)
		}
	}
	var stmts func([]ast.Stmt)
	stmts = func(list []ast.Stmt) {
		for _, s := range list {
			switch s := s.(type) {
			case *ast.Assign:
				for _, t := range s.Targets {
					target(t)
				}
			case *ast.AugAssign:
				target(s.Target)
			case *ast.For:
				target(s.Target)
				stmts(s.Body)
				stmts(s.Orelse)
			case *ast.While:
				stmts(s.Body)
				stmts(s.Orelse)
			case *ast.If:
				stmts(s.Body)
				stmts(s.Orelse)
			case *ast.Try:
				stmts(s.Body)
				for _, h := range s.Handlers {
					if h.Name != "" {
						m[string(h.Name)] = true
					}
					stmts(h.Body)
				}
				stmts(s.Orelse)
				stmts(s.Finalbody)
			case *ast.FunctionDef:
				m[string(s.Name)] = true
			case *ast.Import:
				for _, a := range s.Names {
					m[aliasName(a)] = true
				}
			case *ast.ImportFrom:
				for _, a := range s.Names {
					m[aliasName(a)] = true
				}
			}
		}
	}
	stmts(fn.Body)
	return m
}

// functionImports returns the import statements of a function body, at
// any depth.
func functionImports(body []ast.Stmt) []ast.Stmt {
	var out []ast.Stmt
	var stmts func([]ast.Stmt)
	stmts = func(list []ast.Stmt) {
		for _, s := range list {
			switch s := s.(type) {
			case *ast.Import, *ast.ImportFrom:
				out = append(out, s)
			case *ast.If:
				stmts(s.Body)
				stmts(s.Orelse)
			case *ast.For:
				stmts(s.Body)
				stmts(s.Orelse)
			case *ast.While:
				stmts(s.Body)
				stmts(s.Orelse)
			}
		}
	}
	stmts(body)
	return out
}

// freeVars lists, in order of first use, the names src reads that are in
// locals, leaving out those its own comprehensions and lambdas bind.
func freeVars(src ast.Expr, locals map[string]bool) []string {
	bound := map[string]bool{}
	bind := func(e ast.Expr) {
		ast.Walk(e, func(n ast.Ast) bool {
			if nm, ok := n.(*ast.Name); ok {
				bound[string(nm.Id)] = true
			}
			return true
		})
	}
	ast.Walk(src, func(n ast.Ast) bool {
		switch n := n.(type) {
		case *ast.GeneratorExp:
			for _, g := range n.Generators {
				bind(g.Target)
			}
		case *ast.ListComp:
			for _, g := range n.Generators {
				bind(g.Target)
			}
		case *ast.Lambda:
			if n.Args != nil {
				for _, a := range n.Args.Args {
					bound[string(a.Arg)] = true
				}
			}
		}
		return true
	})
	var out []string
	seen := map[string]bool{}
	ast.Walk(src, func(n ast.Ast) bool {
		if nm, ok := n.(*ast.Name); ok {
			id := string(nm.Id)
			if locals[id] && !bound[id] && !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
		return true
	})
	return out
}

// cloneStmts copies statements shallowly (imports repeated in a lifted
// function are only read).
func cloneStmts(list []ast.Stmt) []ast.Stmt { return append([]ast.Stmt(nil), list...) }

// forEachExprSlot rewrites the expressions a statement holds itself (not
// those of nested statements).
func forEachExprSlot(s ast.Stmt, fn func(ast.Expr) ast.Expr) {
	switch s := s.(type) {
	case *ast.Assign:
		s.Value = fn(s.Value)
		for i := range s.Targets {
			s.Targets[i] = fn(s.Targets[i])
		}
	case *ast.AugAssign:
		s.Target = fn(s.Target)
		s.Value = fn(s.Value)
	case *ast.Return:
		s.Value = fn(s.Value)
	case *ast.ExprStmt:
		s.Value = fn(s.Value)
	case *ast.If:
		s.Test = fn(s.Test)
	case *ast.While:
		s.Test = fn(s.Test)
	case *ast.For:
		s.Iter = fn(s.Iter)
	case *ast.Assert:
		s.Test = fn(s.Test)
		s.Msg = fn(s.Msg)
	case *ast.Raise:
		s.Exc = fn(s.Exc)
		s.Cause = fn(s.Cause)
	}
}

// forEachChildExpr rewrites the direct sub-expressions of e.
func forEachChildExpr(e ast.Expr, fn func(ast.Expr) ast.Expr) {
	switch e := e.(type) {
	case *ast.BoolOp:
		for i := range e.Values {
			e.Values[i] = fn(e.Values[i])
		}
	case *ast.BinOp:
		e.Left = fn(e.Left)
		e.Right = fn(e.Right)
	case *ast.UnaryOp:
		e.Operand = fn(e.Operand)
	case *ast.IfExp:
		e.Test = fn(e.Test)
		e.Body = fn(e.Body)
		e.Orelse = fn(e.Orelse)
	case *ast.Compare:
		e.Left = fn(e.Left)
		for i := range e.Comparators {
			e.Comparators[i] = fn(e.Comparators[i])
		}
	case *ast.Call:
		e.Func = fn(e.Func)
		for i := range e.Args {
			e.Args[i] = fn(e.Args[i])
		}
		for _, k := range e.Keywords {
			k.Value = fn(k.Value)
		}
	case *ast.Attribute:
		e.Value = fn(e.Value)
	case *ast.Subscript:
		e.Value = fn(e.Value)
		switch sl := e.Slice.(type) {
		case *ast.Index:
			sl.Value = fn(sl.Value)
		case *ast.Slice:
			sl.Lower, sl.Upper, sl.Step = fn(sl.Lower), fn(sl.Upper), fn(sl.Step)
		case *ast.ExtSlice:
			for _, dim := range sl.Dims {
				switch dd := dim.(type) {
				case *ast.Index:
					dd.Value = fn(dd.Value)
				case *ast.Slice:
					dd.Lower, dd.Upper, dd.Step = fn(dd.Lower), fn(dd.Upper), fn(dd.Step)
				}
			}
		}
	case *ast.Tuple:
		for i := range e.Elts {
			e.Elts[i] = fn(e.Elts[i])
		}
	case *ast.List:
		for i := range e.Elts {
			e.Elts[i] = fn(e.Elts[i])
		}
	case *ast.Starred:
		e.Value = fn(e.Value)
	}
}
