package frontend

import (
	"strings"

	"github.com/go-python/gpython/ast"
	"github.com/go-python/gpython/py"
)

// supportedModules are the roots of importable modules; what is actually
// used from them is typeinfer's business.
var supportedModules = map[string]bool{
	"math": true, "cmath": true, "numpy": true, "numba": true,
	"pythran": true, "typing": true, "__future__": true,
}

// allowedDecorators are numba's compile-me markers: the whole point of this
// compiler is to do that compilation, so they are accepted and ignored.
var allowedDecorators = map[string]bool{"njit": true, "jit": true}

type checker struct {
	f    *File
	p    *parseState
	errs *ErrorList
}

func (p *parseState) check(f *File) {
	c := &checker{f: f, p: p, errs: &p.errs}
	c.module(f.Module.Body)
}

func (c *checker) errorf(n ast.Ast, format string, args ...any) {
	c.errs.Add(c.f.Pos(n), format, args...)
}

// errorBefore reports at the operator (such as '*') right before n.
func (c *checker) errorBefore(n ast.Ast, op string, format string, args ...any) {
	pos := ast.Pos{Lineno: n.GetLineno(), ColOffset: n.GetColOffset()}
	c.p.backTo(&pos, op)
	c.errs.Add(bytePos(c.f.Src, c.p.ls, pos.Lineno, pos.ColOffset), format, args...)
}

func isDocstring(s ast.Stmt) bool {
	es, ok := s.(*ast.ExprStmt)
	if !ok {
		return false
	}
	_, ok = es.Value.(*ast.Str)
	return ok
}

func isMainGuard(s *ast.If) bool {
	cmp, ok := s.Test.(*ast.Compare)
	if !ok || len(cmp.Ops) != 1 || cmp.Ops[0] != ast.Eq || len(cmp.Comparators) != 1 {
		return false
	}
	isName := func(e ast.Expr) bool {
		n, ok := e.(*ast.Name)
		return ok && n.Id == "__name__"
	}
	isMain := func(e ast.Expr) bool {
		s, ok := e.(*ast.Str)
		return ok && s.S == "__main__"
	}
	l, r := cmp.Left, cmp.Comparators[0]
	return isName(l) && isMain(r) || isMain(l) && isName(r)
}

const moduleLevelMsg = "unsupported: module-level statement; only imports, functions, constants and docstrings"

func (c *checker) module(body []ast.Stmt) {
	for _, s := range body {
		switch s := s.(type) {
		case *ast.Import, *ast.ImportFrom:
			c.importStmt(s)
		case *ast.FunctionDef:
			c.funcDef(s)
		case *ast.ClassDef:
			c.classDef(s)
		case *ast.ExprStmt:
			if isDocstring(s) {
				// The docstring, or a bare string later (a comment
				// block as a string, after the imports): no effect.
				continue
			}
			if call, ok := s.Value.(*ast.Call); ok && isPrint(call) {
				c.errorf(s, "unsupported: print at module level; print inside a function")
				continue
			}
			c.errorf(s, moduleLevelMsg)
		case *ast.Assign:
			if len(s.Targets) != 1 {
				c.errorf(s, moduleLevelMsg)
				continue
			}
			if _, ok := s.Targets[0].(*ast.Name); !ok {
				c.errorf(s, moduleLevelMsg)
				continue
			}
			c.expr(s.Value)
		case *ast.Pass:
			if _, ok := c.f.Annots[s]; ok {
				c.errorf(s, "unsupported: module-level annotation without a value; give the constant a value")
			}
		case *ast.If:
			if isMainGuard(s) && len(s.Orelse) == 0 {
				c.f.Main = s.Body
				continue
			}
			c.errorf(s, moduleLevelMsg)
		default:
			if !c.stmtOnlyError(s) {
				c.errorf(s, moduleLevelMsg)
			}
		}
	}
}

// importStmt checks an import, at module level or in a function.
func (c *checker) importStmt(s ast.Stmt) {
	switch s := s.(type) {
	case *ast.Import:
		for _, a := range s.Names {
			c.importName(a, string(a.Name))
		}
	case *ast.ImportFrom:
		switch {
		case s.Level > 0:
			c.errorf(s, "unsupported: relative import; supported modules are math, cmath, numpy, numba")
		case !c.moduleOK(string(s.Module)):
			c.errorf(s, "unsupported: import of module '%s'; supported modules are math, cmath, numpy, numba", s.Module)
		}
		for _, a := range s.Names {
			if a.Name == "*" {
				c.errorf(s, "unsupported: import *; import the names you use")
			}
		}
	}
}

func (c *checker) moduleOK(name string) bool {
	root, _, _ := strings.Cut(name, ".")
	return supportedModules[root]
}

func (c *checker) importName(a *ast.Alias, name string) {
	if !c.moduleOK(name) {
		c.errorf(a, "unsupported: import of module '%s'; supported modules are math, cmath, numpy, numba", name)
	}
}

func (c *checker) decorator(d ast.Expr) {
	e := d
	if call, ok := e.(*ast.Call); ok {
		// Arguments (signatures, cache=True, ...) only steer numba.
		e = call.Func
	}
	switch e := e.(type) {
	case *ast.Name:
		// gpython keeps a dotted decorator name such as nb.njit in one Name.
		parts := strings.Split(string(e.Id), ".")
		if len(parts) <= 2 && allowedDecorators[parts[len(parts)-1]] {
			return
		}
	case *ast.Attribute:
		if _, ok := e.Value.(*ast.Name); ok && allowedDecorators[string(e.Attr)] {
			return
		}
	}
	c.errorf(d, "unsupported: decorator; only @njit and @jit are accepted (and ignored)")
}

func (c *checker) funcDef(s *ast.FunctionDef) {
	for _, d := range s.DecoratorList {
		c.decorator(d)
	}
	if a := s.Args; a != nil {
		if a.Vararg != nil {
			c.errorBefore(a.Vararg, "*", "unsupported: *args; use explicit parameters")
		}
		if a.Kwarg != nil {
			c.errorBefore(a.Kwarg, "**", "unsupported: **kwargs; use explicit parameters")
		}
		for _, e := range a.Defaults {
			c.expr(e)
		}
		for _, e := range a.KwDefaults {
			if e != nil {
				c.expr(e)
			}
		}
	}
	// Annotations are type expressions (possibly strings); typeinfer reads them.
	c.block(s.Body, true)
}

func (c *checker) block(body []ast.Stmt, fnBody bool) {
	for i, s := range body {
		if fnBody && i == 0 && isDocstring(s) {
			continue
		}
		c.stmt(s)
	}
}

// stmtOnlyError reports statements that are rejected everywhere with a
// specific message; it returns false if s is not one of them.
func (c *checker) stmtOnlyError(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.With:
		c.errorf(s, "unsupported: with statement")
	case *ast.Global:
		c.errorf(s, "unsupported: global; pass values as parameters")
	case *ast.Nonlocal:
		c.errorf(s, "unsupported: nonlocal")
	case *ast.Delete:
		c.errorf(s, "unsupported: del")
	default:
		return false
	}
	return true
}

func (c *checker) stmt(s ast.Stmt) {
	if c.stmtOnlyError(s) {
		return
	}
	switch s := s.(type) {
	case *ast.FunctionDef:
		c.funcDef(s) // lifted to module level (desugar.go)
	case *ast.ClassDef:
		c.errorf(s, "unsupported: class definition; use functions and arrays")
	case *ast.Import, *ast.ImportFrom:
		c.importStmt(s) // numpy code imports inside functions too
	case *ast.Return:
		c.expr(s.Value)
	case *ast.Assign:
		for _, t := range s.Targets {
			c.expr(t)
		}
		c.expr(s.Value)
	case *ast.AugAssign:
		c.expr(s.Target)
		c.expr(s.Value)
	case *ast.For:
		c.expr(s.Target)
		c.expr(s.Iter)
		c.block(s.Body, false)
		c.block(s.Orelse, false)
	case *ast.While:
		c.expr(s.Test)
		c.block(s.Body, false)
		c.block(s.Orelse, false)
	case *ast.If:
		c.expr(s.Test)
		c.block(s.Body, false)
		c.block(s.Orelse, false)
	case *ast.Raise:
		c.raiseExpr(s.Exc)
		c.expr(s.Cause)
	case *ast.Assert:
		c.expr(s.Test)
		if _, ok := s.Msg.(*ast.Str); !ok {
			c.expr(s.Msg)
		}
	case *ast.ExprStmt:
		if _, ok := s.Value.(*ast.Str); ok {
			c.errorf(s, "unsupported: string statement; only a docstring may stand alone")
			return
		}
		c.expr(s.Value)
	case *ast.Try:
		c.try(s)
	case *ast.Pass, *ast.Break, *ast.Continue:
	default:
		c.errorf(s, "unsupported: statement")
	}
}

// raiseExpr allows the message string of `raise ValueError("msg")`.
func (c *checker) raiseExpr(e ast.Expr) {
	call, ok := e.(*ast.Call)
	if !ok {
		c.expr(e)
		return
	}
	c.call(call)
}

func (c *checker) call(e *ast.Call) {
	if isPrint(e) {
		c.print(e)
		return
	}
	if n, ok := e.Func.(*ast.Name); ok && n.Id == FStringFunc {
		for _, a := range e.Args {
			c.argExpr(a) // a string literal may be a field
		}
		return
	}
	c.expr(e.Func)
	// String arguments may be dtype names or modes; typeinfer judges them.
	for _, a := range e.Args {
		c.argExpr(a)
	}
	for _, k := range e.Keywords {
		c.argExpr(k.Value)
	}
	if e.Starargs != nil {
		c.errorBefore(e.Starargs, "*", "unsupported: *args in call; pass arguments explicitly")
	}
	if e.Kwargs != nil {
		c.errorBefore(e.Kwargs, "**", "unsupported: **kwargs in call; pass arguments explicitly")
	}
}

func (c *checker) argExpr(e ast.Expr) {
	if _, ok := e.(*ast.Str); ok {
		return
	}
	c.expr(e)
}

func (c *checker) exprs(es []ast.Expr) {
	for _, e := range es {
		c.expr(e)
	}
}

func (c *checker) expr(e ast.Expr) {
	if e == nil {
		return
	}
	switch e := e.(type) {
	case *ast.BoolOp:
		c.exprs(e.Values)
	case *ast.BinOp:
		c.expr(e.Left)
		c.expr(e.Right)
	case *ast.UnaryOp:
		c.expr(e.Operand)
	case *ast.Lambda:
		// Lifted to module level (desugar.go).
		if a := e.Args; a != nil {
			if a.Vararg != nil {
				c.errorBefore(a.Vararg, "*", "unsupported: *args; use explicit parameters")
			}
			if a.Kwarg != nil {
				c.errorBefore(a.Kwarg, "**", "unsupported: **kwargs; use explicit parameters")
			}
			c.exprs(a.Defaults)
		}
		c.expr(e.Body)
	case *ast.IfExp:
		c.expr(e.Test)
		c.expr(e.Body)
		c.expr(e.Orelse)
	case *ast.Dict:
		c.errorf(e, "unsupported: dict; use arrays")
	case *ast.Set:
		c.errorf(e, "unsupported: set; use arrays")
	case *ast.ListComp:
		// Lifted into a function that appends (desugar.go).
		c.expr(e.Elt)
		for _, g := range e.Generators {
			c.expr(g.Target)
			c.expr(g.Iter)
			c.exprs(g.Ifs)
		}
	case *ast.SetComp:
		c.errorf(e, "unsupported: set comprehension; write a for loop")
	case *ast.DictComp:
		c.errorf(e, "unsupported: dict comprehension; write a for loop")
	case *ast.GeneratorExp:
		// Lifted into a loop when a reduction consumes it (desugar.go);
		// leftovers are reported after.
		c.expr(e.Elt)
		for _, g := range e.Generators {
			c.expr(g.Target)
			c.expr(g.Iter)
			c.exprs(g.Ifs)
		}
	case *ast.Yield, *ast.YieldFrom:
		c.errorf(e, "unsupported: yield (a generator function); collect the values in a list or an array and return it")
	case *ast.Compare:
		c.expr(e.Left)
		chainedIn := false
		for i, op := range e.Ops {
			switch op {
			case ast.Is, ast.IsNot:
				// `x is None` and `x is not None` test for None; other
				// identity tests have no meaning for numbers and arrays.
				other := e.Left
				if i > 0 {
					other = e.Comparators[i-1]
				}
				if i >= len(e.Comparators) || !isNone(other) && !isNone(e.Comparators[i]) {
					c.errorf(e, "unsupported: 'is' between values (it compares identity); use == or !=")
				}
			case ast.In, ast.NotIn:
				if len(e.Ops) > 1 && !chainedIn {
					chainedIn = true // one error per comparison
					c.errorf(e, "unsupported: 'in' in a chained comparison; write it on its own")
				}
			}
			if i < len(e.Comparators) {
				c.expr(e.Comparators[i])
			}
		}
	case *ast.Call:
		c.call(e)
	case *ast.Str:
		c.errorf(e, "unsupported: string literal; strings are only allowed as docstrings, error messages and call arguments")
	case *ast.Bytes:
		c.errorf(e, "unsupported: bytes literal")
	case *ast.Attribute:
		c.expr(e.Value)
	case *ast.Subscript:
		c.expr(e.Value)
		c.slice(e.Slice)
	case *ast.Starred:
		c.errorf(e, "unsupported: starred expression")
	case *ast.List:
		c.exprs(e.Elts)
	case *ast.Tuple:
		c.exprs(e.Elts)
	case *ast.Num, *ast.Name, *ast.NameConstant, *ast.Ellipsis:
	default:
		c.errorf(e, "unsupported: expression %s", typeName(e))
	}
}

func typeName(e py.Object) string {
	if e == nil {
		return "nil"
	}
	return e.Type().Name
}

func (c *checker) slice(s ast.Slicer) {
	switch s := s.(type) {
	case *ast.Index:
		c.expr(s.Value)
	case *ast.Slice:
		c.expr(s.Lower)
		c.expr(s.Upper)
		c.expr(s.Step)
	case *ast.ExtSlice:
		for _, d := range s.Dims {
			c.slice(d)
		}
	}
}

func isNone(e ast.Expr) bool {
	n, ok := e.(*ast.NameConstant)
	return ok && n.Value == py.None
}

func isPrint(e *ast.Call) bool {
	n, ok := e.Func.(*ast.Name)
	return ok && n.Id == "print"
}

// try checks a try statement: handlers name builtin exception classes
// (one, or a tuple of them), which typeinfer judges.
func (c *checker) try(s *ast.Try) {
	c.block(s.Body, false)
	for _, h := range s.Handlers {
		switch t := h.ExprType.(type) {
		case nil, *ast.Name, *ast.Attribute:
		case *ast.Tuple:
			for _, x := range t.Elts {
				switch x.(type) {
				case *ast.Name, *ast.Attribute:
				default:
					c.errorf(x, "unsupported: except of this expression; name builtin exception classes, as in except (ValueError, ZeroDivisionError):")
				}
			}
		default:
			c.errorf(t, "unsupported: except of this expression; name builtin exception classes, as in except (ValueError, ZeroDivisionError):")
		}
		c.block(h.Body, false)
	}
	c.block(s.Orelse, false)
	c.block(s.Finalbody, false)
}

// print checks a print call in a function: its arguments are values or
// strings, sep= and end= string literals.
func (c *checker) print(e *ast.Call) {
	for _, a := range e.Args {
		c.argExpr(a)
	}
	for _, k := range e.Keywords {
		switch k.Arg {
		case "sep", "end":
			if _, ok := k.Value.(*ast.Str); !ok && !isNone(k.Value) {
				c.errorf(k.Value, "unsupported: print's %s= must be a string literal", k.Arg)
			}
		case "flush":
			c.expr(k.Value)
		default:
			c.errorf(k.Value, "unsupported: print's %s= argument; print writes to stdout", k.Arg)
		}
	}
	if e.Starargs != nil {
		c.errorBefore(e.Starargs, "*", "unsupported: *args in call; pass arguments explicitly")
	}
	if e.Kwargs != nil {
		c.errorBefore(e.Kwargs, "**", "unsupported: **kwargs in call; pass arguments explicitly")
	}
}

// classDef reports a class definition; an exception class gets advice of
// its own.
func (c *checker) classDef(s *ast.ClassDef) {
	for _, b := range s.Bases {
		if n, ok := b.(*ast.Name); ok && (strings.HasSuffix(string(n.Id), "Error") || strings.HasSuffix(string(n.Id), "Exception")) {
			c.errorf(s, "unsupported: class definition (user-defined exception classes too); raise and catch builtin classes such as ValueError, with the details in the message")
			return
		}
	}
	c.errorf(s, "unsupported: class definition; use functions and arrays")
}
