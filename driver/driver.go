package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	emitgo "github.com/pyc2go/pyc2go/emit/go"
	"github.com/pyc2go/pyc2go/frontend"
	"github.com/pyc2go/pyc2go/internal/naming"
	"github.com/pyc2go/pyc2go/internal/scratch"
	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/lower"
	"github.com/pyc2go/pyc2go/opt"
	"github.com/pyc2go/pyc2go/runtime"
	"github.com/pyc2go/pyc2go/typeinfer"
)

// Config holds the options of one compilation: those of each stage,
// composed rather than repeated (Lower for lowering, Opt for the
// optimiser), and the driver's own.
type Config struct {
	// Lower holds the lowering directives: NoWrapAround is the UNSAFE
	// --wraparound=off (see lower.Config).
	Lower lower.Config
	// Opt holds the optimiser's options: the level, the passes to skip,
	// --dump-ir, IR verification, the UNSAFE --boundscheck=off, --fastmath,
	// the cache sizes the tile pass sizes tiles for and the remark sink
	// (see opt.Config). Compile fills in Opt.Reference itself. The
	// directives change the generated code, so the build cache tells them
	// apart through it. Cache's zero levels mean opt.DefaultCache; the CLI
	// fills it from --cache or the machine (opt.DetectCache), and generated
	// code that is committed pins it so it does not change across machines.
	Opt opt.Config

	Package string // Go package name of the generated file ("" derives it from the file name)
	NoLines bool   // omit /*line*/ (Go) or #line (C) directives
	Lang    string // target language: "go" (also "") or "c"
	CC      string // Lang "c": the C compiler Build uses ("" is CC(): $CC, else gcc)
}

// Result is everything one compilation produced.
type Result struct {
	Path   string
	Src    []byte
	File   *frontend.File
	Info   *typeinfer.Info
	Module *ir.Module
	// Skipped names the Python functions CompileSome left out because
	// they (or functions they call) have errors, in source order.
	Skipped []string
}

// Diagnostics is returned when the Python file has errors: it renders them
// with source lines and carets.
type Diagnostics struct {
	Path   string
	Src    []byte
	Errors frontend.ErrorList
}

func (d *Diagnostics) Error() string { return d.Errors.Render(d.Path, d.Src) }

// Compile parses, type-checks and lowers the Python file at path.
func Compile(path string, src []byte, cfg Config) (*Result, error) {
	diag := func(err error) error {
		var list frontend.ErrorList
		if errors.As(err, &list) {
			return &Diagnostics{Path: path, Src: src, Errors: list}
		}
		return err
	}
	f, err := frontend.ParseFile(path, src)
	if err != nil {
		return nil, diag(err)
	}
	info, err := typeinfer.Check(f)
	if err != nil {
		return nil, diag(err)
	}
	m, err := lowerAndOptimise(info, cfg)
	if err != nil {
		return nil, diag(err)
	}
	return &Result{Path: path, Src: src, File: f, Info: info, Module: m}, nil
}

// lowerAndOptimise runs the middle of the pipeline: lower.Module, then
// opt.Run. Under --wraparound=off it first compiles info with the default
// directives through the required passes and hands that module to the
// optimiser as Opt.Reference, so that the directive never takes an error
// result away (see lower.Config.NoWrapAround).
func lowerAndOptimise(info *typeinfer.Info, cfg Config) (*ir.Module, error) {
	oc := cfg.Opt
	if cfg.Lower.NoWrapAround {
		ref, err := lower.Module(info, lower.Config{})
		if err != nil {
			return nil, err
		}
		// The required passes alone fix Raises, so -O0 gives the same
		// answer as -O2.
		if err := opt.Run(ref, opt.Config{}); err != nil {
			return nil, err
		}
		oc.Reference = ref
	}
	m, err := lower.Module(info, cfg.Lower)
	if err != nil {
		return nil, err
	}
	if err := opt.Run(m, oc); err != nil {
		return nil, err
	}
	return m, nil
}

// Check parses and type-checks without lowering: `pyc2go check`.
func Check(path string, src []byte) error {
	_, err := Compile(path, src, Config{})
	return err
}

// PackageName derives a Go package name from a Python file name: lower
// case letters and digits only, as Go's naming convention (and
// staticcheck's ST1003) has package names, so "float32_kernels.py" and
// "my-kernels.py" give "float32kernels" and "mykernels".
func PackageName(path string) string {
	name := strings.TrimLeft(strings.ReplaceAll(identBase(path), "_", ""), "0123456789")
	if name == "" {
		return "kernels"
	}
	return name
}

// identBase is the base name of path as a lower-case identifier that
// keeps underscores ("my-kernels.py" -> "my_kernels"): the C backend's
// module prefix, which the Python side's names (NativeNamesFor) and, without
// underscores, the Go package name also use, so every backend names a
// file alike.
func identBase(path string) string { return naming.CModule(path) }

// GoSource emits the Go package for r.
func (r *Result) GoSource(cfg Config) ([]byte, error) {
	pkg := cfg.Package
	if pkg == "" {
		pkg = PackageName(r.Path)
	}
	return emitgo.File(r.Module, emitgo.Config{Package: pkg, Source: filepath.Base(r.Path), LineDirectives: !cfg.NoLines})
}

// kernelsImport is the import path of the generated package inside a build
// directory.
const kernelsImport = "pyc2gobuild/kernels"

// Build compiles r into a harness program (see runtime/harness) and returns
// the path of the executable. Builds are cached: the same inputs give the
// same path without running the Go toolchain again.
func (r *Result) Build(cfg Config) (string, error) {
	switch cfg.Lang {
	case "", "go":
	case "c":
		return r.buildC(cfg)
	default:
		return "", fmt.Errorf("unknown target language %q (want go or c)", cfg.Lang)
	}
	cfg.Package = "kernels"
	code, err := r.GoSource(cfg)
	if err != nil {
		return "", err
	}
	files, err := r.harnessFiles(map[string][]byte{"kernels/kernels.go": code})
	if err != nil {
		return "", err
	}
	return buildCached(files, "")
}

// harnessFiles adds the harness main, the module files and the Go
// runtime's source to the kernel package's files.
func (r *Result) harnessFiles(files map[string][]byte) (map[string][]byte, error) {
	main, err := emitgo.Main(r.Module, kernelsImport, emitgo.Config{Package: "main", Source: filepath.Base(r.Path)})
	if err != nil {
		return nil, err
	}
	files["main.go"] = main
	return moduleFiles(files)
}

// moduleFiles adds the build module's go.mod (and go.sum when needed) and
// the Go runtime's source to a build's files.
func moduleFiles(files map[string][]byte) (map[string][]byte, error) {
	files["go.mod"] = []byte("module pyc2gobuild\n\ngo 1.22\n\nrequire github.com/pyc2go/pyc2go v0.0.0\n\nreplace github.com/pyc2go/pyc2go => ./pyc2go\n")
	files["pyc2go/go.mod"] = []byte("module github.com/pyc2go/pyc2go\n\ngo 1.22\n")
	if importsLinalg(files) {
		// runtime/linalg imports gonum: require the release it is
		// tested with, whose go.sum lines let the build run offline
		// from the module cache (GOPROXY=off).
		files["pyc2go/go.mod"] = []byte("module github.com/pyc2go/pyc2go\n\ngo 1.22\n\nrequire " + GonumModule + " " + GonumVersion + "\n")
		files["go.sum"] = []byte(gonumSum)
	}
	err := fs.WalkDir(runtime.Source, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, "_test.go") {
			return err
		}
		data, err := fs.ReadFile(runtime.Source, p)
		files["pyc2go/runtime/"+p] = data
		return err
	})
	return files, err
}

// buildCached writes files into a directory named by their hash and builds
// it once. cc is "" for a pure Go build, else the C compiler of a cgo
// build (the C backend), whose --version output is hashed too.
func buildCached(files map[string][]byte, cc string) (string, error) {
	// GOEXPERIMENT selects code too (simd: runtime/linalg's AVX-512 gemm).
	goVersion, err := exec.Command("go", "env", "GOVERSION", "GOEXPERIMENT").Output()
	if err != nil {
		return "", fmt.Errorf("the Go toolchain is needed to build compiled kernels: %v", err)
	}
	h := sha256.New()
	h.Write(goVersion)
	cgoEnabled := "CGO_ENABLED=0"
	if cc != "" {
		version, err := exec.Command(cc, "--version").Output()
		if err != nil {
			return "", fmt.Errorf("a C compiler (%s) is needed to build C kernels: %v", cc, err)
		}
		h.Write(version)
		cgoEnabled = "CGO_ENABLED=1"
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		fmt.Fprintf(h, "%s\x00%d\x00", name, len(files[name]))
		h.Write(files[name])
	}
	key := hex.EncodeToString(h.Sum(nil))[:24]
	root, err := cacheDir()
	if err != nil {
		return "", err
	}
	dir := filepath.Join(root, key)
	bin := filepath.Join(dir, "prog")
	if _, err := os.Stat(bin); err == nil {
		return bin, nil
	}
	// Build in a private directory and rename it into place, so concurrent
	// builds of the same key (parallel tests) never see a half-written tree.
	tmp, err := os.MkdirTemp(root, "build-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	for name, data := range files {
		p := filepath.Join(tmp, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return "", err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return "", err
		}
	}
	cmd := exec.Command("go", "build", "-o", "prog", ".")
	cmd.Dir = tmp
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off", cgoEnabled)
	if d := scratch.Dir(); d != "" && os.Getenv("GOTMPDIR") == "" {
		// The go command's work directory (cgo's intermediate files among
		// them) in memory too.
		cmd.Env = append(cmd.Env, "GOTMPDIR="+d)
	}
	if cc != "" {
		cmd.Env = append(cmd.Env, "CC="+cc)
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		if _, ok := files["go.sum"]; ok && !gonumCached() {
			return "", fmt.Errorf("the kernel uses np.linalg, whose Go runtime needs %s %s in the module cache; "+
				"run: go mod download %s@%s", GonumModule, GonumVersion, GonumModule, GonumVersion)
		}
		return "", fmt.Errorf("internal error: the generated code does not build (please report it):\n%s", out.String())
	}
	if err := os.Rename(tmp, dir); err != nil {
		if _, statErr := os.Stat(bin); statErr == nil {
			return bin, nil // another process won the race
		}
		return "", err
	}
	return bin, nil
}

func cacheDir() (string, error) {
	base := os.Getenv("PYC2GO_CACHE")
	if base == "" {
		uc, err := os.UserCacheDir()
		if err != nil {
			// No HOME or XDG_CACHE_HOME (a bare CI container): builds
			// still work, they are only cached for this machine's
			// lifetime.
			uc = os.TempDir()
		}
		base = filepath.Join(uc, "pyc2go")
	}
	dir := filepath.Join(base, "build")
	return dir, os.MkdirAll(dir, 0o755)
}

// IR returns the text form of the compiled module (--dump-ir).
func (r *Result) IR() string { return ir.Print(r.Module) }
