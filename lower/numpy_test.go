package lower_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/frontend"
	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/lower"
	"github.com/pyc2go/pyc2go/numpy"
	"github.com/pyc2go/pyc2go/opt"
	"github.com/pyc2go/pyc2go/typeinfer"
)

// rowClasses are the operand classes TestRows compiles each example in:
// the element type of the arrays a, b and v.
var rowClasses = []struct {
	class numpy.Classes
	elem  string
}{{numpy.Ints, "int64"}, {numpy.Floats, "float64"}, {numpy.Complexes, "complex128"}}

// exampleSrc is a kernel computing one row example: a and b are T[:, :]
// arrays, v a T[:] array, x and y floats, n and i ints.
func exampleSrc(example, elem string, stmt bool) string {
	body := "    r = " + example + "\n    return r\n"
	if stmt {
		body = "    " + example + "\n    return 0\n"
	}
	return fmt.Sprintf("import numpy as np\n\n\ndef f(a: \"%[1]s[:, :]\", b: \"%[1]s[:, :]\", v: \"%[1]s[:]\", x: float, y: float, n: int, i: int):\n%[2]s", elem, body)
}

// compileExample lowers an example, as an expression or a statement;
// accepted false when typeinfer rejects it for this class.
func compileExample(t *testing.T, example, elem string) (m *ir.Module, accepted bool) {
	t.Helper()
	var msgs []string
	for _, stmt := range []bool{false, true} {
		src := exampleSrc(example, elem, stmt)
		f, err := frontend.ParseFile("example.py", []byte(src))
		if err != nil {
			t.Fatalf("%s: %v", example, err)
		}
		info, err := typeinfer.Check(f)
		if err != nil {
			msgs = append(msgs, err.Error())
			continue
		}
		m, err := lower.Module(info, lower.Config{})
		if err == nil {
			err = ir.Verify(m)
		}
		if err == nil {
			err = opt.Run(m, opt.Config{Verify: true})
		}
		if err != nil {
			t.Errorf("%s of %s: type-checks but does not lower: %v", example, elem, err)
			return nil, false
		}
		return m, true
	}
	if elem == "float64" {
		t.Errorf("%s does not compile for float64 arrays:\n%s", example, strings.Join(msgs, "\n"))
	}
	return nil, false
}

// TestRows compiles every row's examples for each operand class, so every
// row has a lowering, and checks the row's claims against the IR: its
// exactness is the exactness verify derives from the intrinsics (Inexact
// lists a class exactly when an inexact intrinsic computes its result),
// and every fault it documents is raised (class and message) by a check
// in the IR of some example.
func TestRows(t *testing.T) {
	for _, r := range numpy.Rows() {
		if r.Example == "" {
			t.Errorf("row %s has no example", r.Name)
			continue
		}
		examples := append([]string{r.Example}, r.Tests...)
		raised := map[string]bool{}
		for _, c := range rowClasses {
			for k, ex := range examples {
				m, ok := compileExample(t, ex, c.elem)
				if !ok {
					continue
				}
				exact := true
				for _, fn := range m.Funcs {
					ir.WalkExprs(fn.Body, func(e ir.Expr) {
						if in, ok := e.(*ir.Intrinsic); ok {
							if info := ir.LookupIntrinsic(in.Name); info == nil || !info.Exact {
								exact = false
							}
						}
					})
					ir.WalkStmts(fn.Body, func(s ir.Stmt) {
						switch s := s.(type) {
						case *ir.CallStmt:
							// A library call (np.linalg): the runtime
							// raises the row's faults, which the
							// differential kernels of testdata/py/linalg
							// check; its exactness is the library's.
							if lib := s.Call.Fn.Lib; lib != nil {
								exact = exact && lib.Exact
								if lib.Name == r.Path() {
									for _, f := range r.Raises {
										raised[f.Class+": "+f.Msg] = true
									}
								}
							}
						case *ir.Check:
							raised[s.Exc+": "+s.Msg] = true
						case *ir.Raise:
							raised[s.Exc+": "+s.Msg] = true
						}
					})
				}
				if k == 0 && exact == (r.Inexact&c.class != 0) {
					word := map[bool]string{true: "exact", false: "inexact"}
					t.Errorf("row %s: %s of %s arrays is %s in the IR, but the row says %s (its Inexact field)", r.Name, ex, c.elem, word[exact], word[!exact])
				}
			}
		}
		for _, f := range r.Raises {
			prefix, _, _ := strings.Cut(f.Msg, "%")
			found := false
			for msg := range raised {
				found = found || strings.HasPrefix(msg, f.Class+": "+prefix)
			}
			if !found {
				t.Errorf("row %s raises %s: %q, but no example's IR does (raised: %v)", r.Name, f.Class, f.Msg, keys(raised))
			}
		}
	}
}

func keys(m map[string]bool) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}
