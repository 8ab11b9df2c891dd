package frontend

import (
	"fmt"
	"strings"
	"testing"

	"github.com/go-python/gpython/ast"
)

// TestMatMulRewrite checks that binary `@` parses (as a `*` BinOp marked
// in File.MatMul) with Python's precedence, while decorators and `*` stay
// what they are.
func TestMatMulRewrite(t *testing.T) {
	src := `import numpy as np
from numba import njit


@njit
def f(a: "float64[:, :]", b: "float64[:]") -> float:
    c = a @ b * 2 @ (b)
    d = (a @ b) @ np.ones(3)
    assert c > 0, "x @ y"  # a @ b in a comment
    return c @ b + d[0] * 2
`
	f, err := ParseFile("t.py", []byte(src))
	if err != nil {
		t.Fatal(err.(ErrorList).Render("t.py", []byte(src)))
	}
	var got []string
	ast.Walk(f.Module, func(n ast.Ast) bool {
		if b, ok := n.(*ast.BinOp); ok && b.Op == ast.Mult {
			r := f.Pos(b.Right)
			got = append(got, fmt.Sprintf("%d:%d:%v", r.Line, r.Col, f.MatMul[b]))
		}
		return true
	})
	// ((a @ b) * 2) @ b: the outer @, the *, the inner @; then line 8's
	// two, then `c @ b` and `d[0] * 2` of the return.
	want := "7:22:true 7:17:false 7:13:true 8:19:true 8:14:true 10:16:true 10:27:false"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("BinOps (right operand position: matmul)\n got %s\nwant %s", g, want)
	}
	if len(f.Module.Body) != 3 {
		t.Fatalf("module has %d statements", len(f.Module.Body))
	}
	if def := f.Module.Body[2].(*ast.FunctionDef); len(def.DecoratorList) != 1 {
		t.Errorf("decorator lost: %d decorators", len(def.DecoratorList))
	}
}
