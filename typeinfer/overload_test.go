package typeinfer

import (
	"testing"

	"github.com/pyc2go/pyc2go/frontend"
)

// TestCheckLeavesFileAlone: the overloads of a `#pythran export`ed function
// are copies of its AST, and their annotated statements and `@` operators
// go into typeinfer's tables (Info.MatMul), never into the File, which
// stays as the frontend parsed it.
func TestCheckLeavesFileAlone(t *testing.T) {
	src := `#pythran export f(float64[:,:], float64[:,:])
#pythran export f(float32[:,:], float32[:,:])
import numpy as np


def f(a, b):
    n: int = 2
    c = a @ b
    return c[0, 0] * n
`
	f, err := frontend.ParseFile("t.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	annots, matmul := len(f.Annots), len(f.MatMul)
	info, err := Check(f)
	if err != nil {
		t.Fatalf("Check:\n%s", err.(frontend.ErrorList).Render("t.py", []byte(src)))
	}
	if len(info.Funcs) != 2 {
		t.Fatalf("%d funcs, want the 2 overloads", len(info.Funcs))
	}
	if len(f.Annots) != annots || len(f.MatMul) != matmul {
		t.Errorf("Check changed the File: %d annotated statements (was %d), %d @ operators (was %d)", len(f.Annots), annots, len(f.MatMul), matmul)
	}
	if len(info.MatMul) != 2*matmul || matmul != 1 {
		t.Errorf("Info.MatMul has %d operators, want the file's %d in each of the 2 overloads", len(info.MatMul), matmul)
	}
}
