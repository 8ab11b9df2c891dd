package nprand

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/pyc2go/pyc2go/runtime"
)

// The differential tests run case lines (see testdata/numpy_ref.py)
// through numpy 1.24 and through this package and compare every value
// bit for bit. Expected values come from numpy at test time; none is
// written down here.

const refPython = "/usr/bin/python3"

// Seeds: the extremes numpy accepts, small ones, and ones whose
// SeedSequence entropy spans several 32-bit words.
var (
	legacySeeds = []string{"int:0", "int:1", "int:42", "int:12345", "int:4294967295", "arr:1,2,3", "arr:0", "arr:4294967295,7", "arr:5"}
	genSeeds    = []string{"int:0", "int:1", "int:42", "int:4294967295", "int:9223372036854775807",
		"int:18446744073709551615", "int:1267650600228229401496703205376", "seq:1,2,3", "seq:0", "seq:4294967296,5", "seq:1,2,3,4,5,6"}
)

// intRanges are (dtype, low, high) for randint/integers: whole dtype
// ranges, ranges that fit numpy's 32-bit path or just miss it, ranges of
// one value, and high=None.
var intRanges = [][3]string{
	{"int64", "0", "10"}, {"int64", "-1000000", "1000000"}, {"int64", "0", "4294967295"}, {"int64", "0", "4294967296"},
	{"int64", "0", "4294967297"}, {"int64", "0", "1099511627776"}, {"int64", "-9223372036854775808", "9223372036854775808"},
	{"int64", "-9223372036854775808", "9223372036854775807"}, {"int64", "5", "None"}, {"int64", "7", "8"},
	{"int8", "-128", "128"}, {"int8", "-5", "6"}, {"int16", "-32768", "32768"}, {"int16", "100", "1000"},
	{"int32", "-2147483648", "2147483648"}, {"int32", "0", "3"}, {"uint8", "0", "256"}, {"uint8", "3", "7"},
	{"uint16", "0", "65536"}, {"uint16", "0", "40000"}, {"uint32", "0", "4294967296"}, {"uint32", "10", "1000"},
	{"uint64", "0", "18446744073709551616"}, {"uint64", "0", "18446744073709551615"}, {"uint64", "18446744073709551000", "18446744073709551616"},
	{"bool", "0", "2"}, {"bool", "1", "2"}, {"bool", "0", "1"},
}

func legacyCases() []string {
	var cs []string
	for _, s := range legacySeeds {
		cs = append(cs,
			"legacy "+s+" ; rand 300 ; randn 301 ; randn s ; randn 2 ; normal 1.5 2.5 200 ; uniform -3 7 200 ; uniform 5 -2 10 ; exponential 2 200 ; stdexp 100 ; rand s",
			"legacy "+s+" ; randn 1 ; seed int:7 ; randn 2 ; randn 1 ; seed arr:7 ; randn 3",
			"legacy "+s+" ; choice 10 300 1 - ; choice 5 100 1 0.1,0,0.4,0.5,0 ; choice 10 5 0 - ; choice 6 4 0 0.2,0,0.3,0.1,0,0.4 ; choicearr 7 20 1 - ; choice 1000 3 0 - ; choice 5 s 1 - ; choice 5 s 0 0.5,0.5,0,0,0 ; choice 40 30 0 "+ramp(40),
			"legacy "+s+" ; perm 50 ; shuffle 40 ; shuffle2 7 3 ; permarr 6 2 ; shuffle 1 ; shuffle 0 ; shuffle2 3 0 ; perm 1 ; perm 0 ; rand 3")
		ops := []string{"legacy " + s}
		for _, r := range intRanges {
			ops = append(ops, fmt.Sprintf("randint %s %s %s 60", r[0], r[1], r[2]))
		}
		ops = append(ops, "randint int64 0 10 s", "randint int8 0 10 s", "rand 2")
		cs = append(cs, strings.Join(ops, " ; "))
	}
	// numpy's errors, each followed by a draw: an error must leave the
	// state as numpy leaves it.
	cs = append(cs,
		"legacy int:-1", "legacy int:4294967296", "legacy arr:", "legacy arr:1,-2", "legacy arr:4294967296",
		"legacy int:3 ; normal 0 -1 3 ; normal 0 -0.0 2 ; normal 0 nan 2 ; exponential -1 2 ; exponential -0.0 2 ; uniform 0 inf 2 ; uniform nan 1 2 ; rand 2",
		"legacy int:3 ; randint int64 0 None 3 ; randint int64 -5 None 3 ; randint int64 5 5 3 ; randint int64 5 -5 3 ; randint uint8 -1 None 3 ; randint uint8 0 257 2 ; randint int8 -129 0 2 ; randint bool 0 3 2 ; randint int64 0 9223372036854775809 2 ; randint uint64 0 18446744073709551617 2 ; randint int64 5 5 0 ; randint uint8 0 0 2 ; rand 2",
		"legacy int:3 ; choice 0 1 1 - ; choice -1 1 1 - ; choicearr 0 2 1 - ; choice 0 0 1 - ; choice 0 0 0 - ; choice 5 6 0 - ; choice 5 3 1 0.5,0.5 ; choice 3 2 1 0.5,0.6,-0.1 ; choice 3 2 1 0.5,0.6,0.1 ; choice 3 2 1 0.5,nan,0.5 ; choice 3 3 0 0.5,0.5,0 ; rand 2",
		"legacy int:3 ; seed int:-5 ; rand 2 ; seed int:4294967296 ; rand 2 ; seed arr: ; rand 2",
		"legacy int:3 ; rand 0 ; randn 0 ; normal 0 1 0 ; randint int64 0 10 0 ; choice 5 0 0 - ; choice 5 0 1 - ; rand 2",
		"legacy int:9 ; choice 3 2 1 0.3333333,0.3333333,0.3333334 ; choice 3 2 1 0.3,0.3,0.39999999 ; choice 3 2 1 0.3,0.3,0.3999999",
	)
	return cs
}

// ramp is a p vector of n entries proportional to 0, 1, ..., n-1.
func ramp(n int) string {
	s := make([]string, n)
	tot := float64(n * (n - 1) / 2)
	for i := range s {
		s[i] = strconv.FormatFloat(float64(i)/tot, 'g', -1, 64)
	}
	return strings.Join(s, ",")
}

func genCases() []string {
	var cs []string
	for _, s := range genSeeds {
		cs = append(cs,
			"gen "+s+" ; random 300 ; random32 301 ; random 3 ; random32 2 ; random32 s ; stdnorm 300 ; stdnorm32 301 ; stdnorm s ; normal 1.5 2.5 200 ; uniform -3 7 200 ; exponential 2 200 ; stdexp 200 ; stdexp32 201 ; stdexp32 s ; random s",
			"gen "+s+" ; choice 10 300 1 - 1 ; choice 5 100 1 0.1,0,0.4,0.5,0 1 ; choice 10 5 0 - 1 ; choice 10 5 0 - 0 ; choice 6 4 0 0.2,0,0.3,0.1,0,0.4 1 ; choicearr 7 20 1 - 1 ; choice 1000 3 0 - 1 ; choice 20000 1000 0 - 1 ; choice 20000 1000 0 - 0 ; choice 20000 1001 0 - 0 ; choice 20000 20000 0 - 1 ; choice 5 s 1 - 1 ; choice 40 30 0 "+ramp(40)+" 1 ; random 2",
			"gen "+s+" ; perm 50 ; shuffle 40 ; shuffle2 7 3 ; permarr 6 2 ; shuffle 1 ; shuffle 0 ; shuffle2 3 0 ; perm 1 ; random 3")
		for _, endpoint := range []string{"0", "1"} {
			ops := []string{"gen " + s}
			for _, r := range intRanges {
				hi := r[2]
				if endpoint == "1" && hi != "None" {
					// [low, high-1] closed is the same range.
					hi = decr(hi)
				}
				ops = append(ops, fmt.Sprintf("integers %s %s %s %s 60", r[0], r[1], hi, endpoint))
			}
			ops = append(ops, "integers int64 0 10 0 s", "integers int16 0 10 0 s", "integers int64 0 1 1 7", "random 2")
			cs = append(cs, strings.Join(ops, " ; "))
		}
	}
	cs = append(cs,
		"gen int:-1", "gen seq:1,-2",
		"gen int:3 ; normal 0 -1 3 ; normal 0 -0.0 2 ; exponential -1 2 ; uniform 0 inf 2 ; uniform 1 0 2 ; uniform 0 -0.0 2 ; random 2",
		"gen int:3 ; integers int64 0 None 0 3 ; integers int64 -1 None 1 3 ; integers int64 5 5 0 3 ; integers int64 5 4 1 3 ; integers int64 5 5 1 3 ; integers uint64 -1 5 0 2 ; integers bool 0 2 1 2 ; integers int64 0 9223372036854775808 1 2 ; random 2",
		"gen int:3 ; choice 0 1 1 - 1 ; choice -1 1 1 - 1 ; choicearr 0 2 1 - 1 ; choice 0 0 1 - 1 ; choice 5 6 0 - 1 ; choice 5 3 1 0.5,0.5 1 ; choice 3 2 1 0.5,0.6,-0.1 1 ; choice 3 2 1 0.5,0.6,0.1 1 ; choice 3 3 0 0.5,0.5,0 1 ; random 2",
		"gen int:3 ; random 0 ; stdnorm 0 ; integers int64 0 10 0 0 ; choice 5 0 0 - 1 ; perm 0 ; random 2",
	)
	return cs
}

// decr is s-1 for a decimal integer string.
func decr(s string) string {
	b := bound(s).minus1()
	if b.hi < 0 {
		return strconv.FormatInt(int64(b.lo), 10)
	}
	if b.hi == 0 {
		return strconv.FormatUint(b.lo, 10)
	}
	return "18446744073709551616"
}

// numpyRef runs the cases through numpy and returns its output lines.
func numpyRef(t testing.TB, cases []string) []string {
	t.Helper()
	if _, err := os.Stat(refPython); err != nil {
		t.Fatalf("%s not found; the tests need CPython with numpy 1.24: apt-get install -y python3-numpy", refPython)
	}
	cmd := exec.Command(refPython, "testdata/numpy_ref.py")
	cmd.Stdin = strings.NewReader(strings.Join(cases, "\n") + "\n")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("numpy reference failed: %v\n%s", err, stderr.String())
	}
	return strings.Split(strings.TrimRight(string(out), "\n"), "\n")
}

// compareOutputs reports the first differences between numpy's output
// (want) and a runtime's (got), naming the case and op of each.
func compareOutputs(t *testing.T, who string, cases []string, want, got []string) {
	t.Helper()
	if len(want) != len(got) {
		t.Fatalf("%s: %d output lines, numpy %d", who, len(got), len(want))
	}
	c, op, bad := 0, 0, 0
	for i := range want {
		if want[i] == "--" {
			c++
			op = 0
			continue
		}
		op++
		if want[i] == got[i] {
			continue
		}
		bad++
		if bad > 5 {
			continue
		}
		ops := strings.Split(cases[c], ";")
		name := strings.TrimSpace(ops[0])
		if op < len(ops) {
			name += " ; " + strings.TrimSpace(ops[op])
		}
		w, g := strings.Fields(want[i]), strings.Fields(got[i])
		k := 0
		for k < len(w) && k < len(g) && w[k] == g[k] {
			k++
		}
		t.Errorf("%s: case %q: value %d differs\nnumpy: %.200s\n   %s: %.200s", who, name, k, strings.Join(w[min(k, len(w)):], " "), who, strings.Join(g[min(k, len(g)):], " "))
	}
	if bad > 0 {
		t.Errorf("%s: %d ops differ from numpy", who, bad)
	}
}

var numpyOnce struct {
	sync.Mutex
	out map[string][]string
}

// numpyFor caches numpy's output per case list (the C tests reuse it).
func numpyFor(t testing.TB, key string, cases []string) []string {
	numpyOnce.Lock()
	defer numpyOnce.Unlock()
	if numpyOnce.out == nil {
		numpyOnce.out = map[string][]string{}
	}
	if v, ok := numpyOnce.out[key]; ok {
		return v
	}
	v := numpyRef(t, cases)
	numpyOnce.out[key] = v
	return v
}

func TestGeneratorMatchesNumpy(t *testing.T) {
	cases := genCases()
	compareOutputs(t, "go", cases, numpyFor(t, "gen", cases), splitLines(runCases(cases)))
}

func splitLines(s string) []string { return strings.Split(strings.TrimRight(s, "\n"), "\n") }

// TestLegacyMatchesNumpy checks the legacy generator with numpy's
// logarithm: the legacy normal and exponential samplers take the C
// library's log, which this package replaces by a correctly rounded one
// (legacyLog). The test records every log the cases take, has Python's
// math.log (the same glibc function numpy calls) evaluate them, and
// reruns the cases with those values, which must then reproduce numpy
// bit for bit; it also counts how many of the logs the correctly
// rounded version gets differently.
func TestLegacyMatchesNumpy(t *testing.T) {
	cases := legacyCases()
	want := numpyFor(t, "legacy", cases)
	got, crDiffer, total := runWithGlibcLog(t, func() string { return runCases(cases) })
	t.Logf("%d of %d legacy logs differ between glibc and correct rounding", crDiffer, total)
	compareOutputs(t, "go", cases, want, splitLines(got))
}

// runWithGlibcLog runs f twice: once recording the arguments of
// legacyLog, then with legacyLog answering glibc's values for them.
func runWithGlibcLog(t *testing.T, f func() string) (out string, differ, total int) {
	saved := legacyLog
	defer func() { legacyLog = saved }()
	args := map[float64]bool{}
	legacyLog = func(x float64) float64 { args[x] = true; return saved(x) }
	f()
	var in []string
	var xs []float64
	for x := range args {
		xs = append(xs, x)
		in = append(in, fmt.Sprintf("%016x", math.Float64bits(x)))
	}
	cmd := exec.Command(refPython, "-c", `
import sys, math, struct
for line in sys.stdin:
    x = struct.unpack('<d', struct.pack('<Q', int(line, 16)))[0]
    print('%016x' % struct.unpack('<Q', struct.pack('<d', math.log(x)))[0])
`)
	cmd.Stdin = strings.NewReader(strings.Join(in, "\n") + "\n")
	res, err := cmd.Output()
	if err != nil {
		t.Fatalf("python math.log: %v", err)
	}
	glibc := map[float64]float64{}
	for i, line := range splitLines(string(res)) {
		if len(xs) == 0 {
			break
		}
		u, err := strconv.ParseUint(line, 16, 64)
		if err != nil {
			t.Fatal(err)
		}
		glibc[xs[i]] = math.Float64frombits(u)
		if glibc[xs[i]] != runtime.Log(xs[i]) {
			differ++
		}
	}
	legacyLog = func(x float64) float64 {
		v, ok := glibc[x]
		if !ok {
			t.Fatalf("log(%v) was not recorded: the cases are not deterministic", x)
		}
		return v
	}
	return f(), differ, len(xs)
}

// zigCases draw enough values for every layer of both ziggurats to show
// its width many times over, and for the rare paths (the wedges, and
// the tails beyond r, about one draw in 3000) to be taken.
func zigCases() []string {
	var cs []string
	for _, s := range []string{"int:12345", "seq:7,7"} {
		cs = append(cs, "gen "+s+" ; stdnorm 200000 ; stdnorm32 200000 ; stdexp 200000 ; stdexp32 200000")
	}
	return cs
}

func TestZigguratMatchesNumpy(t *testing.T) {
	if testing.Short() {
		t.Skip("200000 draws per distribution")
	}
	cases := zigCases()
	compareOutputs(t, "go", cases, numpyFor(t, "zig", cases), splitLines(runCases(cases)))
}

// TestLegacyNormalsMatchNumpy runs many legacy normals and exponentials
// with glibc's log (see TestLegacyMatchesNumpy).
func TestLegacyNormalsMatchNumpy(t *testing.T) {
	if testing.Short() {
		t.Skip("100000 draws")
	}
	cases := []string{"legacy int:2024 ; randn 100000 ; stdexp 50000 ; normal -1 3 20001 ; randn 3"}
	want := numpyFor(t, "legacy-many", cases)
	got, differ, total := runWithGlibcLog(t, func() string { return runCases(cases) })
	t.Logf("%d of %d legacy logs differ between glibc and correct rounding", differ, total)
	compareOutputs(t, "go", cases, want, splitLines(got))
}
