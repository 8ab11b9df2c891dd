package ir

import (
	"fmt"
	"strings"
)

// Random numbers. np.random's functions and a Generator's methods are
// not pure (they advance a state) and some raise, so they are neither
// Intrinsics nor Calls: one statement, Random, draws with one sampler of
// the runtime (package runtime/nprand in Go, pyc2go_random.h in C), which
// reproduces numpy 1.24's streams bit for bit. Lowering builds everything
// around it (the array the draws go to, the gather of choice(a) from its
// indices, the copy permutation(x) shuffles), so an emitter prints one
// runtime call per Random and adds the source position to the error the
// runtime returns.

// Generator is the type of np.random.default_rng(seed): a handle to a
// numpy Generator (PCG64) a function creates and draws from. Variables of
// this type are only set by a Random default_rng and read by other
// Randoms (Gen); Go holds a *nprand.Generator, C a pyc2go_rng.
type Generator struct{}

func (Generator) String() string { return "Generator" }
func (Generator) isType()        {}

// GeneratorType is the one Generator type.
var GeneratorType Type = Generator{}

// Random draws from a numpy random state: the process's legacy state
// behind np.random.seed and np.random.rand (Gen nil), or the Generator
// variable Gen. Op names the sampler (RandomOps lists them with their
// operands). Dst receives the draws: a scalar variable takes one draw, an
// array variable (a fresh C-contiguous array, just allocated) one per
// element in C order; a Generator variable takes default_rng's result.
// Arr is an array operand: the array shuffle permutes in place, or
// choice's probabilities p (a fresh C-contiguous float64 array) or nil.
// Args are the scalar operands, in the order RandomOps gives.
type Random struct {
	Op   string
	Gen  *Var
	Dst  *Var
	Arr  *Var
	Args []Expr
	Pos  Pos
}

func (s *Random) StmtPos() Pos { return s.Pos }
func (*Random) isStmt()        {}
func (*Random) node()          {}

// RandomOp describes one sampler.
type RandomOp struct {
	Name string
	// Args are the operand kinds; Dst says what the destination is:
	// "values" (a scalar or an array of ValueKinds), "generator", or ""
	// (no destination).
	Args []Scalar
	Dst  string
	// Kinds lists the element kinds a values destination may have (nil:
	// float64 only).
	Kinds []Scalar
	// Raises: the sampler may return numpy's exception (a bad parameter).
	Raises bool
	// Arr: the sampler takes an array operand ("shuffle": any array,
	// required; "p": an optional float64 array).
	Arr string
	// Legacy, Gen: the sampler exists for the global legacy state, for a
	// Generator.
	Legacy, Gen bool
	Doc         string
}

var intKinds = []Scalar{Bool, Int8, Int16, Int32, Int64, Uint8, Uint16, Uint32, Uint64}

// RandomOps lists every sampler a Random may name.
var RandomOps = []RandomOp{
	{Name: "seed", Args: []Scalar{Int64}, Raises: true, Legacy: true,
		Doc: "seed(s): np.random.seed(s), init_genrand of MT19937 (0 <= s < 2**32, else numpy's ValueError)"},
	{Name: "default_rng", Args: []Scalar{Int64}, Dst: "generator", Raises: true, Legacy: true,
		Doc: "Dst = default_rng(s): a fresh Generator seeded as numpy's SeedSequence(s) and PCG64 (s >= 0); with no operand, from OS entropy"},
	{Name: "random", Dst: "values", Legacy: true, Gen: true, Doc: "uniform doubles in [0, 1): random_sample / rng.random"},
	{Name: "standard_normal", Dst: "values", Legacy: true, Gen: true, Doc: "standard normals: the legacy polar method, the Generator's ziggurat"},
	{Name: "normal", Args: []Scalar{Float64, Float64}, Dst: "values", Raises: true, Legacy: true, Gen: true, Doc: "normal(loc, scale)"},
	{Name: "uniform", Args: []Scalar{Float64, Float64}, Dst: "values", Raises: true, Legacy: true, Gen: true, Doc: "uniform(low, high)"},
	{Name: "exponential", Args: []Scalar{Float64}, Dst: "values", Raises: true, Legacy: true, Gen: true, Doc: "exponential(scale)"},
	{Name: "integers", Args: []Scalar{Int64, Int64, Bool}, Dst: "values", Kinds: intKinds, Raises: true, Legacy: true, Gen: true,
		Doc: "integers(low, high, endpoint): randint's masked rejection (legacy; endpoint false) or Lemire's method (Generator), drawing as the destination's dtype draws"},
	{Name: "choice", Args: []Scalar{Int64, Bool, Bool}, Dst: "values", Kinds: []Scalar{Int64}, Raises: true, Arr: "p", Legacy: true, Gen: true,
		Doc: "choice(pop, replace, a_is_int) [p]: indices into a population of pop, as choice draws them (the Generator shuffles a sample without replacement)"},
	{Name: "permutation", Dst: "values", Kinds: []Scalar{Int64}, Legacy: true, Gen: true, Doc: "permutation(): range(n) shuffled, n the size of the destination array"},
	{Name: "shuffle", Arr: "shuffle", Legacy: true, Gen: true, Doc: "shuffle() Arr: Arr shuffled in place along its first axis"},
}

// LookupRandomOp returns the sampler named name, or nil.
func LookupRandomOp(name string) *RandomOp {
	for i := range RandomOps {
		if RandomOps[i].Name == name {
			return &RandomOps[i]
		}
	}
	return nil
}

// randomString is the text form: `[DST = ]random OP[@GEN](ARGS)[ array
// ARR]`.
func randomString(s *Random) string {
	var b strings.Builder
	if s.Dst != nil {
		b.WriteString(varName(s.Dst) + " = ")
	}
	b.WriteString("random " + s.Op)
	if s.Gen != nil {
		b.WriteString("@" + varName(s.Gen))
	}
	b.WriteString("(" + exprList(s.Args) + ")")
	if s.Arr != nil {
		b.WriteString(" array " + varName(s.Arr))
	}
	return b.String()
}

// parseRandom parses a Random after its word random; dst is the
// destination's name ("" for none).
func (p *textParser) parseRandom(l *lineParser, dst string) Stmt {
	s := &Random{Op: l.ident()}
	if dst != "" {
		s.Dst = p.lookup(dst)
	}
	if l.accept("@") {
		s.Gen = p.lookup(l.ident())
	}
	l.expect("(")
	s.Args = l.exprsUntil(")")
	if l.acceptWord("array") {
		s.Arr = p.lookup(l.ident())
	}
	s.Pos = l.pos
	l.end()
	return s
}

// random checks a Random against its sampler's description.
func (v *verifier) random(s *Random, induction []*Var) {
	pos := s.Pos
	op := LookupRandomOp(s.Op)
	if op == nil {
		v.errorf(pos, "random %s: unknown sampler", s.Op)
		return
	}
	if op.Raises {
		v.raises = true
	}
	if s.Gen != nil {
		v.use(pos, s.Gen)
		if _, ok := s.Gen.Type.(Generator); !ok || !op.Gen {
			v.errorf(pos, "random %s@%s: want a Generator variable and a Generator sampler", s.Op, s.Gen.Name)
		}
	} else if !op.Legacy {
		v.errorf(pos, "random %s: not a sampler of the legacy state", s.Op)
	}
	if len(s.Args) != len(op.Args) && !(op.Dst != "values" && len(s.Args) == 0) { // seed(), default_rng(): entropy
		v.errorf(pos, "random %s: want %d operands, got %d", s.Op, len(op.Args), len(s.Args))
	}
	for i, e := range s.Args {
		v.expr(pos, e)
		if i < len(op.Args) {
			v.wantType(pos, "random operand", e, op.Args[i])
		}
	}
	switch op.Dst {
	case "":
		if s.Dst != nil {
			v.errorf(pos, "random %s: want no destination", s.Op)
		}
	case "generator":
		if s.Dst == nil {
			v.errorf(pos, "random %s: want a Generator destination", s.Op)
			break
		}
		v.assigns(pos, s.Dst, induction)
		if _, ok := s.Dst.Type.(Generator); !ok {
			v.errorf(pos, "random %s: want a Generator destination, got %s", s.Op, s.Dst.Type)
		}
	case "values":
		if s.Dst == nil {
			v.errorf(pos, "random %s: want a destination", s.Op)
			break
		}
		k, ok := s.Dst.Type.(Scalar)
		if a, isA := s.Dst.Type.(*Array); isA {
			k, ok = a.Elem, true
			v.use(pos, s.Dst)
		} else {
			v.assigns(pos, s.Dst, induction)
		}
		kinds := op.Kinds
		if kinds == nil {
			kinds = []Scalar{Float64}
		}
		if !ok || !IsScalar(k, kinds...) {
			v.errorf(pos, "random %s: destination %s of type %s: want %v values", s.Op, s.Dst.Name, s.Dst.Type, kinds)
		}
	}
	switch {
	case op.Arr == "" && s.Arr != nil, op.Arr == "shuffle" && s.Arr == nil:
		v.errorf(pos, "random %s: array operand %s", s.Op, fmt.Sprint(s.Arr != nil))
	case s.Arr != nil:
		v.use(pos, s.Arr)
		a, ok := s.Arr.Type.(*Array)
		if !ok || op.Arr == "p" && (a.Elem != Float64 || a.Rank != 1) {
			v.errorf(pos, "random %s: array operand %s of type %s", s.Op, s.Arr.Name, s.Arr.Type)
		}
	}
}

func isArrayVar(v *Var) bool {
	_, ok := v.Type.(*Array)
	return ok
}
