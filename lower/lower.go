package lower

import (
	"errors"
	"fmt"
	"path/filepath"
	"strconv"

	"github.com/go-python/gpython/ast"

	"github.com/pyc2go/pyc2go/frontend"
	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/typeinfer"
)

// Config holds the options of lowering: the directives that change the
// IR lowering makes. The optimiser's options are opt.Config.
type Config struct {
	// NoWrapAround is Cython's wraparound=False directive for integer
	// array subscripts (UNSAFE: it trades Python's semantics for speed):
	// an index is in range only when 0 <= i < n, so a[-1] is out of range
	// (IndexError with numpy's message while bounds checks are on,
	// undefined behaviour once the boundscheck pass has deleted them).
	// Slices keep Python's semantics. It is negative so that the zero
	// Config keeps Python's semantics.
	//
	// The wrap-off check 0 <= i < n is not the default -n <= i < n, so the
	// required passes may prove different checks; the driver therefore
	// passes the default compilation to opt (opt.Config.Reference), which
	// keeps every function that raises there raising, so that signatures
	// stay those of the default compilation. The one exception: a function
	// whose index checks the default proves from an explicit guard of
	// negative indices (if -n <= i < n: ... a[i]) keeps a check with
	// wraparound off and gains an error result.
	NoWrapAround bool
}

// Module lowers info into an IR module: every function's body as lowering
// builds it, before any pass (--dump-ir=after:lower prints it), with
// Func.Raises the fixed point over the call graph. Source-level problems
// (constructs typeinfer let through but lowering does not support) come
// back as a frontend.ErrorList; anything else is an internal error.
func Module(info *typeinfer.Info, cfg Config) (*ir.Module, error) {
	if info == nil || info.File == nil {
		return nil, errors.New("lower: nil Info or File")
	}
	return lowerModule(info, cfg)
}

// srcError is panicked by the lowerer for an unsupported construct; Module
// recovers it into a frontend.ErrorList. Any other panic is an internal
// error.
type srcError struct {
	pos frontend.Pos
	msg string
}

type modLowerer struct {
	cfg   Config
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
	ir.FixRaises(ml.mod, nil)
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

// constExpr builds the IR constant for a typeinfer constant value (int64,
// float64, bool or complex128 whatever the sized type): ir.ConstOf.
var constExpr = ir.ConstOf
