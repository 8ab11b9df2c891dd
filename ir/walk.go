package ir

import "fmt"

// Walking and rewriting the IR, after go/ast's Inspect and x/tools'
// astutil.Apply: the one walker and the one rewriter every pass and
// emitter uses. Both follow edges, the one switch over node kinds that
// says which children a node has and in which order; a new node kind adds
// its case there (and to Print, the parser, the cloner and the verifier:
// TestNodeCoverage checks all five).

// Node is a *Block, a Stmt or an Expr: what Inspect and Apply visit.
type Node interface{ node() }

func (*Block) node() {}

// Inspect traverses the tree rooted at n depth-first: it calls f(n); if f
// returns true, Inspect visits each non-nil child of n in order, then calls
// f(nil). The children of a Block are its statements; those of a
// statement are the expressions it evaluates, in evaluation order, then
// its blocks; those of an expression its operands.
func Inspect(n Node, f func(Node) bool) {
	if isNil(n) || !f(n) {
		return
	}
	if b, ok := n.(*Block); ok {
		for _, s := range b.Stmts {
			Inspect(s, f)
		}
	} else {
		edges(n, func(e *Expr) { Inspect(*e, f) }, func(b **Block) { Inspect(*b, f) })
	}
	f(nil)
}

// isNil reports whether n is nil or a nil pointer in an interface (an
// absent While.Cond, If.Else or CallStmt.Call).
func isNil(n Node) bool {
	switch n := n.(type) {
	case nil:
		return true
	case *Block:
		return n == nil
	case *Call:
		return n == nil
	}
	return false
}

// edges calls expr for every expression slot of n and then block for every
// block slot, in evaluation order. It is the one place that knows the
// children of each node kind; a *Block's statements are Inspect's and
// Apply's business (Apply inserts and deletes there).
func edges(n Node, expr func(*Expr), block func(**Block)) {
	exprs := func(es []Expr) {
		for i := range es {
			expr(&es[i])
		}
	}
	switch n := n.(type) {
	case *Assign:
		expr(&n.Src)
	case *Store:
		expr(&n.Offset)
		expr(&n.Val)
	case *CallStmt:
		// The slot holds a *Call: a replacement must be a *Call too.
		if n.Call != nil {
			var x Expr = n.Call
			expr(&x)
			c, ok := x.(*Call)
			if !ok {
				panic("ir: the call of a CallStmt replaced by a " + typeName(x))
			}
			if c != n.Call {
				n.Call = c
			}
		}
	case *If:
		expr(&n.Cond)
		block(&n.Then)
		block(&n.Else)
	case *For:
		expr(&n.Start)
		expr(&n.Stop)
		expr(&n.Step)
		block(&n.Body)
	case *While:
		if n.Cond != nil {
			expr(&n.Cond)
		}
		block(&n.Body)
	case *Break, *Continue:
	case *Return:
		exprs(n.Values)
	case *Raise:
		exprs(n.Args)
	case *Check:
		expr(&n.Cond)
		exprs(n.Args)
	case *Alloc:
		exprs(n.Shape)
	case *Random:
		exprs(n.Args)
	case *View:
		expr(&n.Offset)
		exprs(n.Shape)
		exprs(n.Strides)
	case *ConstExpr, *VarRef, *Dim:
	case *Unary:
		expr(&n.X)
	case *Binary:
		expr(&n.X)
		expr(&n.Y)
	case *Convert:
		expr(&n.X)
	case *Intrinsic:
		exprs(n.Args)
	case *Call:
		exprs(n.Args)
	case *Load:
		expr(&n.Offset)
	default:
		panic("ir: edges of unknown node " + typeName(n))
	}
}

// StmtExprs returns the expressions a statement evaluates itself (not
// those of nested blocks), in evaluation order.
func StmtExprs(s Stmt) []Expr {
	var es []Expr
	edges(s, func(e *Expr) { es = append(es, *e) }, func(**Block) {})
	return es
}

// Cursor describes a node Apply is visiting: the node, its parent, and
// the operations that change it in place.
type Cursor struct {
	node   Node
	parent Node
	// Exactly one of these locates the node: a statement of a block (the
	// block and its index), an expression slot or a block slot.
	block *Block
	index int
	expr  *Expr
	blk   **Block
	// Set by Delete and InsertAfter while a block's statement is visited.
	deleted bool
	after   int // statements inserted after the current one, not to visit
}

// Node returns the node being visited.
func (c *Cursor) Node() Node { return c.node }

// Parent returns the node holding the current one (nil for the root).
func (c *Cursor) Parent() Node { return c.parent }

// Replace puts n in place of the current node: an Expr for an expression,
// a Stmt for a statement of a block, a *Block for a block. Apply does not
// walk n's children (it has already passed the current node when post
// calls Replace; pre's replacement is walked instead of the old node).
func (c *Cursor) Replace(n Node) {
	if c.deleted {
		panic("ir: Cursor.Replace of a deleted statement")
	}
	switch {
	case c.expr != nil:
		*c.expr = n.(Expr)
	case c.block != nil:
		c.block.Stmts[c.index] = n.(Stmt)
	case c.blk != nil:
		*c.blk = n.(*Block)
	}
	c.node = n
}

// Delete removes the current statement from its block.
func (c *Cursor) Delete() {
	c.inBlock("Delete")
	b := c.block
	copy(b.Stmts[c.index:], b.Stmts[c.index+1:])
	b.Stmts[len(b.Stmts)-1] = nil
	b.Stmts = b.Stmts[:len(b.Stmts)-1]
	c.deleted = true
	c.index-- // the next statement is the one after the deleted one
}

// InsertBefore inserts s before the current statement; Apply does not
// visit it.
func (c *Cursor) InsertBefore(s Stmt) {
	c.inBlock("InsertBefore")
	c.insert(c.index, s)
	c.index++
}

// InsertAfter inserts s after the current statement; Apply does not visit
// it.
func (c *Cursor) InsertAfter(s Stmt) {
	c.inBlock("InsertAfter")
	c.insert(c.index+1, s)
	c.after++
}

func (c *Cursor) insert(at int, s Stmt) {
	b := c.block
	b.Stmts = append(b.Stmts, nil)
	copy(b.Stmts[at+1:], b.Stmts[at:])
	b.Stmts[at] = s
}

func (c *Cursor) inBlock(op string) {
	if c.block == nil || c.deleted {
		panic("ir: Cursor." + op + " of a node that is not a statement of a block")
	}
}

// Apply traverses the tree rooted at root depth-first, calling pre before
// and post after each node's children (either may be nil), and returns the
// root, replaced if pre or post replaced it. If pre returns false the
// node's children are skipped and post is not called for it; if post
// returns false the traversal stops. Through the Cursor, pre and post may
// replace the current node, and delete it or insert statements around it
// when it is a statement of a block: statements inserted are not visited,
// and the traversal continues with the statement after the current one.
func Apply(root Node, pre, post func(*Cursor) bool) Node {
	a := applier{pre: pre, post: post}
	if isNil(root) {
		return root
	}
	if e, ok := root.(Expr); ok {
		// An expression root gets a slot, so that Replace works on it as
		// on any operand.
		a.apply(&Cursor{node: e, expr: &e})
		return e
	}
	c := &Cursor{node: root}
	a.apply(c)
	return c.node
}

type applier struct {
	pre, post func(*Cursor) bool
	stop      bool
}

// apply visits c.node and, unless pre declines, its children.
func (a *applier) apply(c *Cursor) {
	if a.stop || isNil(c.node) {
		return
	}
	if a.pre != nil && !a.pre(c) {
		return
	}
	if c.deleted {
		return
	}
	n := c.node
	if b, ok := n.(*Block); ok {
		a.stmts(b)
	} else {
		edges(n,
			func(e *Expr) { a.apply(&Cursor{node: *e, parent: n, expr: e}) },
			func(b **Block) { a.apply(&Cursor{node: *b, parent: n, blk: b}) })
	}
	if a.stop || c.deleted {
		return
	}
	if a.post != nil && !a.post(c) {
		a.stop = true
	}
}

// stmts visits the statements of b, following the deletions and
// insertions the callbacks make.
func (a *applier) stmts(b *Block) {
	for i := 0; i < len(b.Stmts) && !a.stop; i++ {
		c := &Cursor{node: b.Stmts[i], parent: b, block: b, index: i}
		a.apply(c)
		i = c.index + c.after
	}
}

func typeName(n Node) string { return fmt.Sprintf("%T", n) }

// WalkStmts calls fn for every statement of b in order, before the
// statements nested in it: Inspect for when only statements matter.
func WalkStmts(b *Block, fn func(Stmt)) {
	Inspect(b, func(n Node) bool {
		switch n := n.(type) {
		case Stmt:
			fn(n)
			return true
		case *Block:
			return true
		}
		return false
	})
}

// WalkExprs calls fn for every expression in b, nested blocks included,
// outer expressions before their operands: Inspect for when only
// expressions matter.
func WalkExprs(b *Block, fn func(Expr)) {
	Inspect(b, func(n Node) bool {
		if e, ok := n.(Expr); ok {
			fn(e)
		}
		return true
	})
}

// Defined returns every variable a statement of b sets: Assign, CallStmt,
// Alloc and View destinations and the induction variables of nested For
// loops (Assigned leaves out Alloc and View, which make fresh arrays).
func Defined(b *Block) map[*Var]bool {
	m := Assigned(b)
	WalkStmts(b, func(s Stmt) {
		switch s := s.(type) {
		case *Alloc:
			m[s.Dst] = true
		case *View:
			m[s.Dst] = true
		}
	})
	return m
}

// ReadsAny reports whether e reads a variable of vars: through a VarRef,
// or the layout (Dim) or an element (Load) of an array variable.
func ReadsAny(e Expr, vars map[*Var]bool) bool {
	found := false
	Inspect(e, func(n Node) bool {
		switch x := n.(type) {
		case *VarRef:
			found = found || vars[x.V]
		case *Dim:
			found = found || vars[x.Arr]
		case *Load:
			found = found || vars[x.Arr]
		}
		return !found
	})
	return found
}

// TouchesMemory reports whether e loads an array element or calls a
// function: such an expression may see a store (and a call may make one),
// so it cannot move across one, and an operand of this kind must be
// evaluated before a later operand's statements run.
func TouchesMemory(e Expr) bool {
	found := false
	Inspect(e, func(n Node) bool {
		switch n.(type) {
		case *Call, *Load:
			found = true
		}
		return !found
	})
	return found
}

// VarSlots calls fn with every place b mentions a variable: reads,
// writes, loop variables and locals, and loop annotations alike; fn may
// change the variable in place.
func VarSlots(b *Block, fn func(*(*Var))) {
	all := func(vs []*Var) {
		for i := range vs {
			fn(&vs[i])
		}
	}
	Inspect(b, func(n Node) bool {
		switch n := n.(type) {
		case *Assign:
			fn(&n.Dst)
		case *Store:
			fn(&n.Arr)
		case *CallStmt:
			all(n.Dsts)
		case *For:
			fn(&n.Var)
			all(n.Restrict)
			all(n.Locals)
			for i := range n.Windows {
				fn(&n.Windows[i].Arr)
				fn(&n.Windows[i].Base)
			}
			if n.Par != nil {
				all(n.Par.Private)
				for i := range n.Par.Reductions {
					fn(&n.Par.Reductions[i].Var)
				}
			}
		case *Alloc:
			fn(&n.Dst)
		case *Random:
			fn(&n.Gen)
			fn(&n.Dst)
			fn(&n.Arr)
		case *View:
			fn(&n.Dst)
			fn(&n.Src)
		case *VarRef:
			fn(&n.V)
		case *Dim:
			fn(&n.Arr)
		case *Load:
			fn(&n.Arr)
		}
		return true
	})
}

// RenameVars replaces, in place, every mention in b of a variable of m by
// its image (see VarSlots). b's nodes must not be shared with code that
// keeps the old names (clone first).
func RenameVars(b *Block, m map[*Var]*Var) {
	VarSlots(b, func(p **Var) {
		if n, ok := m[*p]; ok && *p != nil {
			*p = n
		}
	})
}

// LoopLocals lists the variables f's concurrent loops declare (each
// loop's Var, then its Locals), in the order they appear: the variables
// that are neither parameters nor Locals of f.
func LoopLocals(f *Func) []*Var {
	var vs []*Var
	WalkStmts(f.Body, func(s Stmt) {
		if l, ok := s.(*For); ok && l.Concurrent {
			vs = append(vs, l.Var)
			vs = append(vs, l.Locals...)
		}
	})
	return vs
}
