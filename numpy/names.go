package numpy

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"
)

// What numpy has but pyc2go does not. names.txt lists numpy 1.24's public
// names (testdata/numpy_names_probe.py prints them; TestNames keeps the
// file equal to its output), so a diagnostic can tell a function pyc2go
// does not support yet from a name numpy does not have, and suggest a
// supported name only for the latter, where it is plausibly a typo.

//go:embed names.txt
var namesText string

// numpyNames are names.txt parsed: namespace -> names. Namespaces are
// "numpy", "numpy.random", "numpy.linalg", "numpy.fft" and "ndarray"
// (array methods and attributes). Parsed on the first diagnostic.
var numpyNames = sync.OnceValue(func() map[string]map[string]bool {
	m := map[string]map[string]bool{}
	for _, line := range strings.Split(namesText, "\n") {
		ns, name, ok := strings.Cut(line, " ")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		if m[ns] == nil {
			m[ns] = map[string]bool{}
		}
		m[ns][name] = true
	}
	return m
})

// Has reports whether numpy 1.24 has the public name in namespace ns
// ("numpy", "numpy.random", ..., "ndarray").
func Has(ns, name string) bool { return numpyNames()[ns][name] }

// Submodule reports whether np.NAME is a numpy submodule pyc2go knows the
// names of (random, linalg, fft).
func Submodule(name string) bool { return numpyNames()["numpy."+name] != nil }

// Unsupported is the one diagnostic for np.NAME (or np.SUB.NAME: ns
// "numpy.SUB") that is not a supported row, written disp in the source:
// "np.cross is not supported yet" for a numpy function pyc2go lacks,
// numpy's AttributeError for a name numpy does not have, with the
// supported names it is plausibly a typo of.
func Unsupported(ns, name, disp string) string {
	if Has(ns, name) {
		return disp + " is not supported yet"
	}
	msg := fmt.Sprintf("module '%s' has no attribute '%s'", ns, name)
	if ns != "numpy" {
		return msg
	}
	prefix := strings.TrimSuffix(disp, name)
	if near := Suggest(name); len(near) > 0 {
		for i := range near {
			near[i] = prefix + near[i]
		}
		msg += "; did you mean " + joinWords(near, "or") + "?"
	}
	return msg
}

// Suggest lists the supported np.NAME names a name numpy does not have
// is plausibly a typo of (nothing for a name numpy has: that one is
// meant, and merely not supported).
func Suggest(name string) []string {
	if Has("numpy", name) {
		return nil
	}
	funcs, _ := supportedNames()
	return closest(name, funcs)
}

// UnsupportedMethod is the diagnostic for a.NAME on an array that is not
// a supported row (call: a.NAME(...)).
func UnsupportedMethod(name string, call bool) string {
	if Has("ndarray", name) {
		if call {
			return fmt.Sprintf("the array method %s() is not supported yet", name)
		}
		return fmt.Sprintf("the array attribute %s is not supported yet", name)
	}
	msg := fmt.Sprintf("'numpy.ndarray' object has no attribute '%s'", name)
	_, methods := supportedNames()
	if near := closest(name, methods); len(near) > 0 {
		msg += "; did you mean " + joinWords(near, "or") + "?"
	}
	return msg
}

// closest lists the candidates a mistyped name plausibly meant: at the
// smallest edit distance, which must be 1 for names of up to 4 letters and
// at most 2 for longer ones, or candidates the name is the start of (at
// least 3 letters: np.cum for np.cumsum). At most 3, sorted.
func closest(name string, candidates []string) []string {
	limit := 2
	if len(name) <= 4 {
		limit = 1
	}
	type cand struct {
		n string
		d int
	}
	var cs []cand
	for _, k := range candidates {
		d := editDistance(name, k)
		if d <= limit || (len(name) >= 3 && strings.HasPrefix(k, name)) {
			cs = append(cs, cand{k, d})
		}
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].d != cs[j].d {
			return cs[i].d < cs[j].d
		}
		return cs[i].n < cs[j].n
	})
	var out []string
	for _, c := range cs {
		if len(out) == 3 || c.d > cs[0].d {
			break
		}
		out = append(out, c.n)
	}
	return out
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
