// Package harness is the main program of binaries compiled by pyc2go for
// `pyc2go run` and `pyc2go verify`. Generated code supplies a table of
// Funcs; the harness owns everything else: command-line parsing, converting
// Python literal arguments to the Go parameter types, calling, printing
// results with Python's repr, reporting Python exceptions, timing, writing
// results as .npy, and the JSON-lines batch protocol used to compare the
// compiled kernels against CPython.
//
// Usage of a compiled binary:
//
//	BIN call [--out DIR] [--repeat N] [--json] FUNC [--] ARG...
//	BIN batch        < JSON lines {"func": "gcd", "args": ["-12", "18"]}
//	BIN list
//
// Scalar arguments are Python literals. An argument of an array parameter
// ("float64[:]", "int64[:, :]", ...) is the path of a .npy file whose dtype
// and rank must match exactly; in batch mode it is written
// {"npy": "/path/a.npy"}, and a request may add "out_dir": "DIR". Array
// results print as numpy's repr. --out DIR (or out_dir) writes the result
// as result.npy (result_N.npy for the items of a tuple) and, after the
// call, every array argument as arg_N.npy (N the 0-based parameter
// position) so in-place kernels can be checked from outside. With
// --repeat, every repetition gets freshly loaded array arguments.
//
// Exit status: 0 success, 2 usage error, 3 Python exception, 4 internal
// error (a Go panic or a non-Python error from compiled code: compiler bugs).
package harness
