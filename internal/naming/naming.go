// Package naming is the one place pyc2go's generated code gets its names:
// the Go names of a module's functions and constants (the generated Go
// API, which emit/go prints and emit/c's cgo bridge repeats), the Go
// spelling of parameters and locals, the C prefix and symbols of a module
// (emit/c prints them, emit/pyctypes binds them), and the words each target
// language reserves.
//
// # The Go naming rule
//
// A module-level Python name (function or constant) is split into words on
// '_' and the words are joined in Go's MixedCaps, as golint and staticcheck
// (ST1003) expect of hand-written Go:
//
//   - A word that is a known initialism is written in capitals, whatever
//     case the Python name used: golint's list (ID, URL, HTTP, JSON, ...)
//     plus the initialisms of numerical code (EWMA, RMS, FFT, SVD, GCD,
//     PDF, ...; see Initialisms). ewma_step -> EWMAStep, user_id -> UserID,
//     gcd -> GCD. nan is written NaN as in math.NaN (is_nan -> IsNaN), and
//     a digit-led word ending in d is a dimension (laplacian_2d ->
//     Laplacian2D).
//   - In a name written in capitals (SCREAMING_SNAKE_CASE, the Python
//     convention for constants) every other word is capitalised, as Go
//     constants are: DEFAULT_ALPHA -> DefaultAlpha, TWO_PI -> TwoPi,
//     MAX_RMS -> MaxRMS.
//   - In any other name, a word of two or more capitals is an initialism
//     the author wrote and is kept (compute_RMS -> ComputeRMS); the other
//     words get their first letter upper-cased, the rest kept as written
//     (dot_product -> DotProduct, dotProduct -> DotProduct, l2 -> L2).
//
// Words are not split inside camelCase (getId stays GetId). A name that
// starts with '_' is private in Python and stays unexported in Go: its
// first word is lower-cased as a whole (_helper -> helper, _EWMA_step ->
// ewmaStep, _MAX_N -> maxN). Parameters and locals keep their first word as
// written and join the others the same way (u_prev -> uPrev, user_id ->
// userID).
//
// Functions that share a Python name (the signatures of a function with
// several `#pythran export` lines, and the call-site instances of an
// untyped helper) keep the plain name for the first and name the others by
// their parameter types where these differ (see Module): l2(float64[:])
// and l2(float32[:]) are L2 and L2Float32. C symbols and the names `pyc2go
// run` and `verify` use keep the Python-level names (l2, l2_2).
package naming

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Initialisms are the words written in capitals in Go names: golint's
// commonInitialisms (the list staticcheck's ST1003 also uses), then the
// initialisms of numerical code that kernel names use. Adding a word
// changes generated names: it is part of the generated API's contract.
var Initialisms = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range strings.Fields(`
		ACL API ASCII CPU CSS DNS EOF GUID HTML HTTP HTTPS ID IP JSON LHS
		QPS RAM RHS RPC SLA SMTP SQL SSH TCP TLS TTL UDP UI UID UUID URI URL
		UTF8 VM XML XMPP XSRF XSS
		BLAS CDF CSV DFT EMA EWMA FFT FIR GCD IIR KDE LCG LCM LU MAE MSE ODE
		PCA PDE PDF QR RGB RK4 RMS RMSE RNG SMA SNR SVD`) {
		m[s] = true
	}
	return m
}()

// word is the Go spelling of one '_'-separated word of a Python name that
// is not the first word of an unexported name. screaming says the whole
// name is in capitals.
func word(w string, screaming bool) string {
	up := strings.ToUpper(w)
	switch {
	case Initialisms[up]:
		return up
	case up == "NAN":
		return "NaN"
	case isDimension(w):
		return up
	case screaming:
		r, size := utf8.DecodeRuneInString(w)
		return string(unicode.ToUpper(r)) + strings.ToLower(w[size:])
	case len(w) > 1 && w == up && hasLetter(w):
		return w // an initialism the author wrote: RMS in compute_RMS
	}
	r, size := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[size:]
}

// isDimension reports whether w is digits followed by d (2d, 3d).
func isDimension(w string) bool {
	if len(w) < 2 || (w[len(w)-1] != 'd' && w[len(w)-1] != 'D') {
		return false
	}
	for _, r := range w[:len(w)-1] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// isScreaming reports whether name has letters and none of them is lower
// case (DEFAULT_ALPHA, N, RK4_STEPS).
func isScreaming(name string) bool {
	return hasLetter(name) && strings.ToUpper(name) == name && strings.ToLower(name) != name
}

// Go is the Go name of a module-level Python function or constant (see
// the package doc for the rule): exported unless the Python name starts
// with '_'. An unexported result that would be a Go keyword, a
// predeclared identifier, a package name the generated code imports or
// "init" gets a trailing underscore (_len -> len_). Go does not resolve
// collisions between names (dot_product and dotProduct both give
// DotProduct); Module does, by numbering the later ones.
func Go(pyName string) string {
	exported := !strings.HasPrefix(pyName, "_")
	screaming := isScreaming(pyName)
	var b strings.Builder
	first := true
	for _, w := range strings.Split(pyName, "_") {
		if w == "" {
			continue
		}
		switch {
		case !exported && first && (screaming || Initialisms[strings.ToUpper(w)]):
			b.WriteString(strings.ToLower(w)) // _EWMA_step -> ewmaStep
		case !exported && first:
			b.WriteString(w)
		default:
			b.WriteString(word(w, screaming))
		}
		first = false
	}
	name := b.String()
	if name == "" {
		// "_", "__": no letters to keep.
		if exported {
			return "X"
		}
		return "x_"
	}
	if !exported && (GoReserved[name] || name == "fmt") {
		name += "_"
	}
	return name
}

// GoLocal is the Go spelling of a Python parameter or local: Go's
// mixedCaps instead of snake_case, as go vet's and staticcheck's naming
// rules expect of hand-written code (u_prev -> uPrev, n_terms -> nTerms,
// i_1 -> i1, user_id -> userID). The first word is kept as written; the
// others are spelled as in Go. Underscores between two digits stay (i0_2,
// which a merge would make i02), and so do names of underscores only (_),
// which have no letters to capitalise, and names whose first
// letter-or-digit is a digit (_1). Leading and trailing underscores are
// dropped (_tmp -> tmp, lambda_ -> lambda); the caller keeps the result
// clear of reserved and used names.
func GoLocal(name string) string {
	trimmed := strings.Trim(name, "_")
	if r, _ := utf8.DecodeRuneInString(trimmed); !unicode.IsLetter(r) {
		return name // _1 would become 1
	}
	var b strings.Builder
	words := strings.Split(trimmed, "_")
	for i, w := range words {
		if w == "" {
			continue
		}
		if i > 0 && words[i-1] != "" {
			prev, _ := utf8.DecodeLastRuneInString(words[i-1])
			next, _ := utf8.DecodeRuneInString(w)
			if unicode.IsDigit(prev) && unicode.IsDigit(next) {
				b.WriteByte('_')
				b.WriteString(w)
				continue
			}
		}
		if b.Len() == 0 {
			b.WriteString(w)
		} else {
			b.WriteString(word(w, false))
		}
	}
	return b.String()
}

// GoReserved lists the identifiers a Python name must not become in the
// generated Go file: Go keywords (they do not compile), predeclared
// identifiers (shadowing them would break conversions and builtins the
// generated code uses, such as float64, real or complex), the package names
// the generated code imports or might import, and init (not referable).
// fmt is not in it: only functions that format messages reserve it (the
// Go emitter decides), and Go keeps it clear of unexported module names.
var GoReserved = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range strings.Fields(`
		break case chan const continue default defer else fallthrough for func
		go goto if import interface map package range return select struct
		switch type var
		any bool byte comparable complex64 complex128 error float32 float64
		int int8 int16 int32 int64 rune string uint uint8 uint16 uint32 uint64
		uintptr true false iota nil
		append cap clear close complex copy delete imag len make max min new
		panic print println real recover
		math cmplx runtime errors harness nprand
		init _`) {
		m[s] = true
	}
	return m
}()

// Unique hands out names with the first free numeric suffix from 2 for a
// name already taken (DotProduct, DotProduct2).
type Unique map[string]bool

// Take returns name, or name with the first free numeric suffix, and marks
// the result taken.
func (u Unique) Take(name string) string {
	cand := name
	for i := 2; u[cand]; i++ {
		cand = name + strconv.Itoa(i)
	}
	u[cand] = true
	return cand
}
