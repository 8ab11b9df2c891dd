// Package tablegen derives nprand's tables: those of numpy's ziggurat
// samplers (Generator.standard_normal and Generator.standard_exponential,
// float64 and float32) from their defining constants, and that of
// nprand's logarithm (logtable.go). It is run by go generate in package
// nprand, which compiles the result into the Go runtime (tables.go) and
// the ziggurat tables into the C runtime (pyc2go_ziggurat.h); nprand's
// tests rerun it to check both files, and check the ziggurat tables
// against numpy's output streams.
//
// numpy generated its tables once, outside numpy, and compiled them in
// as decimal literals; the two ziggurats were made differently:
//
//   - The normal's is the float64 recursion of randomgen's table script:
//     x[0] = r, x[i] = sqrt(-2 log(exp(-x[i-1]**2/2) + v/x[i-1])) for
//     i = 1..254, x[255] = 0, each operation rounded to float64, with
//     exp and log correctly rounded except at one step (norQuirk).
//   - The exponential's follows x[0] = r, x[i] = -log(exp(-x[i-1]) +
//     v/x[i-1]) in higher precision, each x rounded to float64 only at
//     the end, except that the topmost layers carry the rounding errors
//     of the arithmetic that made them (expQuirks). Its k table was made
//     for 52-bit draws and doubled for numpy's 53-bit ones, so every k
//     is even.
//
// The layers are then reversed (layer 0 the base with the tail, layer
// 255 the top) and, with s = 2**bits of the draw,
//
//	k[i] = round(x[i-1]/x[i] * s),  k[0] = round(r*f(r)/v * s)
//	w[i] = x[i]/s,                 w[0] = v/f(r)/s
//	f[i] = f(x[i])
//
// The float32 tables use the same x with s = 2**23, printed with 21
// significant digits and read back as float32, as numpy's C compiler
// read its literals.
package tablegen

import (
	"math"
	"math/big"
	"strconv"

	"github.com/pyc2go/pyc2go/runtime"
)

// Defining constants, as numpy states them.
const (
	NorR    = "3.6541528853610087963519472518"
	NorInvR = "0.27366123732975827203338247596"
	NorV    = "0.0049286732339746519"
	ExpR    = "7.6971174701310497140446280481"
	ExpV    = "0.0039496598225815571993"
)

// T64 and T32 are one ziggurat's tables in one precision.
type T64 struct {
	K    [256]uint64
	W, F [256]float64
}

type T32 struct {
	K    [256]uint32
	W, F [256]float32
}

// Tables are all four.
type Tables struct {
	Nor64 T64
	Nor32 T32
	Exp64 T64
	Exp32 T32
}

// norQuirk is the one step of the normal's recursion where the exp of
// the machine that generated numpy's table was not correctly rounded: at
// x[217] (0.8826...) it returned the double above exp(-x*x/2). That
// moved x[218] by two units in the last place and, through the
// recursion, every layer above it; with correct rounding there instead,
// layers 2-37 (reversed) come out 1 to 22 ulps off numpy's, which the
// output streams show.
const norQuirk = 217

// expW64Quirks and expW32Quirks are the offsets, in units in the last
// place and by layer, of numpy's exponential widths from the exactly
// computed ones. numpy's layers are slightly narrower than the exact
// recursion gives: by a few ulps at the top of the ziggurat, where each
// step amplifies the error of the one before, and by one ulp in mid-table
// layers whose exact width lies just above a rounding midpoint. They are
// the rounding errors of the arithmetic that generated numpy's table,
// which no standard precision reproduces (float64, 80-bit long double
// and 56- to 130-bit binary arithmetic with correct rounding were
// tried); every layer's width shows in the values it produces, and
// TestZigguratMatchesNumpy checks each of these through numpy's output
// streams.
var (
	expW64Quirks = map[int]int{
		1: -4, 2: -3, 3: -1, 4: -2, 5: -1, 6: -1, 7: -1, 12: -1, 13: -1, 14: -1, 15: -1, 18: -1,
		33: -1, 35: -1, 55: -1, 56: -1, 66: -1, 91: -1, 141: -1, 144: -1, 179: -1,
	}
	expW32Quirks = map[int]int{226: 1}
)

func f64(s string) float64 {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		panic(err)
	}
	return v
}

// literal32 is what a C compiler makes of x printed as a float literal
// with 21 significant digits ("%.20e" and an f suffix): the decimal
// rounded once to float32.
func literal32(x float64) float32 {
	v, err := strconv.ParseFloat(strconv.FormatFloat(x, 'e', 20, 64), 32)
	if err != nil {
		panic(err)
	}
	return float32(v)
}

// Build derives the tables.
func Build() *Tables {
	t := &Tables{}
	buildNormal(&t.Nor64, &t.Nor32)
	buildExponential(&t.Exp64, &t.Exp32)
	return t
}

func buildNormal(t64 *T64, t32 *T32) {
	r, v := f64(NorR), f64(NorV)
	var x [256]float64
	x[0] = r
	pdf := func(y float64) float64 {
		p := runtime.Exp(-0.5 * y * y)
		if y == x[norQuirk] {
			p = math.Nextafter(p, 2)
		}
		return p
	}
	for i := 1; i < 255; i++ {
		x[i] = math.Sqrt(-2 * runtime.Log(pdf(x[i-1])+v/x[i-1]))
	}
	fill(t64, t32, reverse(x), r, v, pdf, 52, 1)
}

func buildExponential(t64 *T64, t32 *T32) {
	r, v := bigFloat(ExpR), bigFloat(ExpV)
	var x [256]*big.Float
	x[0] = r
	for i := 1; i < 255; i++ {
		s := newFloat().Quo(v, x[i-1])
		s.Add(s, bigExp(newFloat().Neg(x[i-1])))
		x[i] = bigLog(s)
		x[i].Neg(x[i])
	}
	x[255] = newFloat()
	for i, j := 0, 255; i < j; i, j = i+1, j-1 {
		x[i], x[j] = x[j], x[i]
	}
	s53 := newFloat().SetMantExp(big.NewFloat(1), 53)
	s52 := newFloat().SetMantExp(big.NewFloat(1), 52)
	s23 := newFloat().SetMantExp(big.NewFloat(1), 23)
	fr := bigExp(newFloat().Neg(r))
	k0 := newFloat().Quo(newFloat().Mul(r, fr), v)
	w0 := newFloat().Quo(v, fr)
	// k[0] was computed in float64.
	rd, vd := f64(ExpR), f64(ExpV)
	t64.K[0] = uint64(math.RoundToEven(rd * runtime.Exp(-rd) / vd * 0x1p53))
	t32.K[0] = uint32(roundU(newFloat().Mul(k0, s23)))
	t64.W[0] = f64of(newFloat().Quo(w0, s53))
	t32.W[0] = f32of(newFloat().Quo(w0, s23))
	for i := 1; i < 256; i++ {
		ratio := newFloat().Quo(x[i-1], x[i])
		// k was made for 52-bit draws, truncated, and doubled for
		// 53-bit ones.
		t64.K[i] = 2 * floorU(newFloat().Mul(ratio, s52))
		t32.K[i] = uint32(roundU(newFloat().Mul(ratio, s23)))
		t64.W[i] = f64of(newFloat().Quo(x[i], s53))
		t32.W[i] = f32of(newFloat().Quo(x[i], s23))
	}
	for i := range x {
		fx := bigExp(newFloat().Neg(x[i]))
		t64.F[i] = f64of(fx)
		t32.F[i] = literal32(t64.F[i])
	}
	for i, d := range expW64Quirks {
		t64.W[i] = math.Float64frombits(uint64(int64(math.Float64bits(t64.W[i])) + int64(d)))
	}
	for i, d := range expW32Quirks {
		t32.W[i] = math.Float32frombits(uint32(int32(math.Float32bits(t32.W[i])) + int32(d)))
	}
}

// roundU is x rounded to the nearest integer, ties to even.
func roundU(x *big.Float) uint64 {
	i, _ := x.Int(nil) // truncates toward zero; x >= 0
	frac := newFloat().Sub(x, newFloat().SetInt(i))
	switch frac.Cmp(big.NewFloat(0.5)) {
	case 1:
		i.Add(i, big.NewInt(1))
	case 0:
		if i.Bit(0) == 1 {
			i.Add(i, big.NewInt(1))
		}
	}
	return i.Uint64()
}

// floorU is x rounded toward zero (x >= 0).
func floorU(x *big.Float) uint64 {
	i, _ := x.Int(nil)
	return i.Uint64()
}

func f64of(x *big.Float) float64 { v, _ := x.Float64(); return v }
func f32of(x *big.Float) float32 { v, _ := x.Float32(); return v }

func reverse(x [256]float64) [256]float64 {
	for i, j := 0, 255; i < j; i, j = i+1, j-1 {
		x[i], x[j] = x[j], x[i]
	}
	return x
}

// fill computes k, w and f from the reversed layers x of the density
// pdf: the float64 tables for draws of bits64 bits (k computed for
// bits64 - log2(kmul) bits and multiplied by kmul), the float32 ones for
// 23-bit draws.
func fill(t64 *T64, t32 *T32, x [256]float64, r, v float64, pdf func(float64) float64, bits64 int, kmul uint64) {
	s64 := math.Ldexp(1, bits64)
	sk := s64 / float64(kmul)
	s32 := math.Ldexp(1, 23)
	k0 := r * pdf(r) / v
	w0 := v / pdf(r)
	t64.K[0] = uint64(math.RoundToEven(k0 * s64))
	t32.K[0] = uint32(math.RoundToEven(k0 * s32))
	t64.W[0] = w0 / s64
	t32.W[0] = literal32(w0 / s32)
	for i := 1; i < 256; i++ {
		ratio := x[i-1] / x[i]
		t64.K[i] = uint64(math.RoundToEven(ratio*sk)) * kmul
		t32.K[i] = uint32(math.RoundToEven(ratio * s32))
		t64.W[i] = x[i] / s64
		t32.W[i] = literal32(x[i] / s32)
	}
	for i := range x {
		t64.F[i] = pdf(x[i])
		t32.F[i] = literal32(t64.F[i])
	}
}
