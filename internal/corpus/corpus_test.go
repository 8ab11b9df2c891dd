package corpus

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLayout(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a/linalg.py", "a/linalg_cases.py", "a/type_cases.py", "b/x.py", "b/notes.txt"} {
		p := filepath.Join(dir, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := Kernels(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, "a/linalg.py"), filepath.Join(dir, "a/type_cases.py"), filepath.Join(dir, "b/x.py")}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Kernels (-want +got):\n%s", diff)
	}
	if c := CasesFile(filepath.Join(dir, "a/linalg.py")); c != filepath.Join(dir, "a/linalg_cases.py") {
		t.Errorf("CasesFile(linalg.py) = %q", c)
	}
	if c := CasesFile(filepath.Join(dir, "b/x.py")); c != "" {
		t.Errorf("CasesFile(x.py) = %q, want none", c)
	}
}
