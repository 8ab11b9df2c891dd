package progen

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestGenerateParses checks that generated programs are valid Python that
// CPython compiles, and that generation is deterministic.
func TestGenerateParses(t *testing.T) {
	dir := t.TempDir()
	for seed := int64(1); seed <= 20; seed++ {
		src := Generate(seed, Config{}).Source()
		if again := Generate(seed, Config{}).Source(); again != src {
			t.Fatalf("seed %d: generation is not deterministic", seed)
		}
		p := filepath.Join(dir, "k.py")
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(python(), "-c", "import ast,sys; ast.parse(open(sys.argv[1]).read())", p).CombinedOutput(); err != nil {
			t.Fatalf("seed %d: %v\n%s\n%s", seed, err, out, src)
		}
	}
}
