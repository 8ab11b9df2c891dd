package driver

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
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
// and the runtime (pyc2go.h, pyc2go_runtime.c; pyc2go_linalg.h and
// pyc2go_linalg.c when the kernel uses np.linalg; pyc2go_random.h,
// pyc2go_random.c and pyc2go_ziggurat.h when it uses np.random), by file
// name.
func (r *Result) CFiles(cfg Config) (map[string][]byte, *emitc.Output, error) {
	out, err := emitc.File(r.Module, emitc.Config{Source: filepath.Base(r.Path), LineDirectives: !cfg.NoLines})
	if err != nil {
		return nil, nil, err
	}
	files := runtimeCFiles(out)
	files[out.HeaderName] = out.Header
	files[out.SourceName] = out.Source
	return files, out, nil
}

// runtimeCFiles is the C runtime a kernel's translation needs.
func runtimeCFiles(out *emitc.Output) map[string][]byte {
	files := cruntime.Files()
	if usesLinalg(out) {
		maps.Copy(files, cruntime.LinalgFiles())
	}
	if cruntime.UsesRandom(out.Source) || cruntime.UsesRandom(out.Header) {
		maps.Copy(files, cruntime.RandomFiles())
	}
	return files
}

func usesLinalg(out *emitc.Output) bool {
	return cruntime.UsesLinalg(out.Source) || cruntime.UsesLinalg(out.Header)
}

// crtFiles is package crt of a cgo build: the C runtime files rt and a
// Go file whose cgo directives compile them with CFlags and link libm,
// OpenMP and, for the linalg runtime, its libraries.
func crtFiles(rt map[string][]byte) map[string][]byte {
	ldflags := strings.Join(append(slices.Clone(cLibs(rt)), emitc.LDFlags(CFlags)), " ")
	files := map[string][]byte{
		"crt/crt.go": []byte("// Package crt compiles pyc2go's C runtime for cgo builds of C kernels.\npackage crt\n\n/*\n#cgo CFLAGS: " +
			strings.Join(CFlags, " ") + "\n#cgo LDFLAGS: " + ldflags + "\n#include \"pyc2go.h\"\n*/\nimport \"C\"\n"),
	}
	for name, data := range rt {
		files["crt/"+name] = data
	}
	return files
}

// cLibs are the libraries a build of the C files links besides libm: the
// linalg runtime's when it is among them.
func cLibs(files map[string][]byte) []string {
	if _, ok := files[cruntime.LinalgRuntime]; ok {
		return cruntime.LinalgLibs
	}
	return nil
}

// buildC builds the harness over the C translation: package kernels is a
// cgo bridge with the Go backend's API (see emitc.Bridge) beside the C
// files, so the harness main and everything after it are shared.
func (r *Result) buildC(cfg Config) (string, error) {
	_, out, err := r.CFiles(cfg)
	if err != nil {
		return "", err
	}
	// The runtime is a cgo package of its own, identical in every build,
	// so the go command's cache compiles it once for all kernels.
	bridge, err := emitc.Bridge(r.Module, out, "kernels", append(CFlags, "-I${SRCDIR}/../crt"), "pyc2gobuild/crt")
	if err != nil {
		return "", err
	}
	files := crtFiles(runtimeCFiles(out))
	files["kernels/bridge.go"] = bridge
	files["kernels/"+out.HeaderName] = out.Header
	files["kernels/"+out.SourceName] = out.Source
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
