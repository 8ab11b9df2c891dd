package emitc

import (
	"strings"

	"github.com/pyc2go/pyc2go/ir"
)

// ModuleName is the C prefix of a Python file's functions, the same name
// the driver gives the Go package: the base name without .py, lower-cased,
// with every other character that cannot appear in a C identifier replaced
// by '_' ("my-kernels.py" -> "my_kernels").
func ModuleName(file string) string {
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

// reserved lists the names a Python local must not take in C: keywords,
// the types, macros and functions the generated code or its headers
// (complex.h, math.h, stdint.h, inttypes.h, stdbool.h) use, and the names
// the emitter gives its own variables (out, err, pool).
var reserved = func() map[string]bool {
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

// names gives the variables of one function their C names: the Python
// name, with '_' appended while it is reserved, starts with the runtime's
// or the module's prefix, or is taken by an earlier variable.
type names struct {
	vars   map[*ir.Var]string
	used   map[string]bool
	prefix string // module prefix + "_"
}

// newNames starts the names of f: its out-pointers (ResultNames) are
// taken, so a parameter named out0 becomes out0_ in the signature and the
// body alike.
func newNames(prefix string, f *ir.Func) *names {
	n := &names{vars: map[*ir.Var]string{}, used: map[string]bool{}, prefix: prefix + "_"}
	for _, r := range ResultNames(f) {
		n.used[r] = true
	}
	return n
}

func (n *names) fresh(name string) string {
	if strings.HasPrefix(name, "pyc2go") || strings.HasPrefix(name, "PYC2GO") ||
		strings.HasPrefix(name, n.prefix) || strings.HasPrefix(name, "__") {
		name = "v" + name
	}
	for reserved[name] || n.used[name] {
		name += "_"
	}
	n.used[name] = true
	return name
}
