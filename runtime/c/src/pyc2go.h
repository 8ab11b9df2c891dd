/*
 * pyc2go.h: the C runtime of pyc2go's C backend (pyc2go compile --lang c).
 *
 * Generated kernels.c files include this header and link against
 * pyc2go_runtime.c; both are shipped as source and added to the user's
 * build, e.g.
 *
 *     gcc -std=c11 -O3 -fopenmp kernels.c pyc2go_runtime.c -lm
 *
 * (-fopenmp runs parallel loops on threads; without it they run on the
 * calling thread, with the same results.)
 * -std=c11 matters: in ISO mode gcc does not contract a*b+c into a fused
 * multiply-add (-ffp-contract=off), which would change rounding and break
 * bit-identical agreement with CPython. Under -std=gnu11 add
 * -ffp-contract=off yourself. Never compile with -ffast-math.
 *
 * ABI (a contract: the Python extension and other tools build on it)
 * ------------------------------------------------------------------
 * Every exported function of module MODULE.py is
 *
 *     int MODULE_FUNC(params..., RESULT *out..., pyc2go_error *err);
 *
 *   - scalar parameters by value: Python int -> int64_t, float -> double,
 *     bool -> bool, complex -> double _Complex; numpy scalar annotations
 *     (np.float32, np.int8, ...) map to the C type of the same width;
 *   - array parameters as const pyc2go_array_T * (the descriptor is never
 *     written), or pyc2go_array_T * when the kernel may write elements of
 *     the array (in-place kernels); a kernel writes only through the data
 *     pointer of a non-const descriptor;
 *   - results through out-pointers placed after the parameters: one
 *     (named out) for a single result, out0, out1, ... for the elements of
 *     a tuple, none for None;
 *   - the return value is 0 on success, nonzero when the Python code
 *     raises: *err then holds the exception class, message and Python
 *     source position, and the out-pointers are not written.
 *
 * A compiled function never aborts and, unless it was compiled with
 * --boundscheck=off, never reads or writes out of bounds: it raises
 * IndexError as Python would. Running out of memory raises MemoryError.
 *
 * Arrays: pyc2go_array_T for every dtype T (bool, int8 ... int64, uint8 ...
 * uint64, float32, float64, complex64, complex128). Strides are in
 * ELEMENTS (not bytes as in numpy); element [i0, i1, ...] is
 * data[offset + i0*strides[0] + i1*strides[1] + ...]. owner is the malloc'd
 * block the array owns, or NULL when it borrows memory (inputs, and
 * results that are views of inputs or of an earlier result of the same
 * call): pass result arrays to pyc2go_array_free_T (or pyc2go_free_owner
 * on owner) when done; freeing a borrowed array does nothing. Inputs
 * are borrowed: the callee never frees them, so any memory layout that
 * fits the description works (numpy arrays, C arrays, other results).
 * Arrays of one element type may overlap (the compiled code tests for it,
 * as numpy does); arrays of different element types must not overlap
 * where the function writes one of them: its overlap tests compare arrays
 * of one element type only.
 */
#ifndef PYC2GO_H
#define PYC2GO_H

#include <complex.h>
#include <inttypes.h>
#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * CMPLX and CMPLXF (C11 7.3.9.3) build a complex from its parts exactly,
 * signed zeros, infinities and NaNs included, which x + y*I does not
 * (inf*I is NaN + inf*I). glibc's <complex.h> defines them only for gcc
 * >= 4.7 (it tests __GNUC_PREREQ (4, 7), and clang reports __GNUC__ 4),
 * so other compilers get them here: clang >= 12 through the same
 * __builtin_complex gcc uses (a constant expression, like the standard
 * macro), anything else through a union, since C11 6.2.5 lays a complex
 * out as an array of its two parts.
 */
#if defined(__has_builtin)
#define PYC2GO_HAS_BUILTIN(x) __has_builtin(x)
#else
#define PYC2GO_HAS_BUILTIN(x) 0
#endif
#ifndef CMPLX
#if PYC2GO_HAS_BUILTIN(__builtin_complex)
#define CMPLX(x, y) __builtin_complex((double)(x), (double)(y))
#else
#define CMPLX(x, y) (((union { double _Complex z; double p[2]; }){.p = {(x), (y)}}).z)
#endif
#endif
#ifndef CMPLXF
#if PYC2GO_HAS_BUILTIN(__builtin_complex)
#define CMPLXF(x, y) __builtin_complex((float)(x), (float)(y))
#else
#define CMPLXF(x, y) (((union { float _Complex z; float p[2]; }){.p = {(x), (y)}}).z)
#endif
#endif

/*
 * clang contracts a*b+c into a fused multiply-add by default
 * (-ffp-contract=on) even under -std=c11, wherever the target has FMA
 * (aarch64, x86-64 with -march=haswell or later), which changes rounding;
 * gcc's ISO modes do not. CPython never fuses, so neither may a kernel.
 */
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#endif

/* PYC2GO_MAXDIM is numpy 1.24's NPY_MAXDIMS. */
#define PYC2GO_MAXDIM 32

/*
 * pyc2go_error describes a Python exception raised by a compiled
 * function. exc is the exception class name ("ZeroDivisionError"), ""
 * when no exception was raised; msg is CPython's message (truncated to
 * fit); file, line and func locate the raising Python statement (file is
 * the Python file's base name, func the Python function name; both are
 * static strings).
 */
typedef struct {
	char exc[32];
	char msg[512];
	const char *file;
	int line;
	const char *func;
} pyc2go_error;

#define PYC2GO_ARRAY(T, C)                                                      \
	typedef struct {                                                        \
		C *data;                                                        \
		int64_t offset;                                                 \
		int64_t ndim;                                                   \
		int64_t shape[PYC2GO_MAXDIM];                                   \
		int64_t strides[PYC2GO_MAXDIM];                                 \
		void *owner;                                                    \
	} pyc2go_array_##T;                                                     \
	/* pyc2go_array_free_##T frees a's memory if a owns it and clears a. */ \
	void pyc2go_array_free_##T(pyc2go_array_##T *a);                       \
	/* pyc2go_view_##T makes *a an array over a caller's buffer, which it   \
	 * borrows (owner NULL): element [i0, i1, ...] is                       \
	 * data[i0*strides[0] + i1*strides[1] + ...], strides in ELEMENTS, or   \
	 * C order (row-major, contiguous) when strides is NULL. It returns 0,  \
	 * or -1 (leaving *a untouched) when ndim is outside                    \
	 * [0, PYC2GO_MAXDIM] or an extent is negative. */                      \
	static inline int pyc2go_view_##T(pyc2go_array_##T *a, C *data, int64_t ndim, const int64_t *shape, \
					  const int64_t *strides)                           \
	{                                                                       \
		if (ndim < 0 || ndim > PYC2GO_MAXDIM)                               \
			return -1;                                                  \
		for (int64_t k = 0; k < ndim; k++)                                  \
			if (shape[k] < 0)                                           \
				return -1;                                          \
		a->data = data;                                                     \
		a->offset = 0;                                                      \
		a->ndim = ndim;                                                     \
		a->owner = NULL;                                                    \
		int64_t step = 1;                                                   \
		for (int64_t k = ndim - 1; k >= 0; k--) {                           \
			a->shape[k] = shape[k];                                     \
			a->strides[k] = strides ? strides[k] : step;                \
			step *= shape[k];                                           \
		}                                                                   \
		for (int64_t k = ndim; k < PYC2GO_MAXDIM; k++)                      \
			a->shape[k] = a->strides[k] = 0;                            \
		return 0;                                                           \
	}

PYC2GO_ARRAY(bool, bool)
PYC2GO_ARRAY(int8, int8_t)
PYC2GO_ARRAY(int16, int16_t)
PYC2GO_ARRAY(int32, int32_t)
PYC2GO_ARRAY(int64, int64_t)
PYC2GO_ARRAY(uint8, uint8_t)
PYC2GO_ARRAY(uint16, uint16_t)
PYC2GO_ARRAY(uint32, uint32_t)
PYC2GO_ARRAY(uint64, uint64_t)
PYC2GO_ARRAY(float32, float)
PYC2GO_ARRAY(float64, double)
PYC2GO_ARRAY(complex64, float _Complex)
PYC2GO_ARRAY(complex128, double _Complex)
#undef PYC2GO_ARRAY

/* pyc2go_free_owner frees an owner block (NULL is a no-op). */
void pyc2go_free_owner(void *owner);

/*
 * A Python list of numbers (list[float] and the like): len elements at
 * data, room for cap. A list parameter is the caller's buffer, which the
 * function may write elements of (xs[i] = v, xs.sort()) but never frees
 * or grows: pass (pyc2go_list_float64){.data = p, .len = n}. A list
 * result owns its block (owner) unless it is a parameter returned as it
 * is (owner NULL); free it with pyc2go_list_free_T or pyc2go_free_owner.
 */
#define PYC2GO_LIST(T, C)                                           \
	typedef struct {                                            \
		C *data;                                            \
		int64_t len, cap;                                   \
		void *owner;                                        \
	} pyc2go_list_##T;                                          \
	/* pyc2go_list_free_##T frees l's memory if l owns it. */   \
	void pyc2go_list_free_##T(pyc2go_list_##T *l);
PYC2GO_LIST(bool, bool)
PYC2GO_LIST(int8, int8_t)
PYC2GO_LIST(int16, int16_t)
PYC2GO_LIST(int32, int32_t)
PYC2GO_LIST(int64, int64_t)
PYC2GO_LIST(uint8, uint8_t)
PYC2GO_LIST(uint16, uint16_t)
PYC2GO_LIST(uint32, uint32_t)
PYC2GO_LIST(uint64, uint64_t)
PYC2GO_LIST(float32, float)
PYC2GO_LIST(float64, double)
PYC2GO_LIST(complex64, float _Complex)
PYC2GO_LIST(complex128, double _Complex)
#undef PYC2GO_LIST

/* pyc2go_empty_data is a valid pointer for the data of empty arrays. */
extern double pyc2go_empty_data[1];

/* ---- Everything below is used by generated code only. ---- */

/* PYC2GO_PRIVATE marks the C form of a private Python function (_name):
 * static, and not worth a warning when no other function calls it. */
#if defined(__GNUC__)
#define PYC2GO_PRIVATE static __attribute__((unused))
#else
#define PYC2GO_PRIVATE static
#endif

/* PYC2GO_LOOP marks the function a loop with restrict pointers is printed
 * as (emit/c/restrict.go): gcc honours restrict on function parameters
 * only, and keeps it when it inlines the function back into its caller. */
#if defined(__GNUC__)
#define PYC2GO_LOOP static inline __attribute__((always_inline))
#else
#define PYC2GO_LOOP static inline
#endif

/* Errors. pyc2go_raise formats msg with printf verbs. */
void pyc2go_raise(pyc2go_error *err, const char *exc, const char *file, int line, const char *func, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 6, 7)))
#endif
	;
/* pyc2go_shape_str writes a shape as Python's repr of a tuple: (3, 4). */
#define PYC2GO_SHAPEBUF (PYC2GO_MAXDIM * 22 + 4)
const char *pyc2go_shape_str(char *buf, int64_t ndim, const int64_t *shape);

/*
 * A pool holds the blocks a call allocates: at every exit the blocks of
 * returned arrays move to their owner fields and the rest is freed.
 */
typedef struct {
	void **blocks;
	int64_t n, cap;
} pyc2go_pool;
/* pyc2go_alloc_shape allocates a zeroed C-contiguous array of rank
 * extents and sets its layout; NULL when out of memory. */
void *pyc2go_alloc_shape(pyc2go_pool *p, size_t elsize, int64_t rank, const int64_t *ext, int64_t *offset, int64_t *ndim,
			 int64_t *shape, int64_t *strides);
/* pyc2go_pool_adopt moves *owner into the pool (nonzero when out of memory:
 * the block is freed then). */
int pyc2go_pool_adopt(pyc2go_pool *p, void **owner);
/* pyc2go_pool_take removes and returns the block starting at data, NULL
 * when the pool has none (borrowed memory). */
void *pyc2go_pool_take(pyc2go_pool *p, const void *data);
/* pyc2go_pool_release frees the block starting at data now, if the pool
 * holds it (a loop's temporary at the end of its iteration, ir.For's
 * Release); otherwise it does nothing. */
void pyc2go_pool_release(pyc2go_pool *p, const void *data);
void pyc2go_pool_free(pyc2go_pool *p);

/* Lists in generated code (emit/c/list.go) are held by value; a list
 * grows into a new block of the pool (the old one stays valid until the
 * call returns, for the copies a loop iterates over).
 * pyc2go_list_grow returns a block of at least need elements holding the
 * len elements at data and sets *cap, or NULL when out of memory;
 * PYC2GO_LIST_RESERVE(pool, l, need) makes room for need elements in the
 * list l, false when out of memory. */
void *pyc2go_list_grow(pyc2go_pool *p, const void *data, int64_t len, int64_t *cap, size_t elsize, int64_t need);
#define PYC2GO_LIST_RESERVE(pool, l, need) \
	((need) <= (l).cap || ((l).data = pyc2go_list_grow((pool), (l).data, (l).len, &(l).cap, sizeof *(l).data, (need))) != NULL)
/* pyc2go_list_reverse reverses n elements of elsize bytes at data. */
void pyc2go_list_reverse(void *data, int64_t n, size_t elsize);
/* pyc2go_list_sort_T sorts n elements stably by <, descending when rev
 * holds (equal ones keep their order, as Python's sort(reverse=True)
 * does); nonzero when out of memory. */
#define PYC2GO_LIST_SORT(T, C) int pyc2go_list_sort_##T(C *data, int64_t n, bool rev);
PYC2GO_LIST_SORT(bool, bool)
PYC2GO_LIST_SORT(int8, int8_t)
PYC2GO_LIST_SORT(int16, int16_t)
PYC2GO_LIST_SORT(int32, int32_t)
PYC2GO_LIST_SORT(int64, int64_t)
PYC2GO_LIST_SORT(uint8, uint8_t)
PYC2GO_LIST_SORT(uint16, uint16_t)
PYC2GO_LIST_SORT(uint32, uint32_t)
PYC2GO_LIST_SORT(uint64, uint64_t)
PYC2GO_LIST_SORT(float32, float)
PYC2GO_LIST_SORT(float64, double)
#undef PYC2GO_LIST_SORT

/* pyc2go_alloc allocates a zeroed block for the extents ext; NULL when out
 * of memory. Generated code sets the layout fields itself, so that the
 * descriptor's address never escapes and gcc keeps its strides in
 * registers (which lets it vectorise loops over fresh arrays). */
void *pyc2go_alloc(pyc2go_pool *p, size_t elsize, int64_t rank, const int64_t *ext);
/* pyc2go_raise_alloc raises numpy's exception for an allocation
 * pyc2go_alloc refused: ValueError "array is too big" when the bytes
 * overflow an int64, else MemoryError with numpy's message (the size in
 * binary units, the shape, the dtype's name). */
void pyc2go_raise_alloc(pyc2go_error *err, const char *file, int line, const char *func, size_t elsize, int64_t rank,
			const int64_t *ext, const char *dtype);

/*
 * Integer arithmetic wraps (two's complement) like the IR, never invoking
 * C's undefined signed overflow; shifts by the width or more give what Go
 * gives (0, or -1 for a negative value shifted right). pyc2go_invert is ~
 * as a function: gcc warns on ~ of a bool converted to int (Python's
 * ~True is -2) and on comparisons of the promoted ~ of a narrow unsigned
 * value, both correct code here.
 */
#define PYC2GO_INT_OPS(N, T, U, BITS)                                                              \
	static inline T pyc2go_add_##N(T a, T b) { return (T)((U)a + (U)b); }                       \
	static inline T pyc2go_sub_##N(T a, T b) { return (T)((U)a - (U)b); }                       \
	static inline T pyc2go_mul_##N(T a, T b) { return (T)((U)a * (U)b); }                       \
	static inline T pyc2go_neg_##N(T a) { return (T)((U)0 - (U)a); }                            \
	static inline T pyc2go_invert_##N(T a) { return (T)~(U)a; }                                  \
	static inline T pyc2go_shl_##N(T a, T n) { return (uint64_t)n >= BITS ? (T)0 : (T)((U)a << n); }   \
	static inline T pyc2go_shr_##N(T a, T n) { return (uint64_t)n >= BITS ? (T)((a >> (BITS - 1)) >> 1) : (T)(a >> n); }
PYC2GO_INT_OPS(int8, int8_t, uint32_t, 8)
PYC2GO_INT_OPS(int16, int16_t, uint32_t, 16)
PYC2GO_INT_OPS(int32, int32_t, uint32_t, 32)
PYC2GO_INT_OPS(int64, int64_t, uint64_t, 64)
PYC2GO_INT_OPS(uint8, uint8_t, uint32_t, 8)
PYC2GO_INT_OPS(uint16, uint16_t, uint32_t, 16)
PYC2GO_INT_OPS(uint32, uint32_t, uint32_t, 32)
PYC2GO_INT_OPS(uint64, uint64_t, uint64_t, 64)
#undef PYC2GO_INT_OPS

/* Python min and max keep the first argument on ties and NaN. */
#define PYC2GO_MINMAX(N, T)                                                \
	static inline T pyc2go_min_##N(T a, T b) { return b < a ? b : a; } \
	static inline T pyc2go_max_##N(T a, T b) { return b > a ? b : a; }
PYC2GO_MINMAX(int8, int8_t)
PYC2GO_MINMAX(int16, int16_t)
PYC2GO_MINMAX(int32, int32_t)
PYC2GO_MINMAX(int64, int64_t)
PYC2GO_MINMAX(uint8, uint8_t)
PYC2GO_MINMAX(uint16, uint16_t)
PYC2GO_MINMAX(uint32, uint32_t)
PYC2GO_MINMAX(uint64, uint64_t)
PYC2GO_MINMAX(float32, float)
PYC2GO_MINMAX(float64, double)
#undef PYC2GO_MINMAX

/* CPython's int and float arithmetic (runtime/arith.go is the Go twin). */
int64_t pyc2go_floordiv_i64(int64_t a, int64_t b);
int64_t pyc2go_mod_i64(int64_t a, int64_t b);
int64_t pyc2go_abs_i64(int64_t x);
int64_t pyc2go_pow_i64(int64_t base, int64_t exp);
double pyc2go_floordiv_f64(double a, double b);
double pyc2go_mod_f64(double a, double b);
double pyc2go_truediv_i64(int64_t a, int64_t b);
bool pyc2go_ftoi_ok(double x);
double pyc2go_pow_f64(double x, double y);
double pyc2go_round_f64(double x, int64_t ndigits);
float pyc2go_round_f32(float x, int64_t ndigits);
int64_t pyc2go_round_i64(int64_t x, int64_t ndigits);
double pyc2go_logb(double x, double base);
double pyc2go_degrees(double x);
double pyc2go_radians(double x);
int64_t pyc2go_gcd(int64_t a, int64_t b);
int64_t pyc2go_factorial(int64_t n);
bool pyc2go_isclose(double a, double b, double rel, double abs);
bool pyc2go_domain_err(double x, double r);
bool pyc2go_range_err(double x, double r);
int64_t pyc2go_slice_adjust(int64_t n, int64_t x, int64_t step);
int64_t pyc2go_slice_len(int64_t start, int64_t stop, int64_t step);

/* CPython's complex arithmetic and cmath (runtime/complex.go, cmath.go). */
double _Complex pyc2go_cmul(double _Complex a, double _Complex b);
double _Complex pyc2go_cdiv(double _Complex a, double _Complex b);
double pyc2go_cabs(double _Complex z);
double _Complex pyc2go_cpow(double _Complex a, double _Complex b);
double _Complex pyc2go_csqrt(double _Complex z);
double _Complex pyc2go_cexp(double _Complex z);
double _Complex pyc2go_clog(double _Complex z);

/* Array layout helpers (runtime/emit_support_overlap.go, array.go). */
bool pyc2go_is_c_contig(int64_t ndim, const int64_t *shape, const int64_t *strides);
bool pyc2go_overlaps(const void *ddata, int64_t doff, int64_t dndim, const int64_t *dshape, const int64_t *dstrides,
		     const void *sdata, int64_t soff, int64_t sndim, const int64_t *sshape, const int64_t *sstrides, size_t elsize);
/* pyc2go_may_share is runtime.MayShare (np.may_share_memory): the element
 * ranges of the two arrays intersect; the same view counts. */
bool pyc2go_may_share(const void *adata, int64_t aoff, int64_t andim, const int64_t *ashape, const int64_t *astrides,
		      const void *bdata, int64_t boff, int64_t bndim, const int64_t *bshape, const int64_t *bstrides, size_t elsize);
#define PYC2GO_MAY_SHARE(a, b)                                                                                 \
	pyc2go_may_share((a).data, (a).offset, (a).ndim, (a).shape, (a).strides, (b).data, (b).offset, (b).ndim, \
			 (b).shape, (b).strides, sizeof *(a).data)
#define PYC2GO_IS_C_CONTIG(a) pyc2go_is_c_contig((a).ndim, (a).shape, (a).strides)
#define PYC2GO_OVERLAPS(d, s)                                                                                 \
	pyc2go_overlaps((d).data, (d).offset, (d).ndim, (d).shape, (d).strides, (s).data, (s).offset, (s).ndim, \
			(s).shape, (s).strides, sizeof *(d).data)
/* pyc2go_zeros_layout2 is runtime.ZerosLayout2: a zeroed array of the
 * broadcast shape of x and y laid out in numpy's K order. */
void *pyc2go_zeros_layout2(pyc2go_pool *p, size_t elsize, int64_t rank, int64_t xndim, const int64_t *xshape,
			   const int64_t *xstrides, int64_t yndim, const int64_t *yshape, const int64_t *ystrides,
			   int64_t *offset, int64_t *ndim, int64_t *shape, int64_t *strides);
#define PYC2GO_ZEROS_K(pool, a, rank, x, y)                                                                 \
	(((a).data = pyc2go_zeros_layout2((pool), sizeof *(a).data, (rank), (x).ndim, (x).shape, (x).strides, \
					  (y).ndim, (y).shape, (y).strides, &(a).offset, &(a).ndim, (a).shape,   \
					  (a).strides)) == NULL)

/* numpy 1.24 reductions, bit for bit (runtime/sum.go). */
float pyc2go_sum_float32(const pyc2go_array_float32 *a);
double pyc2go_sum_float64(const pyc2go_array_float64 *a);
float _Complex pyc2go_sum_complex64(const pyc2go_array_complex64 *a);
double _Complex pyc2go_sum_complex128(const pyc2go_array_complex128 *a);
float pyc2go_prod_float32(const pyc2go_array_float32 *a);
double pyc2go_prod_float64(const pyc2go_array_float64 *a);
float _Complex pyc2go_prod_complex64(const pyc2go_array_complex64 *a);
double _Complex pyc2go_prod_complex128(const pyc2go_array_complex128 *a);
float pyc2go_mean_float32(const pyc2go_array_float32 *a);
double pyc2go_mean_float64(const pyc2go_array_float64 *a);
/* np.sum(a, axis=k) into *r (allocated in p); nonzero when out of memory. */
int pyc2go_sum_axis_float32(pyc2go_pool *p, const pyc2go_array_float32 *a, int64_t k, pyc2go_array_float32 *r);
int pyc2go_sum_axis_float64(pyc2go_pool *p, const pyc2go_array_float64 *a, int64_t k, pyc2go_array_float64 *r);
int pyc2go_sum_axis_complex64(pyc2go_pool *p, const pyc2go_array_complex64 *a, int64_t k, pyc2go_array_complex64 *r);
int pyc2go_sum_axis_complex128(pyc2go_pool *p, const pyc2go_array_complex128 *a, int64_t k, pyc2go_array_complex128 *r);

/*
 * Parallel loops (numba.prange, #omp parallel for) that the parallel pass
 * approved reach the generated code already cut into chunks (the chunk
 * pass, opt/chunk.go): the code computes the trip count, the chunk count
 * and each chunk's bounds with the functions below, runs the chunks under
 * OpenMP (-fopenmp), and folds the chunks' partials itself, in chunk
 * order. runtime/parallel.go is the Go twin and the contract is the same:
 *
 *   - the iterations [0, n) are cut into pyc2go_chunks(n, grain)
 *     contiguous chunks; the cut depends on n and the grain only, never on
 *     the thread count, so reductions give the same bits with 1 or 64
 *     threads, and the same bits as the Go backend;
 *   - the error reported is the one of the lowest-numbered failing chunk,
 *     which is Python's first failing iteration; a chunk after a failed
 *     one does not start, but chunks already running finish;
 *   - the thread count is $PYC2GO_WORKERS if it is a positive integer,
 *     else OpenMP's (omp_get_max_threads: OMP_NUM_THREADS,
 *     omp_set_num_threads), and never more than the chunks.
 *
 * Without -fopenmp the pragmas vanish and the chunks run in order on the
 * calling thread: the same results, sequentially.
 */
#ifdef _OPENMP
#include <omp.h>
#define PYC2GO_OMP(directive) _Pragma(directive)
#else
#define PYC2GO_OMP(directive)
#endif
/* The most chunks a loop makes (ir.MaxChunks): the generated code keeps a
 * reduction's partials in an array of as many slots. */
#define PYC2GO_MAX_CHUNKS 256

/* pyc2go_trip_count is the number of iterations of range(start, stop,
 * step), step != 0, computed in unsigned arithmetic so no range of int64
 * bounds overflows. */
static inline int64_t pyc2go_trip_count(int64_t start, int64_t stop, int64_t step)
{
	if (step > 0 && start < stop)
		return (int64_t)(((uint64_t)stop - (uint64_t)start - 1) / (uint64_t)step + 1);
	if (step < 0 && start > stop)
		return (int64_t)(((uint64_t)start - (uint64_t)stop - 1) / ((uint64_t)(-(step + 1)) + 1) + 1);
	return 0;
}

/* pyc2go_chunks is how many chunks n iterations make, given the least
 * number of iterations worth a chunk: fewer than 2*grain make one, none
 * make none. */
static inline int64_t pyc2go_chunks(int64_t n, int64_t grain)
{
	if (n <= 0)
		return 0;
	if (grain < 1)
		grain = 1;
	int64_t c = n / grain;
	if (c < 2)
		return 1;
	return c > PYC2GO_MAX_CHUNKS ? PYC2GO_MAX_CHUNKS : c;
}

/* pyc2go_chunk_lo is the first iteration of chunk c of the nc contiguous
 * chunks of [0, n): the first n%nc chunks get one iteration more. */
static inline int64_t pyc2go_chunk_lo(int64_t n, int64_t nc, int64_t c)
{
	int64_t q = n / nc, r = n % nc;
	return c * q + (c < r ? c : r);
}

/* pyc2go_chunk_hi is one past the last iteration of chunk c of nc over n. */
static inline int64_t pyc2go_chunk_hi(int64_t n, int64_t nc, int64_t c)
{
	return pyc2go_chunk_lo(n, nc, c) + n / nc + (c < n % nc ? 1 : 0);
}

/* pyc2go_team_owner reports whether this process may start a team of
 * OpenMP threads: gcc's libgomp keeps its thread pool across fork(), so a
 * child of a process that ran a team would wait forever for threads that
 * do not exist in it (Python's multiprocessing forks). The first process
 * to start a team owns them; another process (a forked child) runs its
 * parallel loops on one thread: the same results, sequentially. LLVM's
 * libomp re-initialises in the child, so clang builds need no guard. */
bool pyc2go_team_owner(void);

/* pyc2go_workers is the number of threads a loop of nc chunks runs on. */
static inline int pyc2go_workers(int64_t nc)
{
	int w = 0;
	const char *env = getenv("PYC2GO_WORKERS");
	if (env != NULL) {
		char *end;
		long n = strtol(env, &end, 10);
		if (end != env && *end == '\0' && n >= 1 && n <= 4096)
			w = (int)n;
	}
#ifdef _OPENMP
	if (w == 0)
		w = omp_get_max_threads();
#endif
	if (w > nc)
		w = (int)nc;
#if defined(_OPENMP) && defined(__GNUC__) && !defined(__clang__)
	if (w > 1 && !pyc2go_team_owner())
		w = 1;
#endif
	return w < 1 ? 1 : w; /* num_threads() must be positive, even for no chunks */
}

/* pyc2go_par_skip reports whether chunk c need not run: a chunk before
 * it has failed, so its error is the one Python would raise. */
static inline bool pyc2go_par_skip(const int64_t *failed, int64_t c)
{
	int64_t f;
	PYC2GO_OMP("omp atomic read")
	f = *failed;
	return c > f;
}

/* pyc2go_par_fail records chunk c's error if no earlier chunk's is. */
static inline void pyc2go_par_fail(int64_t *failed, int64_t c, pyc2go_error *dst, const pyc2go_error *src)
{
	PYC2GO_OMP("omp critical(pyc2go_par_fail)")
	{
		if (c < *failed) {
			*dst = *src;
			PYC2GO_OMP("omp atomic write")
			*failed = c;
		}
	}
}

/* pyc2go_copy_contig copies the elements of a strided array in C order
 * into dst (for bindings that want a compact copy). */
void pyc2go_copy_contig(void *dst, const void *src, int64_t offset, int64_t ndim, const int64_t *shape,
			const int64_t *strides, size_t elsize);

/*
 * print and f-strings (Go twins in runtime/format.go, runtime/print.go).
 * pyc2go_str is a growing string; the pyc2go_str_* functions append a
 * value formatted as Python's format(value, spec) does ("" is str()).
 * pyc2go_write writes the string to stdout (or, between
 * pyc2go_capture_begin and pyc2go_capture_end, to a buffer the caller
 * takes) and frees it. pyc2go_exc_in tests an exception's class against
 * "|Class1|Class2|"; pyc2go_reraise copies a caught exception into err.
 */
typedef struct {
	char *buf;
	size_t len, cap;
} pyc2go_str;
void pyc2go_str_lit(pyc2go_str *s, const char *lit);
void pyc2go_str_text(pyc2go_str *s, const char *text, const char *spec);
void pyc2go_str_int(pyc2go_str *s, int64_t v, const char *spec);
void pyc2go_str_uint(pyc2go_str *s, uint64_t v, const char *spec);
void pyc2go_str_bool(pyc2go_str *s, bool v, const char *spec);
void pyc2go_str_float(pyc2go_str *s, double v, const char *spec);
void pyc2go_str_float32(pyc2go_str *s, float v, const char *spec);
void pyc2go_str_complex(pyc2go_str *s, double re, double im, const char *spec);
void pyc2go_str_complex64(pyc2go_str *s, float re, float im, const char *spec);
void pyc2go_str_exc(pyc2go_str *s, const pyc2go_error *e, bool repr, const char *spec);
const char *pyc2go_str_cstr(pyc2go_str *s);
void pyc2go_str_free(pyc2go_str *s);
void pyc2go_write(pyc2go_str *s);
int pyc2go_capture_begin(void);
char *pyc2go_capture_end(void);
bool pyc2go_exc_in(const pyc2go_error *e, const char *classes);
/* str(a) (repr(a) when repr) of an array, as numpy 1.24 prints it. */
#define PYC2GO_STR_ARRAY(T) void pyc2go_str_array_##T(pyc2go_str *s, const pyc2go_array_##T *a, bool repr);
PYC2GO_STR_ARRAY(bool)
PYC2GO_STR_ARRAY(int8)
PYC2GO_STR_ARRAY(int16)
PYC2GO_STR_ARRAY(int32)
PYC2GO_STR_ARRAY(int64)
PYC2GO_STR_ARRAY(uint8)
PYC2GO_STR_ARRAY(uint16)
PYC2GO_STR_ARRAY(uint32)
PYC2GO_STR_ARRAY(uint64)
PYC2GO_STR_ARRAY(float32)
PYC2GO_STR_ARRAY(float64)
PYC2GO_STR_ARRAY(complex64)
PYC2GO_STR_ARRAY(complex128)
void pyc2go_reraise(pyc2go_error *err, const pyc2go_error *caught);

#endif /* PYC2GO_H */
