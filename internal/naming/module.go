package naming

import (
	"maps"
	"strconv"
	"strings"

	"github.com/pyc2go/pyc2go/ir"
)

// Module holds the Go names of a module's constants and functions.
type Module struct {
	Consts map[*ir.Const]string
	Funcs  map[*ir.Func]string
	// Taken is every module-level Go name, which locals must not hide.
	Taken Unique
}

// NewModule names m's constants, then its functions, in source order, by
// Go: a name already taken gets the first free numeric suffix, so the
// mapping only depends on the module. A function that shares its Python
// name with an earlier one (Func.PyName) is named by overloadSuffix.
func NewModule(m *ir.Module) *Module {
	n := &Module{Consts: map[*ir.Const]string{}, Funcs: map[*ir.Func]string{}, Taken: Unique{}}
	for _, c := range m.Consts {
		n.Consts[c] = n.Taken.Take(Go(c.Name))
	}
	groups := map[string][]*ir.Func{}
	for _, f := range m.Funcs {
		groups[pyName(f)] = append(groups[pyName(f)], f)
	}
	suffix := map[*ir.Func]string{}
	for _, g := range groups {
		// The suffixes name the group's members apart, or none is used:
		// then they are numbered (F, F2, F3), as every name that clashes.
		seen, these := map[string]bool{}, map[*ir.Func]string{}
		for _, f := range g[1:] {
			s := overloadSuffix(f, g)
			if s == "" || seen[s] {
				these = nil
				break
			}
			seen[s] = true
			these[f] = s
		}
		maps.Copy(suffix, these)
	}
	for _, f := range m.Funcs {
		// The first member's name says whether the group is exported
		// (compiled instances of a helper taking functions are private).
		n.Funcs[f] = n.Taken.Take(Go(groups[pyName(f)][0].Name) + suffix[f])
	}
	return n
}

func pyName(f *ir.Func) string {
	if f.PyName != "" {
		return f.PyName
	}
	return f.Name
}

// overloadSuffix says how f differs from the other functions of its group
// (the functions with its Python name): for each parameter position whose
// type is not the same in the whole group, the rank of an array where
// ranks differ there ("2D") and the element or scalar type where those
// differ ("Float32"), in parameter order, an element word not repeated
// right after itself. l2(float64[:]) and l2(float32[:]) give L2 and
// L2Float32; mean(float64[:], float64[:]) and mean(float32[:],
// float32[:]) give Mean and MeanFloat32; first_times(float32[:], int) and
// first_times(float64[:], float) give FirstTimes and FirstTimesFloat64.
// A name this makes twice gets Module's numeric suffix. Functions that differ only in ways no word
// says (contiguity) get "", and so Module's numeric suffix (F2).
func overloadSuffix(f *ir.Func, group []*ir.Func) string {
	var b strings.Builder
	last := "" // the last element word, which is not repeated
	for i, p := range f.Params {
		elems, ranks := map[string]bool{}, map[int]bool{}
		for _, g := range group {
			if i >= len(g.Params) {
				elems[""] = true
				continue
			}
			e, r := elemRank(g.Params[i].Type)
			elems[e] = true
			ranks[r] = true
		}
		e, r := elemRank(p.Type)
		if len(ranks) > 1 && r > 0 {
			b.WriteString(strconv.Itoa(r) + "D")
		}
		if len(elems) > 1 && e != "" && e != last {
			b.WriteString(word(e, false))
			last = e
		}
	}
	return b.String()
}

// elemRank is the Go element type of a scalar or array type and the
// array's rank (0 for a scalar; "" for other types).
func elemRank(t ir.Type) (string, int) {
	switch t := t.(type) {
	case ir.Scalar:
		return t.String(), 0
	case *ir.Array:
		return t.Elem.String(), t.Rank
	}
	return "", 0
}

// CModule is the C prefix of a Python file's functions, the same name the
// driver gives the Go package: the base name without .py, lower-cased,
// with every other character that cannot appear in a C identifier replaced
// by '_' ("my-kernels.py" -> "my_kernels").
func CModule(file string) string {
	file = strings.ReplaceAll(file, "\\", "/")
	if i := strings.LastIndex(file, "/"); i >= 0 {
		file = file[i+1:]
	}
	if i := strings.LastIndex(file, "."); i > 0 {
		file = file[:i]
	}
	var b strings.Builder
	for i, r := range file {
		switch {
		case r >= 'a' && r <= 'z', r == '_', r >= '0' && r <= '9' && i > 0:
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r - 'A' + 'a')
		default:
			b.WriteByte('_')
		}
	}
	if b.Len() == 0 {
		return "kernels"
	}
	return b.String()
}

// CFunc is the C symbol of f in the module whose CModule is prefix: the
// prefix, '_' and the IR name, which keeps Pythran's overload numbering
// (kernels_l2, kernels_l2_2) as the CLI does.
func CFunc(prefix string, f *ir.Func) string { return prefix + "_" + f.Name }

// CConst is the C macro of module constant c.
func CConst(prefix string, c *ir.Const) string { return prefix + "_" + c.Name }

// CReserved lists the names a Python local must not take in C: keywords,
// the types, macros and functions the generated code or its headers
// (complex.h, math.h, stdint.h, inttypes.h, stdbool.h) use, and the names
// the emitter gives its own variables (out, err, pool).
var CReserved = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range strings.Fields(`
		auto break case char const continue default do double else enum extern
		float for goto if inline int long register restrict return short signed
		sizeof static struct switch typedef union unsigned void volatile while
		_Bool _Complex _Imaginary _Alignas _Alignof _Atomic _Generic _Noreturn
		_Static_assert _Thread_local asm typeof
		bool true false complex imaginary I CMPLX CMPLXF NAN INFINITY HUGE_VAL
		NULL EOF errno assert offsetof main
		int8_t int16_t int32_t int64_t uint8_t uint16_t uint32_t uint64_t
		size_t ptrdiff_t intptr_t uintptr_t max_align_t wchar_t
		INT64_MIN INT64_MAX UINT64_MAX INT64_C UINT64_C PRId64
		abs labs div malloc calloc realloc free exit memcpy memset memmove
		strlen printf snprintf sprintf
		isnan isinf isfinite signbit fpclassify isnormal
		acos asin atan atan2 cos sin tan acosh asinh atanh cosh sinh tanh exp
		exp2 expm1 frexp ldexp log log10 log1p log2 logb modf scalbn cbrt fabs
		hypot pow sqrt erf erfc lgamma tgamma gamma ceil floor nearbyint rint
		round trunc fmod remainder copysign nan fmax fmin fma j0 j1 jn y0 y1 yn
		creal cimag conj cabs carg cexp clog csqrt cpow crealf cimagf conjf
		signgam drem significand
		out err pool fail`) {
		m[s] = true
	}
	return m
}()
