// Command pyc2go compiles type-annotated Python + numpy kernels ahead of
// time into Go.
//
//	pyc2go compile [-o FILE] [-pkg NAME] [--dump-ir[=after:PASS]] [-O0|-O2] [--passes=-NAME,...] [--boundscheck=on|off] [--wraparound=on|off] FILE.py
//	pyc2go check FILE.py...
//	pyc2go run [--lang go] [--out DIR] [--repeat N] [--json] [-O0|-O2] FILE.py FUNC [--] ARG...
//	pyc2go verify [--cases CASES.py] [--python PATH] [--seed N] [-n N] [-O0|-O2] FILE.py...
//	pyc2go version
//
// --boundscheck=off and --wraparound=off (also for run and verify) are
// Cython's unsafe directives: no IndexError checks, no negative-index wrap.
//
// Exit status: 0 success, 1 diagnostics or a verification mismatch, 2 usage
// errors, 3 a Python exception raised by the function `run` called.
package main
