package cruntime

import (
	"embed"
	"io/fs"
)

//go:embed src/pyc2go.h src/pyc2go_runtime.c src/pyc2go_random.h src/pyc2go_random.c src/pyc2go_ziggurat.h
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

// Files returns the runtime's files by name.
func Files() map[string][]byte {
	out := map[string][]byte{}
	for _, name := range []string{Header, Runtime, RandomHeader, Random, Ziggurat} {
		data, err := fs.ReadFile(source, "src/"+name)
		if err != nil {
			panic("cruntime: embedded file missing: " + err.Error())
		}
		out[name] = data
	}
	return out
}
