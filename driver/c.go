package driver

import (
	"os"
	"path/filepath"
	"strings"

	emitc "github.com/pyc2go/pyc2go/emit/c"
	cruntime "github.com/pyc2go/pyc2go/runtime/c"
)

// CFlags are the flags C kernels are built with by run and verify: the
// generated code must compile cleanly under them, and parallel loops run
// on OpenMP threads as they do in a user's -fopenmp build.
var CFlags = []string{"-std=c11", "-O2", "-fopenmp", "-Wall", "-Wextra", "-Werror"}

// CC is the C compiler: $CC, else gcc.
func CC() string {
	if cc := os.Getenv("CC"); cc != "" {
		return cc
	}
	return "gcc"
}

// CFiles are the files of `pyc2go compile --lang c`: MODULE.h, MODULE.c
// and the C runtime (cruntime.Files), by file name.
func (r *Result) CFiles(cfg Config) (map[string][]byte, *emitc.Output, error) {
	out, err := emitc.File(r.Module, emitc.Config{Source: filepath.Base(r.Path), LineDirectives: !cfg.NoLines})
	if err != nil {
		return nil, nil, err
	}
	files := cruntime.Files()
	files[out.HeaderName] = out.Header
	files[out.SourceName] = out.Source
	return files, out, nil
}

// buildC builds the harness over the C translation: package kernels is a
// cgo bridge with the Go backend's API (see emitc.Bridge) beside the C
// files, so the harness main and everything after it are shared.
func (r *Result) buildC(cfg Config) (string, error) {
	cfiles, out, err := r.CFiles(cfg)
	if err != nil {
		return "", err
	}
	// The runtime is a cgo package of its own, identical in every build,
	// so the go command's cache compiles it once for all kernels.
	bridge, err := emitc.Bridge(r.Module, out, "kernels", append(CFlags, "-I${SRCDIR}/../crt"), "pyc2gobuild/crt")
	if err != nil {
		return "", err
	}
	files := map[string][]byte{
		"kernels/bridge.go": bridge,
		"crt/crt.go": []byte("// Package crt compiles pyc2go's C runtime for cgo builds of C kernels.\npackage crt\n\n/*\n#cgo CFLAGS: " +
			strings.Join(CFlags, " ") + "\n#cgo LDFLAGS: " + emitc.LDFlags(CFlags) + "\n#include \"pyc2go.h\"\n*/\nimport \"C\"\n"),
	}
	// The module's header and source go beside the bridge, the runtime's
	// files into crt: the files `compile --lang c` writes, in two packages.
	for name, data := range cfiles {
		dir := "crt/"
		if name == out.HeaderName || name == out.SourceName {
			dir = "kernels/"
		}
		files[dir+name] = data
	}
	files, err = r.harnessFiles(files)
	if err != nil {
		return "", err
	}
	cc := cfg.CC
	if cc == "" {
		cc = CC()
	}
	return buildCached(files, cc)
}
