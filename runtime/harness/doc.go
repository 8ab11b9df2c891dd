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
// Exit status: 0 success, 2 usage error, 3 Python exception, 4 internal
// error (a Go panic or a non-Python error from compiled code: compiler bugs).
package harness
