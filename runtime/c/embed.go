package cruntime

import (
	"embed"
	"io/fs"
)

//go:embed src/pyc2go.h src/pyc2go_runtime.c
var source embed.FS

// Header and Runtime are the file names users see.
const (
	Header  = "pyc2go.h"
	Runtime = "pyc2go_runtime.c"
)

// Files returns the runtime's files by name (Header, Runtime).
func Files() map[string][]byte {
	out := map[string][]byte{}
	for _, name := range []string{Header, Runtime} {
		data, err := fs.ReadFile(source, "src/"+name)
		if err != nil {
			panic("cruntime: embedded file missing: " + err.Error())
		}
		out[name] = data
	}
	return out
}
