package frontend

import (
	"bytes"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/go-python/gpython/ast"
	"github.com/go-python/gpython/parser"
	"github.com/go-python/gpython/py"
	"golang.org/x/text/unicode/norm"
)

// VarAnnot is a PEP 526 variable annotation, which gpython's 3.4 grammar
// cannot represent, kept beside the statement that stands in for it.
type VarAnnot struct {
	Name     string
	Pos      Pos      // of the name
	Annot    ast.Expr // positions in file coordinates
	HasValue bool
}

// File is a parsed, subset-checked source file.
type File struct {
	Path   string
	Src    []byte
	Module *ast.Module // gpython AST, after annotation preprocessing
	// Annots maps the ast.Assign (for `x: T = v`) or ast.Pass (for a bare
	// `x: T`) that stands in for an annotated statement to its annotation.
	Annots map[ast.Stmt]*VarAnnot
	// MatMul holds the BinOps written `a @ b`: gpython cannot parse `@`,
	// so the preprocessing rewrote it to `*` (same precedence, same
	// columns); their Op is ast.Mult, and this set says they are matrix
	// products (typeinfer types them as np.matmul).
	MatMul map[*ast.BinOp]bool
	// Exports are the signatures of `#pythran export f(T, ...)` comments,
	// one per signature, in source order (see Export).
	Exports []Export
	// OmpFor holds the lines of the for statements marked parallel by a
	// Pythran-style `#omp parallel for` comment on the line before (see
	// findOmpFor).
	OmpFor map[int]bool
	// Main holds the body of `if __name__ == "__main__":`; it is kept for
	// tooling but neither checked nor compiled.
	Main []ast.Stmt
	// Captures maps each function desugar lifted out of a lambda or a
	// nested def to the names it reads from the function it was in: its
	// last keyword-only parameters, which a use of the function value
	// passes (desugar.go).
	Captures map[string][]string
	// FStrings maps the call standing for each f-string (a call of
	// FStringFunc, fstring.go) to its text and fields.
	FStrings map[*ast.Call]*FString

	lineStarts []int
}

// Pos converts a gpython node position (1-based line, 0-based byte offset)
// to a frontend Pos (1-based rune column). A nil node yields the zero Pos.
func (f *File) Pos(n ast.Ast) Pos {
	if n == nil {
		return Pos{}
	}
	if v := reflect.ValueOf(n); v.Kind() == reflect.Pointer && v.IsNil() {
		return Pos{}
	}
	if f.lineStarts == nil {
		f.lineStarts = lineStarts(f.Src)
	}
	return bytePos(f.Src, f.lineStarts, n.GetLineno(), n.GetColOffset())
}

func lineStarts(src []byte) []int {
	ls := []int{0}
	for i, c := range src {
		if c == '\n' {
			ls = append(ls, i+1)
		}
	}
	return ls
}

// bytePos converts (1-based line, 0-based byte column) to a Pos.
func bytePos(src []byte, ls []int, line, off int) Pos {
	if line < 1 {
		return Pos{Line: 1, Col: 1}
	}
	if off < 0 {
		off = 0
	}
	if line > len(ls) {
		return Pos{Line: len(ls) + 1, Col: 1}
	}
	start := ls[line-1]
	end := len(src)
	if line < len(ls) {
		end = ls[line] - 1
	}
	text := src[start:end]
	if off <= len(text) {
		return Pos{Line: line, Col: utf8.RuneCount(text[:off]) + 1}
	}
	return Pos{Line: line, Col: utf8.RuneCount(text) + 1 + off - len(text)}
}

// offsetPos converts an absolute byte offset to a Pos.
func offsetPos(src []byte, ls []int, abs int) Pos {
	line := 1
	for line < len(ls) && ls[line] <= abs {
		line++
	}
	return bytePos(src, ls, line, abs-ls[line-1])
}

type parseState struct {
	path string
	src  []byte // original
	pre  []byte // after annotation rewrite
	ls   []int
	sr   *scanResult
	errs ErrorList
	bom  int // length of a leading byte order mark
}

func (p *parseState) at(abs int) Pos { return offsetPos(p.src, p.ls, abs) }

// ParseFile parses src and checks it against the supported subset. On
// failure the File is nil and err is an ErrorList holding every error found;
// it never panics.
func ParseFile(path string, src []byte) (*File, error) {
	f, err := ParseFilePartial(path, src)
	if err != nil {
		return nil, err
	}
	return f, nil
}

// ParseFilePartial is ParseFile that keeps the File when the source parses
// but some constructs are outside the subset: the errors are positioned,
// so a caller that compiles only some functions (driver.CompileSome) can
// leave out the functions they are in. The File is nil only when there is
// no syntax tree (a syntax error).
func ParseFilePartial(path string, src []byte) (f *File, err error) {
	p := &parseState{path: path, src: src, ls: lineStarts(src)}
	defer func() {
		if r := recover(); r != nil {
			f = nil
			p.errs = append(p.errs, &Error{Pos: Pos{Line: 1, Col: 1}, Msg: fmt.Sprintf("internal error: parser crashed: %v", r)})
			p.errs.Sort()
			err = p.errs
		}
	}()
	f = p.parse()
	if len(p.errs) > 0 {
		p.errs.Sort()
		return f, p.errs
	}
	return f, nil
}

func (p *parseState) parse() *File {
	if !utf8.Valid(p.src) {
		i := 0
		for i < len(p.src) {
			r, size := utf8.DecodeRune(p.src[i:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			i += size
		}
		p.errs.Add(p.at(i), "syntax error: invalid UTF-8 in source")
		return nil
	}
	if i := bytes.IndexByte(p.src, 0); i >= 0 {
		p.errs.Add(p.at(i), "syntax error: source contains a null byte")
		return nil
	}
	// gpython chokes on a UTF-8 byte order mark, which CPython allows; it is
	// blanked for the scanner and cut off for gpython, whose line-1 offsets
	// are then shifted back (see gpyParse).
	text := p.src
	if bytes.HasPrefix(text, []byte(bom)) {
		p.bom = len(bom)
		text = append([]byte("   "), text[len(bom):]...)
	}
	p.sr = scan(text)
	sites := findAnnotations(p.sr)
	pre, stubs := rewriteAnnotations(text, sites)
	matmul, inplace := rewriteMatMul(p.sr, pre)
	for _, at := range inplace {
		p.errs.Add(p.at(at), "unsupported: in-place matrix multiplication; numpy 1.24 raises TypeError: In-place matrix multiplication is not (yet) supported. Use 'a = a @ b' instead of 'a @= b'.")
	}
	fsites := findFStrings(text, p.sr)
	blankFPrefixes(pre, fsites)
	p.pre = pre

	annots := map[int]*VarAnnot{} // by name start offset
	for _, s := range sites {
		switch {
		case s.complexTarget:
			p.errs.Add(p.at(s.nameStart), "unsupported: annotated assignment to attribute/subscript")
		case s.emptyAt >= 0:
			p.errs.Add(p.at(s.emptyAt), "syntax error: invalid syntax")
		default:
			if e := p.parseAnnot(s); e != nil {
				annots[s.nameStart] = &VarAnnot{
					Name:     string(p.src[s.nameStart:s.nameEnd]),
					Pos:      p.at(s.nameStart),
					Annot:    e,
					HasValue: s.hasValue,
				}
			}
		}
	}

	mod, err := p.gpyParse(pre)
	if err != nil {
		p.syntaxError(err, 0, 0, true)
		return nil
	}
	m, ok := mod.(*ast.Module)
	if !ok {
		p.errs.Add(Pos{Line: 1, Col: 1}, "syntax error: not a module")
		return nil
	}
	p.fixPositions(m)
	f := &File{Path: p.path, Src: p.src, Module: m, Annots: map[ast.Stmt]*VarAnnot{}, MatMul: p.matMulOps(m, matmul), lineStarts: p.ls}
	p.attachAnnots(f, annots, stubs)
	p.fstrings(f, fsites) // before normalising: field names are identifiers too
	if !isASCII(p.src) {  // nearly every file: no name to normalise, no walk
		normalizeIdentifiers(m)
		for _, a := range f.Annots {
			a.Name = norm.NFKC.String(a.Name)
			normalizeIdentifiers(a.Annot)
		}
	}
	f.Exports = p.findExports(p.src)
	f.OmpFor = p.findOmpFor(f)
	p.check(f)
	desugar(f, &p.errs)
	p.leftovers(f)
	return f
}

// leftovers reports the comprehensions desugar could not lift: they are
// in a place no later stage handles.
func (p *parseState) leftovers(f *File) {
	ast.Walk(f.Module, func(n ast.Ast) bool {
		switch n.(type) {
		case *ast.GeneratorExp:
			p.errs.Add(f.Pos(n), "unsupported: generator expression here; pass it straight to sum(), min(), max(), any() or all(), or write a for loop")
			return false
		}
		return true
	})
}

// parseAnnot parses the annotation text on its own and moves its node
// positions into file coordinates.
func (p *parseState) parseAnnot(s annotSite) ast.Expr {
	start := s.annStart
	for start < s.annEnd && (p.src[start] == ' ' || p.src[start] == '\t') {
		start++
	}
	text := string(p.src[start:s.annEnd])
	startPos := p.at(start)
	line := startPos.Line
	col := start - p.ls[line-1]
	mod, err := parseEval(text)
	if err != nil {
		// The annotation is parsed alone, so gpython's "unexpected EOF"
		// would be misleading: the statement goes on.
		if exc, ok := err.(*py.Exception); ok {
			exc.Args = py.Tuple{py.String("invalid syntax")}
		}
		p.syntaxError(err, line-1, col, false)
		return nil
	}
	expr, ok := mod.(*ast.Expression)
	if !ok || expr.Body == nil {
		p.errs.Add(startPos, "syntax error: invalid annotation")
		return nil
	}
	ast.Walk(expr.Body, func(n ast.Ast) bool {
		if pos := nodePos(n); pos != nil {
			if pos.Lineno <= 1 {
				pos.ColOffset += col
			}
			pos.Lineno += line - 1
		}
		return true
	})
	p.fixPositions(expr.Body)
	return expr.Body
}

func parseEval(text string) (m ast.Ast, err error) {
	defer func() {
		if r := recover(); r != nil {
			m, err = nil, py.MakeSyntaxError(r, "<annotation>", 1, 0, text)
		}
	}()
	return parser.ParseString(text, py.EvalMode)
}

// nodePos digs out the embedded ast.Pos; gpython has no setter for it.
func nodePos(n ast.Ast) *ast.Pos {
	v := reflect.ValueOf(n)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	fv := v.Elem().FieldByName("Pos")
	if !fv.IsValid() || !fv.CanAddr() {
		return nil
	}
	pos, _ := fv.Addr().Interface().(*ast.Pos)
	return pos
}

func (p *parseState) attachAnnots(f *File, annots map[int]*VarAnnot, stubs map[int]bool) {
	if len(annots) == 0 {
		return
	}
	byPos := map[[2]int]ast.Stmt{}
	ast.Walk(f.Module, func(n ast.Ast) bool {
		switch n.(type) {
		case *ast.Assign, *ast.Pass, *ast.ExprStmt:
			byPos[[2]int{n.GetLineno(), n.GetColOffset()}] = n.(ast.Stmt)
		case ast.Expr:
			return false
		}
		return true
	})
	for off, va := range annots {
		line := 1
		for line < len(p.ls) && p.ls[line] <= off {
			line++
		}
		stmt := byPos[[2]int{line, off - p.ls[line-1]}]
		if stmt == nil {
			continue
		}
		if es, ok := stmt.(*ast.ExprStmt); ok && stubs[off] {
			pass := &ast.Pass{StmtBase: ast.StmtBase{Pos: es.Pos}}
			replaceStmt(f.Module, es, pass)
			stmt = pass
		}
		switch stmt.(type) {
		case *ast.Assign, *ast.Pass:
			f.Annots[stmt] = va
		}
	}
}

// bodies calls fn on every statement list directly inside n.
func bodies(n ast.Ast, fn func(*[]ast.Stmt)) {
	switch s := n.(type) {
	case *ast.Module:
		fn(&s.Body)
	case *ast.FunctionDef:
		fn(&s.Body)
	case *ast.ClassDef:
		fn(&s.Body)
	case *ast.For:
		fn(&s.Body)
		fn(&s.Orelse)
	case *ast.While:
		fn(&s.Body)
		fn(&s.Orelse)
	case *ast.If:
		fn(&s.Body)
		fn(&s.Orelse)
	case *ast.With:
		fn(&s.Body)
	case *ast.Try:
		fn(&s.Body)
		for _, h := range s.Handlers {
			fn(&h.Body)
		}
		fn(&s.Orelse)
		fn(&s.Finalbody)
	}
}

func replaceStmt(root ast.Ast, old, new ast.Stmt) {
	var visit func(n ast.Ast)
	visit = func(n ast.Ast) {
		bodies(n, func(list *[]ast.Stmt) {
			for i, s := range *list {
				if s == old {
					(*list)[i] = new
				}
				visit((*list)[i])
			}
		})
	}
	visit(root)
}

// syntaxError converts a gpython error; lineShift/colShift move positions of
// a separately parsed annotation into file coordinates.
func (p *parseState) syntaxError(err error, lineShift, colShift int, whole bool) {
	exc, ok := err.(*py.Exception)
	if !ok {
		p.errs.Add(Pos{Line: 1, Col: 1}, "syntax error: %v", err)
		return
	}
	msg := "invalid syntax"
	if args, ok := exc.Args.(py.Tuple); ok && len(args) > 0 {
		if s, ok := args[0].(py.String); ok && s != "" {
			msg = string(s)
		}
	}
	if exc.Base != nil && exc.Base.Name != "SyntaxError" && exc.Base.Name != "IndentationError" {
		msg = "invalid syntax" // a crash inside gpython, not a real diagnosis
	}
	line, off := 1, 0
	if v, ok := exc.Dict["lineno"].(py.Int); ok {
		line = int(v)
	}
	if v, ok := exc.Dict["offset"].(py.Int); ok {
		off = int(v)
	}
	if line <= 1 {
		off += colShift
	}
	line += lineShift
	if line < 1 {
		line, off = 1, 0
	}
	if line > len(p.ls) {
		p.errs.Add(Pos{Line: len(p.ls) + 1, Col: 1}, "syntax error: %s", msg)
		return
	}
	if off < 0 {
		off = 0
	}
	abs := min(p.ls[line-1]+off, len(p.src))

	if strings.Contains(msg, "string literal") && len(p.sr.unterm) > 0 {
		u := p.sr.unterm[0]
		m := "unterminated string literal"
		if u.triple {
			m = "unterminated triple-quoted string literal"
		}
		p.errs.Add(p.at(u.start), "syntax error: %s", m)
		return
	}
	if msg == "Inconsistent indent" {
		p.errs.Add(p.at(abs), "syntax error: unindent does not match any outer indentation level")
		return
	}
	caret := p.tokenBefore(abs, line, off, whole)
	if m := p.indentMessage(caret); m != "" {
		msg = m
	} else if p.missingColon(caret) {
		msg = "expected ':'"
	}
	p.errs.Add(p.at(caret), "syntax error: %s", msg)
}

// tokenBefore maps gpython's error offset, which lies just past the
// lookahead token, back to that token's start.
func (p *parseState) tokenBefore(abs, line, off int, whole bool) int {
	var t *token
	for i := range p.sr.toks {
		tk := &p.sr.toks[i]
		if tk.kind != tNewline && tk.end == abs && tk.start < abs {
			t = tk
		}
	}
	if t == nil {
		return abs
	}
	atEOL := abs >= len(p.src) || p.src[abs] == '\n' || p.src[abs] == '\r' || p.src[abs] == '#'
	if !atEOL || !whole {
		return t.start
	}
	// Ambiguous: the lookahead was either t or the NEWLINE right after it.
	// Pushing the newline one byte right tells them apart.
	probe := make([]byte, 0, len(p.pre)+1)
	probe = append(probe, p.pre[:abs]...)
	probe = append(probe, ' ')
	probe = append(probe, p.pre[abs:]...)
	_, err := p.gpyParse(probe)
	if exc, ok := err.(*py.Exception); ok {
		l, _ := exc.Dict["lineno"].(py.Int)
		o, _ := exc.Dict["offset"].(py.Int)
		if int(l) == line && int(o) == off+1 {
			return abs
		}
	}
	return t.start
}

const bom = "\ufeff"

// gpyParse runs gpython on src (in original byte coordinates), hiding a
// leading BOM from it.
func (p *parseState) gpyParse(src []byte) (m ast.Mod, err error) {
	defer func() {
		if r := recover(); r != nil {
			m, err = nil, fmt.Errorf("%v", r)
		}
	}()
	m, err = parser.Parse(bytes.NewReader(src[p.bom:]), p.path, py.ExecMode)
	if p.bom == 0 {
		return m, err
	}
	if exc, ok := err.(*py.Exception); ok {
		if l, _ := exc.Dict["lineno"].(py.Int); l <= 1 {
			o, _ := exc.Dict["offset"].(py.Int)
			exc.Dict["offset"] = o + py.Int(p.bom)
		}
	}
	if m != nil {
		ast.Walk(m, func(n ast.Ast) bool {
			if pos := nodePos(n); pos != nil && pos.Lineno == 1 {
				pos.ColOffset += p.bom
			}
			return true
		})
	}
	return m, err
}

// indentMessage gives CPython's wording when the error token starts a
// logical line whose indentation is the problem.
func (p *parseState) indentMessage(at int) string {
	for k, line := range p.sr.lines {
		if line[0].start != at {
			continue
		}
		ind, ok := p.indentOf(at)
		if !ok || k == 0 {
			return ""
		}
		prev := p.sr.lines[k-1]
		pind, ok := p.indentOf(prev[0].start)
		if !ok {
			return ""
		}
		opens := isOp(prev[len(prev)-1], ":")
		switch {
		case opens && ind <= pind:
			return "expected an indented block"
		case !opens && ind > pind:
			return "unexpected indent"
		}
		return ""
	}
	return ""
}

// indentOf returns the indentation width of the token at off, if it is the
// first thing on its physical line.
func (p *parseState) indentOf(off int) (int, bool) {
	i := off
	for i > 0 && (p.src[i-1] == ' ' || p.src[i-1] == '\t' || p.src[i-1] == '\f') {
		i--
	}
	if i > 0 && p.src[i-1] != '\n' {
		return 0, false
	}
	w := 0
	for _, c := range p.src[i:off] {
		switch c {
		case ' ':
			w++
		case '\t':
			w += 8 - w%8
		}
	}
	return w, true
}

// fixPositions moves gpython's odd positions to CPython's convention, so
// diagnostics of every stage point where a Python programmer expects: calls
// (which gpython leaves at 0:0), attributes and subscripts (at the '.' or
// '[') start where their primary starts, and braces at the '{'.
func (p *parseState) fixPositions(m ast.Ast) {
	var nodes []ast.Ast
	ast.Walk(m, func(n ast.Ast) bool {
		nodes = append(nodes, n)
		return true
	})
	// Reverse pre-order visits children before their parents.
	for i := len(nodes) - 1; i >= 0; i-- {
		var from ast.Ast
		switch n := nodes[i].(type) {
		case *ast.Call:
			from = n.Func
		case *ast.Attribute:
			from = n.Value
		case *ast.Subscript:
			from = n.Value
		case *ast.Dict, *ast.Set, *ast.DictComp, *ast.SetComp:
			if pos := nodePos(n); pos != nil {
				p.backTo(pos, "{")
			}
		}
		if from == nil {
			continue
		}
		src, dst := nodePos(from), nodePos(nodes[i])
		if src != nil && dst != nil && src.Lineno > 0 {
			*dst = *src
		}
	}
}

// backTo moves pos to the token before it if that token is op.
func (p *parseState) backTo(pos *ast.Pos, op string) {
	if pos.Lineno < 1 || pos.Lineno > len(p.ls) {
		return
	}
	abs := p.ls[pos.Lineno-1] + pos.ColOffset
	k := sort.Search(len(p.sr.toks), func(i int) bool { return p.sr.toks[i].start >= abs })
	for k--; k >= 0 && p.sr.toks[k].kind == tNewline; k-- {
	}
	if k < 0 || !isOp(p.sr.toks[k], op) {
		return
	}
	t := p.sr.toks[k].start
	line := 1
	for line < len(p.ls) && p.ls[line] <= t {
		line++
	}
	pos.Lineno, pos.ColOffset = line, t-p.ls[line-1]
}

// missingColon reports whether the error sits at the end of a compound
// statement header that lacks its colon.
func (p *parseState) missingColon(at int) bool {
	if at < len(p.src) && p.src[at] != '\n' && p.src[at] != '\r' && p.src[at] != '#' {
		return false
	}
	for _, line := range p.sr.lines {
		last := line[len(line)-1]
		if last.end > at || line[0].kind != tName || !compoundKw[line[0].text] {
			continue
		}
		if strings.TrimSpace(string(p.src[last.end:at])) != "" {
			continue
		}
		return !isOp(last, ":")
	}
	return false
}

// matMulOps finds the BinOps whose operator is one of the rewritten `@`
// (byte offsets in at). gpython positions a BinOp at its left operand, so
// the operator is found from the right operand instead: it is the token
// just before the right operand's first token, skipping the opening
// parentheses of a parenthesized right operand.
func (p *parseState) matMulOps(m ast.Ast, at map[int]bool) map[*ast.BinOp]bool {
	ops := map[*ast.BinOp]bool{}
	if len(at) == 0 {
		return ops
	}
	ast.Walk(m, func(n ast.Ast) bool {
		b, ok := n.(*ast.BinOp)
		if !ok || b.Op != ast.Mult {
			return true
		}
		pos := nodePos(b.Right)
		if pos == nil || pos.Lineno < 1 || pos.Lineno > len(p.ls) {
			return true
		}
		abs := p.ls[pos.Lineno-1] + pos.ColOffset
		k := sort.Search(len(p.sr.toks), func(i int) bool { return p.sr.toks[i].start >= abs })
		for k--; k >= 0 && isOp(p.sr.toks[k], "("); k-- {
		}
		if k >= 0 && at[p.sr.toks[k].start] {
			ops[b] = true
		}
		return true
	})
	return ops
}
