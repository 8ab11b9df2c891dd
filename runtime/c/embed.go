package cruntime

import (
	"bytes"
	"embed"
	"io/fs"
)

//go:embed src/pyc2go.h src/pyc2go_runtime.c src/pyc2go_random.h src/pyc2go_random.c src/pyc2go_ziggurat.h src/pyc2go_linalg.h src/pyc2go_linalg.c
var source embed.FS

// The file names users see: the runtime proper (Header, Runtime) and
// the random number generation of kernels that use np.random
// (RandomHeader, Random, and the ziggurat tables Random includes).
const (
	Header       = "pyc2go.h"
	Runtime      = "pyc2go_runtime.c"
	RandomHeader = "pyc2go_random.h"
	Random       = "pyc2go_random.c"
	Ziggurat     = "pyc2go_ziggurat.h"
)

// LinalgHeader and LinalgRuntime are numpy.linalg's C runtime (and the
// BLAS-backed products): shipped only with kernels that use them, which
// then also link LinalgLibs.
const (
	LinalgHeader  = "pyc2go_linalg.h"
	LinalgRuntime = "pyc2go_linalg.c"
)

// LinalgLibs are the link flags of the linalg runtime: the system's
// LAPACKE (Debian: liblapacke-dev) and OpenBLAS for CBLAS (Debian:
// libopenblas-dev). On Debian both reach the LAPACK numpy itself uses
// (liblapack.so.3, provided by libopenblas0), which is what makes the C
// backend's linalg results numpy's bit for bit.
var LinalgLibs = []string{"-llapacke", "-lopenblas"}

// Files returns the runtime's files by name (Header, Runtime).
func Files() map[string][]byte { return read(Header, Runtime) }

// RandomFiles returns the random runtime's files by name (RandomHeader,
// Random, Ziggurat): shipped only with kernels that use np.random.
func RandomFiles() map[string][]byte { return read(RandomHeader, Random, Ziggurat) }

// LinalgFiles returns the linalg runtime's files by name (LinalgHeader,
// LinalgRuntime).
func LinalgFiles() map[string][]byte { return read(LinalgHeader, LinalgRuntime) }

func read(names ...string) map[string][]byte {
	out := map[string][]byte{}
	for _, name := range names {
		data, err := fs.ReadFile(source, "src/"+name)
		if err != nil {
			panic("cruntime: embedded file missing: " + err.Error())
		}
		out[name] = data
	}
	return out
}

// linalgInclude is the line generated C carries when it calls the linalg
// runtime.
var linalgInclude = []byte(`#include "` + LinalgHeader + `"`)

// UsesLinalg reports whether generated C source (a kernel's .c or .h)
// includes the linalg runtime's header, and so needs LinalgFiles and
// LinalgLibs in its build.
func UsesLinalg(src []byte) bool { return bytes.Contains(src, linalgInclude) }

// randomInclude is the line generated C carries when it calls the random
// runtime.
var randomInclude = []byte(`#include "` + RandomHeader + `"`)

// UsesRandom reports whether generated C source includes the random
// runtime's header, and so needs RandomFiles in its build.
func UsesRandom(src []byte) bool { return bytes.Contains(src, randomInclude) }
