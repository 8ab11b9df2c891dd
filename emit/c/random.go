package emitc

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pyc2go/pyc2go/ir"
)

// Random statements print as calls of pyc2go_random.h: the state is
// pyc2go_rs_global() (the legacy functions) or the address of the
// Generator variable (a pyc2go_rng in the function's frame: typeinfer
// lets a Generator neither leave its function nor take a second name),
// the destination an element pointer and a count. A sampler that fails
// has set *err's class and message; the statement adds its position and
// leaves through fail, as a raise does.

// RandomHeader is the random runtime's header, which generated sources
// include when they draw (runtime/c's UsesRandom looks for the line).
const RandomHeader = "pyc2go_random.h"

// usesRandom reports whether m draws random numbers.
func usesRandom(m *ir.Module) bool {
	found := false
	for _, f := range m.Funcs {
		ir.WalkStmts(f.Body, func(s ir.Stmt) {
			_, ok := s.(*ir.Random)
			found = found || ok
		})
	}
	return found
}

// generatorCType is the C type of an ir.Generator variable.
const generatorCType = "pyc2go_rng"

// randomStmt emits s.
func (e *funcEmitter) randomStmt(s *ir.Random, depth int) ([]string, error) {
	t := ind(depth)
	op := ir.LookupRandomOp(s.Op)
	if op == nil {
		return nil, fmt.Errorf("random: unknown sampler %s", s.Op)
	}
	args := make([]string, len(s.Args))
	for i, a := range s.Args {
		g, err := e.expr(a)
		if err != nil {
			return nil, err
		}
		args[i] = g.code
	}
	legacy := s.Gen == nil
	state, prefix := "pyc2go_rs_global()", "pyc2go_rs_"
	if !legacy {
		g, err := e.dst(s.Gen)
		if err != nil {
			return nil, err
		}
		e.read[s.Gen] = true
		state, prefix = "&"+g, "pyc2go_rng_"
	}
	// The destination: element pointer and count.
	var out, n string
	var elem ir.Scalar
	if s.Dst != nil && op.Dst == "values" {
		if a, ok := s.Dst.Type.(*ir.Array); ok {
			p, err := e.arr(s.Dst)
			if err != nil {
				return nil, err
			}
			out, elem = e.dataOf(s.Dst, p)+" + "+p+"offset", a.Elem
			dims := []string{"(int64_t)1"}
			for k := 0; k < a.Rank; k++ {
				dims = append(dims, p+"shape["+strconv.Itoa(k)+"]")
			}
			n = strings.Join(dims, " * ")
		} else {
			d, err := e.dst(s.Dst)
			if err != nil {
				return nil, err
			}
			out, n, elem = "&"+d, "1", s.Dst.Type.(ir.Scalar)
		}
	}
	errp := e.errp
	var call string
	switch s.Op {
	case "seed":
		if len(args) == 0 {
			return []string{t + "pyc2go_rs_seed_entropy(pyc2go_rs_global());"}, nil
		}
		call = "pyc2go_rs_seed(pyc2go_rs_global(), " + args[0] + ", " + errp + ")"
	case "default_rng":
		d, err := e.dst(s.Dst)
		if err != nil {
			return nil, err
		}
		if len(args) == 0 {
			return []string{t + "pyc2go_rng_seed_entropy(&" + d + ");"}, nil
		}
		call = "pyc2go_rng_seed(&" + d + ", " + args[0] + ", " + errp + ")"
	case "random":
		m := "random"
		if legacy {
			m = "random_sample"
		}
		return []string{t + prefix + m + "(" + state + ", " + out + ", " + n + ");"}, nil
	case "standard_normal", "permutation":
		return []string{t + prefix + s.Op + "(" + state + ", " + out + ", " + n + ");"}, nil
	case "normal", "uniform", "exponential":
		call = prefix + s.Op + "(" + state + ", " + out + ", " + n + ", " + strings.Join(args, ", ") + ", " + errp + ")"
	case "integers":
		bounds := "pyc2go_bound_i64(" + args[0] + "), pyc2go_bound_i64(" + args[1] + ")"
		if legacy {
			call = "pyc2go_rs_randint_" + elem.String() + "(" + state + ", " + out + ", " + n + ", " + bounds + ", " + errp + ")"
		} else {
			call = "pyc2go_rng_integers_" + elem.String() + "(" + state + ", " + out + ", " + n + ", " + bounds + ", " + args[2] + ", " + errp + ")"
		}
	case "choice":
		p, plen := "NULL", "0"
		if s.Arr != nil {
			ap, err := e.arr(s.Arr)
			if err != nil {
				return nil, err
			}
			p, plen = e.dataOf(s.Arr, ap)+" + "+ap+"offset", ap+"shape[0]"
		}
		c := "&(pyc2go_choice){.pop = " + args[0] + ", .replace = " + args[1] + ", .p = " + p + ", .p_len = " + plen +
			", .p32 = false, .a_is_int = " + args[2] + "}"
		shuffle := ""
		if !legacy {
			shuffle = "true, " // shuffle=True, numpy's default
		}
		call = prefix + "choice(" + state + ", " + out + ", " + n + ", " + c + ", " + shuffle + errp + ")"
	case "shuffle":
		a, ok := s.Arr.Type.(*ir.Array)
		if !ok {
			return nil, fmt.Errorf("random shuffle of %s: want an array", s.Arr.Name)
		}
		p, err := e.arr(s.Arr)
		if err != nil {
			return nil, err
		}
		return []string{t + prefix + "shuffle(" + state + ", " + e.dataOf(s.Arr, p) + ", sizeof(" + cType(a.Elem) + "), " +
			p + "offset, " + p + "ndim, " + p + "shape, " + p + "strides);"}, nil
	default:
		return nil, fmt.Errorf("random: no C form for sampler %s", s.Op)
	}
	// A failed sampler filled *err's class and message: add where.
	e.usesFail, e.usesErr = true, true
	return []string{
		t + "if (" + call + ") {",
		t + "\t(" + errp + ")->file = " + cString(e.file) + ";",
		t + "\t(" + errp + ")->line = " + strconv.Itoa(s.Pos.Line) + ";",
		t + "\t(" + errp + ")->func = " + cString(e.f.Name) + ";",
		t + "\tgoto " + e.fail + ";",
		t + "}",
	}, nil
}
