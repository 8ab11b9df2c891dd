package typeinfer

import (
	"github.com/go-python/gpython/ast"

	"github.com/pyc2go/pyc2go/frontend"
	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/numpy"
)

// Info is what Check learns about a file: the types of every expression and
// local, and what every name and call refers to. lower reads it; nothing in
// it is Python-syntax-free, which is why emitters never see it.
type Info struct {
	File   *frontend.File
	Consts []*Const // module constants, in source order
	Funcs  []*Func  // module functions, in source order

	// Types has the type of every expression lower evaluates, sub-expressions
	// included (not of annotation expressions, callee names, module names or
	// attribute prefixes like the `math` in math.pi).
	Types map[ast.Expr]ir.Type

	// Uses says what each ast.Name in an expression position refers to.
	Uses map[*ast.Name]Object

	// Calls resolves every call expression.
	Calls map[*ast.Call]*CallInfo

	// Attrs resolves attribute expressions that are values: math.pi (a
	// constant), z.real / z.imag (Kind AttrReal/AttrImag).
	Attrs map[*ast.Attribute]*AttrInfo

	// Index resolves every subscript of an array (a[i], a[i, j], a[1:-1],
	// m[:, 0]); a[i][j] is two nested subscripts. Subscripts of tuples
	// (t[0], a.shape[1]) are not here: they have constant indexes.
	Index map[*ast.Subscript]*IndexInfo

	// ValueGuards lists, for a scalar operand of an array operation whose
	// value is known only at run time, the ranges its value must lie in
	// for numpy 1.24 to give the dtype compiled (value-based casting:
	// float32 array * x is float32 unless |x| > 3.4e38); lower checks
	// them where the operand is evaluated.
	ValueGuards map[ast.Expr][]*numpy.ValueGuard

	// Loops resolves for loops over arrays (added for arrays): `for x in
	// a`, `for i, x in enumerate(a)`, `for x, y in zip(a, b)`. Loops over
	// range()/prange() are not here (their iterator is in Calls).
	Loops map[*ast.For]*LoopInfo

	// Iters resolves the iterables of for loops in the general form
	// (iter.go): any but range() with a name target, and arrays,
	// enumerate(array) and zip(arrays) with names, which Calls and Loops
	// describe. Nested iterables (the arguments of enumerate, zip and
	// reversed) have entries too.
	Iters map[ast.Expr]*IterInfo

	// Static holds the conditions typeinfer knows the value of at compile
	// time (`x is None` where x cannot be None or certainly is, and
	// not/and/or of them; none.go): lower compiles only the branch they
	// leave, which typeinfer alone checked. An and/or holds the value
	// of its first operand that decides it: the operands after it have
	// no types and are not evaluated.
	Static map[ast.Expr]bool
	// Cut holds the statements after which the rest of their block cannot
	// run because of such a test (an if whose live branch returns): the
	// rest has no types and is not compiled.
	Cut map[ast.Stmt]bool

	// `a @ b` has no call: it is an ast.BinOp (Op ast.Mult, because the
	// frontend rewrote the `@` that gpython cannot parse) in MatMul, and
	// means np.matmul(a, b); Types has its result type. MatMul holds the
	// file's (File.MatMul) and their copies in the overloads of a
	// `#pythran export`ed function, which File does not know.
	MatMul map[*ast.BinOp]bool
}

// LoopKind says what an array for loop iterates.
type LoopKind uint8

const (
	LoopArray     LoopKind = iota + 1 // for x in a: Arrays is [a]
	LoopEnumerate                     // for i, x in enumerate(a): Arrays is [a]; the target is a 2-tuple
	LoopZip                           // for x, y in zip(a, b, ...): Arrays is [a, b, ...]; the target a tuple of as many names
)

// LoopInfo is a resolved array loop. Every array is iterated along axis 0:
// the loop variable is the element (rank-1 arrays) or a view of row k
// (Types has the type of each target name). zip stops at the shortest
// array, as Python's zip does; enumerate's index is an int64 from 0.
type LoopInfo struct {
	Kind   LoopKind
	Arrays []ast.Expr
	// Targets are the names bound per iteration, in order: [x] for
	// LoopArray, [i, x] for LoopEnumerate, [x, y, ...] for LoopZip.
	Targets []*ast.Name
}

// IndexInfo is a resolved array subscript: one entry per index item, in
// order. Missing trailing items mean full slices (a[i] of a matrix is row
// i). The subscript's type in Types is the element type when every axis is
// indexed by an integer, else an *ir.Array view of the remaining axes.
type IndexInfo struct {
	Items []IndexItem
}

// IndexItem is one item of a subscript: an integer index, a slice, or a
// new axis (None or np.newaxis: a length-1 axis that indexes none of the
// array's).
type IndexItem struct {
	Slice bool
	// NewAxis marks None / np.newaxis (Slice false, Int nil).
	NewAxis bool
	// Int is the integer index expression (Slice false); negative values
	// count from the end, as in Python.
	Int ast.Expr
	// Lower, Upper, Step are the slice bounds (Slice true); nil when
	// omitted.
	Lower, Upper, Step ast.Expr
	// Array is an index array (advanced indexing, mask.go): a boolean
	// mask when Mask (it addresses ArrRank axes and gives one result
	// axis), else an integer array (it addresses one axis and gives
	// ArrRank result axes). A subscript has at most one.
	Array   ast.Expr
	Mask    bool
	ArrRank int
}

// Advanced returns the index of the subscript's index-array item, or -1
// when it has none (a basic subscript: a view).
func (ii *IndexInfo) Advanced() int {
	for k, it := range ii.Items {
		if it.Array != nil {
			return k
		}
	}
	return -1
}

// Object is what a name refers to: *Local, *Const, *Func, *Module or
// *Builtin.
type Object interface{ isObject() }

// Local is a parameter or local variable of a function. Python locals have
// one type for the whole function (flow-insensitive): an int that later
// holds a float is a float everywhere.
type Local struct {
	Name  string
	Type  ir.Type
	Pos   frontend.Pos // first definition (the parameter, or first assignment)
	Param bool
}

// Const is a module-level constant with its folded value: int64, float64,
// bool or complex128 (Type says which Scalar).
type Const struct {
	Name  string
	Type  ir.Scalar
	Value any
	Pos   frontend.Pos
}

// Func is a module-level function. A function with several `#pythran
// export` signatures is several Funcs (overloads), one per signature, in
// the order of the export lines: each has its own copy of the definition's
// AST (Def), so Info's maps hold the types of each, and its own Name (see
// OverloadName).
type Func struct {
	Name   string
	PyName string // the Python function's name: Name, except for overloads 2, 3, ...
	// Export is the `#pythran export` signature the parameter types come
	// from, or nil when they come from annotations.
	Export   *frontend.Export
	Def      *ast.FunctionDef
	Doc      string // docstring with common indentation removed, "" if none
	Pos      frontend.Pos
	Params   []*Local
	Defaults []ast.Expr // per parameter: its default value expression, or nil
	// DefaultValues holds, per parameter, its default folded to a
	// constant (nil when required or when folding failed), and KwOnly the
	// number of keyword-only parameters (the last ones): the
	// Python-visible signature that wrappers reproduce (ir.Func.Defaults).
	DefaultValues []*Const
	KwOnly        int
	// Captures is how many of the last (keyword-only) parameters are the
	// captures of a function lifted from a lambda or a nested def
	// (frontend.File.Captures): a use of the function's value passes
	// them, a call through it does not name them.
	Captures int
	Result   ir.Type  // ir.None, a Scalar or an *ir.Tuple
	Locals   []*Local // non-parameter locals, in order of first definition
	Scope    map[string]*Local

	exportTypes []ir.Type // per parameter, from Export (nil when not given)
	exportOK    bool

	// Specialisation (instance.go). A generic function (a template) has
	// parameters without types (untyped marks them); it is never
	// compiled, its instances are. An instance has its template, the key
	// of its signature and the types of its parameters (sigTypes); live
	// says the final pass reached it.
	generic   bool
	untyped   []bool
	instances []*Func
	template  *Func
	key       string
	sigTypes  []ir.Type
	live      bool
}

// Template returns the generic function fn is an instance of, or nil:
// fn was compiled for the argument types of calls to it (instance.go).
func (fn *Func) Template() *Func { return fn.template }

// Module is an imported module name (math, cmath, numpy as np, numba).
type Module struct{ Path string }

// Builtin is a Python builtin function name (abs, min, max, round, int,
// float, bool, complex, divmod, pow, range, len, enumerate, zip).
type Builtin struct{ Name string }

func (*Local) isObject()   {}
func (*Const) isObject()   {}
func (*Func) isObject()    {}
func (*Module) isObject()  {}
func (*Builtin) isObject() {}

// CallKind says what a call calls.
type CallKind uint8

const (
	CallFunc    CallKind = iota + 1 // a module function: Func is set
	CallBuiltin                     // a Python builtin: Name is "abs", "round", ...
	CallMath                        // math.NAME (also `from math import NAME`): Name is "sqrt", ...
	CallCmath                       // cmath.NAME
	CallNumpy                       // np.NAME: on scalars (np.float32(x), np.sqrt(x), ...) or arrays (np.zeros, np.sum, ...)
	CallMethod                      // a method of a value: Name is "conjugate"; Recv is the receiver
	// CallException is the exception constructor of a raise statement,
	// `raise ValueError("msg")`: Name is the class, Args is empty or the one
	// *ast.Str message (which has no entry in Types).
	CallException
)

// CallInfo is a resolved call. Args are bound in parameter order: keyword
// arguments moved to their position and omitted ones filled with the
// parameter's default expression (for module functions), so lower can
// evaluate Args left to right. Python evaluates explicit arguments in the
// order written; ArgOrder lists the indexes of Args in that order (the
// defaults, which are constants, last).
type CallInfo struct {
	Kind CallKind
	Name string
	Func *Func
	// Row is the numpy row of a CallNumpy call and of an array method
	// (nil for conjugate); Name is then the row's name (np.amin records
	// "min").
	Row *numpy.Row
	// Kwargs holds the keyword arguments of numpy functions and array
	// methods (axis=, dtype=, out= is unsupported), by name; Args holds
	// their positional arguments as written. Optional parameters passed
	// positionally are moved to Kwargs under their numpy parameter name
	// (np.zeros(3, np.int32) has Args [3] and Kwargs["dtype"]; a.sum(0)
	// has Kwargs["axis"]), so Args are only the operands: the array(s),
	// shape, fill value, arange's start/stop/step, linspace's start/stop.
	// dtype expressions (Kwargs["dtype"], astype's argument) are not
	// values and have no entry in Types: DType says what they name.
	Kwargs map[string]ast.Expr
	// Axis is the normalised axis= of a reduction (added for arrays):
	// 0..rank-1, or -1 when axis is None or omitted (a reduction over
	// all elements; cumsum/cumprod then work on the flattened array).
	// axis=0 (or -1) of a 1-d array is the same reduction and is -1 too,
	// so Axis >= 0 always means an array result.
	Axis int
	// Perm is np.transpose's constant permutation: result axis k is the
	// operand's axis Perm[k].
	Perm []int
	// DType is the element type a dtype= argument (or astype's argument,
	// or np.float32(...) style constructors) asks for; Invalid if none.
	DType    ir.Scalar
	Recv     ast.Expr
	Args     []ast.Expr
	ArgOrder []int
	// Closure, for a call of a function with captures (Func.Captures),
	// is the callee expression whose function value (its Types entry, an
	// *ir.FuncValue) supplies them, after Args.
	Closure ast.Expr
}

// AttrKind says what an attribute expression is.
type AttrKind uint8

const (
	AttrConst   AttrKind = iota + 1 // a module constant: math.pi, math.inf, cmath.pi...; Value set
	AttrReal                        // x.real
	AttrImag                        // x.imag
	AttrShape                       // a.shape: Types has a *ir.Tuple of int64, one per axis
	AttrNdim                        // a.ndim: int64 (a constant: the rank)
	AttrSize                        // a.size: int64
	AttrT                           // a.T: a transposed view
	AttrDtype                       // a.dtype: only as an argument (dtype=a.dtype, astype(a.dtype)); Type is the element type
	AttrNewaxis                     // np.newaxis: only as a subscript item (IndexItem.NewAxis); typed None
)

// AttrInfo is a resolved attribute value.
type AttrInfo struct {
	Kind  AttrKind
	Type  ir.Scalar
	Value any // for AttrConst: float64 (or complex128)
}
