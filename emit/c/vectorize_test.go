package emitc_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/driver"
	emitc "github.com/pyc2go/pyc2go/emit/c"
	"github.com/pyc2go/pyc2go/opt"
	cruntime "github.com/pyc2go/pyc2go/runtime/c"
)

// TestVectorizedUnrolledSum builds the unroll pass's four-accumulator
// integer sums at -O3 (the documented build line, where the loop
// vectoriser runs), with gcc and with clang, and checks them against a
// plain C loop for every length up to 40, contiguous and strided. gcc 12.2 miscompiled the contiguous copy
// (76 for 147) while the generated code reloaded a->data each iteration;
// the emitter now reads it once (dataOf), and this test keeps it that way.
func TestVectorizedUnrolledSum(t *testing.T) {
	const py = `import numpy as np


def np_total(a: "int64[:]") -> int:
    return np.sum(a)


def loop_total(a: "int64[:]") -> int:
    s = 0
    for i in range(a.shape[0]):
        s += a[i]
    return s
`
	const driverC = `#include <stdio.h>
#include <stdlib.h>
#include "sums.h"

int main(void) {
	int bad = 0;
	for (int n = 0; n <= 40; n++) {
		for (int st = 1; st <= 3; st += 2) {
			int64_t *buf = malloc(sizeof(int64_t) * (size_t)(n * st + 1));
			int64_t want = 0;
			for (int i = 0; i < n * st; i++) buf[i] = (int64_t)i * 7 - 3;
			for (int i = 0; i < n; i++) want += buf[i * st];
			pyc2go_array_int64 a = {0};
			a.data = buf; a.ndim = 1; a.shape[0] = n; a.strides[0] = st;
			int64_t got1 = 0, got2 = 0;
			pyc2go_error err;
			if (sums_np_total(&a, &got1, &err) || sums_loop_total(&a, &got2, &err)) {
				printf("n=%d stride=%d: raised %s\n", n, st, err.exc); bad = 1;
			}
			if (got1 != want || got2 != want) {
				printf("n=%d stride=%d: np_total %lld, loop_total %lld, want %lld\n", n, st, (long long)got1, (long long)got2, (long long)want);
				bad = 1;
			}
			free(buf);
		}
	}
	return bad;
}
`
	dir := t.TempDir()
	src := filepath.Join(dir, "sums.py")
	if err := os.WriteFile(src, []byte(py), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := driver.Compile(src, []byte(py), driver.Config{Opt: opt.Config{OptLevel: 2}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.IR(), "_u1") {
		t.Fatalf("the unroll pass no longer makes several accumulators here; the test needs a kernel it unrolls:\n%s", res.IR())
	}
	out, err := emitc.File(res.Module, emitc.Config{})
	if err != nil {
		t.Fatal(err)
	}
	files := cruntime.Files()
	files[out.HeaderName], files[out.SourceName], files["main.c"] = out.Header, out.Source, []byte(driverC)
	writeFiles(t, dir, files)
	for _, name := range testCompilers() {
		t.Run(name, func(t *testing.T) {
			cc := needCC(t, name)
			build := exec.Command(cc, "-std=c11", "-O3", "-Wall", "-Wextra", "-Werror", "main.c", out.SourceName, cruntime.Runtime, "-lm", "-o", "sums-"+name)
			build.Dir = dir
			if msg, err := build.CombinedOutput(); err != nil {
				t.Fatalf("%v\n%s", err, msg)
			}
			run := exec.Command("./sums-" + name)
			run.Dir = dir
			if msg, err := run.CombinedOutput(); err != nil {
				t.Fatalf("%v\n%s", err, msg)
			}
		})
	}
}
