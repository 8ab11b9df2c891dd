package opt

import (
	"fmt"
	"strings"

	"github.com/pyc2go/pyc2go/ir"
)

const windowDoc = "window marks the unit-stride innermost loops (start 0, step 1, a body of assignments and stores only) whose accesses base + i can go through windows of the arrays' data sliced once before the loop, so emitters can index by i alone."

// Windows for bounds-check elimination.
//
// A Go slice index is bounds-checked unless the compiler proves it in
// range; in
//
//	xW := xData[b : b+n]
//	for i = 0; i < n; i++ { ... xW[i] ... }
//
// its prove pass does (len(xW) == n, 0 <= i < n), where xData[b+i] is
// checked at every access. window records that shape in the IR as
// For.Windows, one (array, base) pair per distinct access base + i, and
// emitters print it (see ir.Window). The window promise, that data
// elements b .. b+n-1 exist whenever the loop runs, holds when the body
// is straight-line: no Check, If, Break, Continue, Return, Raise or call
// statement, so every iteration accesses element b+i, and lowering only
// leaves unchecked those accesses it proved in range. A base that is not
// already a variable is computed before the loop into a fresh local w1,
// w2, ... (it is invariant and cannot fault). Loops that do not qualify but
// have unit-stride accesses get a remark saying why.
func window(f *ir.Func, c *passCtx) {
	defined := definedAt(f)
	for _, site := range loopSites(f) {
		if innermost(site.loop.Body) {
			windowLoop(f, c, site, defined)
		}
	}
}

func windowLoop(f *ir.Func, c *passCtx, site loopSite, defined map[*ir.For]map[*ir.Var]bool) {
	loop := site.loop
	if len(loop.Windows) > 0 {
		return
	}
	in := loopInvariance(loop, defined[loop])
	forwardOffsets(f, loop, in)
	type access struct {
		arr  *ir.Var
		off  *ir.Expr
		base ir.Expr
	}
	var unit []access
	accesses(loop.Body, func(arr *ir.Var, off *ir.Expr) {
		if a, ok := decompose(*off, loop.Var, in); ok && isConstInt(a.Step, 1) && a.Base != nil && !in.assigned[arr] {
			unit = append(unit, access{arr, off, a.Base})
		}
	})
	if len(unit) == 0 {
		return
	}
	why := ""
	switch {
	case !isConstInt(loop.Start, 0) || !isConstInt(loop.Step, 1):
		why = fmt.Sprintf("it is not range(0, n, 1) but range(%s, %s, %s)", ir.ExprString(loop.Start), ir.ExprString(loop.Stop), ir.ExprString(loop.Step))
	default:
		for _, s := range loop.Body.Stmts {
			switch s.(type) {
			case *ir.Assign, *ir.Store:
			default:
				if why == "" {
					why = fmt.Sprintf("its body has a %s", stmtKind(s))
				}
			}
		}
	}
	if why != "" {
		c.remark(loop.Pos, "no windows for the loop over %s: %s", loop.Var.Name, why)
		return
	}
	var pre []ir.Stmt
	bases := map[string]*ir.Var{}
	seen := map[ir.Window]bool{}
	var names []string
	for _, a := range unit {
		var b *ir.Var
		if r, ok := a.base.(*ir.VarRef); ok && ir.IsScalar(r.V.Type, ir.Int64) {
			b = r.V
		} else {
			key := ir.ExprString(a.base)
			if b = bases[key]; b == nil {
				b = newLocal(f, "w", ir.Int64)
				bases[key] = b
				pre = append(pre, &ir.Assign{Dst: b, Src: ir.CloneExpr(a.base), Pos: loop.Pos})
			}
		}
		*a.off = ir.Bin(ir.Add, ir.Ref(b), ir.Ref(loop.Var))
		w := ir.Window{Arr: a.arr, Base: b}
		if !seen[w] {
			seen[w] = true
			loop.Windows = append(loop.Windows, w)
			names = append(names, a.arr.Name+"@"+b.Name)
		}
	}
	if len(pre) > 0 {
		ps := site.parent.Stmts
		for i, s := range ps {
			if s == loop {
				site.parent.Stmts = append(ps[:i:i], append(pre, ps[i:]...)...)
				break
			}
		}
	}
	c.remark(loop.Pos, "windows for the loop over %s: %s", loop.Var.Name, strings.Join(names, ", "))
}

// stmtKind names a statement's kind for remarks ("check", "break").
func stmtKind(s ir.Stmt) string {
	return strings.ToLower(strings.TrimPrefix(fmt.Sprintf("%T", s), "*ir."))
}
