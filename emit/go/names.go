package emitgo

import (
	"strconv"

	"github.com/pyc2go/pyc2go/internal/naming"
	"github.com/pyc2go/pyc2go/ir"
)

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

func newLocalNames(mod *naming.Module, f *ir.Func) *localNames {
	l := &localNames{vars: map[*ir.Var]string{}, used: map[string]bool{}, avoid: map[string]bool{}}
	for name := range mod.Taken {
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
		l.vars[v] = l.fresh(naming.GoLocal(v.Name))
	}
	for _, vs := range [][]*ir.Var{f.Locals, ir.LoopLocals(f)} {
		for _, v := range vs {
			l.vars[v] = l.fresh(naming.GoLocal(v.Name))
		}
	}
	return l
}

// fresh returns name, with underscores appended while it is reserved or
// avoided (len -> len_), then the first numeric suffix that no other
// local has (part, part2, part3; len_, len_2), and marks it used. Numbers
// rather than more underscores keep generated names Go names (part__
// is not).
func (l *localNames) fresh(name string) string {
	for naming.GoReserved[name] || l.avoid[name] {
		name += "_"
	}
	cand := name
	for k := 2; l.used[cand]; k++ {
		cand = name + strconv.Itoa(k)
	}
	l.used[cand] = true
	return cand
}
