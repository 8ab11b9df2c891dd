package nprand

// MT19937 is the Mersenne Twister of Matsumoto and Nishimura (1998), the
// bit generator behind numpy's legacy RandomState (np.random.seed,
// np.random.rand, ...). Its 32-bit outputs are the reference algorithm's;
// numpy builds its 64-bit words and doubles from them as Uint64 and
// Float64 below do.
type MT19937 struct {
	key [mtN]uint32
	pos int // next word of key to temper; mtN means "regenerate first"
}

const (
	mtN       = 624
	mtM       = 397
	mtMatrixA = 0x9908b0df
	mtUpper   = 0x80000000
	mtLower   = 0x7fffffff
)

// Seed is numpy's seeding from one integer (np.random.seed(s) and
// RandomState(s) for 0 <= s < 2**32): Knuth's linear recurrence fills the
// key, which is the reference init_genrand, not init_by_array.
func (m *MT19937) Seed(s uint32) {
	m.key[0] = s
	for i := 1; i < mtN; i++ {
		prev := m.key[i-1]
		m.key[i] = 1812433253*(prev^(prev>>30)) + uint32(i)
	}
	m.pos = mtN
}

// SeedArray is numpy's seeding from a 1-d sequence of integers
// (np.random.seed([a, b, ...])): the reference init_by_array, which mixes
// every word of key into a state first set by Seed(19650218) and then
// forces the top bit of the first word so the state is never all zero.
// key must not be empty (numpy raises "Seed must be non-empty").
func (m *MT19937) SeedArray(key []uint32) {
	m.Seed(19650218)
	mt := &m.key
	i, j := 1, 0
	k := max(mtN, len(key))
	for ; k > 0; k-- {
		prev := mt[i-1]
		mt[i] = (mt[i] ^ ((prev ^ (prev >> 30)) * 1664525)) + key[j] + uint32(j)
		i++
		j++
		if i >= mtN {
			mt[0] = mt[mtN-1]
			i = 1
		}
		if j >= len(key) {
			j = 0
		}
	}
	for k = mtN - 1; k > 0; k-- {
		prev := mt[i-1]
		mt[i] = (mt[i] ^ ((prev ^ (prev >> 30)) * 1566083941)) - uint32(i)
		i++
		if i >= mtN {
			mt[0] = mt[mtN-1]
			i = 1
		}
	}
	mt[0] = 0x80000000
	m.pos = mtN
}

// twist regenerates the whole key (the reference genrand's refill).
func (m *MT19937) twist() {
	mt := &m.key
	mix := func(a, b, c uint32) uint32 {
		y := (a & mtUpper) | (b & mtLower)
		return c ^ (y >> 1) ^ (-(y & 1) & mtMatrixA)
	}
	var k int
	for ; k < mtN-mtM; k++ {
		mt[k] = mix(mt[k], mt[k+1], mt[k+mtM])
	}
	for ; k < mtN-1; k++ {
		mt[k] = mix(mt[k], mt[k+1], mt[k+mtM-mtN])
	}
	mt[mtN-1] = mix(mt[mtN-1], mt[0], mt[mtM-1])
	m.pos = 0
}

// Uint32 returns the next tempered 32-bit output.
func (m *MT19937) Uint32() uint32 {
	if m.pos == mtN {
		m.twist()
	}
	y := m.key[m.pos]
	m.pos++
	y ^= y >> 11
	y ^= (y << 7) & 0x9d2c5680
	y ^= (y << 15) & 0xefc60000
	y ^= y >> 18
	return y
}

// Uint64 is numpy's 64-bit word from MT19937: the first 32-bit output is
// the high half.
func (m *MT19937) Uint64() uint64 {
	hi := uint64(m.Uint32())
	return hi<<32 | uint64(m.Uint32())
}

// Float64 is numpy's double in [0, 1) from MT19937: 27 bits of one output
// and 26 of the next make a 53-bit fraction.
func (m *MT19937) Float64() float64 {
	a := m.Uint32() >> 5
	b := m.Uint32() >> 6
	return (float64(a)*67108864.0 + float64(b)) / 9007199254740992.0
}
