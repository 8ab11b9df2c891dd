package typeinfer

import (
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-python/gpython/ast"

	"github.com/pyc2go/pyc2go/frontend"
	"github.com/pyc2go/pyc2go/ir"
)

// OverloadName is the name of the k-th (0-based) signature of a function
// exported several times by `#pythran export` comments: the first keeps
// the Python name, the others get _2, _3, ... in the order of the export
// lines. Func.Name (and so ir.Func.Name, the Go name and the harness's
// function list) is this name; Func.PyName stays the Python name.
func OverloadName(name string, k int) string {
	if k == 0 {
		return name
	}
	return name + "_" + strconv.Itoa(k+1)
}

var pythranOrder = regexp.MustCompile(`\s*\border\s*\(\s*([A-Za-z]*)\s*\)$`)

// pythranScalars are the scalar type names of Pythran's export syntax.
// Python's int/float/complex/bool keep their Python meaning, as they do in
// annotations; the sized names are numpy scalars.
var pythranScalars = map[string]ir.Scalar{
	"int": ir.Int64, "float": ir.Float64, "complex": ir.Complex128, "bool": ir.Bool,
	"int8": ir.Int8, "int16": ir.Int16, "int32": ir.Int32, "int64": ir.Int64,
	"uint8": ir.Uint8, "uint16": ir.Uint16, "uint32": ir.Uint32, "uint64": ir.Uint64,
	"float32": ir.Float32, "float64": ir.Float64, "complex64": ir.Complex64, "complex128": ir.Complex128,
}

// pythranDtypes are the element types of Pythran array types: Python's
// names mean numpy's default dtypes (int is int64 on the platforms numpy
// 1.24 and pyc2go target).
var pythranDtypes = map[string]ir.Scalar{
	"int": ir.Int64, "float": ir.Float64, "complex": ir.Complex128, "bool": ir.Bool,
}

// pythranType parses one parameter type of a Pythran export line.
func pythranType(text string) (ir.Type, string) {
	s := strings.TrimSpace(text)
	if m := pythranOrder.FindStringSubmatch(s); m != nil {
		switch m[1] {
		case "F":
			return nil, "order(F) arrays are not supported; pass a C-ordered array"
		case "C":
			s = strings.TrimSpace(s[:len(s)-len(m[0])])
		default:
			return nil, fmt.Sprintf("unknown array order '%s' in pythran export; write order(C) or leave it out", m[1])
		}
	}
	unsupported := func(what string) (ir.Type, string) {
		return nil, fmt.Sprintf("unsupported in pythran export: %s \"%s\"; use scalars and arrays such as float64[:, :]", what, text)
	}
	switch {
	case strings.HasPrefix(s, "("):
		return unsupported("tuple type")
	case strings.HasSuffix(s, " list"), strings.HasSuffix(s, "]list"):
		return unsupported("list type")
	case strings.HasSuffix(s, " set"):
		return unsupported("set type")
	case strings.HasSuffix(s, " dict"), strings.Contains(s, ":") && !strings.Contains(s, "["):
		return unsupported("dict type")
	case strings.Contains(s, " or "):
		return unsupported("alternative types inside a type (or more than 64 combinations)")
	}
	open := strings.IndexByte(s, '[')
	if open < 0 {
		if t, ok := pythranScalars[s]; ok {
			return t, ""
		}
		switch s {
		case "str", "None", "slice":
			return unsupported("type")
		}
		return nil, fmt.Sprintf("unknown type '%s' in pythran export; known: %s and arrays such as float64[:, :]", s, strings.Join(sortedKeys(pythranScalars), " "))
	}
	name := strings.TrimSpace(s[:open])
	elem, ok := pythranDtypes[name]
	if !ok {
		elem, ok = dtypeName(name)
	}
	if !ok {
		return nil, unknownDtype(name)
	}
	// Axes: T[:, :] (one bracket, comma-separated) or T[][] (one empty
	// bracket per axis); an axis is written ':' (or '::').
	rank := 0
	rest := s[open:]
	form := fmt.Sprintf("bad array type \"%s\" in pythran export; write %s[:], %s[:, :], ... or %s[][]", text, name, name, name)
	for rest != "" {
		if rest[0] != '[' {
			return nil, form
		}
		cl := strings.IndexByte(rest, ']')
		if cl < 0 {
			return nil, form
		}
		inner := strings.ReplaceAll(rest[1:cl], " ", "")
		if inner == "" {
			rank++
		} else {
			for _, d := range strings.Split(inner, ",") {
				if d != ":" && d != "::" {
					return nil, form
				}
				rank++
			}
		}
		rest = strings.TrimLeft(rest[cl+1:], " ")
	}
	if rank > 4 {
		return nil, fmt.Sprintf("unsupported: arrays of rank %d; ranks 1 to 4 are supported", rank)
	}
	return &ir.Array{Elem: elem, Rank: rank}, ""
}

func sortedKeys(m map[string]ir.Scalar) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	for i := range ks {
		for j := i + 1; j < len(ks); j++ {
			if ks[j] < ks[i] {
				ks[i], ks[j] = ks[j], ks[i]
			}
		}
	}
	return ks
}

// exportsByFunc groups the file's export signatures by function name,
// reporting those that name no function of the module.
func (c *checker) exportsByFunc() map[string][]*frontend.Export {
	out := map[string][]*frontend.Export{}
	defs := map[string]bool{}
	for _, s := range c.f.Module.Body {
		if d, ok := s.(*ast.FunctionDef); ok {
			defs[string(d.Name)] = true
		}
	}
	for i := range c.f.Exports {
		e := &c.f.Exports[i]
		if !defs[e.Func] {
			c.errorAt(e.Pos, "pythran export of '%s', which is not a function of this module", e.Func)
			continue
		}
		out[e.Func] = append(out[e.Func], expandAlternatives(e)...)
	}
	return out
}

// maxAlternatives bounds the signatures one export line may expand to.
const maxAlternatives = 64

// expandAlternatives turns a signature with alternatives, as Pythran
// writes them (`f(float32[:] or float64[:], int)`), into one signature
// per combination, the first parameter's alternatives varying slowest
// (so the overloads are numbered in reading order).
func expandAlternatives(e *frontend.Export) []*frontend.Export {
	alts := make([][]frontend.ExportParam, len(e.Params))
	n := 1
	for i, p := range e.Params {
		alts[i] = splitOr(p)
		n *= len(alts[i])
		if n > maxAlternatives {
			return []*frontend.Export{e} // reported as unsupported by pythranType
		}
	}
	if n == 1 {
		return []*frontend.Export{e}
	}
	out := []*frontend.Export{}
	var rec func(i int, ps []frontend.ExportParam)
	rec = func(i int, ps []frontend.ExportParam) {
		if i == len(alts) {
			x := *e
			x.Params = append([]frontend.ExportParam(nil), ps...)
			out = append(out, &x)
			return
		}
		for _, a := range alts[i] {
			rec(i+1, append(ps, a))
		}
	}
	rec(0, nil)
	return out
}

// splitOr splits "T1 or T2" at the word "or" outside brackets.
func splitOr(p frontend.ExportParam) []frontend.ExportParam {
	var out []frontend.ExportParam
	text := p.Text
	depth, start := 0, 0
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '[', '(', '{':
			depth++
		case ']', ')', '}':
			depth--
		case ' ', '\t':
			if depth == 0 && strings.HasPrefix(text[i+1:], "or") && i+3 < len(text) && (text[i+3] == ' ' || text[i+3] == '\t') {
				out = append(out, altParam(p, start, i))
				start = i + 3
				i += 2
			}
		}
	}
	if out == nil {
		return []frontend.ExportParam{p}
	}
	return append(out, altParam(p, start, len(text)))
}

func altParam(p frontend.ExportParam, s, e int) frontend.ExportParam {
	sub := p.Text[s:e]
	trimmed := strings.TrimLeft(sub, " \t")
	s += len(sub) - len(trimmed)
	pos := p.Pos
	pos.Col += utf8.RuneCountInString(p.Text[:s])
	return frontend.ExportParam{Text: strings.TrimRight(trimmed, " \t"), Pos: pos}
}

// exportParams gives the parameters of fn the types of its export
// signature; it reports a parameter whose annotation disagrees.
func (c *checker) exportParams(fn *Func, all []*ast.Arg) {
	ex := fn.Export
	required := 0
	for i := range all {
		if i >= len(fn.Defaults) || fn.Defaults[i] == nil {
			required = i + 1
		}
	}
	if len(ex.Params) > len(all) || len(ex.Params) < required {
		c.errorAt(ex.Pos, "pythran export of %s gives %s but %s() takes %s", fn.PyName, plural(len(ex.Params), "parameter type"), fn.PyName, argCount(required, len(all)))
		return
	}
	fn.exportTypes = make([]ir.Type, len(all))
	fn.exportOK = true
	for i, p := range ex.Params {
		t, msg := pythranType(p.Text)
		if msg != "" {
			c.errorAt(p.Pos, "%s", msg)
			fn.exportOK = false
			continue
		}
		fn.exportTypes[i] = t
	}
}

func argCount(req, all int) string {
	switch {
	case req == all && all == 1:
		return "1 parameter"
	case req == all:
		return fmt.Sprintf("%d parameters", all)
	}
	return fmt.Sprintf("%d to %d parameters", req, all)
}

// cloneDef deep-copies a function definition so that every overload has
// its own AST nodes: Info is keyed by node, and the same expression has a
// different type in each overload. Positions are kept, and the side
// tables of annotated statements and `@` operators (c.annots,
// Info.MatMul: typeinfer's copies of the File's) get entries for the
// copies.
func (c *checker) cloneDef(d *ast.FunctionDef) *ast.FunctionDef {
	copies := map[any]any{}
	v := cloneValue(reflect.ValueOf(d), copies)
	for old, nw := range copies {
		if s, ok := old.(ast.Stmt); ok {
			if va := c.annots[s]; va != nil {
				va2 := *va
				va2.Annot = cloneValue(reflect.ValueOf(va.Annot), map[any]any{}).Interface().(ast.Expr)
				c.annots[nw.(ast.Stmt)] = &va2
			}
		}
		if b, ok := old.(*ast.BinOp); ok && c.info.MatMul[b] {
			c.info.MatMul[nw.(*ast.BinOp)] = true
		}
	}
	return v.Interface().(*ast.FunctionDef)
}

var astPkg = reflect.TypeOf(ast.Module{}).PkgPath()

func cloneValue(v reflect.Value, copies map[any]any) reflect.Value {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || v.Elem().Kind() != reflect.Struct || v.Elem().Type().PkgPath() != astPkg {
			return v
		}
		nv := reflect.New(v.Elem().Type())
		nv.Elem().Set(v.Elem())
		for i := 0; i < nv.Elem().NumField(); i++ {
			fv := nv.Elem().Field(i)
			if fv.CanSet() {
				fv.Set(cloneValue(fv, copies))
			}
		}
		copies[v.Interface()] = nv.Interface()
		return nv
	case reflect.Interface:
		if v.IsNil() {
			return v
		}
		c := cloneValue(v.Elem(), copies)
		out := reflect.New(v.Type()).Elem()
		out.Set(c)
		return out
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		ns := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := 0; i < v.Len(); i++ {
			ns.Index(i).Set(cloneValue(v.Index(i), copies))
		}
		return ns
	case reflect.Struct:
		// Embedded value structs (ast.Pos, ExprBase, StmtBase) hold no
		// pointers to nodes; a copy of the value suffices.
		return v
	}
	return v
}

func ordinal(n int) string {
	switch n {
	case 1:
		return "1st"
	case 2:
		return "2nd"
	case 3:
		return "3rd"
	}
	return strconv.Itoa(n) + "th"
}

// sameArray reports whether a and b are arrays of one dtype and rank (a
// contiguous argument fits a strided parameter).
func sameArray(a, b ir.Type) bool {
	x, ok1 := a.(*ir.Array)
	y, ok2 := b.(*ir.Array)
	return ok1 && ok2 && x.Elem == y.Elem && x.Rank == y.Rank
}
