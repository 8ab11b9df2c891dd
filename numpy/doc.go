// Package numpy is pyc2go's knowledge of numpy 1.24, as data: one row per
// numpy name pyc2go supports, the dtype numpy gives every array
// operation, and the list of numpy's public names.
//
// What comes in: nothing at run time; the rows are Go literals (rows.go;
// np.linalg's in rows_linalg.go, indexed as "linalg.NAME"),
// the dtype table and the names are embedded text (dtypes.txt, names.txt)
// parsed on first use, so a process that compiles no numpy code (pyc2go
// version, a generated harness) never pays for them.
// What goes out: lookups (Lookup, LookupMethod, LookupAttr) that typeinfer
// and lower consult, the dtype rules (UnaryDType, FuncDType, BinaryDType,
// ScalarDType, SameKind), the diagnostics for names pyc2go lacks
// (Unsupported, UnsupportedMethod) and the docs' table (DocTable).
//
// # A row
//
// A Row (row.go) holds, for np.sum say:
//
//	Name, Aliases       "sum"; np.amin is the row "min" with alias "amin"
//	Kind, Forms         a Reduction, spelled np.sum(...) and a.sum(...)
//	Sig, Accepts        numpy's signature, and the optional parameters
//	                    pyc2go implements ("axis"): the others are "not
//	                    supported yet", unknown keywords numpy's TypeError
//	Type                the type rule: result type from the operand types
//	Shape               how the static shape pass derives the shape
//	Intrinsic           the IR intrinsic computing one element, if one does
//	Inexact, NotYet     operand classes compared within verify's tolerance
//	                    (a libm function, BLAS's order), and classes numpy
//	                    accepts that pyc2go does not compile yet
//	Raises              run-time exceptions: numpy's class and message
//	Example, Doc        what the docs' table shows and the tests compile
//
// # Who reads the rows, and why the layout
//
// The stages import in one direction: lower imports typeinfer, and the
// emitters import neither. The rows live below both, in this package,
// which imports only ir:
//
//   - type rules are functions here (rules.go) of a Call: the operand
//     types, the optional arguments given, and an Env through which the
//     rule asks typeinfer what only the syntax knows (constant values,
//     value-based casting of a scalar operand, where to report). A rule
//     is therefore testable without a parser, and adding a function
//     rarely needs typeinfer: typeinfer/numpy.go binds any call to any
//     row's parameters;
//   - lowerings cannot live here (they build IR through lower's
//     fnLowerer): lower binds them by row name (lower/npLowerings), and a
//     row computed by one intrinsic per element needs no binding at all.
//     TestLowerings checks the bindings against the rows;
//   - exactness is stated once, in the row, and checked against the IR:
//     lower's TestRows compiles every row's example for int, float and
//     complex arrays and requires that the intrinsics verify sees
//     (ir.IntrinsicInfo.Exact, from which verify picks its tolerance)
//     make the result inexact exactly for the classes the row lists; it
//     also requires every documented fault to be raised by the IR;
//   - the docs' table (docs/language.md) is generated from the rows by
//     `go run ./numpy/gendoc`; TestDocTable fails while it is stale.
//
// # Adding a numpy function
//
//  1. Add a row to rows.go: its numpy signature (copy inspect.signature
//     from /usr/bin/python3), the parameters you implement in Accepts, a
//     Doc line, an Example, and what it raises. An elementwise function
//     of one or two operands is u1/u2 (type rule ufunc1/ufunc2).
//  2. Give it a type rule: an existing one (ufunc1, reduce, like, ...) or
//     a new function in rules.go. A ufunc's dtypes come from numpy itself:
//     add its name to UFUNCS (one operand) or BINOPS (two) in
//     testdata/numpy_array_probe.py and run
//     `PYC2GO_UPDATE=1 go test ./numpy -run TestDTypes`.
//  3. Lower it: nothing if one IR intrinsic computes an element (set
//     Intrinsic; add the intrinsic to ir/intrinsic.go and both emitters
//     if it is new); otherwise a binding in lower/numpy.go's npLowerings:
//     elem (elementwise: one element from scalar operands), array (an
//     array result), stmt (a statement).
//  4. Declare its exactness (Inexact) and anything it does not compile
//     yet (NotYet); run `go test ./numpy ./lower ./typeinfer`, which check
//     the row against numpy's names, its lowering and its IR.
//  5. Regenerate the docs' table (`go run ./numpy/gendoc`) and add
//     differential kernels to testdata/py (with their goldens:
//     PYC2GO_UPDATE=1 go test ./driver), error cases to testdata/errors.
package numpy
