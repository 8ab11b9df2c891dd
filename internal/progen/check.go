package progen

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/pyc2go/pyc2go/driver"
	"github.com/pyc2go/pyc2go/opt"
	"github.com/pyc2go/pyc2go/verify"
)

// Finding kinds.
const (
	Rejected = "rejected" // pyc2go refused the program (a diagnostic)
	Crash    = "crash"    // pyc2go failed without a diagnostic (internal error, panic)
	NoBuild  = "build"    // the generated code did not build
	Mismatch = "mismatch" // a compiled result differs from CPython's
	Twin     = "twin"     // -O0 and -O2 builds of one backend differ
	RefError = "reference"
)

// Finding is one way a program fails.
type Finding struct {
	Kind    string
	Backend string // "go -O2", "c -O0 (clang)", ...
	Func    string // for mismatches
	Detail  string
}

func (f Finding) String() string {
	s := f.Kind + " [" + f.Backend + "]"
	if f.Func != "" {
		s += " " + f.Func
	}
	return s + ": " + firstLines(f.Detail, 6)
}

// same reports whether g is the same failure as f, for the reducer.
func (f Finding) same(g Finding) bool {
	return f.Kind == g.Kind && f.Backend == g.Backend && (f.Func == "" || f.Func == g.Func)
}

func firstLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = append(lines[:n], "...")
	}
	return strings.Join(lines, "\n    ")
}

// CheckConfig says how programs are checked.
type CheckConfig struct {
	Python string // reference interpreter ("" finds one)
	Cases  int    // generated inputs per function (default 12)
	// Dir is where programs are written and where the reference runs are
	// cached (a fresh temporary directory if empty).
	Dir string
	// Only, if set, restricts the backends run to the one a finding names
	// (the reducer's re-checks).
	Only string
}

// backend is one compilation of a program: language, optimisation level
// and C compiler.
type backend struct {
	name, lang, cc string
	level          int
}

// backends are the builds each program gets. -O0 builds are the twins of
// the -O2 builds of the same language (verify compares them bit for bit,
// through the same reference run); the C backend is built by gcc at -O2
// and by clang at -O0, so both compilers see every program.
var backends = []backend{
	{"go -O2", "go", "", 2},
	{"go -O0", "go", "", 0},
	{"c -O2 (gcc)", "c", "gcc", 2},
	{"c -O0 (clang)", "c", "clang", 0},
}

// Check runs p through CPython and every backend and returns what failed,
// at most one finding per backend pair; nil means the program passed.
func Check(p *Program, cfg CheckConfig) ([]Finding, error) {
	return checkSource(p.Source(), fmt.Sprintf("k%d.py", p.Seed), cfg)
}

func checkSource(src, name string, cfg CheckConfig) ([]Finding, error) {
	if cfg.Cases == 0 {
		cfg.Cases = 12
	}
	dir := cfg.Dir
	if dir == "" {
		d, err := os.MkdirTemp("", "progen-")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(d)
		dir = d
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		return nil, err
	}
	var findings []Finding
	for i := 0; i < len(backends); i += 2 {
		pair := backends[i : i+2]
		if cfg.Only != "" && cfg.Only != pair[0].name && cfg.Only != pair[1].name {
			continue
		}
		findings = append(findings, checkPair(path, src, pair, dir, cfg)...)
		if len(findings) > 0 && findings[0].Kind == Rejected {
			break // the same diagnostic for every backend
		}
	}
	return findings, nil
}

// checkPair builds the -O2 and -O0 programs of one language and verifies
// the first against CPython with the second as its twin.
func checkPair(path, src string, pair []backend, dir string, cfg CheckConfig) (out []Finding) {
	var bins [2]string
	var res [2]*driver.Result
	for i, b := range pair {
		dcfg := driver.Config{Opt: opt.Config{OptLevel: b.level, Verify: true}, Lang: b.lang, CC: b.cc}
		r, err := compile(path, src, dcfg)
		if err != nil {
			var d *driver.Diagnostics
			if errors.As(err, &d) {
				return []Finding{{Kind: Rejected, Backend: b.name, Detail: err.Error()}}
			}
			return []Finding{{Kind: Crash, Backend: b.name, Detail: err.Error()}}
		}
		bin, err := r.Build(dcfg)
		if err != nil {
			return []Finding{{Kind: NoBuild, Backend: b.name, Detail: err.Error()}}
		}
		bins[i], res[i] = bin, r
	}
	rep, err := verify.Run(res[0], bins[0], verify.Options{Python: cfg.Python, Seed: 1, N: cfg.Cases, RefCache: filepath.Join(dir, "refcache"), Twin: bins[1]})
	if err != nil {
		return []Finding{{Kind: RefError, Backend: pair[0].name, Detail: err.Error()}}
	}
	for _, f := range rep.Funcs {
		if len(f.Failed) > 0 {
			c := f.Failed[0]
			d := fmt.Sprintf("%s(%s): python %s, compiled %s %s", c.Func, strings.Join(c.Args, ", "), c.Python, c.Go, c.Detail)
			out = append(out, Finding{Kind: Mismatch, Backend: pair[0].name, Func: f.Name, Detail: d})
		}
		if len(f.TwinFailed) > 0 {
			m := f.TwinFailed[0]
			d := fmt.Sprintf("%s(%s): -O2 %s, -O0 %s %s", m.Func, strings.Join(m.Args, ", "), m.A, m.B, m.Detail)
			out = append(out, Finding{Kind: Twin, Backend: pair[1].name, Func: f.Name, Detail: d})
		}
	}
	return out
}

// compile is driver.Compile that turns a panic into an error, so that one
// crashing program does not end a long run.
func compile(path, src string, cfg driver.Config) (r *driver.Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	return driver.Compile(path, []byte(src), cfg)
}
