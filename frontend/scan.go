package frontend

import "strings"

// The scanner below is deliberately much simpler than a real Python
// tokenizer: it exists so the annotation rewrite never touches text inside
// strings, comments or brackets, and so gpython's error offsets (which point
// just past the offending token) can be moved back to the token's start.

type tokKind int

const (
	tName tokKind = iota
	tNumber
	tString
	tOp
	tNewline // end of a logical line (depth 0 only)
)

type token struct {
	kind       tokKind
	text       string // names and operators; empty for strings
	start, end int    // byte offsets into the source
	depth      int    // bracket depth before the token
}

type unterminated struct {
	start  int
	triple bool
}

type scanResult struct {
	toks   []token
	lines  [][]token // logical lines, without their tNewline
	unterm []unterminated
}

var ops3 = []string{"**=", "//=", ">>=", "<<=", "..."}
var ops2 = []string{"**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", ":=", "<>"}

func isIdentStart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

func isIdentChar(c byte) bool { return isIdentStart(c) || c >= '0' && c <= '9' }

func isStringPrefix(s string) bool {
	if len(s) > 2 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !strings.ContainsRune("rRbBuUfF", rune(s[i])) {
			return false
		}
	}
	return true
}

func scan(src []byte) *scanResult {
	r := &scanResult{}
	n := len(src)
	depth := 0
	lineStart := 0 // index into r.toks of the current logical line's first token
	endLine := func(at int) {
		if len(r.toks) > lineStart {
			r.lines = append(r.lines, r.toks[lineStart:len(r.toks):len(r.toks)])
			r.toks = append(r.toks, token{kind: tNewline, start: at, end: at + 1})
		}
		lineStart = len(r.toks)
	}
	emit := func(k tokKind, s, e int) {
		t := token{kind: k, start: s, end: e, depth: depth}
		if k == tName || k == tOp {
			t.text = string(src[s:e])
		}
		r.toks = append(r.toks, t)
	}
	i := 0
	for i < n {
		c := src[i]
		switch {
		case c == '\n':
			if depth == 0 {
				endLine(i)
			}
			i++
		case c == ' ' || c == '\t' || c == '\f' || c == '\r':
			i++
		case c == '#':
			for i < n && src[i] != '\n' {
				i++
			}
		case c == '\\' && (i+1 < n && src[i+1] == '\n' || i+2 < n && src[i+1] == '\r' && src[i+2] == '\n'):
			i += 2
			if src[i-1] == '\r' {
				i++
			}
		case c == '"' || c == '\'':
			i = scanString(src, i, i, r, emit)
		case isIdentStart(c):
			j := i
			for j < n && isIdentChar(src[j]) {
				j++
			}
			if j < n && (src[j] == '"' || src[j] == '\'') && isStringPrefix(string(src[i:j])) {
				i = scanString(src, i, j, r, emit)
				continue
			}
			emit(tName, i, j)
			i = j
		case c >= '0' && c <= '9' || c == '.' && i+1 < n && src[i+1] >= '0' && src[i+1] <= '9':
			j := i
			for j < n {
				d := src[j]
				if isIdentChar(d) || d == '.' {
					j++
				} else if (d == '+' || d == '-') && (src[j-1] == 'e' || src[j-1] == 'E') && !(src[i] == '0' && i+1 < n && (src[i+1] == 'x' || src[i+1] == 'X')) {
					j++
				} else {
					break
				}
			}
			emit(tNumber, i, j)
			i = j
		default:
			l := 1
			for _, op := range ops3 {
				if i+3 <= n && string(src[i:i+3]) == op {
					l = 3
					break
				}
			}
			if l == 1 {
				for _, op := range ops2 {
					if i+2 <= n && string(src[i:i+2]) == op {
						l = 2
						break
					}
				}
			}
			switch c {
			case ')', ']', '}':
				if depth > 0 {
					depth--
				}
			}
			emit(tOp, i, i+l)
			switch c {
			case '(', '[', '{':
				depth++
			}
			i += l
		}
	}
	endLine(n)
	return r
}

// scanString scans a string literal whose prefix starts at start and whose
// opening quote is at q, and returns the offset just past it.
func scanString(src []byte, start, q int, r *scanResult, emit func(tokKind, int, int)) int {
	n := len(src)
	quote := src[q]
	triple := q+2 < n && src[q+1] == quote && src[q+2] == quote
	i := q + 1
	if triple {
		i = q + 3
	}
	for i < n {
		c := src[i]
		switch {
		case c == '\\':
			i += 2
			continue
		case triple && c == quote && i+2 < n && src[i+1] == quote && src[i+2] == quote:
			emit(tString, start, i+3)
			return i + 3
		case !triple && c == quote:
			emit(tString, start, i+1)
			return i + 1
		case !triple && c == '\n':
			r.unterm = append(r.unterm, unterminated{start: start})
			emit(tString, start, i)
			return i
		}
		i++
	}
	r.unterm = append(r.unterm, unterminated{start: start, triple: triple})
	emit(tString, start, n)
	return n
}

var keywords = map[string]bool{
	"False": true, "None": true, "True": true, "and": true, "as": true, "assert": true,
	"async": true, "await": true, "break": true, "class": true, "continue": true,
	"def": true, "del": true, "elif": true, "else": true, "except": true,
	"finally": true, "for": true, "from": true, "global": true, "if": true,
	"import": true, "in": true, "is": true, "lambda": true, "nonlocal": true,
	"not": true, "or": true, "pass": true, "raise": true, "return": true,
	"try": true, "while": true, "with": true, "yield": true,
}

var compoundKw = map[string]bool{
	"if": true, "elif": true, "else": true, "while": true, "for": true,
	"with": true, "def": true, "class": true, "try": true, "except": true,
	"finally": true,
}

// annotSite is one PEP 526 annotation found in the source text.
type annotSite struct {
	nameStart, nameEnd int // the target (a plain name, or the whole attribute/subscript chain)
	annStart, annEnd   int // the annotation expression text
	hasValue           bool
	complexTarget      bool // self.x: T or a[i]: T
	emptyAt            int  // >= 0: annotation is empty, syntax error at this offset
}

func isOp(t token, s string) bool { return t.kind == tOp && t.text == s }

// findAnnotations looks for `TARGET : ANNOT [= VALUE]` at every statement
// start of every logical line.
func findAnnotations(sr *scanResult) []annotSite {
	var sites []annotSite
	for _, line := range sr.lines {
		var starts []int
		starts = append(starts, 0)
		header := line[0].kind == tName && compoundKw[line[0].text]
		lambdas := 0
		for j, t := range line {
			if t.depth != 0 {
				continue
			}
			switch {
			case t.kind == tName && t.text == "lambda":
				lambdas++
			case isOp(t, ":"):
				if lambdas > 0 {
					lambdas--
				} else if header {
					header = false
					starts = append(starts, j+1)
				}
			case isOp(t, ";"):
				starts = append(starts, j+1)
			}
		}
		for _, s := range starts {
			if site, ok := annotationAt(line, s); ok {
				sites = append(sites, site)
			}
		}
	}
	return sites
}

func annotationAt(line []token, s int) (annotSite, bool) {
	if s >= len(line) || line[s].kind != tName || keywords[line[s].text] {
		return annotSite{}, false
	}
	j := s + 1
	call := false
	for j < len(line) {
		t := line[j]
		if isOp(t, ".") && j+1 < len(line) && line[j+1].kind == tName {
			j += 2
			call = false
			continue
		}
		if isOp(t, "[") || isOp(t, "(") {
			closer := map[string]string{"[": "]", "(": ")"}[t.text]
			k := j + 1
			for k < len(line) && !(line[k].depth == t.depth && isOp(line[k], closer)) {
				k++
			}
			if k == len(line) {
				return annotSite{}, false
			}
			call = t.text == "("
			j = k + 1
			continue
		}
		break
	}
	if j >= len(line) || !isOp(line[j], ":") || line[j].depth != 0 || call {
		return annotSite{}, false
	}
	e := j + 1
	for e < len(line) && !(line[e].depth == 0 && (isOp(line[e], "=") || isOp(line[e], ";"))) {
		e++
	}
	site := annotSite{
		nameStart:     line[s].start,
		nameEnd:       line[j-1].end,
		complexTarget: j != s+1,
		hasValue:      e < len(line) && isOp(line[e], "="),
		emptyAt:       -1,
		annStart:      line[j].end,
	}
	if e == j+1 {
		if e < len(line) {
			site.emptyAt = line[e].start
		} else {
			site.emptyAt = line[j].end
		}
		site.annEnd = site.annStart
	} else {
		site.annEnd = line[e-1].end
	}
	return site, true
}

// blank overwrites src[s:e] with spaces, keeping line structure (newlines and
// backslash continuations) so every other byte keeps its line and offset.
//
// A newline inside the blanked text was inside the annotation's brackets;
// with the brackets gone it would end the statement, so the byte before it
// becomes a backslash continuation.
func blank(src []byte, s, e int) {
	for i := s; i < e; i++ {
		switch src[i] {
		case '\n':
			j := i - 1
			if j >= s && src[j] == '\r' {
				j--
			}
			if j >= s {
				src[j] = '\\'
			}
		case '\r':
		case '\\':
			if i+1 < len(src) && (src[i+1] == '\n' || src[i+1] == '\r') {
				continue
			}
			src[i] = ' '
		default:
			src[i] = ' '
		}
	}
}

// rewriteAnnotations returns a copy of src with annotations blanked out, and
// reports which sites were stubbed with something other than `pass`.
func rewriteAnnotations(src []byte, sites []annotSite) (out []byte, nameStub map[int]bool) {
	out = append([]byte(nil), src...)
	nameStub = map[int]bool{}
	for _, s := range sites {
		if s.hasValue || s.complexTarget {
			// keep the target, drop `: ANNOT`
			blank(out, s.nameEnd, s.annEnd)
			continue
		}
		blank(out, s.nameStart, s.annEnd)
		// `pass` must fit on the first physical line of the statement.
		room := 0
		for i := s.nameStart; i < s.annEnd && out[i] == ' '; i++ {
			room++
		}
		if room >= 4 {
			copy(out[s.nameStart:], "pass")
		} else {
			copy(out[s.nameStart:], src[s.nameStart:s.nameEnd])
			nameStub[s.nameStart] = true
		}
	}
	return out, nameStub
}

// pyKeywords are the names after which `@` cannot be the binary operator.
var pyKeywords = map[string]bool{
	"and": true, "as": true, "assert": true, "async": true, "await": true, "break": true,
	"class": true, "continue": true, "def": true, "del": true, "elif": true, "else": true,
	"except": true, "finally": true, "for": true, "from": true, "global": true, "if": true,
	"import": true, "in": true, "is": true, "lambda": true, "nonlocal": true, "not": true,
	"or": true, "pass": true, "raise": true, "return": true, "try": true, "while": true,
	"with": true, "yield": true,
}

// rewriteMatMul replaces every binary `@` operator (PEP 465 matrix
// multiplication, which gpython cannot parse) by `*` in out, in place, and
// returns their byte offsets. `*` has the same precedence and
// associativity, so the tree keeps its shape and every column stays put;
// the parser then marks the BinOps whose operator sits at one of these
// offsets (File.MatMul). An `@` is binary only after an operand (a name
// that is not a keyword, a number, a string or a closing bracket): a
// decorator's `@` starts its line and stays, and so does any stray `@`,
// which gpython then reports as a syntax error.
//
// `a @= b` is rewritten to `a *= b` so parsing can go on, and its offset
// returned in inplace: numpy 1.24 rejects it (TypeError), so the caller
// reports it.
func rewriteMatMul(sr *scanResult, out []byte) (at map[int]bool, inplace []int) {
	at = map[int]bool{}
	for i, t := range sr.toks {
		if isOp(t, "@=") {
			out[t.start] = '*'
			inplace = append(inplace, t.start)
			continue
		}
		if !isOp(t, "@") || i == 0 {
			continue
		}
		prev := sr.toks[i-1]
		operand := false
		switch prev.kind {
		case tName:
			operand = !pyKeywords[prev.text]
		case tNumber, tString:
			operand = true
		case tOp:
			operand = prev.text == ")" || prev.text == "]" || prev.text == "}"
		}
		if operand {
			out[t.start] = '*'
			at[t.start] = true
		}
	}
	return at, inplace
}
