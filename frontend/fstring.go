package frontend

// f-strings. gpython's 3.4 grammar has none, so the source handed to it
// has each f-string's prefix blanked (f"x={x}" parses as the plain string
// " "x={x}""), and after parsing the Str node that stands there is
// replaced by a call of FStringFunc whose arguments are the replacement
// fields' expressions, parsed on their own and moved into file
// coordinates (as annotations are). Later stages find the literal text,
// conversions and format specs in File.FStrings; every AST walker sees the
// expressions as ordinary call arguments, so names read only inside an
// f-string are reads like any other.

import (
	"reflect"
	"strings"

	"github.com/go-python/gpython/ast"
	"github.com/go-python/gpython/py"
)

// FStringFunc is the name of the call that stands for an f-string.
const FStringFunc = "__pyc2go_fstring__"

// FString is a parsed f-string: literal text and replacement fields in
// order. The Call standing for it has one argument per field, in order.
type FString struct {
	Parts []FPart
}

// FPart is literal text (Field false) or a replacement field
// `{expr!conv:spec}` whose expression is the stand-in call's next argument.
type FPart struct {
	Lit   string
	Field bool
	Conv  byte   // 0, 'r', 's' or 'a'
	Spec  string // the format spec after ':', "" when none
	Pos   Pos    // of the field's expression
}

// fsite is an f-string token found by the scanner.
type fsite struct {
	start, end int // the token, prefix included
	body       int // offset of the first byte after the opening quote(s)
	bodyEnd    int // offset of the closing quote(s)
	prefix     string
	quote      string
}

// findFStrings returns the f-string tokens of the scan.
func findFStrings(src []byte, sr *scanResult) []fsite {
	var out []fsite
	for _, t := range sr.toks {
		if t.kind != tString {
			continue
		}
		q := t.start
		for q < t.end && src[q] != '"' && src[q] != '\'' {
			q++
		}
		prefix := string(src[t.start:q])
		if !strings.ContainsAny(prefix, "fF") || q >= t.end {
			continue
		}
		quote := string(src[q])
		if q+2 < t.end && src[q+1] == src[q] && src[q+2] == src[q] {
			quote = strings.Repeat(quote, 3)
		}
		bodyEnd := t.end - len(quote)
		if bodyEnd < q+len(quote) {
			bodyEnd = q + len(quote) // unterminated: the syntax error comes from gpython
		}
		out = append(out, fsite{start: t.start, end: t.end, body: q + len(quote), bodyEnd: bodyEnd, prefix: prefix, quote: quote})
	}
	return out
}

// blankFPrefixes rewrites each f-string's prefix in place so that gpython
// reads a plain string at the same offsets: the f goes, the other prefix
// letters (r) move right.
func blankFPrefixes(pre []byte, sites []fsite) {
	for _, s := range sites {
		rest := strings.NewReplacer("f", "", "F", "").Replace(s.prefix)
		for i := 0; i < len(s.prefix); i++ {
			pre[s.start+i] = ' '
		}
		copy(pre[s.start+len(s.prefix)-len(rest):], rest)
	}
}

// fstrings replaces the Str nodes standing at the f-string sites with
// their stand-in calls and records the parsed f-strings in f.
func (p *parseState) fstrings(f *File, sites []fsite) {
	if len(sites) == 0 {
		return
	}
	f.FStrings = map[*ast.Call]*FString{}
	byPos := map[Pos]fsite{}
	for _, s := range sites {
		rest := strings.NewReplacer("f", "", "F", "").Replace(s.prefix)
		byPos[p.at(s.start+len(s.prefix)-len(rest))] = s
	}
	replaceExprs(f.Module, func(e ast.Expr) ast.Expr {
		str, ok := e.(*ast.Str)
		if !ok {
			return e
		}
		s, ok := byPos[f.Pos(str)]
		if !ok {
			return e
		}
		at := ast.Pos{Lineno: str.Lineno, ColOffset: str.ColOffset - (len(s.prefix) - len(strings.NewReplacer("f", "", "F", "").Replace(s.prefix)))}
		if p.src[s.end-1] != p.src[s.body-1] || s.end-s.start != p.strLen(str, s) {
			p.errs.Add(p.at(s.start), "unsupported: an f-string joined to another string literal; write one f-string")
		}
		fs, args := p.parseFString(s)
		call := &ast.Call{ExprBase: ast.ExprBase{Pos: at}, Func: &ast.Name{ExprBase: ast.ExprBase{Pos: at}, Id: FStringFunc, Ctx: ast.Load}, Args: args}
		f.FStrings[call] = fs
		return call
	})
}

// strLen is how much source the Str node s stands for: its own token when
// no other literal is joined to it (gpython joins "a" "b" into one Str).
func (p *parseState) strLen(str *ast.Str, s fsite) int {
	for i, t := range p.sr.toks {
		if t.start == s.start {
			if i+1 < len(p.sr.toks) && p.sr.toks[i+1].kind == tString {
				return -1
			}
			if i > 0 && p.sr.toks[i-1].kind == tString {
				return -1
			}
			return t.end - t.start
		}
	}
	return s.end - s.start
}

// parseFString splits an f-string's body into literal text and fields.
func (p *parseState) parseFString(s fsite) (*FString, []ast.Expr) {
	fs := &FString{}
	var args []ast.Expr
	body := p.src[s.body:s.bodyEnd]
	raw := strings.ContainsAny(s.prefix, "rR")
	var lit strings.Builder
	flush := func(at int) {
		if lit.Len() == 0 {
			return
		}
		text := lit.String()
		lit.Reset()
		if !raw && strings.Contains(text, `\`) {
			q := s.quote
			mod, err := parseEval(q + text + q)
			dec := ""
			if err == nil {
				if e, ok := mod.(*ast.Expression); ok {
					if str, ok := e.Body.(*ast.Str); ok {
						dec = string(str.S)
						err = nil
					}
				}
			}
			if err != nil {
				p.errs.Add(p.at(at), "syntax error: invalid escape in f-string")
			}
			text = dec
		}
		fs.Parts = append(fs.Parts, FPart{Lit: text})
	}
	litStart := s.body
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch {
		case c == '{' && i+1 < len(body) && body[i+1] == '{', c == '}' && i+1 < len(body) && body[i+1] == '}':
			lit.WriteByte(c)
			i++
		case c == '}':
			p.errs.Add(p.at(s.body+i), "syntax error: f-string: single '}' is not allowed")
			return fs, args
		case c == '{':
			flush(litStart)
			end, part, x := p.field(s, s.body+i+1)
			if x == nil {
				return fs, args
			}
			fs.Parts = append(fs.Parts, part)
			args = append(args, x)
			i = end - s.body
			litStart = end + 1
		default:
			lit.WriteByte(c)
		}
	}
	flush(litStart)
	return fs, args
}

// field parses the replacement field whose expression starts at from; it
// returns the offset of its closing brace.
func (p *parseState) field(s fsite, from int) (int, FPart, ast.Expr) {
	depth := 0
	exprEnd, convAt, specAt := -1, -1, -1
	var inStr byte
	i := from
	for ; i < s.bodyEnd; i++ {
		c := p.src[i]
		if inStr != 0 {
			if c == inStr {
				inStr = 0
			}
			continue
		}
		if specAt >= 0 {
			if c == '{' {
				p.errs.Add(p.at(i), "unsupported: a nested replacement field in a format spec; write the spec out")
				return i, FPart{}, nil
			}
			if c == '}' {
				break
			}
			continue
		}
		switch c {
		case '\'', '"':
			inStr = c
		case '(', '[', '{':
			depth++
		case ')', ']':
			depth--
		case '}':
			if depth > 0 {
				depth--
				continue
			}
		case '!':
			if depth == 0 && i+1 < s.bodyEnd && p.src[i+1] != '=' {
				if exprEnd < 0 {
					exprEnd = i
				}
				convAt = i + 1
			}
		case ':':
			if depth == 0 {
				if exprEnd < 0 {
					exprEnd = i
				}
				specAt = i + 1
			}
		case '=':
			if depth == 0 && i+1 < s.bodyEnd && p.src[i+1] != '=' && i > from && !strings.ContainsRune("=!<>", rune(p.src[i-1])) && exprEnd < 0 {
				p.errs.Add(p.at(i), "unsupported: the f-string debugging form {x=}; write the name out: f\"x={x}\"")
				return i, FPart{}, nil
			}
		}
		if c == '}' && depth == 0 {
			break
		}
	}
	if i >= s.bodyEnd {
		p.errs.Add(p.at(from-1), "syntax error: f-string: expecting '}'")
		return i, FPart{}, nil
	}
	if exprEnd < 0 {
		exprEnd = i
	}
	part := FPart{Field: true, Pos: p.at(from)}
	if convAt >= 0 {
		convEnd := i
		if specAt >= 0 {
			convEnd = specAt - 1
		}
		conv := string(p.src[convAt:convEnd])
		if conv != "r" && conv != "s" && conv != "a" {
			p.errs.Add(p.at(convAt), "syntax error: f-string: invalid conversion character %q: expected 's', 'r', or 'a'", conv)
			return i, FPart{}, nil
		}
		part.Conv = conv[0]
	}
	if specAt >= 0 {
		part.Spec = string(p.src[specAt:i])
	}
	text := string(p.src[from:exprEnd])
	if strings.TrimSpace(text) == "" {
		p.errs.Add(p.at(from-1), "syntax error: f-string: empty expression not allowed")
		return i, FPart{}, nil
	}
	x := p.fieldExpr(from, text)
	return i, part, x
}

// fieldExpr parses a field's expression text, which starts at offset at,
// and moves its positions into file coordinates.
func (p *parseState) fieldExpr(at int, text string) ast.Expr {
	pos := p.at(at)
	col := at - p.ls[pos.Line-1] - 1 // the parenthesis added below
	mod, err := parseEval("(" + text + ")")
	if err != nil {
		if exc, ok := err.(*py.Exception); ok {
			exc.Args = py.Tuple{py.String("f-string: invalid syntax")}
		}
		p.syntaxError(err, pos.Line-1, col, false)
		return nil
	}
	expr, ok := mod.(*ast.Expression)
	if !ok || expr.Body == nil {
		p.errs.Add(pos, "syntax error: f-string: invalid expression")
		return nil
	}
	ast.Walk(expr.Body, func(n ast.Ast) bool {
		if np := nodePos(n); np != nil {
			if np.Lineno <= 1 {
				np.ColOffset += col
			}
			np.Lineno += pos.Line - 1
		}
		return true
	})
	p.fixPositions(expr.Body)
	return expr.Body
}

// replaceExprs calls fn on every expression of the tree rooted at n,
// children first, and stores what it returns in place of the expression.
func replaceExprs(n ast.Ast, fn func(ast.Expr) ast.Expr) {
	exprT := reflect.TypeOf((*ast.Expr)(nil)).Elem()
	var visit func(v reflect.Value)
	visit = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() {
				return
			}
			if _, ok := v.Interface().(ast.Ast); !ok {
				return
			}
			visit(v.Elem())
		case reflect.Interface:
			if v.IsNil() {
				return
			}
			inner := v.Elem()
			visit(inner)
			if v.Type() == exprT && v.CanSet() {
				if e, ok := v.Interface().(ast.Expr); ok {
					if r := fn(e); r != e {
						v.Set(reflect.ValueOf(r))
					}
				}
			}
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				if v.Type().Field(i).IsExported() {
					visit(v.Field(i))
				}
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				visit(v.Index(i))
			}
		}
	}
	visit(reflect.ValueOf(n))
}
