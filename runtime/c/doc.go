// Package cruntime holds the C runtime of pyc2go's C backend, as source:
// src/pyc2go.h (the ABI: array and error structs, documented there) and
// src/pyc2go_runtime.c (CPython-exact arithmetic, cmath, numpy's
// reductions, the allocation pool, the chunking of OpenMP parallel loops
// and its fork guard). `pyc2go compile --lang c` writes both
// next to the generated kernels.h and kernels.c, and the user adds
// pyc2go_runtime.c to their build:
//
//	gcc -std=c11 -O3 -fopenmp kernels.c pyc2go_runtime.c -lm
//
// (or clang: both are tested, see emit/c's doc).
//
// src/pyc2go_linalg.h and src/pyc2go_linalg.c are numpy.linalg (and the
// BLAS-backed matrix products) on the system's LAPACKE and CBLAS, the C
// twin of package runtime/linalg. They are written only beside kernels
// that include pyc2go_linalg.h (UsesLinalg), whose build then adds
// pyc2go_linalg.c and LinalgLibs:
//
//	gcc -std=c11 -O3 -fopenmp kernels.c pyc2go_runtime.c pyc2go_linalg.c -llapacke -lopenblas -lm
//
// Every function has a Go twin in package runtime that it must agree with
// bit for bit where the IR marks an intrinsic exact; verify checks both
// backends against CPython. The C files live in src/ because Go refuses
// .c files in a package that does not use cgo.
package cruntime
