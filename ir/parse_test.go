package ir_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pyc2go/pyc2go/internal/corpus"
	"github.com/pyc2go/pyc2go/internal/irtest"
	"github.com/pyc2go/pyc2go/ir"
)

// TestParseRoundTrip compiles every corpus kernel at -O2 and, after
// lowering and after every pass, parses the printed module back: the
// parse must verify, print to the same text, and equal the module it was
// printed from in every field the text form holds.
func TestParseRoundTrip(t *testing.T) {
	root := filepath.Join("..", "testdata", "py")
	files, err := corpus.Kernels(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no kernels under testdata/py")
	}
	for _, path := range files {
		rel, _ := filepath.Rel(root, path)
		t.Run(rel, func(t *testing.T) {
			t.Parallel()
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			cfg := irtest.At(2)
			cfg.Opt.AfterPass = func(pass string, m *ir.Module) {
				t.Helper()
				checkRoundTrip(t, pass, m)
			}
			irtest.Compile(t, filepath.Base(path), src, cfg)
		})
	}
}

// checkRoundTrip parses Print(m) and compares the result with m.
func checkRoundTrip(t *testing.T, stage string, m *ir.Module) {
	t.Helper()
	text := ir.Print(m)
	back, err := ir.Parse(text)
	if err != nil {
		t.Fatalf("after %s: %v\n%s", stage, err, text)
	}
	if got := ir.Print(back); got != text {
		t.Fatalf("after %s: print(parse(print(m))) differs (-want +got):\n%s", stage, cmp.Diff(text, got))
	}
	if err := ir.Verify(back); err != nil {
		t.Fatalf("after %s: the parsed module does not verify: %v", stage, err)
	}
	if diff := irDiff(reflect.ValueOf(m), reflect.ValueOf(back), "module"); diff != "" {
		t.Fatalf("after %s: parse(print(m)) differs from m at %s\n%s", stage, diff, text)
	}
}

var (
	varPtr   = reflect.TypeOf((*ir.Var)(nil))
	funcPtr  = reflect.TypeOf((*ir.Func)(nil))
	constPtr = reflect.TypeOf((*ir.ConstExpr)(nil))
	blockPtr = reflect.TypeOf((*ir.Block)(nil))
)

// irDiff returns where a and b differ, as the text form sees modules
// ("" if nowhere): variables by name, type and kind; functions named by a
// call by name; constants bit for bit; an empty block or slice like an
// absent one; docstrings not at all.
func irDiff(a, b reflect.Value, path string) string {
	switch a.Type() {
	case varPtr:
		x, y := a.Interface().(*ir.Var), b.Interface().(*ir.Var)
		if (x == nil) != (y == nil) || x != nil && (x.Name != y.Name || x.Param != y.Param || !ir.Identical(x.Type, y.Type)) {
			return fmt.Sprintf("%s: variable %v vs %v", path, x, y)
		}
		return ""
	case constPtr:
		x, y := a.Interface().(*ir.ConstExpr), b.Interface().(*ir.ConstExpr)
		if (x == nil) != (y == nil) || x != nil && !ir.SameExpr(x, y) {
			return fmt.Sprintf("%s: constant %v vs %v", path, x, y)
		}
		return ""
	case blockPtr:
		x, y := a.Interface().(*ir.Block), b.Interface().(*ir.Block)
		var xs, ys []ir.Stmt
		if x != nil {
			xs = x.Stmts
		}
		if y != nil {
			ys = y.Stmts
		}
		return irDiff(reflect.ValueOf(xs), reflect.ValueOf(ys), path)
	}
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return path + ": nil vs not nil"
			}
			return ""
		}
		if a.Type() == funcPtr && strings.HasSuffix(path, ".Fn") {
			if a.Interface().(*ir.Func).Name != b.Interface().(*ir.Func).Name {
				return path + ": calls another function"
			}
			return ""
		}
		return irDiff(a.Elem(), b.Elem(), path)
	case reflect.Interface:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return path + ": nil vs not nil"
			}
			return ""
		}
		if a.Elem().Type() != b.Elem().Type() {
			return fmt.Sprintf("%s: %s vs %s", path, a.Elem().Type(), b.Elem().Type())
		}
		return irDiff(a.Elem(), b.Elem(), path)
	case reflect.Slice:
		if a.Len() != b.Len() {
			return fmt.Sprintf("%s: %d vs %d elements", path, a.Len(), b.Len())
		}
		for i := 0; i < a.Len(); i++ {
			if d := irDiff(a.Index(i), b.Index(i), fmt.Sprintf("%s[%d]", path, i)); d != "" {
				return d
			}
		}
		return ""
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			name := a.Type().Field(i).Name
			if name == "Doc" {
				continue
			}
			if d := irDiff(a.Field(i), b.Field(i), path+"."+name); d != "" {
				return d
			}
		}
		return ""
	}
	if !a.Equal(b) {
		return fmt.Sprintf("%s: %v vs %v", path, a, b)
	}
	return ""
}

// TestParseErrors: bad text is an error naming its line, never a panic.
func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"module k.py\nbogus\n", "line 2: want module, const or func"},
		{"module k.py\n\nfunc f() int64 {\n  return x\n}\n", "line 4: undeclared variable x"},
		{"module k.py\n\nfunc f() int64 {\n  return (1 ? 2)\n}\n", "line 4: want a binary operator"},
		{"module k.py\n\nfunc f() int64 {\n  return 1\n", "func without its closing }"},
		{"module k.py\n\nfunc f(a int64) int64 {\n  var a int64\n  return a\n}\n", "line 4: variable a declared twice"},
		{"module k.py\n\nfunc f() wat {\n}\n", "line 3: unknown type wat"},
		{"module k.py\n\nfunc f() int64 {\n  return frobnicate(1)\n}\n", "frobnicate is neither a function of the module nor an intrinsic"},
		{"module k.py\n\nfunc f() None {\n  check true else ValueError(\"m\"\n}\n", "line 4: want \")\""},
	} {
		_, err := ir.Parse(tc.src)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%q) = %v, want an error containing %q", tc.src, err, tc.want)
		}
	}
}
