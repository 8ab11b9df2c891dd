package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/pyc2go/pyc2go/verify"
)

// kernelFiles expands the FILE.py|DIR arguments of compile, check and
// verify: a directory stands for its *.py files (not its subdirectories,
// as `go build DIR` takes one package), in lexical order, leaving out
// CASES files (FILE_cases.py beside FILE.py), which are verify's inputs
// rather than kernels. dir reports whether any argument was a directory.
func kernelFiles(args []string) (files []string, dir bool, err error) {
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil || !st.IsDir() {
			// A missing file is reported when it is read, with the other
			// files' diagnostics.
			files = append(files, a)
			continue
		}
		dir = true
		ents, err := os.ReadDir(a)
		if err != nil {
			return nil, dir, err
		}
		var found []string
		for _, e := range ents {
			p := filepath.Join(a, e.Name())
			if !e.IsDir() && strings.HasSuffix(e.Name(), ".py") && !verify.IsCasesFile(p) {
				found = append(found, p)
			}
		}
		if len(found) == 0 {
			return nil, dir, fmt.Errorf("%s: no .py files", a)
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	return files, dir, nil
}

// goFileName is the output name of one input in a directory compile:
// kernels.py -> kernels.go. Names the go command would treat specially
// are refused rather than silently left out of the package.
func goFileName(py string) (string, error) {
	base := strings.TrimSuffix(filepath.Base(py), ".py")
	name := base + ".go"
	switch {
	case strings.HasSuffix(base, "_test"):
		return "", fmt.Errorf("%s: the output %s would be a Go test file; rename the Python file", py, name)
	case strings.HasPrefix(base, "_") || strings.HasPrefix(base, "."):
		return "", fmt.Errorf("%s: the go command ignores %s (leading %q); rename the Python file", py, name, base[:1])
	}
	return name, nil
}
