package lower

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/pyc2go/pyc2go/ir"
)

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
	{name: "guardelim", fn: guardElim, required: true, doc: guardElimDoc},
	{name: "raises", module: func(m *ir.Module, cfg Config) { raisesFixpoint(m, cfg.raisesRef) }, required: true, doc: "raises fixes which functions may raise, and so which Go functions return an error."},
	{name: "boundscheck", fn: elideBoundsChecks, required: true, when: func(cfg Config) bool { return cfg.NoBoundsCheck }, doc: boundsCheckDoc},
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
}

// passOrder states every constraint on the order of passes, with its
// reason; TestPassOrder checks the table against it. A new pass adds the
// constraints it relies on here rather than in a comment.
var passOrder = [...]struct{ before, after, why string }{
	{"constfold", "checkelim", "checkelim deletes the checks constfold reduced to true"},
	{"checkelim", "raises", "raises fixes signatures from the checks the required passes keep"},
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
	for _, p := range passes {
		if p.name == name {
			return p.doc
		}
	}
	return ""
}

// lowerPassName is accepted by Config.DumpAfter to print the IR straight
// after lowering, before any pass.
const lowerPassName = "lower"

func runPasses(m *ir.Module, cfg Config) error {
	known := map[string]bool{lowerPassName: true}
	for _, p := range passes {
		known[p.name] = true
	}
	var unknown []string
	for name := range cfg.Disable {
		if !known[name] || name == lowerPassName {
			unknown = append(unknown, name)
		}
	}
	for _, p := range passes {
		if p.required && cfg.Disable[p.name] {
			return fmt.Errorf("lower: pass %s is required and cannot be disabled", p.name)
		}
	}
	if cfg.DumpAfter != "" && !known[cfg.DumpAfter] {
		unknown = append(unknown, cfg.DumpAfter)
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return fmt.Errorf("lower: unknown pass %s (passes: %s)", strings.Join(unknown, ", "), strings.Join(PassNames(), ", "))
	}
	dump := func(name string) error {
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
		apply := p.when == nil || p.when(cfg)
		if p.module != nil && apply {
			p.module(m, cfg)
		}
		for _, f := range m.Funcs {
			if (p.fn == nil && p.opt == nil) || !apply {
				break
			}
			if err := runPass(p, f, cfg); err != nil {
				return err
			}
			if cfg.Verify {
				if err := ir.VerifyFunc(f); err != nil {
					return fmt.Errorf("lower: pass %s: IR does not verify: %w", p.name, err)
				}
			}
		}
		if err := dump(p.name); err != nil {
			return err
		}
	}
	if cfg.Verify {
		if err := ir.Verify(m); err != nil {
			return fmt.Errorf("lower: IR after the passes does not verify: %w", err)
		}
	}
	return nil
}

// runPass runs one pass on one function, turning a panic into an error that
// names the pass and shows the function it failed on.
func runPass(p pass, f *ir.Func, cfg Config) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("lower: pass %s panicked on func %s: %v\n%s", p.name, f.Name, r, ir.PrintFunc(f))
		}
	}()
	if p.opt != nil {
		p.opt(f, &passCtx{cfg: cfg, pass: p.name, fn: f})
		return nil
	}
	p.fn(f)
	return nil
}

// recomputeRaises sets every Func.Raises to the least fixed point of "has a
// Check or Raise, or a CallStmt or Call of a function that raises".
func recomputeRaises(m *ir.Module) { raisesFixpoint(m, nil) }

// raisesFixpoint is recomputeRaises where the functions marked in ref (by
// position in m.Funcs; nil marks none) count as raising whatever their
// body: under NoWrapAround, the functions that raise in the default
// compilation (Config.raisesRef). Every marked function also raises in the
// IR before the passes (lowering emits one index check in either mode
// wherever the other emits one, and passes only delete checks), so calls
// lowered for that IR stay valid.
func raisesFixpoint(m *ir.Module, ref []bool) {
	own := map[*ir.Func]bool{}
	callees := map[*ir.Func][]*ir.Func{}
	for i, f := range m.Funcs {
		own[f], callees[f] = scanRaises(f)
		if i < len(ref) && ref[i] {
			own[f] = true
		}
		f.Raises = false
	}
	for changed := true; changed; {
		changed = false
		for _, f := range m.Funcs {
			if f.Raises {
				continue
			}
			r := own[f]
			for _, g := range callees[f] {
				r = r || g.Raises
			}
			if r {
				f.Raises, changed = true, true
			}
		}
	}
}

// walkBlocks calls fn on every block of f, outer blocks first.
func walkBlocks(b *ir.Block, fn func(*ir.Block)) {
	if b == nil {
		return
	}
	fn(b)
	for _, s := range b.Stmts {
		switch s := s.(type) {
		case *ir.If:
			walkBlocks(s.Then, fn)
			walkBlocks(s.Else, fn)
		case *ir.For:
			walkBlocks(s.Body, fn)
		case *ir.While:
			walkBlocks(s.Body, fn)
		}
	}
}

// PassRequired reports whether the named pass always runs (it cannot be
// disabled).
func PassRequired(name string) bool {
	for _, p := range passes {
		if p.name == name {
			return p.required
		}
	}
	return false
}
