// Package verify checks compiled kernels against the reference: CPython +
// numpy run the Python file, the compiled program runs the same calls, and
// the results must agree.
//
// What comes in: a compiled driver.Result and its built harness program.
// What goes out: a Report with one line per function (PASS/FAIL, cases,
// largest difference).
//
// The reference side is ref.py (embedded): it generates the inputs from
// the parameter types (seeded, mixing typical values with edges: zeros,
// signed zeros, negatives, huge and tiny magnitudes, inf, nan) or takes them
// from a user's CASES file, calls the kernel, and records each argument as a
// Python literal and each outcome as a repr or an exception. The compiled
// side gets exactly those literals.
//
// Agreement means: the same exception class and message; or the same repr
// (so floats are bit-identical, signed zeros included). Two documented
// relaxations: an int result the compiled code returns as a float (a local
// widened by flow-insensitive inference) passes when the values are equal;
// and functions whose results go through a transcendental libm function
// (ir.IntrinsicInfo.Exact false anywhere in their call tree) compare floats
// with |a-b| <= Tolerance * max(1, |a|, |b|) (complex results norm-wise),
// because Go's math package is not glibc's libm.
package verify
