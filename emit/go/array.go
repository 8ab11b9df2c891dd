package emitgo

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/pyc2go/pyc2go/ir"
)

const fmtPkg = "fmt"

// goTypeOf is the Go type of an IR value type: a scalar's predeclared type,
// or *runtime.Array[T] for every array type, whatever its rank and
// contiguity (see the package doc).
func goTypeOf(t ir.Type) (*jen.Statement, error) {
	switch t := t.(type) {
	case ir.Scalar:
		if t == ir.Invalid || t.Bits() == 0 {
			return nil, fmt.Errorf("invalid scalar type %s", t)
		}
		return goType(t), nil
	case *ir.Array:
		if t.Elem == ir.Invalid || t.Elem.Bits() == 0 || t.Rank < 0 {
			return nil, fmt.Errorf("invalid array type %s", t)
		}
		return arrayType(t), nil
	case *ir.Buffer:
		if t.Elem == ir.Invalid || t.Elem.Bits() == 0 || t.Len < 1 {
			return nil, fmt.Errorf("invalid buffer type %s", t)
		}
		return jen.Index(jen.Lit(int(t.Len))).Add(goType(t.Elem)), nil
	case ir.Generator:
		return generatorType(), nil
	case *ir.List:
		return listType(t) // list.go
	}
	return nil, fmt.Errorf("want a scalar or array type, got %v", t)
}

func arrayType(t *ir.Array) *jen.Statement {
	return jen.Op("*").Qual(runtimePkg, "Array").Types(goType(t.Elem))
}

// zeroValue is the Go zero value of t, for returns with an error.
func zeroValue(t ir.Type) jen.Code {
	switch t := t.(type) {
	case *ir.Array, *ir.List:
		return jen.Nil()
	case ir.Scalar:
		if t == ir.Bool {
			return jen.False()
		}
	}
	return jen.Lit(0)
}

// arrayVar is the Go name of an array variable, marked read.
func (e *funcEmitter) arrayVar(v *ir.Var) (string, *ir.Array, error) {
	if v == nil {
		return "", nil, fmt.Errorf("nil array variable")
	}
	a, ok := v.Type.(*ir.Array)
	if !ok {
		return "", nil, fmt.Errorf("%s: want an array, got %s", v.Name, v.Type)
	}
	name, ok := e.names.vars[v]
	if !ok {
		return "", nil, fmt.Errorf("variable %s is not a parameter or local of %s", v.Name, e.f.Name)
	}
	e.read[v] = true
	return name, a, nil
}

// data is the element slice of v: its local copy of v.Data (see
// dataLocals) when there is one, v.Data otherwise.
func (e *funcEmitter) data(v *ir.Var) (*jen.Statement, error) {
	name, _, err := e.arrayVar(v)
	if err != nil {
		return nil, err
	}
	if e.dataActive(v) {
		return jen.Id(e.dataNames[v]), nil
	}
	return jen.Id(name).Dot("Data"), nil
}

// dim emits an ir.Dim: the layout fields are ints, the IR's are int64.
func (e *funcEmitter) dim(x *ir.Dim) (gx, error) {
	g, err := e.dimInt(x)
	if err != nil {
		return gx{}, err
	}
	return primary(jen.Int64().Call(g)), nil
}

// dimInt is the layout field itself (an int).
func (e *funcEmitter) dimInt(x *ir.Dim) (*jen.Statement, error) {
	name, a, err := e.arrayVar(x.Arr)
	if err != nil {
		return nil, err
	}
	switch x.Kind {
	case ir.Shape, ir.Stride:
		if x.Axis < 0 || x.Axis >= a.Rank {
			return nil, fmt.Errorf("%s: axis %d out of range for rank %d", ir.ExprString(x), x.Axis, a.Rank)
		}
		field := "Shape"
		if x.Kind == ir.Stride {
			field = "Strides"
		}
		return jen.Id(name).Dot(field).Index(jen.Lit(x.Axis)), nil
	case ir.Offset:
		return jen.Id(name).Dot("Offset"), nil
	}
	return nil, fmt.Errorf("unknown dim kind %d", x.Kind)
}

// intExpr emits an int64 IR expression where the runtime wants an int
// (extents, strides, offsets of Alloc and View) without int(int64(...))
// round trips: Dims are their int fields, constants untyped literals, and
// +, - and * of those are computed in int (the same wrapping arithmetic as
// int64 on the 64-bit platforms the runtime's int fields assume); other
// subexpressions are converted with int(...).
func (e *funcEmitter) intExpr(x ir.Expr) (*jen.Statement, error) {
	if x == nil {
		return nil, fmt.Errorf("nil extent, stride or offset")
	}
	if !ir.IsScalar(x.Type(), ir.Int64) {
		return nil, fmt.Errorf("%s: want int64, got %s", ir.ExprString(x), x.Type())
	}
	g, err := e.intGx(x)
	if err != nil {
		return nil, err
	}
	return g.code, nil
}

func (e *funcEmitter) intGx(x ir.Expr) (gx, error) {
	switch x := x.(type) {
	case *ir.Dim:
		c, err := e.dimInt(x)
		return primary(c), err
	case *ir.ConstExpr:
		if x.T == ir.Int64 {
			return constExpr(x)
		}
	case *ir.Unary:
		if x.Op == ir.Neg && !isConst(x.X) {
			g, err := e.intGx(x.X)
			if err != nil {
				return gx{}, err
			}
			return gx{code: jen.Op("-").Add(g.operand(precPrimary, false)), prec: precMul + 1}, nil
		}
	case *ir.Binary:
		info, ok := binOps[x.Op]
		if ok && (x.Op == ir.Add || x.Op == ir.Sub || x.Op == ir.Mul) && !(isConst(x.X) && isConst(x.Y)) {
			l, err := e.intGx(x.X)
			if err != nil {
				return gx{}, err
			}
			r, err := e.intGx(x.Y)
			if err != nil {
				return gx{}, err
			}
			return gx{code: jen.Add(l.operand(info.prec, false)).Op(info.op).Add(r.operand(info.prec, true)), prec: info.prec}, nil
		}
	}
	g, err := e.valueExpr(x)
	if err != nil {
		return gx{}, err
	}
	return primary(jen.Int().Call(g.code)), nil
}

func isConst(x ir.Expr) bool {
	_, ok := x.(*ir.ConstExpr)
	return ok
}

// offset emits the flat element offset of a Load or Store. Go indexes
// slices with any integer type, so the int64 offset is used as is; a
// negative constant (only in code that a check makes unreachable) would
// not compile and is hoisted into a variable.
func (e *funcEmitter) offset(x ir.Expr) (gx, error) {
	if x == nil {
		return gx{}, fmt.Errorf("nil element offset")
	}
	if !ir.IsScalar(x.Type(), ir.Int64) {
		return gx{}, fmt.Errorf("element offset %s: want int64, got %s", ir.ExprString(x), x.Type())
	}
	g, err := e.valueExpr(x)
	if err != nil {
		return gx{}, err
	}
	if c, ok := x.(*ir.ConstExpr); ok && g.konst && c.Value.(int64) < 0 {
		g = e.hoist(g, ir.Int64)
	}
	return g, nil
}

func (e *funcEmitter) load(x *ir.Load) (gx, error) {
	if _, ok := x.Arr.Type.(*ir.Buffer); ok {
		return e.bufferSlot(x.Arr, x.Offset)
	}
	if w, ok := e.window(x.Arr, x.Offset); ok {
		return primary(w), nil
	}
	d, err := e.data(x.Arr)
	if err != nil {
		return gx{}, err
	}
	off, err := e.offset(x.Offset)
	if err != nil {
		return gx{}, err
	}
	return primary(d.Index(off.code)), nil
}

// bufferSlot is element off of an ir.Buffer, a Go array.
func (e *funcEmitter) bufferSlot(buf *ir.Var, off ir.Expr) (gx, error) {
	o, err := e.expr(off)
	if err != nil {
		return gx{}, err
	}
	e.read[buf] = true
	return primary(jen.Id(e.names.vars[buf]).Index(o.code)), nil
}

func (e *funcEmitter) store(s *ir.Store) (jen.Code, error) {
	if b, ok := s.Arr.Type.(*ir.Buffer); ok {
		slot, err := e.bufferSlot(s.Arr, s.Offset)
		if err != nil {
			return nil, err
		}
		if s.Val == nil || !ir.IsScalar(s.Val.Type(), b.Elem) {
			return nil, fmt.Errorf("store into %s: want element type %s", s.Arr.Name, b.Elem)
		}
		v, err := e.valueExpr(s.Val)
		if err != nil {
			return nil, err
		}
		return slot.code.Op("=").Add(v.code), nil
	}
	d, err := e.data(s.Arr)
	if err != nil {
		return nil, err
	}
	a := s.Arr.Type.(*ir.Array)
	if s.Val == nil {
		return nil, fmt.Errorf("store into %s: nil value", s.Arr.Name)
	}
	if !ir.IsScalar(s.Val.Type(), a.Elem) {
		return nil, fmt.Errorf("store into %s: want element type %s, got %s", s.Arr.Name, a.Elem, s.Val.Type())
	}
	if w, ok := e.window(s.Arr, s.Offset); ok {
		v, err := e.valueExpr(s.Val)
		if err != nil {
			return nil, err
		}
		return w.Op("=").Add(v.code), nil
	}
	off, err := e.offset(s.Offset)
	if err != nil {
		return nil, err
	}
	v, err := e.valueExpr(s.Val)
	if err != nil {
		return nil, err
	}
	return d.Index(off.code).Op("=").Add(v.code), nil
}

// alloc: v = runtime.Zeros[T](n0, n1, ...).
func (e *funcEmitter) alloc(s *ir.Alloc) (jen.Code, error) {
	dst, err := e.dst(s.Dst)
	if err != nil {
		return nil, err
	}
	a, ok := s.Dst.Type.(*ir.Array)
	if !ok {
		return nil, fmt.Errorf("alloc %s: want an array variable", s.Dst.Name)
	}
	if len(s.Shape) != a.Rank {
		return nil, fmt.Errorf("alloc %s: want %d extents, got %d", s.Dst.Name, a.Rank, len(s.Shape))
	}
	ext, err := e.intExprs(s.Shape)
	if err != nil {
		return nil, err
	}
	return dst.Op("=").Qual(runtimePkg, "Zeros").Types(goType(a.Elem)).Call(ext...), nil
}

// view: v = &runtime.Array[T]{Data: src.Data, Shape: ..., Strides: ...,
// Offset: ...}. The composite literal is evaluated before the assignment,
// so a view of itself (a = a[1:]) reads the old layout.
func (e *funcEmitter) view(s *ir.View) (jen.Code, error) {
	dst, err := e.dst(s.Dst)
	if err != nil {
		return nil, err
	}
	src, sa, err := e.arrayVar(s.Src)
	if err != nil {
		return nil, err
	}
	da, ok := s.Dst.Type.(*ir.Array)
	if !ok || da.Elem != sa.Elem {
		return nil, fmt.Errorf("view %s of %s: want an array of %s", s.Dst.Name, s.Src.Name, sa.Elem)
	}
	if len(s.Shape) != da.Rank || len(s.Strides) != da.Rank {
		return nil, fmt.Errorf("view %s: want %d extents and strides, got %d and %d", s.Dst.Name, da.Rank, len(s.Shape), len(s.Strides))
	}
	shape, err := e.intExprs(s.Shape)
	if err != nil {
		return nil, err
	}
	strides, err := e.intExprs(s.Strides)
	if err != nil {
		return nil, err
	}
	off, err := e.intExpr(s.Offset)
	if err != nil {
		return nil, err
	}
	lit := jen.Op("&").Qual(runtimePkg, "Array").Types(goType(da.Elem)).Values(
		jen.Id("Data").Op(":").Id(src).Dot("Data"),
		jen.Id("Shape").Op(":").Index().Int().Values(shape...),
		jen.Id("Strides").Op(":").Index().Int().Values(strides...),
		jen.Id("Offset").Op(":").Add(off),
	)
	return dst.Op("=").Add(lit), nil
}

func (e *funcEmitter) intExprs(xs []ir.Expr) ([]jen.Code, error) {
	out := make([]jen.Code, len(xs))
	for i, x := range xs {
		c, err := e.intExpr(x)
		if err != nil {
			return nil, err
		}
		out[i] = c
	}
	return out, nil
}

// message emits an exception message: the literal when there are no
// arguments (a % in it stays a %), else fmt.Sprintf with the IR's verbs,
// %d for integers and %s for arrays, printed as their numpy shape.
func (e *funcEmitter) message(msg string, args []ir.Expr) (jen.Code, error) {
	if len(args) == 0 {
		return jen.Lit(msg), nil
	}
	verbs, err := msgVerbs(msg)
	if err != nil {
		return nil, err
	}
	if len(verbs) != len(args) {
		return nil, fmt.Errorf("message %q: want %d arguments, got %d", msg, len(verbs), len(args))
	}
	vals := []jen.Code{jen.Lit(msg)}
	for i, a := range args {
		g, err := e.valueExpr(a)
		if err != nil {
			return nil, err
		}
		switch t := a.Type(); verbs[i] {
		case 'd':
			if s, ok := t.(ir.Scalar); !ok || !s.IsInt() {
				return nil, fmt.Errorf("message %q: argument %d: %%d wants an integer, got %s", msg, i, t)
			}
			vals = append(vals, g.code)
		case 's':
			if _, ok := t.(*ir.Array); !ok {
				return nil, fmt.Errorf("message %q: argument %d: %%s wants an array, got %s", msg, i, t)
			}
			vals = append(vals, jen.Qual(runtimePkg, "ShapeString").Call(g.code.Dot("Shape")))
		}
	}
	return jen.Qual(fmtPkg, "Sprintf").Call(vals...), nil
}

// msgVerbs lists the verbs of msg (%% is a literal percent sign).
func msgVerbs(msg string) ([]byte, error) {
	var verbs []byte
	for i := 0; i < len(msg); i++ {
		if msg[i] != '%' {
			continue
		}
		i++
		if i == len(msg) {
			return nil, fmt.Errorf("message %q ends in %%", msg)
		}
		switch msg[i] {
		case '%':
		case 'd', 's':
			verbs = append(verbs, msg[i])
		default:
			return nil, fmt.Errorf("message %q: unknown verb %%%c (want %%d or %%s)", msg, msg[i])
		}
	}
	return verbs, nil
}

// usesFmt reports whether f formats a message (and so needs the name fmt).
func usesFmt(f *ir.Func) bool {
	found := false
	ir.WalkStmts(f.Body, func(s ir.Stmt) {
		switch s := s.(type) {
		case *ir.Check:
			found = found || len(s.Args) > 0
		case *ir.Raise:
			found = found || len(s.Args) > 0
		}
	})
	return found
}

// dataLocals names the local copies of array variables' Data slices
// (aData for a). Inner loops then index a slice held in registers
// (aData[off]) instead of loading a.Data through the pointer at every
// access, which the Go compiler does not hoist out of loops because any
// store might change it. Generated code never assigns the Data field of an
// existing array, so a copy stays valid until the variable itself is
// assigned, and every statement that assigns it (Alloc, View, Assign, a
// call result) is followed by vData = v.Data. Parameters the function never
// assigns ("fixed") get aData := a.Data at the top, and nothing more.
func (e *funcEmitter) dataLocals() {
	e.dataNames = map[*ir.Var]string{}
	e.fixed = map[*ir.Var]bool{}
	assigned := map[*ir.Var]bool{}
	ir.WalkStmts(e.f.Body, func(s ir.Stmt) {
		for _, v := range assignedArrays(s) {
			assigned[v] = true
		}
	})
	for _, vs := range [][]*ir.Var{e.f.Params, e.f.Locals, ir.LoopLocals(e.f)} {
		for _, v := range vs {
			if _, ok := v.Type.(*ir.Array); ok {
				e.dataNames[v] = e.names.fresh(e.names.vars[v] + "Data")
				e.fixed[v] = v.Param && !assigned[v]
			}
		}
	}
}

// assignedArrays lists the array variables s itself assigns.
func assignedArrays(s ir.Stmt) []*ir.Var {
	var vs []*ir.Var
	switch s := s.(type) {
	case *ir.Assign:
		vs = []*ir.Var{s.Dst}
	case *ir.CallStmt:
		vs = s.Dsts
	case *ir.Alloc:
		vs = []*ir.Var{s.Dst}
	case *ir.View:
		vs = []*ir.Var{s.Dst}
	}
	var out []*ir.Var
	for _, v := range vs {
		if v == nil {
			continue
		}
		if _, ok := v.Type.(*ir.Array); ok {
			out = append(out, v)
		}
	}
	return out
}

// dataActive reports whether v's Load and Store go through its Data copy.
func (e *funcEmitter) dataActive(v *ir.Var) bool {
	_, ok := e.dataNames[v]
	return ok && (e.dataUse == nil || e.dataUse[v])
}

// dataVarDecls declares the copies of variables that are assigned in the
// body (with the function's other locals).
func (e *funcEmitter) dataVarDecls() []jen.Code {
	var decls []jen.Code
	for _, v := range e.f.Locals {
		if e.dataActive(v) {
			decls = append(decls, jen.Id(e.dataNames[v]).Index().Add(goType(v.Type.(*ir.Array).Elem)))
		}
	}
	return decls
}

// dataInits copies the Data slices of parameters at the top.
func (e *funcEmitter) dataInits() []jen.Code {
	var inits []jen.Code
	for _, p := range e.f.Params {
		if e.dataActive(p) {
			inits = append(inits, jen.Id(e.dataNames[p]).Op(":=").Add(e.dataOf(p)))
		}
	}
	return inits
}

// dataUpdates refreshes the copies of the arrays s assigns that are read
// before their next assignment (see deadRefreshes).
func (e *funcEmitter) dataUpdates(s ir.Stmt) []jen.Code {
	var out []jen.Code
	for _, v := range assignedArrays(s) {
		if e.dataActive(v) && !e.deadData[s][v] {
			out = append(out, jen.Id(e.dataNames[v]).Op("=").Add(e.dataOf(v)))
		}
	}
	return out
}

// dataOf reads v's Data: v.Data, or runtime.DataOf(v), nil for no array,
// when v is Nullable (an optional array may hold none).
func (e *funcEmitter) dataOf(v *ir.Var) *jen.Statement {
	if v.Nullable {
		return jen.Qual(runtimePkg, "DataOf").Call(jen.Id(e.names.vars[v]))
	}
	return jen.Id(e.names.vars[v]).Dot("Data")
}

// indexedData returns the variables whose Data copy body indexes. It reads
// the rendered body rather than tracking emission, because some emitters
// drop an argument they have emitted (imag of a float is 0). If the body
// does not render on its own, no copies are made.
func (e *funcEmitter) indexedData(body []jen.Code) map[*ir.Var]bool {
	used := map[*ir.Var]bool{}
	src := codeString(jen.Block(body...))
	if src == "" {
		return used
	}
	for v, d := range e.dataNames {
		re := regexp.MustCompile(`(^|[^\p{L}\p{N}_])` + regexp.QuoteMeta(d) + `\[`)
		if re.MatchString(src) {
			used[v] = true
		}
	}
	return used
}

// An arrayIntrinsicFunc emits an intrinsic that takes or returns arrays,
// given its emitted arguments and their IR types.
type arrayIntrinsicFunc func(e *funcEmitter, args []gx, ts []ir.Type, res ir.Type) (gx, error)

// arrayIntrinsicFuncs maps the array intrinsics (and the slice arithmetic
// that comes with them) to runtime helpers.
var arrayIntrinsicFuncs = map[string]arrayIntrinsicFunc{
	"list_len":     listLen, // list.go
	"list_get":     listGet,
	"slice_adjust": int64Helper("SliceAdjust"),
	"slice_len":    int64Helper("SliceLen"),
	"trip_count":   int64Helper("TripCount"),
	"chunks":       int64Helper("Chunks"),
	"chunk_lo":     int64Helper("ChunkLo"),
	"chunk_hi":     int64Helper("ChunkHi"),
	"overlaps": func(e *funcEmitter, a []gx, ts []ir.Type, res ir.Type) (gx, error) {
		d, ok1 := ts[0].(*ir.Array)
		s, ok2 := ts[1].(*ir.Array)
		if !ok1 || !ok2 || d.Elem != s.Elem || !ir.IsScalar(res, ir.Bool) {
			return gx{}, fmt.Errorf("want two arrays of one element type and a bool result")
		}
		return rt("Overlaps", a[0].code, a[1].code), nil
	},
	"may_share": func(e *funcEmitter, a []gx, ts []ir.Type, res ir.Type) (gx, error) {
		d, ok1 := ts[0].(*ir.Array)
		s, ok2 := ts[1].(*ir.Array)
		if !ok1 || !ok2 || d.Elem != s.Elem || !ir.IsScalar(res, ir.Bool) {
			return gx{}, fmt.Errorf("want two arrays of one element type and a bool result")
		}
		return rt("MayShare", a[0].code, a[1].code), nil
	},
	"none": func(e *funcEmitter, a []gx, ts []ir.Type, res ir.Type) (gx, error) {
		if _, ok := res.(*ir.Array); !ok {
			return gx{}, fmt.Errorf("want an array result")
		}
		return primary(jen.Nil()), nil
	},
	"is_none": func(e *funcEmitter, a []gx, ts []ir.Type, res ir.Type) (gx, error) {
		if _, ok := ts[0].(*ir.Array); !ok || !ir.IsScalar(res, ir.Bool) {
			return gx{}, fmt.Errorf("want an array and a bool result")
		}
		return gx{code: a[0].code.Clone().Op("==").Nil(), prec: precCmp}, nil
	},
	"is_c_contig": func(e *funcEmitter, a []gx, ts []ir.Type, res ir.Type) (gx, error) {
		if _, ok := ts[0].(*ir.Array); !ok || !ir.IsScalar(res, ir.Bool) {
			return gx{}, fmt.Errorf("want an array and a bool result")
		}
		return primary(a[0].code.Dot("IsCContiguous").Call()), nil
	},
	"np_sum": func(e *funcEmitter, a []gx, ts []ir.Type, res ir.Type) (gx, error) {
		t, ok := ts[0].(*ir.Array)
		switch {
		case !ok || !ir.IsScalar(res, t.Elem):
		case t.Elem.IsFloat():
			return rt("SumFloat", a[0].code), nil
		case t.Elem.IsComplex():
			return rt("SumComplex", a[0].code), nil
		}
		return gx{}, fmt.Errorf("want a float or complex array and its element type")
	},
	"np_prod": func(e *funcEmitter, a []gx, ts []ir.Type, res ir.Type) (gx, error) {
		if t, ok := ts[0].(*ir.Array); ok && t.Elem.IsFloat() && ir.IsScalar(res, t.Elem) {
			return rt("ProdFloat", a[0].code), nil
		}
		return gx{}, fmt.Errorf("want a float array and its element type")
	},
	"np_cprod": func(e *funcEmitter, a []gx, ts []ir.Type, res ir.Type) (gx, error) {
		if t, ok := ts[0].(*ir.Array); ok && t.Elem.IsComplex() && ir.IsScalar(res, t.Elem) {
			return rt("ProdComplex", a[0].code), nil
		}
		return gx{}, fmt.Errorf("want a complex array and its element type")
	},
	"np_zeros_k": func(e *funcEmitter, a []gx, ts []ir.Type, res ir.Type) (gx, error) {
		_, ok0 := ts[0].(*ir.Array)
		_, ok1 := ts[1].(*ir.Array)
		r, ok := res.(*ir.Array)
		if !ok0 || !ok1 || !ok {
			return gx{}, fmt.Errorf("want two arrays and an array result")
		}
		x, y := a[0].code, a[1].code
		return primary(jen.Qual(runtimePkg, "ZerosLayout2").Types(goType(r.Elem)).Call(
			jen.Lit(r.Rank), jen.Add(x).Dot("Shape"), jen.Add(x).Dot("Strides"), jen.Add(y).Dot("Shape"), jen.Add(y).Dot("Strides"))), nil
	},
	"np_matmul": func(e *funcEmitter, a []gx, ts []ir.Type, res ir.Type) (gx, error) {
		x, ok0 := ts[0].(*ir.Array)
		y, ok1 := ts[1].(*ir.Array)
		r, ok := res.(*ir.Array)
		if !ok0 || !ok1 || !ok || x.Rank != 2 || y.Rank != 2 || r.Rank != 2 || x.Elem != y.Elem || r.Elem != x.Elem || !x.Elem.IsFloat() {
			return gx{}, fmt.Errorf("want two 2-d float arrays of one element type and their product")
		}
		return primary(jen.Qual(linalgPkg, "Product").Call(a[0].code, a[1].code)), nil
	},
	"np_sum_axis": func(e *funcEmitter, a []gx, ts []ir.Type, res ir.Type) (gx, error) {
		t, ok := ts[0].(*ir.Array)
		r, ok2 := res.(*ir.Array)
		if !ok || !ok2 || r.Elem != t.Elem || r.Rank != t.Rank-1 || !ir.IsScalar(ts[1], ir.Int64) {
			return gx{}, fmt.Errorf("want an array, an int64 axis and an array of one rank less")
		}
		axis := a[1].code
		if !a[1].untyped {
			axis = jen.Int().Call(axis)
		}
		switch {
		case t.Elem.IsFloat():
			return rt("SumAxis", a[0].code, axis), nil
		case t.Elem.IsComplex():
			return rt("SumAxisComplex", a[0].code, axis), nil
		}
		return gx{}, fmt.Errorf("want a float or complex array")
	},
	"np_mean": func(e *funcEmitter, a []gx, ts []ir.Type, res ir.Type) (gx, error) {
		if t, ok := ts[0].(*ir.Array); ok && t.Elem.IsFloat() && ir.IsScalar(res, t.Elem) {
			return rt("MeanFloat", a[0].code), nil
		}
		return gx{}, fmt.Errorf("want a float array and its element type")
	},
}

// int64Helper calls a runtime helper whose parameters and result are int64.
func int64Helper(name string) arrayIntrinsicFunc {
	return func(e *funcEmitter, a []gx, ts []ir.Type, res ir.Type) (gx, error) {
		for _, t := range append(ts, res) {
			if !ir.IsScalar(t, ir.Int64) {
				return gx{}, fmt.Errorf("want int64 arguments and result")
			}
		}
		args := make([]*jen.Statement, len(a))
		for i := range a {
			args[i] = a[i].code
		}
		return rt(name, args...), nil
	}
}

func (e *funcEmitter) arrayIntrinsic(x *ir.Intrinsic, fn arrayIntrinsicFunc) (gx, error) {
	if x.T == nil {
		return gx{}, fmt.Errorf("intrinsic %s: no result type", x.Name)
	}
	args := make([]gx, len(x.Args))
	ts := make([]ir.Type, len(x.Args))
	names := make([]string, len(x.Args))
	for i, a := range x.Args {
		ts[i] = a.Type()
		names[i] = ts[i].String()
		g, err := e.valueExpr(a)
		if err != nil {
			return gx{}, err
		}
		args[i] = g
	}
	g, err := fn(e, args, ts, x.T)
	if err != nil {
		return gx{}, fmt.Errorf("intrinsic %s(%s): %w", x.Name, strings.Join(names, ", "), err)
	}
	return g, nil
}
