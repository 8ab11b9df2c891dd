package emitgo

// try/except and print. A raise inside a try body stores the exception in
// the try's error variable and jumps to the handlers with goto; a raising
// call does the same with its error:
//
//	{
//		var exc1 error
//		{
//			... exc1 = runtime.Raise(...); goto try1 ...
//		}
//		goto try1end
//	try1:
//		if runtime.ExcIn(exc1, "ZeroDivisionError") {
//			handler
//		} else {
//			return ..., exc1 // or on to an enclosing try
//		}
//	try1end:
//	}
//
// The labels sit in the block that declares exc1, after the body's
// block, so no goto jumps over a declaration or into a block. A try whose
// body cannot raise is just its body.

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/pyc2go/pyc2go/ir"
)

// tryCtx is the try state of a function's emission.
type tryCtx struct {
	catching []*catchTarget // the trys whose bodies enclose the statement
	exc      map[int]string // the error variable of each Try ID
}

// catchTarget is a try body being emitted: where its exceptions go.
type catchTarget struct {
	id    int
	label string
	used  bool
}

func (e *funcEmitter) tries() *tryCtx {
	if e.tc == nil {
		e.tc = &tryCtx{exc: map[int]string{}}
	}
	return e.tc
}

// fail is what a raise site does with the error err: return it, or hand
// it to the innermost enclosing try.
func (e *funcEmitter) fail(err jen.Code) jen.Code {
	if tc := e.tc; tc != nil && len(tc.catching) > 0 {
		t := tc.catching[len(tc.catching)-1]
		t.used = true
		return jen.Block(jen.Id(tc.exc[t.id]).Op("=").Add(err), jen.Goto().Id(t.label))
	}
	return jen.Return(append(e.zeros(), err)...)
}

// tryStmt emits an ir.Try.
func (e *funcEmitter) tryStmt(s *ir.Try) ([]jen.Code, bool, error) {
	tc := e.tries()
	// Passes that copy statements (unroll, versioned nests) copy a Try
	// with its ID: names and labels come from fresh names, and the ID
	// maps to this Try's exception only inside it.
	exc := e.names.fresh(fmt.Sprintf("exc%d", s.ID))
	label := "try" + strings.TrimPrefix(exc, "exc")
	outer, had := tc.exc[s.ID]
	tc.exc[s.ID] = exc
	defer func() {
		if had {
			tc.exc[s.ID] = outer
		} else {
			delete(tc.exc, s.ID)
		}
	}()
	t := &catchTarget{id: s.ID, label: label}
	tc.catching = append(tc.catching, t)
	body, err := e.block(s.Body)
	tc.catching = tc.catching[:len(tc.catching)-1]
	if err != nil {
		return nil, false, err
	}
	if !t.used {
		// Nothing in the body raises, so no handler can run; a test
		// that never jumps keeps the label used and the Go code's
		// terminating statements those of the IR (tryTerminates).
		body = append([]jen.Code{jen.If(jen.Id(exc).Op("!=").Nil()).Block(jen.Goto().Id(label))}, body...)
	}
	out := []jen.Code{jen.Var().Id(exc).Error(), jen.Block(body...)}
	falls := !terminates(s.Body)
	if falls {
		out = append(out, jen.Goto().Id(label+"end"))
	}
	out = append(out, jen.Id(label).Op(":"))
	var chain *jen.Statement
	catchAll := false
	for _, h := range s.Handlers {
		hb, err := e.block(h.Body)
		if err != nil {
			return nil, false, err
		}
		if len(h.Classes) == 0 {
			if chain == nil {
				out = append(out, jen.Id("_").Op("=").Id(exc), jen.Block(hb...))
			} else {
				chain.Else().Block(hb...)
			}
			catchAll = true
			break
		}
		args := []jen.Code{jen.Id(exc)}
		for _, c := range h.Classes {
			args = append(args, jen.Lit(c))
		}
		cond := jen.Qual(runtimePkg, "ExcIn").Call(args...)
		if chain == nil {
			chain = jen.If(cond).Block(hb...)
		} else {
			chain.Else().If(cond).Block(hb...)
		}
	}
	if !catchAll {
		chain.Else().Block(e.fail(jen.Id(exc)))
	}
	if chain != nil {
		out = append(out, chain)
	}
	if falls {
		out = append(out, jen.Id(label+"end").Op(":"))
	}
	return []jen.Code{jen.Block(out...)}, tryTerminates(s), nil
}

// tryTerminates reports whether the Go code of a Try is a terminating
// statement: its body and every handler end in one (an exception no
// handler takes is handed on, which terminates too).
func tryTerminates(s *ir.Try) bool {
	if !terminates(s.Body) {
		return false
	}
	for _, h := range s.Handlers {
		if !terminates(h.Body) {
			return false
		}
	}
	return true
}

// text emits formatted text as a Go string expression.
func (e *funcEmitter) text(parts []ir.TextPart) (jen.Code, error) {
	var sum *jen.Statement
	for _, p := range parts {
		c, err := e.textPart(p)
		if err != nil {
			return nil, err
		}
		if sum == nil {
			sum = jen.Add(c)
		} else {
			sum = sum.Op("+").Add(c)
		}
	}
	if sum == nil {
		return jen.Lit(""), nil
	}
	return sum, nil
}

func (e *funcEmitter) textPart(p ir.TextPart) (jen.Code, error) {
	rt := func(name string, args ...jen.Code) jen.Code { return jen.Qual(runtimePkg, name).Call(args...) }
	if p.Exc > 0 {
		exc, ok := e.tries().exc[p.Exc]
		if !ok {
			return nil, fmt.Errorf("text of the exception of try %d outside its handler", p.Exc)
		}
		if p.Repr {
			return rt("ExcRepr", jen.Id(exc)), nil
		}
		if p.Spec != "" {
			return rt("FormatStrSpec", rt("ExcMessage", jen.Id(exc)), jen.Lit(p.Spec)), nil
		}
		return rt("ExcMessage", jen.Id(exc)), nil
	}
	if p.X == nil {
		return jen.Lit(p.Lit), nil
	}
	g, err := e.valueExpr(p.X)
	if err != nil {
		return nil, err
	}
	x := g.code
	spec := jen.Lit(p.Spec)
	switch t := p.X.Type().(type) {
	case *ir.Array:
		if p.Repr {
			return x.Dot("String").Call(), nil
		}
		return x.Dot("Str").Call(), nil
	case ir.Scalar:
		switch {
		case t == ir.Bool:
			return rt("FormatBoolSpec", x, spec), nil
		case t == ir.Float32 && p.Spec == "":
			return rt("FormatFloat32", x), nil
		case t == ir.Complex64 && p.Spec == "":
			return rt("FormatComplex64", x), nil
		case t.IsFloat():
			return rt("FormatFloatSpec", jen.Float64().Call(x), spec), nil
		case t.IsComplex():
			return rt("FormatComplexSpec", jen.Complex128().Call(x), spec), nil
		case t == ir.Uint64 && p.Spec == "":
			return jen.Qual("strconv", "FormatUint").Call(x, jen.Lit(10)), nil
		case t.IsInt():
			return rt("FormatIntSpec", jen.Int64().Call(x), spec), nil
		}
	}
	return nil, fmt.Errorf("cannot format a %s", p.X.Type())
}

// tryStmts emits the statements of try.go: Try, Reraise and Write.
func (e *funcEmitter) tryStmts(s ir.Stmt) ([]jen.Code, bool, error) {
	switch s := s.(type) {
	case *ir.Try:
		return e.tryStmt(s)
	case *ir.Reraise:
		exc, ok := e.tries().exc[s.Try]
		if !ok {
			return nil, false, fmt.Errorf("reraise of try %d outside its handler", s.Try)
		}
		return []jen.Code{e.fail(jen.Id(exc))}, true, nil
	case *ir.Write:
		t, err := e.text(s.Text)
		if err != nil {
			return nil, false, err
		}
		return []jen.Code{jen.Qual(runtimePkg, "Print").Call(t)}, false, nil
	}
	return nil, false, fmt.Errorf("unknown statement %T", s)
}

// raiseText emits a Raise whose message is formatted text.
func (e *funcEmitter) raiseText(s *ir.Raise) (jen.Code, error) {
	if !e.f.Raises {
		return nil, fmt.Errorf("raise in %s, whose Raises is false", e.f.Name)
	}
	m, err := e.text(s.Text)
	if err != nil {
		return nil, err
	}
	return e.fail(jen.Qual(runtimePkg, "Raise").Call(jen.Lit(s.Exc), m, jen.Lit(e.file), jen.Lit(s.Pos.Line), jen.Lit(e.f.Name))), nil
}
