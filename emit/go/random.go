package emitgo

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/pyc2go/pyc2go/ir"
)

// Random statements print as calls of package runtime/nprand: the state
// is nprand.Global() (the legacy functions) or the Generator variable
// (a *nprand.Generator), the destination a slice (an array's Data, or
// nprand.One(&x) for one value), and a sampler's error returns located at
// the statement with nprand.At.

const nprandPkg = "github.com/pyc2go/pyc2go/runtime/nprand"

// generatorType is the Go type of an ir.Generator variable.
func generatorType() *jen.Statement { return jen.Op("*").Qual(nprandPkg, "Generator") }

// randomStmt emits s.
func (e *funcEmitter) randomStmt(s *ir.Random) ([]jen.Code, bool, error) {
	op := ir.LookupRandomOp(s.Op)
	if op == nil {
		return nil, false, fmt.Errorf("random: unknown sampler %s", s.Op)
	}
	args := make([]jen.Code, len(s.Args))
	for i, a := range s.Args {
		g, err := e.valueExpr(a)
		if err != nil {
			return nil, false, err
		}
		args[i] = g.code
	}
	state := jen.Qual(nprandPkg, "Global").Call()
	if s.Gen != nil {
		g, err := e.expr(ir.Ref(s.Gen))
		if err != nil {
			return nil, false, err
		}
		state = g.code
	}
	var dst *jen.Statement
	var elem ir.Scalar
	if s.Dst != nil && op.Dst == "values" {
		if a, ok := s.Dst.Type.(*ir.Array); ok {
			name, _, err := e.arrayVar(s.Dst)
			if err != nil {
				return nil, false, err
			}
			dst, elem = jen.Id(name).Dot("Data"), a.Elem
		} else {
			d, err := e.dst(s.Dst)
			if err != nil {
				return nil, false, err
			}
			dst, elem = jen.Qual(nprandPkg, "One").Call(jen.Op("&").Add(d)), s.Dst.Type.(ir.Scalar)
		}
	}
	legacy := s.Gen == nil
	var call *jen.Statement
	switch s.Op {
	case "seed":
		if len(args) == 0 {
			return []jen.Code{state.Dot("SeedEntropy").Call()}, true, nil
		}
		call = state.Dot("Seed").Call(args...)
	case "default_rng":
		d, err := e.dst(s.Dst)
		if err != nil {
			return nil, false, err
		}
		if len(args) == 0 {
			return []jen.Code{d.Op("=").Qual(nprandPkg, "DefaultRNGEntropy").Call()}, true, nil
		}
		return e.randomErr(s, jen.List(d, jen.Err()).Op("=").Qual(nprandPkg, "DefaultRNG").Call(args...))
	case "random":
		m := "Random"
		if legacy {
			m = "RandomSample"
		}
		return []jen.Code{state.Dot(m).Call(dst)}, true, nil
	case "standard_normal":
		return []jen.Code{state.Dot("StandardNormal").Call(dst)}, true, nil
	case "normal":
		call = state.Dot("Normal").Call(dst, args[0], args[1])
	case "uniform":
		call = state.Dot("Uniform").Call(dst, args[0], args[1])
	case "exponential":
		call = state.Dot("Exponential").Call(dst, args[0])
	case "integers":
		lo, hi := jen.Qual(nprandPkg, "I64").Call(args[0]), jen.Qual(nprandPkg, "I64").Call(args[1])
		switch {
		case legacy && elem == ir.Bool:
			call = jen.Qual(nprandPkg, "RandintBool").Call(state, dst, lo, hi)
		case legacy:
			call = jen.Qual(nprandPkg, "Randint").Call(state, dst, lo, hi)
		case elem == ir.Bool:
			call = jen.Qual(nprandPkg, "IntegersBool").Call(state, dst, lo, hi, args[2])
		default:
			call = jen.Qual(nprandPkg, "Integers").Call(state, dst, lo, hi, args[2])
		}
	case "choice":
		c := jen.Dict{
			jen.Id("Pop"):     args[0],
			jen.Id("Replace"): args[1],
			jen.Id("AIsInt"):  args[2],
		}
		if s.Arr != nil {
			name, _, err := e.arrayVar(s.Arr)
			if err != nil {
				return nil, false, err
			}
			c[jen.Id("P")] = jen.Id(name).Dot("Data")
		}
		ca := []jen.Code{dst, jen.Qual(nprandPkg, "ChoiceArgs").Values(c)}
		if !legacy {
			ca = append(ca, jen.True()) // shuffle=True, numpy's default
		}
		call = state.Dot("Choice").Call(ca...)
	case "permutation":
		return []jen.Code{state.Dot("Permutation").Call(dst)}, true, nil
	case "shuffle":
		name, _, err := e.arrayVar(s.Arr)
		if err != nil {
			return nil, false, err
		}
		return []jen.Code{jen.Qual(nprandPkg, "Shuffle").Call(state, jen.Id(name))}, true, nil
	default:
		return nil, false, fmt.Errorf("random: no Go form for sampler %s", s.Op)
	}
	return e.randomErr(s, jen.Err().Op("=").Add(call))
}

// randomErr is assign followed by the return of its error, located.
func (e *funcEmitter) randomErr(s *ir.Random, assign *jen.Statement) ([]jen.Code, bool, error) {
	if !e.f.Raises {
		return nil, false, fmt.Errorf("random %s in %s, whose Raises is false", s.Op, e.f.Name)
	}
	e.needErr = true
	at := jen.Qual(nprandPkg, "At").Call(jen.Err(), jen.Lit(e.file), jen.Lit(s.Pos.Line), jen.Lit(e.f.Name))
	check := jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(append(e.zeros(), at)...))
	return []jen.Code{assign, check}, false, nil
}
