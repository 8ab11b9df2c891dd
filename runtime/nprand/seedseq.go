package nprand

// SeedSequence is numpy's entropy pool (numpy.random.SeedSequence): the
// seed's 32-bit words are hashed into a pool of four words, every pool
// word is mixed with every other, and the bit generator's state words are
// drawn from the pool through a second hash. The constants are numpy's
// (from Melissa O'Neill's seed_seq_fe design).
type SeedSequence struct {
	pool [ssPoolSize]uint32
}

const (
	ssPoolSize = 4
	ssInitA    = 0x43b0d7e5
	ssMultA    = 0x931e8875
	ssInitB    = 0x8b51f9dd
	ssMultB    = 0x58f38ded
	ssMixMultL = 0xca01f9dd
	ssMixMultR = 0x4973f715
	ssXShift   = 16
)

// IntWords splits a non-negative integer into numpy's little-endian
// 32-bit words (zero is one word 0), as SeedSequence does with an int
// seed.
func IntWords(n uint64) []uint32 {
	if n == 0 {
		return []uint32{0}
	}
	var w []uint32
	for ; n > 0; n >>= 32 {
		w = append(w, uint32(n))
	}
	return w
}

// NewSeedSequence mixes entropy (the concatenated words of the seed's
// integers, see IntWords) into a pool. A seed list [a, b] gives
// append(IntWords(a), IntWords(b)...).
func NewSeedSequence(entropy []uint32) *SeedSequence {
	s := &SeedSequence{}
	hashConst := uint32(ssInitA)
	hashmix := func(v uint32) uint32 {
		v ^= hashConst
		hashConst *= ssMultA
		v *= hashConst
		return v ^ v>>ssXShift
	}
	mix := func(x, y uint32) uint32 {
		r := ssMixMultL*x - ssMixMultR*y
		return r ^ r>>ssXShift
	}
	// The first words go straight into the pool; a short seed keeps the
	// hash running over zeros.
	for i := range s.pool {
		var v uint32
		if i < len(entropy) {
			v = entropy[i]
		}
		s.pool[i] = hashmix(v)
	}
	// Every pool word is mixed into every other, so late bits reach
	// early words.
	for src := range s.pool {
		for dst := range s.pool {
			if src != dst {
				s.pool[dst] = mix(s.pool[dst], hashmix(s.pool[src]))
			}
		}
	}
	// Entropy beyond the pool size is mixed into every pool word.
	for src := ssPoolSize; src < len(entropy); src++ {
		for dst := range s.pool {
			s.pool[dst] = mix(s.pool[dst], hashmix(entropy[src]))
		}
	}
	return s
}

// State32 is generate_state(n, np.uint32): n words drawn from the pool,
// cycling over it.
func (s *SeedSequence) State32(n int) []uint32 {
	out := make([]uint32, n)
	hashConst := uint32(ssInitB)
	for i := range out {
		v := s.pool[i%ssPoolSize]
		v ^= hashConst
		hashConst *= ssMultB
		v *= hashConst
		out[i] = v ^ v>>ssXShift
	}
	return out
}

// State64 is generate_state(n, np.uint64): pairs of 32-bit words, the
// first of each pair the low half.
func (s *SeedSequence) State64(n int) []uint64 {
	w := s.State32(2 * n)
	out := make([]uint64, n)
	for i := range out {
		out[i] = uint64(w[2*i]) | uint64(w[2*i+1])<<32
	}
	return out
}
