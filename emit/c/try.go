package emitc

// try/except and print. A try body raises into the try's own
// pyc2go_error and jumps to its handlers, which test the class, and
// either run or hand the exception on (to the function's err or an
// enclosing try) with pyc2go_reraise:
//
//	{
//		pyc2go_error exc1;
//		{
//			... pyc2go_raise(&exc1, ...); goto try1; ...
//			if (callee(..., &exc1)) goto try1;
//		}
//		goto try1end;
//	try1:
//		if (pyc2go_exc_in(&exc1, "|ZeroDivisionError|")) {
//			handler
//		} else {
//			pyc2go_reraise(err, &exc1);
//			goto fail;
//		}
//	try1end:;
//	}
//
// Text (print's and formatted messages) is built in a pyc2go_str by the
// runtime's pyc2go_str_* functions, which format as Python does.

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pyc2go/pyc2go/ir"
)

// tryStmts emits Try, Reraise and Write.
func (e *funcEmitter) tryStmts(s ir.Stmt, depth int) ([]string, error) {
	t := ind(depth)
	switch s := s.(type) {
	case *ir.Try:
		return e.tryStmt(s, depth)
	case *ir.Reraise:
		exc, ok := e.excs[s.Try]
		if !ok {
			return nil, fmt.Errorf("reraise of try %d outside its handler", s.Try)
		}
		return e.handOn(exc, depth), nil
	case *ir.Write:
		lines, buf, err := e.text(s.Text, depth+1)
		if err != nil {
			return nil, err
		}
		out := append([]string{t + "{"}, lines...)
		return append(out, t+"\tpyc2go_write(&"+buf+");", t+"}"), nil
	}
	return nil, fmt.Errorf("unknown statement %T", s)
}

// handOn passes the caught exception exc to where a raise goes now.
func (e *funcEmitter) handOn(exc string, depth int) []string {
	t := ind(depth)
	e.usesFail, e.usesErr = true, true
	return []string{t + "pyc2go_reraise(" + e.errp + ", &" + exc + ");", t + "goto " + e.fail + ";"}
}

func (e *funcEmitter) tryStmt(s *ir.Try, depth int) ([]string, error) {
	t := ind(depth)
	if e.excs == nil {
		e.excs = map[int]string{}
	}
	// A Try copied by a pass keeps its ID (see emit/go/try.go): fresh
	// names, and the ID means this Try's exception only inside it.
	exc := e.names.fresh("exc" + strconv.Itoa(s.ID))
	label := "try" + strings.TrimPrefix(exc, "exc")
	outer, had := e.excs[s.ID]
	defer func() {
		if had {
			e.excs[s.ID] = outer
		} else {
			delete(e.excs, s.ID)
		}
	}()
	savedFail, savedErrp, savedUsesFail, savedUsesErr := e.fail, e.errp, e.usesFail, e.usesErr
	e.fail, e.errp, e.usesFail = label, "&"+exc, false
	body, err := e.block(s.Body, depth+2)
	used := e.usesFail
	e.fail, e.errp, e.usesFail, e.usesErr = savedFail, savedErrp, savedUsesFail, savedUsesErr
	if err != nil {
		return nil, err
	}
	if !used {
		// Nothing in the body raises: no handler can run.
		return append(append([]string{t + "{"}, body...), t+"}"), nil
	}
	e.excs[s.ID] = exc
	out := []string{t + "{", t + "\tpyc2go_error " + exc + ";", t + "\t{"}
	out = append(out, body...)
	out = append(out, t+"\t}")
	falls := !terminates(s.Body)
	if falls {
		out = append(out, t+"\tgoto "+label+"end;")
	}
	out = append(out, label+":")
	catchAll := false
	for i, h := range s.Handlers {
		hb, err := e.block(h.Body, depth+2)
		if err != nil {
			return nil, err
		}
		kw := "} else if"
		if i == 0 {
			kw = "if"
		}
		if len(h.Classes) == 0 {
			if i == 0 {
				out = append(out, t+"\t{")
			} else {
				out = append(out, t+"\t} else {")
			}
			out = append(out, hb...)
			catchAll = true
			break
		}
		out = append(out, t+"\t"+kw+" (pyc2go_exc_in(&"+exc+", "+cString("|"+strings.Join(h.Classes, "|")+"|")+")) {")
		out = append(out, hb...)
	}
	if !catchAll {
		out = append(out, t+"\t} else {")
		out = append(out, e.handOn(exc, depth+2)...)
	}
	out = append(out, t+"\t}")
	if falls {
		out = append(out, label+"end:;")
	}
	return append(out, t+"}"), nil
}

// text emits the statements that build formatted text into a fresh
// pyc2go_str, whose name it returns; the caller frees it.
func (e *funcEmitter) text(parts []ir.TextPart, depth int) ([]string, string, error) {
	t := ind(depth)
	e.ntext++
	buf := "text" + strconv.Itoa(e.ntext)
	out := []string{t + "pyc2go_str " + buf + " = {0};"}
	at := "&" + buf
	for _, p := range parts {
		spec := cString(p.Spec)
		switch {
		case p.Exc > 0:
			exc, ok := e.excs[p.Exc]
			if !ok {
				return nil, "", fmt.Errorf("text of the exception of try %d outside its handler", p.Exc)
			}
			out = append(out, t+"pyc2go_str_exc("+at+", &"+exc+", "+strconv.FormatBool(p.Repr)+", "+spec+");")
		case p.X == nil:
			out = append(out, t+"pyc2go_str_lit("+at+", "+cString(p.Lit)+");")
		default:
			line, err := e.textValue(at, p, spec)
			if err != nil {
				return nil, "", err
			}
			out = append(out, t+line)
		}
	}
	return out, buf, nil
}

// textValue is the call that appends a formatted value.
func (e *funcEmitter) textValue(at string, p ir.TextPart, spec string) (string, error) {
	if a, ok := p.X.Type().(*ir.Array); ok {
		r, ok := p.X.(*ir.VarRef)
		if !ok {
			return "", fmt.Errorf("printing an array expression: want a variable")
		}
		arr, err := e.arr(r.V)
		if err != nil {
			return "", err
		}
		ptr := strings.TrimSuffix(arr, "->")
		if strings.HasSuffix(arr, ".") {
			ptr = "&" + strings.TrimSuffix(arr, ".")
		}
		return "pyc2go_str_array_" + a.Elem.String() + "(" + at + ", " + ptr + ", " + strconv.FormatBool(p.Repr) + ");", nil
	}
	g, err := e.expr(p.X)
	if err != nil {
		return "", err
	}
	x := g.code
	switch st := p.X.Type().(type) {
	case ir.Scalar:
		switch {
		case st == ir.Bool:
			return "pyc2go_str_bool(" + at + ", " + x + ", " + spec + ");", nil
		case st == ir.Float32:
			return "pyc2go_str_float32(" + at + ", " + x + ", " + spec + ");", nil
		case st.IsFloat():
			return "pyc2go_str_float(" + at + ", " + x + ", " + spec + ");", nil
		case st == ir.Complex64:
			return "pyc2go_str_complex64(" + at + ", crealf(" + x + "), cimagf(" + x + "), " + spec + ");", nil
		case st.IsComplex():
			return "pyc2go_str_complex(" + at + ", creal(" + x + "), cimag(" + x + "), " + spec + ");", nil
		case st == ir.Uint64:
			return "pyc2go_str_uint(" + at + ", " + x + ", " + spec + ");", nil
		case st.IsInt():
			return "pyc2go_str_int(" + at + ", (int64_t)" + g.paren() + ", " + spec + ");", nil
		}
	}
	return "", fmt.Errorf("cannot format a %s", p.X.Type())
}

// raiseText emits a Raise whose message is formatted text.
func (e *funcEmitter) raiseText(s *ir.Raise, depth int) ([]string, error) {
	t := ind(depth)
	e.usesFail, e.usesErr = true, true
	lines, buf, err := e.text(s.Text, depth+1)
	if err != nil {
		return nil, err
	}
	loc := cString(s.Exc) + ", " + cString(e.file) + ", " + strconv.Itoa(s.Pos.Line) + ", " + cString(e.f.Name)
	out := append([]string{t + "{"}, lines...)
	out = append(out, t+"\tpyc2go_raise("+e.errp+", "+loc+", \"%s\", pyc2go_str_cstr(&"+buf+"));", t+"\tpyc2go_str_free(&"+buf+");", t+"}")
	return append(out, t+"goto "+e.fail+";"), nil
}

// modulePrints reports whether a function of m prints.
func modulePrints(m *ir.Module) bool {
	for _, f := range m.Funcs {
		found := false
		ir.Inspect(f.Body, func(n ir.Node) bool {
			if _, ok := n.(*ir.Write); ok {
				found = true
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// printHelper hands what a C call printed to runtime.Print.
const printHelper = `// printed passes what the C code printed to runtime.Print and frees it.
func printed(p *C.char) {
	if p != nil {
		runtime.Print(C.GoString(p))
		C.free(unsafe.Pointer(p))
	}
}

`
