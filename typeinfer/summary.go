package typeinfer

import (
	"fmt"
	"strings"

	"github.com/pyc2go/pyc2go/ir"
)

// Summary renders the inferred signatures and locals one function a line,
// as "gcd(a int64, b int64) int64; locals: t int64": compact enough for
// table-driven tests and debugging output.
func Summary(info *Info) string {
	var b strings.Builder
	for _, k := range info.Consts {
		fmt.Fprintf(&b, "const %s %s = %v\n", k.Name, k.Type, k.Value)
	}
	for _, fn := range info.Funcs {
		b.WriteString(FuncSummary(fn))
		b.WriteByte('\n')
	}
	return b.String()
}

// FuncSummary is one function's line of Summary.
func FuncSummary(fn *Func) string {
	params := make([]string, len(fn.Params))
	for i, p := range fn.Params {
		params[i] = p.Name + " " + typeStr(p.Type)
	}
	s := fmt.Sprintf("%s(%s) %s", fn.Name, strings.Join(params, ", "), typeStr(fn.Result))
	if len(fn.Locals) > 0 {
		ls := make([]string, len(fn.Locals))
		for i, l := range fn.Locals {
			ls[i] = l.Name + " " + typeStr(l.Type)
		}
		s += "; locals: " + strings.Join(ls, ", ")
	}
	return s
}

func typeStr(t ir.Type) string {
	if t == nil {
		return "?"
	}
	return t.String()
}
