// Package typeinfer gives every expression, local and function of a parsed
// Python file a type, and resolves what every name, call and attribute
// refers to.
//
// What comes in: a *frontend.File (gpython AST plus PEP 526 annotations).
// What goes out: an *Info (see info.go) or a frontend.ErrorList with every
// independent type error of the file.
//
// Parameter types come from annotations or `#pythran export` lines; a
// function with untyped parameters is a template compiled once per
// argument-type signature of the calls to it (instance.go); locals
// and results are inferred by flow-insensitive unification over the whole
// function, iterated to a fixed point across functions so that recursion and
// calls in any order work. Unification follows Python's numeric tower
// (bool < int < float < complex), so a local that holds an int and later a
// float is a float; a contradiction with no promotion (a tuple and a number,
// say) is an error naming both places.
//
// # Conventions lower can rely on
//
// Beyond what info.go says:
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
//
// # Arrays
//
//   - Array types come from string annotations ("float64[:]", "f8[:,
//     ::1]", ranks 1-4), npt.NDArray annotations and pythran export lines
//     (both below), and from expressions; *ir.Array.Contig means the
//     innermost axis has unit stride. Fresh arrays (creation functions,
//     elementwise results, copy/astype/ravel) are Contig; views are
//     Contig only when provable (a row of a contiguous matrix, a unit-step
//     slice of the last axis).
//   - A local holds arrays of one dtype and rank: assigning another dtype
//     or rank, or an array to a scalar local, is an error naming both
//     places. The join of a contiguous and a strided array is strided.
//   - Array dtypes (operators, ufuncs, reductions, in-place casting) come
//     from package numpy's dtype table (numpy/dtypes.txt, numpy 1.24's
//     answers compacted by its rules, which TestDTypes re-probes); which
//     numpy functions, methods and attributes exist, their parameters and
//     type rules are numpy's rows (numpy.go binds calls to them).
//     numpy 1.24 casts Python and numpy SCALARS mixed with arrays by value
//     (int8 array + 1 is int8, + 1000 is int16; float32 array * 2.0 is
//     float32, * 1e300 is float64). A constant operand (literal, module
//     constant, constant arithmetic) is looked up by its value class. A
//     scalar known only at run time may hold any value of its kind: when
//     numpy's result dtype is the same for all of them the type is that
//     dtype; when it differs (int32 array * an int variable, float32
//     array * a float variable) the operation is rejected with a hint to convert
//     the scalar (np.int32(k)) — no static dtype would be right for every
//     run, and guessing would silently differ from numpy.
//   - Array stores (a[i] = v, a[1:] = b) cast like numpy's setitem
//     (unsafely: 2.7 into an int array stores 2), except complex into a
//     real array, which numpy rejects (or truncates with a warning): an
//     error here. In-place operators on arrays (a += b, m[i, :] *= 2)
//     follow numpy's casting="same_kind" rule; a[i] += v on an element is
//     a[i] = a[i] + v.
//   - numpy.typing annotations, `a: npt.NDArray[np.float64]` (also
//     `from numpy.typing import NDArray`, np.typing.NDArray), give the
//     dtype (any numpy scalar type, np.bool_ included) but no rank. A
//     parameter's rank is inferred from its uses in the body: the most
//     axes a subscript chain addresses (a[i] 1, m[i, j] and m[i][j] 2,
//     m[:, 0] 2; None and ... address none), m.shape[k] and axis=k (at
//     least k+1), len(a) and `for x in a` (at least 1) give lower bounds,
//     also through aliases (`row = m[i]` or `for row in m`, then row[j]:
//     m has at least 2), and the rank is the largest; `r, c = m.shape` and passing it to a parameter of
//     known rank (a string annotation, an export line, or another
//     NDArray parameter once inferred: a fixed point over the module) fix
//     it exactly. Two exact ranks that differ, or a lower bound above the
//     exact rank, is an error naming both uses; no evidence at all is
//     "cannot infer the rank of 'a' (npt.NDArray has none); index it or
//     annotate it as "float64[:, :]"". Nothing is guessed from broadcasting
//     (a + m is valid for many ranks of a). NDArray-annotated locals and
//     `-> npt.NDArray[...]` results take their rank (and contiguity) from
//     the values assigned/returned, like unannotated ones; their dtype
//     must then be the annotated one. NDArray inside tuple[...] is
//     rejected (no uses to infer from).
//   - Pythran export comments, `#pythran export f(float64[:, :], int)`
//     (frontend.File.Exports), give the parameter types of f, so Pythran
//     kernels compile unchanged: unannotated parameters are fine, and an
//     annotation must agree with the export line (an NDArray annotation
//     takes its rank from it). Pythran types: int float complex bool
//     (Python's), the numpy scalar names (int8..uint64, float32, float64,
//     complex64, complex128), arrays T[:], T[:, :], T[::], T[], T[][]
//     (int/float/complex/bool elements are int64/float64/complex128/bool),
//     ranks 1-4, `order(C)`; `order(F)` arrays, tuples, lists, sets,
//     dicts and strings are rejected with a diagnostic at the type. A
//     trailing parameter with a default may be left out of the line (its
//     type is then its annotation or its default's). Arrays from export
//     lines are not declared contiguous (Pythran accepts views).
//   - Overloads: a function with several export lines is compiled once
//     per signature; Pythran's alternatives (`f(float32[:] or
//     float64[:], int or float)`) expand to one signature per
//     combination, the first parameter's alternatives varying slowest
//     (at most 64). Each signature is its own Func, in export-line
//     order, with its own deep copy of the FunctionDef (Info is keyed by
//     AST node; the copy keeps positions, and typeinfer's side tables,
//     Info.MatMul among them, get entries for the copied nodes; the File
//     is never written). Naming rule (OverloadName): the
//     first signature keeps the Python name, the k-th is NAME_k (scale,
//     scale_2, scale_3); Func.PyName is the Python name of all of them.
//     ir.Func.Name, the Go name (naming.NewModule: Scale, ScaleInt64) and the
//     name `pyc2go run FILE.py scale_2` and verify report use follow
//     Func.Name; verify calls Python's scale for each. A suffixed name
//     that the module also defines is an error. A call from compiled
//     code picks the first signature whose parameter types the
//     arguments have exactly (arrays: same dtype and rank), else the
//     first they convert to, else it is an error listing the signatures.
//   - Expressions numpy evaluates at run time keep numpy's semantics; the
//     errors numpy raises from static facts (too many indices, an axis out
//     of range, a float index, a ragged list literal) are compile errors
//     worded like numpy's exceptions.
//   - Static shapes (shape.go): a broadcast that certainly fails is a
//     compile error at the operator or ufunc call, worded as numpy's
//     ValueError ("operands could not be broadcast together with shapes
//     (3,) (4,)", trailing space dropped). Shapes are known only from
//     creation calls with constant extents (zeros/ones/empty/full,
//     arange of constant ints, linspace, eye/identity, array of a list
//     literal, *_like/copy of a known shape), through elementwise
//     operators, ordering comparisons, ufuncs and where, and through
//     locals with one plain definition outside loops that are never
//     augmented, deleted, reshaped via .shape or passed to a module
//     function. Everything else is checked at run time; == and != are
//     never errors (numpy 1.24 warns and returns False). Info is
//     unchanged: the pass only adds errors.
package typeinfer
