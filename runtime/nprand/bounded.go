package nprand

import (
	"math/bits"

	"github.com/pyc2go/pyc2go/runtime"
)

// Bounded integers (randint, integers, choice, shuffle) are numpy's
// random_bounded_*_fill: a draw in the closed range [off, off+rng] is
// off plus a value in [0, rng] obtained from the bit generator by
//
//   - masked rejection (legacy RandomState): draw, keep the bits below
//     the smallest all-ones mask covering rng, retry while above rng;
//   - Lemire's multiply-and-reject (Generator): the high half of
//     draw*(rng+1), retried while the low half falls below
//     (2**w - rng - 1) mod (rng+1).
//
// The word drawn depends on the dtype and on rng, as in numpy: 64-bit
// words only when rng needs more than 32 bits, one 32-bit word per value
// otherwise, and for int8/int16 (and their unsigned twins) 32-bit words
// cut into 8- or 16-bit pieces, low piece first, the leftover pieces
// discarded at the end of each call. rng == 0 draws nothing; a full-width
// rng takes the raw word.

// bitSource is a bit generator as the bounded samplers see it.
type bitSource interface {
	Uint32() uint32
	Uint64() uint64
}

// Int is the set of integer dtypes randint and integers produce (bool has
// its own functions).
type Int interface {
	int8 | int16 | int32 | int64 | uint8 | uint16 | uint32 | uint64
}

// genMask is the smallest all-ones mask >= max.
func genMask(max uint64) uint64 {
	if max == 0 {
		return 0
	}
	return ^uint64(0) >> bits.LeadingZeros64(max)
}

// buffer cuts 32-bit words into w-bit pieces (numpy's buffered_uint8 and
// buffered_uint16); it lives for one fill call.
type buffer struct {
	buf uint32
	cnt int
}

func (b *buffer) next(src bitSource, w int) uint64 {
	if b.cnt == 0 {
		b.buf = src.Uint32()
		b.cnt = 32/w - 1
	} else {
		b.buf >>= w
		b.cnt--
	}
	return uint64(b.buf) & (1<<w - 1)
}

// word draws a w-bit value: w is 8, 16, 32 or 64.
func (b *buffer) word(src bitSource, w int) uint64 {
	switch w {
	case 64:
		return src.Uint64()
	case 32:
		return uint64(src.Uint32())
	}
	return b.next(src, w)
}

// bounded returns a value in [0, rng] from w-bit words; rng < 2**w - 1
// and rng > 0 (the callers take the raw word or zero otherwise).
func (b *buffer) bounded(src bitSource, w int, rng uint64, masked bool) uint64 {
	if masked {
		mask := genMask(rng)
		for {
			if v := b.word(src, w) & mask; v <= rng {
				return v
			}
		}
	}
	excl := rng + 1
	if w == 64 {
		hi, lo := bits.Mul64(src.Uint64(), excl)
		if lo < excl {
			threshold := (^uint64(0) - rng) % excl
			for lo < threshold {
				hi, lo = bits.Mul64(src.Uint64(), excl)
			}
		}
		return hi
	}
	wmask := uint64(1)<<w - 1
	m := b.word(src, w) * excl
	if m&wmask < excl {
		threshold := (wmask - rng) % excl
		for m&wmask < threshold {
			m = b.word(src, w) * excl
		}
	}
	return m >> w
}

// value is one draw of random_bounded_uintW_fill in [0, rng], rng taken
// modulo 2**w.
func (b *buffer) value(src bitSource, w int, rng uint64, masked bool) uint64 {
	wmask := ^uint64(0) >> (64 - w)
	switch {
	case rng == 0:
		return 0
	case rng == wmask:
		return b.word(src, w)
	case w == 64 && rng <= 0xFFFFFFFF:
		// numpy's 64-bit fill samples a range that fits in 32 bits from
		// 32-bit words.
		return b.value(src, 32, rng, masked)
	}
	return b.bounded(src, w, rng, masked)
}

// fillBounded writes values in [lo, hi] to dst (lo <= hi, as T).
func fillBounded[T Int](src bitSource, lo, hi T, dst []T, masked bool) {
	_, _, _, w := limits[T]()
	wmask := ^uint64(0) >> (64 - w)
	off := uint64(lo)
	rng := (uint64(hi) - uint64(lo)) & wmask
	var b buffer
	for i := range dst {
		dst[i] = T(off + b.value(src, w, rng, masked))
	}
}

// fillBool is random_bounded_bool_fill: one bit per value from 32-bit
// words, low bit first; [False, False] and [True, True] draw nothing.
func fillBool(src bitSource, lo, hi bool, dst []bool) {
	var b buffer
	for i := range dst {
		if lo == hi {
			dst[i] = lo
			continue
		}
		dst[i] = b.next(src, 1) != 0
	}
}

// Bound is an integer bound of randint or integers as Python sees it: any
// int64 or uint64 value (numpy takes Python ints, which the compiled code
// holds in one of the two).
type Bound struct {
	hi int64 // two's complement 128-bit value: hi:lo
	lo uint64
}

// I64 is the bound v.
func I64(v int64) Bound { return Bound{v >> 63, uint64(v)} }

// U64 is the bound v.
func U64(v uint64) Bound { return Bound{0, v} }

// Int128 is the bound hi*2**64 + lo (hi signed): for constants beyond
// the 64-bit types, such as randint(0, 2**64, dtype=np.uint64)'s high,
// Int128(1, 0).
func Int128(hi int64, lo uint64) Bound { return Bound{hi, lo} }

func (b Bound) less(c Bound) bool {
	return b.hi < c.hi || b.hi == c.hi && b.lo < c.lo
}

func (b Bound) minus1() Bound {
	lo, borrow := bits.Sub64(b.lo, 1, 0)
	return Bound{b.hi - int64(borrow), lo}
}

func (b Bound) isZero() bool { return b.hi == 0 && b.lo == 0 }

// limits returns T's range, numpy's name for it and its width in bits.
func limits[T Int]() (min, max Bound, name string, width int) {
	var z T
	switch any(z).(type) {
	case int8:
		return I64(-1 << 7), I64(1<<7 - 1), "int8", 8
	case int16:
		return I64(-1 << 15), I64(1<<15 - 1), "int16", 16
	case int32:
		return I64(-1 << 31), I64(1<<31 - 1), "int32", 32
	case int64:
		return I64(-1 << 63), I64(1<<63 - 1), "int64", 64
	case uint8:
		return U64(0), U64(1<<8 - 1), "uint8", 8
	case uint16:
		return U64(0), U64(1<<16 - 1), "uint16", 16
	case uint32:
		return U64(0), U64(1<<32 - 1), "uint32", 32
	}
	return U64(0), U64(1<<64 - 1), "uint64", 64
}

// checkRange validates [low, high) (or [low, high] with endpoint) as
// numpy's _rand_<dtype> does, with its messages, and returns the closed
// range.
func checkRange(low, high Bound, endpoint bool, min, max Bound, name string) (lo, hi Bound, err error) {
	if !endpoint {
		high = high.minus1()
	}
	switch {
	case low.less(min):
		return lo, hi, valueError("low is out of bounds for " + name)
	case max.less(high):
		return lo, hi, valueError("high is out of bounds for " + name)
	case high.less(low):
		comp := ">="
		if endpoint {
			comp = ">"
		}
		if low.isZero() {
			comp = "<="
			if endpoint {
				comp = "<"
			}
			return lo, hi, valueError("high " + comp + " 0")
		}
		return lo, hi, valueError("low " + comp + " high")
	}
	return low, high, nil
}

// valueError is a ValueError without a source position (the generated
// code adds its own).
func valueError(msg string) error { return runtime.Raise(runtime.ValueError, msg, "", 0, "") }

// integers checks the bounds for T and fills dst from src.
func integers[T Int](src bitSource, dst []T, low, high Bound, endpoint, masked bool) error {
	min, max, name, _ := limits[T]()
	lo, hi, err := checkRange(low, high, endpoint, min, max, name)
	if err != nil {
		return err
	}
	fillBounded(src, T(lo.lo), T(hi.lo), dst, masked)
	return nil
}

// integersBool is integers for dtype=bool.
func integersBool(src bitSource, dst []bool, low, high Bound, endpoint bool) error {
	lo, hi, err := checkRange(low, high, endpoint, U64(0), U64(1), "bool")
	if err != nil {
		return err
	}
	fillBool(src, lo.lo == 1, hi.lo == 1, dst)
	return nil
}
