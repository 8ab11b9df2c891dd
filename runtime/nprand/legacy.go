package nprand

import (
	"math"
	"sync"

	"github.com/pyc2go/pyc2go/runtime"
)

// RandomState is numpy's legacy generator (numpy.random.RandomState, the
// state behind np.random.seed, np.random.rand, ...): MT19937 plus the
// second value of the last polar Box-Muller pair. Every method locks the
// state for the whole call, as numpy's lock does, so goroutines may share
// one; the values each of them gets then depend on scheduling.
type RandomState struct {
	mu       sync.Mutex
	mt       MT19937
	hasGauss bool
	gauss    float64
	ready    bool // seeded; the global state seeds itself from entropy on first use
}

// legacyLog is the natural logarithm of the legacy normal and exponential
// samplers. numpy calls the C library's log; this one is correctly
// rounded (fastLog), which glibc's is not in about one input in 1300 (see
// the package documentation). The tests replace it by glibc's values.
var legacyLog = fastLog

// NewRandomState returns a RandomState seeded with Seed(seed), or an
// error as numpy.random.RandomState(seed) raises one.
func NewRandomState(seed int64) (*RandomState, error) {
	r := &RandomState{}
	return r, r.Seed(seed)
}

// lock takes the state, seeding it from OS entropy if nothing seeded it.
func (r *RandomState) lock() {
	r.mu.Lock()
	if !r.ready {
		r.seedEntropy()
	}
}

func (r *RandomState) unlock() { r.mu.Unlock() }

func (r *RandomState) reset() {
	r.hasGauss, r.gauss, r.ready = false, 0, true
}

// Seed is np.random.seed(seed) for an integer seed.
func (r *RandomState) Seed(seed int64) error {
	if seed < 0 || seed > math.MaxUint32 {
		return valueError("Seed must be between 0 and 2**32 - 1")
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.mt.Seed(uint32(seed))
	r.reset()
	return nil
}

// SeedArray is np.random.seed(seeds) for a 1-d sequence of integers.
func (r *RandomState) SeedArray(seeds []int64) error {
	if len(seeds) == 0 {
		return valueError("Seed must be non-empty")
	}
	key := make([]uint32, len(seeds))
	for i, s := range seeds {
		if s < 0 || s > math.MaxUint32 {
			return valueError("Seed must be between 0 and 2**32 - 1")
		}
		key[i] = uint32(s)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.mt.SeedArray(key)
	r.reset()
	return nil
}

// SeedEntropy is np.random.seed() (no argument): fresh OS entropy.
func (r *RandomState) SeedEntropy() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.seedEntropy()
}

// seedEntropy seeds as numpy's legacy seeding does without a seed: 128
// bits of OS entropy through a SeedSequence fill the key, whose first
// word is forced to 0x80000000.
func (r *RandomState) seedEntropy() {
	w := NewSeedSequence(entropyWords()).State32(mtN)
	copy(r.mt.key[:], w)
	r.mt.key[0] = 0x80000000
	r.mt.pos = mtN
	r.reset()
}

// RandomSample is np.random.random_sample / random / rand: dst filled
// with doubles in [0, 1).
func (r *RandomState) RandomSample(dst []float64) { fill(r, dst, r.mt.Float64) }

// gaussLocked is numpy's legacy_gauss: the polar Box-Muller method, which
// makes two values per accepted pair and keeps the second for the next
// call.
func (r *RandomState) gaussLocked() float64 {
	if r.hasGauss {
		r.hasGauss = false
		g := r.gauss
		r.gauss = 0
		return g
	}
	var x1, x2, r2 float64
	for {
		x1 = 2*r.mt.Float64() - 1
		x2 = 2*r.mt.Float64() - 1
		r2 = float64(x1*x1) + float64(x2*x2)
		if r2 < 1 && r2 != 0 {
			break
		}
	}
	f := math.Sqrt(-2 * legacyLog(r2) / r2)
	r.gauss = f * x1
	r.hasGauss = true
	return f * x2
}

// StandardNormal is np.random.standard_normal / randn into dst.
func (r *RandomState) StandardNormal(dst []float64) { fill(r, dst, r.gaussLocked) }

// checkScale is numpy's CONS_NON_NEGATIVE check: a negative scale
// (-0.0 included, NaN not) raises ValueError("<name> < 0").
func checkScale(v float64, name string) error {
	if !math.IsNaN(v) && math.Signbit(v) {
		return valueError(name + " < 0")
	}
	return nil
}

// Normal is np.random.normal(loc, scale, size=len(dst)).
func (r *RandomState) Normal(dst []float64, loc, scale float64) error {
	if err := checkScale(scale, "scale"); err != nil {
		return err
	}
	fill(r, dst, func() float64 { return loc + float64(scale*r.gaussLocked()) })
	return nil
}

// Uniform is np.random.uniform(low, high, size=len(dst)): low +
// (high-low)*u. high < low is allowed; an infinite or NaN range raises
// OverflowError.
func (r *RandomState) Uniform(dst []float64, low, high float64) error {
	rng := high - low
	if math.IsInf(rng, 0) || math.IsNaN(rng) {
		return runtime.Raise(runtime.OverflowError, "Range exceeds valid bounds", "", 0, "")
	}
	fill(r, dst, func() float64 { return low + float64(rng*r.mt.Float64()) })
	return nil
}

// StandardExponential is np.random.standard_exponential: -log(1 - u).
func (r *RandomState) StandardExponential(dst []float64) {
	fill(r, dst, func() float64 { return -legacyLog(1 - r.mt.Float64()) })
}

// Exponential is np.random.exponential(scale, size=len(dst)).
func (r *RandomState) Exponential(dst []float64, scale float64) error {
	if err := checkScale(scale, "scale"); err != nil {
		return err
	}
	fill(r, dst, func() float64 { return scale * -legacyLog(1-r.mt.Float64()) })
	return nil
}

// Randint is np.random.randint(low, high, size=len(dst), dtype=T) with
// numpy's masked rejection; np.random.randint(n) is Randint(r, dst,
// I64(0), I64(n)). An empty dst returns before the bounds are checked,
// as numpy does for a size with a zero extent.
func Randint[T Int](r *RandomState, dst []T, low, high Bound) error {
	if len(dst) == 0 {
		return nil
	}
	r.lock()
	defer r.unlock()
	return integers(&r.mt, dst, low, high, false, true)
}

// RandintBool is Randint for dtype=bool.
func RandintBool(r *RandomState, dst []bool, low, high Bound) error {
	if len(dst) == 0 {
		return nil
	}
	r.lock()
	defer r.unlock()
	return integersBool(&r.mt, dst, low, high, false)
}

// Choice is np.random.choice(a, size, replace, p) as indices into a:
// dst receives len(dst) samples (size=None is one sample). Without p and
// with replacement they come from randint; with p, from uniforms mapped
// through the cumulative distribution; without replacement and without
// p, numpy shuffles the whole range(a) and takes its head, so the
// state advances by a full permutation whatever the sample size.
func (r *RandomState) Choice(dst []int64, c ChoiceArgs) error {
	if err := c.check(len(dst), legacyChoiceMsgs); err != nil {
		return err
	}
	switch {
	case c.Replace && c.P == nil:
		return Randint(r, dst, I64(0), I64(c.Pop))
	case c.Replace:
		u := make([]float64, len(dst))
		r.RandomSample(u)
		cd := cdf(c.P)
		for i, x := range u {
			dst[i] = searchRight(cd, x)
		}
	case c.P != nil:
		if len(dst) > 0 {
			choiceWithoutReplacementP(dst, c.P, r.RandomSample)
		}
	default:
		perm := make([]int64, c.Pop)
		r.Permutation(perm)
		copy(dst, perm)
	}
	return nil
}

// Permutation is np.random.permutation(n) with n = len(dst): range(n)
// shuffled.
func (r *RandomState) Permutation(dst []int64) {
	for i := range dst {
		dst[i] = int64(i)
	}
	Shuffle(r, runtime.FromSlice(dst, len(dst)))
}

func (r *RandomState) acquire() bitSource { r.lock(); return &r.mt }
func (r *RandomState) release()           { r.unlock() }
