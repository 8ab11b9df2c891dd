package numpy

import (
	"bytes"
	"math"
	"os/exec"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/internal/golden"
	"github.com/pyc2go/pyc2go/ir"
)

// probe runs a probe script of testdata with the reference interpreter
// and returns its output lines.
func probe(t *testing.T, script string) []string {
	t.Helper()
	cmd := exec.Command("/usr/bin/python3", script)
	cmd.Dir = "testdata"
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s failed: %v\n%s(needs /usr/bin/python3 with numpy: apt-get install -y python3-numpy)", script, err, stderr.String())
	}
	return strings.Split(strings.TrimSpace(string(out)), "\n")
}

// TestDTypes is the oracle of dtypes.txt: numpy itself. The probe's
// output, compacted by the rules of dtype.go, must be the committed file
// (PYC2GO_UPDATE=1 rewrites it), and the rules must expand the committed
// file back to every line of the probe, so array dtypes cannot drift from
// numpy 1.24 and no rule can drop a case.
func TestDTypes(t *testing.T) {
	lines := probe(t, "numpy_array_probe.py")
	golden.Check(t, "dtypes.txt", []byte(compactDTypes(lines)))

	tab := parseDTypes(dtypesText)
	bad := 0
	for _, line := range lines {
		lhs, want, _ := strings.Cut(line, " -> ")
		if got := lookupLine(tab, lhs); got != want {
			if bad++; bad <= 20 {
				t.Errorf("%s: dtypes.txt gives %q, numpy %q", lhs, got, want)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d probe lines differ; regenerate with PYC2GO_UPDATE=1 go test ./numpy -run TestDTypes", bad, len(lines))
	}
	if n := strings.Count(dtypesText, "\n"); n*5 > len(lines) {
		t.Errorf("dtypes.txt has %d lines for %d probe lines: the rules no longer cover most cases", n, len(lines))
	}
}

// lookupLine answers one probe line's left side from a parsed table.
func lookupLine(t *dtypeTable, lhs string) string {
	f := strings.Fields(lhs)
	switch f[0] {
	case "aa":
		return t.arrayArray(f[1], scalarNamed(f[2]), scalarNamed(f[3]))
	case "as":
		return t.arrayScalar(f[1], scalarNamed(f[2]), f[3], false)
	case "sa":
		return t.arrayScalar(f[1], scalarNamed(f[3]), f[2], true)
	}
	return t.lines[lhs]
}

// compactDTypes keeps the probe lines the rules cannot derive: every un,
// fn and ck line, the diagonal of aa and its exceptions, the value
// classes, and the as/sa lines the value rule gets wrong.
func compactDTypes(lines []string) string {
	var b strings.Builder
	b.WriteString("# numpy 1.24's array dtypes, compacted from testdata/numpy_array_probe.py\n" +
		"# by TestDTypes (see dtype.go for the format and the rules that expand it).\n" +
		"# Regenerate: PYC2GO_UPDATE=1 go test ./numpy -run TestDTypes\n")
	// First pass: the lines kept verbatim and the aa diagonal, so the aa
	// rule can be asked about the other aa lines.
	tab := &dtypeTable{lines: map[string]string{}, diag: map[string]*[ir.Complex128 + 1]string{}, classes: map[ir.Scalar][]string{}}
	var kept []string
	seen := map[string]bool{}
	for _, line := range lines {
		lhs, res, _ := strings.Cut(line, " -> ")
		f := strings.Fields(lhs)
		switch {
		case f[0] == "aa" && f[2] == f[3]:
			d := tab.diag[f[1]]
			if d == nil {
				d = new([ir.Complex128 + 1]string)
				tab.diag[f[1]] = d
			}
			d[scalarNamed(f[2])] = res
			kept = append(kept, line)
		case f[0] == "as" && !seen[f[3]]:
			seen[f[3]] = true
			k, _, _ := strings.Cut(f[3], ":")
			tab.classes[scalarNamed(k)] = append(tab.classes[scalarNamed(k)], f[3])
			kept = append(kept, "cl "+f[3])
		}
	}
	for _, line := range lines {
		lhs, res, _ := strings.Cut(line, " -> ")
		f := strings.Fields(lhs)
		switch f[0] {
		case "un", "fn", "ck":
			kept = append(kept, line)
		case "aa":
			if f[2] != f[3] && tab.arrayArray(f[1], scalarNamed(f[2]), scalarNamed(f[3])) != res {
				kept = append(kept, line)
				tab.lines[lhs] = res
			}
		}
	}
	for _, line := range lines {
		lhs, res, _ := strings.Cut(line, " -> ")
		if f := strings.Fields(lhs); (f[0] == "as" || f[0] == "sa") && lookupLine(tab, lhs) != res {
			kept = append(kept, line)
		}
	}
	// Verbatim lines first, in probe order, then the classes and the
	// exceptions, so that the file reads top-down.
	order := map[string]int{"un": 0, "fn": 1, "ck": 2, "aa": 3, "cl": 4, "as": 5, "sa": 5}
	for pass := 0; pass <= 5; pass++ {
		for _, line := range kept {
			if order[line[:2]] == pass {
				b.WriteString(line)
				b.WriteByte('\n')
			}
		}
	}
	return b.String()
}

// TestPromote checks Promote against the aa rows of "+", which are
// np.promote_types for every pair (bool + bool included).
func TestPromote(t *testing.T) {
	tab := dtypes()
	for l := ir.Bool; l <= ir.Complex128; l++ {
		for r := ir.Bool; r <= ir.Complex128; r++ {
			want := tab.arrayArray("+", l, r)
			if got := Promote(l, r).String(); got != want {
				t.Errorf("Promote(%s, %s) = %s, want %s", l, r, got, want)
			}
		}
	}
}

// TestScalarDType spot-checks value-based casting through the lookup
// code (the class of constants, the all-classes rule for scalars only
// known at run time).
func TestScalarDType(t *testing.T) {
	tests := []struct {
		op   string
		arr  ir.Scalar
		sc   Scalar
		left bool
		want string
	}{
		{"+", ir.Int8, Scalar{ir.Int64, int64(1)}, false, "int8"},
		{"+", ir.Int8, Scalar{ir.Int64, int64(127)}, false, "int8"},
		{"+", ir.Int8, Scalar{ir.Int64, int64(128)}, false, "int16"},
		{"+", ir.Int8, Scalar{ir.Int64, int64(1000)}, false, "int16"},
		{"+", ir.Uint8, Scalar{ir.Int64, int64(-1)}, false, "int16"},
		{"*", ir.Float32, Scalar{ir.Float64, 2.0}, false, "float32"},
		{"*", ir.Float32, Scalar{ir.Float64, 1e300}, false, "float64"},
		{"/", ir.Int64, Scalar{ir.Int64, int64(2)}, false, "float64"},
		{"+", ir.Bool, Scalar{ir.Bool, true}, false, "bool"},
		{"+", ir.Int8, Scalar{ir.Float64, 2.5}, false, "float64"},
		{"-", ir.Float32, Scalar{ir.Float64, 2.5}, true, "float32"},
		{"+", ir.Float64, Scalar{ir.Float64, nil}, false, "float64"},
		{"+", ir.Int64, Scalar{ir.Int64, nil}, false, "int64"},
		{"+", ir.Int32, Scalar{ir.Int32, nil}, false, "int32"},
		{"+", ir.Int32, Scalar{ir.Int64, nil}, false, "int32"},       // guarded: 2**31 would make it int64
		{"*", ir.Float32, Scalar{ir.Float64, nil}, false, "float32"}, // guarded: 1e300 would make it float64
		{"+", ir.Int8, Scalar{ir.Float64, nil}, false, "float64"},    // a float beside ints is not cast by value
		{"**", ir.Int64, Scalar{ir.Int64, int64(-1)}, false, "error"},
		{"**", ir.Int64, Scalar{ir.Int64, nil}, false, "int64"},
		{"**", ir.Int64, Scalar{ir.Int64, int64(-2)}, true, "int64"},
		{"power", ir.Int64, Scalar{ir.Int64, int64(-2)}, true, "int64"},
		{"power", ir.Int64, Scalar{ir.Int64, int64(-2)}, false, "error"},
	}
	for _, tt := range tests {
		k, _, msg := ScalarDType(tt.op, tt.arr, tt.sc, tt.left)
		got := k.String()
		if msg != "" {
			got = "error"
		}
		if got != tt.want {
			t.Errorf("%s array %s %v (left %v) = %s (%s), want %s", tt.arr, tt.op, tt.sc, tt.left, got, msg, tt.want)
		}
	}
}

// TestValueGuard checks the ranges of run-time scalars for which numpy
// 1.24 keeps the compiled dtype, against values numpy was asked about
// (/usr/bin/python3: np.ones(3, dtype) OP value).
func TestValueGuard(t *testing.T) {
	tests := []struct {
		op     string
		arr    ir.Scalar
		sc     ir.Scalar
		want   string // the compiled dtype
		lo, hi int64
		maxAbs float64
		others string
	}{
		{"*", ir.Int32, ir.Int64, "int32", math.MinInt32, math.MaxInt32, 0, "int64"},
		{"+", ir.Uint8, ir.Int64, "uint8", 0, 255, 0, "int16 int32 int64 uint16 uint32 uint64"},
		{"*", ir.Float32, ir.Int64, "float32", -32768, 65535, 0, "float64"},
		{"-", ir.Uint64, ir.Int64, "uint64", 0, math.MaxInt64, 0, "float64"},
		{"*", ir.Float32, ir.Float64, "float32", 0, 0, 3.4e38, "float64"},
		{"+", ir.Complex64, ir.Float64, "complex64", 0, 0, 3.4e38, "complex128"},
		{"**", ir.Int16, ir.Int64, "int16", math.MinInt64, 32767, 0, "int32 int64"},
	}
	for _, tt := range tests {
		k, g, msg := ScalarDType(tt.op, tt.arr, Scalar{Kind: tt.sc}, false)
		if msg != "" || g == nil {
			t.Errorf("%s array %s %s: %v, %v, %q; want a guard", tt.arr, tt.op, tt.sc, k, g, msg)
			continue
		}
		if k.String() != tt.want || g.Lo != tt.lo || g.Hi != tt.hi || g.MaxAbs != tt.maxAbs || strings.Join(g.Others, " ") != tt.others {
			t.Errorf("%s array %s %s = %s, guard [%d, %d] |x| <= %g outside %v; want %s [%d, %d] %g %s",
				tt.arr, tt.op, tt.sc, k, g.Lo, g.Hi, g.MaxAbs, g.Others, tt.want, tt.lo, tt.hi, tt.maxAbs, tt.others)
		}
	}
}
