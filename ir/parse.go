package ir

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Parse reads the text form Print writes and returns the module: the
// inverse of Print, so that Print(Parse(Print(m))) == Print(m) for every
// module m, and pass tests can be written as IR text in, IR text out.
//
// The text form holds everything passes and emitters read except the
// docstrings (Module.Doc, Func.Doc), which only emitters' comments use.
// Print keeps the text unambiguous where the IR could collide with
// itself: a negated constant is -(1.0), a call of a function named like
// an intrinsic or a type is @floordiv(a, b). What remains ambiguous,
// Parse reads as the IR Print would write the same way: a conversion of
// a literal to a sized type as a typed constant (int32(5)), a variable
// named like a constant word (nan, true) or like the discarded result _
// as the variable.
//
// A Nullable variable's type ends in "?", a ReadOnly parameter's is
// followed by "readonly"; a function whose Python
// signature differs from its flat one (PyParams, PyResult) starts with
// "pyparam NAME TYPE" and "pyresult TYPE" lines before its locals.
//
// Errors name the line: "line 12: want ')', got ...".
func Parse(src string) (*Module, error) {
	p := &textParser{funcs: map[string]*Func{}}
	m, err := p.module(src)
	if err != nil {
		return nil, err
	}
	return m, nil
}

// parseError is panicked inside the parser and recovered by module.
type parseError struct{ msg string }

type textParser struct {
	lines []string
	ln    int // index of the current line
	funcs map[string]*Func
	fn    *Func
	vars  map[string]*Var
}

func (p *textParser) errorf(format string, args ...any) {
	panic(parseError{fmt.Sprintf("line %d: ", p.ln+1) + fmt.Sprintf(format, args...)})
}

func (p *textParser) module(src string) (m *Module, err error) {
	defer func() {
		if r := recover(); r != nil {
			pe, ok := r.(parseError)
			if !ok {
				panic(r)
			}
			m, err = nil, fmt.Errorf("ir.Parse: %s", pe.msg)
		}
	}()
	p.lines = strings.Split(src, "\n")
	m = &Module{}
	// First pass: the function headers, so that calls can refer to a
	// function defined further down.
	var starts []int
	for p.ln = 0; p.ln < len(p.lines); p.ln++ {
		l := p.line(p.lines[p.ln])
		if l.s == "" {
			continue
		}
		switch {
		case l.acceptWord("module"):
			m.File = strings.TrimSpace(l.rest())
		case l.acceptWord("const"):
			m.Consts = append(m.Consts, p.constDecl(l))
		case l.acceptWord("func"):
			f := p.header(l)
			if p.funcs[f.Name] != nil {
				p.errorf("func %s defined twice", f.Name)
			}
			p.funcs[f.Name] = f
			m.Funcs = append(m.Funcs, f)
			starts = append(starts, p.ln)
			p.skipFunc()
		default:
			p.errorf("want module, const or func, got %q", l.s)
		}
	}
	for i, f := range m.Funcs {
		p.ln = starts[i]
		p.body(f)
	}
	return m, nil
}

// skipFunc moves to the closing brace of the function whose header is the
// current line.
func (p *textParser) skipFunc() {
	for p.ln++; p.ln < len(p.lines); p.ln++ {
		if p.lines[p.ln] == "}" {
			return
		}
	}
	p.errorf("func without its closing }")
}

// constDecl parses `N int64 = 64  # 1:1` after `const`.
func (p *textParser) constDecl(l *lineParser) *Const {
	c := &Const{Name: l.ident()}
	t, ok := l.typ().(Scalar)
	if !ok {
		p.errorf("const %s: want a scalar type", c.Name)
	}
	l.expect("=")
	c.Value = l.constant()
	if c.Value.T != t {
		c.Value = ConstOf(t, c.Value.Value)
	}
	c.Pos = l.pos
	l.end()
	return c
}

// header parses `name[ as pyname](params) result[ raises] {` after `func`.
func (p *textParser) header(l *lineParser) *Func {
	f := &Func{Name: l.ident(), Pos: l.pos}
	f.PyName = f.Name
	if l.acceptWord("as") {
		f.PyName = l.ident()
	}
	l.expect("(")
	kwonly := -1
	for !l.accept(")") {
		if len(f.Params) > 0 || kwonly >= 0 {
			l.expect(",")
		}
		if l.accept("*") {
			kwonly = len(f.Params)
			continue
		}
		v := &Var{Name: l.ident(), Param: true}
		v.Type = l.typ()
		v.Nullable = l.accept("?")
		v.ReadOnly = l.acceptWord("readonly")
		if l.accept("=") {
			c := l.constant()
			if s, ok := v.Type.(Scalar); ok && c.T != s {
				c = ConstOf(s, c.Value)
			}
			for len(f.Defaults) < len(f.Params) {
				f.Defaults = append(f.Defaults, nil)
			}
			f.Defaults = append(f.Defaults, c)
		}
		f.Params = append(f.Params, v)
	}
	if kwonly >= 0 {
		f.KwOnly = len(f.Params) - kwonly
	}
	f.Result = l.typ()
	f.Raises = l.acceptWord("raises")
	l.expect("{")
	l.end()
	return f
}

// body parses the declarations and statements of f, whose header is the
// current line.
func (p *textParser) body(f *Func) {
	p.fn = f
	p.vars = map[string]*Var{}
	for _, v := range f.Params {
		p.declare(v)
	}
	p.ln++
	for ; p.ln < len(p.lines); p.ln++ {
		l := p.line(p.lines[p.ln])
		if l.acceptWord("pyparam") {
			pp := PyParam{Name: l.ident()}
			pp.Type = l.typ()
			l.end()
			f.PyParams = append(f.PyParams, pp)
			continue
		}
		if l.acceptWord("pyresult") {
			f.PyResult = l.typ()
			l.end()
			continue
		}
		if !l.acceptWord("var") {
			break
		}
		v := &Var{Name: l.ident()}
		v.Type = l.typ()
		v.Nullable = l.accept("?")
		l.end()
		p.declare(v)
		f.Locals = append(f.Locals, v)
	}
	f.Body = p.block()
}

// declared returns the variable named name, declaring it with type t
// unless it is declared already.
func (p *textParser) declared(name string, t Type) *Var {
	if v := p.vars[name]; v != nil {
		return v
	}
	v := &Var{Name: name, Type: t}
	p.declare(v)
	return v
}

func (p *textParser) declare(v *Var) {
	if p.vars[v.Name] != nil {
		p.errorf("variable %s declared twice", v.Name)
	}
	p.vars[v.Name] = v
}

// block parses statements from the current line up to the line that
// closes the block (`}` or `} else {`), which stays current.
func (p *textParser) block() *Block {
	b := &Block{Stmts: []Stmt{}}
	for ; p.ln < len(p.lines); p.ln++ {
		l := p.line(p.lines[p.ln])
		if strings.HasPrefix(l.s, "}") {
			return b
		}
		b.Stmts = append(b.Stmts, p.stmt(l))
	}
	p.errorf("block without its closing }")
	return nil
}

// nested parses the block that starts after the current line (whose `{`
// opened it) and returns it with the closing line current.
func (p *textParser) nested() *Block {
	p.ln++
	return p.block()
}

// closeBlock checks that the current line is exactly `}`.
func (p *textParser) closeBlock() {
	if strings.TrimSpace(p.lines[p.ln]) != "}" {
		p.errorf("want }, got %q", strings.TrimSpace(p.lines[p.ln]))
	}
}

func (p *textParser) stmt(l *lineParser) Stmt {
	save := l.i
	word := l.ident()
	if l.peekIs("=") || l.peekIs("[") || l.peekIs(",") {
		// A destination, whatever its name (a variable may be called
		// check or cold).
		l.i = save
		return p.assignment(l)
	}
	switch word {
	case "if":
		s := &If{Cond: l.expr(), Pos: l.pos}
		l.expect("{")
		l.end()
		s.Then = p.nested()
		if strings.TrimSpace(p.lines[p.ln]) == "} else {" {
			s.Else = p.nested()
		}
		p.closeBlock()
		return s
	case "while":
		s := &While{Pos: l.pos}
		if !l.accept("{") {
			s.Cond = l.expr()
			l.expect("{")
		}
		l.end()
		s.Body = p.nested()
		p.closeBlock()
		return s
	case "cold", "parallel", "for", "concurrent":
		if s := p.forStmt(l, word); s != nil {
			return s
		}
	case "free":
		s := &Free{Arr: p.lookup(l.ident()), Pos: l.pos}
		l.end()
		return s
	case "break", "continue":
		if l.atEnd() {
			if word == "break" {
				return &Break{Pos: l.pos}
			}
			return &Continue{Pos: l.pos}
		}
	case "return":
		s := &Return{Pos: l.pos}
		if !l.atEnd() {
			s.Values = l.exprs()
		}
		l.end()
		return s
	case "random":
		if l.peekIdent() {
			return p.parseRandom(l, "")
		}
	case "raise":
		s := &Raise{Pos: l.pos}
		save := l.i
		s.Exc = l.ident()
		l.expect("(")
		if text := l.text(); len(text) > 1 || len(text) == 1 && text[0].X != nil || len(text) == 1 && text[0].Exc > 0 {
			s.Text = text
			l.expect(")")
		} else {
			l.i = save
			s.Exc, s.Msg, s.Args = l.exception()
		}
		l.end()
		return s
	case "try", "reraise", "write":
		if s := p.tryStmt(l, word); s != nil { // try.go
			return s
		}
	case "check":
		if !l.peekIs("=") && !l.peekIs("[") && !l.peekIs(",") {
			s := &Check{Cond: l.expr(), Pos: l.pos}
			if !l.acceptWord("else") {
				p.errorf("check without else")
			}
			s.Exc, s.Msg, s.Args = l.exception()
			l.end()
			return s
		}
	case "call":
		if !l.peekIs("=") && !l.peekIs("[") && !l.peekIs(",") {
			s := &CallStmt{Call: l.call(), Pos: l.pos}
			l.end()
			return s
		}
	}
	l.i = save
	return p.assignment(l)
}

// forStmt parses a For header after its first word, or returns nil when
// the line is not one (a variable named cold, say).
func (p *textParser) forStmt(l *lineParser, word string) Stmt {
	s := &For{}
	if word == "concurrent" {
		if !l.acceptWord("cold") && !l.acceptWord("parallel") && !l.acceptWord("for") {
			return nil
		}
		s.Concurrent = true
		word = l.last
	}
	if word == "cold" {
		if !l.acceptWord("parallel") && !l.acceptWord("for") {
			return nil
		}
		s.Cold = true
		word = l.last
	}
	if word == "parallel" {
		if !l.acceptWord("for") {
			return nil
		}
		s.Parallel = true
	}
	if s.Concurrent {
		// A concurrent loop declares its induction variable and its
		// locals (a name declared already is read as that variable, for
		// Print's sake; the verifier rejects the double declaration).
		s.Var = p.declared(l.ident(), Int64)
	} else {
		s.Var = p.lookup(l.ident())
	}
	l.expect("=")
	if !l.acceptWord("range") {
		p.errorf("want range(start, stop, step)")
	}
	l.expect("(")
	s.Start = l.expr()
	l.expect(",")
	s.Stop = l.expr()
	l.expect(",")
	s.Step = l.expr()
	l.expect(")")
	s.Pos = l.pos
	if l.acceptWord("chunks") {
		s.Par = p.chunks(l)
	}
	if l.acceptWord("window") {
		l.expect("(")
		for !l.accept(")") {
			if len(s.Windows) > 0 {
				l.expect(",")
			}
			w := Window{Arr: p.lookup(l.ident())}
			l.expect("@")
			w.Base = p.lookup(l.ident())
			s.Windows = append(s.Windows, w)
		}
	}
	if l.acceptWord("restrict") {
		l.expect("(")
		for !l.accept(")") {
			if len(s.Restrict) > 0 {
				l.expect(",")
			}
			s.Restrict = append(s.Restrict, p.lookup(l.ident()))
		}
	}
	if l.acceptWord("release") {
		l.expect("(")
		for !l.accept(")") {
			if len(s.Release) > 0 {
				l.expect(",")
			}
			s.Release = append(s.Release, p.lookup(l.ident()))
		}
	}
	if l.acceptWord("local") {
		l.expect("(")
		for !l.accept(")") {
			if len(s.Locals) > 0 {
				l.expect(",")
			}
			name := l.ident()
			v := p.declared(name, l.typ())
			v.Nullable = l.accept("?")
			s.Locals = append(s.Locals, v)
		}
	}
	l.expect("{")
	l.end()
	s.Body = p.nested()
	p.closeBlock()
	return s
}

// chunks parses `(grain N; private a b; reduce s:+ m:max)`.
func (p *textParser) chunks(l *lineParser) *ParLoop {
	pl := &ParLoop{}
	l.expect("(")
	if !l.acceptWord("grain") {
		p.errorf("want chunks(grain N...)")
	}
	pl.Grain = l.integer()
	for l.accept(";") {
		switch l.ident() {
		case "private":
			for !l.peekIs(";") && !l.peekIs(")") {
				pl.Private = append(pl.Private, p.lookup(l.ident()))
			}
		case "reduce":
			for !l.peekIs(";") && !l.peekIs(")") {
				r := Reduction{Var: p.lookup(l.ident())}
				l.expect(":")
				r.Op = l.word(func(r rune) bool { return !unicode.IsSpace(r) && r != ';' && r != ')' })
				pl.Reductions = append(pl.Reductions, r)
			}
		default:
			p.errorf("want private or reduce in chunks(...), got %q", l.last)
		}
	}
	l.expect(")")
	return pl
}

// assignment parses the statements that start with a destination:
// Assign, Store, Alloc, View and CallStmt with results.
func (p *textParser) assignment(l *lineParser) Stmt {
	first := l.ident()
	if l.accept("[") {
		s := &Store{Arr: p.lookup(first)}
		s.Offset = l.expr()
		l.expect("]")
		l.expect("=")
		s.Val = l.expr()
		s.Pos = l.pos
		l.end()
		return s
	}
	dsts := []string{first}
	var discarded []Type // the types of `_:TYPE` destinations, by position
	discard := func() {
		for len(discarded) < len(dsts)-1 {
			discarded = append(discarded, nil)
		}
		var t Type
		if dsts[len(dsts)-1] == "_" && l.accept(":") {
			t = l.typ()
		}
		discarded = append(discarded, t)
	}
	discard()
	for l.accept(",") {
		dsts = append(dsts, l.ident())
		discard()
	}
	l.expect("=")
	save := l.i
	word := ""
	if l.peekIdent() {
		word = l.ident()
	}
	switch word {
	case "call":
		if c := l.callOrNil(); c != nil {
			s := &CallStmt{Call: c, Pos: l.pos}
			var rts []Type
			for i, d := range dsts {
				var v *Var // "_" discards, unless a variable has that name
				if (d != "_" || p.vars[d] != nil) && discarded[i] == nil {
					v = p.lookup(d)
				}
				s.Dsts = append(s.Dsts, v)
				if v != nil {
					rts = append(rts, v.Type)
				} else if discarded[i] != nil {
					rts = append(rts, discarded[i])
				}
			}
			if c.Fn.Lib != nil {
				// A library call's result types are its destinations'
				// (a discarded one is written `_:TYPE`).
				if len(rts) != len(dsts) {
					p.errorf("a library call's discarded result needs its type: _:TYPE")
				}
				c.Fn.Result = tupleOf(rts)
			}
			l.end()
			return s
		}
	case "random":
		if len(dsts) == 1 && p.funcs["random"] == nil && l.peekIdent() {
			return p.parseRandom(l, first)
		}
	case "alloc":
		if len(dsts) == 1 && p.funcs["alloc"] == nil && l.peekIs("(") {
			l.expect("(")
			s := &Alloc{Dst: p.lookup(first), Shape: l.exprsUntil(")")}
			s.Pos = l.pos
			l.end()
			return s
		}
	case "view":
		if len(dsts) == 1 && !l.atEnd() && !l.peekIs("(") && !l.peekIs("[") && !l.peekIs(".") {
			s := &View{Dst: p.lookup(first), Src: p.lookup(l.ident())}
			if !l.acceptWord("offset") {
				p.errorf("want view SRC offset ...")
			}
			s.Offset = l.expr()
			if !l.acceptWord("shape") {
				p.errorf("want shape (...) in a view")
			}
			l.expect("(")
			s.Shape = l.exprsUntil(")")
			if !l.acceptWord("strides") {
				p.errorf("want strides (...) in a view")
			}
			l.expect("(")
			s.Strides = l.exprsUntil(")")
			s.Pos = l.pos
			l.end()
			return s
		}
	}
	l.i = save
	if len(dsts) != 1 {
		p.errorf("several destinations without call")
	}
	s := &Assign{Dst: p.lookup(first), Src: l.expr(), Pos: l.pos}
	l.end()
	return s
}

func (p *textParser) lookup(name string) *Var {
	v := p.vars[name]
	if v == nil {
		p.errorf("undeclared variable %s", name)
	}
	return v
}

// lineParser reads one line: s is the line without its indentation and
// its position comment, i the offset of the next unread byte.
type lineParser struct {
	p    *textParser
	s    string
	i    int
	pos  Pos
	last string // the last word read
}

// posComment is the position comment Print ends a line with.
var posComment = regexp.MustCompile(`  # (-|[0-9]+:[0-9]+)$`)

func (p *textParser) line(raw string) *lineParser {
	s := strings.TrimLeft(raw, " ")
	l := &lineParser{p: p, s: s}
	if m := posComment.FindStringSubmatchIndex(s); m != nil && !insideString(s, m[0]) {
		if c := s[m[2]:m[3]]; c != "-" {
			line, col, _ := strings.Cut(c, ":")
			l.pos.Line, _ = strconv.Atoi(line)
			l.pos.Col, _ = strconv.Atoi(col)
		}
		l.s = s[:m[0]]
	}
	return l
}

// insideString reports whether offset i of s lies inside a quoted string.
func insideString(s string, i int) bool {
	in := false
	for k := 0; k < i; k++ {
		switch {
		case in && s[k] == '\\':
			k++
		case s[k] == '"':
			in = !in
		}
	}
	return in
}

func (l *lineParser) skipSpace() {
	for l.i < len(l.s) && l.s[l.i] == ' ' {
		l.i++
	}
}

func (l *lineParser) atEnd() bool {
	l.skipSpace()
	return l.i == len(l.s)
}

func (l *lineParser) end() {
	if !l.atEnd() {
		l.p.errorf("unexpected %q", l.s[l.i:])
	}
}

func (l *lineParser) rest() string { r := l.s[l.i:]; l.i = len(l.s); return r }

func (l *lineParser) peekIs(lit string) bool {
	l.skipSpace()
	return strings.HasPrefix(l.s[l.i:], lit)
}

// accept consumes lit if it comes next.
func (l *lineParser) accept(lit string) bool {
	if l.peekIs(lit) {
		l.i += len(lit)
		return true
	}
	return false
}

func (l *lineParser) expect(lit string) {
	if !l.accept(lit) {
		got := l.s[l.i:]
		if got == "" {
			got = "end of line"
		}
		l.p.errorf("want %q, got %q", lit, got)
	}
}

// acceptWord consumes the identifier w if it comes next as a whole word.
func (l *lineParser) acceptWord(w string) bool {
	save := l.i
	if l.peekIdent() && l.ident() == w {
		return true
	}
	l.i = save
	return false
}

func isIdentRune(r rune, first bool) bool {
	return r == '_' || unicode.IsLetter(r) || !first && unicode.IsDigit(r)
}

func (l *lineParser) peekIdent() bool {
	l.skipSpace()
	r, _ := utf8.DecodeRuneInString(l.s[l.i:])
	return l.i < len(l.s) && isIdentRune(r, true)
}

func (l *lineParser) ident() string {
	if !l.peekIdent() {
		l.p.errorf("want a name, got %q", l.s[l.i:])
	}
	first := true
	return l.word(func(r rune) bool {
		ok := isIdentRune(r, first)
		first = false
		return ok
	})
}

// word consumes the longest run of runes ok accepts.
func (l *lineParser) word(ok func(rune) bool) string {
	l.skipSpace()
	start := l.i
	for l.i < len(l.s) {
		r, n := utf8.DecodeRuneInString(l.s[l.i:])
		if !ok(r) {
			break
		}
		l.i += n
	}
	l.last = l.s[start:l.i]
	return l.last
}

func (l *lineParser) integer() int64 {
	w := l.word(func(r rune) bool { return r == '-' || unicode.IsDigit(r) })
	n, err := strconv.ParseInt(w, 10, 64)
	if err != nil {
		l.p.errorf("want an integer, got %q", w)
	}
	return n
}

// typ parses a type as Type.String prints it.
func (l *lineParser) typ() Type {
	if l.accept("(") {
		t := &Tuple{}
		for !l.accept(")") {
			if len(t.Elems) > 0 {
				l.expect(",")
			}
			t.Elems = append(t.Elems, l.typ())
		}
		return t
	}
	name := l.ident()
	if name == "None" {
		return None
	}
	if name == "Generator" {
		return GeneratorType
	}
	if name == "list" {
		l.expect("[")
		t := &List{Elem: l.typ()}
		l.expect("]")
		return t
	}
	s, ok := scalarNamed(name)
	if !ok {
		l.p.errorf("unknown type %s", name)
	}
	if !strings.HasPrefix(l.s[l.i:], "[") {
		return s
	}
	l.i++
	if rest := l.s[l.i:]; rest != "" && unicode.IsDigit(rune(rest[0])) {
		b := &Buffer{Elem: s, Len: l.integer()}
		l.expect("]")
		return b
	}
	a := &Array{Elem: s}
	for !l.accept("]") {
		if a.Rank > 0 {
			l.expect(",")
		}
		if l.accept("::1") {
			a.Contig = true
		} else {
			l.expect(":")
		}
		a.Rank++
	}
	return a
}

// bareConst reports whether constString prints constants of t without
// their type.
func bareConst(t Scalar) bool {
	return t == Int64 || t == Float64 || t == Bool || t == Complex128
}

func scalarNamed(name string) (Scalar, bool) {
	for s, n := range scalarNames {
		if n == name && Scalar(s) != Invalid {
			return Scalar(s), true
		}
	}
	return Invalid, false
}

// exception parses `Exc("msg", args...)`.
func (l *lineParser) exception() (exc, msg string, args []Expr) {
	exc = l.ident()
	l.expect("(")
	msg = l.quoted()
	if l.accept(",") {
		args = l.exprsUntil(")")
	} else {
		l.expect(")")
	}
	return exc, msg, args
}

func (l *lineParser) quoted() string {
	l.skipSpace()
	q, err := strconv.QuotedPrefix(l.s[l.i:])
	if err != nil {
		l.p.errorf("want a quoted string, got %q", l.s[l.i:])
	}
	l.i += len(q)
	s, _ := strconv.Unquote(q)
	return s
}

func (l *lineParser) exprs() []Expr {
	es := []Expr{l.expr()}
	for l.accept(",") {
		es = append(es, l.expr())
	}
	return es
}

// exprsUntil parses a comma-separated list up to and including close.
func (l *lineParser) exprsUntil(close string) []Expr {
	var es []Expr
	for !l.accept(close) {
		if len(es) > 0 {
			l.expect(",")
		}
		es = append(es, l.expr())
	}
	return es
}

// binOpsByLen lists the binary operators, longest first, so that << is
// not read as <.
var binOpsByLen = func() []BinOp {
	var ops []BinOp
	for op := range binOpNames {
		if binOpNames[op] != "" {
			ops = append(ops, BinOp(op))
		}
	}
	for i := 1; i < len(ops); i++ {
		for j := i; j > 0 && len(binOpNames[ops[j]]) > len(binOpNames[ops[j-1]]); j-- {
			ops[j], ops[j-1] = ops[j-1], ops[j]
		}
	}
	return ops
}()

// number matches a literal as constString prints one (before its type).
var number = regexp.MustCompile(`^-?(?:[0-9]+(?:\.[0-9]+)?(?:e[+-][0-9]+)?|inf|nan)`)

// numberAt returns the literal at the start of s, or "" (a name that
// starts like one, nan_count, is not one).
func numberAt(s string) string {
	m := number.FindString(s)
	if r, _ := utf8.DecodeRuneInString(s[len(m):]); m != "" && len(m) < len(s) && isIdentRune(r, false) {
		return ""
	}
	return m
}

// complexLit matches `(re+imi)`.
var complexLit = regexp.MustCompile(`^\((-?(?:[0-9]+(?:\.[0-9]+)?(?:e[+-][0-9]+)?|inf|nan))\+(-?(?:[0-9]+(?:\.[0-9]+)?(?:e[+-][0-9]+)?|inf|nan))i\)`)

// expr parses one expression as exprString prints it.
func (l *lineParser) expr() Expr {
	l.skipSpace()
	rest := l.s[l.i:]
	if m := complexLit.FindStringSubmatch(rest); m != nil {
		l.i += len(m[0])
		return &ConstExpr{T: Complex128, Value: complex(l.float(m[1]), l.float(m[2]))}
	}
	switch {
	case strings.HasPrefix(rest, "("):
		l.i++
		x := l.expr()
		if l.accept(")") {
			return x // -(1.0)
		}
		l.skipSpace()
		for _, op := range binOpsByLen {
			if l.accept(binOpNames[op] + " ") {
				y := l.expr()
				l.expect(")")
				return &Binary{Op: op, X: x, Y: y}
			}
		}
		l.p.errorf("want a binary operator, got %q", l.s[l.i:])
	case strings.HasPrefix(rest, "@"):
		l.i++
		return l.call()
	case strings.HasPrefix(rest, "-") && numberAt(rest) != "":
		return l.literal()
	case strings.HasPrefix(rest, "-"):
		l.i++
		return &Unary{Op: Neg, X: l.expr()}
	case strings.HasPrefix(rest, "!"):
		l.i++
		return &Unary{Op: Not, X: l.expr()}
	case strings.HasPrefix(rest, "^"):
		l.i++
		return &Unary{Op: BitNot, X: l.expr()}
	case rest != "" && rest[0] >= '0' && rest[0] <= '9':
		return l.literal()
	}
	return l.named()
}

// named parses what starts with a name: a variable, a Dim, a Load, a
// constant word, a conversion or typed constant, a call or an intrinsic.
func (l *lineParser) named() Expr {
	p := l.p
	name := l.ident()
	if v := p.vars[name]; v != nil && !strings.HasPrefix(l.s[l.i:], "(") && !strings.HasPrefix(l.s[l.i:], ":") {
		switch {
		case strings.HasPrefix(l.s[l.i:], "["):
			l.i++
			e := &Load{Arr: v, Offset: l.expr()}
			l.expect("]")
			return e
		case strings.HasPrefix(l.s[l.i:], "."):
			l.i++
			d := &Dim{Arr: v}
			switch k := l.ident(); k {
			case "shape":
				d.Kind = Shape
			case "stride":
				d.Kind = Stride
			case "offset":
				d.Kind = Offset
			default:
				p.errorf("unknown dim %s", k)
			}
			l.expect("[")
			d.Axis = int(l.integer())
			l.expect("]")
			return d
		}
		return &VarRef{V: v}
	}
	switch name {
	case "true", "false":
		return BoolConst(name == "true")
	case "inf", "nan":
		return Float(l.float(name))
	}
	var explicit Type
	if strings.HasPrefix(l.s[l.i:], ":") {
		l.i++
		explicit = l.typ()
	}
	if !strings.HasPrefix(l.s[l.i:], "(") {
		p.errorf("undeclared variable %s", name)
	}
	if t, ok := scalarNamed(name); ok && explicit == nil {
		l.i++
		save := l.i
		// A sized literal (int32(5)); a default-typed one prints bare, so
		// float64(5) is a conversion.
		if c, ok := l.tryLiteral(); ok && l.accept(")") && !bareConst(t) {
			return ConstOf(t, c.Value)
		}
		l.i = save
		x := l.expr()
		l.expect(")")
		return &Convert{X: x, T: t}
	}
	if f := p.funcs[name]; f != nil && explicit == nil && LookupIntrinsic(name) == nil {
		l.i++
		return &Call{Fn: f, Args: l.exprsUntil(")")}
	}
	if LookupIntrinsic(name) == nil {
		p.errorf("%s is neither a function of the module nor an intrinsic", name)
	}
	l.i++
	e := &Intrinsic{Name: name, Args: l.exprsUntil(")")}
	e.T = explicit
	if e.T == nil {
		e.T = intrinsicResult(name, e.Args)
	}
	return e
}

// call parses `f(args)` where f is a function of the module.
func (l *lineParser) call() *Call {
	c := l.callOrNil()
	if c == nil {
		l.p.errorf("want a call of a function of the module, got %q", l.s[l.i:])
	}
	return c
}

func (l *lineParser) callOrNil() *Call {
	save := l.i
	if !l.peekIdent() {
		return nil
	}
	if l.acceptWord("lib") && l.p.funcs["lib"] == nil {
		return l.libCall()
	}
	l.i = save
	f := l.p.funcs[l.ident()]
	if f == nil || !l.accept("(") {
		l.i = save
		return nil
	}
	return &Call{Fn: f, Args: l.exprsUntil(")")}
}

// tryLiteral parses a literal constant if one comes next.
func (l *lineParser) tryLiteral() (*ConstExpr, bool) {
	l.skipSpace()
	rest := l.s[l.i:]
	if m := complexLit.FindString(rest); m != "" {
		return l.expr().(*ConstExpr), true
	}
	if numberAt(rest) != "" {
		return l.literal(), true
	}
	for _, w := range []string{"true", "false"} {
		if l.acceptWord(w) {
			return BoolConst(w == "true"), true
		}
	}
	return nil, false
}

// literal parses a number: an int64 without a point or exponent, else a
// float64.
func (l *lineParser) literal() *ConstExpr {
	w := numberAt(l.s[l.i:])
	l.i += len(w)
	if strings.ContainsAny(w, ".ein") {
		return Float(l.float(w))
	}
	n, err := strconv.ParseInt(w, 10, 64)
	if err != nil {
		l.p.errorf("bad integer %s", w)
	}
	return Int(n)
}

func (l *lineParser) float(w string) float64 {
	switch w {
	case "inf":
		return math.Inf(1)
	case "-inf":
		return math.Inf(-1)
	case "nan":
		return math.NaN()
	case "-nan":
		return math.Copysign(math.NaN(), -1)
	}
	f, err := strconv.ParseFloat(w, 64)
	if err != nil {
		l.p.errorf("bad float %s", w)
	}
	return f
}

// constant parses a constant as constString prints it.
func (l *lineParser) constant() *ConstExpr {
	if c, ok := l.tryLiteral(); ok {
		return c
	}
	name := l.ident()
	switch name {
	case "inf", "nan":
		return Float(l.float(name))
	}
	t, ok := scalarNamed(name)
	if !ok {
		l.p.errorf("want a constant, got %s", name)
	}
	l.expect("(")
	c, ok := l.tryLiteral()
	if !ok {
		l.p.errorf("want a constant in %s(...)", name)
	}
	l.expect(")")
	return ConstOf(t, c.Value)
}
