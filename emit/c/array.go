package emitc

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pyc2go/pyc2go/ir"
)

// arrayIntrinsics are the intrinsics that take or make arrays; their
// array arguments are always variables.
var arrayIntrinsics = map[string]bool{
	"overlaps": true, "may_share": true, "is_c_contig": true, "np_sum": true, "np_prod": true, "np_cprod": true,
	"np_mean": true, "np_zeros_k": true, "np_sum_axis": true, "np_matmul": true, "none": true, "is_none": true,
}

// linalgIntrinsics are the intrinsics the linalg runtime
// (pyc2go_linalg.h, LAPACKE and CBLAS) implements: a module that uses one
// includes its header, which is how the driver knows to build and link it.
var linalgIntrinsics = map[string]bool{"np_matmul": true}

// usesLinalg reports whether m calls the linalg runtime.
func usesLinalg(m *ir.Module) bool {
	found := false
	for _, f := range m.Funcs {
		ir.WalkExprs(f.Body, func(x ir.Expr) {
			if in, ok := x.(*ir.Intrinsic); ok && linalgIntrinsics[in.Name] {
				found = true
			}
			if c, ok := x.(*ir.Call); ok && isLinalgLib(c) {
				found = true
			}
		})
	}
	return found
}

func (e *funcEmitter) arrayArg(x ir.Expr) (*ir.Var, *ir.Array, error) {
	r, ok := x.(*ir.VarRef)
	if !ok {
		return nil, nil, fmt.Errorf("array argument %s is not a variable", ir.ExprString(x))
	}
	a, ok := r.V.Type.(*ir.Array)
	if !ok {
		return nil, nil, fmt.Errorf("%s is not an array", r.V.Name)
	}
	e.read[r.V] = true
	return r.V, a, nil
}

// arrayIntrinsic emits the array intrinsics with a scalar result.
func (e *funcEmitter) arrayIntrinsic(x *ir.Intrinsic) (cx, error) {
	v, a, err := e.arrayArg(x.Args[0])
	if err != nil {
		return cx{}, err
	}
	switch x.Name {
	case "is_none":
		// A NULL parameter, or a zeroed descriptor (a local assigned
		// none, or the copy of a NULL parameter): real arrays have ndim
		// >= 1.
		if e.ptr[v] {
			return prim("(!" + e.sig[v] + " || " + e.sig[v] + "->ndim < 1)"), nil
		}
		return prim("(" + e.names.vars[v] + ".ndim < 1)"), nil
	case "is_c_contig":
		return prim("PYC2GO_IS_C_CONTIG(" + e.arrValue(v) + ")"), nil
	case "overlaps", "may_share":
		w, b, err := e.arrayArg(x.Args[1])
		if err != nil {
			return cx{}, err
		}
		if a.Elem != b.Elem {
			return cx{}, fmt.Errorf("%s of %s and %s", x.Name, a, b)
		}
		return prim("PYC2GO_" + strings.ToUpper(x.Name) + "(" + e.arrValue(v) + ", " + e.arrValue(w) + ")"), nil
	case "np_sum", "np_prod", "np_cprod", "np_mean":
		// The runtime function and the element types it takes.
		fn, ok := x.Name[3:], a.Elem.IsFloat() || a.Elem.IsComplex()
		switch x.Name {
		case "np_prod", "np_mean":
			ok = a.Elem.IsFloat()
		case "np_cprod":
			fn, ok = "prod", a.Elem.IsComplex()
		}
		if !ok {
			return cx{}, fmt.Errorf("%s of %s", x.Name, a)
		}
		return prim("pyc2go_" + fn + "_" + a.Elem.String() + "(" + e.arrPtr(v) + ")"), nil
	}
	return cx{}, fmt.Errorf("intrinsic %s has an array result (want an assignment)", x.Name)
}

// arrayIntrinsicStmt emits dst = intrinsic(...) for intrinsics that make
// an array (allocated in the pool).
func (e *funcEmitter) arrayIntrinsicStmt(x *ir.Intrinsic, dst *ir.Var, pos ir.Pos, depth int) ([]string, error) {
	t := ind(depth)
	d, err := e.dst(dst)
	if err != nil {
		return nil, err
	}
	r, ok := x.T.(*ir.Array)
	if !ok {
		return nil, fmt.Errorf("intrinsic %s: want an array result", x.Name)
	}
	var cond string
	switch x.Name {
	case "none":
		return []string{t + d + " = (" + ArrayType(r.Elem) + "){0};"}, nil
	case "np_zeros_k":
		v, _, err := e.arrayArg(x.Args[0])
		if err != nil {
			return nil, err
		}
		w, _, err := e.arrayArg(x.Args[1])
		if err != nil {
			return nil, err
		}
		cond = "PYC2GO_ZEROS_K(&" + e.pool + ", " + d + ", " + strconv.Itoa(r.Rank) + ", " + e.arrValue(v) + ", " + e.arrValue(w) + ")"
	case "np_matmul":
		v, a, err := e.arrayArg(x.Args[0])
		if err != nil {
			return nil, err
		}
		w, b, err := e.arrayArg(x.Args[1])
		if err != nil {
			return nil, err
		}
		if !a.Elem.IsFloat() || a.Elem != b.Elem || a.Rank != 2 || b.Rank != 2 {
			return nil, fmt.Errorf("np_matmul of %s and %s", a, b)
		}
		// Shapes are checked before, so the only failure is memory.
		cond = "pyc2go_linalg_matmul_" + a.Elem.String() + "(&" + e.pool + ", " + e.arrPtr(v) + ", " + e.arrPtr(w) + ", &" + d + ", NULL)"
	case "np_sum_axis":
		v, a, err := e.arrayArg(x.Args[0])
		if err != nil {
			return nil, err
		}
		if !a.Elem.IsFloat() && !a.Elem.IsComplex() {
			return nil, fmt.Errorf("np_sum_axis of %s", a)
		}
		k, err := e.expr(x.Args[1])
		if err != nil {
			return nil, err
		}
		cond = "pyc2go_sum_axis_" + a.Elem.String() + "(&" + e.pool + ", " + e.arrPtr(v) + ", " + k.code + ", &" + d + ")"
	default:
		return nil, fmt.Errorf("intrinsic %s has no array result", x.Name)
	}
	e.usesPool, e.usesFail = true, true
	e.curLine = pos.Line
	return []string{t + "if (" + cond + ") {", e.memoryError(nil, depth+1), t + "\tgoto " + e.fail + ";", t + "}"}, nil
}
