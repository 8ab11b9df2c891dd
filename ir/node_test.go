package ir

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// allNodes has one zero value of every node type; TestNodeList keeps it
// complete, and the tests below build each node with every field set.
var allNodes = []Node{
	&Block{},
	&Assign{}, &Store{}, &CallStmt{}, &If{}, &For{}, &While{}, &Break{}, &Continue{},
	&Return{}, &Raise{}, &Check{}, &Alloc{}, &View{}, &Random{},
	&ConstExpr{}, &VarRef{}, &Unary{}, &Binary{}, &Convert{}, &Intrinsic{}, &Call{}, &Dim{}, &Load{},
}

// TestNodeList checks allNodes against the source: every type with a
// node() method is in it, so a node kind added to the IR is covered by
// the walker, rewriter and cloner tests below from the start.
func TestNodeList(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var inSource []string
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Name.Name != "node" || fd.Recv == nil {
				continue
			}
			star, ok := fd.Recv.List[0].Type.(*ast.StarExpr)
			if !ok {
				t.Errorf("node() of a non-pointer receiver in %s", name)
				continue
			}
			inSource = append(inSource, star.X.(*ast.Ident).Name)
		}
	}
	var listed []string
	for _, n := range allNodes {
		listed = append(listed, reflect.TypeOf(n).Elem().Name())
	}
	sort.Strings(inSource)
	sort.Strings(listed)
	if strings.Join(inSource, " ") != strings.Join(listed, " ") {
		t.Errorf("node types in the source:\n\t%v\nin allNodes:\n\t%v", inSource, listed)
	}
}

// filler builds nodes with every field set to a value that is not the
// zero value, distinct expressions in distinct slots, so that a walker,
// rewriter or cloner that forgets a field is caught.
type filler struct {
	n    int
	f    *Func
	vars []*Var
}

func newFiller() *filler {
	fl := &filler{f: &Func{Name: "g", Result: Int64, Body: &Block{}}}
	for i := 0; i < 8; i++ {
		fl.vars = append(fl.vars, &Var{Name: "v" + string(rune('a'+i)), Type: &Array{Elem: Float64, Rank: 2}})
	}
	return fl
}

func (fl *filler) v() *Var {
	fl.n++
	return fl.vars[fl.n%len(fl.vars)]
}

// leaf is a fresh expression node, distinct from every other one.
func (fl *filler) leaf() Expr { return &VarRef{V: fl.v()} }

// fill sets every field of the struct p points to.
func (fl *filler) fill(p reflect.Value) {
	s := p.Elem()
	for i := 0; i < s.NumField(); i++ {
		f := s.Field(i)
		if !f.CanSet() {
			continue
		}
		fl.value(f)
	}
}

var (
	exprType  = reflect.TypeOf((*Expr)(nil)).Elem()
	stmtType  = reflect.TypeOf((*Stmt)(nil)).Elem()
	typeType  = reflect.TypeOf((*Type)(nil)).Elem()
	varType   = reflect.TypeOf((*Var)(nil))
	funcType  = reflect.TypeOf((*Func)(nil))
	blockType = reflect.TypeOf((*Block)(nil))
	callType  = reflect.TypeOf((*Call)(nil))
)

func (fl *filler) value(f reflect.Value) {
	switch t := f.Type(); {
	case t == exprType:
		f.Set(reflect.ValueOf(fl.leaf()))
	case t == stmtType:
		f.Set(reflect.ValueOf(&Break{Pos: Pos{9, 9}}))
	case t == typeType:
		f.Set(reflect.ValueOf(Type(Int64)))
	case t == varType:
		f.Set(reflect.ValueOf(fl.v()))
	case t == funcType:
		f.Set(reflect.ValueOf(fl.f))
	case t == blockType:
		f.Set(reflect.ValueOf(&Block{Stmts: []Stmt{&Break{Pos: Pos{fl.n, 1}}}}))
		fl.n++
	case t == callType:
		f.Set(reflect.ValueOf(&Call{Fn: fl.f, Args: []Expr{fl.leaf()}}))
	case t.Kind() == reflect.Interface: // ConstExpr.Value
		f.Set(reflect.ValueOf(int64(7)))
	case t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct:
		p := reflect.New(t.Elem())
		fl.fill(p)
		f.Set(p)
	case t.Kind() == reflect.Struct:
		p := reflect.New(t)
		fl.fill(p)
		f.Set(p.Elem())
	case t.Kind() == reflect.Slice:
		s := reflect.MakeSlice(t, 2, 2)
		for i := 0; i < 2; i++ {
			fl.value(s.Index(i))
		}
		f.Set(s)
	case t.Kind() == reflect.Bool:
		f.SetBool(true)
	case t.Kind() == reflect.String:
		f.SetString("sqrt") // an intrinsic's name, so that Parse reads it back
	case t.Kind() >= reflect.Int && t.Kind() <= reflect.Int64:
		f.SetInt(3)
	case t.Kind() >= reflect.Uint && t.Kind() <= reflect.Uint64:
		f.SetUint(2)
	default:
		panic("filler: field of type " + t.String())
	}
}

// full returns a node of n's type with every field set.
func (fl *filler) full(n Node) Node {
	p := reflect.New(reflect.TypeOf(n).Elem())
	fl.fill(p)
	return p.Interface().(Node)
}

// childSlots returns the children of n the way reflection sees them:
// every field holding an Expr, a *Block or a *Call, and every element of a
// []Expr or []Stmt.
func childSlots(n Node) []Node {
	var out []Node
	s := reflect.ValueOf(n).Elem()
	for i := 0; i < s.NumField(); i++ {
		f := s.Field(i)
		switch {
		case f.Type() == exprType || f.Type() == blockType || f.Type() == callType:
			if !f.IsNil() {
				out = append(out, f.Interface().(Node))
			}
		case f.Kind() == reflect.Slice && (f.Type().Elem() == exprType || f.Type().Elem() == stmtType):
			for j := 0; j < f.Len(); j++ {
				out = append(out, f.Index(j).Interface().(Node))
			}
		}
	}
	return out
}

// TestInspectVisitsEveryChild: Inspect's children of every node kind are
// exactly its node-valued fields, and f(nil) follows each visit.
func TestInspectVisitsEveryChild(t *testing.T) {
	fl := newFiller()
	for _, z := range allNodes {
		n := fl.full(z)
		var got []Node
		open := 0
		Inspect(n, func(c Node) bool {
			switch c {
			case nil:
				open--
				return false
			case n:
				open++
				return true
			}
			got = append(got, c)
			return false
		})
		if open != 0 {
			t.Errorf("%T: f(nil) after the root: %d missing", z, open)
		}
		want := childSlots(n)
		if !sameNodes(got, want) {
			t.Errorf("%T: Inspect visits %d children %v, want the %d node fields %v", z, len(got), got, len(want), want)
		}
	}
}

func sameNodes(a, b []Node) bool {
	if len(a) != len(b) {
		return false
	}
	seen := map[Node]int{}
	for _, n := range a {
		seen[n]++
	}
	for _, n := range b {
		seen[n]--
	}
	for _, k := range seen {
		if k != 0 {
			return false
		}
	}
	return true
}

// TestApplyReplacesEveryChild: Apply reaches every child slot, and
// Replace writes the slot the node came from.
func TestApplyReplacesEveryChild(t *testing.T) {
	fl := newFiller()
	for _, z := range allNodes {
		n := fl.full(z)
		before := childSlots(n)
		repl := map[Node]Node{}
		Apply(n, func(c *Cursor) bool {
			if c.Node() == n {
				return true
			}
			var r Node
			switch x := c.Node().(type) {
			case *Call:
				r = &Call{Fn: x.Fn}
			case Expr:
				r = fl.leaf()
			case Stmt:
				r = &Continue{}
			case *Block:
				r = &Block{}
			}
			repl[c.Node()] = r
			c.Replace(r)
			return false
		}, nil)
		var want []Node
		for _, r := range repl {
			want = append(want, r)
		}
		if got := childSlots(n); len(want) != len(before) || !sameNodes(got, want) {
			t.Errorf("%T: after replacing its %d children, the fields hold %v, want %v", z, len(before), got, want)
		}
	}
}

// TestApplyEdits checks Delete and the inserts on the statements of a
// block: inserted statements are not visited, the walk goes on after the
// current statement, and post sees what pre left.
func TestApplyEdits(t *testing.T) {
	mk := func(line int) Stmt { return &Break{Pos: Pos{line, 1}} }
	b := &Block{Stmts: []Stmt{mk(1), mk(2), mk(3), mk(4)}}
	var visited []int
	Apply(b, func(c *Cursor) bool {
		s, ok := c.Node().(*Break)
		if !ok {
			return true
		}
		visited = append(visited, s.Pos.Line)
		switch s.Pos.Line {
		case 1:
			c.InsertBefore(mk(10))
			c.InsertAfter(mk(11))
		case 2:
			c.Delete()
		case 3:
			c.Replace(mk(30))
			c.InsertAfter(mk(31))
		}
		return true
	}, func(c *Cursor) bool {
		if s, ok := c.Node().(*Break); ok && s.Pos.Line == 3 {
			t.Errorf("post sees the statement pre replaced")
		}
		return true
	})
	var got []int
	for _, s := range b.Stmts {
		got = append(got, s.StmtPos().Line)
	}
	if want := []int{10, 1, 11, 30, 31, 4}; !reflect.DeepEqual(got, want) {
		t.Errorf("block after edits: %v, want %v", got, want)
	}
	if want := []int{1, 2, 3, 4}; !reflect.DeepEqual(visited, want) {
		t.Errorf("visited %v, want %v", visited, want)
	}

	// Replacing the root expression returns the replacement; post false
	// stops the walk.
	e := Apply(Bin(Add, Int(1), Int(2)), nil, func(c *Cursor) bool {
		if _, ok := c.Node().(*Binary); ok {
			c.Replace(Int(3))
		}
		return true
	})
	if ExprString(e.(Expr)) != "3" {
		t.Errorf("Apply on an expression root returned %s, want 3", ExprString(e.(Expr)))
	}
	n := 0
	Apply(Bin(Add, Int(1), Int(2)), nil, func(c *Cursor) bool { n++; return false })
	if n != 1 {
		t.Errorf("post returned false, yet %d posts ran", n)
	}
}

// TestCloneCopiesEveryField: a clone equals its original in every field,
// shares its variables and functions, and shares no node, loop
// annotation or slice with it, for every node kind.
func TestCloneCopiesEveryField(t *testing.T) {
	fl := newFiller()
	for _, z := range allNodes {
		n := fl.full(z)
		var c Node
		switch n := n.(type) {
		case *Block:
			c = CloneBlock(n)
		case Stmt:
			c = CloneStmt(n)
		case Expr:
			c = CloneExpr(n)
		}
		if !reflect.DeepEqual(n, c) {
			t.Errorf("%T: the clone differs from the original", z)
		}
		if shared := sharedParts(reflect.ValueOf(n), reflect.ValueOf(c), reflect.TypeOf(z).Elem().Name()); len(shared) > 0 {
			t.Errorf("%T: the clone shares %s with the original", z, strings.Join(shared, ", "))
		}
	}
}

// sharedParts lists the pointers and slices a and b share, apart from
// variables and functions, which a clone shares by design.
func sharedParts(a, b reflect.Value, path string) []string {
	var out []string
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() {
			return nil
		}
		if a.Type() == varType || a.Type() == funcType {
			return nil
		}
		if a.Pointer() == b.Pointer() {
			return []string{path}
		}
		return sharedParts(a.Elem(), b.Elem(), path)
	case reflect.Interface:
		if a.IsNil() {
			return nil
		}
		return sharedParts(a.Elem(), b.Elem(), path)
	case reflect.Slice:
		if a.Len() > 0 && a.Pointer() == b.Pointer() {
			out = append(out, path)
		}
		for i := 0; i < a.Len(); i++ {
			out = append(out, sharedParts(a.Index(i), b.Index(i), path+"[]")...)
		}
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			out = append(out, sharedParts(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name)...)
		}
	}
	return out
}

// TestNodesPrintParseVerify: Print knows every node kind, Parse reads it
// back to the same text, and the verifier has a rule for each (it may
// reject the filler's nonsense, but never as an unknown node).
func TestNodesPrintParseVerify(t *testing.T) {
	fl := newFiller()
	for _, z := range allNodes {
		n := fl.full(z)
		var body []Stmt
		switch n := n.(type) {
		case *Block:
			body = n.Stmts
		case Stmt:
			body = []Stmt{n}
		case Expr:
			body = []Stmt{&Return{Values: []Expr{n}}}
		}
		f := &Func{Name: "k", Result: Int64, Body: &Block{Stmts: body}, Locals: fl.vars}
		m := &Module{File: "k.py", Funcs: []*Func{f, fl.f}}
		text := Print(m)
		if strings.Contains(text, "unknown") {
			t.Errorf("%T: Print does not know it:\n%s", z, text)
		}
		back, err := Parse(text)
		if err != nil {
			t.Errorf("%T: %v\n%s", z, err, text)
		} else if got := Print(back); got != text {
			t.Errorf("%T: print(parse(print(m))) = \n%s\nwant\n%s", z, got, text)
		}
		if err := VerifyFunc(f); err != nil && (strings.Contains(err.Error(), "unknown statement") || strings.Contains(err.Error(), "unknown expression")) {
			t.Errorf("%T: the verifier does not know it: %v", z, err)
		}
	}
}
