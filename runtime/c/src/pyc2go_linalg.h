/*
 * pyc2go_linalg.h: numpy.linalg and BLAS-backed matrix products for the C
 * backend (pyc2go compile --lang c), on the system's LAPACKE and CBLAS.
 *
 * Kernels that call np.linalg (or a matrix product large enough for
 * BLAS) include this header and link pyc2go_linalg.c with LAPACKE and
 * OpenBLAS, after pyc2go_runtime.c:
 *
 *     gcc -std=c11 -O3 -fopenmp kernels.c pyc2go_runtime.c pyc2go_linalg.c \
 *         -llapacke -lopenblas -lm
 *
 * (Debian/Ubuntu: apt-get install liblapacke-dev libopenblas-dev.)
 *
 * Semantics are numpy 1.24's, reached by doing what numpy's
 * _umath_linalg does: every matrix is copied into a column-major buffer,
 * computed in double (or double complex) precision whatever the input
 * dtype (numpy's _commonType always picks double), with the same LAPACK
 * routine and workspace numpy uses (gesv for solve and inv, getrf for det
 * and slogdet, potrf for cholesky, syevd, geev, gesdd, geqrf + orgqr,
 * gelsd), and rounded to float32 for float32 input. When numpy links the
 * same LAPACK (Debian's numpy and LAPACKE both use liblapack.so.3, which
 * libopenblas0 provides), the results are numpy's bit for bit.
 *
 * ABI: every function returns 0 on success, nonzero when numpy would
 * raise; *err then holds the exception class ("LinAlgError",
 * "ValueError", "AxisError", "MemoryError") and numpy's message, with
 * err->file, line and func left NULL/0 for the caller (generated code
 * fills in the Python position). Results are fresh C-contiguous arrays
 * allocated in the pool p (owner NULL), as pyc2go_sum_axis_T's are. The
 * leading axes of the inputs are stacks that broadcast as numpy's gufunc
 * loops do; a result that numpy returns as a scalar for one matrix (det,
 * slogdet, matrix_rank) is a 0-d array here. T is float64, float32 or
 * complex128 where a function takes complex matrices (solve, inv, det,
 * slogdet, cholesky, matrix_power, norm), float64 or float32 elsewhere;
 * R is T's real type, C the complex type of eig's results (complex64 for
 * float32 input). Integer matrices are converted to float64 by the
 * caller first, as numpy does (matrix_power with n >= 0 keeps them).
 */
#ifndef PYC2GO_LINALG_H
#define PYC2GO_LINALG_H

#include "pyc2go.h"

/* norm's ord argument: kind is one of the PYC2GO_ORD_* values; p is the
 * number for PYC2GO_ORD_NUM; str the string as written for the string
 * kinds (for numpy's "Invalid norm order 'x' for vectors"). */
enum { PYC2GO_ORD_NONE, PYC2GO_ORD_NUM, PYC2GO_ORD_FRO, PYC2GO_ORD_NUC, PYC2GO_ORD_STR };
typedef struct {
	int kind;
	double p;
	const char *str;
} pyc2go_norm_ord;

/* pyc2go_norm_ord_str maps a string ord: "fro" and "f", "nuc", or any
 * other (which norm rejects with numpy's message). */
pyc2go_norm_ord pyc2go_norm_ord_str(const char *s);

/* lstsq's rcond for rcond=None: finfo(float64).eps * max(m, n). */
double pyc2go_linalg_rcond_none(int64_t m, int64_t n);

/* qr's mode check: 0 for "reduced", "complete", "r", "raw"; else numpy's
 * ValueError. */
int pyc2go_linalg_check_qr_mode(const char *mode, pyc2go_error *err);

#define PYC2GO_LINALG_SCALAR(T, R)                                                                              \
	int pyc2go_linalg_solve_##T(pyc2go_pool *p, const pyc2go_array_##T *a, const pyc2go_array_##T *b,      \
				    pyc2go_array_##T *x, pyc2go_error *err);                                    \
	int pyc2go_linalg_inv_##T(pyc2go_pool *p, const pyc2go_array_##T *a, pyc2go_array_##T *out,            \
				  pyc2go_error *err);                                                           \
	int pyc2go_linalg_det_##T(pyc2go_pool *p, const pyc2go_array_##T *a, pyc2go_array_##T *out,            \
				  pyc2go_error *err);                                                           \
	int pyc2go_linalg_slogdet_##T(pyc2go_pool *p, const pyc2go_array_##T *a, pyc2go_array_##T *sign,       \
				      pyc2go_array_##R *logdet, pyc2go_error *err);                             \
	int pyc2go_linalg_cholesky_##T(pyc2go_pool *p, const pyc2go_array_##T *a, pyc2go_array_##T *out,       \
				       pyc2go_error *err);                                                      \
	int pyc2go_linalg_matrix_power_##T(pyc2go_pool *p, const pyc2go_array_##T *a, int64_t n,              \
					   pyc2go_array_##T *out, pyc2go_error *err);                           \
	/* naxis < 0 is axis=None */                                                                             \
	int pyc2go_linalg_norm_##T(pyc2go_pool *p, const pyc2go_array_##T *x, pyc2go_norm_ord ord, int64_t naxis, \
				   const int64_t *axis, bool keepdims, pyc2go_array_##R *out, pyc2go_error *err);
PYC2GO_LINALG_SCALAR(float64, float64)
PYC2GO_LINALG_SCALAR(float32, float32)
PYC2GO_LINALG_SCALAR(complex128, float64)
#undef PYC2GO_LINALG_SCALAR

#define PYC2GO_LINALG_REAL(T, C)                                                                                \
	/* v NULL: eigvalsh */                                                                                   \
	int pyc2go_linalg_eigh_##T(pyc2go_pool *p, const pyc2go_array_##T *a, const char *uplo,                  \
				   pyc2go_array_##T *w, pyc2go_array_##T *v, pyc2go_error *err);                 \
	/* v NULL: eigvals */                                                                                    \
	int pyc2go_linalg_eig_##T(pyc2go_pool *p, const pyc2go_array_##T *a, pyc2go_array_##C *w,               \
				  pyc2go_array_##C *v, pyc2go_error *err);                                      \
	/* u and vh NULL: compute_uv=False */                                                                    \
	int pyc2go_linalg_svd_##T(pyc2go_pool *p, const pyc2go_array_##T *a, bool full_matrices,                \
				  pyc2go_array_##T *u, pyc2go_array_##T *s, pyc2go_array_##T *vh,               \
				  pyc2go_error *err);                                                           \
	/* mode "reduced" or "complete" */                                                                       \
	int pyc2go_linalg_qr_##T(pyc2go_pool *p, const pyc2go_array_##T *a, const char *mode,                   \
				 pyc2go_array_##T *q, pyc2go_array_##T *r, pyc2go_error *err);                  \
	int pyc2go_linalg_qr_r_##T(pyc2go_pool *p, const pyc2go_array_##T *a, pyc2go_array_##T *r,             \
				   pyc2go_error *err);                                                          \
	int pyc2go_linalg_qr_raw_##T(pyc2go_pool *p, const pyc2go_array_##T *a, pyc2go_array_##T *h,           \
				     pyc2go_array_##T *tau, pyc2go_error *err);                                 \
	int pyc2go_linalg_lstsq_##T(pyc2go_pool *p, const pyc2go_array_##T *a, const pyc2go_array_##T *b,      \
				    double rcond, pyc2go_array_##T *x, pyc2go_array_##T *resid, int32_t *rank, \
				    pyc2go_array_##T *s, pyc2go_error *err);                                    \
	int pyc2go_linalg_pinv_##T(pyc2go_pool *p, const pyc2go_array_##T *a, double rcond,                     \
				   pyc2go_array_##T *out, pyc2go_error *err);                                   \
	int pyc2go_linalg_matrix_rank_##T(pyc2go_pool *p, const pyc2go_array_##T *a, double tol, bool has_tol,  \
					  pyc2go_array_int64 *out, pyc2go_error *err);                         \
	int pyc2go_linalg_matmul_##T(pyc2go_pool *p, const pyc2go_array_##T *a, const pyc2go_array_##T *b,     \
				     pyc2go_array_##T *out, pyc2go_error *err);                                 \
	/* c = a @ b for 2-d a (M, K), b (K, N), c (M, N) allocated by the                                     \
	 * caller and not overlapping a or b: numpy's matmul, through                                          \
	 * cblas gemm (syrk for a @ a.T, gemv and dot for a unit extent)                                       \
	 * when the layouts allow, as numpy calls them. */                                                     \
	void pyc2go_gemm_##T(pyc2go_array_##T *c, const pyc2go_array_##T *a, const pyc2go_array_##T *b);
PYC2GO_LINALG_REAL(float64, complex128)
PYC2GO_LINALG_REAL(float32, complex64)
#undef PYC2GO_LINALG_REAL

/* matrix_power of an integer matrix, n >= 0 (wrapping products, as
 * numpy's integer matmul). */
int pyc2go_linalg_matrix_power_int64(pyc2go_pool *p, const pyc2go_array_int64 *a, int64_t n,
				     pyc2go_array_int64 *out, pyc2go_error *err);

#endif /* PYC2GO_LINALG_H */
