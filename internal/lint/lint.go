// Package lint runs the linters Go programmers run on hand-written code on
// a Go module, for tests: staticcheck (honnef.co/go/tools, at
// StaticcheckVersion) and go vet with the shadow analyzer of
// golang.org/x/tools (at ShadowVersion), so that generated code and the
// examples are held to them.
//
// The main module does not require honnef.co/go/tools, and the shadow
// command needs modules the main module does not: both are built from the
// module cache only (GOPROXY=file://$GOMODCACHE/cache/download), and a
// test that finds one missing skips with a message naming the command
// that fetches it. Run once on a machine with the module proxy:
//
//	go run honnef.co/go/tools/cmd/staticcheck@v0.8.2 -version
//	go install golang.org/x/tools/go/analysis/passes/shadow/cmd/shadow@v0.52.0
package lint

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// StaticcheckVersion is the staticcheck release the tests run.
const StaticcheckVersion = "v0.8.2"

// ShadowVersion is the golang.org/x/tools release whose shadow analyzer
// the tests run, the one the main module requires.
const ShadowVersion = "v0.52.0"

const (
	staticcheckPkg = "honnef.co/go/tools/cmd/staticcheck@" + StaticcheckVersion
	shadowPkg      = "golang.org/x/tools/go/analysis/passes/shadow/cmd/shadow@" + ShadowVersion
)

// Finding is one staticcheck diagnostic.
type Finding struct {
	Check string // "SA4000", "ST1003", ...
	File  string // relative to the module directory
	Line  int
	Msg   string
}

func (f Finding) String() string {
	return fmt.Sprintf("%s:%d: %s (%s)", f.File, f.Line, f.Msg, f.Check)
}

// env is the environment of the go commands: the module cache as the only
// proxy, with no checksum database (the cache holds what was verified when
// it was filled).
func env() ([]string, error) {
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		return nil, err
	}
	cache := filepath.Join(strings.TrimSpace(string(out)), "cache", "download")
	return append(os.Environ(), "GOPROXY=file://"+filepath.ToSlash(cache), "GOSUMDB=off", "GOWORK=off", "GOFLAGS=-mod=mod"), nil
}

var (
	staticcheckOnce sync.Once
	staticcheckErr  error
)

// staticcheckAvailable reports why staticcheck cannot run here, or nil.
func staticcheckAvailable() error {
	staticcheckOnce.Do(func() {
		e, err := env()
		if err != nil {
			staticcheckErr = err
			return
		}
		cmd := exec.Command("go", "run", staticcheckPkg, "-version")
		cmd.Dir, cmd.Env = os.TempDir(), e
		if out, err := cmd.CombinedOutput(); err != nil {
			staticcheckErr = fmt.Errorf("%v: %s", err, bytes.TrimSpace(out))
		}
	})
	return staticcheckErr
}

// Staticcheck runs staticcheck with the given -checks value ("" for staticcheck's
// defaults) on every package of the module in dir and returns its
// findings. It skips t when staticcheck is not in the module cache and
// fails t when staticcheck cannot check the module.
func Staticcheck(t testing.TB, dir, checks string) []Finding {
	t.Helper()
	if err := staticcheckAvailable(); err != nil {
		t.Skipf("staticcheck %s is not in the module cache, skipping (fetch it once with: go run %s -version): %v", StaticcheckVersion, staticcheckPkg, err)
	}
	e, err := env()
	if err != nil {
		t.Fatal(err)
	}
	args := []string{"run", staticcheckPkg, "-f", "json"}
	if checks != "" {
		args = append(args, "-checks", checks)
	}
	cmd := exec.Command("go", append(args, "./...")...)
	cmd.Dir, cmd.Env = dir, e
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	var findings []Finding
	dec := json.NewDecoder(&stdout)
	for dec.More() {
		var d struct {
			Code     string `json:"code"`
			Severity string `json:"severity"`
			Location struct {
				File string `json:"file"`
				Line int    `json:"line"`
			} `json:"location"`
			Message string `json:"message"`
		}
		if err := dec.Decode(&d); err != nil {
			t.Fatalf("staticcheck output: %v\n%s", err, stderr.String())
		}
		if d.Code == "compile" || d.Severity == "error" && d.Code == "" {
			t.Fatalf("staticcheck could not load %s: %s", dir, d.Message)
		}
		file := d.Location.File
		if rel, err := filepath.Rel(dir, file); err == nil {
			file = rel
		}
		findings = append(findings, Finding{Check: d.Code, File: filepath.ToSlash(file), Line: d.Location.Line, Msg: d.Message})
	}
	if runErr != nil && len(findings) == 0 {
		t.Fatalf("staticcheck in %s: %v\n%s", dir, runErr, stderr.String())
	}
	return findings
}

// Shadow runs go vet with the shadow analyzer on every package of the
// module in dir, and returns its report, "" when there is nothing to
// report. It skips t when the analyzer cannot be built from the module
// cache. Without strict, a redeclaration is reported when the outer
// variable is used after it (an assignment that probably meant the outer
// one); strict reports every redeclaration in an inner scope, which
// hand-written Go's `if err := f(); err != nil` idiom does all the time.
func Shadow(t testing.TB, dir string, strict bool) string {
	t.Helper()
	e, err := env()
	if err != nil {
		t.Fatal(err)
	}
	bin := t.TempDir()
	install := exec.Command("go", "install", shadowPkg)
	install.Dir, install.Env = os.TempDir(), append(e, "GOBIN="+bin)
	if out, err := install.CombinedOutput(); err != nil {
		t.Skipf("the shadow analyzer %s cannot be built from the module cache, skipping (fetch it once with: go install %s): %v: %s", ShadowVersion, shadowPkg, err, bytes.TrimSpace(out))
	}
	args := []string{"vet", "-vettool=" + filepath.Join(bin, "shadow")}
	if strict {
		args = append(args, "-strict")
	}
	vet := exec.Command("go", append(args, "./...")...)
	vet.Dir, vet.Env = dir, e
	out, err := vet.CombinedOutput()
	if err != nil {
		if len(out) == 0 {
			t.Fatalf("go vet -vettool=shadow in %s: %v", dir, err)
		}
		return string(out)
	}
	return ""
}
