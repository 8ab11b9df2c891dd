package nprand

import (
	"bytes"
	"fmt"
	"math"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// The C runtime (runtime/c/src/pyc2go_random.c) runs the same cases
// through testdata/randtest.c, built with gcc and with clang under the
// C backend's warnings, and must print exactly what numpy prints: it
// calls the C library where numpy does, so no value is exempt.

var cCompilers = []string{"gcc", "clang"}

// buildRandtest compiles testdata/randtest.c with the C runtime, with
// OpenMP, as run and verify build C kernels.
func buildRandtest(t *testing.T, cc string) string {
	t.Helper()
	if _, err := exec.LookPath(cc); err != nil {
		t.Fatalf("%s not found: the C runtime tests need it (apt-get install -y gcc clang libomp-dev)", cc)
	}
	bin := filepath.Join(t.TempDir(), "randtest-"+cc)
	args := []string{"-std=c11", "-O2", "-fopenmp", "-Wall", "-Wextra", "-Werror", "-I", "../c/src",
		"-o", bin, "testdata/randtest.c", "../c/src/pyc2go_random.c", "../c/src/pyc2go_runtime.c", "-lm"}
	if out, err := exec.Command(cc, args...).CombinedOutput(); err != nil {
		t.Fatalf("%s %s: %v\n%s", cc, strings.Join(args, " "), err, out)
	}
	return bin
}

func runC(t *testing.T, bin string, cases []string) []string {
	t.Helper()
	cmd := exec.Command(bin)
	cmd.Stdin = strings.NewReader(strings.Join(cases, "\n") + "\n")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", bin, err, stderr.String())
	}
	return splitLines(string(out))
}

func TestCMatchesNumpy(t *testing.T) {
	type set struct {
		key   string
		cases []string
		long  bool
	}
	sets := []set{
		{"legacy", legacyCases(), false},
		{"gen", genCases(), false},
		{"zig", zigCases(), true},
		{"legacy-many", []string{"legacy int:2024 ; randn 100000 ; stdexp 50000 ; normal -1 3 20001 ; randn 3"}, true},
	}
	for _, cc := range cCompilers {
		t.Run(cc, func(t *testing.T) {
			bin := buildRandtest(t, cc)
			// Threads sharing a state: each call atomic, no value lost.
			if out, err := exec.Command(bin, "threads").Output(); err != nil || string(out) != "legacy ok\ngenerator ok\n" {
				t.Errorf("%s threads: %v %q", cc, err, out)
			}
			for _, s := range sets {
				if s.long && testing.Short() {
					continue
				}
				compareOutputs(t, cc, s.cases, numpyFor(t, s.key, s.cases), runC(t, bin, s.cases))
			}
		})
	}
}

// TestLibmPortsMatchGlibc compares log1p and log1pf with the C
// library's on every float32 input the ziggurat tails can produce and on
// 20 million float64 ones.
func TestLibmPortsMatchGlibc(t *testing.T) {
	if testing.Short() {
		t.Skip("37 million evaluations")
	}
	bin := buildRandtest(t, "gcc")
	out, err := exec.Command(bin, "libm").Output()
	if err != nil {
		t.Fatal(err)
	}
	want := splitLines(string(out))
	var wg sync.WaitGroup
	got := make([]string, 2)
	wg.Add(2)
	go func() {
		defer wg.Done()
		h := uint64(1469598103934665603)
		for k := uint32(0); k < 1<<24; k++ {
			y := log1pf(-(float32(k) * (1.0 / 16777216.0)))
			h = (h ^ uint64(math.Float32bits(y))) * 1099511628211
		}
		got[0] = fmt.Sprintf("%016x", h)
	}()
	go func() {
		defer wg.Done()
		h, s := uint64(1469598103934665603), uint64(88172645463325252)
		for i := 0; i < 20000000; i++ {
			s ^= s << 13
			s ^= s >> 7
			s ^= s << 17
			y := log1p(-(float64(s>>11) * (1.0 / 9007199254740992.0)))
			h = (h ^ math.Float64bits(y)) * 1099511628211
		}
		got[1] = fmt.Sprintf("%016x", h)
	}()
	wg.Wait()
	for i, name := range []string{"log1pf", "log1p"} {
		if got[i] != want[i] {
			t.Errorf("%s: Go hash %s, glibc %s", name, got[i], want[i])
		}
	}
}
