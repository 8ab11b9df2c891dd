package cruntime

import (
	"bufio"
	"math"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/runtime"
)

// formatMain reads "kind bits spec" lines and prints each value formatted
// by the C runtime, one line each.
const formatMain = `#include "pyc2go.h"
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
int main(void) {
	char line[512];
	while (fgets(line, sizeof line, stdin)) {
		line[strcspn(line, "\n")] = 0;
		char kind = line[0];
		char *p = line + 2;
		pyc2go_str s = {0};
		char *spec = strchr(p, ' ');
		*spec++ = 0;
		if (kind == 'f') {
			uint64_t b = strtoull(p, NULL, 16); double x; memcpy(&x, &b, 8);
			pyc2go_str_float(&s, x, spec);
		} else if (kind == 'g') {
			uint64_t b = strtoull(p, NULL, 16); double x; memcpy(&x, &b, 8);
			pyc2go_str_float32(&s, (float)x, spec);
		} else if (kind == 'i') {
			pyc2go_str_int(&s, strtoll(p, NULL, 10), spec);
		} else if (kind == 'b') {
			pyc2go_str_bool(&s, strcmp(p, "True") == 0, spec);
		} else if (kind == 'c') {
			char *q = strchr(p, ',');
			*q++ = 0;
			uint64_t b1 = strtoull(p, NULL, 16), b2 = strtoull(q, NULL, 16); double re, im;
			memcpy(&re, &b1, 8); memcpy(&im, &b2, 8);
			pyc2go_str_complex(&s, re, im, spec);
		} else {
			pyc2go_str_text(&s, p, spec);
		}
		printf("%s|\n", pyc2go_str_cstr(&s));
		pyc2go_str_free(&s);
	}
	return 0;
}
`

// TestFormatMatchesGo holds the C formatter to the Go one (which
// runtime's TestFormatSpec holds to CPython) on the same cases and more
// floats, float32 reprs included.
func TestFormatMatchesGo(t *testing.T) {
	cc := os.Getenv("CC")
	if cc == "" {
		cc = "gcc"
	}
	if _, err := exec.LookPath(cc); err != nil {
		t.Skipf("no C compiler: %v", err)
	}
	dir := t.TempDir()
	for name, data := range Files() {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "main.c"), []byte(formatMain), 0o644); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "fmt")
	if out, err := exec.Command(cc, "-std=c11", "-Wall", "-Wextra", "-Werror", "-O2", "-fopenmp", "-o", bin,
		filepath.Join(dir, "main.c"), filepath.Join(dir, Runtime), "-lm").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	floats := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 0.5, 2.5, 1.0 / 3, -2.0 / 3, 1e16, 9999999999999998, 1e15, 123456.789,
		-9876543.21, 1e-5, 0.0001, 0.00011, 1.5e-7, 1e100, 5e-324, 1.7976931348623157e308, 99.995, 0.125, 1234.5, 12.0, 1e22,
		math.Inf(1), math.Inf(-1), math.NaN(), 100, 3.14159265358979, 2.220446049250313e-16, 1e-310, 123456789012345678}
	specs := []string{"", ".3f", ".0f", "#.0f", "8.2f", "<8.2f", "^9.1f", "+.2f", " .2f", "08.3f", "+08.2f", ",.2f", "_.1f",
		".2e", ">12.3e", "E", ".0e", "#.0e", "g", ".3g", "#.3g", "G", ".10g", ".1g", ".3", ".12", "10", "<10", "*^12",
		"%", ".1%", "=+10.2f", "010", "+", " ", ",", "→^11.2f"}
	// Powers of two (asymmetric rounding intervals), exact decimal ties
	// (2**-24 is 5.9604644775390625e-08) and random bit patterns.
	for k := -1074; k <= 1023; k += 7 {
		floats = append(floats, math.Ldexp(1, k))
	}
	rng := rand.New(rand.NewSource(1))
	for range 1000 {
		floats = append(floats, math.Float64frombits(rng.Uint64()))
	}
	var in, want []string
	for _, x := range floats {
		b := strconv.FormatUint(math.Float64bits(x), 16)
		in = append(in, "f "+b+" ")
		want = append(want, runtime.FormatFloat(x))
	}
	for _, spec := range specs[:12] {
		for _, x := range floats {
			b := strconv.FormatUint(math.Float64bits(x), 16)
			in = append(in, "f "+b+" "+spec)
			want = append(want, runtime.FormatFloatSpec(x, spec))
		}
	}
	for _, x := range floats {
		b := strconv.FormatUint(math.Float64bits(float64(float32(x))), 16)
		in = append(in, "g "+b+" ")
		want = append(want, runtime.FormatFloat32(float32(x)))
	}
	ints := []int64{0, 1, -1, 7, 42, -42, 1000, 123456789, -9876543210, math.MaxInt64, math.MinInt64}
	for _, spec := range []string{"", "d", "5d", "<5d", "^7d", "05d", "+d", " d", ",d", "_d", "x", "#x", "X", "#X", "o", "#o", "b", "#b", "_b", ".2f", "e", "g", "%", "10", "=+8d", "*>6"} {
		for _, v := range ints {
			in = append(in, "i "+strconv.FormatInt(v, 10)+" "+spec)
			want = append(want, runtime.FormatIntSpec(v, spec))
		}
		for _, v := range []bool{true, false} {
			in = append(in, "b "+runtime.FormatBool(v)+" "+spec)
			want = append(want, runtime.FormatBoolSpec(v, spec))
		}
	}
	for _, spec := range []string{"", ".2f", "10", ">20.3e", ".3", "g", "+.1f"} {
		for _, z := range []complex128{1 + 2i, complex(-1.5, -0.25), complex(0, 1), complex(math.Copysign(0, -1), 3), complex(1e20, 1e-7), complex(math.NaN(), math.Inf(-1))} {
			in = append(in, "c "+strconv.FormatUint(math.Float64bits(real(z)), 16)+","+strconv.FormatUint(math.Float64bits(imag(z)), 16)+" "+spec)
			want = append(want, runtime.FormatComplexSpec(z, spec))
		}
	}
	for _, spec := range []string{"", "10", "<10", ">10", "^10", ".3", "*^9.2"} {
		in = append(in, "s héllo "+spec)
		want = append(want, runtime.FormatStrSpec("héllo", spec))
	}
	cmd := exec.Command(bin)
	cmd.Stdin = strings.NewReader(strings.Join(in, "\n") + "\n")
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	i := 0
	for sc.Scan() {
		got := strings.TrimSuffix(sc.Text(), "|")
		if i < len(want) && got != want[i] {
			t.Errorf("%s: C %q, Go %q", in[i], got, want[i])
		}
		i++
	}
	if i != len(want) {
		t.Errorf("C printed %d lines for %d cases", i, len(want))
	}
}
