package emitgo

import (
	"fmt"
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/pyc2go/pyc2go/ir"
)

// parFor emits a For the parallel pass approved (s.Par set) as
//
//	{
//		n := runtime.TripCount(start, stop, step)
//		nc := runtime.Chunks(n, grain)
//		sParts := make([]T, nc)            // one per reduction
//		if err := runtime.ParallelFor(n, nc, func(c int, lo, hi int64) error {
//			var t1Chunk int64              // the chunk's own copy of private t1
//			var sChunk T = identity        // the chunk's partial of reduction s
//			for k := lo; k < hi; k++ {
//				iChunk = start + k*step
//				body                       // raises return the error
//			}
//			sParts[c] = sChunk
//			return nil
//		}); err != nil {
//			return ..., err
//		}
//		for _, p := range sParts { s = s op p }   // chunk order: deterministic
//	}
//
// The body is emitted with the privates and reductions renamed to the
// chunk's own variables (name + "Chunk"), not shadowed, so the names
// inside and outside the closure never mean two variables. The induction
// variable is private too.
func (e *funcEmitter) parFor(s *ir.For) (*jen.Statement, error) {
	par := s.Par
	start, stop, step, err := e.forBounds(s)
	if err != nil {
		return nil, err
	}
	startN, nN, ncN := e.names.fresh("parStart"), e.names.fresh("parN"), e.names.fresh("parChunks")
	cN, loN, hiN, kN := e.names.fresh("chunk"), e.names.fresh("lo"), e.names.fresh("hi"), e.names.fresh("k")
	out := []jen.Code{
		jen.Var().Id(startN).Int64().Op("=").Add(start.code),
		jen.Id(nN).Op(":=").Qual(runtimePkg, "TripCount").Call(jen.Id(startN), stop.code, step.code),
		jen.Id(ncN).Op(":=").Qual(runtimePkg, "Chunks").Call(jen.Id(nN), jen.Lit(int(par.Grain))),
	}
	parts := map[*ir.Var]string{}
	for _, r := range par.Reductions {
		t, ok := r.Var.Type.(ir.Scalar)
		if !ok {
			return nil, fmt.Errorf("reduction %s of type %s", r.Var.Name, r.Var.Type)
		}
		parts[r.Var] = e.names.fresh(e.names.vars[r.Var] + "Parts")
		out = append(out, jen.Id(parts[r.Var]).Op(":=").Make(jen.Index().Add(goType(t)), jen.Id(ncN)))
	}

	// The chunk's own variables: record how the function's code reads
	// them so the shadows do not hide a read (Go rejects unused locals on
	// either side).
	own := append([]*ir.Var{s.Var}, par.Private...)
	for _, r := range par.Reductions {
		own = append(own, r.Var)
	}
	savedRead := map[*ir.Var]bool{}
	for _, v := range own {
		savedRead[v] = e.read[v]
		e.read[v] = false
	}
	// ... and names of their own inside the closure (iChunk, sChunk,
	// vChunkData), so no declaration shadows the function's variable of
	// the same Python name: the reduction's total lives on after the loop,
	// where a shadow would be the kind of surprise go vet's shadow check
	// exists for.
	outer := map[*ir.Var][2]string{}
	for _, v := range own {
		if _, done := outer[v]; done {
			continue
		}
		name, dn := e.names.vars[v], e.dataNames[v]
		outer[v] = [2]string{name, dn}
		e.names.vars[v] = e.names.fresh(name + "Chunk")
		if dn != "" {
			e.dataNames[v] = e.names.fresh(e.names.vars[v] + "Data")
			e.chunkData[v] = append(e.chunkData[v], e.dataNames[v])
		}
	}
	restore := func() {
		for v, n := range outer {
			e.names.vars[v] = n[0]
			if n[1] != "" {
				e.dataNames[v] = n[1]
			}
		}
	}
	savedNeedErr, savedChunk := e.needErr, e.inChunk
	e.needErr, e.inChunk = false, true
	body, err := e.body(s.Body, s.Pos)
	innerNeedErr := e.needErr
	e.needErr, e.inChunk = savedNeedErr, savedChunk
	if err != nil {
		restore()
		return nil, err
	}

	var decls, uses []jen.Code
	for _, v := range own {
		t, err := goTypeOf(v.Type)
		if err != nil {
			restore()
			return nil, err
		}
		name := e.names.vars[v]
		d := jen.Id(name).Add(t)
		if r, ok := par.ReductionOf(v); ok {
			id, err := identity(r)
			if err != nil {
				restore()
				return nil, err
			}
			d = d.Op("=").Add(id)
		}
		decls = append(decls, d)
		if !e.read[v] {
			uses = append(uses, jen.Id("_").Op("=").Id(name))
		}
		if dn, ok := e.dataNames[v]; ok && e.dataActive(v) {
			decls = append(decls, jen.Id(dn).Index().Add(goType(v.Type.(*ir.Array).Elem)))
			uses = append(uses, jen.Id("_").Op("=").Id(dn))
			// The function declares its own copy, which only the
			// chunk's code may have indexed.
			e.parData = append(e.parData, outer[v][1])
		}
	}
	for _, v := range own {
		e.read[v] = savedRead[v]
	}
	if innerNeedErr {
		decls = append(decls, jen.Id("err").Error())
		uses = append(uses, jen.Id("_").Op("=").Id("err"))
	}

	iv := e.names.vars[s.Var]
	var loop *jen.Statement
	if c, ok := s.Step.(*ir.ConstExpr); ok && c.Value == int64(1) {
		// start+hi <= stop: no overflow, and a plain counted loop for
		// Go's bounds-check elimination.
		loop = jen.For(jen.Id(iv).Op("=").Id(startN).Op("+").Id(loN), jen.Id(iv).Op("<").Id(startN).Op("+").Id(hiN), jen.Id(iv).Op("++")).Block(body...)
	} else {
		// start + k*step stays within [start, stop) for k < n.
		loop = jen.For(jen.Id(kN).Op(":=").Id(loN), jen.Id(kN).Op("<").Id(hiN), jen.Id(kN).Op("++")).Block(
			append([]jen.Code{jen.Id(iv).Op("=").Id(startN).Op("+").Id(kN).Op("*").Add(step.code.Clone())}, body...)...)
	}
	fn := []jen.Code{jen.Var().Defs(decls...)}
	fn = append(fn, uses...)
	fn = append(fn, loop)
	for _, r := range par.Reductions {
		fn = append(fn, jen.Id(parts[r.Var]).Index(jen.Id(cN)).Op("=").Id(e.names.vars[r.Var]))
	}
	fn = append(fn, jen.Return(jen.Nil()))
	restore()
	closure := jen.Func().Params(jen.Id(cN).Int(), jen.List(jen.Id(loN), jen.Id(hiN)).Int64()).Error().Block(fn...)
	call := jen.Qual(runtimePkg, "ParallelFor").Call(jen.Id(nN), jen.Id(ncN), closure)
	if e.f.Raises {
		out = append(out, jen.If(jen.Id("err").Op(":=").Add(call), jen.Id("err").Op("!=").Nil()).Block(
			jen.Return(append(e.zeros(), jen.Id("err"))...)))
	} else {
		// Nothing in the body raises (the verifier and the raises pass
		// see to it), so the error is always nil.
		out = append(out, jen.Id("_").Op("=").Add(call))
	}
	for _, r := range par.Reductions {
		name := e.names.vars[r.Var]
		p := e.names.fresh("part")
		var fold *jen.Statement
		switch r.Op {
		case "min", "max":
			fold = jen.Id(name).Op("=").Id(r.Op).Call(jen.Id(name), jen.Id(p))
		case "-":
			fold = jen.Id(name).Op("+=").Id(p)
		default:
			fold = jen.Id(name).Op(r.Op + "=").Id(p)
		}
		out = append(out, jen.For(jen.List(jen.Id("_"), jen.Id(p)).Op(":=").Range().Id(parts[r.Var])).Block(fold))
		e.read[r.Var] = true
	}
	return jen.Block(out...), nil
}

// identity is the starting value of a chunk's partial of r, printed as
// an untyped Go constant.
func identity(r ir.Reduction) (jen.Code, error) {
	c, err := r.Identity()
	if err != nil {
		return nil, err
	}
	switch v := c.Value.(type) {
	case float64:
		return jen.Id(strconv.FormatFloat(v, 'g', -1, 64)), nil
	case int64:
		if !c.T.IsSigned() {
			return jen.Id(strconv.FormatUint(uint64(v), 10)), nil
		}
		return jen.Id(strconv.FormatInt(v, 10)), nil
	}
	return nil, fmt.Errorf("reduction %s: identity %v", r.Op, c.Value)
}
