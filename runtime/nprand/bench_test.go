package nprand

import "testing"

// Benchmarks per value drawn, in batches of 4096 (the per-call lock is
// amortised as it is in numpy's array fills).

const benchBatch = 4096

func benchFloats(b *testing.B, fill func([]float64)) {
	v := make([]float64, benchBatch)
	b.SetBytes(8 * benchBatch)
	for b.Loop() {
		fill(v)
	}
}

func BenchmarkLegacyRandomSample(b *testing.B) {
	rs, _ := NewRandomState(1)
	benchFloats(b, rs.RandomSample)
}

func BenchmarkLegacyStandardNormal(b *testing.B) {
	rs, _ := NewRandomState(1)
	benchFloats(b, rs.StandardNormal)
}

func BenchmarkGeneratorRandom(b *testing.B) {
	g, _ := DefaultRNG(1)
	benchFloats(b, g.Random)
}

func BenchmarkGeneratorStandardNormal(b *testing.B) {
	g, _ := DefaultRNG(1)
	benchFloats(b, g.StandardNormal)
}

func BenchmarkGeneratorStandardExponential(b *testing.B) {
	g, _ := DefaultRNG(1)
	benchFloats(b, g.StandardExponential)
}

func BenchmarkGeneratorIntegers(b *testing.B) {
	g, _ := DefaultRNG(1)
	v := make([]int64, benchBatch)
	b.SetBytes(8 * benchBatch)
	for b.Loop() {
		Integers(g, v, I64(0), I64(1000), false)
	}
}
