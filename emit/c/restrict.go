package emitc

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/pyc2go/pyc2go/ir"
)

// Restrict pointers.
//
// A For with Restrict (opt/restrict.go proves the fact) promises that
// an element the loop writes and reaches through a listed array x is
// reached through x alone: C's restrict contract for a pointer to x's data
// that the loop uses for every access of x. gcc honours restrict only on
// function parameters (its points-to analysis cannot tell the extent of a
// block-scope restrict pointer once scopes are gone), and keeps it when it
// inlines the function. So a loop whose body is plain arithmetic (scalar
// Assigns, Stores, Ifs, nested loops, Break and Continue: nothing that
// raises, returns, calls or allocates) is printed as a call of a static
// always-inline function of its own:
//
//	PYC2GO_LOOP void kernels_axpy__loop1(double *restrict t1_r,
//		const double *restrict x_r, const double *restrict y_r, int64_t t2, ...)
//	{
//		int64_t i0 = 0;
//		for (i0 = 0; i0 < t2; i0++) { t1_r[...] = a * x_r[...] + y_r[...]; }
//	}
//	...
//	kernels_axpy__loop1(t1.data, x_data, y_data, t2, ...);
//
// The function's parameters are the restrict pointers, the variables the
// loop only reads (by value; array descriptors it reads shapes or strides
// of by value or through the caller's const pointer) and, through
// pointers copied in and out, the scalars it assigns; its own induction
// variables are locals, since the IR never reads one after its loop. The
// body prints exactly as it would inline, under the same names. A pointer
// is const when the loop stores nothing into the array. Restrict is
// exactly the IR's promise for the function's one block: the loop.
//
// A loop that cannot be outlined is printed inside a block that declares
// the same pointers: as correct, and honoured by compilers that track
// block-scope restrict, if not by gcc. A loop inside a restricted one
// keeps the outer pointer for an array both list: a second restrict
// pointer to the same elements, not based on the first, would break the
// outer one's promise.

// restrictState is a funcEmitter's restrict bookkeeping.
type restrictState struct {
	ptrs    map[*ir.Var]string // restrict pointers in scope, by array
	funcs   []string           // outlined loop functions, printed before the function
	nfuncs  int
	outline bool // emitting an outlined body
}

// restrictFor prints s, through restrict pointers when it lists new ones.
func (e *funcEmitter) restrictFor(s *ir.For, depth int) ([]string, error) {
	type ptr struct {
		v          *ir.Var
		name, data string
		decl       string // "const double *restrict x_r"
	}
	var ptrs []ptr
	for _, v := range s.Restrict {
		if _, ok := e.rs.ptrs[v]; ok {
			continue
		}
		a, ok := v.Type.(*ir.Array)
		if !ok {
			return nil, fmt.Errorf("for %s: restrict %s is not an array", s.Var.Name, v.Name)
		}
		prefix, err := e.arr(v)
		if err != nil {
			return nil, err
		}
		base := e.names.vars[v]
		if e.ptr[v] {
			base = e.sig[v]
		}
		name := e.names.fresh(base + "_r")
		elem := cType(a.Elem)
		if !storesInto(s.Body, v) {
			elem = "const " + elem
		}
		ptrs = append(ptrs, ptr{v, name, e.dataOf(v, prefix), elem + " *restrict " + name})
	}
	if len(ptrs) == 0 {
		return e.forStmt(s, depth)
	}
	if e.rs.ptrs == nil {
		e.rs.ptrs = map[*ir.Var]string{}
	}
	for _, p := range ptrs {
		e.rs.ptrs[p.v] = p.name
	}
	defer func() {
		for _, p := range ptrs {
			delete(e.rs.ptrs, p.v)
		}
	}()
	t := ind(depth)
	if !e.rs.outline && outlinable(s) {
		var params, args []string
		for _, p := range ptrs {
			params = append(params, p.decl)
			args = append(args, p.data)
		}
		own := map[*ir.Var]bool{}
		for _, p := range ptrs {
			own[p.v] = true
		}
		return e.outline(s, depth, params, args, own)
	}
	out := []string{t + "{"}
	for _, p := range ptrs {
		out = append(out, t+"\t"+p.decl+" = "+p.data+";")
	}
	if e.cfg.LineDirectives && s.Pos.Line > 0 {
		// The declarations moved the line count on: gcc's remarks and
		// debuggers must still see the for on its Python line.
		out = append(out, e.lineDirective(s.Pos.Line))
	}
	loop, err := e.forStmt(s, depth+1)
	if err != nil {
		return nil, err
	}
	out = append(out, loop...)
	return append(out, t+"}"), nil
}

func (e *funcEmitter) lineDirective(line int) string {
	return "#line " + strconv.Itoa(line) + " " + cString(e.file)
}

// outline prints s as a function of its own (see above) and returns the
// call that replaces it; params and args start with the restrict pointers.
func (e *funcEmitter) outline(s *ir.For, depth int, params, args []string, own map[*ir.Var]bool) ([]string, error) {
	// Emit the loop first, with a fresh record of what it reads.
	outerRead := e.read
	e.read = map[*ir.Var]bool{}
	e.rs.outline = true
	loop, err := e.forStmt(s, 1)
	e.rs.outline = false
	read := e.read
	e.read = outerRead
	if err != nil {
		return nil, err
	}
	loops := map[*ir.Var]bool{}
	ir.WalkStmts(&ir.Block{Stmts: []ir.Stmt{s}}, func(st ir.Stmt) {
		if f, ok := st.(*ir.For); ok {
			loops[f.Var] = true
		}
	})
	assigned := ir.Assigned(&ir.Block{Stmts: []ir.Stmt{s}})
	dims := map[*ir.Var]bool{} // arrays whose descriptor the loop reads
	data := map[*ir.Var]bool{} // arrays it accesses
	markArrays(s, dims, data)
	var vars []*ir.Var
	for v := range read {
		vars = append(vars, v)
	}
	for v := range assigned {
		if !read[v] {
			vars = append(vars, v)
		}
	}
	sort.Slice(vars, func(i, j int) bool { return vars[i].Name < vars[j].Name })
	var head, tail []string
	for _, v := range vars {
		if !loops[v] {
			e.read[v] = true // an argument of the call
		}
		switch a, isArr := v.Type.(*ir.Array); {
		case loops[v]:
			d, err := decl(v.Type, e.names.vars[v], "")
			if err != nil {
				return nil, err
			}
			head = append(head, "\t"+d)
		case isArr:
			if dims[v] || data[v] && !e.ptr[v] && e.rs.ptrs[v] == "" {
				// Shapes and strides, or a local's data through its struct.
				if e.ptr[v] {
					params = append(params, "const "+ArrayType(a.Elem)+" *"+e.sig[v])
					args = append(args, e.sig[v])
				} else {
					params = append(params, ArrayType(a.Elem)+" "+e.names.vars[v])
					args = append(args, e.names.vars[v])
				}
			}
			switch r := e.rs.ptrs[v]; {
			case data[v] && r == "" && e.ptr[v]:
				d := e.dataOf(v, "")
				params = append(params, cType(a.Elem)+" *"+d)
				args = append(args, d)
			case data[v] && r != "" && !own[v]:
				// The pointer of an enclosing restricted loop: the
				// parameter is based on it, and the enclosing loop's
				// proof covers this body too.
				elem := cType(a.Elem)
				if !storesInto(s.Body, v) {
					elem = "const " + elem
				}
				params = append(params, elem+" *restrict "+r)
				args = append(args, r)
			}
		case assigned[v]:
			ct, err := typeOf(v.Type)
			if err != nil {
				return nil, err
			}
			n := e.names.vars[v]
			io := e.names.fresh(n + "_io")
			params = append(params, ct+" *"+io)
			args = append(args, "&"+n)
			head = append(head, "\t"+ct+" "+n+" = *"+io+";")
			tail = append(tail, "\t*"+io+" = "+n+";")
		default:
			ct, err := typeOf(v.Type)
			if err != nil {
				return nil, err
			}
			params = append(params, ct+" "+e.names.vars[v])
			args = append(args, e.names.vars[v])
		}
	}
	name := e.loopFuncName()
	var b strings.Builder
	if e.cfg.LineDirectives && s.Pos.Line > 0 {
		b.WriteString(e.lineDirective(s.Pos.Line) + "\n")
	}
	b.WriteString("PYC2GO_LOOP void " + name + "(" + strings.Join(params, ", ") + ")\n{\n")
	for _, l := range head {
		b.WriteString(l + "\n")
	}
	if e.cfg.LineDirectives && s.Pos.Line > 0 {
		b.WriteString(e.lineDirective(s.Pos.Line) + "\n")
	}
	for _, l := range loop {
		b.WriteString(l + "\n")
	}
	for _, l := range tail {
		b.WriteString(l + "\n")
	}
	b.WriteString("}\n\n")
	e.rs.funcs = append(e.rs.funcs, b.String())
	return []string{ind(depth) + name + "(" + strings.Join(args, ", ") + ");"}, nil
}

// loopFuncName names the next outlined loop of the function, avoiding the
// module's function names.
func (e *funcEmitter) loopFuncName() string {
	taken := map[string]bool{}
	for _, n := range e.cnames {
		taken[n] = true
	}
	for {
		e.rs.nfuncs++
		n := e.cnames[e.f] + "__loop" + strconv.Itoa(e.rs.nfuncs)
		if !taken[n] {
			return n
		}
	}
}

// markArrays records the arrays s reads the descriptor (a Dim) or
// accesses the data (a Load or a Store) of.
func markArrays(s ir.Stmt, dims, data map[*ir.Var]bool) {
	ir.Inspect(s, func(n ir.Node) bool {
		switch n := n.(type) {
		case *ir.Dim:
			dims[n.Arr] = true
		case *ir.Load:
			data[n.Arr] = true
		case *ir.Store:
			data[n.Arr] = true
		}
		return true
	})
}

// outlinable reports whether s's body can run in a function of its own:
// plain arithmetic on scalars and array elements, with no exit but Break
// and Continue, no call and no whole-array operand.
//
// Concurrent loops stay inline, so that how they run is decided in
// forStmt alone.
func outlinable(s *ir.For) bool {
	ok := true
	ir.WalkStmts(&ir.Block{Stmts: []ir.Stmt{s}}, func(st ir.Stmt) {
		if f, isFor := st.(*ir.For); isFor && f.Concurrent {
			ok = false
		}
		switch st := st.(type) {
		case *ir.Assign:
			if _, arr := st.Dst.Type.(*ir.Array); arr {
				ok = false
			}
		case *ir.Store, *ir.If, *ir.For, *ir.While, *ir.Break, *ir.Continue:
		default:
			ok = false
		}
	})
	ir.WalkExprs(&ir.Block{Stmts: []ir.Stmt{s}}, func(x ir.Expr) {
		switch x := x.(type) {
		case *ir.Call:
			ok = false
		case *ir.VarRef:
			if _, arr := x.V.Type.(*ir.Array); arr {
				ok = false
			}
		}
	})
	return ok
}

// storesInto reports whether b has a Store into v.
func storesInto(b *ir.Block, v *ir.Var) bool {
	found := false
	ir.WalkStmts(b, func(s ir.Stmt) {
		if st, ok := s.(*ir.Store); ok && st.Arr == v {
			found = true
		}
	})
	return found
}
