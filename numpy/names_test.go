package numpy

import (
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/internal/golden"
)

// TestNames keeps names.txt equal to numpy's own list of its public names
// (PYC2GO_UPDATE=1 rewrites it).
func TestNames(t *testing.T) {
	var b strings.Builder
	b.WriteString("# numpy 1.24's public names, from testdata/numpy_names_probe.py (see names.go).\n" +
		"# Regenerate: PYC2GO_UPDATE=1 go test ./numpy -run TestNames\n")
	for _, line := range probe(t, "numpy_names_probe.py") {
		f := strings.Fields(line)
		for _, name := range f[1:] {
			b.WriteString(f[0] + " " + name + "\n")
		}
	}
	golden.Check(t, "names.txt", []byte(b.String()))
}

// TestRowsAreNumpy checks that every row names something numpy has, so
// the registry cannot claim a function numpy lacks.
func TestRowsAreNumpy(t *testing.T) {
	for _, r := range Rows() {
		for _, n := range r.Names() {
			ns := r.Namespace()
			if r.Kind == Attribute || r.Forms == Meth {
				ns = "ndarray"
			}
			if !Has(ns, n) {
				t.Errorf("row %s: %s has no public name %s", r.Name, ns, n)
			}
			if r.Forms&Meth != 0 && n == r.Name && !Has("ndarray", n) {
				t.Errorf("row %s: ndarray has no method %s", r.Name, n)
			}
		}
	}
}

func TestUnsupported(t *testing.T) {
	tests := []struct{ ns, name, disp, want string }{
		{"numpy", "cross", "np.cross", "np.cross is not supported yet"},
		{"numpy", "newaxis", "np.newaxis", "np.newaxis is not supported yet"},
		{"numpy", "random", "np.random", "np.random is not supported yet"},
		{"numpy.random", "rand", "np.random.rand", "np.random.rand is not supported yet"},
		{"numpy.random", "rnd", "np.random.rnd", "module 'numpy.random' has no attribute 'rnd'"},
		{"numpy", "sine", "np.sine", "module 'numpy' has no attribute 'sine'; did you mean np.sin or np.sinh?"},
		{"numpy", "cumsun", "numpy.cumsun", "module 'numpy' has no attribute 'cumsun'; did you mean numpy.cumsum?"},
		{"numpy", "bool", "np.bool", "module 'numpy' has no attribute 'bool'; did you mean np.bool_?"},
		{"numpy", "frobnicate", "np.frobnicate", "module 'numpy' has no attribute 'frobnicate'"},
	}
	for _, tt := range tests {
		if got := Unsupported(tt.ns, tt.name, tt.disp); got != tt.want {
			t.Errorf("Unsupported(%s, %s) = %q, want %q", tt.ns, tt.name, got, tt.want)
		}
	}
	if got, want := UnsupportedMethod("sort", true), "the array method sort() is not supported yet"; got != want {
		t.Errorf("UnsupportedMethod(sort) = %q, want %q", got, want)
	}
	if got, want := UnsupportedMethod("summ", true), "'numpy.ndarray' object has no attribute 'summ'; did you mean sum?"; got != want {
		t.Errorf("UnsupportedMethod(summ) = %q, want %q", got, want)
	}
}
