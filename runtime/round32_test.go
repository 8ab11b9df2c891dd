package runtime

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
)

// TestRoundFloat32VsNumpy checks RoundFloat32 against numpy 1.24's
// round(np.float32(x), n), which is not Python's correctly rounded
// round: 2.675 rounds to 2.68 and an overflowing product to inf.
func TestRoundFloat32VsNumpy(t *testing.T) {
	var in strings.Builder
	var xs []float32
	var ns []int64
	for i, x := range append(specialFloats, randFloats(7, 400)...) {
		for _, v := range []float32{float32(x), 2.675, 0.015, 0.125, 1.005, 3.3e38} {
			n := int64(i%50) - 12
			xs, ns = append(xs, v), append(ns, n)
			fmt.Fprintf(&in, "%08x %d\n", math.Float32bits(v), n)
		}
	}
	got := runPython(t, `
import warnings
warnings.simplefilter('ignore')
for line in sys.stdin:
    h, n = line.split()
    x = np.frombuffer(bytes.fromhex(h)[::-1], dtype=np.float32)[0]
    r = round(x, int(n))
    assert type(r) is np.float32
    print('%08x' % struct.unpack('<I', struct.pack('<f', r))[0])
`, in.String())
	if len(got) != len(xs) {
		t.Fatalf("python printed %d lines for %d cases", len(got), len(xs))
	}
	for i, h := range got {
		u, err := strconv.ParseUint(h, 16, 32)
		if err != nil {
			t.Fatal(err)
		}
		want := math.Float32frombits(uint32(u))
		r := RoundFloat32(xs[i], ns[i])
		if !sameFloat(float64(r), float64(want)) {
			t.Errorf("RoundFloat32(%v, %d) = %v, numpy %v", xs[i], ns[i], r, want)
		}
	}
}
