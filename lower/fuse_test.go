package lower_test

import (
	"testing"

	"github.com/pyc2go/pyc2go/driver"
	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/opt"
)

// count returns the number of For loops, outermost For loops and Allocs
// in f.
func count(f *ir.Func) (fors, nests, allocs int) {
	var walk func(b *ir.Block, depth int)
	walk = func(b *ir.Block, depth int) {
		if b == nil {
			return
		}
		for _, s := range b.Stmts {
			switch s := s.(type) {
			case *ir.For:
				fors++
				if depth == 0 {
					nests++
				}
				walk(s.Body, depth+1)
			case *ir.If:
				walk(s.Then, depth)
				walk(s.Else, depth)
			case *ir.While:
				walk(s.Body, depth+1)
			case *ir.Alloc:
				allocs++
			}
		}
	}
	walk(f.Body, 0)
	return
}

// TestFusion pins the point of the array lowering: an elementwise
// expression is one loop nest with no intermediate arrays, whatever its
// depth; an allocation happens only for the result (or, for exact float
// sums, the one temporary numpy sums).
func TestFusion(t *testing.T) {
	src := []byte(`import numpy as np


def axpy(a: float, x: "float64[:]", b: "float64[:]") -> "float64[:]":
    y = a * x + b
    return y


def deep(x: "float64[:, :]", v: "float64[:]") -> "float64[:, :]":
    return np.sqrt(x * x + v) / (1.0 + np.abs(x - v) * 2.0) - np.where(x > v, x, v)


def isq(x: "int64[:]", y: "int64[:]") -> int:
    return np.sum((x - y) ** 2)


def fsq(x: "float64[:]", y: "float64[:]") -> float:
    return np.sum((x - y) ** 2)


def inplace(a: "float64[:]", b: "float64[:]") -> None:
    a += b * 2.0 - 1.0
`)
	want := map[string]struct{ nests, fors, allocs int }{
		"axpy":    {1, 1, 1},
		"deep":    {1, 2, 1},
		"isq":     {1, 1, 0},
		"fsq":     {1, 1, 1}, // the temporary numpy pairwise-sums
		"inplace": {0, 0, 0}, // checked below: under an overlap If
	}
	for _, lvl := range []int{0, 2} {
		m := lowerSrc(t, "fuse.py", src, driver.Config{Opt: opt.Config{OptLevel: lvl, Disable: noLoopPasses}})
		for _, f := range m.Funcs {
			fors, nests, allocs := count(f)
			w := want[f.Name]
			if f.Name == "inplace" {
				// if overlaps(a, b) { tmp = alloc; loop; copy loop } else { loop }
				if allocs != 1 || fors != 3 {
					t.Errorf("-O%d %s: %d fors, %d allocs; want 3 fors (temporary path 2, direct 1), 1 alloc\n%s", lvl, f.Name, fors, allocs, ir.PrintFunc(f))
				}
				continue
			}
			if nests != w.nests || fors != w.fors || allocs != w.allocs {
				t.Errorf("-O%d %s: %d nests, %d fors, %d allocs; want %d, %d, %d\n%s", lvl, f.Name, nests, fors, allocs, w.nests, w.fors, w.allocs, ir.PrintFunc(f))
			}
		}
	}
}
