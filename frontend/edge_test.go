package frontend

import (
	"strings"
	"testing"

	"github.com/go-python/gpython/ast"
	"github.com/google/go-cmp/cmp"
)

func TestBOM(t *testing.T) {
	f, err := ParseFile("b.py", []byte("\ufeffx: int = 1\n"))
	if err != nil {
		t.Fatal(err)
	}
	as := f.Module.Body[0].(*ast.Assign)
	if diff := cmp.Diff(Pos{1, 2}, f.Pos(as.Targets[0])); diff != "" {
		t.Errorf("name position (-want +got):\n%s", diff)
	}
	_, err = ParseFile("b.py", []byte("\ufeffx = = 1\n"))
	if diff := cmp.Diff([]string{"1:6: syntax error: invalid syntax"}, errStrings(err)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

// TestEdgeInputs only demands a clean diagnosis or success, never a crash.
func TestEdgeInputs(t *testing.T) {
	for _, s := range []string{
		"\x0cx = 1\n", "x = 1\ry = 2\n",
		strings.Repeat("(", 5000) + "1" + strings.Repeat(")", 5000) + "\n",
		"x = -" + strings.Repeat("-", 20000) + "1\n",
		"def f():\n  x: int\n  x: 'a' 'b' = 1\n", "x: lambda: 1 = 2\n", "if x: y: int\n",
		"x: int = 1; y: float\n", "x = 1 if 2 else 3;\n", "x: \\\n  int = 3\n",
	} {
		_, err := ParseFile("e.py", []byte(s))
		for _, e := range errStrings(err) {
			if strings.Contains(e, "internal error") {
				t.Errorf("%.40q: %s", s, e)
			}
		}
	}
}
