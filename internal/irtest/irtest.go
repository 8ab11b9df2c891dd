// Package irtest compiles Python source to IR for tests of the stages
// after the frontend (lower, opt): parse, type-check, lower and optimise
// through the driver, with the IR verifier on after lowering and after
// every pass, so that each test of a stage is also a test of the IR's
// invariants.
package irtest

import (
	"testing"

	"github.com/pyc2go/pyc2go/driver"
	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/opt"
)

// Compile compiles src (named path in diagnostics) with cfg, the verifier
// forced on, and returns the IR module; a diagnostic or an internal error
// fails t.
func Compile(t testing.TB, path string, src []byte, cfg driver.Config) *ir.Module {
	t.Helper()
	cfg.Opt.Verify = true
	r, err := driver.Compile(path, src, cfg)
	if err != nil {
		t.Fatalf("compile %s:\n%v", path, err)
	}
	return r.Module
}

// At is the driver configuration of optimisation level lvl (0 or 2) and
// otherwise the defaults.
func At(lvl int) driver.Config { return driver.Config{Opt: opt.Config{OptLevel: lvl}} }
