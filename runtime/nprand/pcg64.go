package nprand

import "math/bits"

// PCG64 is O'Neill's permuted congruential generator PCG-XSL-RR 128/64,
// the bit generator of numpy's default_rng: a 128-bit LCG whose state is
// output as the xor of its halves rotated by its top six bits.
//
// numpy hands out 32-bit words in pairs: the first Uint32 after a Uint64
// draws a fresh 64-bit output and keeps its high half for the next
// Uint32 (has_uint32 in numpy's state). Both halves of the state persist
// across calls, exactly as in numpy.
type PCG64 struct {
	stateHi, stateLo uint64
	incHi, incLo     uint64
	hasUint32        bool
	uinteger         uint32
}

// The LCG multiplier, PCG's default for 128-bit state.
const (
	pcgMultHi = 2549297995355413924
	pcgMultLo = 4865540595714422341
)

// step advances the LCG: state = state*mult + inc (mod 2**128).
func (p *PCG64) step() {
	hi, lo := bits.Mul64(p.stateLo, pcgMultLo)
	hi += p.stateHi*pcgMultLo + p.stateLo*pcgMultHi
	var c uint64
	p.stateLo, c = bits.Add64(lo, p.incLo, 0)
	p.stateHi, _ = bits.Add64(hi, p.incHi, c)
}

// seed is pcg64_set_seed: the stream (inc) comes from the second 128-bit
// word, forced odd, and the state is stepped in around the first word.
func (p *PCG64) seed(stateHi, stateLo, seqHi, seqLo uint64) {
	p.stateHi, p.stateLo = 0, 0
	p.incHi = seqHi<<1 | seqLo>>63
	p.incLo = seqLo<<1 | 1
	p.step()
	var c uint64
	p.stateLo, c = bits.Add64(p.stateLo, stateLo, 0)
	p.stateHi, _ = bits.Add64(p.stateHi, stateHi, c)
	p.step()
	p.hasUint32, p.uinteger = false, 0
}

// Uint64 returns the next 64-bit output.
func (p *PCG64) Uint64() uint64 {
	p.step()
	return bits.RotateLeft64(p.stateHi^p.stateLo, -int(p.stateHi>>58))
}

// Uint32 returns numpy's next 32-bit word: the low half of a fresh 64-bit
// output, or the high half kept from the previous call.
func (p *PCG64) Uint32() uint32 {
	if p.hasUint32 {
		p.hasUint32 = false
		return p.uinteger
	}
	v := p.Uint64()
	p.hasUint32 = true
	p.uinteger = uint32(v >> 32)
	return uint32(v)
}

// Float64 is numpy's double in [0, 1): the top 53 bits of one output.
func (p *PCG64) Float64() float64 {
	return float64(p.Uint64()>>11) * (1.0 / 9007199254740992.0)
}

// Float32 is numpy's float in [0, 1): the top 24 bits of one 32-bit word.
func (p *PCG64) Float32() float32 {
	return float32(p.Uint32()>>8) * (1.0 / 16777216.0)
}
