package nprand

import (
	"math"
	"sync"

	"github.com/pyc2go/pyc2go/runtime"
)

// Generator is numpy's Generator over PCG64, what np.random.default_rng
// returns. Every method locks the generator for the whole call (numpy's
// bit generator lock), so goroutines may share one; the values each gets
// then depend on scheduling.
type Generator struct {
	mu  sync.Mutex
	pcg PCG64
}

// NewGenerator is default_rng(seed) for a seed given as SeedSequence
// entropy words (see IntWords).
func NewGenerator(entropy []uint32) *Generator {
	g := &Generator{}
	st := NewSeedSequence(entropy).State64(4)
	g.pcg.seed(st[0], st[1], st[2], st[3])
	return g
}

// DefaultRNG is np.random.default_rng(seed) for an integer seed.
func DefaultRNG(seed int64) (*Generator, error) {
	if seed < 0 {
		return nil, valueError("expected non-negative integer")
	}
	return NewGenerator(IntWords(uint64(seed))), nil
}

// DefaultRNGSeq is np.random.default_rng([s0, s1, ...]).
func DefaultRNGSeq(seeds []int64) (*Generator, error) {
	var w []uint32
	for _, s := range seeds {
		if s < 0 {
			return nil, valueError("expected non-negative integer")
		}
		w = append(w, IntWords(uint64(s))...)
	}
	return NewGenerator(w), nil
}

// DefaultRNGEntropy is np.random.default_rng(): seeded from OS entropy.
func DefaultRNGEntropy() *Generator { return NewGenerator(entropyWords()) }

func (g *Generator) lock()   { g.mu.Lock() }
func (g *Generator) unlock() { g.mu.Unlock() }

// Random is rng.random(size=len(dst)).
func (g *Generator) Random(dst []float64) { fill(g, dst, g.pcg.Float64) }

// Random32 is rng.random(size=len(dst), dtype=np.float32).
func (g *Generator) Random32(dst []float32) { fill(g, dst, g.pcg.Float32) }

// StandardNormal is rng.standard_normal(size=len(dst)).
func (g *Generator) StandardNormal(dst []float64) {
	fill(g, dst, func() float64 { return standardNormal(&g.pcg) })
}

// StandardNormal32 is rng.standard_normal(size=len(dst), dtype=np.float32).
func (g *Generator) StandardNormal32(dst []float32) {
	fill(g, dst, func() float32 { return standardNormal32(&g.pcg) })
}

// Normal is rng.normal(loc, scale, size=len(dst)).
func (g *Generator) Normal(dst []float64, loc, scale float64) error {
	if err := checkScale(scale, "scale"); err != nil {
		return err
	}
	fill(g, dst, func() float64 { return loc + float64(scale*standardNormal(&g.pcg)) })
	return nil
}

// Uniform is rng.uniform(low, high, size=len(dst)): low + (high-low)*u,
// with high - low finite and not negative.
func (g *Generator) Uniform(dst []float64, low, high float64) error {
	rng := high - low
	if math.IsInf(rng, 0) || math.IsNaN(rng) {
		return runtime.Raise(runtime.OverflowError, "high - low range exceeds valid bounds", "", 0, "")
	}
	if err := checkScale(rng, "high - low"); err != nil {
		return err
	}
	fill(g, dst, func() float64 { return low + float64(rng*g.pcg.Float64()) })
	return nil
}

// StandardExponential is rng.standard_exponential(size=len(dst)).
func (g *Generator) StandardExponential(dst []float64) {
	fill(g, dst, func() float64 { return standardExponential(&g.pcg) })
}

// StandardExponential32 is rng.standard_exponential(size, dtype=np.float32).
func (g *Generator) StandardExponential32(dst []float32) {
	fill(g, dst, func() float32 { return standardExponential32(&g.pcg) })
}

// Exponential is rng.exponential(scale, size=len(dst)).
func (g *Generator) Exponential(dst []float64, scale float64) error {
	if err := checkScale(scale, "scale"); err != nil {
		return err
	}
	fill(g, dst, func() float64 { return scale * standardExponential(&g.pcg) })
	return nil
}

// Integers is rng.integers(low, high, size=len(dst), dtype=T, endpoint)
// with Lemire's method; rng.integers(n) is Integers(g, dst, I64(0),
// I64(n), false). An empty dst returns before the bounds are checked, as
// numpy does.
func Integers[T Int](g *Generator, dst []T, low, high Bound, endpoint bool) error {
	if len(dst) == 0 {
		return nil
	}
	g.lock()
	defer g.unlock()
	return integers(&g.pcg, dst, low, high, endpoint, false)
}

// IntegersBool is Integers for dtype=bool.
func IntegersBool(g *Generator, dst []bool, low, high Bound, endpoint bool) error {
	if len(dst) == 0 {
		return nil
	}
	g.lock()
	defer g.unlock()
	return integersBool(&g.pcg, dst, low, high, endpoint)
}

// Choice is rng.choice(a, size, replace, p, shuffle=Shuffle) as indices
// into a (see RandomState.Choice). Without replacement and without p,
// numpy uses Floyd's algorithm, or for a large share of a large
// population a partial Fisher-Yates shuffle of range(a), and then (with
// shuffle=True) shuffles the sample.
func (g *Generator) Choice(dst []int64, c ChoiceArgs, shuffle bool) error {
	if err := c.check(len(dst), generatorChoiceMsgs); err != nil {
		return err
	}
	switch {
	case c.Replace && c.P == nil:
		return Integers(g, dst, I64(0), I64(c.Pop), false)
	case c.Replace:
		u := make([]float64, len(dst))
		g.Random(u)
		cd := cdf(c.P)
		for i, x := range u {
			dst[i] = searchRight(cd, x)
		}
	case c.P != nil:
		if len(dst) > 0 {
			choiceWithoutReplacementP(dst, c.P, g.Random)
		}
	default:
		g.lock()
		defer g.unlock()
		g.sampleWithoutReplacement(dst, c.Pop, shuffle)
	}
	return nil
}

// lemireIndex is random_bounded_uint64(0, max) with Lemire's method, the
// draw of numpy's _shuffle_int and Floyd's algorithm.
func (g *Generator) lemireIndex(max int64) int64 {
	var b buffer
	return int64(b.value(&g.pcg, 64, uint64(max), false))
}

// shuffleInt is numpy's _shuffle_int: Fisher-Yates over data[first:n]
// from the top, partners drawn with Lemire's method.
func (g *Generator) shuffleInt(data []int64, first int) {
	for i := len(data) - 1; i >= first; i-- {
		j := g.lemireIndex(int64(i))
		data[i], data[j] = data[j], data[i]
	}
}

// sampleWithoutReplacement fills dst with distinct values from
// range(pop) as numpy's Generator.choice does without p.
func (g *Generator) sampleWithoutReplacement(dst []int64, pop int64, shuffle bool) {
	size := int64(len(dst))
	cutoff := int64(20)
	if shuffle {
		cutoff = 50
	}
	if pop > 10000 && size > pop/cutoff {
		// Tail shuffle: only the last size positions are drawn.
		idx := make([]int64, pop)
		for i := range idx {
			idx[i] = int64(i)
		}
		g.shuffleInt(idx, int(max(pop-size, 1)))
		copy(dst, idx[pop-size:])
		return
	}
	// Floyd's algorithm: for j in [pop-size, pop), take a draw in [0, j]
	// unless it was taken already, in which case take j.
	taken := make(map[int64]bool, len(dst))
	for j := pop - size; j < pop; j++ {
		v := g.lemireIndex(j)
		if taken[v] {
			v = j
		}
		taken[v] = true
		dst[j-pop+size] = v
	}
	if shuffle {
		g.shuffleInt(dst, 1)
	}
}

// Permutation is rng.permutation(n) with n = len(dst).
func (g *Generator) Permutation(dst []int64) {
	for i := range dst {
		dst[i] = int64(i)
	}
	Shuffle(g, runtime.FromSlice(dst, len(dst)))
}

func (g *Generator) acquire() bitSource { g.lock(); return &g.pcg }
func (g *Generator) release()           { g.unlock() }
