package driver

import (
	"os"
	"path/filepath"

	emitc "github.com/pyc2go/pyc2go/emit/c"
	cruntime "github.com/pyc2go/pyc2go/runtime/c"
)

// CFlags are the flags C kernels are built with by run and verify: the
// generated code must compile cleanly under them.
var CFlags = []string{"-std=c11", "-O2", "-Wall", "-Wextra", "-Werror"}

// CC is the C compiler: $CC, else gcc.
func CC() string {
	if cc := os.Getenv("CC"); cc != "" {
		return cc
	}
	return "gcc"
}

// CFiles are the files of `pyc2go compile --lang c`: MODULE.h, MODULE.c
// and the runtime (pyc2go.h, pyc2go_runtime.c), by file name.
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
	bridge, err := emitc.Bridge(r.Module, out, "kernels", CFlags)
	if err != nil {
		return "", err
	}
	files := map[string][]byte{"kernels/bridge.go": bridge}
	for name, data := range cfiles {
		files["kernels/"+name] = data
	}
	files, err = r.harnessFiles(files)
	if err != nil {
		return "", err
	}
	return buildCached(files, true)
}
