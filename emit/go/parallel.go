package emitgo

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/pyc2go/pyc2go/ir"
)

// concurrentFor emits a For whose iterations may run at the same time
// (ir.For.Concurrent: the chunks of a parallel loop, which the chunk pass
// wrote out) as a closure that runtime.Concurrent runs on its goroutines:
//
//	if err := runtime.Concurrent(n, func(c int64) error {
//		var (iC int64; sC int64; ...)      // the iteration's Locals
//		body                               // raises return the error
//		return nil
//	}); err != nil {
//		return ..., err
//	}
//
// Everything else about chunks (bounds, private copies, the partials and
// their fold) is ordinary IR around and inside the loop. The locals have
// names of their own in the function (the IR's names are unique), so no
// declaration in the closure shadows one outside it.
func (e *funcEmitter) concurrentFor(s *ir.For) (*jen.Statement, error) {
	stop, err := e.expr(s.Stop)
	if err != nil {
		return nil, err
	}
	own := append([]*ir.Var{s.Var}, s.Locals...)
	savedRead := map[*ir.Var]bool{}
	for _, v := range own {
		savedRead[v] = e.read[v]
		e.read[v] = false
	}
	defer func() {
		for v, r := range savedRead {
			e.read[v] = r
		}
	}()
	savedNeedErr, savedChunk := e.needErr, e.inChunk
	e.needErr, e.inChunk = false, true
	body, err := e.body(s.Body, s.Pos)
	innerNeedErr := e.needErr
	e.needErr, e.inChunk = savedNeedErr, savedChunk
	if err != nil {
		return nil, err
	}

	// Go rejects locals that are never read.
	var decls, uses []jen.Code
	for _, v := range s.Locals {
		t, err := goTypeOf(v.Type)
		if err != nil {
			return nil, fmt.Errorf("local %s: %w", v.Name, err)
		}
		name := e.names.vars[v]
		decls = append(decls, jen.Id(name).Add(t))
		if !e.read[v] {
			uses = append(uses, jen.Id("_").Op("=").Id(name))
		}
		if e.dataActive(v) {
			decls = append(decls, jen.Id(e.dataNames[v]).Index().Add(goType(v.Type.(*ir.Array).Elem)))
		}
	}
	if innerNeedErr {
		decls = append(decls, jen.Id("err").Error())
		uses = append(uses, jen.Id("_").Op("=").Id("err"))
	}
	var fn []jen.Code
	if len(decls) > 0 {
		fn = append(fn, jen.Var().Defs(decls...))
	}
	fn = append(append(fn, uses...), body...)
	if !terminates(s.Body) {
		fn = append(fn, jen.Return(jen.Nil()))
	}
	closure := jen.Func().Params(jen.Id(e.names.vars[s.Var]).Int64()).Error().Block(fn...)
	call := jen.Qual(runtimePkg, "Concurrent").Call(stop.code, closure)
	if e.f.Raises {
		return jen.If(jen.Id("err").Op(":=").Add(call), jen.Id("err").Op("!=").Nil()).Block(
			jen.Return(append(e.zeros(), jen.Id("err"))...)), nil
	}
	// Nothing in the body raises (the verifier and the raises pass see to
	// it), so the error is always nil.
	return jen.Id("_").Op("=").Add(call), nil
}
