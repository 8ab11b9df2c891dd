// Package emitc is pyc2go's C emitter: it prints an ir.Module as C11, a
// header MODULE.h and a source MODULE.c that include the C runtime's
// pyc2go.h (runtime/c) and link against its pyc2go_runtime.c (and
// pyc2go_random.c for np.random). It prints IR only; it imports neither
// frontend nor typeinfer.
//
// # Compilers
//
// The output and the runtime must compile cleanly under -std=c11 -Wall
// -Wextra -Werror at -O2 and -O3 with gcc (12) and clang (14):
// TestCorpusCompiles compiles every corpus kernel with each compiler on
// PATH, and verify/ccorpus runs the corpus built by each against CPython.
// The emitter prints nothing compiler-specific; what differs lives in
// pyc2go.h: CMPLX and CMPLXF, which glibc's <complex.h> defines for gcc
// only, and #pragma STDC FP_CONTRACT OFF for clang, which would otherwise
// fuse a*b+c into an FMA where the target has one (gcc's ISO modes do not).
//
//	ir.Module --File--> MODULE.h, MODULE.c      (compile --lang c)
//	ir.Module --Bridge--> bridge.go (cgo)       (run/verify --lang c)
//
// # ABI
//
// The ABI is documented in runtime/c/src/pyc2go.h and README ("The C
// backend"): `int MODULE_f(params..., RESULT *out..., pyc2go_error *err)`,
// scalars by value, arrays as (const) pyc2go_array_T pointers whose strides
// count elements, results through out-pointers, 0 on success. A parameter
// is const when it is ir.Var.ReadOnly: opt's readonly pass found no path
// by which f writes its elements (a Store into it, a view or copy of it,
// or a callee's writable parameter).
//
// # Functions
//
// Every function of the module, private ones included (static, marked
// PYC2GO_PRIVATE), has the ABI's shape, so a raising call is
// `if (MODULE_g(args, &dst, err)) goto fail;` and the exception
// propagates as Python's does. A Call inside an expression is hoisted into
// a temporary computed just before the statement (inside the loop for a
// while condition, so continue re-evaluates it); calls in expressions are
// pure and cannot raise, so evaluating one Python would have
// short-circuited is unobservable. Locals are declared at the top,
// zero-initialised (gcc's -Wmaybe-uninitialized cannot see lower's
// definite assignment); unread variables get (void)x;.
//
// Array parameters the body never re-assigns are used through their
// pointer, with the data pointer read once into a local (x_data[...]: it
// also keeps gcc 12's -O3 vectoriser off a miscompilation, see dataOf);
// re-assigned ones are copied into a local struct first. Array locals are
// struct values.
//
// # Memory
//
// A function that allocates (Alloc, np_zeros_k, np_sum_axis) or receives
// arrays from calls keeps their blocks in a pyc2go_pool. At a return, the
// block of each returned array moves to its owner field
// (pyc2go_pool_take: a view of an input, or a second result sharing the
// block, finds none and borrows), and the pool frees the rest; the fail
// label frees everything. So temporaries are freed on every path. A block
// allocated in a loop lives until the function returns (no liveness
// analysis yet).
//
// # Arithmetic
//
// Every expression is printed at exactly its IR type, with explicit casts
// where C would promote (float32 libm calls go through double and are
// cast back, like the Go backend). Signed and narrow integer +, -, *,
// unary -, << and >> call pyc2go_add_int64 and friends, which wrap in
// unsigned arithmetic: C's signed overflow is undefined, the IR's wraps.
// Complex * and / call CPython's algorithms (C's follow Annex G). Checks
// negate only == and != by flipping (NaN). Binary operands that are not
// names, literals or calls are always parenthesised, so C's precedence
// rules never matter. Constants print as shortest round-trip literals
// (f suffix for float32), INFINITY, NAN, INT64_MIN, CMPLX(re, im).
//
// # Loops
//
// For loops are C for loops (i++ / i-- for unit steps, a wrapping add
// otherwise). A concurrent loop (ir.For.Concurrent: the chunk pass's loop
// over the chunks of a parallel loop) is an OpenMP loop: each iteration
// declares its own Locals, pyc2go_error and pool, raises jump to the
// iteration's own label, and after the loop the lowest failing
// iteration's error propagates (parallel.go). The chunk bounds, private
// copies and the fold of the partials in chunk order are ordinary IR,
// printed as any other, so the Go and C backends cut the same chunks and
// fold the same bits. The pragmas are written PYC2GO_OMP(...), empty
// without -fopenmp, so the same code builds warning-free and runs
// sequentially there.
//
// A For with Restrict (opt/restrict.go proves it) reaches each listed
// array's elements through one restrict pointer to its data, so gcc -O3
// vectorises it without a run-time alias check. gcc honours restrict only
// on function parameters, so a loop whose body is plain arithmetic is
// printed as a call of a PYC2GO_LOOP (static, always inline) function
// with restrict parameters, the loop's scalars passed in (and out, for
// the ones it assigns); other loops get block-scope restrict pointers,
// which are as correct and which gcc ignores (see restrict.go).
//
// # Line directives
//
// With Config.LineDirectives, `#line N "file.py"` precedes each statement
// on a new Python line, so gcc's messages, gdb, perf and the sanitizers
// point at Python lines.
//
// # The cgo bridge
//
// run and verify must not need a second harness, so Bridge prints a Go
// file, package kernels, with the Go backend's API (same names from
// naming.Module, *runtime.Array[T] arrays, *runtime.Error errors) whose
// functions call the C ones through cgo; emitgo.Main's harness imports it
// unchanged. Input arrays stay in Go memory, pinned with runtime.Pinner
// for the call, described by a Go struct with the C descriptor's layout
// (cArray), so in-place kernels write the caller's arrays as in Go.
// Results are copied into fresh C-contiguous Go arrays and their blocks
// freed. The driver builds it with CGO_ENABLED=1 and the C flags
// driver.CFlags (-std=c11 -O2 -fopenmp -Wall -Wextra -Werror).
package emitc
