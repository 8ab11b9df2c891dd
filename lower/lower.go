// Package lower turns a type-checked Python file (a typeinfer.Info) into
// pyc2go's IR and runs the IR pass pipeline on it.
//
// What comes in: the gpython AST plus what typeinfer learnt about it (types
// of every expression, what names and calls refer to).
// What goes out: an *ir.Module whose expressions are pure trees and whose
// every implicit Python exception is an explicit Check or Raise carrying
// CPython's class and message (docs/semantics.md), then optimised by the
// passes in passes.go.
//
// The two halves of the package:
//
//   - lowering (lower.go, func.go, stmt.go, expr.go, builtin.go): one
//     fnLowerer per function builds statements into the current block while
//     it walks expressions, so that checks land before the expression that
//     needs them and in Python's evaluation order;
//   - arrays (array.go: indexing, views, stores, array loops; fuse.go: one
//     loop nest per elementwise expression, broadcasting and numpy's
//     overlap rule; reduce.go: reductions; create.go: creation functions,
//     copies and reshapes; product.go: dot, matmul, outer);
//   - the pass manager (passes.go) with the required passes (constfold,
//     checkelim, guardelim, raises, boundscheck) and the optional loop
//     passes run at -O2: parallel.go (prange / #omp loops in chunks) and
//     unroll.go (reduction loops with several accumulators), which share
//     the body analyses of reduction.go (reductions, private temporaries)
//     and report what they did or declined through remark.go.
package lower

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"

	"github.com/go-python/gpython/ast"

	"github.com/pyc2go/pyc2go/frontend"
	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/typeinfer"
)

// Config controls the pass pipeline.
type Config struct {
	OptLevel  int             // 0 runs only required passes; 2 (or more) runs every pass not disabled
	Disable   map[string]bool // names of optional passes to skip
	DumpAfter string          // pass name after which to print the module to Dump; "" for none
	Dump      io.Writer
	// Verify runs ir.Verify after lowering and ir.VerifyFunc after every
	// pass; tests set it.
	Verify bool

	// NoBoundsCheck and NoWrapAround are Cython's boundscheck=False and
	// wraparound=False directives for integer array subscripts. Both are
	// UNSAFE: they trade Python's semantics for speed. They are negative so
	// that the zero Config keeps every check.
	//
	// NoBoundsCheck deletes the IndexError check of every array subscript
	// (the boundscheck pass); an out-of-range index is then undefined
	// behaviour: the Go code panics with an index-out-of-range runtime
	// error or reads (or writes) another element of the underlying slice.
	// The checks are deleted after the raises pass, so a function's Go
	// signature is exactly the one of the checked code.
	//
	// NoWrapAround drops the negative-index wrap: an index is in range
	// only when 0 <= i < n, so a[-1] is out of range (IndexError with
	// numpy's message when bounds checks are on, undefined behaviour when
	// they are off). Slices keep Python's semantics. Because the wrap-off
	// check 0 <= i < n is not the default -n <= i < n, guardelim may prove
	// different checks; Module therefore compiles the file once with the
	// default Config and keeps every function that returns an error there
	// returning one (see raisesRef), so signatures stay those of the
	// default compilation. The one exception: a function whose index
	// checks the default proves from an explicit guard of negative indices
	// (if -n <= i < n: ... a[i]) keeps a check with wraparound off and
	// gains an error result.
	NoBoundsCheck bool
	NoWrapAround  bool

	// FastMath lets passes reassociate floating-point reductions: the
	// unroll pass splits s += x[i] into several accumulators and the
	// parallel pass sums float partials per chunk. Results then differ
	// from CPython's in the last bits (never in exceptions or integer
	// results). Off by default, so that floats stay bit-identical.
	FastMath bool

	// Cache holds the cache sizes the tile pass sizes tiles for; zero
	// levels mean DefaultCache's, never the machine's (see CacheSizes).
	Cache CacheSizes

	// Remarks, if set, receives the remarks of optimisation passes (see
	// Remark), in pipeline order.
	Remarks func(Remark)

	// raisesRef, set by Module under NoWrapAround, holds Func.Raises of
	// the default compilation, by position in Module.Funcs: the raises
	// pass keeps those functions raising.
	raisesRef []bool
}

// Module lowers info into an IR module and runs the passes selected by cfg.
// Source-level problems (constructs typeinfer let through but lowering does
// not support) come back as a frontend.ErrorList; anything else is an
// internal error naming the stage or pass that failed.
func Module(info *typeinfer.Info, cfg Config) (*ir.Module, error) {
	if info == nil || info.File == nil {
		return nil, errors.New("lower: nil Info or File")
	}
	if cfg.NoWrapAround {
		ref, err := defaultRaises(info)
		if err != nil {
			return nil, err
		}
		cfg.raisesRef = ref
	}
	m, err := lowerModule(info, cfg)
	if err != nil {
		return nil, err
	}
	if cfg.Verify {
		if err := ir.Verify(m); err != nil {
			return nil, fmt.Errorf("lower: IR after lowering does not verify: %w", err)
		}
	}
	if err := runPasses(m, cfg); err != nil {
		return nil, err
	}
	return m, nil
}

// defaultRaises compiles info with the default Config (checks on, so
// exactly the signatures a plain compilation gives) and returns each
// function's Raises. The required passes alone fix Raises, so -O0 gives
// the same answer as -O2.
func defaultRaises(info *typeinfer.Info) ([]bool, error) {
	m, err := lowerModule(info, Config{})
	if err != nil {
		return nil, err
	}
	if err := runPasses(m, Config{}); err != nil {
		return nil, err
	}
	ref := make([]bool, len(m.Funcs))
	for i, f := range m.Funcs {
		ref[i] = f.Raises
	}
	return ref, nil
}

// srcError is panicked by the lowerer for an unsupported construct; Module
// recovers it into a frontend.ErrorList. Any other panic is an internal
// error.
type srcError struct {
	pos frontend.Pos
	msg string
}

type modLowerer struct {
	cfg   Config // NoWrapAround is read by index; the rest is for the passes
	info  *typeinfer.Info
	mod   *ir.Module
	funcs map[*typeinfer.Func]*ir.Func
	// params holds, per typeinfer parameter of each function, the IR
	// parameters that hold it (values.go).
	params map[*typeinfer.Func][][]*ir.Var
	errs   frontend.ErrorList
}

func lowerModule(info *typeinfer.Info, cfg Config) (m *ir.Module, err error) {
	ml := &modLowerer{
		cfg:    cfg,
		info:   info,
		mod:    &ir.Module{File: filepath.Base(info.File.Path)},
		funcs:  map[*typeinfer.Func]*ir.Func{},
		params: map[*typeinfer.Func][][]*ir.Var{},
	}
	if doc := moduleDoc(info.File); doc != "" {
		ml.mod.Doc = doc
	}
	for _, c := range info.Consts {
		ml.mod.Consts = append(ml.mod.Consts, &ir.Const{
			Name:  c.Name,
			Value: constExpr(c.Type, c.Value),
			Pos:   irPos(c.Pos),
		})
	}
	// Create every Func (signature only) first so calls can point at their
	// callee whatever the order of definition.
	for _, tf := range info.Funcs {
		f := &ir.Func{Name: tf.Name, Doc: tf.Doc, Pos: irPos(tf.Pos), Result: resultType(tf.Result), PyName: tf.PyName}
		if f.PyName == "" {
			f.PyName = f.Name
		}
		// A parameter is as many IR parameters as its value has
		// variables (values.go): one, except for optional numbers (two)
		// and None (none).
		dflts := paramDefaults(tf)
		vars := make([][]*ir.Var, len(tf.Params))
		for i, p := range tf.Params {
			for k, t := range flatTypes(p.Type) {
				name := p.Name
				switch p.Type.(type) {
				case *ir.FuncValue, *ir.Tuple:
					name = p.Name + "_" + strconv.Itoa(k) // capture or leaf k
				case *ir.Optional:
					if k > 0 {
						name = p.Name + "_none"
					}
				}
				v := &ir.Var{Name: name, Type: t, Param: true, Nullable: isOptionalArray(p.Type)}
				vars[i] = append(vars[i], v)
				if k == 0 && i < len(dflts) && dflts[i] != nil && !isMulti(p.Type) {
					for len(f.Defaults) < len(f.Params) {
						f.Defaults = append(f.Defaults, nil)
					}
					f.Defaults = append(f.Defaults, dflts[i])
				}
				f.Params = append(f.Params, v)
				if i >= len(tf.Params)-tf.KwOnly {
					f.KwOnly++
				}
			}
		}
		ml.params[tf] = vars
		setPyTypes(f, tf)
		ml.funcs[tf] = f
		ml.mod.Funcs = append(ml.mod.Funcs, f)
	}

	// Whether a call is an expression or a CallStmt depends on whether the
	// callee raises, which depends on the callee's body and, through
	// recursion, possibly on the caller's. So lower twice: the first round,
	// with every Raises false, finds which functions contain a Check or
	// Raise of their own and who calls whom (neither depends on Raises);
	// Raises is then the fixed point over the call graph, and the second
	// round lowers for real.
	if err := ml.lowerBodies(); err != nil {
		return nil, err
	}
	recomputeRaises(ml.mod)
	if err := ml.lowerBodies(); err != nil {
		return nil, err
	}
	return ml.mod, nil
}

func (ml *modLowerer) lowerBodies() (err error) {
	for _, tf := range ml.info.Funcs {
		if e := ml.lowerFunc(tf); e != nil {
			return e
		}
	}
	if len(ml.errs) > 0 {
		ml.errs.Sort()
		return ml.errs
	}
	return nil
}

// lowerFunc lowers one function, turning a srcError panic into an entry of
// ml.errs and any other panic into an internal error.
func (ml *modLowerer) lowerFunc(tf *typeinfer.Func) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if se, ok := r.(srcError); ok {
				ml.errs.Add(se.pos, "%s", se.msg)
				return
			}
			err = fmt.Errorf("lower: internal error in func %s: %v", tf.Name, r)
		}
	}()
	newFnLowerer(ml, tf).lower()
	return nil
}

// scanRaises reports whether f contains a Check or Raise of its own, and the
// functions it calls.
func scanRaises(f *ir.Func) (bool, []*ir.Func) {
	own := false
	var callees []*ir.Func
	seen := map[*ir.Func]bool{}
	addCall := func(c *ir.Call) {
		if c != nil && c.Fn != nil && !seen[c.Fn] {
			seen[c.Fn] = true
			callees = append(callees, c.Fn)
		}
	}
	ir.WalkStmts(f.Body, func(s ir.Stmt) {
		switch s := s.(type) {
		case *ir.Check, *ir.Raise:
			own = true
		case *ir.CallStmt:
			addCall(s.Call)
		}
		forEachExpr(s, func(e ir.Expr) {
			walkExpr(e, func(e ir.Expr) {
				if c, ok := e.(*ir.Call); ok {
					addCall(c)
				}
			})
		})
	})
	return own, callees
}

// moduleDoc returns the module docstring, if the file has one.
func moduleDoc(f *frontend.File) string {
	if f.Module == nil || len(f.Module.Body) == 0 {
		return ""
	}
	if es, ok := f.Module.Body[0].(*ast.ExprStmt); ok {
		if s, ok := es.Value.(*ast.Str); ok {
			return string(s.S)
		}
	}
	return ""
}

func irPos(p frontend.Pos) ir.Pos { return ir.Pos{Line: p.Line, Col: p.Col} }

// setPyTypes records the Python parameter and result types of f where
// tuples make them differ from its flat IR ones (ir.Func.PyParams).
func setPyTypes(f *ir.Func, tf *typeinfer.Func) {
	nested := func(t ir.Type) bool {
		tt, ok := t.(*ir.Tuple)
		if !ok {
			return false
		}
		for _, e := range tt.Elems {
			if _, ok := e.(*ir.Tuple); ok {
				return true
			}
		}
		return false
	}
	if nested(tf.Result) {
		f.PyResult = tf.Result
	}
	tuples := false
	for _, p := range tf.Params {
		if _, ok := p.Type.(*ir.Tuple); ok {
			tuples = true
		}
	}
	if tuples {
		for _, p := range tf.Params {
			f.PyParams = append(f.PyParams, ir.PyParam{Name: p.Name, Type: p.Type})
		}
	}
}

// constExpr builds the IR constant for a typeinfer constant value, which is
// int64, float64, bool or complex128 whatever the sized type.
// paramDefaults is ir.Func.Defaults of tf: each folded default converted
// to its parameter's type, as a call that omits the argument passes it.
func paramDefaults(tf *typeinfer.Func) []*ir.ConstExpr {
	var ds []*ir.ConstExpr
	for i, d := range tf.DefaultValues {
		t, ok := tf.Params[i].Type.(ir.Scalar)
		if d == nil || !ok {
			continue
		}
		for len(ds) < i {
			ds = append(ds, nil)
		}
		c := constExpr(t, d.Value)
		switch x := c.Value.(type) {
		case float64:
			if t == ir.Float32 {
				c.Value = float64(float32(x))
			}
		case complex128:
			if t == ir.Complex64 {
				c.Value = complex128(complex64(x))
			}
		}
		ds = append(ds, c)
	}
	return ds
}

func constExpr(t ir.Scalar, v any) *ir.ConstExpr {
	switch x := v.(type) {
	case int:
		v = int64(x)
	case float32:
		v = float64(x)
	case complex64:
		v = complex128(x)
	}
	// Make the Go value agree with the type (a float constant typed int is
	// a typeinfer bug, but an int value for a float type is a plain
	// literal we can convert exactly).
	switch {
	case t.IsFloat():
		if i, ok := v.(int64); ok {
			v = float64(i)
		}
	case t.IsComplex():
		switch x := v.(type) {
		case int64:
			v = complex(float64(x), 0)
		case float64:
			v = complex(x, 0)
		}
	case t.IsInt():
		if b, ok := v.(bool); ok {
			v = int64(0)
			if b {
				v = int64(1)
			}
		}
	}
	return &ir.ConstExpr{T: t, Value: v}
}
