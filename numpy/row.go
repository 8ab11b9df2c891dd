package numpy

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/pyc2go/pyc2go/ir"
)

// Row is everything pyc2go knows about one numpy name: a function
// (np.sum), an array method (a.sum), an array attribute (a.shape), a
// scalar type (np.float32) or a module constant (np.pi).
type Row struct {
	// Name is numpy's name for it, Aliases the other names numpy binds
	// to the same object (np.amin is np.min); calls record Name.
	Name    string
	Aliases []string
	// Module is the numpy submodule the name is in: "" for np.NAME,
	// "linalg" for np.linalg.NAME. The registry indexes such rows as
	// "linalg.NAME" (Lookup, Path).
	Module string
	Kind   Kind
	// Forms says how a callable row is spelled: np.NAME(...), a.NAME(...)
	// or both.
	Forms Form
	// Sig is numpy 1.24's parameter list, as inspect.signature spells it
	// (/ and * markers, defaults), and Accepts names the optional
	// parameters pyc2go implements: passing another is "not supported
	// yet", an unknown keyword numpy's TypeError. Parameters up to the
	// first one with a default are the operands (CallInfo.Args); `=?`
	// marks an optional operand (left out of Args when omitted) and
	// `*NAME` takes every positional argument. A parameter named dtype
	// names a type, not a value (CallInfo.DType). A method form's
	// parameters are Sig without the first one, unless MethodSig says
	// otherwise.
	Sig, MethodSig string
	Accepts        string
	// Type computes the result type of a call (nil for attributes and
	// constants: Attr and Value describe them).
	Type TypeRule
	// Attr types an array attribute from the array.
	Attr func(a *ir.Array) (ir.Type, string)
	// Shape says how typeinfer's static shape pass derives the result's
	// shape from the operands (ShapeNone: checked at run time only).
	Shape ShapeRule
	// Intrinsic is the IR intrinsic that computes one element of an
	// elementwise row from its operands (converted to the result type);
	// rows without one are lowered by name in package lower.
	Intrinsic string
	// Inexact lists the operand classes for which the compiled result
	// may differ from numpy's in the last bits (a libm function, BLAS's
	// summation order); verify compares those within its tolerance, and
	// TestExactness checks the rows against the IR's intrinsics.
	Inexact Classes
	// NotYet lists the operand classes numpy accepts and pyc2go does not
	// compile yet (np.mean of a complex array).
	NotYet Classes
	// Raises lists the exceptions a call raises at run time, with
	// numpy's class and message (%d for run-time values).
	Raises []Fault
	// Example is a call the docs show and the tests compile for int64,
	// float64 and complex128 arrays (a and b are 2-d arrays, v a 1-d
	// array, x and y floats, n and i ints); Tests are more calls the
	// tests compile, for the faults the example cannot raise.
	Example string
	Tests   []string
	// Doc is the one line the docs table gives.
	Doc string
	// Scalar is a Type row's kind and Code its dtype code ("f8"); Value
	// a Constant row's value.
	Scalar ir.Scalar
	Code   string
	Value  float64

	params, methodParams []Param
	accepts              map[string]bool
}

// Kind groups rows by what they are.
type Kind uint8

const (
	Type         Kind = iota + 1 // a scalar type: np.float32(x), dtype=np.float32, annotations
	Elementwise                  // computed element by element with broadcasting: ufuncs, where, clip, round
	Creation                     // a fresh array: np.zeros, np.arange, np.copy
	Reduction                    // a reduction over all elements or along axis=: np.sum, a.max(), np.cumsum
	Product                      // np.dot, np.matmul, np.outer
	Linalg                       // np.linalg: a runtime library function (runtime/linalg, pyc2go_linalg.c)
	Method                       // another array method: a.astype, a.reshape, a.fill
	Attribute                    // an array attribute: a.shape
	Constant                     // a module constant: np.pi
	Manipulation                 // a new arrangement of elements: np.diff, np.transpose, np.concatenate
)

var kindNames = [...]string{Type: "scalar types", Elementwise: "elementwise", Creation: "array creation",
	Reduction: "reductions", Product: "products", Linalg: "linear algebra (np.linalg)", Method: "array methods",
	Attribute: "array attributes", Constant: "constants", Manipulation: "array manipulation"}

func (k Kind) String() string { return kindNames[k] }

// Form says how a callable row is spelled.
type Form uint8

const (
	Func Form = 1 << iota // np.NAME(...)
	Meth                  // a.NAME(...) on an array
)

// Classes is a set of operand classes (element kinds of the operands).
type Classes uint8

const (
	Ints Classes = 1 << iota // bool and the integer kinds
	Floats
	Complexes
)

// Of is the class of a kind.
func Of(k ir.Scalar) Classes {
	switch {
	case k.IsFloat():
		return Floats
	case k.IsComplex():
		return Complexes
	}
	return Ints
}

// Fault is an exception a call raises at run time.
type Fault struct {
	Class string // numpy's exception class: ValueError
	Msg   string // numpy's message; %d stands for a run-time value
	When  string // what causes it
}

// ShapeRule says how the static shape pass derives a call's shape.
type ShapeRule uint8

const (
	ShapeNone      ShapeRule = iota // unknown until run time
	ShapeExtents                    // operand 0 is the shape (np.zeros)
	ShapeOperand                    // operand 0's shape (ufuncs of one operand, np.zeros_like, np.copy)
	ShapeBroadcast                  // the operands broadcast; a certain failure is reported
	ShapeClip                       // the operands broadcast; failures are left to run time
	ShapeArange                     // np.arange of constant ints
	ShapeLinspace                   // num= (50)
	ShapeEye                        // (N, M)
	ShapeLiteral                    // np.array of a list literal, or operand 0's shape
)

// Param is one parameter of Sig.
type Param struct {
	Name     string
	Default  string // numpy's default as written; "" for a required parameter, "?" for an optional operand
	Operand  bool   // bound into CallInfo.Args
	Variadic bool   // *NAME: every positional argument
	PosOnly  bool   // before "/"
	KwOnly   bool   // after "*"
}

// TypeOf types a call of the row: the operand classes it does not
// support yet are reported, then its Type rule runs.
func (r *Row) TypeOf(c *Call) ir.Type {
	for i, t := range c.Args {
		k, isS := t.(ir.Scalar)
		what := TypeName(t)
		if a, ok := t.(*ir.Array); ok {
			k, isS, what = a.Elem, true, AnArray(a.Elem)
		}
		if isS && Of(k)&r.NotYet != 0 {
			c.Errorf(i, "unsupported: %s() of %s (not supported yet)", c.Disp, what)
			return nil
		}
	}
	return r.Type(c)
}

// Raise is the message of the row's first fault of class (lowerings raise
// numpy's words from the row); it panics when the row lists none.
func (r *Row) Raise(class string) string {
	for _, f := range r.Raises {
		if f.Class == class {
			return f.Msg
		}
	}
	panic("numpy row " + r.Name + " raises no " + class)
}

// Params is the row's parameter list as np.NAME.
func (r *Row) Params() []Param { return r.params }

// MethodParams is the row's parameter list as a.NAME.
func (r *Row) MethodParams() []Param { return r.methodParams }

// Accepted reports whether pyc2go implements the optional parameter name.
func (r *Row) Accepted(name string) bool { return r.accepts[name] }

// Callable reports whether the row is called (a function, a method or a
// scalar type).
func (r *Row) Callable() bool { return r.Kind != Attribute && r.Kind != Constant }

// Names is the row's name and its aliases.
func (r *Row) Names() []string { return append([]string{r.Name}, r.Aliases...) }

// Path is the row's name as the registry indexes it: "sum", or
// "linalg.solve" for a row of a submodule.
func (r *Row) Path() string { return r.path(r.Name) }

func (r *Row) path(name string) string {
	if r.Module == "" {
		return name
	}
	return r.Module + "." + name
}

// Namespace is the numpy namespace of the row's function form: "numpy"
// or "numpy.linalg" (names.txt's namespaces).
func (r *Row) Namespace() string {
	if r.Module == "" {
		return "numpy"
	}
	return "numpy." + r.Module
}

// parseSig reads a Sig: "a, /, axis=None, *, keepdims=<no value>".
func parseSig(sig string) ([]Param, error) {
	var ps []Param
	kw := false
	for _, f := range strings.Split(sig, ",") {
		f = strings.TrimSpace(f)
		switch f {
		case "":
			continue
		case "/":
			for i := range ps {
				ps[i].PosOnly = true
			}
			continue
		case "*":
			kw = true
			continue
		}
		p := Param{KwOnly: kw}
		if name, ok := strings.CutPrefix(f, "*"); ok {
			p.Name, p.Variadic, p.Operand = name, true, true
		} else {
			name, def, _ := strings.Cut(f, "=")
			p.Name, p.Default = name, def
			if _, hasDefault := strings.CutPrefix(f, name+"="); hasDefault && def == "" {
				return nil, fmt.Errorf("parameter %s: empty default", name)
			}
			// Operands: the leading required or optional-operand
			// parameters.
			p.Operand = !kw && name != "dtype" && (def == "" || def == "?") && (len(ps) == 0 || ps[len(ps)-1].Operand)
		}
		if strings.ContainsAny(p.Name, " ()[]") || p.Name == "" {
			return nil, fmt.Errorf("bad parameter %q", f)
		}
		ps = append(ps, p)
	}
	return ps, nil
}

// registry is the rows indexed.
type registry struct {
	rows    []*Row          // in table order
	funcs   map[string]*Row // np.NAME: functions, types, constants
	methods map[string]*Row // a.NAME(...)
	attrs   map[string]*Row // a.NAME
}

var index = sync.OnceValue(func() *registry {
	reg := &registry{rows: allRows(), funcs: map[string]*Row{}, methods: map[string]*Row{}, attrs: map[string]*Row{}}
	for _, r := range reg.rows {
		if err := r.init(); err != nil {
			panic(fmt.Sprintf("numpy row %s: %v", r.Name, err))
		}
		for _, name := range r.Names() {
			n := r.path(name)
			if reg.funcs[n] != nil && r.Kind != Attribute && r.Forms&Func != 0 || reg.attrs[n] != nil && r.Kind == Attribute {
				panic("numpy: two rows named " + n)
			}
			switch {
			case r.Kind == Attribute:
				reg.attrs[n] = r
			case r.Forms&Meth != 0 && name == r.Name:
				// Aliases are numpy module names (np.amin), not methods.
				reg.methods[n] = r
			}
			if r.Forms&Func != 0 || r.Kind == Type || r.Kind == Constant {
				reg.funcs[n] = r
			}
		}
	}
	return reg
})

func (r *Row) init() error {
	var err error
	if r.params, err = parseSig(r.Sig); err != nil {
		return err
	}
	msig := r.MethodSig
	if msig == "" && r.Forms&Meth != 0 && r.Forms&Func != 0 {
		_, msig, _ = strings.Cut(r.Sig, ",")
	} else if msig == "" {
		msig = r.Sig
	}
	if r.methodParams, err = parseSig(msig); err != nil {
		return err
	}
	r.accepts = map[string]bool{}
	for _, a := range strings.Fields(r.Accepts) {
		found := false
		for _, p := range append(r.params, r.methodParams...) {
			found = found || p.Name == a
		}
		if !found {
			return fmt.Errorf("Accepts names %s, which Sig lacks", a)
		}
		r.accepts[a] = true
	}
	return nil
}

// Lookup returns the row of np.NAME (a function, scalar type or constant),
// or nil; np.linalg.NAME is Lookup("linalg.NAME").
func Lookup(name string) *Row { return index().funcs[name] }

// LookupMethod returns the row of the array method a.NAME(...), or nil.
func LookupMethod(name string) *Row { return index().methods[name] }

// LookupAttr returns the row of the array attribute a.NAME, or nil.
func LookupAttr(name string) *Row { return index().attrs[name] }

// Rows lists every row, in table order.
func Rows() []*Row { return index().rows }

// supportedNames lists every spelling np.NAME and a.NAME pyc2go supports,
// sorted, for suggestions.
func supportedNames() (funcs, methods []string) {
	reg := index()
	for n := range reg.funcs {
		if !strings.Contains(n, ".") { // np.linalg.NAME is no typo of np.NAME
			funcs = append(funcs, n)
		}
	}
	for n := range reg.methods {
		methods = append(methods, n)
	}
	for n := range reg.attrs {
		methods = append(methods, n)
	}
	sort.Strings(funcs)
	sort.Strings(methods)
	return funcs, methods
}
