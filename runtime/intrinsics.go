package runtime

import (
	"cmp"
	"math"
	"math/big"
)

// BoolToInt is Python's int(True) == 1; Go has no bool-to-int conversion.
func BoolToInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// TrueDivInt is Python's int / int: CPython rounds the exact quotient once
// (int.__truediv__), so for operands beyond 2**53, where converting each
// to float first would round twice, the quotient is computed exactly. The
// caller has checked b != 0.
func TrueDivInt(a, b int64) float64 {
	const exact = 1 << 53
	if -exact <= a && a <= exact && -exact <= b && b <= exact {
		return float64(a) / float64(b)
	}
	q, _ := new(big.Rat).SetFrac(big.NewInt(a), big.NewInt(b)).Float64()
	if q == 0 && (a < 0) != (b < 0) {
		return math.Copysign(0, -1)
	}
	return q
}

// Min is Python's min(a, b): it keeps a unless b is strictly smaller, so
// ties and NaN keep the first argument (math.Min would propagate NaN and
// order signed zeros).
func Min[T cmp.Ordered](a, b T) T {
	if b < a {
		return b
	}
	return a
}

// Max is Python's max(a, b): a unless b is strictly larger.
func Max[T cmp.Ordered](a, b T) T {
	if b > a {
		return b
	}
	return a
}
