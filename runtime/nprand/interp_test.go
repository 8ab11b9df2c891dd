package nprand

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/pyc2go/pyc2go/runtime"
)

// runCases is the Go side of the differential test: it runs the case
// lines of testdata/numpy_ref.py through this package and prints what
// that script prints.
func runCases(lines []string) string {
	var out []string
	for _, line := range lines {
		parts := strings.Split(line, ";")
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
		}
		head := strings.Fields(parts[0])
		var res []string
		switch head[0] {
		case "legacy":
			rs := &RandomState{}
			if err := seedLegacy(rs, head[1]); err != nil {
				out = append(out, errLine(err), "--")
				continue
			}
			for _, p := range parts[1:] {
				f := strings.Fields(p)
				res = append(res, legacyOp(rs, f[0], f[1:]))
			}
		case "gen":
			g, err := seedGen(head[1])
			if err != nil {
				out = append(out, errLine(err), "--")
				continue
			}
			for _, p := range parts[1:] {
				f := strings.Fields(p)
				res = append(res, genOp(g, f[0], f[1:]))
			}
		}
		out = append(out, res...)
		out = append(out, "--")
	}
	return strings.Join(out, "\n") + "\n"
}

func errLine(err error) string {
	var e *runtime.Error
	if errors.As(err, &e) {
		return "!" + e.Type + ": " + e.Msg
	}
	return "!Go: " + err.Error()
}

func ints(s string) []int64 {
	var v []int64
	if s == "" {
		return v
	}
	for _, x := range strings.Split(s, ",") {
		n, err := strconv.ParseInt(x, 10, 64)
		if err != nil {
			panic(err)
		}
		v = append(v, n)
	}
	return v
}

func seedLegacy(rs *RandomState, spec string) error {
	kind, rest, _ := strings.Cut(spec, ":")
	switch kind {
	case "int":
		n, err := strconv.ParseInt(rest, 10, 64)
		if err != nil {
			return valueError("Seed must be between 0 and 2**32 - 1")
		}
		return rs.Seed(n)
	case "arr":
		return rs.SeedArray(ints(rest))
	}
	rs.SeedEntropy()
	return nil
}

func seedGen(spec string) (*Generator, error) {
	kind, rest, _ := strings.Cut(spec, ":")
	switch kind {
	case "int":
		n, ok := new(big.Int).SetString(rest, 10)
		if !ok {
			panic(spec)
		}
		if n.Sign() < 0 {
			return nil, valueError("expected non-negative integer")
		}
		if n.IsInt64() {
			return DefaultRNG(n.Int64())
		}
		// Beyond int64: the words of the big integer.
		var w []uint32
		for ; n.Sign() > 0; n.Rsh(n, 32) {
			w = append(w, uint32(new(big.Int).And(n, big.NewInt(0xffffffff)).Uint64()))
		}
		return NewGenerator(w), nil
	case "seq":
		return DefaultRNGSeq(ints(rest))
	}
	return DefaultRNGEntropy(), nil
}

func size(s string) int {
	if s == "s" {
		return 1
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		panic(err)
	}
	return n
}

// fl parses a float as Python does; nan is Python's NaN (quiet, no
// payload), which Go's math.NaN is not.
func fl(s string) float64 {
	if s == "nan" {
		return math.Float64frombits(0x7ff8000000000000)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		panic(err)
	}
	return v
}

// bound parses a decimal integer of any size up to 2**64 into a Bound.
func bound(s string) Bound {
	n, ok := new(big.Int).SetString(s, 10)
	if !ok {
		panic(s)
	}
	lo := new(big.Int).And(n, new(big.Int).SetUint64(math.MaxUint64)).Uint64()
	hi := new(big.Int).Rsh(n, 64).Int64()
	return Int128(hi, lo)
}

func pvec(s string) []float64 {
	if s == "-" {
		return nil
	}
	var p []float64
	for _, x := range strings.Split(s, ",") {
		p = append(p, fl(x))
	}
	return p
}

func f64s(v []float64) string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = fmt.Sprintf("%016x", math.Float64bits(x))
	}
	return strings.Join(s, " ")
}

func f32s(v []float32) string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = fmt.Sprintf("%08x", math.Float32bits(x))
	}
	return strings.Join(s, " ")
}

func intsOut[T Int](v []T) string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = fmt.Sprint(x)
	}
	return strings.Join(s, " ")
}

func boolsOut(v []bool) string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = "0"
		if x {
			s[i] = "1"
		}
	}
	return strings.Join(s, " ")
}

// randint runs randint or integers for the dtype named dt.
func randint(dt string, lo, hi Bound, n int, f func(dst any) error) string {
	var dst any
	switch dt {
	case "int8":
		dst = make([]int8, n)
	case "int16":
		dst = make([]int16, n)
	case "int32":
		dst = make([]int32, n)
	case "int64":
		dst = make([]int64, n)
	case "uint8":
		dst = make([]uint8, n)
	case "uint16":
		dst = make([]uint16, n)
	case "uint32":
		dst = make([]uint32, n)
	case "uint64":
		dst = make([]uint64, n)
	case "bool":
		dst = make([]bool, n)
	default:
		panic(dt)
	}
	if err := f(dst); err != nil {
		return errLine(err)
	}
	switch d := dst.(type) {
	case []int8:
		return intsOut(d)
	case []int16:
		return intsOut(d)
	case []int32:
		return intsOut(d)
	case []int64:
		return intsOut(d)
	case []uint8:
		return intsOut(d)
	case []uint16:
		return intsOut(d)
	case []uint32:
		return intsOut(d)
	case []uint64:
		return intsOut(d)
	}
	return boolsOut(dst.([]bool))
}

// boundsOf is randint's (low, high) with numpy's high=None convention.
func boundsOf(lo, hi string) (Bound, Bound) {
	if hi == "None" {
		return I64(0), bound(lo)
	}
	return bound(lo), bound(hi)
}

func dispatchInts(dst any, lo, hi Bound, endpoint bool, rs *RandomState, g *Generator) error {
	switch d := dst.(type) {
	case []int8:
		return ints2(d, lo, hi, endpoint, rs, g)
	case []int16:
		return ints2(d, lo, hi, endpoint, rs, g)
	case []int32:
		return ints2(d, lo, hi, endpoint, rs, g)
	case []int64:
		return ints2(d, lo, hi, endpoint, rs, g)
	case []uint8:
		return ints2(d, lo, hi, endpoint, rs, g)
	case []uint16:
		return ints2(d, lo, hi, endpoint, rs, g)
	case []uint32:
		return ints2(d, lo, hi, endpoint, rs, g)
	case []uint64:
		return ints2(d, lo, hi, endpoint, rs, g)
	case []bool:
		if rs != nil {
			return RandintBool(rs, d, lo, hi)
		}
		return IntegersBool(g, d, lo, hi, endpoint)
	}
	panic("dtype")
}

func ints2[T Int](d []T, lo, hi Bound, endpoint bool, rs *RandomState, g *Generator) error {
	if rs != nil {
		return Randint(rs, d, lo, hi)
	}
	return Integers(g, d, lo, hi, endpoint)
}

func arange2(r, c int) *runtime.Array[float64] {
	a := runtime.Zeros[float64](r, c)
	for i := range a.Data {
		a.Data[i] = float64(i)
	}
	return a
}

func aranged(n int) *runtime.Array[int64] {
	a := runtime.Zeros[int64](n)
	for i := range a.Data {
		a.Data[i] = int64(i)
	}
	return a
}

func choiceOut(idx []int64, err error, arr bool) string {
	if err != nil {
		return errLine(err)
	}
	if arr {
		for i := range idx {
			idx[i] *= 10
		}
	}
	return intsOut(idx)
}

func legacyOp(rs *RandomState, op string, a []string) string {
	switch op {
	case "seed":
		if err := seedLegacy(rs, a[0]); err != nil {
			return errLine(err)
		}
		return ""
	case "rand":
		v := make([]float64, size(a[0]))
		rs.RandomSample(v)
		return f64s(v)
	case "randn":
		v := make([]float64, size(a[0]))
		rs.StandardNormal(v)
		return f64s(v)
	case "normal":
		v := make([]float64, size(a[2]))
		if err := rs.Normal(v, fl(a[0]), fl(a[1])); err != nil {
			return errLine(err)
		}
		return f64s(v)
	case "uniform":
		v := make([]float64, size(a[2]))
		if err := rs.Uniform(v, fl(a[0]), fl(a[1])); err != nil {
			return errLine(err)
		}
		return f64s(v)
	case "exponential":
		v := make([]float64, size(a[1]))
		if err := rs.Exponential(v, fl(a[0])); err != nil {
			return errLine(err)
		}
		return f64s(v)
	case "stdexp":
		v := make([]float64, size(a[0]))
		rs.StandardExponential(v)
		return f64s(v)
	case "randint":
		lo, hi := boundsOf(a[1], a[2])
		return randint(a[0], lo, hi, size(a[3]), func(dst any) error { return dispatchInts(dst, lo, hi, false, rs, nil) })
	case "choice", "choicearr":
		idx := make([]int64, size(a[1]))
		c := ChoiceArgs{Pop: int64(size(a[0])), Replace: a[2] == "1", P: pvec(a[3]), AIsInt: op == "choice"}
		return choiceOut(idx, rs.Choice(idx, c), op == "choicearr")
	case "perm":
		v := make([]int64, max(size(a[0]), 0))
		rs.Permutation(v)
		return intsOut(v)
	case "shuffle":
		x := aranged(size(a[0]))
		Shuffle(rs, x)
		return intsOut(x.Data)
	case "shuffle2":
		x := arange2(size(a[0]), size(a[1]))
		Shuffle(rs, x)
		return f64s(x.Data)
	case "permarr":
		return f64s(PermutationOf(rs, arange2(size(a[0]), size(a[1]))).Data)
	}
	panic("unknown legacy op " + op)
}

func genOp(g *Generator, op string, a []string) string {
	switch op {
	case "random":
		v := make([]float64, size(a[0]))
		g.Random(v)
		return f64s(v)
	case "random32":
		v := make([]float32, size(a[0]))
		g.Random32(v)
		return f32s(v)
	case "stdnorm":
		v := make([]float64, size(a[0]))
		g.StandardNormal(v)
		return f64s(v)
	case "stdnorm32":
		v := make([]float32, size(a[0]))
		g.StandardNormal32(v)
		return f32s(v)
	case "normal":
		v := make([]float64, size(a[2]))
		if err := g.Normal(v, fl(a[0]), fl(a[1])); err != nil {
			return errLine(err)
		}
		return f64s(v)
	case "uniform":
		v := make([]float64, size(a[2]))
		if err := g.Uniform(v, fl(a[0]), fl(a[1])); err != nil {
			return errLine(err)
		}
		return f64s(v)
	case "exponential":
		v := make([]float64, size(a[1]))
		if err := g.Exponential(v, fl(a[0])); err != nil {
			return errLine(err)
		}
		return f64s(v)
	case "stdexp":
		v := make([]float64, size(a[0]))
		g.StandardExponential(v)
		return f64s(v)
	case "stdexp32":
		v := make([]float32, size(a[0]))
		g.StandardExponential32(v)
		return f32s(v)
	case "integers":
		lo, hi := boundsOf(a[1], a[2])
		return randint(a[0], lo, hi, size(a[4]), func(dst any) error { return dispatchInts(dst, lo, hi, a[3] == "1", nil, g) })
	case "choice", "choicearr":
		idx := make([]int64, size(a[1]))
		c := ChoiceArgs{Pop: int64(size(a[0])), Replace: a[2] == "1", P: pvec(a[3]), AIsInt: op == "choice"}
		return choiceOut(idx, g.Choice(idx, c, a[4] == "1"), op == "choicearr")
	case "perm":
		v := make([]int64, max(size(a[0]), 0))
		g.Permutation(v)
		return intsOut(v)
	case "shuffle":
		x := aranged(size(a[0]))
		Shuffle(g, x)
		return intsOut(x.Data)
	case "shuffle2":
		x := arange2(size(a[0]), size(a[1]))
		Shuffle(g, x)
		return f64s(x.Data)
	case "permarr":
		return f64s(PermutationOf(g, arange2(size(a[0]), size(a[1]))).Data)
	}
	panic("unknown gen op " + op)
}
