package emitgo

import (
	"fmt"
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/pyc2go/pyc2go/ir"
)

// Library calls (ir.Lib): np.linalg on package runtime/linalg. A call
// prints as a block of its own,
//
//	{
//		lr0, lr1, lerr := linalg.Slogdet[float64, float64](a)
//		if lerr != nil {
//			return 0, linalg.At(lerr, "k.py", 7, "f")
//		}
//		t1 = lr0.Data[0]
//		t2 = lr1
//	}
//
// where a scalar destination reads the runtime's 0-d result and the error
// gets the Python position linalg's errors leave empty.

// libCall emits a CallStmt of a library function.
func (e *funcEmitter) libCall(s *ir.CallStmt) ([]jen.Code, bool, error) {
	lib := s.Call.Fn.Lib
	if !e.f.Raises {
		return nil, false, fmt.Errorf("call of %s in %s, whose Raises is false", lib.Name, e.f.Name)
	}
	args, err := e.args(s.Call.Args)
	if err != nil {
		return nil, false, err
	}
	results := ir.ResultTypes(s.Call.Fn.Result)
	if len(s.Dsts) != len(results) {
		return nil, false, fmt.Errorf("call of %s: want %d destinations, got %d", lib.Name, len(results), len(s.Dsts))
	}
	call, err := linalgCall(lib, s.Call.Args, args, results)
	if err != nil {
		return nil, false, err
	}
	var lhs []jen.Code
	for i := range results {
		if s.Dsts[i] == nil { // a result nothing reads (opt's unused pass)
			lhs = append(lhs, jen.Id("_"))
			continue
		}
		lhs = append(lhs, jen.Id("lr"+strconv.Itoa(i)))
	}
	lhs = append(lhs, jen.Id("lerr"))
	raise := jen.Qual(linalgPkg, "At").Call(jen.Id("lerr"), jen.Lit(e.file), jen.Lit(s.Pos.Line), jen.Lit(e.f.Name))
	body := []jen.Code{
		jen.List(lhs...).Op(":=").Add(call),
		jen.If(jen.Id("lerr").Op("!=").Nil()).Block(jen.Return(append(e.zeros(), raise)...)),
	}
	for i, d := range s.Dsts {
		if d == nil {
			continue
		}
		dst, err := e.dst(d)
		if err != nil {
			return nil, false, err
		}
		v := jen.Id("lr" + strconv.Itoa(i))
		if _, isS := results[i].(ir.Scalar); isS && !(lib.Name == "linalg.lstsq" && i == 2) {
			v = v.Dot("Data").Index(jen.Lit(0)) // a 0-d array (lstsq's rank is an int32)
		}
		body = append(body, dst.Op("=").Add(v))
	}
	return []jen.Code{jen.Block(body...)}, false, nil
}

// linalgCall is the runtime call of lib with the emitted arguments args
// (of the IR arguments xs) for the IR results.
func linalgCall(lib *ir.Lib, xs []ir.Expr, args []jen.Code, results []ir.Type) (*jen.Statement, error) {
	in, ok := xs[0].Type().(*ir.Array)
	if !ok {
		return nil, fmt.Errorf("call of %s: operand 0 is not an array", lib.Name)
	}
	opt := func(i int) string {
		if i < len(lib.Opts) {
			return lib.Opts[i]
		}
		return ""
	}
	t := goType(in.Elem)
	// The real type of the results (slogdet's logdet, norm's value):
	// float32 for float32 operands, float64 for the others.
	real := goType(ir.Float64)
	if in.Elem == ir.Float32 {
		real = goType(ir.Float32)
	}
	q := func(name string) *jen.Statement { return jen.Qual(linalgPkg, name) }
	switch lib.Name {
	case "linalg.solve":
		return q("Solve").Call(args...), nil
	case "linalg.inv":
		return q("Inv").Call(args...), nil
	case "linalg.det":
		return q("Det").Call(args...), nil
	case "linalg.cholesky":
		return q("Cholesky").Call(args...), nil
	case "linalg.slogdet":
		return q("Slogdet").Types(t, real).Call(args...), nil
	case "linalg.eigh":
		return q("Eigh").Call(args[0], jen.Lit(opt(0))), nil
	case "linalg.eigvalsh":
		return q("Eigvalsh").Call(args[0], jen.Lit(opt(0))), nil
	case "linalg.eig", "linalg.eigvals":
		c := results[0].(*ir.Array).Elem
		name := map[string]string{"linalg.eig": "Eig", "linalg.eigvals": "Eigvals"}[lib.Name]
		return q(name).Types(t, goType(c)).Call(args...), nil
	case "linalg.matrix_power":
		if in.Elem.IsInt() {
			return q("MatrixPowerInt").Call(args...), nil
		}
		return q("MatrixPower").Call(args...), nil
	case "linalg.svd":
		if opt(0) == "uv" {
			return q("SVD").Call(args...), nil
		}
		return q("SVDValues").Call(args...), nil
	case "linalg.qr":
		switch opt(0) {
		case "r":
			return q("QRR").Call(args...), nil
		case "raw":
			return q("QRRawFactors").Call(args...), nil
		}
		return q("QR").Call(args[0], jen.Lit(opt(0))), nil
	case "linalg.lstsq":
		var rcond *jen.Statement
		switch opt(0) {
		case "none":
			a := args[0].(*jen.Statement)
			rcond = q("RcondNone").Call(jen.Add(a).Dot("Shape").Index(jen.Lit(0)), jen.Add(a).Dot("Shape").Index(jen.Lit(1)))
		case "warn":
			rcond = q("RcondWarn")
		default:
			return q("Lstsq").Call(args...), nil
		}
		return q("Lstsq").Call(args[0], args[1], rcond), nil
	case "linalg.pinv":
		return q("Pinv").Call(args...), nil
	case "linalg.matrix_rank":
		if opt(0) == "#" {
			return q("MatrixRank").Call(args[0], args[1], jen.True()), nil
		}
		return q("MatrixRank").Call(args[0], jen.Lit(0.0), jen.False()), nil
	case "linalg.norm":
		var ord *jen.Statement
		switch o := opt(0); o {
		case "":
			ord = q("Ord").Values()
		case "#":
			ord = q("OrdNumber").Call(args[1])
		default:
			ord = q("OrdOf").Call(jen.Lit(o))
		}
		axis := jen.Nil()
		if len(lib.Opts) > 2 {
			var axes []jen.Code
			for _, a := range lib.Opts[2:] {
				n, err := strconv.Atoi(a)
				if err != nil {
					return nil, fmt.Errorf("norm: axis %q", a)
				}
				axes = append(axes, jen.Lit(n))
			}
			axis = jen.Index().Int().Values(axes...)
		}
		return q("Norm").Types(t, real).Call(args[0], ord, axis, jen.Lit(opt(1) == "keepdims")), nil
	}
	return nil, fmt.Errorf("unknown library function %s", lib.Name)
}
