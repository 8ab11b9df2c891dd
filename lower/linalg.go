package lower

import (
	"strconv"

	"github.com/go-python/gpython/ast"

	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/numpy"
	"github.com/pyc2go/pyc2go/typeinfer"
)

// np.linalg. Every function is one CallStmt of the linalg runtime
// (ir.Lib "linalg.NAME"): the operands are converted to the element type
// numpy computes in (numpy.LinalgElem: integer matrices become float64
// copies, as numpy's astype does), the constant options go into Lib.Opts
// and the values known only at run time (matrix_power's n, svd's
// full_matrices, a numeric ord, rcond, tol) are arguments. The results
// land in fresh temporaries, one per element of a tuple result; a result
// numpy gives as a scalar (det of one matrix) is a scalar destination,
// which the emitters read out of the runtime's 0-d array.
//
// The options, in Lib.Opts order:
//
//	eigh, eigvalsh   UPLO ("L" or "U")
//	qr               mode ("reduced", "complete", "r", "raw")
//	norm             ord ("" for None, "#" for a number argument, else the
//	                 string), keepdims ("keepdims" or ""), then the axes
//	                 as decimal ints (none for axis=None)
//	lstsq            rcond ("none", "warn" when omitted, "#" for an argument)
//	matrix_rank      tol ("none", "#" for an argument)
//	svd              "uv" with u and vh, "" for compute_uv=False

// isLinalgCall reports whether ci calls a row of np.linalg.
func isLinalgCall(ci *typeinfer.CallInfo) bool {
	return ci != nil && ci.Row != nil && ci.Row.Kind == numpy.Linalg
}

// linalgCall lowers a call of np.linalg.NAME to the runtime call and
// returns its results (the flattened tuple for several).
func (l *fnLowerer) linalgCall(e *ast.Call, ci *typeinfer.CallInfo) []ir.Expr {
	pos := l.pos(e)
	results := flatTypes(l.typeOf(e))
	name := ci.Row.Name
	lib := &ir.Lib{Name: "linalg." + name}
	// The element type the runtime computes in: the first result's.
	k := elemOf(results[0])
	var args []ir.Expr
	operand := func(x ast.Expr, k ir.Scalar) {
		args = append(args, ir.Ref(l.linalgOperand(x, k, pos)))
	}
	kwarg := func(p string) ast.Expr {
		if x := ci.Kwargs[p]; x != nil && !isNone(x) {
			return x
		}
		return nil
	}
	switch name {
	case "solve":
		operand(ci.Args[0], k)
		operand(ci.Args[1], k)
	case "inv", "det", "cholesky", "eigvals", "eig":
		if name == "eig" || name == "eigvals" {
			k = realOf(k)
		}
		operand(ci.Args[0], k)
	case "slogdet":
		operand(ci.Args[0], k)
	case "eigh", "eigvalsh":
		uplo := "L"
		if s, ok := ci.Kwargs["UPLO"].(*ast.Str); ok {
			uplo = string(s.S)
		}
		lib.Opts = []string{uplo}
		operand(ci.Args[0], k)
	case "matrix_power":
		// Integer matrices stay integer for n >= 0 (the type rule made
		// the result int64 then): exact wrapping products.
		lib.Exact = k == ir.Int64
		operand(ci.Args[0], k)
		args = append(args, l.simple(cv(l.expr(ci.Args[1]), ir.Int64), pos))
	case "svd":
		lib.Opts = []string{""}
		if len(results) == 3 {
			lib.Opts[0] = "uv"
		}
		operand(ci.Args[0], k)
		if len(results) == 3 {
			var full ir.Expr = ir.BoolConst(true)
			if x := kwarg("full_matrices"); x != nil {
				full = l.simple(truth(l.expr(x)), pos)
			}
			args = append(args, full)
		}
	case "qr":
		mode := "reduced"
		if s, ok := ci.Kwargs["mode"].(*ast.Str); ok {
			mode = string(s.S)
		}
		lib.Opts = []string{mode}
		operand(ci.Args[0], k)
	case "lstsq":
		operand(ci.Args[0], k)
		operand(ci.Args[1], k)
		switch x := ci.Kwargs["rcond"]; {
		case x == nil:
			lib.Opts = []string{"warn"}
		case isNone(x):
			lib.Opts = []string{"none"}
		default:
			lib.Opts = []string{"#"}
			args = append(args, l.simple(cv(l.expr(x), ir.Float64), pos))
		}
	case "pinv":
		operand(ci.Args[0], k)
		var rcond ir.Expr = ir.Float(1e-15)
		if x := kwarg("rcond"); x != nil {
			rcond = l.simple(cv(l.expr(x), ir.Float64), pos)
		}
		args = append(args, rcond)
	case "matrix_rank":
		at := l.typeOf(ci.Args[0]).(*ir.Array)
		ek, _ := numpy.LinalgElem(at.Elem)
		operand(ci.Args[0], ek)
		lib.Opts = []string{"none"}
		if x := kwarg("tol"); x != nil {
			lib.Opts[0] = "#"
			args = append(args, l.simple(cv(l.expr(x), ir.Float64), pos))
		}
	case "norm":
		at := l.typeOf(ci.Args[0]).(*ir.Array)
		ek, _ := numpy.LinalgElem(at.Elem)
		ord := ""
		switch x := ci.Kwargs["ord"]; {
		case x == nil || isNone(x):
		case isStrNode(x):
			ord = string(x.(*ast.Str).S)
			if ord == "" || ord == "#" {
				l.errorf(x, "unsupported: ord=%q", ord) // numpy rejects it too, at run time
			}
		default:
			ord = "#"
		}
		keep := ""
		if x := ci.Kwargs["keepdims"]; x != nil {
			if c, ok := l.expr(x).(*ir.ConstExpr); ok && c.Value == true {
				keep = "keepdims"
			}
		}
		lib.Opts = []string{ord, keep}
		if x := kwarg("axis"); x != nil {
			es := []ast.Expr{x}
			if tup, ok := x.(*ast.Tuple); ok {
				es = tup.Elts
			}
			for _, a := range es {
				c, ok := l.expr(a).(*ir.ConstExpr)
				if !ok {
					l.errorf(a, "unsupported: axis must be a constant")
				}
				lib.Opts = append(lib.Opts, strconv.FormatInt(c.Value.(int64), 10))
			}
		}
		operand(ci.Args[0], ek)
		if ord == "#" {
			args = append(args, l.simple(cv(l.expr(ci.Kwargs["ord"]), ir.Float64), pos))
		}
	default:
		l.errorf(e, "internal: np.linalg.%s has no lowering", name)
	}
	dsts := make([]*ir.Var, len(results))
	out := make([]ir.Expr, len(results))
	for i, t := range results {
		dsts[i] = l.temp(t)
		out[i] = ir.Ref(dsts[i])
	}
	l.emit(&ir.CallStmt{Dsts: dsts, Call: &ir.Call{Fn: ir.LibFunc(lib, args, results), Args: args}, Pos: pos})
	return out
}

// linalgOperand is the array expression x as a variable of element type
// k: itself when it has that type, else a converted C-contiguous copy.
func (l *fnLowerer) linalgOperand(x ast.Expr, k ir.Scalar, pos ir.Pos) *ir.Var {
	t := l.typeOf(x).(*ir.Array)
	if t.Elem == k {
		return l.arrayVar(x)
	}
	return l.copyOf(x, &ir.Array{Elem: k, Rank: t.Rank, Contig: true}, pos)
}

// elemOf is the element type of a scalar or array type.
func elemOf(t ir.Type) ir.Scalar {
	if a, ok := t.(*ir.Array); ok {
		return a.Elem
	}
	return t.(ir.Scalar)
}

// realOf is a complex type's real part type (eig's operands are real).
func realOf(k ir.Scalar) ir.Scalar {
	if k.IsComplex() {
		return partType(k)
	}
	return k
}

func isStrNode(e ast.Expr) bool {
	_, ok := e.(*ast.Str)
	return ok
}
