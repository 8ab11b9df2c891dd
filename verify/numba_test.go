package verify

import (
	"os/exec"
	"testing"
)

// numbaKernels is a kernel file as a numba user writes it. Under a real
// numba, first() of an empty array reads past the data instead of raising,
// and is_plain_python() is compiled: both would make the reference run
// numba's semantics instead of CPython's.
const numbaKernels = `import numba
from numba import njit, prange


@njit
def first(p: "float64[:]") -> float:
    return p[0]


@numba.njit(parallel=True, cache=True)
def total(p: "float64[:]") -> float:
    s = 0.0
    for i in prange(p.shape[0]):
        s += p[i]
    return s


@njit
def is_plain_python() -> bool:
    return not hasattr(first, "py_func")
`

const numbaCases = `import numpy as np

CASES = [
    ("first", lambda rng: (np.zeros(0),)),
    ("total", lambda rng: (np.arange(4.0),)),
    ("is_plain_python", lambda rng: ()),
]
`

// TestReferenceIgnoresNumba checks that the reference run is CPython even
// where numba is importable: numba's decorators and prange are the
// identity there (verify/ref.py's numba_shim). CI installs python3-numba
// so that this runs against a real numba; without one it still checks the
// shim.
func TestReferenceIgnoresNumba(t *testing.T) {
	if py, err := FindPython(""); err == nil && exec.Command(py, "-c", "import numba").Run() != nil {
		t.Logf("%s cannot import numba: checking the shim alone (apt-get install -y python3-numba)", py)
	}
	arr := refParam{Name: "p", Type: "float64[:]", Dtype: "float64", Rank: 1}
	sigs := []funcSig{
		{Name: "first", Params: []refParam{arr}},
		{Name: "total", Params: []refParam{arr}},
		{Name: "is_plain_python"},
	}
	files := map[string]string{"kernels.py": numbaKernels, "kernels_cases.py": numbaCases}
	got := refRun(t, files, sigs, Options{Seed: 1, N: 1, Cases: "kernels_cases.py"})
	want := map[string]string{
		"first":           "IndexError: index 0 is out of bounds for axis 0 with size 0",
		"total":           "6.0",
		"is_plain_python": "True",
	}
	for name, w := range want {
		if len(got[name]) != 1 || got[name][0].String() != w {
			t.Errorf("reference %s() = %v, want CPython's %q", name, got[name], w)
		}
	}
}
