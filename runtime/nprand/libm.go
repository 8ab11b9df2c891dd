package nprand

import "math"

// log1pf is glibc's log1pf (fdlibm's s_log1pf.c, evaluated in float32
// arithmetic), which numpy's float32 ziggurat tails call. Go has no
// float32 log1p and float32(math.Log1p(x)) rounds differently in a few
// inputs in a thousand; TestLog1pfMatchesGlibc compares this port with
// the C library on every input the ziggurat can produce.
//
// The method: log1p(x) = k*ln2 + log(1+f) with 1+x = 2**k * (1+f) and
// sqrt(2)/2 < 1+f < sqrt(2); c corrects the rounding of 1+x; log(1+f) =
// f - hfsq + s*(hfsq+R) with s = f/(2+f), hfsq = f*f/2 and R a degree-14
// polynomial in s (even powers) approximating the rest of the atanh
// series.
func log1pf(x float32) float32 {
	const (
		ln2Hi = float32(6.9313812256e-01) // 0x3f317180
		ln2Lo = float32(9.0580006145e-06) // 0x3717f7d1
		two25 = float32(3.355443200e+07)  // 0x4c000000
		lp1   = float32(6.6666668653e-01) // 0x3f2aaaab
		lp2   = float32(4.0000000596e-01) // 0x3ecccccd
		lp3   = float32(2.8571429849e-01) // 0x3e924925
		lp4   = float32(2.2222198546e-01) // 0x3e638e29
		lp5   = float32(1.8183572590e-01) // 0x3e3a3325
		lp6   = float32(1.5313838422e-01) // 0x3e1cd04f
		lp7   = float32(1.4798198640e-01) // 0x3e178897
	)
	hx := int32(math.Float32bits(x))
	ax := hx & 0x7fffffff
	var f, c, u float32
	var hu int32
	k := int32(1)
	if hx < 0x3ed413d7 { // x < 0.41422
		if ax >= 0x3f800000 { // x <= -1
			if x == -1 {
				return float32(math.Inf(-1))
			}
			return float32(math.NaN())
		}
		if ax < 0x31000000 { // |x| < 2**-29
			if two25+x > 0 && ax < 0x24800000 { // |x| < 2**-54
				return x
			}
			return x - x*x*0.5
		}
		if hx > 0 || hx <= int32(-0x416a09e1) { // -0.2929 < x < 0.41422 (0xbe95f61f)
			k, f, hu = 0, x, 1
		}
	} else if hx >= 0x7f800000 {
		return x + x
	}
	if k != 0 {
		if hx < 0x5a000000 {
			u = 1 + x
			hu = int32(math.Float32bits(u))
			k = (hu >> 23) - 127
			// c corrects the rounding error of 1+x.
			if k > 0 {
				c = 1 - (u - x)
			} else {
				c = x - (u - 1)
			}
			c /= u
		} else {
			u = x
			hu = int32(math.Float32bits(u))
			k = (hu >> 23) - 127
			c = 0
		}
		hu &= 0x007fffff
		if hu < 0x3504f7 {
			u = math.Float32frombits(uint32(hu | 0x3f800000)) // normalize u
		} else {
			k++
			u = math.Float32frombits(uint32(hu | 0x3f000000)) // normalize u/2
			hu = (0x00800000 - hu) >> 2
		}
		f = u - 1
	}
	hfsq := float32(0.5 * f * f)
	kf := float32(k)
	if hu == 0 { // |f| < 2**-20
		if f == 0 {
			if k == 0 {
				return 0
			}
			c += float32(kf * ln2Lo)
			return float32(kf*ln2Hi) + c
		}
		r := float32(hfsq * (1 - float32(float32(0.66666666666666666)*f)))
		if k == 0 {
			return f - r
		}
		return float32(kf*ln2Hi) - ((r - (float32(kf*ln2Lo) + c)) - f)
	}
	s := f / (2 + f)
	z := s * s
	// Every product that meets an addition is rounded on its own
	// (float32(...)), as C computes it: Go may otherwise fuse a*b+c into
	// one rounding, even across statements.
	r := float32(z * (lp1 + float32(z*(lp2+float32(z*(lp3+float32(z*(lp4+float32(z*(lp5+float32(z*(lp6+float32(z*lp7)))))))))))))
	if k == 0 {
		return f - (hfsq - float32(s*(hfsq+r)))
	}
	return float32(kf*ln2Hi) - ((hfsq - (float32(s*(hfsq+r)) + (float32(kf*ln2Lo) + c))) - f)
}

// log1p is glibc's log1p as x86-64 machines with FMA run it (glibc
// selects its FMA build at load time, and numpy calls it in the
// ziggurat tails): fdlibm's s_log1p.c, whose thresholds test the high
// word only, with the polynomial split as R1 + z2*R2 + z4*R3 + z6*R4 and
// the multiply-adds that gcc fused in that build fused here too. Go's
// math.Log1p is fdlibm's method in Horner's order without fusion and
// differs from it in about one input in 1500.
func log1p(x float64) float64 {
	const (
		ln2Hi = 6.93147180369123816490e-01 // 0x3fe62e42fee00000
		ln2Lo = 1.90821492927058770002e-10 // 0x3dea39ef35793c76
		lp1   = 6.666666666666735130e-01   // 0x3fe5555555555593
		lp2   = 3.999999999940941908e-01   // 0x3fd999999997fa04
		lp3   = 2.857142874366239149e-01   // 0x3fd2492494229359
		lp4   = 2.222219843214978396e-01   // 0x3fcc71c51d8e78af
		lp5   = 1.818357216161805012e-01   // 0x3fc7466496cb03de
		lp6   = 1.531383769920937332e-01   // 0x3fc39a09d078c69f
		lp7   = 1.479819860511658591e-01   // 0x3fc2f112df3e5244
	)
	hx := int32(math.Float64bits(x) >> 32)
	ax := hx & 0x7fffffff
	var f, c, u float64
	var hu int32
	k := int32(1)
	if hx < 0x3fda827a { // x < 0.41422
		if ax >= 0x3ff00000 { // x <= -1
			if x == -1 {
				return math.Inf(-1)
			}
			return math.NaN()
		}
		if ax < 0x3e200000 { // |x| < 2**-29
			if ax < 0x3c900000 { // |x| < 2**-54
				return x
			}
			return math.FMA(-float64(x*x), 0.5, x)
		}
		if hx > 0 || hx <= int32(-0x402d413d) { // -0.2929 < x < 0.41422 (0xbfd2bec3)
			k, f, hu = 0, x, 1
		}
	} else if hx >= 0x7ff00000 {
		return x + x
	}
	if k != 0 {
		if hx < 0x43400000 {
			u = 1 + x
			hu = int32(math.Float64bits(u) >> 32)
			k = (hu >> 20) - 1023
			if k > 0 { // c corrects the rounding of 1+x
				c = 1 - (u - x)
			} else {
				c = x - (u - 1)
			}
			c /= u
		} else {
			u = x
			hu = int32(math.Float64bits(u) >> 32)
			k = (hu >> 20) - 1023
			c = 0
		}
		hu &= 0x000fffff
		// Only the high word of u changes (SET_HIGH_WORD).
		low := math.Float64bits(u) & 0xffffffff
		if hu < 0x6a09e {
			u = math.Float64frombits(uint64(uint32(hu|0x3ff00000))<<32 | low) // normalize u
		} else {
			k++
			u = math.Float64frombits(uint64(uint32(hu|0x3fe00000))<<32 | low) // normalize u/2
			hu = (0x00100000 - hu) >> 2
		}
		f = u - 1
	}
	hfsq := float64(float64(0.5*f) * f)
	kf := float64(k)
	if hu == 0 { // |f| < 2**-20
		if f == 0 {
			if k == 0 {
				return 0
			}
			return math.FMA(kf, ln2Hi, math.FMA(kf, ln2Lo, c))
		}
		r := float64(math.FMA(-f, 0.66666666666666666, 1) * hfsq)
		if k == 0 {
			return f - r
		}
		return math.FMA(kf, ln2Hi, -((r - math.FMA(kf, ln2Lo, c)) - f))
	}
	s := f / (2 + f)
	z := s * s
	r2 := math.FMA(z, lp3, lp2)
	r3 := math.FMA(z, lp5, lp4)
	r4 := math.FMA(z, lp7, lp6)
	z2 := z * z
	z4 := z2 * z2
	z6 := z2 * z4
	r := math.FMA(z6, r4, math.FMA(z4, r3, math.FMA(z, lp1, float64(z2*r2))))
	w := float64(s * (hfsq + r))
	if k == 0 {
		return f - (hfsq - w)
	}
	return math.FMA(kf, ln2Hi, -((hfsq - (math.FMA(kf, ln2Lo, c) + w)) - f))
}
