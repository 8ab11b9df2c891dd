package ir

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Exceptions caught and text printed: the statements of try/except and
// print, and the formatted text they and Raise carry.

// Try runs Body. When a statement of Body raises (a Check, a Raise, a
// Reraise, a raising call), the rest of Body is skipped and the first
// Handler whose Classes hold the exception's class runs instead; when none
// does, the exception leaves the Try as if Body had raised outside it.
// ID numbers the function's Trys from 1; Reraise and TextPart.Exc name the
// exception a Try's handler caught by it, which exists only while that
// handler runs. A pass that copies statements (unroll, a versioned nest's
// cold copy) copies IDs too, so an ID names the innermost enclosing Try
// that has it, and emitters make names and labels of their own. lower makes else and finally clauses out of ordinary
// statements around Trys, so a Try is only Python's try/except.
type Try struct {
	ID       int
	Body     *Block
	Handlers []*Handler
	Pos      Pos
}

// Handler is one except clause. Classes lists every exception class name
// it catches, subclasses spelled out (ExcSubclasses): emitters compare the
// raised class name with them. An empty Classes catches everything.
type Handler struct {
	Classes []string
	Body    *Block
}

// Reraise raises again the exception the handler of Try ID is handling
// (Python's bare raise), with its class, message and position.
type Reraise struct {
	Try int
	Pos Pos
}

// Write writes its text to the standard output (Python's print, with sep
// and end already in Text).
type Write struct {
	Text []TextPart
	Pos  Pos
}

// TextPart is one piece of a string built at run time: literal text Lit;
// or, when X is set, X formatted as Python's format(X, Spec) does (str(X)
// for an empty Spec, repr(X) when Repr is set); or, when Exc is set, the
// message of the exception the handler of Try Exc is handling (str(e)).
type TextPart struct {
	Lit  string
	X    Expr
	Spec string
	Repr bool
	Exc  int
}

// ExcValue is the type the front half gives the name an except clause
// binds (`except ValueError as e`). Lowering holds no variable for it:
// its uses become TextPart.Exc, so emitters never meet this type.
type ExcValue struct{}

func (ExcValue) String() string { return "exception" }
func (ExcValue) isType()        {}

func (s *Try) StmtPos() Pos     { return s.Pos }
func (s *Reraise) StmtPos() Pos { return s.Pos }
func (s *Write) StmtPos() Pos   { return s.Pos }

func (*Try) isStmt()     {}
func (*Reraise) isStmt() {}
func (*Write) isStmt()   {}

func (*Try) node()     {}
func (*Reraise) node() {}
func (*Write) node()   {}

// ExcParent is the builtin exception hierarchy (and numpy's classes) as
// far as compiled code raises or catches: each class's base class.
// numpy.linalg.LinAlgError derives from Exception (numpy 1.24); AxisError
// from both ValueError and IndexError (listed in ExcBases).
var ExcParent = map[string]string{
	"Exception":           "BaseException",
	"ArithmeticError":     "Exception",
	"AssertionError":      "Exception",
	"LookupError":         "Exception",
	"RuntimeError":        "Exception",
	"TypeError":           "Exception",
	"ValueError":          "Exception",
	"MemoryError":         "Exception",
	"SystemError":         "Exception",
	"LinAlgError":         "Exception",
	"ZeroDivisionError":   "ArithmeticError",
	"OverflowError":       "ArithmeticError",
	"FloatingPointError":  "ArithmeticError",
	"IndexError":          "LookupError",
	"KeyError":            "LookupError",
	"NotImplementedError": "RuntimeError",
	"RecursionError":      "RuntimeError",
	"AxisError":           "ValueError",
}

// excExtraBases are the second bases of classes with two.
var excExtraBases = map[string][]string{"AxisError": {"IndexError"}}

// ExcIsSubclass reports whether class c is cls or derives from it.
func ExcIsSubclass(c, cls string) bool {
	if c == cls {
		return true
	}
	for _, b := range excExtraBases[c] {
		if ExcIsSubclass(b, cls) {
			return true
		}
	}
	if p, ok := ExcParent[c]; ok {
		return ExcIsSubclass(p, cls)
	}
	return false
}

// ExcSubclasses is cls and every class of the hierarchy deriving from it,
// sorted; nil when cls is not a class of the hierarchy.
func ExcSubclasses(cls string) []string {
	if _, ok := ExcParent[cls]; !ok && cls != "BaseException" {
		return nil
	}
	out := []string{cls}
	for c := range ExcParent {
		if c != cls && ExcIsSubclass(c, cls) {
			out = append(out, c)
		}
	}
	sort.Strings(out)
	return out
}

// textString prints formatted text as the IR's text form shows it:
// pieces joined by +, literal ones quoted, values as fmt(x, "spec"),
// repr(x), exc(N).
func textString(parts []TextPart) string {
	var b []string
	for _, p := range parts {
		switch {
		case p.Exc > 0 && p.Repr:
			b = append(b, fmt.Sprintf("excrepr(%d)", p.Exc))
		case p.Exc > 0 && p.Spec != "":
			b = append(b, fmt.Sprintf("excfmt(%d, %s)", p.Exc, strconv.Quote(p.Spec)))
		case p.Exc > 0:
			b = append(b, fmt.Sprintf("exc(%d)", p.Exc))
		case p.X != nil && p.Repr:
			b = append(b, "repr("+exprString(p.X)+")")
		case p.X != nil:
			b = append(b, "fmt("+exprString(p.X)+", "+strconv.Quote(p.Spec)+")")
		default:
			b = append(b, strconv.Quote(p.Lit))
		}
	}
	if len(b) == 0 {
		return `""`
	}
	return strings.Join(b, " + ")
}

// cloneText deep-copies formatted text.
func cloneText(parts []TextPart) []TextPart {
	if parts == nil {
		return nil
	}
	out := make([]TextPart, len(parts))
	for i, p := range parts {
		out[i] = p
		out[i].X = CloneExpr(p.X)
	}
	return out
}

// tryStmt checks a Try, Reraise or Write: Try IDs are positive, a Reraise or an exception's text is inside the handler of the
// Try it names, and neither a Try nor a Write runs in a concurrent loop
// (iterations would catch or print in no fixed order).
func (v *verifier) tryStmt(s Stmt, loops int, induction []*Var) {
	pos := s.StmtPos()
	if v.conc != nil {
		v.errorf(pos, "%T in concurrent loop %s", s, v.conc.Var.Name)
	}
	switch s := s.(type) {
	case *Try:
		v.raises = true // a function with a try keeps an error result
		if s.ID <= 0 {
			v.errorf(pos, "try: want a positive ID, got %d", s.ID)
		}
		v.block(s.Body, loops, induction)
		for _, h := range s.Handlers {
			if h == nil {
				v.errorf(pos, "try %d: nil handler", s.ID)
				continue
			}
			v.handling = append(v.handling, s.ID)
			v.block(h.Body, loops, induction)
			v.handling = v.handling[:len(v.handling)-1]
		}
	case *Reraise:
		v.raises = true
		v.handled(pos, s.Try)
	case *Write:
		v.text(pos, s.Text)
	}
}

// handled checks that the handler of Try id encloses the statement.
func (v *verifier) handled(pos Pos, id int) {
	for _, h := range v.handling {
		if h == id {
			return
		}
	}
	v.errorf(pos, "exception of try %d used outside its handler", id)
}

// text checks formatted text: values are scalars or arrays, an exception
// part is inside its handler.
func (v *verifier) text(pos Pos, parts []TextPart) {
	for _, p := range parts {
		if p.Exc > 0 {
			v.handled(pos, p.Exc)
		}
		if p.X == nil {
			continue
		}
		v.expr(pos, p.X)
		switch p.X.Type().(type) {
		case Scalar, *Array:
		default:
			v.errorf(pos, "text value %s: want a scalar or an array, got %s", exprString(p.X), p.X.Type())
		}
	}
}

// tryStmt parses the text forms of Try (with its handler lines), Reraise
// and Write; nil when the line is none of them.
func (p *textParser) tryStmt(l *lineParser, word string) Stmt {
	switch word {
	case "write":
		s := &Write{Pos: l.pos, Text: l.text()}
		l.end()
		return s
	case "reraise":
		s := &Reraise{Try: int(l.integer()), Pos: l.pos}
		l.end()
		return s
	case "try":
		s := &Try{ID: int(l.integer()), Pos: l.pos}
		l.expect("{")
		l.end()
		s.Body = p.nested()
		for {
			line := strings.TrimSpace(p.lines[p.ln])
			if !strings.HasPrefix(line, "} except") {
				break
			}
			fields := strings.Fields(strings.TrimSuffix(strings.TrimPrefix(line, "} except"), "{"))
			s.Handlers = append(s.Handlers, &Handler{Classes: fields, Body: p.nested()})
		}
		p.closeBlock()
		return s
	}
	return nil
}

// text parses formatted text as textString prints it.
func (l *lineParser) text() []TextPart {
	var out []TextPart
	for {
		l.skipSpace()
		rest := l.s[l.i:]
		switch {
		case strings.HasPrefix(rest, `"`):
			out = append(out, TextPart{Lit: l.quoted()})
		case strings.HasPrefix(rest, "exc("):
			l.i += len("exc(")
			out = append(out, TextPart{Exc: int(l.integer())})
			l.expect(")")
		case strings.HasPrefix(rest, "excrepr("):
			l.i += len("excrepr(")
			out = append(out, TextPart{Exc: int(l.integer()), Repr: true})
			l.expect(")")
		case strings.HasPrefix(rest, "excfmt("):
			l.i += len("excfmt(")
			id := int(l.integer())
			l.expect(",")
			out = append(out, TextPart{Exc: id, Spec: l.quoted()})
			l.expect(")")
		case strings.HasPrefix(rest, "repr("):
			l.i += len("repr(")
			out = append(out, TextPart{X: l.expr(), Repr: true})
			l.expect(")")
		case strings.HasPrefix(rest, "fmt("):
			l.i += len("fmt(")
			x := l.expr()
			l.expect(",")
			out = append(out, TextPart{X: x, Spec: l.quoted()})
			l.expect(")")
		default:
			l.p.errorf("want a text part (\"...\", exc(N), repr(x) or fmt(x, \"spec\")), got %q", rest)
			return out
		}
		if !l.accept("+") {
			return out
		}
	}
}
