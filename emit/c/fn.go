package emitc

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pyc2go/pyc2go/ir"
)

// funcEmitter emits one function.
type funcEmitter struct {
	*moduleEmitter
	f        *ir.Func
	names    *names
	sig      map[*ir.Var]string // parameter names in the signature
	ptr      map[*ir.Var]bool   // array parameters used through their pointer
	data     map[*ir.Var]string // local copies of those parameters' data pointers, once used
	rs       restrictState      // restrict pointers and outlined loops (restrict.go)
	results  []ir.Type
	rnames   []string
	read     map[*ir.Var]bool // variables read by emitted code
	temps    []string         // declarations of temporaries
	pre      []string         // statements that must run before the current one
	usesFail bool             // some path jumps to fail
	usesPool bool             // the function allocates or adopts arrays
	usesErr  bool
	usesOut  bool // some return stores the results (a function that always raises never does)
	lastLine int  // line of the last #line directive (0: none or stale)
	curLine  int  // Python line of the statement being emitted
	depth    int  // nesting depth of the statement being emitted
	// poolNeeded, once poolKnown, says whether f allocates or receives
	// arrays (see usesPoolAnywhere).
	poolKnown, poolNeeded bool
	// fail, pool and errp name the label a raise jumps to, the pool that
	// owns what the code allocates and the pyc2go_error pointer it fills:
	// the function's own, or inside a concurrent loop its iteration's
	// (concurrentFor).
	fail, pool, errp string
	// excs names the caught exception of each Try ID, ntext numbers the
	// text buffers (try.go).
	excs  map[int]string
	ntext int
}

func (me *moduleEmitter) fn(f *ir.Func) (string, error) {
	e := &funcEmitter{
		moduleEmitter: me,
		f:             f,
		results:       ir.ResultTypes(f.Result),
		rnames:        ResultNames(f),
		read:          map[*ir.Var]bool{},
		ptr:           map[*ir.Var]bool{},
		data:          map[*ir.Var]string{},
		fail:          "fail",
		pool:          "pool",
		errp:          "err",
	}
	e.names = newNames(me.prefix, f)
	assigned := ir.Defined(f.Body)
	e.sig = me.sigNames(f, e.names, assigned)
	for _, p := range f.Params {
		if _, ok := p.Type.(*ir.Array); ok && !assigned[p] {
			e.ptr[p] = true
		}
	}
	for _, vs := range [][]*ir.Var{f.Locals, ir.LoopLocals(f)} {
		for _, l := range vs {
			e.names.vars[l] = e.names.fresh(l.Name)
		}
	}
	e.usesPoolAnywhere()
	sig, err := me.signatureNamed(f, e.sig)
	if err != nil {
		return "", err
	}
	body, err := e.block(f.Body, 1)
	if err != nil {
		return "", err
	}
	if !terminates(f.Body) {
		if len(e.results) == 0 {
			body = append(body, e.returnLines(nil, 1)...)
		} else {
			// lower guarantees a return on every path; C's flow analysis
			// cannot always see it.
			e.usesFail, e.usesErr = true, true
			body = append(body, "\tpyc2go_raise(err, \"SystemError\", "+cString(me.file)+", 0, "+cString(f.Name)+", \"%s\", \"unreachable code reached\");",
				"\tgoto fail;")
		}
	}

	var out strings.Builder
	for _, l := range e.rs.funcs {
		out.WriteString(l)
	}
	if !me.exported(f) {
		out.WriteString("PYC2GO_PRIVATE ")
	}
	out.WriteString(sig + "\n{\n")
	if me.cfg.LineDirectives && f.Pos.Line > 0 {
		fmt.Fprintf(&out, "#line %d %s\n", f.Pos.Line, cString(me.file))
	}
	if e.usesPool {
		out.WriteString("\tpyc2go_pool pool = {0};\n")
	}
	for _, p := range f.Params {
		switch _, ok := p.Type.(*ir.Array); {
		case ok && !e.ptr[p] && p.Nullable:
			// None is NULL, and a zeroed descriptor in the copy.
			at := ArrayType(p.Type.(*ir.Array).Elem)
			fmt.Fprintf(&out, "\t%s %s = %s ? *%s : (%s){0};\n", at, e.names.vars[p], e.sig[p], e.sig[p], at)
		case ok && !e.ptr[p]:
			fmt.Fprintf(&out, "\t%s %s = *%s;\n", ArrayType(p.Type.(*ir.Array).Elem), e.names.vars[p], e.sig[p])
		}
		if d, ok := e.data[p]; ok && p.Nullable {
			fmt.Fprintf(&out, "\t%s *const %s = %s ? %s->data : NULL;\n", cType(p.Type.(*ir.Array).Elem), d, e.sig[p], e.sig[p])
		} else if ok {
			fmt.Fprintf(&out, "\t%s *const %s = %s->data;\n", cType(p.Type.(*ir.Array).Elem), d, e.sig[p])
		}
	}
	for _, l := range f.Locals {
		d, err := decl(l.Type, e.names.vars[l], "")
		if err != nil {
			return "", fmt.Errorf("local %s: %w", l.Name, err)
		}
		out.WriteString("\t" + d + "\n")
	}
	for _, t := range e.temps {
		out.WriteString("\t" + t + "\n")
	}
	// Variables never read would be -Wunused-(but-set-)variable errors.
	for _, p := range f.Params {
		if !e.read[p] {
			fmt.Fprintf(&out, "\t(void)%s;\n", e.sig[p])
		}
	}
	for _, l := range f.Locals {
		if !e.read[l] {
			fmt.Fprintf(&out, "\t(void)%s;\n", e.names.vars[l])
		}
	}
	if !e.usesErr {
		out.WriteString("\t(void)err;\n")
	}
	if !e.usesOut {
		for _, r := range e.rnames {
			fmt.Fprintf(&out, "\t(void)%s;\n", r)
		}
	}
	for _, l := range body {
		out.WriteString(l + "\n")
	}
	if e.usesFail {
		out.WriteString("fail:\n")
		if e.usesPool {
			out.WriteString("\tpyc2go_pool_free(&pool);\n")
		}
		out.WriteString("\treturn 1;\n")
	}
	out.WriteString("}\n")
	return out.String(), nil
}

func ind(depth int) string { return strings.Repeat("\t", depth) }

// terminates reports whether b ends in a return or raise on every path
// that C's analysis sees.
func terminates(b *ir.Block) bool {
	if b == nil {
		return false
	}
	for _, s := range b.Stmts {
		if stmtTerminates(s) {
			return true
		}
	}
	return false
}

func stmtTerminates(s ir.Stmt) bool {
	switch s := s.(type) {
	case *ir.Return, *ir.Raise, *ir.Reraise:
		return true
	case *ir.If:
		return terminates(s.Then) && terminates(s.Else)
	}
	return false
}

func (e *funcEmitter) block(b *ir.Block, depth int) ([]string, error) {
	if b == nil {
		return nil, nil
	}
	var out []string
	for _, s := range b.Stmts {
		lines, err := e.stmt(s, depth)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", e.posString(s.StmtPos()), err)
		}
		out = append(out, lines...)
		if stmtTerminates(s) {
			break
		}
	}
	return out, nil
}

// stmt emits s with the statements its expressions need first (calls
// hoisted out of expressions) and a #line directive when s is on another
// Python line than the previous directive said.
func (e *funcEmitter) stmt(s ir.Stmt, depth int) ([]string, error) {
	e.pre = nil
	e.curLine = s.StmtPos().Line
	e.depth = depth
	lines, err := e.stmtLines(s, depth)
	if err != nil {
		return nil, err
	}
	out := append(e.pre, lines...)
	e.pre = nil
	pos := s.StmtPos()
	if e.cfg.LineDirectives && pos.Line > 0 && len(out) > 0 {
		switch s.(type) {
		case *ir.If, *ir.For, *ir.While:
			out = append([]string{fmt.Sprintf("#line %d %s", pos.Line, cString(e.file))}, out...)
			e.lastLine = 0 // nested statements moved the line on
		default:
			if pos.Line != e.lastLine || len(out) > 1 {
				out = append([]string{fmt.Sprintf("#line %d %s", pos.Line, cString(e.file))}, out...)
			}
			e.lastLine = pos.Line
			if len(out) > 2 {
				e.lastLine = 0
			}
		}
	}
	return out, nil
}

func (e *funcEmitter) stmtLines(s ir.Stmt, depth int) ([]string, error) {
	t := ind(depth)
	switch s := s.(type) {
	case *ir.Assign:
		return e.assign(s, depth)
	case *ir.Store:
		d, err := e.elems(s.Arr)
		if err != nil {
			return nil, err
		}
		off, err := e.expr(s.Offset)
		if err != nil {
			return nil, err
		}
		v, err := e.expr(s.Val)
		if err != nil {
			return nil, err
		}
		return []string{t + d + "[" + off.code + "] = " + v.code + ";"}, nil
	case *ir.CallStmt:
		if s.Call != nil && s.Call.Fn != nil && s.Call.Fn.Lib != nil && ir.IsListLib(s.Call.Fn.Lib.Name) {
			return e.listCall(s, depth) // list.go
		}
		if s.Call != nil && s.Call.Fn != nil && s.Call.Fn.Lib != nil {
			return e.libCall(s, depth) // linalg.go
		}
		return e.callStmt(s.Call, s.Dsts, depth)
	case *ir.If:
		return e.ifStmt(s, depth)
	case *ir.For:
		return e.restrictFor(s, depth)
	case *ir.While:
		body, err := e.block(s.Body, depth+1)
		if err != nil {
			return nil, err
		}
		if s.Cond == nil {
			return append(append([]string{t + "for (;;) {"}, body...), t+"}"), nil
		}
		pre := e.pre
		e.pre = nil
		c, err := e.expr(s.Cond)
		if err != nil {
			return nil, err
		}
		condPre := e.pre
		e.pre = pre
		if len(condPre) == 0 {
			return append(append([]string{t + "while (" + c.code + ") {"}, body...), t+"}"), nil
		}
		// Calls in the condition run at every test: continue jumps to
		// the top of for (;;) and runs them again.
		out := []string{t + "for (;;) {"}
		for _, l := range condPre {
			out = append(out, "\t"+l)
		}
		out = append(out, t+"\tif (!"+c.paren()+")", t+"\t\tbreak;")
		out = append(out, body...)
		return append(out, t+"}"), nil
	case *ir.Free:
		a, err := e.arr(s.Arr)
		if err != nil {
			return nil, err
		}
		return []string{t + "pyc2go_pool_release(&" + e.pool + ", " + a + "data);"}, nil
	case *ir.Break:
		return []string{t + "break;"}, nil
	case *ir.Continue:
		return []string{t + "continue;"}, nil
	case *ir.Return:
		if len(s.Values) != len(e.results) {
			return nil, fmt.Errorf("return: want %d values, got %d", len(e.results), len(s.Values))
		}
		return e.returnLines(s.Values, depth), nil
	case *ir.Raise:
		if len(s.Text) > 0 {
			return e.raiseText(s, depth) // try.go
		}
		return e.raise(s.Exc, s.Msg, s.Args, s.Pos, depth)
	case *ir.Try, *ir.Reraise, *ir.Write:
		return e.tryStmts(s, depth) // try.go
	case *ir.Check:
		c, err := e.negate(s.Cond)
		if err != nil {
			return nil, err
		}
		r, err := e.raise(s.Exc, s.Msg, s.Args, s.Pos, depth+1)
		if err != nil {
			return nil, err
		}
		return append(append([]string{t + "if (" + c + ") {"}, r...), t+"}"), nil
	case *ir.Alloc:
		return e.alloc(s, depth)
	case *ir.View:
		return e.view(s, depth)
	case *ir.Random:
		return e.randomStmt(s, depth)
	}
	return nil, fmt.Errorf("unknown statement %T", s)
}

// elems is what Load and Store index to reach the elements of v: its
// data pointer, or the C array of an ir.Buffer.
func (e *funcEmitter) elems(v *ir.Var) (string, error) {
	if _, ok := v.Type.(*ir.Buffer); ok {
		e.read[v] = true
		return e.names.vars[v], nil
	}
	p, err := e.arr(v)
	if err != nil {
		return "", err
	}
	return e.dataOf(v, p), nil
}

// arr is the prefix that reaches an array variable's fields: "a->" for an
// array parameter used through its pointer, "a." otherwise.
func (e *funcEmitter) arr(v *ir.Var) (string, error) {
	if _, ok := v.Type.(*ir.Array); !ok {
		return "", fmt.Errorf("%s: want an array, got %s", v.Name, v.Type)
	}
	name, ok := e.names.vars[v]
	if !ok {
		return "", fmt.Errorf("variable %s is not a parameter or local of %s", v.Name, e.f.Name)
	}
	e.read[v] = true
	if e.ptr[v] {
		return e.sig[v] + "->", nil
	}
	return name + ".", nil
}

// dataOf is the element pointer of array v whose prefix arr returned.
// Parameters used through their pointer read it once, into a local:
// besides sparing a load per access, this keeps gcc 12's loop vectoriser
// away from a wrong-code bug (-O3 miscompiled the four-accumulator
// integer sum the unroll pass makes when it reloaded x->data each
// iteration; TestVectorizedUnrolledSum pins it).
func (e *funcEmitter) dataOf(v *ir.Var, prefix string) string {
	if r, ok := e.rs.ptrs[v]; ok {
		return r
	}
	if !e.ptr[v] {
		return prefix + "data"
	}
	d, ok := e.data[v]
	if !ok {
		d = e.names.fresh(e.sig[v] + "_data")
		e.data[v] = d
	}
	return d
}

// arrValue is an array variable as a struct value; arrPtr as a pointer.
func (e *funcEmitter) arrValue(v *ir.Var) string {
	e.read[v] = true
	if e.ptr[v] {
		return "*" + e.sig[v]
	}
	return e.names.vars[v]
}

func (e *funcEmitter) arrPtr(v *ir.Var) string {
	e.read[v] = true
	if e.ptr[v] {
		return e.sig[v]
	}
	return "&" + e.names.vars[v]
}

func (e *funcEmitter) dst(v *ir.Var) (string, error) {
	name, ok := e.names.vars[v]
	if !ok {
		return "", fmt.Errorf("variable %s is not a parameter or local of %s", v.Name, e.f.Name)
	}
	return name, nil
}

func (e *funcEmitter) assign(s *ir.Assign, depth int) ([]string, error) {
	t := ind(depth)
	d, err := e.dst(s.Dst)
	if err != nil {
		return nil, err
	}
	if r, ok := s.Src.(*ir.VarRef); ok && r.V == s.Dst {
		return nil, nil
	}
	if _, ok := s.Dst.Type.(*ir.Array); ok {
		switch src := s.Src.(type) {
		case *ir.VarRef:
			return []string{t + d + " = " + e.arrValue(src.V) + ";"}, nil
		case *ir.Call:
			return e.callStmt(src, []*ir.Var{s.Dst}, depth)
		case *ir.Intrinsic:
			return e.arrayIntrinsicStmt(src, s.Dst, s.Pos, depth)
		}
		return nil, fmt.Errorf("array assignment from %T", s.Src)
	}
	v, err := e.expr(s.Src)
	if err != nil {
		return nil, err
	}
	if v.code == d {
		return nil, nil
	}
	return []string{t + d + " = " + v.code + ";"}, nil
}

// temp declares a fresh temporary of type t.
func (e *funcEmitter) temp(t ir.Type) (string, error) {
	name := e.names.fresh("tmp" + strconv.Itoa(len(e.temps)+1))
	d, err := decl(t, name, "")
	if err != nil {
		return "", err
	}
	e.temps = append(e.temps, d)
	return name, nil
}

// decl declares name of type t initialised to init, or when init is ""
// to zero (gcc's -Wmaybe-uninitialized cannot see lower's definite
// assignment, so every variable starts with a value).
func decl(t ir.Type, name, init string) (string, error) {
	if b, ok := t.(*ir.Buffer); ok {
		return cType(b.Elem) + " " + name + "[" + strconv.FormatInt(b.Len, 10) + "] = {0};", nil
	}
	ct, err := typeOf(t)
	if err != nil {
		return "", err
	}
	if init == "" {
		init = "0"
		switch t.(type) {
		case *ir.Array, ir.Generator, *ir.List:
			init = "{0}"
		}
	}
	return ct + " " + name + " = " + init + ";", nil
}

// callStmt calls a module function: results to dsts (nil entries and a
// missing list discard them), an exception propagates at once. Arrays the
// callee returns join this function's pool.
func (e *funcEmitter) callStmt(c *ir.Call, dsts []*ir.Var, depth int) ([]string, error) {
	t := ind(depth)
	if c == nil || c.Fn == nil {
		return nil, fmt.Errorf("call without a function")
	}
	name, ok := e.cnames[c.Fn]
	if !ok {
		return nil, fmt.Errorf("call of %s: not a function of the module", c.Fn.Name)
	}
	rts := ir.ResultTypes(c.Fn.Result)
	if len(dsts) != 0 && len(dsts) != len(rts) {
		return nil, fmt.Errorf("call of %s: want %d destinations, got %d", c.Fn.Name, len(rts), len(dsts))
	}
	var args []string
	argVars := map[*ir.Var]bool{}
	for i, a := range c.Args {
		if i < len(c.Fn.Params) {
			if _, ok := c.Fn.Params[i].Type.(*ir.Array); ok {
				r, ok := a.(*ir.VarRef)
				if !ok {
					return nil, fmt.Errorf("call of %s: array argument %s is not a variable", c.Fn.Name, ir.ExprString(a))
				}
				args = append(args, e.arrPtr(r.V))
				argVars[r.V] = true
				continue
			}
		}
		g, err := e.expr(a)
		if err != nil {
			return nil, err
		}
		args = append(args, g.code)
	}
	var after []string
	for i, rt := range rts {
		var d *ir.Var
		if i < len(dsts) {
			d = dsts[i]
		}
		_, isArr := rt.(*ir.Array)
		if _, isList := rt.(*ir.List); isList {
			isArr = true // its block joins the pool too
		}
		var target string
		if d == nil || argVars[d] {
			// Discarded, or the callee could overwrite an argument's
			// descriptor before reading it: go through a temporary.
			tmp, err := e.temp(rt)
			if err != nil {
				return nil, err
			}
			target = tmp
			if d != nil {
				dn, _ := e.dst(d)
				after = append(after, t+dn+" = "+tmp+";")
			}
		} else {
			dn, err := e.dst(d)
			if err != nil {
				return nil, err
			}
			target = dn
		}
		args = append(args, "&"+target)
		if isArr {
			e.usesPool = true
			after = append([]string{t + "if (pyc2go_pool_adopt(&" + e.pool + ", &" + target + ".owner)) {", e.memoryError(c.Fn, depth+1), t + "\tgoto " + e.fail + ";", t + "}"}, after...)
		}
	}
	args = append(args, e.errp)
	e.usesFail, e.usesErr = true, true
	out := []string{t + "if (" + name + "(" + strings.Join(args, ", ") + "))", t + "\tgoto " + e.fail + ";"}
	return append(out, after...), nil
}

func (e *funcEmitter) memoryError(_ *ir.Func, depth int) string {
	e.usesErr = true
	return ind(depth) + "pyc2go_raise(" + e.errp + ", \"MemoryError\", " + cString(e.file) + ", " + strconv.Itoa(e.curLine) + ", " + cString(e.f.Name) + ", \"%s\", \"\");"
}

func (e *funcEmitter) ifStmt(s *ir.If, depth int) ([]string, error) {
	t := ind(depth)
	c, err := e.expr(s.Cond)
	if err != nil {
		return nil, err
	}
	// The calls hoisted out of the condition run before the if; the
	// blocks' own statements must not drop them.
	pre := e.pre
	defer func() { e.pre = pre }()
	then, err := e.block(s.Then, depth+1)
	if err != nil {
		return nil, err
	}
	out := append([]string{t + "if (" + c.code + ") {"}, then...)
	if s.Else != nil && len(s.Else.Stmts) > 0 {
		els, err := e.block(s.Else, depth+1)
		if err != nil {
			return nil, err
		}
		out = append(out, t+"} else {")
		out = append(out, els...)
	}
	return append(out, t+"}"), nil
}

// forStmt: lower guarantees the body assigns neither the induction
// variable nor Stop or Step, so C's for evaluates the same values.
// Concurrent loops are concurrentFor's.
func (e *funcEmitter) forStmt(s *ir.For, depth int) ([]string, error) {
	t := ind(depth)
	iv, err := e.dst(s.Var)
	if err != nil {
		return nil, err
	}
	start, err := e.expr(s.Start)
	if err != nil {
		return nil, err
	}
	stop, err := e.expr(s.Stop)
	if err != nil {
		return nil, err
	}
	step, err := e.expr(s.Step)
	if err != nil {
		return nil, err
	}
	if s.Concurrent {
		return e.concurrentFor(s, stop, depth)
	}
	if s.Par != nil {
		return nil, fmt.Errorf("for %s: a parallel loop the chunk pass has not written out", s.Var.Name)
	}
	e.read[s.Var] = true
	vt, _ := s.Var.Type.(ir.Scalar)
	var cond, post string
	if c, ok := s.Step.(*ir.ConstExpr); ok {
		n, _ := c.Value.(int64)
		switch {
		case n == 0:
			return nil, fmt.Errorf("for %s: step is 0", s.Var.Name)
		case n > 0:
			cond = iv + " < " + stop.paren()
		default:
			cond = iv + " > " + stop.paren()
		}
		switch n {
		case 1:
			post = iv + "++"
		case -1:
			post = iv + "--"
		default:
			post = iv + " = pyc2go_add_" + vt.String() + "(" + iv + ", " + step.code + ")"
		}
	} else {
		cond = "(" + step.paren() + " > 0 && " + iv + " < " + stop.paren() + ") || (" + step.paren() + " < 0 && " + iv + " > " + stop.paren() + ")"
		post = iv + " = pyc2go_add_" + vt.String() + "(" + iv + ", " + step.code + ")"
	}
	pre := e.pre // calls hoisted out of the bounds run before the loop
	body, err := e.block(s.Body, depth+1)
	e.pre = pre
	if err != nil {
		return nil, err
	}
	var out []string
	if s.Parallel {
		out = append(out, t+"/* prange: sequential (see the parallel pass's remark) */")
	}
	out = append(out, t+"for ("+iv+" = "+start.code+"; "+cond+"; "+post+") {")
	out = append(out, body...)
	// The temporaries the iteration made and drops go back now, not when
	// the function returns (ir.For.Release).
	for _, v := range s.Release {
		a, err := e.arr(v)
		if err != nil {
			return nil, err
		}
		out = append(out, t+"\tpyc2go_pool_release(&"+e.pool+", "+a+"data);")
	}
	return append(out, t+"}"), nil
}

// returnLines stores the results, hands the blocks of returned arrays to
// their owner fields, frees the rest and returns 0.
func (e *funcEmitter) returnLines(vals []ir.Expr, depth int) []string {
	t := ind(depth)
	e.usesOut = true
	var out []string
	var arrs []string
	for i, v := range vals {
		if r, ok := v.(*ir.VarRef); ok {
			if _, isArr := r.V.Type.(*ir.Array); isArr {
				out = append(out, t+"*"+e.rnames[i]+" = "+e.arrValue(r.V)+";")
				arrs = append(arrs, e.rnames[i])
				continue
			}
			if _, isList := r.V.Type.(*ir.List); isList {
				// Its block leaves the pool as an array's does.
				e.read[r.V] = true
				out = append(out, t+"*"+e.rnames[i]+" = "+e.names.vars[r.V]+";")
				arrs = append(arrs, e.rnames[i])
				continue
			}
		}
		g, err := e.expr(v)
		if err != nil {
			out = append(out, t+"#error "+cString(err.Error()))
			continue
		}
		out = append(out, t+"*"+e.rnames[i]+" = "+g.code+";")
	}
	for _, a := range arrs {
		if e.usesPoolAnywhere() {
			out = append(out, t+a+"->owner = pyc2go_pool_take(&pool, "+a+"->data);")
		} else {
			out = append(out, t+a+"->owner = NULL;")
		}
	}
	if e.usesPoolAnywhere() {
		out = append(out, t+"pyc2go_pool_free(&pool);")
	}
	return append(out, t+"return 0;")
}

// usesPoolAnywhere reports whether f needs a pool: it allocates arrays or
// receives them from calls. It is decided from the IR before emission so
// that every return agrees.
func (e *funcEmitter) usesPoolAnywhere() bool {
	if e.poolKnown {
		return e.poolNeeded
	}
	e.poolKnown = true
	ir.Inspect(e.f.Body, func(n ir.Node) bool {
		switch n := n.(type) {
		case *ir.Alloc:
			e.poolNeeded = true
		case *ir.CallStmt:
			if n.Call.Fn.Lib != nil {
				e.poolNeeded = true // library results, 0-d ones too, live in the pool
			}
			for _, rt := range ir.ResultTypes(n.Call.Fn.Result) {
				switch rt.(type) {
				case *ir.Array, *ir.List:
					e.poolNeeded = true
				}
			}
		case *ir.Call:
			if _, ok := n.Fn.Result.(*ir.Array); ok {
				e.poolNeeded = true
			}
		case *ir.Intrinsic:
			if _, ok := n.T.(*ir.Array); ok {
				e.poolNeeded = true
			}
		}
		return true
	})
	if e.poolNeeded {
		e.usesPool = true
	}
	return e.poolNeeded
}

// raise fills *err and leaves through fail. A message with Args is
// formatted: %d takes an integer, %s an array printed as its shape.
func (e *funcEmitter) raise(exc, msg string, args []ir.Expr, pos ir.Pos, depth int) ([]string, error) {
	t := ind(depth)
	e.usesFail, e.usesErr = true, true
	loc := cString(exc) + ", " + cString(e.file) + ", " + strconv.Itoa(pos.Line) + ", " + cString(e.f.Name)
	if len(args) == 0 {
		return []string{t + "pyc2go_raise(" + e.errp + ", " + loc + ", \"%s\", " + cString(msg) + ");", t + "goto " + e.fail + ";"}, nil
	}
	var f strings.Builder
	var vals []string
	var bufs []string
	ai := 0
	for i := 0; i < len(msg); i++ {
		if msg[i] != '%' {
			f.WriteByte(msg[i])
			continue
		}
		i++
		if i == len(msg) {
			return nil, fmt.Errorf("message %q ends in %%", msg)
		}
		switch msg[i] {
		case '%':
			f.WriteString("%%")
		case 'd', 's':
			if ai >= len(args) {
				return nil, fmt.Errorf("message %q: too few arguments", msg)
			}
			a := args[ai]
			ai++
			if msg[i] == 'd' {
				g, err := e.expr(a)
				if err != nil {
					return nil, err
				}
				f.WriteString("%\" PRId64 \"")
				vals = append(vals, "(int64_t)"+g.paren())
				continue
			}
			r, ok := a.(*ir.VarRef)
			if !ok {
				return nil, fmt.Errorf("message %q: %%s wants an array variable", msg)
			}
			p, err := e.arr(r.V)
			if err != nil {
				return nil, err
			}
			b := "shape" + strconv.Itoa(len(bufs))
			bufs = append(bufs, b)
			f.WriteString("%s")
			vals = append(vals, "pyc2go_shape_str("+b+", "+p+"ndim, "+p+"shape)")
		default:
			return nil, fmt.Errorf("message %q: unknown verb %%%c", msg, msg[i])
		}
	}
	if ai != len(args) {
		return nil, fmt.Errorf("message %q: want %d arguments, got %d", msg, ai, len(args))
	}
	format := cString(f.String())
	format = strings.ReplaceAll(format, `%\" PRId64 \"`, `%" PRId64 "`)
	var out []string
	if len(bufs) > 0 {
		out = append(out, t+"{")
		for _, b := range bufs {
			out = append(out, t+"\tchar "+b+"[PYC2GO_SHAPEBUF];")
		}
		out = append(out, t+"\tpyc2go_raise("+e.errp+", "+loc+", "+format+", "+strings.Join(vals, ", ")+");", t+"}")
	} else {
		out = append(out, t+"pyc2go_raise("+e.errp+", "+loc+", "+format+", "+strings.Join(vals, ", ")+");")
	}
	return append(out, t+"goto "+e.fail+";"), nil
}

// negate is the negation of a check's condition. Only == and != flip (and
// ! cancels): !(a < b) is not a >= b when a or b is NaN.
func (e *funcEmitter) negate(cond ir.Expr) (string, error) {
	switch c := cond.(type) {
	case *ir.Binary:
		switch c.Op {
		case ir.Eq:
			g, err := e.expr(&ir.Binary{Op: ir.Ne, X: c.X, Y: c.Y})
			return g.code, err
		case ir.Ne:
			g, err := e.expr(&ir.Binary{Op: ir.Eq, X: c.X, Y: c.Y})
			return g.code, err
		}
	case *ir.Unary:
		if c.Op == ir.Not {
			g, err := e.expr(c.X)
			return g.code, err
		}
	}
	g, err := e.expr(cond)
	if err != nil {
		return "", err
	}
	return "!" + g.paren(), nil
}

func (e *funcEmitter) alloc(s *ir.Alloc, depth int) ([]string, error) {
	t := ind(depth)
	d, err := e.dst(s.Dst)
	if err != nil {
		return nil, err
	}
	a, ok := s.Dst.Type.(*ir.Array)
	if !ok || len(s.Shape) != a.Rank {
		return nil, fmt.Errorf("alloc %s: want %d extents", s.Dst.Name, len(s.Shape))
	}
	var ext []string
	for _, x := range s.Shape {
		g, err := e.expr(x)
		if err != nil {
			return nil, err
		}
		ext = append(ext, g.code)
	}
	if len(ext) == 0 {
		ext = []string{"0"}
	}
	e.usesPool, e.usesFail, e.usesErr = true, true, true
	e.curLine = s.Pos.Line
	out := []string{
		t + "{",
		t + "\tconst int64_t ext[" + strconv.Itoa(len(ext)) + "] = {" + strings.Join(ext, ", ") + "};",
		t + "\tif ((" + d + ".data = pyc2go_alloc(&" + e.pool + ", sizeof *" + d + ".data, " + strconv.Itoa(a.Rank) + ", ext)) == NULL) {",
		// numpy's exception for the refusal: its ValueError when the
		// bytes overflow, else MemoryError naming size, shape and dtype.
		ind(depth+2) + "pyc2go_raise_alloc(" + e.errp + ", " + cString(e.file) + ", " + strconv.Itoa(e.curLine) + ", " + cString(e.f.Name) +
			", sizeof *" + d + ".data, " + strconv.Itoa(a.Rank) + ", ext, \"" + a.Elem.String() + "\");",
		t + "\t\tgoto " + e.fail + ";",
		t + "\t}",
		t + "\t" + d + ".offset = 0;",
		t + "\t" + d + ".ndim = " + strconv.Itoa(a.Rank) + ";",
	}
	// C order: the layout is known here, and stays visible to gcc.
	stride := "1"
	for k := a.Rank - 1; k >= 0; k-- {
		ks := strconv.Itoa(k)
		out = append(out, t+"\t"+d+".shape["+ks+"] = ext["+ks+"];", t+"\t"+d+".strides["+ks+"] = "+stride+";")
		if stride == "1" {
			stride = "ext[" + ks + "]"
		} else {
			stride = "pyc2go_mul_int64(" + stride + ", ext[" + ks + "])"
		}
	}
	return append(out, t+"}"), nil
}

// view computes the new layout from Src's old one before assigning, so a
// view of itself (a = a[1:]) reads the old layout.
func (e *funcEmitter) view(s *ir.View, depth int) ([]string, error) {
	t := ind(depth)
	d, err := e.dst(s.Dst)
	if err != nil {
		return nil, err
	}
	src, err := e.arr(s.Src)
	if err != nil {
		return nil, err
	}
	da, ok := s.Dst.Type.(*ir.Array)
	if !ok || len(s.Shape) != da.Rank || len(s.Strides) != da.Rank {
		return nil, fmt.Errorf("view %s: want %d extents and strides", s.Dst.Name, len(s.Shape))
	}
	off, err := e.expr(s.Offset)
	if err != nil {
		return nil, err
	}
	out := []string{t + "{", t + "\tconst int64_t off = " + off.code + ";"}
	var sets []string
	for k := range s.Shape {
		sh, err := e.expr(s.Shape[k])
		if err != nil {
			return nil, err
		}
		st, err := e.expr(s.Strides[k])
		if err != nil {
			return nil, err
		}
		ks := strconv.Itoa(k)
		out = append(out, t+"\tconst int64_t n"+ks+" = "+sh.code+", s"+ks+" = "+st.code+";")
		sets = append(sets, t+"\t"+d+".shape["+ks+"] = n"+ks+";", t+"\t"+d+".strides["+ks+"] = s"+ks+";")
	}
	out = append(out, t+"\t"+d+".data = "+src+"data;", t+"\t"+d+".offset = off;", t+"\t"+d+".ndim = "+strconv.Itoa(da.Rank)+";")
	out = append(out, sets...)
	out = append(out, t+"\t"+d+".owner = NULL;", t+"}")
	return out, nil
}

// cString quotes s as a C string literal: printable ASCII as is, the rest
// as octal escapes (so no following character can extend an escape).
func cString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '?':
			b.WriteString(`\?`) // no trigraphs
		case c >= 0x20 && c < 0x7f:
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "\\%03o", c)
		}
	}
	b.WriteByte('"')
	return b.String()
}
