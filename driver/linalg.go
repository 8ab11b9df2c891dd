package driver

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
)

// np.linalg's runtimes have real dependencies, which builds add only for
// kernels that use them:
//
//   - Go: package runtime/linalg imports gonum (pure Go). A kernel whose
//     generated code imports it is built with a go.mod requiring
//     GonumModule at GonumVersion and go.sum lines for it, so the build
//     still runs offline (GOPROXY=off), from the module cache: `go mod
//     download` in this module, or `go mod download
//     gonum.org/v1/gonum@v0.17.0`, puts it there.
//   - C: generated C that includes pyc2go_linalg.h gets pyc2go_linalg.c
//     beside the runtime and links cruntime.LinalgLibs (LAPACKE and
//     OpenBLAS; Debian: liblapacke-dev, libopenblas-dev).

// GonumModule and GonumVersion are the gonum release runtime/linalg is
// built and tested with: this module's requirement (linalg_test.go checks
// that they agree with go.mod and go.sum).
const (
	GonumModule  = "gonum.org/v1/gonum"
	GonumVersion = "v0.17.0"
)

// gonumSum are go.sum's lines for GonumModule at GonumVersion.
const gonumSum = `gonum.org/v1/gonum v0.17.0 h1:VbpOemQlsSMrYmn7T2OUvQ4dqxQXU+ouZFQsZOx50z4=
gonum.org/v1/gonum v0.17.0/go.mod h1:El3tOrEuMpv2UdMrbNlKEh9vd86bmQ6vqIcDwxEOc1E=
`

// linalgImport is how generated Go code imports the linalg runtime.
const linalgImport = `"github.com/pyc2go/pyc2go/runtime/linalg"`

// importsLinalg reports whether a generated kernel file of the build
// imports runtime/linalg.
func importsLinalg(files map[string][]byte) bool {
	for name, data := range files {
		if strings.HasPrefix(name, "kernels/") && strings.HasSuffix(name, ".go") && bytes.Contains(data, []byte(linalgImport)) {
			return true
		}
	}
	return false
}

// gonumCached reports whether the module cache holds gonum, as a build
// with GOPROXY=off needs.
func gonumCached() bool {
	cmd := exec.Command("go", "mod", "download", GonumModule+"@"+GonumVersion)
	cmd.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod")
	cmd.Dir = os.TempDir()
	return cmd.Run() == nil
}
