package typeinfer

// try/except, print and f-strings. An except clause names builtin
// exception classes (ir.ExcParent, numpy's LinAlgError and AxisError);
// the name it binds (`as e`) has type ir.ExcValue, which only print, an
// f-string field, str() and repr() may read. print's arguments and
// f-string fields are values of any printable type: numbers, bools,
// None, arrays, tuples of them, string literals.

import (
	"github.com/go-python/gpython/ast"
	"github.com/go-python/gpython/py"

	"github.com/pyc2go/pyc2go/frontend"
	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/runtime"
)

// ExceptClasses returns the classes an except clause names (nil for a
// bare except) and the expression that is not a builtin class, if any.
func ExceptClasses(t ast.Expr) ([]string, ast.Expr) {
	if t == nil {
		return nil, nil
	}
	var elts []ast.Expr
	if tu, ok := t.(*ast.Tuple); ok {
		elts = tu.Elts
	} else {
		elts = []ast.Expr{t}
	}
	var out []string
	for _, e := range elts {
		name := ""
		switch e := e.(type) {
		case *ast.Name:
			name = string(e.Id)
		case *ast.Attribute:
			// np.linalg.LinAlgError, numpy.AxisError
			name = string(e.Attr)
			if name != "LinAlgError" && name != "AxisError" {
				return nil, e
			}
		}
		if name == "BaseException" {
			out = append(out, name)
			continue
		}
		if _, ok := ir.ExcParent[name]; !ok {
			return nil, e
		}
		out = append(out, name)
	}
	return out, nil
}

// tryStmt checks a try statement. The None-ness known after it is what
// every way through it agrees on.
func (c *checker) tryStmt(s *ast.Try) {
	for _, h := range s.Handlers {
		if _, bad := ExceptClasses(h.ExprType); bad != nil {
			what := "this expression"
			if n, ok := bad.(*ast.Name); ok {
				what = "'" + string(n.Id) + "'"
			}
			c.errorf(bad, "unsupported: except of %s; catch the classes compiled code raises (ArithmeticError, ZeroDivisionError, OverflowError, ValueError, IndexError, LookupError, AssertionError, RuntimeError, TypeError, np.linalg.LinAlgError) or Exception; user-defined classes are not supported", what)
		}
		if n, ok := h.ExprType.(*ast.Name); ok && c.shadowed(string(n.Id)) {
			c.errorf(n, "unsupported: except of '%s', which the file rebinds; catch a builtin exception class", n.Id)
		}
	}
	entry := c.fs.nn.clone()
	c.stmts(s.Body)
	afterBody := c.fs.nn
	var ends []nullState
	c.stmts(s.Orelse)
	if fallsThrough(s.Body) && fallsThrough(s.Orelse) {
		ends = append(ends, c.fs.nn)
	}
	for _, h := range s.Handlers {
		c.fs.nn = meet(entry, afterBody)
		if h.Name != "" {
			if l := c.fs.fn.Scope[string(h.Name)]; l != nil {
				c.fs.assigned[l] = true
				if l.Type == nil {
					l.Type = ir.ExcValue{}
					c.fs.why[l] = c.pos(h)
				} else if _, ok := l.Type.(ir.ExcValue); !ok {
					c.errorf(h, "variable '%s' is %s at %s and an exception at %s", l.Name, pyName(l.Type), c.fs.why[l], c.pos(h))
				}
			}
		}
		c.fs.handlers++
		c.stmts(h.Body)
		c.fs.handlers--
		if fallsThrough(h.Body) {
			ends = append(ends, c.fs.nn)
		}
	}
	c.fs.nn = meet(entry, afterBody)
	for _, e := range ends {
		c.fs.nn = meet(c.fs.nn, e)
	}
	c.stmts(s.Finalbody)
}

// isPrintCall reports whether call is print(...) of the builtin.
func (c *checker) isPrintCall(call *ast.Call) bool {
	n, ok := call.Func.(*ast.Name)
	return ok && n.Id == "print" && !c.shadowed("print")
}

// printCall checks print's arguments.
func (c *checker) printCall(call *ast.Call) {
	c.textCall(call, "print")
	c.record(call, ir.None)
	for _, a := range call.Args {
		c.textValue(a)
	}
	for _, k := range call.Keywords {
		if k.Arg == "flush" {
			c.truth(k.Value)
		}
	}
}

// textValue checks a value print or an f-string field formats: a string
// literal, an f-string, str(x) or repr(x), or a printable value.
func (c *checker) textValue(a ast.Expr) {
	switch a := a.(type) {
	case *ast.Str:
		return
	case *ast.Call:
		if c.isFString(a) {
			c.fstring(a)
			return
		}
		if n, ok := a.Func.(*ast.Name); ok && (n.Id == "str" || n.Id == "repr") && !c.shadowed(string(n.Id)) {
			if len(a.Args) != 1 || len(a.Keywords) > 0 {
				c.errorf(a, "unsupported: %s() takes one argument here", n.Id)
				return
			}
			c.textCall(a, string(n.Id))
			c.textValue(a.Args[0])
			return
		}
	case *ast.NameConstant:
		if a.Value == py.None {
			c.record(a, ir.None)
			return
		}
	}
	t := c.expr(a)
	if _, opt := t.(*ir.Optional); opt {
		c.errorf(a, "unsupported: printing a value that may be None; test 'is None' first and print each case")
		return
	}
	if t != nil && !printable(t) {
		c.errorf(a, "unsupported: printing a %s; print numbers, bools, None, arrays, tuples of them and strings", pyName(t))
	}
}

// printable reports whether values of t can be printed.
func printable(t ir.Type) bool {
	switch t := t.(type) {
	case ir.Scalar, *ir.Array, ir.ExcValue, ir.NoneType:
		return true
	case *ir.Tuple:
		for _, e := range t.Elems {
			if !printable(e) {
				return false
			}
		}
		return true
	}
	return false
}

// isFString reports whether call stands for an f-string (frontend).
func (c *checker) isFString(call *ast.Call) bool {
	n, ok := call.Func.(*ast.Name)
	return ok && n.Id == frontend.FStringFunc && c.f.FStrings[call] != nil
}

// textCall records a call of print, str, repr or an f-string's stand-in
// as a builtin: text, which has no IR type and which lower formats.
func (c *checker) textCall(call *ast.Call, name string) {
	if n, ok := call.Func.(*ast.Name); ok {
		c.use(n, &Builtin{Name: name})
	}
	if c.final {
		c.info.Calls[call] = &CallInfo{Kind: CallBuiltin, Name: name, Args: call.Args}
	}
}

// fstring checks an f-string's fields.
func (c *checker) fstring(call *ast.Call) {
	c.textCall(call, frontend.FStringFunc)
	fs := c.f.FStrings[call]
	i := 0
	for _, p := range fs.Parts {
		if !p.Field || i >= len(call.Args) {
			continue
		}
		x := call.Args[i]
		i++
		c.textValue(x)
		if p.Spec != "" {
			if t := c.info.Types[x]; t != nil {
				if msg := specError(p.Spec, t); msg != "" {
					c.errorf(x, "format spec '%s' for %s: %s", p.Spec, pyName(t), msg)
				}
			}
		}
	}
}

// message checks an exception message: a string literal or an f-string.
func (c *checker) message(e ast.Expr) {
	switch e := e.(type) {
	case *ast.Str:
		return
	case *ast.Call:
		if c.isFString(e) {
			c.fstring(e)
			return
		}
	}
	c.errorf(e, "unsupported: exception message must be a string literal or an f-string")
}

// specError checks a constant format spec against the value's type, as
// Python's format() would at run time: "" when it is fine.
func specError(spec string, t ir.Type) string {
	fs, err := runtime.ParseSpec(spec)
	if err != "" {
		return "unsupported: " + err
	}
	s, ok := t.(ir.Scalar)
	if !ok {
		if _, isExc := t.(ir.ExcValue); isExc && (fs.Type == 0 || fs.Type == 's') && fs.Sign == 0 && !fs.Zero && !fs.Alt && fs.Grouping == 0 && fs.Prec < 0 {
			return ""
		}
		return "unsupported: a format spec for this value; format numbers with specs"
	}
	switch {
	case s.IsInt() || s == ir.Bool:
		if fs.Prec >= 0 && (fs.Type == 0 || fs.Type == 'd' || fs.Type == 'x' || fs.Type == 'X' || fs.Type == 'o' || fs.Type == 'b' || fs.Type == 'c') {
			return "Python raises ValueError: Precision not allowed in integer format specifier"
		}
		if fs.Type == 's' {
			return "Python raises ValueError: Unknown format code 's' for object of type 'int'"
		}
	case s.IsFloat():
		switch fs.Type {
		case 'd', 'x', 'X', 'o', 'b', 'c', 's':
			return "Python raises ValueError: Unknown format code '" + string(fs.Type) + "' for object of type 'float'"
		}
	case s.IsComplex():
		switch fs.Type {
		case 0, 'e', 'E', 'f', 'F', 'g', 'G':
			if fs.Zero || fs.Align == '=' {
				return "Python raises ValueError: Zero padding is not allowed in complex format specifier"
			}
		default:
			return "Python raises ValueError: Unknown format code '" + string(fs.Type) + "' for object of type 'complex'"
		}
	}
	return ""
}

// tryEnds reports that control cannot leave a try statement at its end,
// by ends (blockEnds, or not fallsThrough): the finally clause ends, or
// the body (with its else clause) and every handler end.
func tryEnds(s *ast.Try, ends func([]ast.Stmt) bool) bool {
	if len(s.Finalbody) > 0 && ends(s.Finalbody) {
		return true
	}
	if !ends(append(append([]ast.Stmt{}, s.Body...), s.Orelse...)) {
		return false
	}
	for _, h := range s.Handlers {
		if !ends(h.Body) {
			return false
		}
	}
	return true
}

// isExcName reports whether n names an exception an except clause bound.
func (c *checker) isExcName(n *ast.Name) bool {
	l := c.fs.fn.Scope[string(n.Id)]
	if l == nil {
		return false
	}
	_, ok := l.Type.(ir.ExcValue)
	if ok {
		c.use(n, l)
	}
	return ok
}

// raiseCause checks the cause of raise ... from cause: an exception class,
// a call of one, an except clause's name or None. It changes neither the
// class nor the message of what is raised, so lower drops it.
func (c *checker) raiseCause(e ast.Expr) {
	switch e := e.(type) {
	case *ast.NameConstant:
		if e.Value == py.None {
			return
		}
	case *ast.Name:
		if c.isExcName(e) {
			return
		}
		if _, ok := ir.ExcParent[string(e.Id)]; ok {
			return
		}
	case *ast.Call:
		if n, ok := e.Func.(*ast.Name); ok {
			if _, ok := ir.ExcParent[string(n.Id)]; ok {
				for _, a := range e.Args {
					c.message(a)
				}
				return
			}
		}
	}
	c.errorf(e, "unsupported: this cause in raise ... from ...; write an exception class, the except clause's name or None")
}
