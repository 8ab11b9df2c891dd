// Command compile builds pyc2go's two engines of bench/peers from the
// kernel files it is given and says which kernels pyc2go refused:
//
//	go run ./bench/peers/compile -out DIR [-go=false] [-c=false] KERNEL.py...
//
// Each kernel is compiled as `pyc2go compile -O2` would (the cache sizes of
// this machine). The accepted ones become
//
//   - one Go program serving all of them through harness.BenchMain
//     (driver.BuildBench; built once and cached by the driver), and
//   - one native Python module per kernel (driver's BuildPython, exactly
//     `pyc2go compile --lang python -o DIR KERNEL.py` with the default
//     `-O3 -fopenmp`), in DIR/c, cached under the pyc2go cache directory
//     keyed by the generated C, the IR and the C compiler.
//
// DIR/status.json says what happened: per kernel, accepted or the first
// diagnostic (the line `FILE:L:C: error: ...` and the rendered error);
// the Go program's path or its build error; per kernel, the native
// module's name or its build error. The exit status is 0 unless the
// command itself failed (a refused kernel is a result, not a failure).
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/pyc2go/pyc2go/driver"
	"github.com/pyc2go/pyc2go/frontend"
	"github.com/pyc2go/pyc2go/opt"
)

// kernelStatus is one kernel's entry of status.json.
type kernelStatus struct {
	Accepted   bool   `json:"accepted"`
	Diagnostic string `json:"diagnostic,omitempty"` // the first error's FILE:L:C: error: MESSAGE line
	Rendered   string `json:"rendered,omitempty"`   // the first error with its source line and caret
	Errors     int    `json:"errors,omitempty"`     // how many errors the file has
	Native     string `json:"native,omitempty"`     // the native module's name in DIR/c
	NativeErr  string `json:"native_error,omitempty"`
}

type status struct {
	Kernels  map[string]*kernelStatus `json:"kernels"`
	GoBinary string                   `json:"go_binary,omitempty"`
	GoError  string                   `json:"go_error,omitempty"`
	CDir     string                   `json:"c_dir,omitempty"`
}

func main() {
	out := flag.String("out", "", "directory for status.json and the native modules (required)")
	goEngine := flag.Bool("go", true, "build the Go program")
	cEngine := flag.Bool("c", true, "build the native modules (C backend)")
	flag.Parse()
	if *out == "" || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: compile -out DIR [-go=false] [-c=false] KERNEL.py...")
		os.Exit(2)
	}
	if err := run(*out, flag.Args(), *goEngine, *cEngine); err != nil {
		fmt.Fprintln(os.Stderr, "compile:", err)
		os.Exit(1)
	}
}

func run(out string, paths []string, goEngine, cEngine bool) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	cfg := driver.Config{Opt: opt.Config{OptLevel: 2, Cache: opt.DetectCache()}}
	st := status{Kernels: map[string]*kernelStatus{}}
	var accepted []*driver.Result
	sort.Strings(paths)
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".py")
		ks := &kernelStatus{}
		st.Kernels[name] = ks
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		res, err := driver.Compile(path, src, cfg)
		var diag *driver.Diagnostics
		switch {
		case errors.As(err, &diag):
			first := frontend.ErrorList{diag.Errors[0]}
			ks.Rendered = strings.TrimRight(first.Render(diag.Path, diag.Src), "\n")
			ks.Diagnostic, _, _ = strings.Cut(ks.Rendered, "\n")
			ks.Errors = len(diag.Errors)
			continue
		case err != nil:
			// Not a diagnostic: an internal error of pyc2go, which the
			// report must show as such.
			ks.Diagnostic = fmt.Sprintf("%s: internal error: %v", path, err)
			ks.Errors = 1
			continue
		}
		ks.Accepted = true
		accepted = append(accepted, res)
	}
	if goEngine && len(accepted) > 0 {
		if bin, err := driver.BuildBench(accepted, cfg); err != nil {
			st.GoError = err.Error()
		} else {
			st.GoBinary = bin
		}
	}
	if cEngine && len(accepted) > 0 {
		st.CDir = filepath.Join(out, "c")
		if err := os.MkdirAll(st.CDir, 0o755); err != nil {
			return err
		}
		for _, res := range accepted {
			name := strings.TrimSuffix(filepath.Base(res.Path), ".py")
			ks := st.Kernels[name]
			if err := buildNative(res, cfg, st.CDir); err != nil {
				ks.NativeErr = err.Error()
			} else {
				ks.Native = driver.NativeNamesFor(res.Path).Module
			}
		}
	}
	f, err := os.Create(filepath.Join(out, "status.json"))
	if err != nil {
		return err
	}
	enc := json.NewEncoder(f)
	enc.SetEscapeHTML(false) // diagnostics quote -> and <
	enc.SetIndent("", "  ")
	if err := enc.Encode(st); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// buildNative puts res's native module (library and ctypes module) into
// dir, from the cache when the same C source (kernel and runtime), IR
// (from which the ctypes module is generated) and C compiler built it
// before. After a change to the ctypes generator alone, remove
// $PYC2GO_CACHE/peers-native (default ~/.cache/pyc2go/peers-native).
func buildNative(res *driver.Result, cfg driver.Config, dir string) error {
	nc := driver.ResolveNative(driver.NativeConfig{})
	ccVersion, err := exec.Command(nc.CC, "--version").Output()
	if err != nil {
		return fmt.Errorf("no C compiler %q: %v", nc.CC, err)
	}
	files, _, err := res.CFiles(cfg)
	if err != nil {
		return err
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%q\x00%s\x00", ccVersion, nc.CFlags, res.IR())
	for _, n := range slices.Sorted(maps.Keys(files)) {
		fmt.Fprintf(h, "%s\x00%d\x00%s", n, len(files[n]), files[n])
	}
	base := os.Getenv("PYC2GO_CACHE")
	if base == "" {
		if uc, err := os.UserCacheDir(); err == nil {
			base = filepath.Join(uc, "pyc2go")
		} else {
			base = filepath.Join(os.TempDir(), "pyc2go")
		}
	}
	cached := filepath.Join(base, "peers-native", hex.EncodeToString(h.Sum(nil))[:24])
	names := driver.NativeNamesFor(res.Path)
	if _, err := os.Stat(filepath.Join(cached, names.Module+".py")); err != nil {
		tmp := cached + ".tmp" + fmt.Sprint(os.Getpid())
		if _, err := res.BuildPython(cfg, nc, tmp); err != nil {
			os.RemoveAll(tmp)
			return err
		}
		if err := os.Rename(tmp, cached); err != nil {
			os.RemoveAll(tmp)
			if _, serr := os.Stat(cached); serr != nil {
				return err
			}
		}
	}
	for _, f := range []string{names.Module + ".py", names.Library} {
		data, err := os.ReadFile(filepath.Join(cached, f))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o755); err != nil {
			return err
		}
	}
	return nil
}
