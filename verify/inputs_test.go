package verify

import (
	"os"
	"path/filepath"
	"testing"
)

// roleKernels has integer parameters used as sizes (k in range and np.empty,
// n and m in a shape), an index (i in a subscript) and neither (c).
const roleKernels = `import numpy as np


def ramp_sum(k: int) -> float:
    out = np.empty(k)
    for j in range(k):
        out[j] = j
    return float(out.sum())


def at(x: "float64[:]", i: int) -> float:
    return x[i]


def grid(n: int, m: int) -> float:
    return float(np.zeros((n, m)).size)


def scaled(c: int) -> int:
    return c * 2
`

const roleCases = `import numpy as np

CASES = [
    ("scaled", lambda rng: (int(rng.integers(0, 1000)),)),
    ("scaled", lambda rng: (7,)),
]
`

func refRun(t *testing.T, files map[string]string, sigs []funcSig, opt Options) map[string][]Outcome {
	t.Helper()
	py, err := FindPython("")
	if err != nil {
		t.Fatalf("%v (apt-get install -y python3-numpy)", err)
	}
	dir := t.TempDir()
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if opt.Cases != "" {
		opt.Cases = filepath.Join(dir, opt.Cases)
	}
	work := filepath.Join(dir, "work")
	if err := os.Mkdir(work, 0o755); err != nil {
		t.Fatal(err)
	}
	opt.Timeout = 60e9
	rep, err := runReference(py, work, filepath.Join(dir, "kernels.py"), sigs, opt)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]Outcome{}
	for _, c := range rep.Cases {
		got[c.Func] = append(got[c.Func], c.Outcome)
	}
	return got
}

// TestRoleInputs checks that integer parameters used as sizes and indices
// get mostly valid values (most cases reach the kernel's work), while
// some cases still take the error paths.
func TestRoleInputs(t *testing.T) {
	arr := refParam{Name: "x", Type: "float64[:]", Dtype: "float64", Rank: 1}
	integer := func(name string) refParam { return refParam{Name: name, Type: "int"} }
	sigs := []funcSig{
		{Name: "ramp_sum", Params: []refParam{integer("k")}},
		{Name: "at", Params: []refParam{arr, integer("i")}},
		{Name: "grid", Params: []refParam{integer("n"), integer("m")}},
	}
	const n = 60
	got := refRun(t, map[string]string{"kernels.py": roleKernels}, sigs, Options{Seed: 1, N: n})
	for _, s := range sigs {
		raised := 0
		for _, o := range got[s.Name] {
			if o.Exc != nil {
				raised++
			}
		}
		if len(got[s.Name]) != n {
			t.Fatalf("%s: %d cases, want %d", s.Name, len(got[s.Name]), n)
		}
		// at() raises on an empty x whatever i is: pick_dims makes a few.
		if raised == 0 || raised > n/3 {
			t.Errorf("%s: %d of %d cases raised; want some, and most to succeed", s.Name, raised, n)
		}
	}
}

// TestCaseDraws checks that each CASES entry is drawn CaseDraws times
// with fresh rngs, and that a factory ignoring its rng runs once.
func TestCaseDraws(t *testing.T) {
	sigs := []funcSig{{Name: "scaled", Params: []refParam{{Name: "c", Type: "int"}}}}
	files := map[string]string{"kernels.py": roleKernels, "cases.py": roleCases}
	for _, draws := range []int{0, 1, 5} {
		got := refRun(t, files, sigs, Options{Seed: 1, N: 3, Cases: "cases.py", CaseDraws: draws})
		want := max(draws, 1) + 1
		distinct := map[string]bool{}
		for _, o := range got["scaled"] {
			distinct[o.String()] = true
		}
		if len(got["scaled"]) != want || len(distinct) != want {
			t.Errorf("CaseDraws %d: %d cases (%d distinct), want %d", draws, len(got["scaled"]), len(distinct), want)
		}
	}
}
