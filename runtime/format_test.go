package runtime

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

// formatSpecs and formatFloats are the cases of TestFormatSpec, which
// formats every float with every spec (and ints, bools, complex numbers)
// and compares with CPython's format().
var formatSpecs = []string{
	"", ".3f", ".0f", "#.0f", "8.2f", "<8.2f", "^9.1f", "+.2f", " .2f", "08.3f", "+08.2f", ",.2f", "_.1f",
	".2e", ">12.3e", "E", ".0e", "#.0e", "g", ".3g", "#.3g", "G", ".10g", ".1g", ".3", ".12", "10", "<10", "*^12",
	"%", ".1%", "=+10.2f", "010", "+", " ", ",",
}

var formatFloats = []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 2.5, 1.0 / 3, -2.0 / 3, 1e16, 1e15, 123456.789,
	-9876543.21, 1e-5, 0.0001, 1.5e-7, 1e100, 5e-324, 1.7976931348623157e308, 99.995, 0.125, 1234.5, 12.0, 1e22,
	math.Inf(1), math.Inf(-1), math.NaN(), 100}

var formatIntSpecs = []string{"", "d", "5d", "<5d", "^7d", "05d", "+d", " d", ",d", "_d", "x", "#x", "X", "#X", "o", "#o", "b", "#b", "_b",
	".2f", "e", "g", "%", "10", "=+8d", "*>6"}

var formatInts = []int64{0, 1, -1, 7, 42, -42, 1000, 123456789, -9876543210, math.MaxInt64, math.MinInt64}

func TestFormatSpec(t *testing.T) {
	var in []string
	var got []string
	for _, spec := range formatSpecs {
		for _, x := range formatFloats {
			in = append(in, "f "+f2b(x)+" "+spec)
			got = append(got, FormatFloatSpec(x, spec))
		}
	}
	for _, spec := range formatIntSpecs {
		for _, v := range formatInts {
			in = append(in, "i "+strconv.FormatInt(v, 10)+" "+spec)
			got = append(got, FormatIntSpec(v, spec))
		}
		for _, b := range []bool{true, false} {
			in = append(in, "b "+FormatBool(b)+" "+spec)
			got = append(got, FormatBoolSpec(b, spec))
		}
	}
	for _, spec := range []string{"", ".2f", "10", ">20.3e", ".3", "g", "+.1f"} {
		for _, z := range []complex128{1 + 2i, complex(-1.5, -0.25), complex(0, 1), complex(math.Copysign(0, -1), 3), complex(1e20, 1e-7)} {
			in = append(in, "c "+f2b(real(z))+" "+f2b(imag(z))+" "+spec)
			got = append(got, FormatComplexSpec(z, spec))
		}
	}
	for _, spec := range []string{"", "10", "<10", ">10", "^10", ".3", "*^9.2"} {
		in = append(in, "s hello "+spec)
		got = append(got, FormatStrSpec("hello", spec))
	}
	want := runPython(t, `
for line in sys.stdin.read().split("\n"):
    k, rest = line.split(" ", 1)
    if k == "f":
        b, spec = rest.split(" ", 1); print(repr(format(b2f(b), spec)))
    elif k == "i":
        v, spec = rest.split(" ", 1); print(repr(format(int(v), spec)))
    elif k == "b":
        v, spec = rest.split(" ", 1); print(repr(format(v == "True", spec)))
    elif k == "c":
        r, i, spec = rest.split(" ", 2); print(repr(format(complex(b2f(r), b2f(i)), spec)))
    else:
        v, spec = rest.split(" ", 1); print(repr(format(v, spec)))
`, strings.Join(in, "\n"))
	if len(want) != len(got) {
		t.Fatalf("python gave %d lines for %d cases", len(want), len(got))
	}
	bad := 0
	for i := range got {
		w, _ := strconv.Unquote(strings.Replace(want[i], "'", "\"", -1))
		if strings.HasPrefix(want[i], "'") {
			w = want[i][1 : len(want[i])-1]
		}
		if got[i] != w {
			bad++
			if bad < 40 {
				t.Errorf("%s: got %q, CPython %q", in[i], got[i], w)
			}
		}
	}
}
