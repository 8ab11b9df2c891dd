package frontend

import (
	"strings"
)

// Export is one function signature of a Pythran export comment,
//
//	#pythran export f(float64[:,:], int)
//
// Pythran kernels declare their parameter types this way instead of with
// annotations; comments are not in gpython's AST, so the frontend finds
// them in the source text. A comment may export several functions
// (`#pythran export f(int), g(float)`), and a function may be exported
// several times (overloads); File.Exports lists one Export per signature,
// in source order. The type texts are kept raw: what they mean is
// typeinfer's business.
type Export struct {
	Pos    Pos           // of the function name
	Func   string        // the exported function's name
	Params []ExportParam // one per parameter, in order
}

// ExportParam is the raw text of one parameter type of an Export, with
// the position of its first character (for a caret under the type).
type ExportParam struct {
	Text string // trimmed, as written: "float64[:,:]", "int", "float64[:,:] order(F)"
	Pos  Pos
}

// findExports scans the whole-line comments of src (outside strings) for
// `#pythran export` directives. Malformed ones are reported in errs.
func (p *parseState) findExports(src []byte) []Export {
	var out []Export
	inString := func(off int) bool {
		for _, t := range p.sr.toks {
			if t.kind == tString && t.start <= off && off < t.end {
				return true
			}
		}
		return false
	}
	for line := 0; line < len(p.ls); line++ {
		start := p.ls[line]
		end := len(src)
		if line+1 < len(p.ls) {
			end = p.ls[line+1] - 1
		}
		text := src[start:end]
		i := 0
		for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
			i++
		}
		if i >= len(text) || text[i] != '#' {
			continue
		}
		j := i + 1
		for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
			j++
		}
		rest := string(text[j:])
		if !strings.HasPrefix(rest, "pythran") {
			continue
		}
		k := j + len("pythran")
		for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
			k++
		}
		if !strings.HasPrefix(string(text[k:]), "export") || k == j+len("pythran") {
			continue
		}
		k += len("export")
		if k < len(text) && text[k] != ' ' && text[k] != '\t' {
			continue
		}
		if inString(start + i) {
			continue
		}
		if i > 0 {
			p.errs.Add(p.at(start+i), "unsupported: indented pythran export comment; write it at module level, at the start of the line")
			continue
		}
		// A directive continues over the next comment lines while its
		// parentheses are open or it ends with a comma:
		//	#pythran export f(float64[:],
		//	#                 float)
		// The lines are joined in place (newlines and their '#' become
		// spaces), so offsets still point into src.
		joined := append([]byte(nil), text...) // joined[i] is src[start+i]
		for exportOpen(joined[k:]) && line+1 < len(p.ls) {
			ns := p.ls[line+1]
			ne := len(src)
			if line+2 < len(p.ls) {
				ne = p.ls[line+2] - 1
			}
			next := src[ns:ne]
			if len(next) == 0 || next[0] != '#' || isExportComment(next) {
				break
			}
			cont := append([]byte(nil), src[end:ne]...) // the newline, then the line
			for c := range cont {
				if cont[c] == '\n' || cont[c] == '\r' || c == ns-end {
					cont[c] = ' '
				}
			}
			joined = append(joined, cont...)
			line++
			end = ne
		}
		out = append(out, p.parseExportLine(strings.TrimRight(string(joined), "\r"), start, k)...)
	}
	return out
}

// exportOpen reports whether an export directive's text (after the
// keyword) continues on the next line: a parenthesis or bracket is open,
// or it ends with a comma.
func exportOpen(text []byte) bool {
	depth := 0
	last := byte(0)
	for _, c := range text {
		switch c {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		case '#':
			if depth == 0 {
				return last == ','
			}
		}
		if c != ' ' && c != '\t' && c != '\r' {
			last = c
		}
	}
	return depth > 0 || last == ','
}

// isExportComment reports whether a line is itself a pythran directive.
func isExportComment(line []byte) bool {
	t := strings.TrimLeft(strings.TrimPrefix(string(line), "#"), " \t")
	return strings.HasPrefix(t, "pythran")
}

// parseExportLine parses `NAME(T, ...), NAME(...)` from text[k:]; base is
// the absolute offset of text.
func (p *parseState) parseExportLine(text string, base, k int) []Export {
	var out []Export
	skip := func() {
		for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
			k++
		}
	}
	bad := func(at int, msg string) []Export {
		p.errs.Add(p.at(base+at), "syntax error in pythran export: %s; write #pythran export f(float64[:, :], int)", msg)
		return out
	}
	for {
		skip()
		if k < len(text) && text[k] == '#' { // a trailing comment
			return out
		}
		if k >= len(text) {
			if len(out) == 0 {
				return bad(k, "expected a function name")
			}
			return out
		}
		ns := k
		for k < len(text) && isIdentChar(text[k]) {
			k++
		}
		if k == ns || !isIdentStart(text[ns]) {
			return bad(ns, "expected a function name")
		}
		e := Export{Pos: p.at(base + ns), Func: text[ns:k]}
		skip()
		if k >= len(text) || text[k] != '(' {
			if strings.HasPrefix(e.Func, "capsule") || k >= len(text) || text[k] == ',' {
				p.errs.Add(e.Pos, "unsupported in pythran export: '%s' without a signature (only functions with their parameter types, as in %s(float64[:], int), are supported)", e.Func, e.Func)
				return out
			}
			return bad(k, "expected '(' after the function name")
		}
		k++
		// Parameters: split at commas outside brackets and parentheses.
		depth := 0
		ps := k
		closed := false
		for ; k < len(text) && !closed; k++ {
			switch text[k] {
			case '[', '(', '{':
				depth++
			case ']', '}':
				depth--
			case ')':
				if depth == 0 {
					e.addParam(p, text, base, ps, k)
					closed = true
					continue
				}
				depth--
			case ',':
				if depth == 0 {
					e.addParam(p, text, base, ps, k)
					ps = k + 1
				}
			}
		}
		if !closed {
			return bad(len(text), "missing ')'")
		}
		if len(e.Params) == 1 && e.Params[0].Text == "" {
			e.Params = nil // f()
		}
		for _, pr := range e.Params {
			if pr.Text == "" {
				p.errs.Add(pr.Pos, "syntax error in pythran export: empty parameter type; write #pythran export f(float64[:, :], int)")
				return out
			}
		}
		out = append(out, e)
		skip()
		if k < len(text) && text[k] == ',' {
			k++
			continue
		}
		if k < len(text) && text[k] != '#' {
			return bad(k, "expected ',' or the end of the line")
		}
		return out
	}
}

func (e *Export) addParam(p *parseState, text string, base, s, t int) {
	for s < t && (text[s] == ' ' || text[s] == '\t') {
		s++
	}
	for t > s && (text[t-1] == ' ' || text[t-1] == '\t') {
		t--
	}
	e.Params = append(e.Params, ExportParam{Text: text[s:t], Pos: p.at(base + s)})
}
