package ir

import "fmt"

// Pos is a source position in the Python file: 1-based line and rune
// column. The zero Pos means "no position" (compiler-made code).
type Pos struct{ Line, Col int }

func (p Pos) String() string {
	if p.Line == 0 {
		return "-"
	}
	return fmt.Sprintf("%d:%d", p.Line, p.Col)
}

// Module is one compiled Python file.
type Module struct {
	File   string // base name of the Python file, as it appears in errors ("kernels.py")
	Doc    string // module docstring
	Consts []*Const
	Funcs  []*Func
}

// Const is a module-level constant (N = 64). Uses are inlined by lower as
// Const expressions; the emitters also export it by name.
type Const struct {
	Name  string
	Value *ConstExpr
	Pos   Pos
}

// Func is one Python function.
type Func struct {
	Name   string // the Python name; emitters derive their own names
	Doc    string // docstring, without indentation
	Pos    Pos
	Params []*Var
	Result Type // None, a Scalar, an *Array or a *Tuple
	Locals []*Var
	Body   *Block
	// Raises is true when the function may raise a Python exception: it
	// contains a Raise or Check, or calls a function that Raises. Emitters
	// give such functions an error result.
	Raises bool
	// Lib, when set, makes the Func a runtime library function (lib.go)
	// rather than a function of the module: it has no Body and is in no
	// Module's Funcs; only CallStmts call it.
	Lib *Lib

	// The Python-visible signature, for emitters of wrappers that callers
	// reach by Python's calling convention (emit/pyctypes): compiled code
	// never needs it, since lower fills in defaults at every call.
	//
	// PyName is the name Python code calls: Name, except for the
	// overloads of a function with several `#pythran export` signatures
	// (Name "f_2", PyName "f"). Defaults holds, per parameter, its default
	// value converted to the parameter's type, or nil when the parameter
	// is required. The last KwOnly parameters are keyword-only (after a
	// bare * in the def).
	PyName   string
	Defaults []*ConstExpr
	KwOnly   int

	// PyParams and PyResult, when set, are the Python types wrappers
	// present where they differ from Params and Result: a parameter of
	// tuple type (nested ones too) is the consecutive Params holding its
	// Leaves, and a result whose tuples nest is PyResult, with Result the
	// flat tuple of its Leaves. PyParams has one entry per Python
	// parameter (Name, Type); nil means one per Param.
	PyParams []PyParam
	PyResult Type
}

// PyParam is a Python parameter of a Func whose PyParams are set.
type PyParam struct {
	Name string
	Type Type
}

// Var is a typed local variable or parameter. Names are unique within a
// function (lower renames temporaries), so the printer can use them as is.
type Var struct {
	Name  string
	Type  Type
	Param bool
	// Nullable marks an array variable that may hold no array: Python's
	// None of an optional array (an `out=None` parameter), made by the
	// none intrinsic and tested by is_none. Emitters read such a
	// variable's data only where it holds an array.
	Nullable bool
	// Named marks a local the Python source names (not a temporary, a
	// tuple leaf or a None flag the compiler made), whose name emitters
	// may show in an API: emit/go names tuple results after the locals
	// every return statement returns. The IR's text form does not carry
	// it (parsed IR has no Named locals).
	Named bool
	// ReadOnly, set only by opt's readonly pass on array parameters, is
	// its proof that the function never writes the array's elements:
	// not through the parameter, a view or copy of it, nor a callee. The
	// C backend makes such a parameter a const pointer, and the Python
	// module built on it accepts read-only numpy arrays there. false
	// (not proven) is always safe.
	ReadOnly bool
}

// Block is a sequence of statements.
type Block struct{ Stmts []Stmt }

// Stmt is a statement.
type Stmt interface {
	Node
	StmtPos() Pos
	isStmt()
}

// Assign sets Dst to the value of Src (Src's type is identical to Dst's).
type Assign struct {
	Dst *Var
	Src Expr
	Pos Pos
}

// Store writes Val to Arr's element at the flat element offset Offset
// (already including the array's base offset and strides). Arr may also be
// a Buffer, whose element Offset is written.
type Store struct {
	Arr    *Var
	Offset Expr
	Val    Expr
	Pos    Pos
}

// CallStmt calls a function whose call cannot be an expression: it may raise
// or returns a tuple. Dsts has one entry per result element; a nil entry
// discards that element (Python "_" or a call used as a statement).
type CallStmt struct {
	Dsts []*Var
	Call *Call
	Pos  Pos
}

// If runs Then when Cond (bool) holds, else Else (which may be nil).
type If struct {
	Cond       Expr
	Then, Else *Block
	Pos        Pos
}

// For is Python's for Var in range(Start, Stop, Step): Var takes Start,
// Start+Step, ... while it is < Stop (Step > 0) or > Stop (Step < 0).
// Invariants lower establishes, so that passes and emitters can treat Var as
// a clean induction variable:
//   - Step is never zero (lower checks it first);
//   - Stop and Step are constants or variables that Body does not assign,
//     so evaluating them once or every iteration is the same;
//   - Body never assigns Var;
//   - Var is not read after the loop: its value there is unspecified (lower
//     copies it into the Python variable inside the body when Python code
//     reads it after the loop).
type For struct {
	Var               *Var
	Start, Stop, Step Expr
	Body              *Block
	Pos               Pos
	// Parallel marks a loop the user asserted independent (numba.prange,
	// an `#omp parallel for` comment). It is only the user's claim:
	// emitters run the loop sequentially unless Par is set too.
	Parallel bool
	// Par, set only by the parallel pass, is its verdict that the loop may
	// run in contiguous chunks on several goroutines, and what each chunk
	// needs for that. nil means sequential, which is always correct: Par
	// changes how the loop runs, never what it computes (see ParLoop).
	Par *ParLoop
	// Windows, when not empty, lets emitters index arrays of Body through
	// unit-stride windows taken once before the loop (see Window). It adds
	// no meaning: an emitter that ignores it is still correct.
	Windows []Window
	// Restrict lists arrays whose elements the loop touches through no
	// other array variable: for each listed x, an element that the loop
	// writes (through any variable) and accesses through x is accessed only
	// through x during the loop. It is C99's restrict contract for a
	// pointer to x's data declared just before the loop, which is how
	// emit/c prints it (emit/c/restrict.go); opt/restrict.go proves it.
	// Like Windows it adds no meaning: an emitter that ignores it is still
	// correct. The body assigns no listed variable, and a cold loop and
	// the loops inside it list none (ir.Verify checks both).
	Restrict []*Var
	// Concurrent, set only by the chunk pass (opt/chunk.go), says the
	// iterations may run at the same time, on several threads: the Go
	// backend runs each on a goroutine of runtime.Concurrent's pool, the C
	// backend under an OpenMP `parallel for`. Such a loop is
	// range(0, n, 1), its Var and its Locals are its own (declared by the
	// loop, not by the function: each iteration has its own copy, zero at
	// its start), and its body assigns nothing else: it writes only array
	// elements and the element of a Buffer indexed by Var. When iterations
	// raise, the loop raises the exception of the lowest-numbered one,
	// which is the first in Python's order; iterations after it may or may
	// not have run. The chunk pass makes each iteration one chunk of a
	// parallel loop (see ParLoop), so the decisions about chunks, private
	// copies and partials are IR the emitters only print.
	Concurrent bool
	Locals     []*Var
	// Cold marks the outermost loop of the fallback copy of a versioned
	// loop nest: `if pre { fast nest } else { cold nest }`, where the cold
	// nest is the nest as it was before the versioning pass (bchoist,
	// interchange, tile) and runs only when pre fails, typically because
	// an index check will raise or arrays may overlap. Optimisation passes
	// leave a cold loop and everything inside it alone, so the fallback
	// keeps Python's exact order of effects and exceptions; emitters treat
	// it as an ordinary loop (Go: no difference).
	Cold bool
}

// ParLoop describes how the chunks of a parallel For share the function's
// variables. Iterations [0, n) of the loop are split into contiguous
// chunks; each chunk runs its iterations in order with its own copy of
// every Private variable and, for every Reduction, its own partial
// accumulator started at the operator's identity. After all chunks, the
// partials are folded into the variable in chunk order, so the result does
// not depend on timing. The parallel pass guarantees that every variable
// the body assigns is a Private or a Reduction var (the verifier checks
// it), that no Private is live on entry to an iteration or after the loop,
// and that the body has no Return and no Break of this loop.
//
// An exception raised in a chunk ends the loop with the exception of the
// lowest-numbered failing chunk, which is Python's first failing
// iteration; chunks after it may already have run (their array writes are
// the one observable difference from a sequential run).
type ParLoop struct {
	Private    []*Var
	Reductions []Reduction
	// Grain is the least number of iterations worth a chunk of their own:
	// a loop of fewer than 2*Grain iterations runs as one chunk, on the
	// calling goroutine.
	Grain int64
}

// MaxChunks bounds the chunks of a parallel loop: the chunks intrinsic
// never returns more (runtime.Chunks, pyc2go_chunks), so a Buffer of
// MaxChunks slots holds one partial per chunk.
const MaxChunks = 256

// Reduction is a variable a parallel loop body only updates as
// Var = Var Op e (or Var = Op(Var, e) for min and max), with e not reading
// Var, and reads nowhere else. (The unroll pass may rewrite the updates of
// a "-" reduction to Var = Var + e: both kinds fold their partials with +.) Op is one of + - * & | ^ min max; each
// chunk's partial starts at Op's identity (0 for + - | ^, 1 for *, all
// ones for &, the type's largest and smallest value for min and max), and
// the partials are folded into Var with Op ("-" folds with "+":
// s - a - b == s + ((0 - a) - b) in wrap-around integers, and under
// fastmath for floats).
type Reduction struct {
	Var *Var
	Op  string
}

// ReductionOf returns the reduction of p whose variable is v.
func (p *ParLoop) ReductionOf(v *Var) (Reduction, bool) {
	for _, r := range p.Reductions {
		if r.Var == v {
			return r, true
		}
	}
	return Reduction{}, false
}

// Identity is the starting value of a chunk's partial of r: Op's neutral
// element in Var's type (for unsigned types the value is the bit pattern
// as an int64, as ConstExpr holds it).
func (r Reduction) Identity() (*ConstExpr, error) {
	t, ok := r.Var.Type.(Scalar)
	if !ok {
		return nil, fmt.Errorf("reduction %s of type %s", r.Var.Name, r.Var.Type)
	}
	var v any
	switch {
	case t.IsFloat():
		switch r.Op {
		case "+", "-":
			v = 0.0
		case "*":
			v = 1.0
		}
	case t.IsInt():
		bits := uint(t.Bits())
		lo, hi := int64(0), int64(^uint64(0)>>(64-bits))
		if t.IsSigned() {
			lo, hi = -1<<(bits-1), 1<<(bits-1)-1
		}
		switch r.Op {
		case "+", "-", "|", "^":
			v = int64(0)
		case "*":
			v = int64(1)
		case "&":
			v = hi
			if t.IsSigned() {
				v = int64(-1)
			}
		case "min":
			v = hi
		case "max":
			v = lo
		}
	}
	if v == nil {
		return nil, fmt.Errorf("reduction %s of %s", r.Op, t)
	}
	return &ConstExpr{T: t, Value: v}, nil
}

// Window names a unit-stride run of an array's data that a For loop walks:
// element k of the window is element Base + k of Arr's data. It exists so
// that an emitter can slice the data once before the loop and index the
// slice by the induction variable, the shape the Go compiler's
// bounds-check elimination proves in bounds (opt/window.go sets it).
//
// On a For with Windows, Start is the constant 0 and Step the constant 1,
// the body assigns neither Arr nor Base, and the loop promises that when it
// runs (Stop > 0) the data elements Base .. Base+Stop-1 of Arr all exist.
// The Loads and Stores of Arr whose offset is exactly (Base + Var) read and
// write element Var of the window; other accesses of Arr are unaffected.
// ir.Verify checks everything but the promise, which the pass that sets
// Windows proves.
type Window struct{ Arr, Base *Var }

// While runs Body while Cond holds. A nil Cond loops until Break or Return.
type While struct {
	Cond Expr
	Body *Block
	Pos  Pos
}

// Break leaves the innermost For or While.
type Break struct{ Pos Pos }

// Continue starts the next iteration of the innermost For or While.
type Continue struct{ Pos Pos }

// Return returns from the function; Values has one entry per element of a
// tuple result, none for a None result.
type Return struct {
	Values []Expr
	Pos    Pos
}

// Raise raises the Python exception Exc (a class name such as "ValueError")
// with message Msg at Pos.
type Raise struct {
	Exc  string
	Msg  string
	Args []Expr // values for Msg's verbs (see Check)
	Pos  Pos
}

// Check raises Exc(Msg) at Pos unless Cond holds. It is the one way the IR
// expresses Python's implicit exceptions (division by zero, domain errors,
// index errors), so passes can find, merge and hoist them.
//
// Msg may hold verbs filled from Args at the moment of raising, because
// CPython's messages carry values ("index 10 is out of bounds for axis 0
// with size 5"): %d takes an integer Arg, %s an array Arg printed as its
// numpy shape ("(3, 4)"). Without Args, Msg is printed as is.
type Check struct {
	Cond Expr
	Exc  string
	Msg  string
	Args []Expr
	Pos  Pos
}

// MsgIndexBounds is the Msg of the bounds check of an integer array
// subscript (numpy's IndexError message, with the index, the axis and its
// extent as Args). lower gives every such check this message and no other
// check, which is how the boundscheck pass (--boundscheck=off) finds them.
const MsgIndexBounds = "index %d is out of bounds for axis %d with size %d"

// Alloc makes Dst a fresh zero-filled C-contiguous array of the given shape
// (one int64 extent per axis of Dst's rank). Extents are never negative
// (lower checks them first).
type Alloc struct {
	Dst   *Var
	Shape []Expr
	Pos   Pos
}

// View makes Dst an array sharing Src's data: element [i0, i1, ...] of Dst
// is element Offset + i0*Strides[0] + i1*Strides[1] + ... of Src's data.
// Offset is absolute (it already includes Src's own offset); Shape and
// Strides have one int64 entry per axis of Dst. Slicing, transposes,
// reshapes of contiguous arrays and integer indexing that leaves axes all
// become Views, never copies, as in numpy.
type View struct {
	Dst     *Var
	Src     *Var
	Offset  Expr
	Shape   []Expr
	Strides []Expr
	Pos     Pos
}

func (s *Assign) StmtPos() Pos   { return s.Pos }
func (s *Store) StmtPos() Pos    { return s.Pos }
func (s *CallStmt) StmtPos() Pos { return s.Pos }
func (s *If) StmtPos() Pos       { return s.Pos }
func (s *For) StmtPos() Pos      { return s.Pos }
func (s *While) StmtPos() Pos    { return s.Pos }
func (s *Break) StmtPos() Pos    { return s.Pos }
func (s *Continue) StmtPos() Pos { return s.Pos }
func (s *Return) StmtPos() Pos   { return s.Pos }
func (s *Raise) StmtPos() Pos    { return s.Pos }
func (s *Check) StmtPos() Pos    { return s.Pos }
func (s *Alloc) StmtPos() Pos    { return s.Pos }
func (s *View) StmtPos() Pos     { return s.Pos }

func (*Assign) isStmt()   {}
func (*Store) isStmt()    {}
func (*CallStmt) isStmt() {}
func (*If) isStmt()       {}
func (*For) isStmt()      {}
func (*While) isStmt()    {}
func (*Break) isStmt()    {}
func (*Continue) isStmt() {}
func (*Return) isStmt()   {}
func (*Raise) isStmt()    {}
func (*Check) isStmt()    {}
func (*Alloc) isStmt()    {}
func (*View) isStmt()     {}

func (*Assign) node()   {}
func (*Store) node()    {}
func (*CallStmt) node() {}
func (*If) node()       {}
func (*For) node()      {}
func (*While) node()    {}
func (*Break) node()    {}
func (*Continue) node() {}
func (*Return) node()   {}
func (*Raise) node()    {}
func (*Check) node()    {}
func (*Alloc) node()    {}
func (*View) node()     {}

// Expr is a pure expression tree.
type Expr interface {
	Node
	Type() Type
	isExpr()
}

// ConstExpr is a scalar constant. Value holds int64 for every integer kind,
// float64 for both float kinds, complex128 for both complex kinds, and bool.
type ConstExpr struct {
	T     Scalar
	Value any
}

// VarRef reads a variable.
type VarRef struct{ V *Var }

// UnOp is a unary operator.
type UnOp uint8

const (
	Neg    UnOp = iota + 1 // arithmetic negation
	Not                    // logical not of a bool
	BitNot                 // ~ on integers
)

// Unary applies Op to X; the result has X's type.
type Unary struct {
	Op UnOp
	X  Expr
}

// BinOp is a binary operator with machine meaning: both operands have the
// same type (lower inserts Converts), and Python-specific semantics (floor
// division, modulo, power) are Intrinsics instead.
type BinOp uint8

const (
	Add BinOp = iota + 1
	Sub
	Mul
	Div // true division on floats (IEEE) and complex (CPython's algorithm)
	BitAnd
	BitOr
	BitXor
	Shl // shift count is a non-negative int64 (checked before)
	Shr // arithmetic shift for signed integers
	AndAnd
	OrOr
	Eq
	Ne
	Lt
	Le
	Gt
	Ge
)

// Binary applies Op to X and Y; comparisons and &&/|| have type bool, the
// others the operands' type.
type Binary struct {
	Op   BinOp
	X, Y Expr
}

// Convert converts a scalar to another scalar type with Go conversion
// semantics restricted to the exact cases lower uses: bool to number, int
// to float or complex, float to complex, widening and narrowing between
// sizes of the same family, int to int wrapping. Float to int truncation is
// never a Convert: it is the "ftoi" intrinsic after a check.
type Convert struct {
	X Expr
	T Scalar
}

// Intrinsic is a call of a pure runtime or math function, named by the IR
// (see Intrinsics): emitters map each name to their language.
type Intrinsic struct {
	Name string
	Args []Expr
	T    Type
}

// Call calls a function of the module. As an expression it must not raise
// and must have a single result; otherwise it appears in a CallStmt.
type Call struct {
	Fn   *Func
	Args []Expr
}

// DimKind selects one part of an array's layout.
type DimKind uint8

const (
	Shape  DimKind = iota + 1 // extent of Axis
	Stride                    // stride of Axis, in elements
	Offset                    // offset of element [0, ..., 0] in the data, in elements
)

// Dim reads the shape, stride or base offset of an array; its type is Int64.
type Dim struct {
	Arr  *Var
	Kind DimKind
	Axis int
}

// Load reads Arr's element at flat element offset Offset (of an Array, or
// element Offset of a Buffer).
type Load struct {
	Arr    *Var
	Offset Expr
}

func (e *ConstExpr) Type() Type { return e.T }
func (e *VarRef) Type() Type    { return e.V.Type }
func (e *Unary) Type() Type     { return e.X.Type() }
func (e *Binary) Type() Type {
	if e.Op >= AndAnd {
		return Bool
	}
	return e.X.Type()
}
func (e *Convert) Type() Type   { return e.T }
func (e *Intrinsic) Type() Type { return e.T }
func (e *Call) Type() Type      { return e.Fn.Result }
func (e *Dim) Type() Type       { return Int64 }
func (e *Load) Type() Type {
	switch a := e.Arr.Type.(type) {
	case *Array:
		return a.Elem
	case *Buffer:
		return a.Elem
	}
	return Invalid
}

func (*ConstExpr) isExpr() {}
func (*VarRef) isExpr()    {}
func (*Unary) isExpr()     {}
func (*Binary) isExpr()    {}
func (*Convert) isExpr()   {}
func (*Intrinsic) isExpr() {}
func (*Call) isExpr()      {}
func (*Dim) isExpr()       {}
func (*Load) isExpr()      {}

func (*ConstExpr) node() {}
func (*VarRef) node()    {}
func (*Unary) node()     {}
func (*Binary) node()    {}
func (*Convert) node()   {}
func (*Intrinsic) node() {}
func (*Call) node()      {}
func (*Dim) node()       {}
func (*Load) node()      {}

// Helpers for building IR; lower and the pass tests use them.

func Int(v int64) *ConstExpr          { return &ConstExpr{T: Int64, Value: v} }
func Float(v float64) *ConstExpr      { return &ConstExpr{T: Float64, Value: v} }
func BoolConst(v bool) *ConstExpr     { return &ConstExpr{T: Bool, Value: v} }
func Complex(v complex128) *ConstExpr { return &ConstExpr{T: Complex128, Value: v} }
func Ref(v *Var) *VarRef              { return &VarRef{V: v} }
func Bin(op BinOp, x, y Expr) *Binary { return &Binary{Op: op, X: x, Y: y} }
func Conv(x Expr, t Scalar) Expr {
	if IsScalar(x.Type(), t) {
		return x
	}
	return &Convert{X: x, T: t}
}
