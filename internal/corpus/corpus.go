// Package corpus knows the layout of the kernel corpus shared by the
// tests of several packages: kernels are the .py files under a root
// (testdata/py), and FILE_cases.py beside FILE.py is not a kernel but
// verify's inputs for it. It is its own package because the packages
// whose tests walk the corpus (typeinfer, driver, lower, verify) import
// each other in one direction only.
package corpus

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// CasesFile returns FILE_cases.py beside the kernel FILE.py, or "" when
// there is none.
func CasesFile(path string) string {
	if !strings.HasSuffix(path, ".py") {
		return ""
	}
	c := strings.TrimSuffix(path, ".py") + "_cases.py"
	if isFile(c) {
		return c
	}
	return ""
}

// IsCasesFile reports whether path is a CASES file rather than a kernel:
// FILE_cases.py with FILE.py beside it (a kernel that merely ends in
// _cases.py, like type_cases.py without a type.py, is a kernel).
func IsCasesFile(path string) bool {
	base, ok := strings.CutSuffix(path, "_cases.py")
	return ok && isFile(base+".py")
}

// Kernels lists the kernel files under root at any depth, in lexical
// order, leaving out CASES files.
func Kernels(root string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".py") && !IsCasesFile(p) {
			files = append(files, p)
		}
		return err
	})
	return files, err
}

func isFile(path string) bool {
	st, err := os.Stat(path)
	return err == nil && !st.IsDir()
}

// RefCache is the directory where the tests of every package keep
// verify's reference runs (verify.Options.RefCache), so that a kernel
// verified in several configurations, by several packages of one `go
// test ./...`, runs CPython once: $PYC2GO_CACHE/ref, else pyc2go/ref in
// the user's cache directory (the temporary directory without one).
func RefCache() string {
	base := os.Getenv("PYC2GO_CACHE")
	if base == "" {
		uc, err := os.UserCacheDir()
		if err != nil {
			uc = os.TempDir()
		}
		base = filepath.Join(uc, "pyc2go")
	}
	return filepath.Join(base, "ref")
}

// shortKernels are the kernels of the differential tests under -short, the
// quick inner loop (the full suite runs every kernel): between them they
// reach scalar arithmetic, exceptions, Python's floor division,
// elementwise arrays, reductions, products and parallel loops.
var shortKernels = []string{
	"scalar/basics.py", "scalar/errors.py", "scalar/floor_mod.py",
	"arrays/elementwise.py", "arrays/reductions.py", "arrays/linalg.py", "arrays/parallel.py",
}

// Differential lists the kernels under root a differential test runs:
// every one (Kernels), or with short only those of shortKernels. A short
// kernel that no longer exists is an error, so the sample cannot shrink
// unnoticed.
func Differential(root string, short bool) ([]string, error) {
	files, err := Kernels(root)
	if err != nil || !short {
		return files, err
	}
	var out []string
	for _, rel := range shortKernels {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if !isFile(p) {
			return nil, fmt.Errorf("short kernel %s: no such file under %s", rel, root)
		}
		out = append(out, p)
	}
	return out, nil
}
