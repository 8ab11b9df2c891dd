package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	emitc "github.com/pyc2go/pyc2go/emit/c"
	emitgo "github.com/pyc2go/pyc2go/emit/go"
	"github.com/pyc2go/pyc2go/frontend"
	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/lower"
	"github.com/pyc2go/pyc2go/runtime"
	"github.com/pyc2go/pyc2go/typeinfer"
)

// Config holds the options of one compilation.
type Config struct {
	OptLevel  int             // 0 or 2
	Disable   map[string]bool // optional passes to skip
	DumpAfter string          // pass name whose output to dump, "" for none
	Dump      io.Writer       // where DumpAfter goes
	Package   string          // Go package name of the generated file ("" derives it from the file name)
	NoLines   bool            // omit /*line*/ (Go) or #line (C) directives
	Lang      string          // target language: "go" (also "") or "c"
	CC        string          // Lang "c": the C compiler Build uses ("" is CC(): $CC, else gcc)
	Verify    bool            // verify the IR after lowering and every pass

	// NoBoundsCheck and NoWrapAround are the UNSAFE directives
	// --boundscheck=off and --wraparound=off (see lower.Config). They
	// change the generated code, so the build cache tells them apart
	// through it.
	NoBoundsCheck bool
	NoWrapAround  bool

	// FastMath lets passes reassociate float reductions (--fastmath; see
	// lower.Config.FastMath). Off by default: floats stay bit-identical
	// to CPython.
	FastMath bool
	// Cache is the cache sizes the tile pass sizes tiles for (zero levels
	// mean lower.DefaultCache). The CLI fills it from --cache or the
	// machine (lower.DetectCache); generated code that is committed pins
	// it so it does not change across machines.
	Cache lower.CacheSizes

	// Remarks, if set, receives the optimisation passes' remarks.
	Remarks func(lower.Remark)
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
	m, err := lower.Module(info, cfg.lowerConfig())
	if err != nil {
		return nil, diag(err)
	}
	return &Result{Path: path, Src: src, File: f, Info: info, Module: m}, nil
}

// lowerConfig is the part of cfg the lower stage reads.
func (cfg Config) lowerConfig() lower.Config {
	return lower.Config{
		OptLevel:  cfg.OptLevel,
		Disable:   cfg.Disable,
		DumpAfter: cfg.DumpAfter,
		Dump:      cfg.Dump,
		Verify:    cfg.Verify,

		NoBoundsCheck: cfg.NoBoundsCheck,
		NoWrapAround:  cfg.NoWrapAround,
		FastMath:      cfg.FastMath,
		Cache:         cfg.Cache,
		Remarks:       cfg.Remarks,
	}
}

// Check parses and type-checks without lowering: `pyc2go check`.
func Check(path string, src []byte) error {
	_, err := Compile(path, src, Config{OptLevel: 0})
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
func identBase(path string) string { return emitc.ModuleName(path) }

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
	files["go.mod"] = []byte("module pyc2gobuild\n\ngo 1.22\n\nrequire github.com/pyc2go/pyc2go v0.0.0\n\nreplace github.com/pyc2go/pyc2go => ./pyc2go\n")
	files["pyc2go/go.mod"] = []byte("module github.com/pyc2go/pyc2go\n\ngo 1.22\n")
	files["main.go"] = main
	err = fs.WalkDir(runtime.Source, ".", func(p string, d fs.DirEntry, err error) error {
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
	goVersion, err := exec.Command("go", "env", "GOVERSION").Output()
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
	if cc != "" {
		cmd.Env = append(cmd.Env, "CC="+cc)
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
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
