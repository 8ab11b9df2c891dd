package nprand

import (
	"github.com/pyc2go/pyc2go/runtime"
)

//go:generate go run ./internal/tablegen/gen

// The Generator's normal and exponential samplers are Marsaglia and
// Tsang's ziggurat with 256 layers as numpy implements it. Its tables
// (tables.go, generated) are derived from the defining constants in
// internal/tablegen, which documents how numpy's were made;
// TestZigguratMatchesNumpy checks them through numpy's output streams.

// Defining constants of numpy's ziggurats used by the samplers (the
// tail start and its reciprocal).
const (
	zigNorR    = 3.6541528853610087963519472518
	zigNorInvR = 0.27366123732975827203338247596
	zigExpR    = 7.6971174701310497140446280481
)

// zigTable is one ziggurat's tables in one precision: k the acceptance
// thresholds of the draw, w the layer widths per unit of draw, f the
// density at the layer edges.
type zigTable[K uint32 | uint64, F float32 | float64] struct {
	k [256]K
	w [256]F
	f [256]F
}

type zigAll struct {
	nor64 zigTable[uint64, float64]
	nor32 zigTable[uint32, float32]
	exp64 zigTable[uint64, float64]
	exp32 zigTable[uint32, float32]
}

// standardNormal is numpy's random_standard_normal (ziggurat, float64).
func standardNormal(src *PCG64) float64 {
	t := &zigTables.nor64
	for {
		r := src.Uint64()
		idx := r & 0xff
		r >>= 8
		sign := r & 1
		rabs := (r >> 1) & 0x000fffffffffffff
		x := float64(rabs) * t.w[idx]
		if sign != 0 {
			x = -x
		}
		if rabs < t.k[idx] {
			return x
		}
		if idx == 0 {
			// The tail beyond r, by Marsaglia's exponential method.
			for {
				xx := float64(-zigNorInvR * log1p(-src.Float64()))
				yy := -log1p(-src.Float64())
				if yy+yy > xx*xx {
					if (rabs>>8)&1 != 0 {
						return -(zigNorR + xx)
					}
					return zigNorR + xx
				}
			}
		}
		if float64((t.f[idx-1]-t.f[idx])*src.Float64())+t.f[idx] < runtime.Exp(-0.5*x*x) {
			return x
		}
	}
}

// standardNormal32 is numpy's random_standard_normal_f.
func standardNormal32(src *PCG64) float32 {
	t := &zigTables.nor32
	for {
		r := src.Uint32()
		idx := r & 0xff
		sign := (r >> 8) & 1
		rabs := (r >> 9) & 0x007fffff
		x := float32(rabs) * t.w[idx]
		if sign != 0 {
			x = -x
		}
		if rabs < t.k[idx] {
			return x
		}
		if idx == 0 {
			for {
				xx := float32(-float32(zigNorInvR) * log1pf(-src.Float32()))
				yy := -log1pf(-src.Float32())
				if yy+yy > xx*xx {
					if (rabs>>8)&1 != 0 {
						return -(float32(zigNorR) + xx)
					}
					return float32(zigNorR) + xx
				}
			}
		}
		xd := float64(x)
		if float64(float32((t.f[idx-1]-t.f[idx])*src.Float32())+t.f[idx]) < runtime.Exp(-0.5*xd*xd) {
			return x
		}
	}
}

// standardExponential is numpy's random_standard_exponential (ziggurat).
func standardExponential(src *PCG64) float64 {
	t := &zigTables.exp64
	for {
		ri := src.Uint64() >> 3
		idx := ri & 0xff
		ri >>= 8
		x := float64(ri) * t.w[idx]
		if ri < t.k[idx] {
			return x
		}
		if idx == 0 {
			return zigExpR - log1p(-src.Float64())
		}
		if float64((t.f[idx-1]-t.f[idx])*src.Float64())+t.f[idx] < runtime.Exp(-x) {
			return x
		}
	}
}

// standardExponential32 is numpy's random_standard_exponential_f.
func standardExponential32(src *PCG64) float32 {
	t := &zigTables.exp32
	for {
		ri := src.Uint32() >> 1
		idx := ri & 0xff
		ri >>= 8
		x := float32(ri) * t.w[idx]
		if ri < t.k[idx] {
			return x
		}
		if idx == 0 {
			return float32(zigExpR) - log1pf(-src.Float32())
		}
		if float32((t.f[idx-1]-t.f[idx])*src.Float32())+t.f[idx] < expf(-x) {
			return x
		}
	}
}

// expf is glibc's expf as far as a comparison can tell: the correctly
// rounded float64 result rounded to float32 (glibc's expf is correctly
// rounded in all but a few inputs, and the value only decides the
// ziggurat's wedge test).
func expf(x float32) float32 { return float32(runtime.Exp(float64(x))) }
