package driver

import (
	"errors"
	"fmt"

	"github.com/go-python/gpython/ast"

	"github.com/pyc2go/pyc2go/frontend"
	"github.com/pyc2go/pyc2go/typeinfer"
)

// CompileSome compiles the functions of a file that compile and leaves out
// the others, so one bad function does not sink the file for `pyc2go run`
// and `verify` (`compile` and `check` still fail on any error).
//
// want, when not nil, names the functions the caller needs (Python names);
// only they and the module functions they call, directly or not, are
// compiled, and the rest of the file is not even checked. With want nil,
// or when want names no function of the file, every function is a
// candidate.
//
// An error inside a function leaves that function out, and with it every
// function that calls it (which then gets an error saying so); the rest is
// checked again without them, until what remains compiles. An error outside
// any function (an import, a module constant, a syntax error) concerns the
// whole file: CompileSome then returns it as the error, like Compile.
// Otherwise res holds what compiled (nil when nothing did) and skipped the
// diagnostics of what was left out (nil when nothing was).
func CompileSome(path string, src []byte, cfg Config, want func(name string) bool) (res *Result, skipped *Diagnostics, err error) {
	diags := func(l frontend.ErrorList) *Diagnostics {
		l.Sort()
		return &Diagnostics{Path: path, Src: src, Errors: l}
	}
	f, perr := frontend.ParseFilePartial(path, src)
	if f == nil {
		r, err := Compile(path, src, cfg) // a syntax error: Compile reports it
		return r, nil, err
	}
	g := newCallGraph(f)
	keep := map[*ast.FunctionDef]bool{}
	for _, d := range g.defs {
		keep[d] = want == nil
	}
	if want != nil {
		var roots []*ast.FunctionDef
		for _, d := range g.defs {
			if want(string(d.Name)) {
				roots = append(roots, d)
			}
		}
		if len(roots) == 0 {
			// No such function: compile them all, so that the harness's
			// "unknown function" lists what there is.
			for _, d := range g.defs {
				keep[d] = true
			}
		}
		for _, d := range g.reach(roots) {
			keep[d] = true
		}
	}
	var out frontend.ErrorList
	dropped := map[*ast.FunctionDef]bool{}
	// drop leaves out the functions of errs (and their callers) and
	// reports whether errs had anything outside a function.
	drop := func(errs frontend.ErrorList) bool {
		bad := map[*ast.FunctionDef]bool{}
		for _, e := range errs {
			d := g.at(e.Pos)
			if d == nil {
				return true
			}
			if keep[d] {
				out = append(out, e)
				bad[d] = true
			}
		}
		for d := range bad {
			keep[d] = false
			dropped[d] = true
		}
		for _, d := range g.defs {
			if !keep[d] {
				continue
			}
			if callee := g.callsAny(d, bad, keep); callee != nil {
				keep[d] = false
				dropped[d] = true
				out.Add(f.Pos(d), "'%s' is not compiled: it calls '%s', which has errors", d.Name, callee.Name)
				bad[d] = true
			}
		}
		return false
	}
	if perr != nil {
		var l frontend.ErrorList
		if !errors.As(perr, &l) || drop(l) {
			return nil, nil, &Diagnostics{Path: path, Src: src, Errors: l}
		}
	}
	for round := 0; ; round++ {
		if round > len(g.defs)+1 {
			return nil, nil, fmt.Errorf("driver: CompileSome did not settle on %s", path)
		}
		sub := g.file(keep)
		if len(sub.Module.Body) == 0 || !g.anyKept(keep) {
			break
		}
		info, terr := typeinfer.Check(sub)
		var l frontend.ErrorList
		if terr != nil {
			if !errors.As(terr, &l) || drop(l) {
				return nil, nil, &Diagnostics{Path: path, Src: src, Errors: append(out, l...)}
			}
			continue
		}
		m, lerr := lowerAndOptimise(info, cfg)
		if lerr != nil {
			if !errors.As(lerr, &l) {
				return nil, nil, lerr
			}
			if drop(l) {
				return nil, nil, &Diagnostics{Path: path, Src: src, Errors: append(out, l...)}
			}
			continue
		}
		res = &Result{Path: path, Src: src, File: sub, Info: info, Module: m}
		break
	}
	if res != nil {
		for _, d := range g.defs {
			if !keep[d] && (want == nil || dropped[d]) {
				res.Skipped = append(res.Skipped, string(d.Name))
			}
		}
	}
	if len(out) > 0 {
		skipped = diags(out)
	}
	return res, skipped, nil
}

// callGraph is what CompileSome knows of a module: its top-level function
// definitions, the source lines each spans, and which module functions
// each refers to by name.
type callGraph struct {
	f     *frontend.File
	defs  []*ast.FunctionDef
	spans map[*ast.FunctionDef][2]int // first and last line
	refs  map[*ast.FunctionDef][]*ast.FunctionDef
}

func newCallGraph(f *frontend.File) *callGraph {
	g := &callGraph{f: f, spans: map[*ast.FunctionDef][2]int{}, refs: map[*ast.FunctionDef][]*ast.FunctionDef{}}
	byName := map[string]*ast.FunctionDef{}
	for _, s := range f.Module.Body {
		if d, ok := s.(*ast.FunctionDef); ok {
			g.defs = append(g.defs, d)
			byName[string(d.Name)] = d
		}
	}
	for _, d := range g.defs {
		first, last := d.Lineno, d.Lineno
		for _, dec := range d.DecoratorList {
			first = min(first, dec.GetLineno())
		}
		seen := map[*ast.FunctionDef]bool{}
		ast.Walk(d, func(n ast.Ast) bool {
			last = max(last, n.GetLineno())
			// A name that is a module function is a reference, even where
			// a local shadows it: leaving out one function too many is
			// harmless, calling one that is not compiled is not.
			if nm, ok := n.(*ast.Name); ok {
				if callee := byName[string(nm.Id)]; callee != nil && callee != d && !seen[callee] {
					seen[callee] = true
					g.refs[d] = append(g.refs[d], callee)
				}
			}
			return true
		})
		g.spans[d] = [2]int{first, last}
	}
	return g
}

// at returns the function whose lines hold pos, or whose `#pythran
// export` line does, or nil at module level.
func (g *callGraph) at(pos frontend.Pos) *ast.FunctionDef {
	for _, d := range g.defs {
		if sp := g.spans[d]; pos.Line >= sp[0] && pos.Line <= sp[1] {
			return d
		}
	}
	for _, e := range g.f.Exports {
		if e.Pos.Line == pos.Line {
			for _, d := range g.defs {
				if string(d.Name) == e.Func {
					return d
				}
			}
		}
	}
	return nil
}

// reach returns roots and every function they refer to, transitively.
func (g *callGraph) reach(roots []*ast.FunctionDef) []*ast.FunctionDef {
	seen := map[*ast.FunctionDef]bool{}
	var out []*ast.FunctionDef
	var visit func(d *ast.FunctionDef)
	visit = func(d *ast.FunctionDef) {
		if seen[d] {
			return
		}
		seen[d] = true
		out = append(out, d)
		for _, c := range g.refs[d] {
			visit(c)
		}
	}
	for _, r := range roots {
		visit(r)
	}
	return out
}

// callsAny returns a function of bad, or one left out of keep, that d
// refers to (directly; callers of callers are found as the caller is
// left out in turn, since defs are revisited until nothing changes).
func (g *callGraph) callsAny(d *ast.FunctionDef, bad, keep map[*ast.FunctionDef]bool) *ast.FunctionDef {
	for _, c := range g.reach([]*ast.FunctionDef{d})[1:] {
		if bad[c] || !keep[c] {
			return c
		}
	}
	return nil
}

func (g *callGraph) anyKept(keep map[*ast.FunctionDef]bool) bool {
	for _, d := range g.defs {
		if keep[d] {
			return true
		}
	}
	return false
}

// file returns a copy of the File whose module keeps the functions of
// keep (and everything that is not a function), with the pythran export
// lines of the functions left out dropped too.
func (g *callGraph) file(keep map[*ast.FunctionDef]bool) *frontend.File {
	sub := *g.f
	mod := *g.f.Module
	mod.Body = nil
	names := map[string]bool{}
	for _, s := range g.f.Module.Body {
		if d, ok := s.(*ast.FunctionDef); ok {
			if !keep[d] {
				continue
			}
			names[string(d.Name)] = true
		}
		mod.Body = append(mod.Body, s)
	}
	sub.Module = &mod
	sub.Exports = nil
	for _, e := range g.f.Exports {
		if names[e.Func] || !g.defined(e.Func) {
			sub.Exports = append(sub.Exports, e)
		}
	}
	return &sub
}

func (g *callGraph) defined(name string) bool {
	for _, d := range g.defs {
		if string(d.Name) == name {
			return true
		}
	}
	return false
}
