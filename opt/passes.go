package opt

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/pyc2go/pyc2go/ir"
)

// Config controls the pass pipeline.
type Config struct {
	OptLevel  int             // 0 runs only required passes; 2 (or more) runs every pass not disabled
	Disable   map[string]bool // names of optional passes to skip
	DumpAfter string          // pass name after which to print the module to Dump ("lower": before any pass); "" for none
	Dump      io.Writer
	// AfterPass, if set, sees the module before any pass (as "lower")
	// and after each pass that runs, in order; tests use it to check
	// every stage of a compilation.
	AfterPass func(pass string, m *ir.Module)
	// Verify runs ir.Verify on the module Run receives and ir.VerifyFunc
	// after every pass; tests set it.
	Verify bool

	// NoBoundsCheck is Cython's boundscheck=False directive (UNSAFE: it
	// trades Python's semantics for speed): the boundscheck pass deletes
	// the IndexError check of every array subscript; an out-of-range index
	// is then undefined behaviour: the Go code panics with an
	// index-out-of-range runtime error or reads (or writes) another element
	// of the underlying slice. The checks are deleted after the raises
	// pass, so a function's Go signature is exactly the one of the checked
	// code. It is negative so that the zero Config keeps every check.
	NoBoundsCheck bool

	// FastMath lets passes reassociate floating-point reductions: the
	// unroll pass splits s += x[i] into several accumulators and the
	// parallel pass sums float partials per chunk. Results then differ
	// from CPython's in the last bits (never in exceptions or integer
	// results). Off by default, so that floats stay bit-identical.
	FastMath bool

	// Cache holds the cache sizes the tile pass sizes tiles for; zero
	// levels mean DefaultCache's, never the machine's (see CacheSizes).
	Cache CacheSizes

	// Remarks, if set, receives the remarks of optimisation passes (see
	// Remark), in pipeline order.
	Remarks func(Remark)

	// Reference, if set, is the same file lowered under the default
	// directives and run through the required passes: the raises pass
	// keeps every function that raises there raising (matched by position
	// in Module.Funcs), so that a directive never takes an error result
	// away. The driver sets it under --wraparound=off (lower.Config
	// explains why that directive needs it).
	Reference *ir.Module
}

// pass is one IR-to-IR transformation of a function, in the style of Go's
// cmd/compile/internal/ssa pass table: required passes always run, optional
// ones only at -O2 and unless disabled by name.
type pass struct {
	name     string
	fn       func(*ir.Func)
	opt      func(*ir.Func, *passCtx) // for passes that read Config or leave remarks; fn is nil then
	module   func(*ir.Module, Config) // for whole-module passes; fn is nil then
	required bool
	// when, if set, says whether the pass applies to cfg at all (a
	// directive's pass); a pass that does not apply is a no-op, so dumping
	// after it still works.
	when func(Config) bool
	doc  string
}

// passes is the pipeline, in order. Order matters: checkelim removes the
// checks whose condition constfold reduced to true (it also folds the
// condition itself, so it works with constfold disabled).
//
// constfold and checkelim are required because they decide the generated
// API: a function whose checks all fold away has no error result. Running
// them at every level, and fixing Func.Raises right after them (the
// "raises" entry), keeps a function's Go signature the same at -O0 and -O2;
// optional passes after it may delete checks but never change signatures.
// boundscheck, the --boundscheck=off directive, runs after raises for that
// reason: deleting the index checks of a function must not take away its
// error result.
var passes = [...]pass{
	{name: "constfold", fn: constFold, required: true, doc: constFoldDoc},
	{name: "checkelim", fn: checkElim, required: true, doc: checkElimDoc},
	{name: "deadcode", fn: deadCode, required: true, doc: deadCodeDoc},
	{name: "guardelim", fn: guardElim, required: true, doc: guardElimDoc},
	{name: "raises", module: func(m *ir.Module, cfg Config) { ir.FixRaises(m, cfg.referenceRaises()) }, required: true, doc: "raises fixes which functions may raise, and so which Go functions return an error."},
	{name: "boundscheck", fn: elideBoundsChecks, required: true, when: func(cfg Config) bool { return cfg.NoBoundsCheck }, doc: boundsCheckDoc},
	{name: "unused", fn: unused, required: true, doc: unusedDoc},
	// The loop-nest passes: bchoist leaves check-free fast copies of loop
	// nests, which interchange reorders and tile blocks.
	{name: "bchoist", opt: bcHoist, doc: bcHoistDoc},
	{name: "interchange", opt: interchange, doc: interchangeDoc},
	{name: "tile", opt: tile, doc: tileDoc},
	{name: "licm", opt: licm, doc: licmDoc},
	{name: "contig", opt: contig, doc: contigDoc},
	{name: "stride", opt: stride, doc: strideDoc},
	{name: "window", opt: window, doc: windowDoc},
	{name: "parallel", opt: parallel, doc: parallelDoc},
	{name: "unroll", opt: unroll, doc: unrollDoc},
	{name: "restrict", opt: restrict, doc: restrictDoc},
	{name: "chunk", fn: chunk, required: true, doc: chunkDoc},
	{name: "readonly", module: func(m *ir.Module, _ Config) { readOnly(m) }, required: true, doc: readOnlyDoc},
}

// passOrder states every constraint on the order of passes, with its
// reason; TestPassOrder checks the table against it. A new pass adds the
// constraints it relies on here rather than in a comment.
var passOrder = [...]struct{ before, after, why string }{
	{"constfold", "checkelim", "checkelim deletes the checks constfold reduced to true"},
	{"checkelim", "raises", "raises fixes signatures from the checks the required passes keep"},
	{"constfold", "deadcode", "deadcode removes what the conditions constfold reduced to constants make unreachable"},
	{"deadcode", "raises", "a check in dead code must not make its function raise, at any level"},
	{"guardelim", "raises", "raises fixes signatures from the checks the required passes keep"},
	{"raises", "boundscheck", "deleting index checks must not take away a function's error result"},
	// parallel judges the loop bodies as the loop passes leave them (their
	// hoisted temporaries are assigned outside the body, or privately
	// inside it), so it comes after every loop-restructuring pass.
	{"boundscheck", "parallel", "a chunk's Go closure is emitted from the final body; checks deleted later would still be judged"},
	{"raises", "bchoist", "optional passes run after raises: deleting index checks must not change a signature"},
	{"boundscheck", "bchoist", "under --boundscheck=off there is nothing to hoist, and interchange and tile then see nests without checks"},
	{"bchoist", "interchange", "interchange reorders only nests without checks, which bchoist's fast copies are"},
	{"interchange", "tile", "tile blocks the loop order interchange chose, and its tests for a strided innermost loop assume that order"},
	{"tile", "parallel", "parallel judges the loops tile leaves (its tile loops are sequential nests around the point loops)"},
	{"tile", "licm", "the inner-loop passes work on the loop order and blocking the loop-nest passes chose, and see through nothing they would have to undo"},
	{"parallel", "unroll", "unroll turns a reduction For into a While the parallel pass could no longer chunk; a chunked loop's accumulators are already split into chunk partials"},
	{"licm", "contig", "contig copies loops: invariants hoisted first are computed once for both copies, and its condition reads the hoisted strides"},
	{"contig", "stride", "stride turns base + i*s into running offsets, which hide the strides contig tests"},
	{"contig", "window", "window marks the unit-stride copies contig makes"},
	{"stride", "window", "window must see the final body: stride adds the increments of running offsets to it"},
	// restrict proves facts about the loops as they will be printed, so it
	// comes after every pass that makes, copies or rewrites loops.
	{"unroll", "restrict", "unroll makes remainder loops and turns reductions into whiles: restrict must see the loops emitters print"},
	{"parallel", "chunk", "chunk writes out the loops the parallel pass approves"},
	{"chunk", "readonly", "readonly proves facts about the code the emitters print, so it runs after every pass that adds or removes stores"},
	{"restrict", "readonly", "readonly proves facts about the code the emitters print, so it runs after every pass that adds or removes stores"},
	{"unroll", "chunk", "unroll adds the accumulators it splits to a parallel loop's privates, which chunk copies per chunk"},
	{"restrict", "chunk", "restrict proves arrays apart over a whole parallel loop, which chunk hands to the concurrent loop over its chunks; the loop passes see each parallel loop as one loop"},
	{"window", "parallel", "parallel judges the bodies the loop passes leave: their hoisted and running variables are assigned outside the body or not at all in parallel loops"},
}

// PassNames lists the passes in pipeline order.
func PassNames() []string {
	names := make([]string, len(passes))
	for i, p := range passes {
		names[i] = p.name
	}
	return names
}

// PassDoc returns the one-sentence description of a pass, or "".
func PassDoc(name string) string {
	if p := lookupPass(name); p != nil {
		return p.doc
	}
	return ""
}

// lowerPassName is accepted by Config.DumpAfter to print the IR Run
// receives, before any pass: the IR straight after lowering.
const lowerPassName = "lower"

// Validate checks the pass names cfg mentions: every name in Disable is a
// pass, and an optional one where Disable holds true; DumpAfter is a pass
// or "lower". Run calls it first; the
// CLI calls it early to report a bad --passes or --dump-ir as a usage
// error.
func (cfg Config) Validate() error {
	for _, name := range sortedKeys(cfg.Disable) {
		p := lookupPass(name)
		if p == nil {
			return fmt.Errorf("unknown pass %q (passes: %s)", name, strings.Join(PassNames(), ", "))
		}
		if p.required && cfg.Disable[name] {
			return fmt.Errorf("pass %q is required and cannot be disabled", name)
		}
	}
	if cfg.DumpAfter != "" && cfg.DumpAfter != lowerPassName && lookupPass(cfg.DumpAfter) == nil {
		return fmt.Errorf("unknown pass %q to dump after (passes: %s, %s)", cfg.DumpAfter, lowerPassName, strings.Join(PassNames(), ", "))
	}
	return nil
}

func lookupPass(name string) *pass {
	for i := range passes {
		if passes[i].name == name {
			return &passes[i]
		}
	}
	return nil
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// referenceRaises is Func.Raises of cfg.Reference by position, or nil.
func (cfg Config) referenceRaises() []bool {
	if cfg.Reference == nil {
		return nil
	}
	ref := make([]bool, len(cfg.Reference.Funcs))
	for i, f := range cfg.Reference.Funcs {
		ref[i] = f.Raises
	}
	return ref
}

// Run runs the passes cfg selects on m, in the order of the pass table, and
// returns an error naming the pass that failed (a panic inside a pass
// comes back as one, with the function it failed on printed).
func Run(m *ir.Module, cfg Config) error {
	if err := cfg.Validate(); err != nil {
		return fmt.Errorf("opt: %w", err)
	}
	if cfg.Verify {
		if err := ir.Verify(m); err != nil {
			return fmt.Errorf("opt: IR after lowering does not verify: %w", err)
		}
	}
	dump := func(name string) error {
		if cfg.AfterPass != nil {
			cfg.AfterPass(name, m)
		}
		if cfg.DumpAfter != name || cfg.Dump == nil {
			return nil
		}
		_, err := io.WriteString(cfg.Dump, ir.Print(m))
		return err
	}
	if err := dump(lowerPassName); err != nil {
		return err
	}
	for _, p := range passes {
		if !p.required && (cfg.OptLevel < 1 || cfg.Disable[p.name]) {
			continue
		}
		if err := runOne(p, m, cfg); err != nil {
			return err
		}
		if err := dump(p.name); err != nil {
			return err
		}
	}
	if cfg.Verify {
		if err := ir.Verify(m); err != nil {
			return fmt.Errorf("opt: IR after the passes does not verify: %w", err)
		}
	}
	return nil
}

// runOne runs pass p on m: on the module, or on each function with the
// verifier after each when cfg asks for it.
func runOne(p pass, m *ir.Module, cfg Config) error {
	if p.when != nil && !p.when(cfg) {
		return nil
	}
	if p.module != nil {
		p.module(m, cfg)
		return nil
	}
	for _, f := range m.Funcs {
		if err := runPass(p, f, cfg); err != nil {
			return err
		}
		if cfg.Verify {
			if err := ir.VerifyFunc(f); err != nil {
				return fmt.Errorf("opt: pass %s: IR does not verify: %w", p.name, err)
			}
		}
	}
	return nil
}

// runPass runs one pass on one function, turning a panic into an error that
// names the pass and shows the function it failed on.
func runPass(p pass, f *ir.Func, cfg Config) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("opt: pass %s panicked on func %s: %v\n%s", p.name, f.Name, r, ir.PrintFunc(f))
		}
	}()
	if p.opt != nil {
		p.opt(f, &passCtx{cfg: cfg, pass: p.name, fn: f})
		return nil
	}
	p.fn(f)
	return nil
}

// PassRequired reports whether the named pass always runs (it cannot be
// disabled).
func PassRequired(name string) bool {
	p := lookupPass(name)
	return p != nil && p.required
}
