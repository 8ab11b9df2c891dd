package emitc

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pyc2go/pyc2go/ir"
)

// Library calls (ir.Lib): np.linalg on pyc2go_linalg.h. A call prints as
//
//	if (pyc2go_linalg_slogdet_float64(&pool, a, &tmp1, &tmp2, err)) {
//		err->file = "k.py"; err->line = 7; err->func = "f";
//		goto fail;
//	}
//	t1 = tmp1.data[tmp1.offset];
//
// Results land in temporaries (the runtime allocates them in the
// function's pool); a scalar destination reads the runtime's 0-d result;
// the error, filled in by the runtime with numpy's class and message,
// gets the Python position.

// isLinalgLib reports whether c calls a function of the linalg runtime.
func isLinalgLib(c *ir.Call) bool {
	return c != nil && c.Fn != nil && c.Fn.Lib != nil && strings.HasPrefix(c.Fn.Lib.Name, "linalg.")
}

// libCall emits a CallStmt of a library function.
func (e *funcEmitter) libCall(s *ir.CallStmt, depth int) ([]string, error) {
	t := ind(depth)
	c := s.Call
	lib := c.Fn.Lib
	results := ir.ResultTypes(c.Fn.Result)
	if len(s.Dsts) != len(results) {
		return nil, fmt.Errorf("call of %s: want %d destinations, got %d", lib.Name, len(results), len(s.Dsts))
	}
	a, in, err := e.arrayArg(c.Args[0])
	if err != nil {
		return nil, err
	}
	args := []string{"&" + e.pool, e.arrPtr(a)}
	rest := c.Args[1:]
	// The remaining arguments: an array (solve's and lstsq's b) by
	// pointer, scalars as values.
	for len(rest) > 0 {
		if _, isArr := rest[0].Type().(*ir.Array); !isArr {
			break
		}
		b, _, err := e.arrayArg(rest[0])
		if err != nil {
			return nil, err
		}
		args = append(args, e.arrPtr(b))
		rest = rest[1:]
	}
	var scalars []string
	for _, x := range rest {
		g, err := e.expr(x)
		if err != nil {
			return nil, err
		}
		scalars = append(scalars, g.code)
	}
	opt := func(i int) string {
		if i < len(lib.Opts) {
			return lib.Opts[i]
		}
		return ""
	}
	// The result temporaries, and how each reaches its destination.
	outs := make([]string, len(results))
	var after []string
	for i, rt := range results {
		// A result nothing reads (opt's unused pass) still needs its
		// temporary, the runtime writes it; nothing copies it out.
		copyOut := func(string) {}
		if s.Dsts[i] != nil {
			d, err := e.dst(s.Dsts[i])
			if err != nil {
				return nil, err
			}
			copyOut = func(v string) { after = append(after, t+d+" = "+v+";") }
		}
		k, isS := rt.(ir.Scalar)
		switch {
		case isS && lib.Name == "linalg.lstsq" && i == 2: // the rank, an int32
			tmp, err := e.temp(ir.Int32)
			if err != nil {
				return nil, err
			}
			outs[i] = "&" + tmp
			copyOut(tmp)
		case isS: // numpy's scalar: the runtime's 0-d array
			tmp, err := e.temp(&ir.Array{Elem: k, Rank: 0})
			if err != nil {
				return nil, err
			}
			outs[i] = "&" + tmp
			copyOut(tmp + ".data[" + tmp + ".offset]")
		default:
			tmp, err := e.temp(rt)
			if err != nil {
				return nil, err
			}
			outs[i] = "&" + tmp
			copyOut(tmp)
		}
	}
	name := strings.TrimPrefix(lib.Name, "linalg.")
	switch name {
	case "solve", "inv", "det", "cholesky", "slogdet", "eig", "pinv", "matrix_power":
		args = append(append(args, scalars...), outs...)
	case "eigvals":
		name = "eig"
		args = append(args, outs[0], "NULL")
	case "eigh", "eigvalsh":
		args = append(args, cString(opt(0)), outs[0])
		if name == "eigvalsh" {
			args = append(args, "NULL")
		} else {
			args = append(args, outs[1])
		}
		name = "eigh"
	case "svd":
		if opt(0) == "uv" {
			args = append(append(args, scalars[0]), outs...)
		} else {
			args = append(args, "false", "NULL", outs[0], "NULL")
		}
	case "qr":
		switch opt(0) {
		case "r":
			name = "qr_r"
		case "raw":
			name = "qr_raw"
		default:
			args = append(args, cString(opt(0)))
		}
		args = append(args, outs...)
	case "lstsq":
		switch opt(0) {
		case "none":
			av := e.arrValue(a)
			args = append(args, "pyc2go_linalg_rcond_none(("+av+").shape[0], ("+av+").shape[1])")
		case "warn":
			args = append(args, "-1.0")
		default:
			args = append(args, scalars[0])
		}
		args = append(args, outs...)
	case "matrix_rank":
		if opt(0) == "#" {
			args = append(args, scalars[0], "true")
		} else {
			args = append(args, "0.0", "false")
		}
		args = append(args, outs...)
	case "norm":
		var ord string
		switch o := opt(0); o {
		case "":
			ord = "(pyc2go_norm_ord){PYC2GO_ORD_NONE, 0.0, NULL}"
		case "#":
			ord = "(pyc2go_norm_ord){PYC2GO_ORD_NUM, " + scalars[0] + ", NULL}"
		default:
			ord = "pyc2go_norm_ord_str(" + cString(o) + ")"
		}
		axes := lib.Opts[min(2, len(lib.Opts)):]
		naxis, axis := "-1", "NULL"
		if len(axes) > 0 {
			for _, x := range axes {
				if _, err := strconv.Atoi(x); err != nil {
					return nil, fmt.Errorf("norm: axis %q", x)
				}
			}
			naxis, axis = strconv.Itoa(len(axes)), "(const int64_t[]){"+strings.Join(axes, ", ")+"}"
		}
		keep := "false"
		if opt(1) == "keepdims" {
			keep = "true"
		}
		args = append(args, ord, naxis, axis, keep, outs[0])
	default:
		return nil, fmt.Errorf("unknown library function %s", lib.Name)
	}
	args = append(args, e.errp)
	e.usesFail, e.usesErr, e.usesPool = true, true, true
	at := "(" + e.errp + ")->"
	out := []string{
		t + "if (pyc2go_linalg_" + name + "_" + in.Elem.String() + "(" + strings.Join(args, ", ") + ")) {",
		t + "\t" + at + "file = " + cString(e.file) + ";",
		t + "\t" + at + "line = " + strconv.Itoa(s.Pos.Line) + ";",
		t + "\t" + at + "func = " + cString(e.f.Name) + ";",
		t + "\tgoto " + e.fail + ";",
		t + "}",
	}
	return append(out, after...), nil
}
