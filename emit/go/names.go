package emitgo

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pyc2go/pyc2go/ir"
)

// GoName is the Go name of a module-level Python function or constant:
// the name is split on '_' and each part's first letter is upper-cased, the
// rest kept (dot_product -> DotProduct, TWO_PI -> TWOPI, gcd -> Gcd). A name
// that starts with '_' is private in Python and stays unexported in Go: its
// first part keeps its case (_helper -> helper, _my_helper -> myHelper).
// An unexported result that would be a Go keyword, a predeclared
// identifier, an imported package name (fmt included) or "init" gets a trailing
// underscore (_len -> len_), since it would otherwise not compile or would
// shadow something the generated code uses. GoName does not resolve
// collisions between names (dot_product and dotProduct both give
// DotProduct); File and Main do, by numbering the later ones.
func GoName(pyName string) string {
	exported := !strings.HasPrefix(pyName, "_")
	var b strings.Builder
	first := true
	for _, part := range strings.Split(pyName, "_") {
		if part == "" {
			continue
		}
		r, size := utf8.DecodeRuneInString(part)
		switch {
		case exported || !first:
			b.WriteRune(unicode.ToUpper(r))
		default:
			b.WriteRune(r)
		}
		b.WriteString(part[size:])
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
	if !exported && (reserved[name] || name == fmtPkg) {
		name += "_"
	}
	return name
}

// reserved lists the identifiers a Python name must not become in the
// generated file: Go keywords (they do not compile), predeclared
// identifiers (shadowing them would break conversions and builtins the
// generated code uses, such as float64, real or complex), the package names
// the generated code imports or might import, and init (not referable).
var reserved = func() map[string]bool {
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

// moduleNames assigns the Go names of a module's constants and functions,
// in source order (constants first): a name already taken gets the first
// free numeric suffix, so the mapping only depends on the module.
type moduleNames struct {
	consts map[*ir.Const]string
	funcs  map[*ir.Func]string
	taken  map[string]bool
}

func newModuleNames(m *ir.Module) *moduleNames {
	n := &moduleNames{consts: map[*ir.Const]string{}, funcs: map[*ir.Func]string{}, taken: map[string]bool{}}
	for _, c := range m.Consts {
		n.consts[c] = n.unique(GoName(c.Name))
	}
	for _, f := range m.Funcs {
		n.funcs[f] = n.unique(GoName(f.Name))
	}
	return n
}

func (n *moduleNames) unique(name string) string {
	u := name
	for i := 2; n.taken[u]; i++ {
		u = name + strconv.Itoa(i)
	}
	n.taken[u] = true
	return u
}

// localNames gives the variables of one function their Go names: the
// Python name in mixedCaps, with a trailing underscore while it is
// reserved or names something the function must still see (a module-level
// Go name: a local called helper would shadow the function helper; err;
// fmt where messages are formatted), and a numeric suffix when another
// local already has it. Params come first, then locals, in IR order, so
// the result is deterministic.
type localNames struct {
	vars  map[*ir.Var]string
	used  map[string]bool
	avoid map[string]bool
}

func newLocalNames(mod *moduleNames, f *ir.Func) *localNames {
	l := &localNames{vars: map[*ir.Var]string{}, used: map[string]bool{}, avoid: map[string]bool{}}
	for name := range mod.taken {
		l.avoid[name] = true
	}
	// err holds errors of raising callees (see funcEmitter.callStmt).
	l.avoid["err"] = true
	// Package fmt formats messages with values; only functions that do
	// reserve its name, so other functions keep Python names such as fmt.
	if usesFmt(f) {
		l.avoid[fmtPkg] = true
	}
	for _, v := range f.Params {
		l.vars[v] = l.fresh(mixedCaps(v.Name))
	}
	for _, vs := range [][]*ir.Var{f.Locals, ir.LoopLocals(f)} {
		for _, v := range vs {
			l.vars[v] = l.fresh(mixedCaps(v.Name))
		}
	}
	return l
}

// mixedCaps is the Go spelling of a Python local or parameter name:
// Go's mixedCaps instead of snake_case, as go vet's and staticcheck's
// naming rules expect of hand-written code (u_prev -> uPrev, n_terms ->
// nTerms, i_1 -> i1). Underscores between two digits stay (i0_2, which a
// merge would make i02), and so do names of underscores only (_), which
// have no letters to capitalise, and names whose first letter-or-digit is
// a digit (_1). Leading and trailing underscores are dropped (_tmp -> tmp,
// lambda_ -> lambda); the caller's fresh then keeps the result clear of
// reserved and used names.
func mixedCaps(name string) string {
	trimmed := strings.Trim(name, "_")
	if r, _ := utf8.DecodeRuneInString(trimmed); !unicode.IsLetter(r) {
		return name // _1 would become 1
	}
	name = trimmed
	var b strings.Builder
	upper := false
	for i, r := range name {
		if r == '_' {
			prev, _ := utf8.DecodeLastRuneInString(name[:i])
			next, _ := utf8.DecodeRuneInString(name[i+1:])
			if unicode.IsDigit(prev) && unicode.IsDigit(next) {
				b.WriteRune(r)
			} else {
				upper = true
			}
			continue
		}
		if upper {
			r = unicode.ToUpper(r)
			upper = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// fresh returns name, with underscores appended while it is reserved or
// avoided (len -> len_), then the first numeric suffix that no other
// local has (part, part2, part3; len_, len_2), and marks it used. Numbers
// rather than more underscores keep generated names Go names (part__
// is not).
func (l *localNames) fresh(name string) string {
	for reserved[name] || l.avoid[name] {
		name += "_"
	}
	cand := name
	for k := 2; l.used[cand]; k++ {
		cand = name + strconv.Itoa(k)
	}
	l.used[cand] = true
	return cand
}

// FuncNames returns the Go name File gives each function of m, so that
// other generators (the C backend's cgo bridge) expose the same API.
func FuncNames(m *ir.Module) map[*ir.Func]string { return newModuleNames(m).funcs }
