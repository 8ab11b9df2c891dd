package lower_test

import (
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/driver"
	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/lower"
	"github.com/pyc2go/pyc2go/opt"
)

// directivesSrc exercises every path of index lowering: a variable index
// (check and wrap), a constant non-negative and a constant negative index,
// the induction variable of a counting-up range loop (upper bound only;
// total's checks guardelim proves, head's it cannot), a store, an index guarded by 0 <= i < n (which only the wrap-off check
// follows from) and one guarded by -n <= i < n (which only the default
// check follows from).
const directivesSrc = `import numpy as np

def get(a: "float64[:]", i: int) -> float:
    return a[i]

def last(a: "int64[:]") -> int:
    return a[0] + a[-1]

def total(m: "float64[:, :]") -> float:
    s = 0.0
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            s += m[i, j]
    return s

def head(a: "float64[:]", k: int) -> float:
    s = 0.0
    for i in range(k):
        s += a[i]
    return s

def put(a: "float64[:]", i: int, v: float):
    a[i] = v

def guarded(a: "float64[:]", i: int) -> float:
    n = a.shape[0]
    if i >= 0 and i < n:
        return a[i]
    return 0.0

def guarded_neg(a: "float64[:]", i: int) -> float:
    n = a.shape[0]
    if i >= -n and i < n:
        return a[i]
    return 0.0

def pure(x: float) -> float:
    return x * 2.0
`

// boundsChecks counts f's IndexError checks and its negative-index wraps
// (an If on index < 0 assigning index + n).
func boundsChecks(f *ir.Func) (checks, wraps int) {
	ir.WalkStmts(f.Body, func(s ir.Stmt) {
		switch s := s.(type) {
		case *ir.Check:
			if s.Exc == "IndexError" {
				checks++
			}
		case *ir.If:
			if b, ok := s.Cond.(*ir.Binary); ok && b.Op == ir.Lt && ir.ExprString(b.Y) == "0" && len(s.Then.Stmts) == 1 {
				if a, ok := s.Then.Stmts[0].(*ir.Assign); ok && strings.Contains(ir.ExprString(a.Src), "+") {
					wraps++
				}
			}
		}
	})
	return checks, wraps
}

// TestDirectives pins what --boundscheck=off and --wraparound=off do to
// the IR: the checks and wraps are present by default and gone with the
// directive, and no function's Raises (its Go signature) changes, except
// guarded_neg's under wraparound off, the documented exception.
func TestDirectives(t *testing.T) {
	type counts struct{ checks, wraps int }
	cfgs := []struct {
		name string
		cfg  driver.Config
		want map[string]counts
	}{
		{"default", driver.Config{}, map[string]counts{
			"get": {1, 1}, "last": {2, 0}, "total": {0, 0}, "head": {1, 0}, "put": {1, 1},
			"guarded": {1, 1}, "guarded_neg": {0, 1}, "pure": {0, 0},
		}},
		{"boundscheck=off", driver.Config{Opt: opt.Config{NoBoundsCheck: true}}, map[string]counts{
			"get": {0, 1}, "last": {0, 0}, "total": {0, 0}, "head": {0, 0}, "put": {0, 1},
			"guarded": {0, 1}, "guarded_neg": {0, 1}, "pure": {0, 0},
		}},
		{"wraparound=off", driver.Config{Lower: lower.Config{NoWrapAround: true}}, map[string]counts{
			"get": {1, 0}, "last": {2, 0}, "total": {0, 0}, "head": {1, 0}, "put": {1, 0},
			"guarded": {0, 0}, "guarded_neg": {1, 0}, "pure": {0, 0},
		}},
		{"both off", driver.Config{Lower: lower.Config{NoWrapAround: true}, Opt: opt.Config{NoBoundsCheck: true}}, map[string]counts{
			"get": {0, 0}, "last": {0, 0}, "total": {0, 0}, "head": {0, 0}, "put": {0, 0},
			"guarded": {0, 0}, "guarded_neg": {0, 0}, "pure": {0, 0},
		}},
	}
	var raisesDefault map[string]bool
	for _, c := range cfgs {
		for _, lvl := range []int{0, 2} {
			cfg := c.cfg
			cfg.Opt.OptLevel = lvl
			cfg.Opt.Disable = noLoopPasses
			m := lowerSrc(t, "d.py", []byte(directivesSrc), cfg)
			raises := map[string]bool{}
			for _, f := range m.Funcs {
				raises[f.Name] = f.Raises
				checks, wraps := boundsChecks(f)
				if got := (counts{checks, wraps}); got != c.want[f.Name] {
					t.Errorf("%s -O%d: %s has %d IndexError checks and %d wraps, want %+v\n%s", c.name, lvl, f.Name, checks, wraps, c.want[f.Name], ir.PrintFunc(f))
				}
			}
			if raisesDefault == nil {
				raisesDefault = raises
				for name, want := range map[string]bool{"get": true, "guarded": true, "guarded_neg": false, "pure": false} {
					if raises[name] != want {
						t.Errorf("default: %s Raises = %v, want %v", name, raises[name], want)
					}
				}
				continue
			}
			for name, r := range raises {
				want := raisesDefault[name]
				if c.cfg.Lower.NoWrapAround && name == "guarded_neg" {
					want = true // the documented exception
				}
				if r != want {
					t.Errorf("%s -O%d: %s Raises = %v, want %v (the default's)", c.name, lvl, name, r, want)
				}
			}
		}
	}
}

// TestDirectivesGolden pins the IR of the index paths under each directive.
func TestDirectivesGolden(t *testing.T) {
	var b strings.Builder
	for _, c := range []struct {
		name string
		cfg  driver.Config
	}{
		{"default", driver.Config{Opt: opt.Config{OptLevel: 2}}},
		{"--boundscheck=off", driver.Config{Opt: opt.Config{OptLevel: 2, NoBoundsCheck: true}}},
		{"--wraparound=off", driver.Config{Lower: lower.Config{NoWrapAround: true}, Opt: opt.Config{OptLevel: 2}}},
		{"--boundscheck=off --wraparound=off", driver.Config{Lower: lower.Config{NoWrapAround: true}, Opt: opt.Config{OptLevel: 2, NoBoundsCheck: true}}},
	} {
		cfg := c.cfg
		cfg.Opt.Disable = noLoopPasses
		b.WriteString("# " + c.name + "\n" + ir.Print(lowerSrc(t, "d.py", []byte(directivesSrc), cfg)) + "\n")
	}
	checkGolden(t, "directives", b.String())
}
