package verify

import (
	"os"
	"path/filepath"
	"testing"
)

// TestFindPythonIgnoresNumpyDir: a python3 first on PATH without numpy
// is not the reference, even run from a directory holding a directory
// named numpy (this repository's root holds the registry package numpy/),
// which a plain `python3 -c "import numpy"` imports as a namespace
// package.
func TestFindPythonIgnoresNumpyDir(t *testing.T) {
	if _, err := os.Stat("/usr/bin/python3"); err != nil {
		t.Skip("no /usr/bin/python3")
	}
	bin := t.TempDir()
	// python3 without site-packages: no numpy.
	fake := filepath.Join(bin, "python3")
	if err := os.WriteFile(fake, []byte("#!/bin/sh\nexec /usr/bin/python3 -S \"$@\"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	t.Setenv("PYC2GO_PYTHON", "")
	work := t.TempDir()
	if err := os.Mkdir(filepath.Join(work, "numpy"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(work)
	got, err := FindPython("")
	if err != nil {
		t.Skipf("no reference Python: %v", err)
	}
	if got == fake {
		t.Fatalf("FindPython chose %s, which has no numpy (it imported ./numpy)", fake)
	}
}
