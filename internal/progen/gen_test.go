package progen

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestGenerateParses checks that generated programs are valid Python that
// CPython compiles, and that generation is deterministic.
func TestGenerateParses(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for seed := int64(1); seed <= 20; seed++ {
		src := Generate(seed, Config{}).Source()
		if again := Generate(seed, Config{}).Source(); again != src {
			t.Fatalf("seed %d: generation is not deterministic", seed)
		}
		p := filepath.Join(dir, fmt.Sprintf("k%d.py", seed))
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	// One interpreter parses them all.
	args := append([]string{"-c", "import ast, sys\nfor p in sys.argv[1:]: ast.parse(open(p).read(), p)"}, paths...)
	if out, err := exec.Command(python(), args...).CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
}
