// Package typeinfer gives every expression, local and function of a parsed
// Python file a type, and resolves what every name, call and attribute
// refers to.
//
// What comes in: a *frontend.File (gpython AST plus PEP 526 annotations).
// What goes out: an *Info (see info.go) or a frontend.ErrorList with every
// independent type error of the file.
//
// Parameter types come from annotations (a missing one is an error); locals
// and results are inferred by flow-insensitive unification over the whole
// function, iterated to a fixed point across functions so that recursion and
// calls in any order work. Unification follows Python's numeric tower
// (bool < int < float < complex), so a local that holds an int and later a
// float is a float; a contradiction with no promotion (a tuple and a number,
// say) is an error naming both places.
package typeinfer

// Conventions lower can rely on (beyond info.go):
//
//   - Types[e] is the type of e itself; where it differs from the type of
//     the place the value goes, lower converts: an assigned value to
//     Local.Type (locals widen flow-insensitively, annotated locals and
//     parameters keep their declared type), a call argument to
//     Params[i].Type, a returned value to Func.Result, the arms of `a if c
//     else b` and the arguments of min/max to Types of the whole
//     expression. Conversions only go up the numeric tower (bool < int <
//     float < complex); a narrowing one is a compile error, never implicit.
//   - The operands of `and`/`or` have identical types (Python returns one
//     of them unchanged), so Types of the BoolOp is theirs.
//   - Assignment, augmented-assignment and for-loop target names have Uses
//     (their *Local) and Types (the local's type) like names that are read.
//   - `for i in range(...)` and numba.prange: Calls has {CallBuiltin,
//     "range"} with 1-3 int arguments; the range call itself has no Types
//     entry (it is not a value) and range is rejected anywhere else. The
//     target always receives Python ints (int64).
//   - math.isclose / cmath.isclose calls are bound to all four parameters;
//     omitted rel_tol/abs_tol are synthesized *ast.Num defaults (typed).
//   - `raise E("msg")` has a Calls entry of kind CallException; `raise E`
//     has none. Uses of the class name is a *Builtin.
//   - `from math import pi` style constants resolve (Uses) to a *Const that
//     is not listed in Info.Consts; imported functions resolve to *Imported.
//   - ir kinds cannot tell np.bool_/np.int64/np.float64/np.complex128 from
//     Python's bool/int/float/complex, so values of those four kinds follow
//     Python's rules (a documented deviation); the other numpy kinds follow
//     numpy 1.24's promotion table in numpy_table.go, which
//     TestNumpyPromotion re-probes with /usr/bin/python3.
