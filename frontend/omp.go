package frontend

import (
	"strings"

	"github.com/go-python/gpython/ast"
)

// findOmpFor collects Pythran-style parallel loop comments,
//
//	#omp parallel for
//	for i in range(n):
//
// and returns the lines of the for statements they mark (the comment must
// be on the line right before the for, as Pythran requires). Like
// `#pythran export`, the comment is invisible to gpython's AST, so it is
// found in the source text. OpenMP clauses after "for" (private(...),
// reduction(...), schedule(...)) are accepted and ignored: pyc2go's
// parallel pass works out private variables and reductions itself, and
// runs the loop sequentially when it cannot.
func (p *parseState) findOmpFor(f *File) map[int]bool {
	forLines := map[int]bool{}
	ast.Walk(f.Module, func(n ast.Ast) bool {
		if s, ok := n.(*ast.For); ok {
			forLines[f.Pos(s).Line] = true
		}
		return true
	})
	out := map[int]bool{}
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
		end := len(p.src)
		if line+1 < len(p.ls) {
			end = p.ls[line+1] - 1
		}
		text := string(p.src[start:end])
		trimmed := strings.TrimLeft(text, " \t")
		if !strings.HasPrefix(trimmed, "#") {
			continue
		}
		words := strings.Fields(strings.TrimPrefix(trimmed, "#"))
		if len(words) < 3 || words[0] != "omp" || words[1] != "parallel" || !strings.HasPrefix(words[2], "for") {
			continue
		}
		if words[2] != "for" && !strings.HasPrefix(words[2], "for(") {
			continue // "#omp parallel foreach" is someone else's comment
		}
		col := start + len(text) - len(trimmed)
		if inString(col) {
			continue
		}
		if !forLines[line+2] { // line is 0-based; the for is on 1-based line+2
			p.errs.Add(p.at(col), "#omp parallel for must be on the line right before a for loop")
			continue
		}
		out[line+2] = true
	}
	return out
}
