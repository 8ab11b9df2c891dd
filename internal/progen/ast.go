package progen

import (
	"fmt"
	"strings"
)

// Type is the static type of a generated expression: a Python scalar or
// one of the numpy scalar kinds the generator uses.
type Type int

// The types of generated expressions. np.int64 and np.float64 are left
// out on purpose: pyc2go treats them as Python's int and float (a
// documented difference: x // 0 raises where numpy gives 0).
const (
	Int Type = iota
	Float
	Bool
	I8
	I16
	I32
	U8
	U16
	U32
	U64
	F32
	numTypes
)

var typeNames = [...]string{"int", "float", "bool", "np.int8", "np.int16", "np.int32", "np.uint8", "np.uint16", "np.uint32", "np.uint64", "np.float32"}

func (t Type) String() string { return typeNames[t] }

// isKind reports whether t is a numpy scalar kind.
func (t Type) isKind() bool { return t >= I8 }

// isSigned reports whether t is a signed numpy integer kind.
func (t Type) isSigned() bool { return t >= I8 && t <= I32 }

// kindLimits spells the least and greatest values of an integer kind.
func (t Type) kindLimits() (lo, hi string) {
	switch t {
	case I8:
		return "-128", "127"
	case I16:
		return "-32768", "32767"
	case I32:
		return "-2147483648", "2147483647"
	case U8:
		return "0", "255"
	case U16:
		return "0", "65535"
	case U32:
		return "0", "4294967295"
	}
	return "0", "18446744073709551615"
}

// isIntKind reports whether t is a numpy integer kind.
func (t Type) isIntKind() bool { return t >= I8 && t <= U64 }

// kindRange is the range of a numpy integer kind.
func (t Type) kindRange() (lo, hi float64) {
	switch t {
	case I8:
		return -128, 127
	case I16:
		return -32768, 32767
	case I32:
		return -(1 << 31), 1<<31 - 1
	case U8:
		return 0, 255
	case U16:
		return 0, 65535
	case U32:
		return 0, 1<<32 - 1
	case U64:
		return 0, 1<<64 - 1
	}
	return 0, 0
}

// Expr is a generated expression: Fmt with one %s per argument. B bounds
// the magnitude of an Int expression's value, so that Python ints never
// leave int64 (pyc2go's ints are int64 by design).
type Expr struct {
	T    Type
	Fmt  string
	Args []*Expr
	B    float64
}

func (e *Expr) String() string {
	args := make([]any, len(e.Args))
	for i, a := range e.Args {
		args[i] = a.String()
	}
	return fmt.Sprintf(e.Fmt, args...)
}

// Stmt is a generated statement: a line Fmt (with one %s per Exprs
// entry) and, for compound statements, blocks: the first under the line
// itself, the others under their own Head ("else:", "elif c:" is not
// used). Keep marks statements the reducer must not delete (a while loop's
// counter update, which keeps it terminating; a function's last return).
type Stmt struct {
	Fmt    string
	Exprs  []*Expr
	Blocks []*Block
	Keep   bool
}

// Block is a compound statement's body, with the header that introduces
// it when it is not the statement's first block.
type Block struct {
	Head  string
	Stmts []*Stmt
}

// Param is a function parameter.
type Param struct {
	Name, Annot string
	T           Type // for scalars
	Array       string
}

// Func is a generated function.
type Func struct {
	Name   string
	Params []Param
	Result []Type // one entry, or two for a tuple result
	Body   []*Stmt
}

// Program is a generated module.
type Program struct {
	Seed  int64
	Funcs []*Func
}

// Source renders p as a Python module.
func (p *Program) Source() string {
	var b strings.Builder
	fmt.Fprintf(&b, "\"\"\"Random kernel (internal/progen seed %d).\"\"\"\nimport math\nimport numpy as np\n", p.Seed)
	for _, f := range p.Funcs {
		b.WriteString("\n\n")
		var ps []string
		for _, q := range f.Params {
			ps = append(ps, q.Name+": "+q.Annot)
		}
		fmt.Fprintf(&b, "def %s(%s):\n", f.Name, strings.Join(ps, ", "))
		writeStmts(&b, f.Body, 1)
	}
	return b.String()
}

func writeStmts(b *strings.Builder, ss []*Stmt, depth int) {
	ind := strings.Repeat("    ", depth)
	if len(ss) == 0 {
		b.WriteString(ind + "pass\n")
		return
	}
	for _, s := range ss {
		args := make([]any, len(s.Exprs))
		for i, e := range s.Exprs {
			args[i] = e.String()
		}
		b.WriteString(ind + fmt.Sprintf(s.Fmt, args...) + "\n")
		for i, blk := range s.Blocks {
			if i > 0 {
				b.WriteString(ind + blk.Head + "\n")
			}
			writeStmts(b, blk.Stmts, depth+1)
		}
	}
}

// Counts reports how many functions and statements p has.
func (p *Program) Counts() (funcs, stmts int) {
	var count func([]*Stmt)
	count = func(ss []*Stmt) {
		for _, s := range ss {
			stmts++
			for _, b := range s.Blocks {
				count(b.Stmts)
			}
		}
	}
	for _, f := range p.Funcs {
		count(f.Body)
	}
	return len(p.Funcs), stmts
}
