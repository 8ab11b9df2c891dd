package driver

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/pyc2go/pyc2go/emit/pyctypes"
	"github.com/pyc2go/pyc2go/internal/naming"
	"github.com/pyc2go/pyc2go/internal/scratch"
)

// NativeConfig says how `compile --lang python` builds the shared library.
type NativeConfig struct {
	// CC is the C compiler: --cc, else CC() ($CC, else gcc).
	CC string
	// CFlags replaces the default optimisation flags DefaultCFlags: --cflags,
	// else $CFLAGS (split on spaces). The flags a loadable library needs
	// (-std=c11 -fPIC -shared) are always added.
	CFlags []string
}

// DefaultCFlags are the compile flags used when neither --cflags nor
// $CFLAGS says otherwise: -fopenmp runs parallel loops on OpenMP threads
// (without it they run in order on the calling thread, with the same
// results).
var DefaultCFlags = []string{"-O3", "-fopenmp"}

// requiredCFlags make a C11 shared library ctypes can load; they come
// before the user's flags, so those can still override -std.
var requiredCFlags = []string{"-std=c11", "-fPIC", "-shared"}

// ResolveNative fills the defaults of nc from the environment.
func ResolveNative(nc NativeConfig) NativeConfig {
	if nc.CC == "" {
		nc.CC = CC()
	}
	if nc.CFlags == nil {
		if env := strings.Fields(os.Getenv("CFLAGS")); len(env) > 0 {
			nc.CFlags = env
		} else {
			nc.CFlags = DefaultCFlags
		}
	}
	return nc
}

// NativeNames are the files `compile --lang python` writes for a kernel
// file: MODULE_native.py and libMODULE.so.
type NativeNames struct {
	Module  string // Python module name: "kernels_native"
	Library string // shared library file name: "libkernels.so"
	Prefix  string // C symbol prefix: "kernels"
}

// NativeNamesFor derives the names for the kernel file at path.
func NativeNamesFor(path string) NativeNames {
	base := identBase(path)
	// The library is not MODULE_native.so: Python would take that for an
	// extension module and try to import it instead of the .py file.
	return NativeNames{Module: base + "_native", Library: "lib" + base + ".so", Prefix: naming.CModule(path)}
}

// cFreeFunc is the C runtime's function that releases a result's owner
// block (runtime/c/src/pyc2go.h).
const cFreeFunc = "pyc2go_free_owner"

// PythonFiles are the files of the native Python module of r, by file
// name: the generated ctypes module (MODULE_native.py) and the C sources
// its library is built from (MODULE.c, MODULE.h, pyc2go.h,
// pyc2go_runtime.c). BuildPython compiles them; `compile --lang python
// --no-build` writes them for a caller that builds the library itself
// (pyc2go's Python package, which keeps a compiled runtime cached).
func (r *Result) PythonFiles(cfg Config) (map[string][]byte, error) {
	names := NativeNamesFor(r.Path)
	files, out, err := r.CFiles(cfg)
	if err != nil {
		return nil, err
	}
	py, err := pyctypes.File(r.Module, pyctypes.Config{
		Prefix:  out.Module,
		Library: names.Library,
		Free:    cFreeFunc,
	})
	if err != nil {
		return nil, err
	}
	files[names.Module+".py"] = py
	return files, nil
}

// BuildPython writes the native Python module of r into outDir: the shared
// library compiled from the C backend's output and the runtime's C source,
// and the generated ctypes module beside it. It returns the module's path.
func (r *Result) BuildPython(cfg Config, nc NativeConfig, outDir string) (string, error) {
	names := NativeNamesFor(r.Path)
	files, err := r.PythonFiles(cfg)
	if err != nil {
		return "", err
	}
	py := files[names.Module+".py"]
	delete(files, names.Module+".py")
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return "", err
	}
	if err := CompileShared(files, ResolveNative(nc), filepath.Join(outDir, names.Library)); err != nil {
		return "", err
	}
	mod := filepath.Join(outDir, names.Module+".py")
	return mod, os.WriteFile(mod, py, 0o644)
}

// CompileShared compiles the C files (name -> source; the .c ones are
// compiled, the rest are headers beside them) into the shared library lib.
// It builds in a temporary directory and renames the result into place,
// so a module never sees a half-written library.
func CompileShared(files map[string][]byte, nc NativeConfig, lib string) error {
	tmp, err := os.MkdirTemp(scratch.Dir(), "pyc2go-cc-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	var sources []string
	for name, data := range files {
		p := filepath.Join(tmp, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return err
		}
		if strings.HasSuffix(name, ".c") {
			sources = append(sources, filepath.FromSlash(name))
		}
	}
	slices.Sort(sources) // deterministic command line
	if _, err := exec.LookPath(nc.CC); err != nil {
		return fmt.Errorf("no C compiler %q: install one (Debian: apt-get install -y gcc) or pass --cc / set CC", nc.CC)
	}
	out := filepath.Join(tmp, "out.so")
	args := slices.Concat(requiredCFlags, nc.CFlags, []string{"-o", out}, sources, cLibs(files), []string{"-lm"})
	cmd := exec.Command(nc.CC, args...)
	cmd.Dir = tmp
	var msg bytes.Buffer
	cmd.Stdout, cmd.Stderr = &msg, &msg
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %s: %v\n%s", nc.CC, strings.Join(args, " "), err, msg.String())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		return err
	}
	// Write a new file rather than overwrite in place: a process that has
	// the old library mapped keeps its copy.
	next := lib + ".tmp"
	if err := os.WriteFile(next, data, 0o755); err != nil {
		return err
	}
	return os.Rename(next, lib)
}
