package ir

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Print returns the text form of m. It is deterministic (no pointers, no map
// order) so it can be compared in golden tests and read in --dump-ir.
func Print(m *Module) string {
	var p printer
	p.printf("module %s\n", m.File)
	for _, c := range m.Consts {
		p.printf("const %s %s = %s  # %s\n", c.Name, c.Value.T, exprString(c.Value), c.Pos)
	}
	for _, f := range m.Funcs {
		p.printf("\n")
		p.fn(f)
	}
	return p.String()
}

// PrintFunc returns the text form of one function.
func PrintFunc(f *Func) string {
	var p printer
	p.fn(f)
	return p.String()
}

type printer struct {
	strings.Builder
	depth int
}

func (p *printer) printf(format string, args ...any) { fmt.Fprintf(p, format, args...) }

func (p *printer) line(pos Pos, format string, args ...any) {
	p.WriteString(strings.Repeat("  ", p.depth))
	p.printf(format, args...)
	if pos.Line != 0 {
		p.printf("  # %s", pos)
	}
	p.WriteByte('\n')
}

func (p *printer) fn(f *Func) {
	var params []string
	for i, v := range f.Params {
		if f.KwOnly > 0 && i == len(f.Params)-f.KwOnly {
			params = append(params, "*")
		}
		s := v.Name + " " + v.Type.String() + nullMark(v)
		if v.ReadOnly {
			s += " readonly"
		}
		if i < len(f.Defaults) && f.Defaults[i] != nil {
			s += " = " + constString(f.Defaults[i])
		}
		params = append(params, s)
	}
	raises := ""
	if f.Raises {
		raises = " raises"
	}
	name := f.Name
	if f.PyName != "" && f.PyName != f.Name {
		name += " as " + f.PyName
	}
	p.line(f.Pos, "func %s(%s) %s%s {", name, strings.Join(params, ", "), f.Result, raises)
	p.depth++
	for _, pp := range f.PyParams {
		p.line(Pos{}, "pyparam %s %s", pp.Name, pp.Type)
	}
	if f.PyResult != nil {
		p.line(Pos{}, "pyresult %s", f.PyResult)
	}
	for _, v := range f.Locals {
		p.line(Pos{}, "var %s %s%s", v.Name, v.Type, nullMark(v))
	}
	p.stmts(f.Body)
	p.depth--
	p.line(Pos{}, "}")
}

// nullMark is the "?" after the type of a Nullable variable.
func nullMark(v *Var) string {
	if v.Nullable {
		return "?"
	}
	return ""
}

func (p *printer) block(b *Block) {
	p.depth++
	p.stmts(b)
	p.depth--
}

func (p *printer) stmts(b *Block) {
	if b == nil {
		return
	}
	for _, s := range b.Stmts {
		p.stmt(s)
	}
}

func (p *printer) stmt(s Stmt) {
	switch s := s.(type) {
	case *Assign:
		p.line(s.Pos, "%s = %s", s.Dst.Name, exprString(s.Src))
	case *Store:
		p.line(s.Pos, "%s[%s] = %s", s.Arr.Name, exprString(s.Offset), exprString(s.Val))
	case *CallStmt:
		dsts := make([]string, len(s.Dsts))
		for i, d := range s.Dsts {
			dsts[i] = "_"
			if d != nil {
				dsts[i] = d.Name
			} else if s.Call != nil && s.Call.Fn != nil && s.Call.Fn.Lib != nil {
				// A library call's result types are its destinations':
				// a discarded one carries its type.
				dsts[i] = "_:" + ResultTypes(s.Call.Fn.Result)[i].String()
			}
		}
		lhs := ""
		if len(dsts) > 0 {
			lhs = strings.Join(dsts, ", ") + " = "
		}
		p.line(s.Pos, "%scall %s", lhs, callString(s.Call))
	case *If:
		p.line(s.Pos, "if %s {", exprString(s.Cond))
		p.block(s.Then)
		if s.Else != nil && len(s.Else.Stmts) > 0 {
			p.line(Pos{}, "} else {")
			p.block(s.Else)
		}
		p.line(Pos{}, "}")
	case *For:
		kw := "for"
		if s.Parallel {
			kw = "parallel for"
		}
		if s.Cold {
			kw = "cold " + kw
		}
		if s.Concurrent {
			kw = "concurrent " + kw
		}
		win := ""
		if len(s.Windows) > 0 {
			ws := make([]string, len(s.Windows))
			for i, w := range s.Windows {
				ws[i] = varName(w.Arr) + "@" + varName(w.Base)
			}
			win = " window(" + strings.Join(ws, ", ") + ")"
		}
		if len(s.Restrict) > 0 {
			rs := make([]string, len(s.Restrict))
			for i, r := range s.Restrict {
				rs[i] = varName(r)
			}
			win += " restrict(" + strings.Join(rs, ", ") + ")"
		}
		if len(s.Locals) > 0 {
			ls := make([]string, len(s.Locals))
			for i, l := range s.Locals {
				ls[i] = varName(l) + " " + typeString(l.Type) + nullMark(l)
			}
			win += " local(" + strings.Join(ls, ", ") + ")"
		}
		p.line(s.Pos, "%s %s = range(%s, %s, %s)%s {", kw, s.Var.Name, exprString(s.Start), exprString(s.Stop), exprString(s.Step), parString(s.Par)+win)
		p.block(s.Body)
		p.line(Pos{}, "}")
	case *While:
		if s.Cond == nil {
			p.line(s.Pos, "while {")
		} else {
			p.line(s.Pos, "while %s {", exprString(s.Cond))
		}
		p.block(s.Body)
		p.line(Pos{}, "}")
	case *Break:
		p.line(s.Pos, "break")
	case *Continue:
		p.line(s.Pos, "continue")
	case *Return:
		vals := make([]string, len(s.Values))
		for i, v := range s.Values {
			vals[i] = exprString(v)
		}
		if len(vals) == 0 {
			p.line(s.Pos, "return")
		} else {
			p.line(s.Pos, "return %s", strings.Join(vals, ", "))
		}
	case *Raise:
		p.line(s.Pos, "raise %s(%s%s)", s.Exc, strconv.Quote(s.Msg), argList(s.Args))
	case *Check:
		p.line(s.Pos, "check %s else %s(%s%s)", exprString(s.Cond), s.Exc, strconv.Quote(s.Msg), argList(s.Args))
	case *Alloc:
		p.line(s.Pos, "%s = alloc(%s)", s.Dst.Name, exprList(s.Shape))
	case *View:
		p.line(s.Pos, "%s = view %s offset %s shape (%s) strides (%s)", s.Dst.Name, s.Src.Name,
			exprString(s.Offset), exprList(s.Shape), exprList(s.Strides))
	case *Random:
		p.line(s.Pos, "%s", randomString(s))
	default:
		p.line(Pos{}, "<unknown stmt %T>", s)
	}
}

var binOpNames = [...]string{
	Add: "+", Sub: "-", Mul: "*", Div: "/", BitAnd: "&", BitOr: "|", BitXor: "^",
	Shl: "<<", Shr: ">>", AndAnd: "&&", OrOr: "||",
	Eq: "==", Ne: "!=", Lt: "<", Le: "<=", Gt: ">", Ge: ">=",
}

func (op BinOp) String() string {
	if int(op) < len(binOpNames) && binOpNames[op] != "" {
		return binOpNames[op]
	}
	return fmt.Sprintf("binop(%d)", int(op))
}

func (op UnOp) String() string {
	switch op {
	case Neg:
		return "-"
	case Not:
		return "!"
	case BitNot:
		return "^"
	}
	return fmt.Sprintf("unop(%d)", int(op))
}

func (k DimKind) String() string {
	switch k {
	case Shape:
		return "shape"
	case Stride:
		return "stride"
	case Offset:
		return "offset"
	}
	return fmt.Sprintf("dim(%d)", int(k))
}

// ExprString returns the text form of one expression: fully parenthesised
// binary operations, so the printed tree is unambiguous.
func ExprString(e Expr) string { return exprString(e) }

func exprString(e Expr) string {
	switch e := e.(type) {
	case nil:
		return "<nil>"
	case *ConstExpr:
		return constString(e)
	case *VarRef:
		return e.V.Name
	case *Unary:
		if _, ok := e.X.(*ConstExpr); ok {
			// -(1.0) negates a constant; -1.0 is one.
			return e.Op.String() + "(" + exprString(e.X) + ")"
		}
		return e.Op.String() + exprString(e.X)
	case *Binary:
		return "(" + exprString(e.X) + " " + e.Op.String() + " " + exprString(e.Y) + ")"
	case *Convert:
		return e.T.String() + "(" + exprString(e.X) + ")"
	case *Intrinsic:
		if !Identical(e.T, intrinsicResult(e.Name, e.Args)) {
			// The text form leaves out the result type when the
			// intrinsic's usual rule gives it, and spells it out
			// otherwise: name:type(args).
			return e.Name + ":" + typeString(e.T) + "(" + exprList(e.Args) + ")"
		}
		return e.Name + "(" + exprList(e.Args) + ")"
	case *Call:
		if LookupIntrinsic(e.Fn.Name) != nil {
			// A function named like an intrinsic (def floordiv) is
			// called as @floordiv(a, b) inside expressions.
			return "@" + callString(e)
		}
		if _, ok := scalarNamed(e.Fn.Name); ok {
			return "@" + callString(e)
		}
		return callString(e)
	case *Dim:
		return fmt.Sprintf("%s.%s[%d]", e.Arr.Name, e.Kind, e.Axis)
	case *Load:
		return e.Arr.Name + "[" + exprString(e.Offset) + "]"
	}
	return fmt.Sprintf("<unknown expr %T>", e)
}

// argList prints message arguments after the message: `, a, b`.
func argList(es []Expr) string {
	if len(es) == 0 {
		return ""
	}
	return ", " + exprList(es)
}

func exprList(es []Expr) string {
	parts := make([]string, len(es))
	for i, a := range es {
		parts[i] = exprString(a)
	}
	return strings.Join(parts, ", ")
}

// constString prints Python-default types bare (3, 2.5, true, (1+2j)) and
// sized types with a conversion, so a float32 constant is visible as such.
func constString(c *ConstExpr) string {
	var s string
	switch v := c.Value.(type) {
	case int64:
		s = strconv.FormatInt(v, 10)
	case float64:
		s = floatString(v)
	case bool:
		s = strconv.FormatBool(v)
	case complex128:
		s = "(" + floatString(real(v)) + "+" + floatString(imag(v)) + "i)"
	default:
		s = fmt.Sprintf("<bad const %T>", c.Value)
	}
	if bareConst(c.T) {
		return s
	}
	return c.T.String() + "(" + s + ")"
}

func floatString(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f) && math.Signbit(f):
		return "-nan"
	case math.IsNaN(f):
		return "nan"
	}
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eIn") {
		s += ".0"
	}
	return s
}

// parString prints a parallel pass verdict after a loop header:
// " chunks(grain 1024; private t1 t2; reduce s:+ m:max)".
func parString(pl *ParLoop) string {
	if pl == nil {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, " chunks(grain %d", pl.Grain)
	if len(pl.Private) > 0 {
		b.WriteString("; private")
		for _, v := range pl.Private {
			b.WriteString(" " + v.Name)
		}
	}
	if len(pl.Reductions) > 0 {
		b.WriteString("; reduce")
		for _, r := range pl.Reductions {
			b.WriteString(" " + r.Var.Name + ":" + r.Op)
		}
	}
	b.WriteString(")")
	return b.String()
}

func typeString(t Type) string {
	if t == nil {
		return "<nil>"
	}
	return t.String()
}

func callString(c *Call) string {
	if c == nil {
		return "<nil>"
	}
	if c.Fn.Lib != nil {
		return libString(c.Fn.Lib) + "(" + exprList(c.Args) + ")"
	}
	return c.Fn.Name + "(" + exprList(c.Args) + ")"
}
