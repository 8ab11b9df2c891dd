package driver

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/internal/lint"
)

// knownFindings are staticcheck findings in the goldens that are there on
// purpose, keyed by golden file and check, each with its reason. The test
// requires each to still be reported, so an entry cannot outlive its cause.
var knownFindings = map[[2]string]string{
	// The Python source compares with math.nan (nan_compare), subtracts a
	// value from itself (a - a of a complex) and tests a != a for NaN:
	// the translation keeps what the kernel says.
	{"scalar/edge_math.go", "SA4012"}:    "nan_compare compares with math.nan, as its Python does",
	{"scalar/edge_misc.go", "SA4000"}:    "complex_neg_zero returns a - a, as its Python does",
	{"scalar/edge_numeric.go", "SA4000"}: "complex_eq tests a != a for NaN, as its Python does",
	{"arrays/reorder.go", "SA4000"}:      "reverse_axes returns np.transpose(t) - t.T, one array twice, as its Python does",
	// Python names made of underscores and digits (___, _1) have no
	// mixedCaps spelling.
	{"scalar/edge_names.go", "ST1003"}: "adversarial names ___ and _1 keep their spelling",
}

// staticcheckChecks is what the goldens are held to: every check, as for
// hand-written code, except
//   - S1021 (merge `var x T` with the next `x = ...`): generated functions
//     declare all locals at the top, Python's function scope, so a
//     function with one local gets a one-line var declaration.
const staticcheckChecks = "all,-S1021"

// TestGoldenLint runs staticcheck and go vet's strict shadow analyzer on
// the golden Go with its "Code generated" header removed, since staticcheck
// skips its style and simplification checks in generated files and the
// generated API is meant to read like hand-written Go: no unused
// variables, no shadowed variables, Go naming (mixedCaps locals, package
// names without underscores), no dead code.
func TestGoldenLint(t *testing.T) {
	if testing.Short() {
		t.Skip("staticcheck over all goldens is slow; skipped in -short")
	}
	goldens, err := filepath.Glob("../testdata/golden/*/*.go")
	if err != nil || len(goldens) == 0 {
		t.Fatalf("no goldens (%v)", err)
	}
	mod := t.TempDir()
	dirOf := map[string]string{} // module directory -> golden path
	for _, g := range goldens {
		src, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		header, rest, ok := strings.Cut(string(src), "\n")
		if !ok || !strings.HasPrefix(header, "// Code generated ") {
			t.Fatalf("%s: first line %q is not the generated-code header", g, header)
		}
		rel, _ := filepath.Rel("../testdata/golden", g)
		rel = filepath.ToSlash(rel)
		dir := strings.ReplaceAll(strings.TrimSuffix(rel, ".go"), "/", "_")
		dirOf[dir] = rel
		if err := os.MkdirAll(filepath.Join(mod, dir), 0o755); err != nil {
			t.Fatal(err)
		}
		// A blank first line keeps the line numbers of the golden.
		if err := os.WriteFile(filepath.Join(mod, dir, "k.go"), []byte("\n"+rest), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	writeUserModule(t, mod, "goldens")
	seen := map[[2]string]bool{}
	for _, f := range lint.Staticcheck(t, mod, staticcheckChecks) {
		golden := dirOf[filepath.Dir(f.File)]
		key := [2]string{golden, f.Check}
		if _, ok := knownFindings[key]; ok {
			seen[key] = true
			continue
		}
		t.Errorf("testdata/golden/%s:%d: %s (%s)", golden, f.Line, f.Msg, f.Check)
	}
	for key, why := range knownFindings {
		if !seen[key] {
			t.Errorf("known finding %s in %s (%s) is no longer reported: remove it from knownFindings", key[1], key[0], why)
		}
	}
	// Every local is declared once at the top of its function and loop
	// variables are locals too, so no name is ever redeclared in an inner
	// scope, where an assignment would silently miss the outer variable.
	if report := lint.Shadow(t, mod, true); report != "" {
		t.Errorf("shadowed variables in the goldens:\n%s", report)
	}
}

// writeUserModule makes dir a module named name that uses this checkout
// of pyc2go, as a user's module would, resolvable offline.
func writeUserModule(t *testing.T, dir, name string) {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	gomod := "module " + name + "\n\ngo 1.22\n\nrequire github.com/pyc2go/pyc2go v0.0.0\n\nreplace github.com/pyc2go/pyc2go => " + root + "\n"
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644); err != nil {
		t.Fatal(err)
	}
	if sum, err := os.ReadFile("../go.sum"); err == nil {
		os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644)
	}
}
