package numpy

import (
	"fmt"
	"strings"
	"sync"

	"github.com/pyc2go/pyc2go/ir"
)

// np.random: the legacy module functions (np.random.NAME, drawing from
// the process's global RandomState) and the methods of a Generator
// (rng = np.random.default_rng(seed); rng.NAME(...)). They are rows like
// the others (a signature, the parameters pyc2go implements, a type
// rule, the faults), kept in their own two namespaces: np.random.normal
// and rng.normal share a name but not numpy's algorithm. typeinfer binds
// their calls with the same code as any row's (LookupRandom,
// LookupGenerator); lower builds an ir.Random for each (lower/random.go).
//
// What the compiled code draws is numpy 1.24's stream bit for bit for
// the same seed (runtime/nprand, pyc2go_random.c). Unseeded, the global
// state and default_rng() draw OS entropy as numpy does, so only seeded
// kernels can be compared with numpy (verify runs every kernel in a fresh
// process, as the reference does).

// Faults of the random rows (numpy's messages, which the runtimes return).
var (
	faultScale   = Fault{"ValueError", "scale < 0", "scale is negative"}
	faultLowHigh = Fault{"ValueError", "low >= high", "the integer range is empty"}
	faultSeed    = Fault{"ValueError", "Seed must be between 0 and 2**32 - 1", "the seed is negative or above 2**32 - 1"}
	faultRange   = Fault{"OverflowError", "Range exceeds valid bounds", "high - low is not finite"}
	faultChoice  = []Fault{
		{"ValueError", "a must be greater than 0 unless no samples are taken", "a is an int <= 0 (Generator: a must be a positive integer ...)"},
		{"ValueError", "probabilities do not sum to 1", "p does not sum to 1 (and numpy's other p checks)"},
		{"ValueError", "Cannot take a larger sample than population when 'replace=False'", "size > a without replacement"},
	}
	faultDefaultRNG = Fault{"ValueError", "expected non-negative integer", "the seed is negative"}
)

// randomRows builds the two tables, once (see randomIndex).
func randomRows() (legacy, gen []*Row) {
	sized := "; size= an int or a tuple of ints gives an array of that shape, no size a float"
	legacy = []*Row{
		{Name: "seed", Sig: "seed=None", Accepts: "seed", Type: randomSeed, Raises: []Fault{faultSeed},
			Example: "np.random.seed(42)", Doc: "seeds the global state as numpy does (MT19937 init_genrand); seed() or seed(None) draws OS entropy"},
		{Name: "rand", Sig: "*d", Type: randomDims, Example: "np.random.rand(n, 3)",
			Doc: "uniform doubles in [0, 1) of shape (d0, d1, ...); a float with no argument"},
		{Name: "randn", Sig: "*d", Type: randomDims, Example: "np.random.randn(n)",
			Doc: "standard normals (numpy's polar method with its cached second value) of shape (d0, ...)"},
		{Name: "random", Aliases: []string{"random_sample"}, Sig: "size=None", Accepts: "size", Type: randomFloats,
			Example: "np.random.random((n, 2))", Doc: "uniform doubles in [0, 1)" + sized},
		{Name: "standard_normal", Sig: "size=None", Accepts: "size", Type: randomFloats,
			Example: "np.random.standard_normal(n)", Doc: "standard normals" + sized},
		{Name: "normal", Sig: "loc=0.0, scale=1.0, size=None", Accepts: "loc scale size", Type: randomFloats, Raises: []Fault{faultScale},
			Example: "np.random.normal(1.0, 0.5, size=n)", Doc: "loc + scale * a standard normal" + sized},
		{Name: "uniform", Sig: "low=0.0, high=1.0, size=None", Accepts: "low high size", Type: randomFloats, Raises: []Fault{faultRange},
			Example: "np.random.uniform(-1.0, 1.0, n)", Doc: "low + (high - low) * a uniform double" + sized},
		{Name: "exponential", Sig: "scale=1.0, size=None", Accepts: "scale size", Type: randomFloats, Raises: []Fault{faultScale},
			Example: "np.random.exponential(2.0, n)", Doc: "scale * -log(1 - u)" + sized},
		{Name: "randint", Sig: "low, high=None, size=None, dtype=int", Accepts: "high size dtype", Type: randomInts, Raises: []Fault{faultLowHigh},
			Example: "np.random.randint(0, 10, size=n)",
			Doc:     "integers in [low, high) (randint(n): [0, n)) by numpy's masked rejection, int64 or dtype=; an int without size"},
		{Name: "choice", Sig: "a, size=None, replace=True, p=None", Accepts: "size replace p", Type: randomChoice, Raises: faultChoice,
			Example: "np.random.choice(v, size=n, replace=False)",
			Doc:     "samples of range(a) (a an int) or of a 1-d array, with or without replacement, with probabilities p= (a float64 array)"},
		{Name: "shuffle", Sig: "x", Type: randomShuffle, Example: "np.random.shuffle(v)",
			Doc: "shuffles an array in place along its first axis (a statement)"},
		{Name: "permutation", Sig: "x", Type: randomPermutation, Example: "np.random.permutation(n)",
			Doc: "range(x) shuffled (x an int), or a shuffled copy of an array along its first axis"},
		{Name: "default_rng", Sig: "seed=None", Accepts: "seed", Type: randomDefaultRNG, Raises: []Fault{faultDefaultRNG},
			Example: "rng = np.random.default_rng(42)",
			Doc:     "a Generator (SeedSequence + PCG64, as numpy seeds it), a local variable the kernel draws from with the methods below; default_rng() draws OS entropy"},
	}
	gen = []*Row{
		{Name: "random", Sig: "size=None, dtype=np.float64, out=None", Accepts: "size", Type: randomFloats,
			Example: "rng.random(n)", Doc: "uniform doubles in [0, 1) (53 bits of a 64-bit word)" + sized},
		{Name: "standard_normal", Sig: "size=None, dtype=np.float64, out=None", Accepts: "size", Type: randomFloats,
			Example: "rng.standard_normal((n, 3))", Doc: "standard normals by numpy's ziggurat" + sized},
		{Name: "normal", Sig: "loc=0.0, scale=1.0, size=None", Accepts: "loc scale size", Type: randomFloats, Raises: []Fault{faultScale},
			Example: "rng.normal(0.0, 2.0, n)", Doc: "loc + scale * a ziggurat normal" + sized},
		{Name: "uniform", Sig: "low=0.0, high=1.0, size=None", Accepts: "low high size", Type: randomFloats, Raises: []Fault{faultRange},
			Example: "rng.uniform(0.0, 10.0, n)", Doc: "low + (high - low) * rng.random()" + sized},
		{Name: "exponential", Sig: "scale=1.0, size=None", Accepts: "scale size", Type: randomFloats, Raises: []Fault{faultScale},
			Example: "rng.exponential(1.5, n)", Doc: "scale * a ziggurat exponential" + sized},
		{Name: "integers", Sig: "low, high=None, size=None, dtype=np.int64, endpoint=False", Accepts: "high size dtype endpoint", Type: randomInts,
			Raises: []Fault{faultLowHigh}, Example: "rng.integers(0, 6, size=n, endpoint=True)",
			Doc: "integers in [low, high) or [low, high] with endpoint=True, by Lemire's method, int64 or dtype="},
		{Name: "choice", Sig: "a, size=None, replace=True, p=None, axis=0, shuffle=True", Accepts: "size replace p", Type: randomChoice,
			Raises: faultChoice, Example: "rng.choice(v, size=n)",
			Doc: "samples of range(a) or of a 1-d array (Floyd's algorithm or a tail shuffle without replacement, then shuffled)"},
		{Name: "permutation", Sig: "x, axis=0", Type: randomPermutation, Example: "rng.permutation(n)",
			Doc: "range(x) shuffled, or a shuffled copy of an array along its first axis"},
		{Name: "shuffle", Sig: "x, axis=0", Type: randomShuffle, Example: "rng.shuffle(v)",
			Doc: "shuffles an array in place along its first axis (a statement)"},
	}
	for _, r := range legacy {
		r.Kind, r.Forms = Creation, Func
		switch r.Name {
		case "randn", "standard_normal", "normal", "exponential":
			// The legacy samplers call log: glibc's in C (numpy's
			// own), a correctly rounded one in Go (runtime/nprand's
			// doc says why), which differ in about one input in 1300.
			r.Inexact = Floats
		}
	}
	for _, r := range gen {
		r.Kind, r.Forms = Creation, Meth
	}
	return legacy, gen
}

// randomRegistry indexes the random rows.
type randomRegistry struct {
	legacy, gen []*Row
	funcs       map[string]*Row // np.random.NAME
	methods     map[string]*Row // rng.NAME
	isGen       map[*Row]bool
}

var randomIndex = sync.OnceValue(func() *randomRegistry {
	reg := &randomRegistry{funcs: map[string]*Row{}, methods: map[string]*Row{}, isGen: map[*Row]bool{}}
	reg.legacy, reg.gen = randomRows()
	for _, r := range append(append([]*Row{}, reg.legacy...), reg.gen...) {
		if err := r.init(); err != nil {
			panic(fmt.Sprintf("numpy random row %s: %v", r.Name, err))
		}
	}
	for _, r := range reg.legacy {
		for _, n := range r.Names() {
			reg.funcs[n] = r
		}
	}
	for _, r := range reg.gen {
		reg.methods[r.Name] = r
		reg.isGen[r] = true
	}
	return reg
})

// LookupRandom returns the row of np.random.NAME, or nil.
func LookupRandom(name string) *Row { return randomIndex().funcs[name] }

// LookupGenerator returns the row of the Generator method rng.NAME, or
// nil.
func LookupGenerator(name string) *Row { return randomIndex().methods[name] }

// RandomRows lists the rows of np.random.NAME and of the Generator
// methods, in table order.
func RandomRows() (legacy, gen []*Row) {
	reg := randomIndex()
	return reg.legacy, reg.gen
}

// IsRandom reports whether r is a row of np.random (gen false) or a
// Generator method (gen true).
func IsRandom(r *Row) (ok, gen bool) {
	reg := randomIndex()
	if reg.isGen[r] {
		return true, true
	}
	for _, x := range reg.legacy {
		if x == r {
			return true, false
		}
	}
	return false, false
}

// UnsupportedGenerator is the diagnostic for rng.NAME(...) that is no
// supported Generator method.
func UnsupportedGenerator(name string) string {
	if Has("numpy.random", name) {
		return "the Generator method " + name + "() is not supported yet"
	}
	return fmt.Sprintf("'numpy.random._generator.Generator' object has no attribute '%s'", name)
}

// randomOperands is the operand offset of a call: a Generator method's
// receiver is its operand 0.
func (c *Call) randomOperands() int {
	if len(c.Args) > 0 {
		if _, ok := c.Args[0].(ir.Generator); ok {
			return 1
		}
	}
	return 0
}

// real checks that an optional argument (or an operand) is an int or a
// float: arrays of parameters are not supported yet.
func (c *Call) real(name string, t ir.Type) bool {
	if s, ok := t.(ir.Scalar); ok && (s.IsInt() || s.IsFloat() || s == ir.Bool) {
		return true
	}
	if _, ok := t.(*ir.Array); ok {
		c.OptErrorf(name, "unsupported: an array %s= of %s() (not supported yet); draw with a scalar %s", name, c.Disp, name)
		return false
	}
	c.OptErrorf(name, "unsupported: %s= of type %s in %s(); it must be a number", name, TypeName(t), c.Disp)
	return false
}

// sized is the result of a sampler of kind k: a scalar without size=
// (or size=None), else an array of size's rank.
func (c *Call) sized(k ir.Scalar) ir.Type {
	t, given := c.Opts["size"]
	if !given || c.OptNone("size") {
		return k
	}
	switch t := t.(type) {
	case nil:
		return nil
	case ir.Scalar:
		if t.IsInt() && t != ir.Bool {
			return Fresh(k, 1)
		}
	case *ir.Tuple:
		for _, x := range t.Elems {
			if s, ok := x.(ir.Scalar); !ok || !s.IsInt() || s == ir.Bool {
				c.OptErrorf("size", "'%s' object cannot be interpreted as an integer", TypeName(x))
				return nil
			}
		}
		if len(t.Elems) == 0 || len(t.Elems) > MaxRank {
			c.OptErrorf("size", "unsupported: size= of %d extents; 1 to %d are supported", len(t.Elems), MaxRank)
			return nil
		}
		return Fresh(k, len(t.Elems))
	}
	c.OptErrorf("size", "'%s' object cannot be interpreted as an integer (size= is an int or a tuple of ints)", TypeName(t))
	return nil
}

// randomFloats types random, standard_normal, normal, uniform and
// exponential: float64 parameters, a float or an array of floats.
func randomFloats(c *Call) ir.Type {
	for _, n := range []string{"loc", "scale", "low", "high"} {
		if t, ok := c.Opts[n]; ok && !c.real(n, t) {
			return nil
		}
	}
	return c.sized(ir.Float64)
}

// randomDims types rand(d0, d1, ...) and randn: ints, one per axis.
func randomDims(c *Call) ir.Type {
	for i, t := range c.Args {
		if s, ok := t.(ir.Scalar); !ok || !s.IsInt() || s == ir.Bool {
			c.Errorf(i, "'%s' object cannot be interpreted as an integer", TypeName(t))
			return nil
		}
	}
	switch n := len(c.Args); {
	case n == 0:
		return ir.Float64
	case n > MaxRank:
		c.Errorf(-1, "unsupported: arrays of rank %d; ranks 1 to %d are supported", n, MaxRank)
		return nil
	default:
		return Fresh(ir.Float64, n)
	}
}

// randomInts types randint and integers: int bounds, int64 values unless
// dtype= names another integer type or bool.
func randomInts(c *Call) ir.Type {
	o := c.randomOperands()
	if !c.intOperand(o) {
		return nil
	}
	if t, ok := c.Opts["high"]; ok && !c.OptNone("high") {
		if s, isS := t.(ir.Scalar); !isS || !s.IsInt() {
			c.OptErrorf("high", "unsupported: high= of type %s; it must be an int (arrays of bounds are not supported yet)", TypeName(t))
			return nil
		}
	}
	if t, ok := c.Opts["endpoint"]; ok && !ir.IsScalar(t, ir.Bool) {
		c.OptErrorf("endpoint", "unsupported: endpoint= of type %s; it must be a bool", TypeName(t))
		return nil
	}
	k := c.dtypeOr(ir.Int64)
	if !k.IsInt() && k != ir.Bool {
		c.OptErrorf("dtype", "Unsupported dtype dtype('%s') for randint", k)
		return nil
	}
	return c.sized(k)
}

// randomChoice types choice(a, size, replace, p): a is an int (indices)
// or a 1-d array (its elements).
func randomChoice(c *Call) ir.Type {
	o := c.randomOperands()
	var k ir.Scalar
	switch t := c.Args[o].(type) {
	case ir.Scalar:
		if !t.IsInt() || t == ir.Bool {
			c.Errorf(o, "unsupported: choice() of a %s; a is an int or a 1-d array", TypeName(t))
			return nil
		}
		k = ir.Int64
	case *ir.Array:
		if t.Rank != 1 {
			c.Errorf(o, "a must be 1-dimensional")
			return nil
		}
		k = t.Elem
	default:
		c.Errorf(o, "unsupported: choice() of a %s; a is an int or a 1-d array", TypeName(t))
		return nil
	}
	if t, ok := c.Opts["replace"]; ok && !ir.IsScalar(t, ir.Bool) {
		c.OptErrorf("replace", "unsupported: replace= of type %s; it must be a bool", TypeName(t))
		return nil
	}
	if t, ok := c.Opts["p"]; ok && !c.OptNone("p") {
		if a, isA := t.(*ir.Array); !isA || a.Rank != 1 || a.Elem != ir.Float64 {
			c.OptErrorf("p", "unsupported: p= of type %s; it must be a 1-d float64 array", TypeName(t))
			return nil
		}
	}
	return c.sized(k)
}

// randomShuffle types shuffle(x): an array shuffled in place; None.
func randomShuffle(c *Call) ir.Type {
	o := c.randomOperands()
	if a, ok := c.Args[o].(*ir.Array); !ok || a.Rank < 1 {
		c.Errorf(o, "unsupported: shuffle() of a %s; it shuffles an array in place", TypeName(c.Args[o]))
		return nil
	}
	if !c.Stmt {
		c.Errorf(-1, "shuffle() returns None; its value cannot be used")
		return nil
	}
	return ir.None
}

// randomPermutation types permutation(x): range(x) shuffled for an int,
// a shuffled copy of an array.
func randomPermutation(c *Call) ir.Type {
	o := c.randomOperands()
	switch t := c.Args[o].(type) {
	case ir.Scalar:
		if t.IsInt() && t != ir.Bool {
			return Fresh(ir.Int64, 1)
		}
	case *ir.Array:
		return Fresh(t.Elem, t.Rank)
	}
	c.Errorf(o, "unsupported: permutation() of a %s; x is an int or an array", TypeName(c.Args[o]))
	return nil
}

// randomSeed types np.random.seed(s).
func randomSeed(c *Call) ir.Type {
	if t, ok := c.Opts["seed"]; ok && !c.OptNone("seed") {
		if s, isS := t.(ir.Scalar); !isS || !s.IsInt() || s == ir.Bool {
			c.OptErrorf("seed", "unsupported: a seed of type %s; it must be an int (or None)", TypeName(t))
			return nil
		}
	}
	if !c.Stmt {
		c.Errorf(-1, "seed() returns None; its value cannot be used")
		return nil
	}
	return ir.None
}

// randomDefaultRNG types np.random.default_rng(seed): a Generator.
func randomDefaultRNG(c *Call) ir.Type {
	if t, ok := c.Opts["seed"]; ok && !c.OptNone("seed") {
		if s, isS := t.(ir.Scalar); !isS || !s.IsInt() || s == ir.Bool {
			c.OptErrorf("seed", "unsupported: a seed of type %s; it must be an int (or None)", TypeName(t))
			return nil
		}
	}
	return ir.GeneratorType
}

// randomDocTable is the docs' np.random section: one table for the
// module functions, one for the Generator methods.
func randomDocTable() string {
	var b strings.Builder
	legacy, gen := RandomRows()
	for _, part := range []struct {
		title, prefix string
		rows          []*Row
	}{{"np.random (the global state)", "np.random.", legacy}, {"Generator methods (rng = np.random.default_rng(seed))", "rng.", gen}} {
		fmt.Fprintf(&b, "\n**%s**\n\n", part.title)
		b.WriteString("| call | what it draws | exact | raises |\n|---|---|---|---|\n")
		for _, r := range part.rows {
			var sp []string
			for _, n := range r.Names() {
				sp = append(sp, "`"+part.prefix+n+"("+r.accepted(r.params)+")`")
			}
			exact := "yes"
			if r.Inexact != 0 {
				exact = "C: yes; Go: yes but the last bits of about one pair of values in 1300 (log)"
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", cell(strings.Join(sp, ", ")), cell(r.Doc), exact, cell(r.faults()))
		}
	}
	return b.String()
}
