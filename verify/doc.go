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
// Arrays cross the process boundary as .npy files in a temporary work
// directory: ref.py picks per case shape sizes (n, m, ...) shared by all
// array parameters (rank 1 gets (n,), rank 2 (n, m)), from 0, 1, 2, 3, 5,
// 8, 17, 100 (at most 4096 elements per array; n == m often), fills them by
// dtype (edges: ±0.0, ±inf, nan, huge and tiny floats, integer limits),
// saves them as case_K/in/arg_N.npy and calls the kernel with copies. The
// compiled side gets {"npy": PATH} arguments and an out_dir. Both sides
// write the result when it holds an array (result.npy, or result_N.npy per
// tuple element) and every array argument after the call (arg_N.npy), so
// in-place kernels are checked. Inputs are always C-contiguous: a .npy
// file cannot carry a strided view.
//
// Agreement means: the same exception class and message; or the same repr
// (so floats are bit-identical, signed zeros included). Three documented
// relaxations: an int result the compiled code returns as a float (a local
// widened by flow-insensitive inference) passes when the values are equal;
// a call where numpy 1.24 widened an array operation's dtype because of a
// run-time scalar's value (float32 array * 1e300 is float64) and the
// compiled code raised its value-based-casting ValueError
// (numpy.MsgValueCast) is counted apart and reported, not failed;
// and functions whose results go through a transcendental libm function
// (ir.IntrinsicInfo.Exact false anywhere in their call tree; the numpy
// registry states the same per function, numpy.Row.Inexact, which lower's
// TestRows keeps equal to what the intrinsics say) compare floats
// with |a-b| <= Tolerance * max(1, |a|, |b|) (complex results norm-wise),
// because Go's math package is not glibc's libm. Float and complex
// np.dot / np.matmul / @ are in the same class: numpy computes them with
// BLAS (OpenBLAS), whose summation order (blocking, SIMD lanes, FMA)
// differs from the compiled k-order loops, so lower accumulates them with
// the inexact blas_add intrinsic, or hands matrices of M*N*K >= 512 to
// BLAS itself through the inexact np_matmul intrinsic (gonum or the
// AVX-512 kernels in Go, numpy's own CBLAS calls in C, which then agree
// with numpy bit for bit), and the functions computing them are compared
// with Tolerance; integer products accumulate with a plain
// (exact, wrapping) addition and stay bit-exact. Arrays (results whose
// reference holds an array, and array arguments after the call) must have
// the same dtype and shape and bit-identical elements (any NaN matches any
// NaN; signed zeros differ), or for inexact functions elements within
// Tolerance (Tolerance32 for float32 and complex64).
package verify
