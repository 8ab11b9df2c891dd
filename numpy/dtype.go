package numpy

import (
	"cmp"
	_ "embed"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/pyc2go/pyc2go/ir"
)

// Array dtypes.
//
// numpy 1.24 decides the dtype of an array operation from tables and, for
// scalar operands, from their values (value-based casting: int8 array + 1
// is int8, + 1000 is int16). testdata/numpy_array_probe.py asks numpy for
// every case pyc2go can meet and prints one line per case:
//
//	un OP KIND -> RES            unary operator on a KIND array
//	fn NAME KIND -> RES          one-array ufunc or reduction np.NAME
//	ck FROM TO -> True|False     np.can_cast(FROM, TO, "same_kind") (a += b)
//	aa OP KIND KIND -> RES       array OP array (or a named binary ufunc)
//	as OP KIND CLASS -> RES      array OP scalar of value class CLASS
//	sa OP CLASS KIND -> RES      scalar OP array (only ** and power differ by side)
//
// RES is a dtype name, "error" (TypeError), "valueerror" (int ** negative
// int) or a dtype pyc2go lacks (float16). That is 21,814 lines, but most
// follow two rules, so dtypes.txt keeps only what the rules cannot say:
//
//   - aa: the result depends on the operands only through their promoted
//     type (np.promote_types), so only the diagonal `aa OP K K` is kept,
//     plus the few pairs whose loop is not the promoted one's (arctan2 and
//     hypot of int8 and uint8 run in float16);
//   - as and sa: numpy 1.24 replaces a scalar of the array's category or a
//     lower one (bool < int < float = complex) by the smallest type that
//     holds its value (min_scalar_type; a non-negative int beside a signed
//     array takes the signed type), then looks up aa. Kept are the lines
//     where numpy's ufunc loop search picks another loop (//, %, the bit
//     operators and powers of unsigned arrays) or raises for the value
//     (int ** negative int).
//
// The value classes of each scalar kind (one representative value per
// range min_scalar_type tells apart) are `cl KIND:VALUE` lines.
// TestDTypes re-runs the probe with /usr/bin/python3, checks that the
// rules expand dtypes.txt back to exactly its output, and rewrites the
// file with PYC2GO_UPDATE=1.
//
// The table is parsed on first use (sync.OnceValue), so a process that
// never types an array (pyc2go version, a generated harness) never pays
// for it.

//go:embed dtypes.txt
var dtypesText string

// dtypeTable is dtypes.txt parsed.
type dtypeTable struct {
	lines   map[string]string                     // "un OP K", "fn NAME K", "ck F T" and the kept aa/as/sa lines
	diag    map[string]*[ir.Complex128 + 1]string // aa OP K K, by OP
	classes map[ir.Scalar][]string                // value classes per scalar kind, in probe order
	binops  []string                              // the binary operations, in probe order
}

var dtypes = sync.OnceValue(func() *dtypeTable { return parseDTypes(dtypesText) })

// scalarNamed is the kind numpy names name ("float32"), Invalid if none.
func scalarNamed(name string) ir.Scalar {
	for k := ir.Bool; k <= ir.Complex128; k++ {
		if k.String() == name {
			return k
		}
	}
	return ir.Invalid
}

func parseDTypes(text string) *dtypeTable {
	t := &dtypeTable{lines: map[string]string{}, diag: map[string]*[ir.Complex128 + 1]string{}, classes: map[ir.Scalar][]string{}}
	for _, line := range strings.Split(text, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		if cls, ok := strings.CutPrefix(line, "cl "); ok {
			k, _, _ := strings.Cut(cls, ":")
			t.classes[scalarNamed(k)] = append(t.classes[scalarNamed(k)], cls)
			continue
		}
		lhs, res, _ := strings.Cut(line, " -> ")
		f := strings.Fields(lhs)
		if f[0] == "aa" && f[2] == f[3] {
			d := t.diag[f[1]]
			if d == nil {
				d = new([ir.Complex128 + 1]string)
				t.diag[f[1]] = d
				t.binops = append(t.binops, f[1])
			}
			d[scalarNamed(f[2])] = res
			continue
		}
		t.lines[lhs] = res
	}
	return t
}

// arrayArray is the table's `aa op l r`.
func (t *dtypeTable) arrayArray(op string, l, r ir.Scalar) string {
	if res, ok := t.lines["aa "+op+" "+l.String()+" "+r.String()]; ok {
		return res
	}
	d := t.diag[op]
	p := Promote(l, r)
	if d == nil || p == ir.Invalid {
		return ""
	}
	return d[p]
}

// arrayScalar is the table's `as op arr class` (left: `sa op class arr`).
func (t *dtypeTable) arrayScalar(op string, arr ir.Scalar, class string, left bool) string {
	key := "as " + op + " " + arr.String() + " " + class
	if left {
		key = "sa " + op + " " + class + " " + arr.String()
	}
	if res, ok := t.lines[key]; ok {
		return res
	}
	if t.diag[op] == nil || op == "dot" {
		return ""
	}
	eff := valueKind(class, arr)
	if left {
		return t.arrayArray(op, eff, arr)
	}
	return t.arrayArray(op, arr, eff)
}

// category is numpy's order of kinds for value-based casting: a scalar
// is cast by value only beside an array of the same category or a higher
// one. Float and complex share one.
func category(k ir.Scalar) int {
	switch {
	case k == ir.Bool:
		return 0
	case k.IsInt():
		return 1
	}
	return 2
}

// valueKind is the type numpy 1.24 gives a scalar of value class class
// beside an arr array: its min_scalar_type when its category is not above
// the array's, else its own type.
func valueKind(class string, arr ir.Scalar) ir.Scalar {
	kname, v, _ := strings.Cut(class, ":")
	k := scalarNamed(kname)
	if category(k) > category(arr) {
		return k
	}
	switch {
	case k == ir.Bool:
		return ir.Bool
	case k.IsInt():
		if strings.HasPrefix(v, "-") {
			n, _ := strconv.ParseInt(v, 10, 64)
			return smallestInt(func(s ir.Scalar) bool { return s.IsSigned() && n >= intMin(s) })
		}
		n, _ := strconv.ParseUint(v, 10, 64)
		// A non-negative value beside a signed array takes the smallest
		// signed type that holds it (numpy's "small unsigned" flag).
		if arr.IsSigned() {
			if s := smallestInt(func(s ir.Scalar) bool { return s.IsSigned() && n <= uint64(intMax(s)) }); s != ir.Invalid {
				return s
			}
		}
		return smallestInt(func(s ir.Scalar) bool { return !s.IsSigned() && n <= uintMax(s) })
	case k.IsFloat():
		f, _ := strconv.ParseFloat(v, 64)
		// float16 (|x| <= 65504, inf and nan) promotes with any float or
		// complex array as float32 does; pyc2go has no float16.
		if math.Abs(f) <= math.MaxFloat32 || math.IsInf(f, 0) || math.IsNaN(f) {
			return ir.Float32
		}
		return ir.Float64
	}
	f, _ := strconv.ParseFloat(strings.TrimSuffix(v, "j"), 64)
	if math.Abs(f) <= math.MaxFloat32 || math.IsInf(f, 0) || math.IsNaN(f) {
		return ir.Complex64
	}
	return ir.Complex128
}

func smallestInt(fits func(ir.Scalar) bool) ir.Scalar {
	for _, s := range []ir.Scalar{ir.Int8, ir.Uint8, ir.Int16, ir.Uint16, ir.Int32, ir.Uint32, ir.Int64, ir.Uint64} {
		if fits(s) {
			return s
		}
	}
	return ir.Invalid
}

func intMin(s ir.Scalar) int64   { return -1 << (s.Bits() - 1) }
func intMax(s ir.Scalar) int64   { return 1<<(s.Bits()-1) - 1 }
func uintMax(s ir.Scalar) uint64 { return 1<<s.Bits() - 1 }

// Promote is np.promote_types on pyc2go's kinds: the smallest kind both
// convert to safely (int64 and uint64 meet in float64; integers need a
// float of twice their width, so int8 and float16 would meet in float16,
// which pyc2go lacks: Invalid).
func Promote(a, b ir.Scalar) ir.Scalar {
	if a == b {
		return a
	}
	if a == ir.Bool {
		return b
	}
	if b == ir.Bool {
		return a
	}
	// width is what each needs of the result: the bits of an int, the
	// bits of a float's or complex's real part.
	width := func(s ir.Scalar) int {
		if s.IsComplex() {
			return s.Bits() / 2
		}
		return s.Bits()
	}
	switch {
	case a.IsInt() && b.IsInt():
		if a.IsSigned() == b.IsSigned() {
			if a.Bits() > b.Bits() {
				return a
			}
			return b
		}
		s, u := a, b
		if !s.IsSigned() {
			s, u = u, s
		}
		if s.Bits() > u.Bits() {
			return s
		}
		return sizedKind("int", 2*u.Bits())
	case a.IsInt() || b.IsInt():
		i, f := a, b
		if !i.IsInt() {
			i, f = f, i
		}
		need := 2 * i.Bits() // a float of this width holds every value of i
		if need > 64 {
			need = 64
		}
		w := max(need, width(f))
		if f.IsComplex() {
			return sizedKind("complex", 2*w)
		}
		return sizedKind("float", w)
	}
	w := max(width(a), width(b))
	if a.IsComplex() || b.IsComplex() {
		return sizedKind("complex", 2*w)
	}
	return sizedKind("float", w)
}

func sizedKind(prefix string, bits int) ir.Scalar {
	if k := scalarNamed(prefix + strconv.Itoa(bits)); k != ir.Invalid {
		return k
	}
	if prefix == "int" && bits > 64 {
		return ir.Float64
	}
	return ir.Invalid
}

// result turns a table result into a kind or an error message about what.
func result(res, what string) (ir.Scalar, string) {
	switch res {
	case "":
		return ir.Invalid, "unsupported: " + what
	case "error":
		return ir.Invalid, what + " is not supported by numpy (TypeError)"
	case "valueerror":
		return ir.Invalid, "Integers to negative integer powers are not allowed."
	}
	if k := scalarNamed(res); k != ir.Invalid {
		return k, ""
	}
	return ir.Invalid, fmt.Sprintf("unsupported: %s is computed in %s by numpy, which pyc2go does not support; convert the array with .astype(np.float32) first", what, res)
}

// UnaryDType is the dtype of -a, +a, ~a or abs(a) for a k array, or an
// error message.
func UnaryDType(op string, k ir.Scalar) (ir.Scalar, string) {
	name := op
	if op != "abs" {
		name = "unary " + op
	}
	return result(dtypes().lines["un "+op+" "+k.String()], fmt.Sprintf("%s of %s", name, AnArray(k)))
}

// FuncDType is the dtype of np.NAME(a) (a one-array ufunc or reduction)
// of a k array, or an error message.
func FuncDType(name string, k ir.Scalar) (ir.Scalar, string) {
	return result(dtypes().lines["fn "+name+" "+k.String()], fmt.Sprintf("np.%s of %s", name, AnArray(k)))
}

// BinaryDType is the dtype of `array op array` (op an operator or a named
// binary ufunc: minimum, arctan2, where, dot, ...), or an error message.
// Array-array promotion does not look at values.
func BinaryDType(op string, l, r ir.Scalar) (ir.Scalar, string) {
	return result(dtypes().arrayArray(op, l, r), opWhat(op, AnArray(l), AnArray(r)))
}

// SameKind reports whether numpy's casting="same_kind" (in-place
// operators, a += b) allows storing from into to.
func SameKind(from, to ir.Scalar) bool {
	return dtypes().lines["ck "+from.String()+" "+to.String()] == "True"
}

// Scalar is what is known about a scalar operand of an array operation:
// its kind and, for a constant, its value (int64, float64, complex128 or
// bool; nil when only known at run time).
type Scalar struct {
	Kind  ir.Scalar
	Value any
}

// ScalarDType is the dtype of `array op scalar` (left: `scalar op
// array`) with numpy 1.24's value-based casting, or an error message. A
// constant has one value class. A scalar known only at run time may hold
// any value of its kind: when numpy's dtype differs between them, the
// dtype of a typical value (1, 2.0) is compiled and guard says for which
// values numpy 1.24 gives it; the generated code raises for the others
// (numpy 2 gives the compiled dtype for every value). When the values
// giving it are not one interval (or the scalar is complex or uint64),
// the operation is rejected with a message saying how to pin the dtype.
func ScalarDType(op string, arr ir.Scalar, sc Scalar, left bool) (k ir.Scalar, guard *ValueGuard, msg string) {
	what := opWhat(op, AnArray(arr), TypeName(sc.Kind))
	if left {
		what = opWhat(op, TypeName(sc.Kind), AnArray(arr))
	}
	t := dtypes()
	// Only the power operations depend on the side; the others are
	// looked up array-first (the probe checks they are symmetric).
	side := left && (op == "**" || op == "power")
	if sc.Value != nil {
		k, msg := result(t.arrayScalar(op, arr, valueClass(sc.Kind, sc.Value), side), what)
		return k, nil, msg
	}
	res, typical := "", ""
	results := map[string]string{} // class -> numpy's dtype
	for _, class := range t.classes[sc.Kind] {
		r := t.arrayScalar(op, arr, class, side)
		results[class] = r
		if class == typicalClass(sc.Kind) {
			typical = r
		}
		if r == "valueerror" {
			continue // a negative exponent: a run-time error, not a type
		}
		if res == "" {
			res = r
		} else if r != res {
			res = "varies"
		}
	}
	if res != "varies" {
		k, msg := result(res, what)
		return k, nil, msg
	}
	if g := valueGuard(sc.Kind, typical, results); g != nil {
		k, msg := result(typical, what)
		if msg != "" {
			return k, nil, msg
		}
		g.What, g.Compiled = what, k
		return k, g, ""
	}
	var others []string
	for _, class := range t.classes[sc.Kind] {
		if r := results[class]; r != "valueerror" && !slices.Contains(others, r) {
			others = append(others, r)
		}
	}
	return ir.Invalid, nil, fmt.Sprintf("the dtype of %s depends on the scalar's value at run time in numpy 1.24 (value-based casting: it may be %s); convert the scalar to the array's type, as in np.%s(x), or write a constant", what, strings.Join(others, " or "), arr)
}

// ValueGuard is the run-time condition under which numpy 1.24 gives an
// array operation with a scalar operand known only at run time the dtype
// pyc2go compiled (value-based casting): an int scalar in [Lo, Hi], a
// float one with |x| < MaxAbs (or infinite, or NaN).
type ValueGuard struct {
	Int      bool
	Lo, Hi   int64
	MaxAbs   float64
	What     string    // the operation: "a float32 array * float"
	Compiled ir.Scalar // the dtype compiled
	Others   []string  // numpy's dtypes outside the range
}

// MsgValueCast starts the message of a ValueGuard's ValueError; verify
// knows it (numpy 1.24 returned a wider dtype where pyc2go raises it).
const MsgValueCast = "pyc2go: value-based casting:"

// Message is the text of the ValueError the generated code raises when
// the scalar is outside the guard's range.
func (g *ValueGuard) Message() string {
	rng := fmt.Sprintf("|x| < %g", g.MaxAbs)
	if g.Int {
		rng = fmt.Sprintf("%d <= x <= %d", g.Lo, g.Hi)
	}
	return fmt.Sprintf(MsgValueCast+" numpy 1.24 computes %s in %s for this value of the scalar; "+
		"the kernel was compiled for %s (numpy 1.24's dtype for %s, numpy 2's for every value): convert the array or the scalar first",
		g.What, strings.Join(g.Others, " or "), g.Compiled, rng)
}

// typicalClass is the value class whose dtype a run-time scalar of kind
// k compiles to: a small positive value.
func typicalClass(k ir.Scalar) string {
	switch {
	case k.IsFloat():
		return k.String() + ":2.0"
	case k.IsComplex():
		return k.String() + ":2j"
	case k == ir.Bool:
		return "bool:True"
	}
	return k.String() + ":1"
}

// classRange is the interval of values of an int class (as valueClass
// assigns them), or of magnitudes of a float class.
type classRange struct {
	lo, hi int64   // ints
	maxAbs float64 // floats: the class holds |x| < maxAbs above the previous class
}

var intClassRanges = map[string]classRange{
	"-3000000000": {lo: math.MinInt64, hi: math.MinInt32 - 1}, "-40000": {lo: math.MinInt32, hi: -32769},
	"-200": {lo: -32768, hi: -129}, "-1": {lo: -128, hi: -1}, "1": {lo: 0, hi: 127}, "200": {lo: 128, hi: 255},
	"1000": {lo: 256, hi: 32767}, "40000": {lo: 32768, hi: 65535}, "100000": {lo: 65536, hi: math.MaxInt32},
	"3000000000": {lo: math.MaxInt32 + 1, hi: math.MaxUint32}, "1099511627776": {lo: math.MaxUint32 + 1, hi: math.MaxInt64},
}

// numpy 1.24's min_scalar_type bounds for a Python float: float16 below
// 65000 in magnitude, float32 below 3.4e38.
const (
	minFloat16Bound = 65000
	minFloat32Bound = 3.4e38
)

var floatClassRanges = map[string]classRange{"2.0": {maxAbs: minFloat16Bound}, "100000.0": {maxAbs: minFloat32Bound}, "1e+300": {maxAbs: math.Inf(1)}}

// valueGuard is the range of scalar values of kind k whose class gives
// numpy's dtype typical, when they form one interval; results maps each
// class of k to its dtype. Classes whose result is a ValueError (int **
// negative int) raise that error rather than change the dtype, so they
// belong to the range.
func valueGuard(k ir.Scalar, typical string, results map[string]string) *ValueGuard {
	if typical == "" || typical == "valueerror" || k.IsComplex() || k == ir.Uint64 || k == ir.Bool {
		return nil
	}
	type span struct {
		r  classRange
		in bool
	}
	var spans []span
	g := &ValueGuard{Int: k.IsInt()}
	for class, res := range results {
		_, v, _ := strings.Cut(class, ":")
		r, ok := intClassRanges[v]
		if !g.Int {
			r, ok = floatClassRanges[v]
		}
		if !ok {
			return nil
		}
		in := res == typical || res == "valueerror"
		spans = append(spans, span{r, in})
		if !in && !slices.Contains(g.Others, res) {
			g.Others = append(g.Others, res)
		}
	}
	slices.Sort(g.Others)
	slices.SortFunc(spans, func(a, b span) int {
		if g.Int {
			return cmp.Compare(a.r.lo, b.r.lo)
		}
		return cmp.Compare(a.r.maxAbs, b.r.maxAbs)
	})
	// One run of classes in the range: for floats, it must start at the
	// smallest magnitudes.
	first, last := -1, -1
	for i, s := range spans {
		if !s.in {
			continue
		}
		if first >= 0 && last != i-1 {
			return nil
		}
		if first < 0 {
			first = i
		}
		last = i
	}
	if !g.Int {
		if first != 0 {
			return nil
		}
		g.MaxAbs = spans[last].r.maxAbs
		return g
	}
	g.Lo, g.Hi = spans[first].r.lo, spans[last].r.hi
	return g
}

// valueClass is the probe's value class of a constant scalar.
func valueClass(k ir.Scalar, v any) string {
	switch x := v.(type) {
	case bool:
		return "bool:True"
	case int64:
		var rep string
		switch {
		case x >= 0 && x <= 127:
			rep = "1"
		case x >= 0 && x <= 255:
			rep = "200"
		case x >= 0 && x <= 32767:
			rep = "1000"
		case x >= 0 && x <= 65535:
			rep = "40000"
		case x >= 0 && x <= math.MaxInt32:
			rep = "100000"
		case x >= 0 && x <= math.MaxUint32:
			rep = "3000000000"
		case x >= 0:
			rep = "1099511627776"
		case x >= -128:
			rep = "-1"
		case x >= -32768:
			rep = "-200"
		case x >= math.MinInt32:
			rep = "-40000"
		default:
			rep = "-3000000000"
		}
		return k.String() + ":" + rep
	case float64:
		// min_scalar_type: float16 for -65000 < x < 65000 (and inf,
		// nan), float32 for -3.4e38 < x < 3.4e38: numpy's literal bounds
		// (convert_datatype.c), not the types' exact limits.
		a := math.Abs(x)
		switch {
		case a < minFloat16Bound || math.IsInf(x, 0) || math.IsNaN(x):
			return k.String() + ":2.0"
		case a < minFloat32Bound:
			return k.String() + ":100000.0"
		}
		return k.String() + ":1e+300"
	case complex128:
		// complex64 when both parts are within (-3.4e38, 3.4e38): an
		// infinite or NaN part makes it complex128.
		if math.Abs(real(x)) < minFloat32Bound && math.Abs(imag(x)) < minFloat32Bound {
			return k.String() + ":2j"
		}
		return k.String() + ":1e+300j"
	}
	return ""
}

func opWhat(op string, l, r string) string {
	if len(op) <= 2 {
		return fmt.Sprintf("%s %s %s", l, op, r)
	}
	return fmt.Sprintf("np.%s(%s, %s)", op, l, r)
}
