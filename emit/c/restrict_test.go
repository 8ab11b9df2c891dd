package emitc_test

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/driver"
	emitc "github.com/pyc2go/pyc2go/emit/c"
	"github.com/pyc2go/pyc2go/opt"
	cruntime "github.com/pyc2go/pyc2go/runtime/c"
)

// TestRestrictVectorizes is the restrict pointers' reason to exist: at
// gcc -O3 every loop of these kernels vectorises, and none behind a
// run-time alias check ("versioned for vectorization because of possible
// aliasing"), which is what gcc does with the restrict pass disabled. The
// kernels also run, against plain C loops, at -O3: a wrong restrict would
// show as wrong sums there.
func TestRestrictVectorizes(t *testing.T) {
	cc := needCC(t, "gcc")
	if v, err := exec.Command(cc, "--version").Output(); err != nil || !strings.Contains(string(v), "Free Software Foundation") {
		t.Skipf("%s is not gcc: -fopt-info is gcc's", cc)
	}
	const py = `import numpy as np


def scale(x: "float64[:]", a: float) -> "float64[:]":
    out = np.zeros(x.shape[0])
    for i in range(x.shape[0]):
        out[i] = a * x[i] + 1.0
    return out


def matmul_into(a: "float64[:, :]", b: "float64[:, :]", c: "float64[:, :]") -> None:
    for i in range(c.shape[0]):
        for j in range(c.shape[1]):
            for k in range(a.shape[1]):
                c[i, j] += a[i, k] * b[k, j]
`
	const mainC = `#include <stdio.h>
#include "kern.h"

int main(void) {
	enum { N = 37 };
	static double x[N * N], y[N * N], z[N * N], w[N * N];
	for (int i = 0; i < N * N; i++) { x[i] = i % 7 - 3; y[i] = i % 5 - 2; }
	pyc2go_array_float64 X = {x, 0, 1, {N * N}, {1}, NULL}, out;
	pyc2go_error err;
	if (kern_scale(&X, 2.0, &out, &err)) return 2;
	for (int i = 0; i < N * N; i++)
		if (out.data[i] != 2.0 * x[i] + 1.0) { printf("scale[%d] = %g\n", i, out.data[i]); return 1; }
	pyc2go_array_float64 A = {x, 0, 2, {N, N}, {N, 1}, NULL}, B = {y, 0, 2, {N, N}, {N, 1}, NULL}, C = {z, 0, 2, {N, N}, {N, 1}, NULL};
	if (kern_matmul_into(&A, &B, &C, &err)) return 2;
	for (int i = 0; i < N; i++)
		for (int j = 0; j < N; j++) {
			for (int k = 0; k < N; k++) w[i * N + j] += x[i * N + k] * y[k * N + j];
			if (w[i * N + j] != z[i * N + j]) { printf("c[%d, %d] = %g, want %g\n", i, j, z[i * N + j], w[i * N + j]); return 1; }
		}
	return 0;
}
`
	dir := t.TempDir()
	src := filepath.Join(dir, "kern.py")
	files := cruntime.Files()
	files["main.c"] = []byte(mainC)
	writeFiles(t, dir, files)
	// report compiles the kernels with or without the pass and returns
	// gcc's vectoriser remarks.
	report := func(withRestrict bool) string {
		cfg := driver.Config{Opt: opt.Config{OptLevel: 2}}
		if !withRestrict {
			cfg.Opt.Disable = map[string]bool{"restrict": true}
		}
		res, err := driver.Compile(src, []byte(py), cfg)
		if err != nil {
			t.Fatal(err)
		}
		out, err := emitc.File(res.Module, emitc.Config{LineDirectives: true})
		if err != nil {
			t.Fatal(err)
		}
		writeFiles(t, dir, map[string][]byte{out.HeaderName: out.Header, out.SourceName: out.Source})
		if withRestrict && !strings.Contains(string(out.Source), "*restrict ") {
			t.Fatalf("no restrict pointers in the C:\n%s", out.Source)
		}
		cmd := exec.Command(cc, "-std=c11", "-O3", "-Wall", "-Wextra", "-Werror", "-fopt-info-vec-optimized",
			"main.c", out.SourceName, cruntime.Runtime, "-lm", "-o", "kern")
		cmd.Dir = dir
		msg, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%v\n%s", err, msg)
		}
		run := exec.Command("./kern")
		run.Dir = dir
		if out, err := run.CombinedOutput(); err != nil {
			t.Fatalf("restrict=%v: %v\n%s", withRestrict, err, out)
		}
		var kern []string // remarks about kern.py's loops
		for _, l := range strings.Split(string(msg), "\n") {
			if strings.HasPrefix(l, "kern.py:") {
				kern = append(kern, l)
			}
		}
		return strings.Join(kern, "\n")
	}
	const versioned = "because of possible aliasing"
	without := report(false)
	if !strings.Contains(without, versioned) {
		t.Fatalf("without the restrict pass gcc no longer versions these loops for aliasing, so the test shows nothing:\n%s", without)
	}
	with := report(true)
	if strings.Contains(with, versioned) || strings.Count(with, "loop vectorized") < strings.Count(without, "loop vectorized") {
		t.Errorf("with restrict, want every loop gcc vectorised before vectorised without an alias check\nwithout:\n%s\nwith:\n%s", without, with)
	}
}
