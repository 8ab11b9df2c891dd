/*
 * pyc2go_linalg.c: numpy.linalg for the C backend (see pyc2go_linalg.h).
 *
 * The internals work on views (element kind, data, offset, shape,
 * strides) of the typed pyc2go_array_T descriptors, copy each matrix of a
 * stack into a column-major double (or double complex) buffer as numpy's
 * linearize_matrix does, call the LAPACK routine numpy calls through
 * LAPACKE's column-major _work entry points (which pass straight through
 * to LAPACK), and write the results into fresh C-contiguous arrays of the
 * result dtype. Workspaces are sized by LAPACK's own query, as numpy
 * sizes them, since some routines choose blocked or unblocked code by
 * the workspace they get.
 */
#include "pyc2go_linalg.h"

#include <cblas.h>
#include <float.h>
#include <lapacke.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Element kinds of the views. */
enum { K_F32, K_F64, K_C64, K_C128, K_I64 };

static size_t kind_size(int kind)
{
	switch (kind) {
	case K_F32:
		return sizeof(float);
	case K_C64:
		return sizeof(float _Complex);
	case K_C128:
		return sizeof(double _Complex);
	default:
		return sizeof(double);
	}
}

/* view is a read-only array of any kind. */
typedef struct {
	const void *data;
	int kind;
	int64_t offset, ndim;
	const int64_t *shape, *strides;
} view;

#define VIEW(a, k) ((view){(const void *)(a)->data, (k), (a)->offset, (a)->ndim, (a)->shape, (a)->strides})

static double getd(const view *v, int64_t pos)
{
	switch (v->kind) {
	case K_F32:
		return ((const float *)v->data)[pos];
	case K_I64:
		return (double)((const int64_t *)v->data)[pos];
	case K_C128:
		return creal(((const double _Complex *)v->data)[pos]);
	default:
		return ((const double *)v->data)[pos];
	}
}

static double _Complex getz(const view *v, int64_t pos)
{
	if (v->kind == K_C128)
		return ((const double _Complex *)v->data)[pos];
	return CMPLX(getd(v, pos), 0.0);
}

/* res is a fresh C-contiguous result; SET_OUT hands it to a typed
 * descriptor (the pool owns the block). */
typedef struct {
	void *data;
	int kind;
	int64_t ndim, shape[PYC2GO_MAXDIM], strides[PYC2GO_MAXDIM];
} res;

#define SET_OUT(out, r, CT)                                                                   \
	do {                                                                                  \
		(out)->data = (CT *)(r).data;                                                 \
		(out)->offset = 0;                                                            \
		(out)->ndim = (r).ndim;                                                       \
		memcpy((out)->shape, (r).shape, (size_t)(r).ndim * sizeof(int64_t));          \
		memcpy((out)->strides, (r).strides, (size_t)(r).ndim * sizeof(int64_t));      \
		(out)->owner = NULL;                                                          \
	} while (0)

static void putd(const res *r, int64_t pos, double x)
{
	switch (r->kind) {
	case K_F32:
		((float *)r->data)[pos] = (float)x;
		break;
	case K_C128:
		((double _Complex *)r->data)[pos] = CMPLX(x, 0.0);
		break;
	case K_C64:
		((float _Complex *)r->data)[pos] = CMPLXF((float)x, 0.0f);
		break;
	default:
		((double *)r->data)[pos] = x;
	}
}

static void putz(const res *r, int64_t pos, double _Complex z)
{
	switch (r->kind) {
	case K_C128:
		((double _Complex *)r->data)[pos] = z;
		break;
	case K_C64:
		((float _Complex *)r->data)[pos] = CMPLXF((float)creal(z), (float)cimag(z));
		break;
	default:
		putd(r, pos, creal(z));
	}
}

/* ---- errors -------------------------------------------------------------- */

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static int
la_raise(pyc2go_error *err, const char *exc, const char *fmt, ...)
{
	if (err != NULL) {
		va_list ap;
		snprintf(err->exc, sizeof err->exc, "%s", exc);
		va_start(ap, fmt);
		vsnprintf(err->msg, sizeof err->msg, fmt, ap);
		va_end(ap);
		err->file = NULL;
		err->line = 0;
		err->func = NULL;
	}
	return 1;
}

static int oom(pyc2go_error *err) { return la_raise(err, "MemoryError", "%s", ""); }

static int check_stacked_2d(const view *a, pyc2go_error *err)
{
	if (a->ndim < 2)
		return la_raise(err, "LinAlgError",
			     "%" PRId64 "-dimensional array given. Array must be at least two-dimensional", a->ndim);
	return 0;
}

static int check_square(const view *a, pyc2go_error *err)
{
	if (check_stacked_2d(a, err))
		return 1;
	if (a->shape[a->ndim - 1] != a->shape[a->ndim - 2])
		return la_raise(err, "LinAlgError", "%s", "Last 2 dimensions of the array must be square");
	return 0;
}

static int check_2d(const view *a, pyc2go_error *err)
{
	if (a->ndim != 2)
		return la_raise(err, "LinAlgError", "%" PRId64 "-dimensional array given. Array must be two-dimensional",
			     a->ndim);
	return 0;
}

/* ---- allocation ---------------------------------------------------------- */

static int alloc_res(pyc2go_pool *p, int kind, int64_t rank, const int64_t *ext, res *r, pyc2go_error *err)
{
	int64_t off;
	r->kind = kind;
	r->data = pyc2go_alloc_shape(p, kind_size(kind), rank, ext, &off, &r->ndim, r->shape, r->strides);
	return r->data == NULL ? oom(err) : 0;
}

/* xmalloc is malloc of n elements of size sz, never of zero bytes. */
static void *xmalloc(int64_t n, size_t sz)
{
	if (n < 1)
		n = 1;
	return malloc((size_t)n * sz);
}

/* ---- stacks --------------------------------------------------------------- */

/* A stack is the broadcast loop over the leading axes of one or two
 * operands (numpy's gufunc loop); visiting index i gives each operand's
 * core offset. */
typedef struct {
	int64_t nd, shape[PYC2GO_MAXDIM];
	int nops;
	int64_t strides[2][PYC2GO_MAXDIM], base[2];
	int64_t count;
} stack;

static void stack_count(stack *s)
{
	s->count = 1;
	for (int64_t k = 0; k < s->nd; k++)
		s->count *= s->shape[k];
}

static void stack1(stack *s, const view *a, int64_t core)
{
	s->nd = a->ndim - core;
	s->nops = 1;
	s->base[0] = a->offset;
	for (int64_t k = 0; k < s->nd; k++) {
		s->shape[k] = a->shape[k];
		s->strides[0][k] = a->strides[k];
	}
	stack_count(s);
}

/* stack2 broadcasts the leading axes of a and b; nonzero when they do not
 * broadcast. */
static int stack2(stack *s, const view *a, int64_t ca, const view *b, int64_t cb)
{
	const view *ops[2] = {a, b};
	int64_t cores[2] = {ca, cb};
	s->nd = 0;
	s->nops = 2;
	for (int i = 0; i < 2; i++) {
		int64_t n = ops[i]->ndim - cores[i];
		if (n > s->nd)
			s->nd = n;
	}
	for (int64_t k = 0; k < s->nd; k++)
		s->shape[k] = 1;
	for (int i = 0; i < 2; i++) {
		int64_t n = ops[i]->ndim - cores[i], pad = s->nd - n;
		s->base[i] = ops[i]->offset;
		for (int64_t k = 0; k < s->nd; k++)
			s->strides[i][k] = 0;
		for (int64_t k = 0; k < n; k++) {
			int64_t d = ops[i]->shape[k];
			if (d == 1)
				continue;
			if (s->shape[pad + k] != 1 && s->shape[pad + k] != d)
				return 1;
			s->shape[pad + k] = d;
			s->strides[i][pad + k] = ops[i]->strides[k];
		}
	}
	stack_count(s);
	return 0;
}

static void stack_offsets(const stack *s, int64_t i, int64_t *offs)
{
	for (int j = 0; j < s->nops; j++)
		offs[j] = s->base[j];
	for (int64_t k = s->nd - 1; k >= 0; k--) {
		int64_t d = s->shape[k], q = i % d;
		i /= d;
		for (int j = 0; j < s->nops; j++)
			offs[j] += q * s->strides[j][k];
	}
}

/* stack_ext writes the stack's shape followed by core extents into ext and
 * returns the rank. */
static int64_t stack_ext(const stack *s, int64_t *ext, int ncore, int64_t c0, int64_t c1)
{
	for (int64_t k = 0; k < s->nd; k++)
		ext[k] = s->shape[k];
	if (ncore > 0)
		ext[s->nd] = c0;
	if (ncore > 1)
		ext[s->nd + 1] = c1;
	return s->nd + ncore;
}

/* numpy's message when the loop axes of two gufunc operands do not
 * broadcast: each operand's shape, its loop axes followed by one newaxis
 * per core axis of the output, and the output's core shape. */
static void shape_nospace(char *buf, size_t n, int64_t nd, const int64_t *shape, int64_t loop, int newaxes)
{
	size_t k = (size_t)snprintf(buf, n, "(");
	for (int64_t i = 0; i < nd && k < n; i++)
		k += (size_t)snprintf(buf + k, n - k, "%s%" PRId64, i ? "," : "", shape[i]);
	if (loop >= 0) {
		k = (size_t)snprintf(buf, n, "(");
		for (int64_t i = 0; i < loop && k < n; i++)
			k += (size_t)snprintf(buf + k, n - k, "%s%" PRId64, i ? "," : "", shape[i]);
		for (int i = 0; i < newaxes && k < n; i++)
			k += (size_t)snprintf(buf + k, n - k, "%snewaxis", (i || loop) ? "," : "");
	}
	if (k < n)
		snprintf(buf + k, n - k, ")");
}

static int broadcast_error(pyc2go_error *err, const view *a, int64_t ca, const view *b, int64_t cb, int ncore,
			   const int64_t *core)
{
	char as[PYC2GO_SHAPEBUF], ar[PYC2GO_SHAPEBUF + 256], bs[PYC2GO_SHAPEBUF], br[PYC2GO_SHAPEBUF + 256],
		cs[PYC2GO_SHAPEBUF];
	shape_nospace(as, sizeof as, a->ndim, a->shape, -1, 0);
	shape_nospace(ar, sizeof ar, a->ndim, a->shape, a->ndim - ca, ncore);
	shape_nospace(bs, sizeof bs, b->ndim, b->shape, -1, 0);
	shape_nospace(br, sizeof br, b->ndim, b->shape, b->ndim - cb, ncore);
	shape_nospace(cs, sizeof cs, ncore, core, -1, 0);
	return la_raise(err, "ValueError",
		     "operands could not be broadcast together with remapped shapes [original->remapped]: %s->%s "
		     "%s->%s  and requested shape %s",
		     as, ar, bs, br, cs);
}

/* ---- moving matrices ---------------------------------------------------- */

/* linearize copies the rows x cols matrix of v at off (row stride rs,
 * column stride cs) column-major into dst with leading dimension ld. */
static void linearize(double *dst, int64_t ld, const view *v, int64_t off, int64_t rows, int64_t cols, int64_t rs,
		      int64_t cs)
{
	for (int64_t j = 0; j < cols; j++)
		for (int64_t i = 0; i < rows; i++)
			dst[j * ld + i] = getd(v, off + i * rs + j * cs);
}

static void linearize_z(double _Complex *dst, int64_t ld, const view *v, int64_t off, int64_t rows, int64_t cols,
			int64_t rs, int64_t cs)
{
	for (int64_t j = 0; j < cols; j++)
		for (int64_t i = 0; i < rows; i++)
			dst[j * ld + i] = getz(v, off + i * rs + j * cs);
}

/* mat_rs and mat_cs are a view's row and column strides. */
static int64_t mat_rs(const view *v) { return v->strides[v->ndim - 2]; }
static int64_t mat_cs(const view *v) { return v->strides[v->ndim - 1]; }

/* delinearize writes the column-major rows x cols src (leading dimension
 * ld) into r at element base, C order. */
static void delinearize(const res *r, int64_t base, const double *src, int64_t ld, int64_t rows, int64_t cols)
{
	for (int64_t i = 0; i < rows; i++)
		for (int64_t j = 0; j < cols; j++)
			putd(r, base + i * cols + j, src[j * ld + i]);
}

static void delinearize_z(const res *r, int64_t base, const double _Complex *src, int64_t ld, int64_t rows,
			  int64_t cols)
{
	for (int64_t i = 0; i < rows; i++)
		for (int64_t j = 0; j < cols; j++)
			putz(r, base + i * cols + j, src[j * ld + i]);
}

static lapack_int imax1(int64_t n) { return (lapack_int)(n > 1 ? n : 1); }

/* ---- solve and inv (gesv) ------------------------------------------------ */

/* gesv_stack is numpy's gesv over the stack s: each matrix of a, copied
 * column-major, factored and solved against the n x k right-hand sides of
 * b's core (row and column strides brs, bcs), or the identity when b is
 * NULL (inv), into x's core. A singular matrix stops with numpy's error. */
static int gesv_stack(const stack *s, const view *a, const view *b, int64_t brs, int64_t bcs, int64_t n, int64_t k,
		      res *x, pyc2go_error *err)
{
	bool cplx = a->kind == K_C128;
	size_t el = cplx ? sizeof(double _Complex) : sizeof(double);
	void *abuf = xmalloc(n * n, el), *bbuf = xmalloc(n * k, el);
	lapack_int *ipiv = xmalloc(n, sizeof(lapack_int));
	int rc = 0;
	if (abuf == NULL || bbuf == NULL || ipiv == NULL) {
		rc = oom(err);
		goto done;
	}
	for (int64_t i = 0; i < s->count; i++) {
		int64_t offs[2] = {0, 0};
		lapack_int info;
		stack_offsets(s, i, offs);
		if (b == NULL) {
			for (int64_t j = 0; j < n * k; j++) {
				if (cplx)
					((double _Complex *)bbuf)[j] = j % (n + 1) == 0;
				else
					((double *)bbuf)[j] = j % (n + 1) == 0;
			}
		}
		if (cplx) {
			linearize_z(abuf, n, a, offs[0], n, n, mat_rs(a), mat_cs(a));
			if (b != NULL)
				linearize_z(bbuf, n, b, offs[1], n, k, brs, bcs);
			info = LAPACKE_zgesv_work(LAPACK_COL_MAJOR, (lapack_int)n, (lapack_int)k, abuf, imax1(n), ipiv, bbuf,
						  imax1(n));
		} else {
			linearize(abuf, n, a, offs[0], n, n, mat_rs(a), mat_cs(a));
			if (b != NULL)
				linearize(bbuf, n, b, offs[1], n, k, brs, bcs);
			info = LAPACKE_dgesv_work(LAPACK_COL_MAJOR, (lapack_int)n, (lapack_int)k, abuf, imax1(n), ipiv, bbuf,
						  imax1(n));
		}
		if (info != 0) {
			rc = la_raise(err, "LinAlgError", "%s", "Singular matrix");
			goto done;
		}
		if (cplx)
			delinearize_z(x, i * n * k, bbuf, n, n, k);
		else
			delinearize(x, i * n * k, bbuf, n, n, k);
	}
done:
	free(abuf);
	free(bbuf);
	free(ipiv);
	return rc;
}

static int solve_impl(pyc2go_pool *p, const view *a, const view *b, int rkind, res *x, pyc2go_error *err)
{
	if (check_square(a, err))
		return 1;
	int64_t n = a->shape[a->ndim - 1];
	bool vec = b->ndim == a->ndim - 1;
	const char *name = vec ? "solve1" : "solve", *sig = vec ? "(m,m),(m)->(m)" : "(m,m),(m,n)->(m,n)";
	int core = vec ? 1 : 2;
	if (b->ndim < core)
		return la_raise(err, "ValueError",
			     "%s: Input operand 1 does not have enough dimensions (has %" PRId64
			     ", gufunc core with signature %s requires %d)",
			     name, b->ndim, sig, core);
	int64_t bn = b->shape[b->ndim - core];
	if (bn != n)
		return la_raise(err, "ValueError",
			     "%s: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature %s "
			     "(size %" PRId64 " is different from %" PRId64 ")",
			     name, sig, bn, n);
	int64_t k = vec ? 1 : b->shape[b->ndim - 1];
	int64_t outcore[2] = {n, k};
	stack s;
	if (stack2(&s, a, 2, b, core))
		return broadcast_error(err, a, 2, b, core, core, outcore);
	int64_t ext[PYC2GO_MAXDIM + 2];
	if (alloc_res(p, rkind, stack_ext(&s, ext, core, n, k), ext, x, err))
		return 1;
	int64_t brs = vec ? b->strides[b->ndim - 1] : mat_rs(b), bcs = vec ? 0 : mat_cs(b);
	return gesv_stack(&s, a, b, brs, bcs, n, k, x, err);
}

static int inv_impl(pyc2go_pool *p, const view *a, int rkind, res *x, pyc2go_error *err)
{
	if (check_square(a, err))
		return 1;
	int64_t n = a->shape[a->ndim - 1];
	stack s;
	stack1(&s, a, 2);
	int64_t ext[PYC2GO_MAXDIM + 2];
	if (alloc_res(p, rkind, stack_ext(&s, ext, 2, n, n), ext, x, err))
		return 1;
	return gesv_stack(&s, a, NULL, 0, 0, n, n, x, err);
}

/* ---- det and slogdet (getrf) --------------------------------------------- */

/* numpy's textbook complex product (no C99 Annex G special cases). */
static double _Complex zmul(double _Complex a, double _Complex b)
{
	return CMPLX(creal(a) * creal(b) - cimag(a) * cimag(b), creal(a) * cimag(b) + cimag(a) * creal(b));
}

/* slogdet_one factors the column-major n x n buf and reads numpy's sign
 * and log|det| off it: -1 per row interchange and per negative pivot,
 * log|pivot| summed in order; a zero pivot gives (0, -inf). */
static void slogdet_one(bool cplx, void *buf, lapack_int *ipiv, int64_t n, double _Complex *sign, double *logdet)
{
	lapack_int info = cplx ? LAPACKE_zgetrf_work(LAPACK_COL_MAJOR, (lapack_int)n, (lapack_int)n, buf, imax1(n), ipiv)
			       : LAPACKE_dgetrf_work(LAPACK_COL_MAJOR, (lapack_int)n, (lapack_int)n, buf, imax1(n), ipiv);
	if (info != 0) {
		*sign = 0;
		*logdet = -INFINITY;
		return;
	}
	int change = 0;
	for (int64_t i = 0; i < n; i++)
		change += ipiv[i] != (lapack_int)(i + 1);
	if (!cplx) {
		const double *d = buf;
		double sg = change % 2 ? -1.0 : 1.0, acc = 0.0;
		for (int64_t i = 0; i < n; i++) {
			double e = d[i * (n + 1)];
			if (e < 0.0) {
				sg = -sg;
				e = -e;
			}
			acc += log(e);
		}
		*sign = CMPLX(sg, 0.0);
		*logdet = acc;
		return;
	}
	const double _Complex *z = buf;
	double _Complex sg = CMPLX(change % 2 ? -1.0 : 1.0, 0.0);
	double acc = 0.0;
	for (int64_t i = 0; i < n; i++) {
		double _Complex e = z[i * (n + 1)];
		double ab = hypot(creal(e), cimag(e));
		sg = zmul(sg, CMPLX(creal(e) / ab, cimag(e) / ab));
		acc += log(ab);
	}
	*sign = sg;
	*logdet = acc;
}

/* det_impl computes det (logdet NULL) or slogdet of every matrix. */
static int det_impl(pyc2go_pool *p, const view *a, int rkind, int lkind, res *sign, res *logdet, pyc2go_error *err)
{
	if (check_square(a, err))
		return 1;
	int64_t n = a->shape[a->ndim - 1];
	stack s;
	stack1(&s, a, 2);
	int64_t ext[PYC2GO_MAXDIM];
	int64_t rank = stack_ext(&s, ext, 0, 0, 0);
	if (alloc_res(p, rkind, rank, ext, sign, err) || (logdet != NULL && alloc_res(p, lkind, rank, ext, logdet, err)))
		return 1;
	bool cplx = a->kind == K_C128;
	void *buf = xmalloc(n * n, cplx ? sizeof(double _Complex) : sizeof(double));
	lapack_int *ipiv = xmalloc(n, sizeof(lapack_int));
	if (buf == NULL || ipiv == NULL) {
		free(buf);
		free(ipiv);
		return oom(err);
	}
	for (int64_t i = 0; i < s.count; i++) {
		int64_t off = 0;
		double _Complex sg;
		double ld;
		stack_offsets(&s, i, &off);
		if (cplx)
			linearize_z(buf, n, a, off, n, n, mat_rs(a), mat_cs(a));
		else
			linearize(buf, n, a, off, n, n, mat_rs(a), mat_cs(a));
		slogdet_one(cplx, buf, ipiv, n, &sg, &ld);
		if (logdet != NULL) {
			putz(sign, i, sg);
			putd(logdet, i, ld);
		} else if (cplx) {
			/* numpy's det_from_slogdet: sign * (exp(logdet) + 0i) */
			putz(sign, i, zmul(sg, CMPLX(exp(ld), 0.0)));
		} else {
			putd(sign, i, creal(sg) * exp(ld));
		}
	}
	free(buf);
	free(ipiv);
	return 0;
}

/* ---- cholesky (potrf 'L') -------------------------------------------------- */

static int cholesky_impl(pyc2go_pool *p, const view *a, int rkind, res *out, pyc2go_error *err)
{
	if (check_square(a, err))
		return 1;
	int64_t n = a->shape[a->ndim - 1];
	stack s;
	stack1(&s, a, 2);
	int64_t ext[PYC2GO_MAXDIM + 2];
	if (alloc_res(p, rkind, stack_ext(&s, ext, 2, n, n), ext, out, err))
		return 1;
	bool cplx = a->kind == K_C128;
	void *buf = xmalloc(n * n, cplx ? sizeof(double _Complex) : sizeof(double));
	if (buf == NULL)
		return oom(err);
	int rc = 0;
	for (int64_t i = 0; i < s.count && rc == 0; i++) {
		int64_t off = 0;
		stack_offsets(&s, i, &off);
		lapack_int info;
		if (cplx) {
			linearize_z(buf, n, a, off, n, n, mat_rs(a), mat_cs(a));
			info = LAPACKE_zpotrf_work(LAPACK_COL_MAJOR, 'L', (lapack_int)n, buf, imax1(n));
		} else {
			linearize(buf, n, a, off, n, n, mat_rs(a), mat_cs(a));
			info = LAPACKE_dpotrf_work(LAPACK_COL_MAJOR, 'L', (lapack_int)n, buf, imax1(n));
		}
		if (info != 0) {
			rc = la_raise(err, "LinAlgError", "%s", "Matrix is not positive definite");
			break;
		}
		/* zero the strict upper triangle (column j, rows < j) */
		for (int64_t j = 1; j < n; j++)
			for (int64_t r = 0; r < j; r++) {
				if (cplx)
					((double _Complex *)buf)[j * n + r] = 0;
				else
					((double *)buf)[j * n + r] = 0;
			}
		if (cplx)
			delinearize_z(out, i * n * n, buf, n, n, n);
		else
			delinearize(out, i * n * n, buf, n, n, n);
	}
	free(buf);
	return rc;
}

/* ---- eigh (syevd) ------------------------------------------------------------ */

static int eigh_impl(pyc2go_pool *p, const view *a, const char *uplo, int rkind, res *w, res *v, pyc2go_error *err)
{
	char ul = 0;
	if (uplo != NULL && uplo[0] != 0 && uplo[1] == 0) {
		if (uplo[0] == 'L' || uplo[0] == 'l')
			ul = 'L';
		if (uplo[0] == 'U' || uplo[0] == 'u')
			ul = 'U';
	}
	if (ul == 0)
		return la_raise(err, "ValueError", "%s", "UPLO argument must be 'L' or 'U'");
	if (check_square(a, err))
		return 1;
	int64_t n = a->shape[a->ndim - 1];
	stack s;
	stack1(&s, a, 2);
	int64_t ext[PYC2GO_MAXDIM + 2];
	if (alloc_res(p, rkind, stack_ext(&s, ext, 1, n, 0), ext, w, err) ||
	    (v != NULL && alloc_res(p, rkind, stack_ext(&s, ext, 2, n, n), ext, v, err)))
		return 1;
	char jobz = v != NULL ? 'V' : 'N';
	double *buf = xmalloc(n * n, sizeof(double)), *wb = xmalloc(n, sizeof(double)), qw = 0;
	lapack_int qi = 0;
	double *work = NULL;
	lapack_int *iwork = NULL;
	int rc = 0;
	if (buf == NULL || wb == NULL) {
		rc = oom(err);
		goto done;
	}
	if (LAPACKE_dsyevd_work(LAPACK_COL_MAJOR, jobz, ul, (lapack_int)n, buf, imax1(n), wb, &qw, -1, &qi, -1) != 0) {
		rc = la_raise(err, "LinAlgError", "%s", "Eigenvalues did not converge");
		goto done;
	}
	lapack_int lwork = (lapack_int)qw, liwork = qi;
	work = xmalloc(lwork, sizeof(double));
	iwork = xmalloc(liwork, sizeof(lapack_int));
	if (work == NULL || iwork == NULL) {
		rc = oom(err);
		goto done;
	}
	for (int64_t i = 0; i < s.count; i++) {
		int64_t off = 0;
		stack_offsets(&s, i, &off);
		linearize(buf, n, a, off, n, n, mat_rs(a), mat_cs(a));
		if (LAPACKE_dsyevd_work(LAPACK_COL_MAJOR, jobz, ul, (lapack_int)n, buf, imax1(n), wb, work, lwork, iwork,
					liwork) != 0) {
			rc = la_raise(err, "LinAlgError", "%s", "Eigenvalues did not converge");
			goto done;
		}
		for (int64_t j = 0; j < n; j++)
			putd(w, i * n + j, wb[j]);
		if (v != NULL)
			delinearize(v, i * n * n, buf, n, n, n);
	}
done:
	free(buf);
	free(wb);
	free(work);
	free(iwork);
	return rc;
}

/* ---- eig (geev) ---------------------------------------------------------------- */

static bool all_finite(const view *a)
{
	int64_t idx[PYC2GO_MAXDIM] = {0}, n = 1;
	for (int64_t k = 0; k < a->ndim; k++)
		n *= a->shape[k];
	for (int64_t e = 0; e < n; e++) {
		int64_t pos = a->offset, r = e;
		for (int64_t k = a->ndim - 1; k >= 0; k--) {
			idx[k] = r % a->shape[k];
			r /= a->shape[k];
			pos += idx[k] * a->strides[k];
		}
		if (!isfinite(getd(a, pos)))
			return false;
	}
	return true;
}

static int eig_impl(pyc2go_pool *p, const view *a, int ckind, res *w, res *v, pyc2go_error *err)
{
	if (check_square(a, err))
		return 1;
	if (!all_finite(a))
		return la_raise(err, "LinAlgError", "%s", "Array must not contain infs or NaNs");
	int64_t n = a->shape[a->ndim - 1];
	stack s;
	stack1(&s, a, 2);
	int64_t ext[PYC2GO_MAXDIM + 2];
	if (alloc_res(p, ckind, stack_ext(&s, ext, 1, n, 0), ext, w, err) ||
	    (v != NULL && alloc_res(p, ckind, stack_ext(&s, ext, 2, n, n), ext, v, err)))
		return 1;
	char jobvr = v != NULL ? 'V' : 'N';
	double *buf = xmalloc(n * n, sizeof(double)), *wr = xmalloc(n, sizeof(double)), *wi = xmalloc(n, sizeof(double));
	double *vr = xmalloc(v != NULL ? n * n : 1, sizeof(double)), vl = 0, qw = 0, *work = NULL;
	int rc = 0;
	if (buf == NULL || wr == NULL || wi == NULL || vr == NULL) {
		rc = oom(err);
		goto done;
	}
	if (LAPACKE_dgeev_work(LAPACK_COL_MAJOR, 'N', jobvr, (lapack_int)n, buf, imax1(n), wr, wi, &vl, imax1(n), vr,
			       imax1(n), &qw, -1) != 0) {
		rc = la_raise(err, "LinAlgError", "%s", "Eigenvalues did not converge");
		goto done;
	}
	lapack_int lwork = (lapack_int)qw;
	if (lwork < 1)
		lwork = 1;
	work = xmalloc(lwork, sizeof(double));
	if (work == NULL) {
		rc = oom(err);
		goto done;
	}
	for (int64_t i = 0; i < s.count; i++) {
		int64_t off = 0;
		stack_offsets(&s, i, &off);
		linearize(buf, n, a, off, n, n, mat_rs(a), mat_cs(a));
		if (LAPACKE_dgeev_work(LAPACK_COL_MAJOR, 'N', jobvr, (lapack_int)n, buf, imax1(n), wr, wi, &vl, imax1(n),
				       vr, imax1(n), work, lwork) != 0) {
			rc = la_raise(err, "LinAlgError", "%s", "Eigenvalues did not converge");
			goto done;
		}
		for (int64_t j = 0; j < n; j++)
			putz(w, i * n + j, CMPLX(wr[j], wi[j]));
		if (v == NULL)
			continue;
		/* numpy's mk_geev_complex_eigenvectors: a real eigenvalue's
		 * vector is its column; a complex pair stores re and im in
		 * columns j and j+1, giving re + i im and re - i im. */
		for (int64_t j = 0; j < n; j++) {
			if (wi[j] == 0.0) {
				for (int64_t r = 0; r < n; r++)
					putz(v, i * n * n + r * n + j, CMPLX(vr[j * n + r], 0.0));
				continue;
			}
			for (int64_t r = 0; r < n && j + 1 < n; r++) {
				double re = vr[j * n + r], im = vr[(j + 1) * n + r];
				putz(v, i * n * n + r * n + j, CMPLX(re, im));
				putz(v, i * n * n + r * n + j + 1, CMPLX(re, -im));
			}
			j++;
		}
	}
done:
	free(buf);
	free(wr);
	free(wi);
	free(vr);
	free(work);
	return rc;
}

/* ---- svd (gesdd) -------------------------------------------------------------- */

/* svd_impl is svd with jobz 'A' (full), 'S' (reduced) or 'N' (values
 * only: u and vh NULL). */
static int svd_impl(pyc2go_pool *p, const view *a, char jobz, int rkind, res *u, res *sv, res *vh, const char *msg,
		    pyc2go_error *err)
{
	if (check_stacked_2d(a, err))
		return 1;
	int64_t m = a->shape[a->ndim - 2], n = a->shape[a->ndim - 1], k = m < n ? m : n;
	int64_t ucols = jobz == 'A' ? m : (jobz == 'S' ? k : 0), vrows = jobz == 'A' ? n : (jobz == 'S' ? k : 0);
	stack s;
	stack1(&s, a, 2);
	int64_t ext[PYC2GO_MAXDIM + 2];
	if (alloc_res(p, rkind, stack_ext(&s, ext, 1, k, 0), ext, sv, err))
		return 1;
	if (jobz != 'N' && (alloc_res(p, rkind, stack_ext(&s, ext, 2, m, ucols), ext, u, err) ||
			    alloc_res(p, rkind, stack_ext(&s, ext, 2, vrows, n), ext, vh, err)))
		return 1;
	lapack_int ldvt = imax1(vrows);
	double *buf = xmalloc(m * n, sizeof(double)), *sb = xmalloc(k, sizeof(double));
	double *ub = xmalloc(m * ucols, sizeof(double)), *vb = xmalloc(n * vrows, sizeof(double)), qw = 0, *work = NULL;
	lapack_int *iwork = xmalloc(8 * k, sizeof(lapack_int));
	int rc = 0;
	if (buf == NULL || sb == NULL || ub == NULL || vb == NULL || iwork == NULL) {
		rc = oom(err);
		goto done;
	}
	if (LAPACKE_dgesdd_work(LAPACK_COL_MAJOR, jobz, (lapack_int)m, (lapack_int)n, buf, imax1(m), sb, ub, imax1(m), vb,
				ldvt, &qw, -1, iwork) != 0) {
		rc = la_raise(err, "LinAlgError", "%s", msg);
		goto done;
	}
	lapack_int lwork = (lapack_int)qw;
	if (lwork == 0)
		lwork = 1;
	work = xmalloc(lwork, sizeof(double));
	if (work == NULL) {
		rc = oom(err);
		goto done;
	}
	for (int64_t i = 0; i < s.count; i++) {
		int64_t off = 0;
		stack_offsets(&s, i, &off);
		linearize(buf, m, a, off, m, n, mat_rs(a), mat_cs(a));
		if (LAPACKE_dgesdd_work(LAPACK_COL_MAJOR, jobz, (lapack_int)m, (lapack_int)n, buf, imax1(m), sb, ub,
					imax1(m), vb, ldvt, work, lwork, iwork) != 0) {
			rc = la_raise(err, "LinAlgError", "%s", msg);
			goto done;
		}
		for (int64_t j = 0; j < k; j++)
			putd(sv, i * k + j, sb[j]);
		if (jobz == 'N')
			continue;
		if (jobz == 'A' && k == 0) {
			/* LAPACK leaves u and vt alone; numpy makes identities. */
			for (int64_t j = 0; j < m * m; j++)
				ub[j] = j % (m + 1) == 0;
			for (int64_t j = 0; j < n * n; j++)
				vb[j] = j % (n + 1) == 0;
		}
		delinearize(u, i * m * ucols, ub, m, m, ucols);
		delinearize(vh, i * vrows * n, vb, vrows, vrows, n);
	}
done:
	free(buf);
	free(sb);
	free(ub);
	free(vb);
	free(work);
	free(iwork);
	return rc;
}

/* ---- qr (geqrf, orgqr) --------------------------------------------------------- */

int pyc2go_linalg_check_qr_mode(const char *mode, pyc2go_error *err)
{
	if (strcmp(mode, "reduced") == 0 || strcmp(mode, "complete") == 0 || strcmp(mode, "r") == 0 ||
	    strcmp(mode, "raw") == 0)
		return 0;
	return la_raise(err, "ValueError", "Unrecognized mode '%s'", mode);
}

/* geqrf factors the column-major m x n buf (tau gets min(m, n)), with
 * numpy's workspace: max(n, 1, the query's). */
static int geqrf(int64_t m, int64_t n, double *buf, double *tau)
{
	double qw = 0;
	if (LAPACKE_dgeqrf_work(LAPACK_COL_MAJOR, (lapack_int)m, (lapack_int)n, buf, imax1(m), tau, &qw, -1) != 0)
		return -1;
	lapack_int lwork = (lapack_int)qw;
	if (lwork < imax1(n))
		lwork = imax1(n);
	double *work = xmalloc(lwork, sizeof(double));
	if (work == NULL)
		return -2;
	lapack_int info = LAPACKE_dgeqrf_work(LAPACK_COL_MAJOR, (lapack_int)m, (lapack_int)n, buf, imax1(m), tau, work, lwork);
	free(work);
	return info != 0 ? -1 : 0;
}

/* qr_impl: mode 'q' builds q and r (complete when full), 'r' only r, 'w'
 * (raw) the transposed factors h and tau. */
static int qr_impl(pyc2go_pool *p, const view *a, char mode, bool full, int rkind, res *q, res *r, pyc2go_error *err)
{
	if (check_stacked_2d(a, err))
		return 1;
	int64_t m = a->shape[a->ndim - 2], n = a->shape[a->ndim - 1], k = m < n ? m : n;
	int64_t mc = full && m > n ? m : k;
	stack s;
	stack1(&s, a, 2);
	int64_t ext[PYC2GO_MAXDIM + 2];
	switch (mode) {
	case 'q':
		if (alloc_res(p, rkind, stack_ext(&s, ext, 2, m, mc), ext, q, err) ||
		    alloc_res(p, rkind, stack_ext(&s, ext, 2, mc, n), ext, r, err))
			return 1;
		break;
	case 'r':
		if (alloc_res(p, rkind, stack_ext(&s, ext, 2, k, n), ext, r, err))
			return 1;
		break;
	default:
		if (alloc_res(p, rkind, stack_ext(&s, ext, 2, n, m), ext, q, err) ||
		    alloc_res(p, rkind, stack_ext(&s, ext, 1, k, 0), ext, r, err))
			return 1;
	}
	double *buf = xmalloc(m * n, sizeof(double)), *tau = xmalloc(k, sizeof(double));
	double *qb = xmalloc(m * mc, sizeof(double)), *work = NULL;
	int rc = 0;
	if (buf == NULL || tau == NULL || qb == NULL) {
		rc = oom(err);
		goto done;
	}
	for (int64_t i = 0; i < s.count; i++) {
		int64_t off = 0;
		stack_offsets(&s, i, &off);
		linearize(buf, m, a, off, m, n, mat_rs(a), mat_cs(a));
		for (int64_t j = 0; j < k; j++)
			tau[j] = 0;
		int g = geqrf(m, n, buf, tau);
		if (g == -2) {
			rc = oom(err);
			goto done;
		}
		if (g != 0) {
			rc = la_raise(err, "LinAlgError", "%s", "Incorrect argument found while performing lapack routine");
			goto done;
		}
		if (mode == 'w') {
			/* h = a.T: the column-major factors, read row by row */
			for (int64_t j = 0; j < m * n; j++)
				putd(q, i * m * n + j, buf[j]);
			for (int64_t j = 0; j < k; j++)
				putd(r, i * k + j, tau[j]);
			continue;
		}
		int64_t rr = mode == 'r' ? k : mc;
		for (int64_t row = 0; row < rr && row < m; row++)
			for (int64_t c = row; c < n; c++)
				putd(r, i * rr * n + row * n + c, buf[c * m + row]);
		if (mode == 'r' || m == 0)
			continue;
		/* orgqr on the first mc columns (numpy copies the factors in and
		 * sizes the workspace max(n, 1, the query's)) */
		for (int64_t j = 0; j < m * mc; j++)
			qb[j] = j < m * n ? buf[j] : 0;
		double qw = 0;
		if (LAPACKE_dorgqr_work(LAPACK_COL_MAJOR, (lapack_int)m, (lapack_int)mc, (lapack_int)k, qb, imax1(m), tau, &qw,
					-1) != 0) {
			rc = la_raise(err, "LinAlgError", "%s", "Incorrect argument found while performing lapack routine");
			goto done;
		}
		lapack_int lwork = (lapack_int)qw;
		if (lwork < imax1(n))
			lwork = imax1(n);
		free(work);
		work = xmalloc(lwork, sizeof(double));
		if (work == NULL) {
			rc = oom(err);
			goto done;
		}
		if (LAPACKE_dorgqr_work(LAPACK_COL_MAJOR, (lapack_int)m, (lapack_int)mc, (lapack_int)k, qb, imax1(m), tau,
					work, lwork) != 0) {
			rc = la_raise(err, "LinAlgError", "%s", "Incorrect argument found while performing lapack routine");
			goto done;
		}
		delinearize(q, i * m * mc, qb, m, m, mc);
	}
done:
	free(buf);
	free(tau);
	free(qb);
	free(work);
	return rc;
}

/* ---- lstsq (gelsd) ------------------------------------------------------------- */

double pyc2go_linalg_rcond_none(int64_t m, int64_t n) { return DBL_EPSILON * (double)(m > n ? m : n); }

static int lstsq_impl(pyc2go_pool *p, const view *a, const view *b, double rcond, int rkind, res *x, res *resid,
		      int32_t *rank, res *sv, pyc2go_error *err)
{
	bool vec = b->ndim == 1;
	if (check_2d(a, err) || (!vec && check_2d(b, err)))
		return 1;
	int64_t m = a->shape[0], n = a->shape[1], k = m < n ? m : n;
	int64_t bm = b->shape[0], nrhs = vec ? 1 : b->shape[1];
	if (bm != m)
		return la_raise(err, "LinAlgError", "%s", "Incompatible dimensions");
	int64_t ext[2] = {n, nrhs};
	if (alloc_res(p, rkind, vec ? 1 : 2, ext, x, err) || alloc_res(p, rkind, 1, &k, sv, err))
		return 1;
	/* LAPACK cannot take no right-hand sides: numpy passes one column of
	 * zeros and drops it. */
	int64_t nr = nrhs > 0 ? nrhs : 1, ldb = m > n ? m : n;
	if (ldb < 1)
		ldb = 1;
	double *abuf = xmalloc(m * n, sizeof(double)), *bbuf = xmalloc(ldb * nr, sizeof(double));
	double *sb = xmalloc(k, sizeof(double)), qw = 0, *work = NULL;
	lapack_int qi = 0, rk = 0, *iwork = NULL;
	int rc = 0;
	if (abuf == NULL || bbuf == NULL || sb == NULL) {
		rc = oom(err);
		goto done;
	}
	linearize(abuf, m, a, a->offset, m, n, mat_rs(a), mat_cs(a));
	for (int64_t j = 0; j < ldb * nr; j++)
		bbuf[j] = 0;
	if (nrhs > 0)
		linearize(bbuf, ldb, b, b->offset, m, nrhs, vec ? b->strides[0] : mat_rs(b), vec ? 0 : mat_cs(b));
	if (LAPACKE_dgelsd_work(LAPACK_COL_MAJOR, (lapack_int)m, (lapack_int)n, (lapack_int)nr, abuf, imax1(m), bbuf,
				(lapack_int)ldb, sb, rcond, &rk, &qw, -1, &qi) != 0) {
		rc = la_raise(err, "LinAlgError", "%s", "SVD did not converge in Linear Least Squares");
		goto done;
	}
	lapack_int lwork = (lapack_int)qw;
	work = xmalloc(lwork, sizeof(double));
	iwork = xmalloc(qi, sizeof(lapack_int));
	if (work == NULL || iwork == NULL) {
		rc = oom(err);
		goto done;
	}
	if (LAPACKE_dgelsd_work(LAPACK_COL_MAJOR, (lapack_int)m, (lapack_int)n, (lapack_int)nr, abuf, imax1(m), bbuf,
				(lapack_int)ldb, sb, rcond, &rk, work, lwork, iwork) != 0) {
		rc = la_raise(err, "LinAlgError", "%s", "SVD did not converge in Linear Least Squares");
		goto done;
	}
	*rank = (int32_t)rk;
	if (m > 0)
		delinearize(x, 0, bbuf, ldb, n, nrhs);
	for (int64_t j = 0; j < k; j++)
		putd(sv, j, sb[j]);
	/* numpy keeps the residuals when rank == n < m: per column, the sum
	 * of squares of gelsd's b below row n, in order */
	int64_t rn = rk == n && m > n ? nrhs : 0;
	if (alloc_res(p, rkind, 1, &rn, resid, err)) {
		rc = 1;
		goto done;
	}
	for (int64_t j = 0; j < rn; j++) {
		double acc = 0;
		for (int64_t r = n; r < m; r++) {
			double e = bbuf[j * m + r];
			acc += e * e;
		}
		putd(resid, j, acc);
	}
done:
	free(abuf);
	free(bbuf);
	free(sb);
	free(work);
	free(iwork);
	return rc;
}

/* ---- products: numpy's matmul inner loop ---------------------------------------- */

/* is_blasable2d is numpy's test (strides in elements): unit stride along
 * the second axis, and the first one steps at least a row. */
static bool is_blasable2d(int64_t s1, int64_t s2, int64_t d1, int64_t d2)
{
	(void)d1;
	return s2 == 1 && s1 >= d2 && s1 <= INT_MAX - 1;
}

static int blas_stride(int64_t s) { return s > 0 && s <= INT_MAX ? (int)s : 0; }

#define MATMUL(N, T, P, ONE, ZERO, DOTACC)                                                                \
	static void noblas_##N(const T *a, int64_t a_m, int64_t a_n, const T *b, int64_t b_n, int64_t b_p, T *o,    \
			       int64_t o_m, int64_t o_p, int64_t dm, int64_t dn, int64_t dp)                         \
	{                                                                                                        \
		for (int64_t i = 0; i < dm; i++)                                                                 \
			for (int64_t j = 0; j < dp; j++) {                                                       \
				T acc = 0;                                                                       \
				for (int64_t l = 0; l < dn; l++)                                                 \
					acc += a[i * a_m + l * a_n] * b[l * b_n + j * b_p];                      \
				o[i * o_m + j * o_p] = acc;                                                      \
			}                                                                                        \
	}                                                                                                        \
	static void gemv_##N(const T *a, int64_t a_m, int64_t a_n, const T *x, int64_t x_n, T *o, int64_t o_m,     \
			     int64_t dm, int64_t dn)                                                             \
	{                                                                                                        \
		enum CBLAS_ORDER order;                                                                          \
		int lda;                                                                                         \
		if (is_blasable2d(a_m, a_n, dm, dn)) {                                                           \
			order = CblasColMajor;                                                                   \
			lda = (int)a_m;                                                                          \
		} else {                                                                                         \
			order = CblasRowMajor;                                                                   \
			lda = (int)a_n;                                                                          \
		}                                                                                                \
		cblas_##P##gemv(order, CblasTrans, (int)dn, (int)dm, ONE, a, lda, x, (int)x_n, ZERO, o, (int)o_m); \
	}                                                                                                        \
	static void mm_##N(const T *a, int64_t a_m, int64_t a_n, const T *b, int64_t b_n, int64_t b_p, T *o,      \
			   int64_t o_m, int64_t dm, int64_t dn, int64_t dp)                                      \
	{                                                                                                        \
		enum CBLAS_TRANSPOSE t1, t2;                                                                     \
		int lda, ldb, ldc = (int)o_m;                                                                    \
		if (is_blasable2d(a_m, a_n, dm, dn)) {                                                           \
			t1 = CblasNoTrans;                                                                       \
			lda = (int)a_m;                                                                          \
		} else {                                                                                         \
			t1 = CblasTrans;                                                                         \
			lda = (int)a_n;                                                                          \
		}                                                                                                \
		if (is_blasable2d(b_n, b_p, dn, dp)) {                                                           \
			t2 = CblasNoTrans;                                                                       \
			ldb = (int)b_n;                                                                          \
		} else {                                                                                         \
			t2 = CblasTrans;                                                                         \
			ldb = (int)b_p;                                                                          \
		}                                                                                                \
		if (a == b && dm == dp && a_m == b_p && a_n == b_n && t1 != t2) {                                \
			/* a @ a.T: syrk, then mirror the upper triangle */                                      \
			cblas_##P##syrk(CblasRowMajor, CblasUpper, t1, (int)dp, (int)dn, ONE, a,                  \
					t1 == CblasNoTrans ? lda : ldb, ZERO, o, ldc);                             \
			for (int64_t i = 0; i < dp; i++)                                                         \
				for (int64_t j = i + 1; j < dp; j++)                                             \
					o[j * ldc + i] = o[i * ldc + j];                                         \
			return;                                                                                  \
		}                                                                                                \
		cblas_##P##gemm(CblasRowMajor, t1, t2, (int)dm, (int)dp, (int)dn, ONE, a, lda, b, ldb, ZERO, o, ldc); \
	}                                                                                                        \
	/* matmul_##N is numpy's T_matmul for one (dm, dn) @ (dn, dp) -> (dm, dp)                               \
	 * product (strides in elements, o C-contiguous or transposed). */                                      \
	static void matmul_##N(const T *a, int64_t a_m, int64_t a_n, const T *b, int64_t b_n, int64_t b_p, T *o,    \
			       int64_t o_m, int64_t o_p, int64_t dm, int64_t dn, int64_t dp)                         \
	{                                                                                                        \
		bool i1c = is_blasable2d(a_m, a_n, dm, dn), i1f = is_blasable2d(a_n, a_m, dn, dm);               \
		bool i2c = is_blasable2d(b_n, b_p, dn, dp), i2f = is_blasable2d(b_p, b_n, dp, dn);               \
		bool i1 = i1c || i1f, i2 = i2c || i2f;                                                           \
		bool oc = is_blasable2d(o_m, o_p, dm, dp), of = is_blasable2d(o_p, o_m, dp, dm);                 \
		if (dm > INT_MAX - 1 || dn > INT_MAX - 1 || dp > INT_MAX - 1 || dm == 0 || dn == 0 || dp == 0) { \
			noblas_##N(a, a_m, a_n, b, b_n, b_p, o, o_m, o_p, dm, dn, dp);                           \
		} else if (dm == 1 || dn == 1 || dp == 1) {                                                      \
			if (dm == 1 && dp == 1) {                                                                \
				int s1 = blas_stride(a_n), s2 = blas_stride(b_n);                                \
				if (s1 && s2) {                                                                  \
					DOTACC;                                                                  \
				} else {                                                                         \
					T acc = 0;                                                               \
					for (int64_t l = 0; l < dn; l++)                                         \
						acc += a[l * a_n] * b[l * b_n];                                  \
					o[0] = acc;                                                              \
				}                                                                                \
			} else if (dn == 1 && (dp == 1 || dm == 1)) {                                            \
				noblas_##N(a, a_m, a_n, b, b_n, b_p, o, o_m, o_p, dm, dn, dp);                   \
			} else if (dm == 1 && i2 && is_blasable2d(a_n, 1, dn, 1)) {                              \
				gemv_##N(b, b_p, b_n, a, a_n, o, o_p, dp, dn);                                   \
			} else if (dp == 1 && i1 && is_blasable2d(b_n, 1, dn, 1)) {                              \
				gemv_##N(a, a_m, a_n, b, b_n, o, o_m, dm, dn);                                   \
			} else {                                                                                 \
				noblas_##N(a, a_m, a_n, b, b_n, b_p, o, o_m, o_p, dm, dn, dp);                   \
			}                                                                                        \
		} else if (i1 && i2 && oc) {                                                                     \
			mm_##N(a, a_m, a_n, b, b_n, b_p, o, o_m, dm, dn, dp);                                    \
		} else if (i1 && i2 && of) {                                                                     \
			mm_##N(b, b_p, b_n, a, a_n, a_m, o, o_p, dp, dn, dm);                                    \
		} else {                                                                                         \
			noblas_##N(a, a_m, a_n, b, b_n, b_p, o, o_m, o_p, dm, dn, dp);                           \
		}                                                                                                \
	}

/* NPY_CBLAS_CHUNK: numpy's dot hands BLAS at most this many elements at
 * a time. */
#define CBLAS_CHUNK ((int64_t)1 << 30)

/* numpy's DOUBLE_dot: the sum from 0.0 of cblas_ddot over chunks;
 * FLOAT_dot accumulates cblas_sdot's float results in double. */
MATMUL(float64, double, d, 1.0, 0.0,
       {
	       double sum = 0.0;
	       for (int64_t l = 0; l < dn; l += CBLAS_CHUNK) {
		       int64_t c = dn - l < CBLAS_CHUNK ? dn - l : CBLAS_CHUNK;
		       sum += cblas_ddot((int)c, a + l * a_n, s1, b + l * b_n, s2);
	       }
	       o[0] = sum;
       })
MATMUL(float32, float, s, 1.0f, 0.0f,
       {
	       double sum = 0.0;
	       for (int64_t l = 0; l < dn; l += CBLAS_CHUNK) {
		       int64_t c = dn - l < CBLAS_CHUNK ? dn - l : CBLAS_CHUNK;
		       sum += cblas_sdot((int)c, a + l * a_n, s1, b + l * b_n, s2);
	       }
	       o[0] = (float)sum;
       })
#undef MATMUL

/* matmul_z is numpy's CDOUBLE matmul for square-ish products: zgemm when
 * the layouts allow, else the k-order loop (matrix_power only). */
static void matmul_z(const double _Complex *a, int64_t a_m, int64_t a_n, const double _Complex *b, int64_t b_n,
		     int64_t b_p, double _Complex *o, int64_t dm, int64_t dn, int64_t dp)
{
	const double _Complex one = 1, zero = 0;
	bool i1c = is_blasable2d(a_m, a_n, dm, dn), i2c = is_blasable2d(b_n, b_p, dn, dp);
	if (dm > 1 && dn > 1 && dp > 1 && i1c && i2c) {
		cblas_zgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, (int)dm, (int)dp, (int)dn, &one, a, (int)a_m, b,
			    (int)b_n, &zero, o, (int)dp);
		return;
	}
	for (int64_t i = 0; i < dm; i++)
		for (int64_t j = 0; j < dp; j++) {
			double re = 0, im = 0;
			for (int64_t l = 0; l < dn; l++) {
				double _Complex x = a[i * a_m + l * a_n], y = b[l * b_n + j * b_p];
				re += creal(x) * creal(y) - cimag(x) * cimag(y);
				im += creal(x) * cimag(y) + cimag(x) * creal(y);
			}
			o[i * dp + j] = CMPLX(re, im);
		}
}

/* ---- the typed entry points --------------------------------------------------- */

/* ONE_OUT defines pyc2go_linalg_NAME_T(p, a, out, err): CALL computes
 * into res r from the view av of a. */
#define ONE_OUT(NAME, T, CT, K, CALL)                                                                               \
	int pyc2go_linalg_##NAME##_##T(pyc2go_pool *p, const pyc2go_array_##T *a, pyc2go_array_##T *out,         \
				       pyc2go_error *err)                                                         \
	{                                                                                                         \
		view av = VIEW(a, K);                                                                             \
		res r;                                                                                            \
		if (CALL)                                                                                         \
			return 1;                                                                                 \
		SET_OUT(out, r, CT);                                                                              \
		return 0;                                                                                         \
	}

#define SCALAR_API(T, CT, K, R, RCT, RK)                                                                          \
	int pyc2go_linalg_solve_##T(pyc2go_pool *p, const pyc2go_array_##T *a, const pyc2go_array_##T *b,        \
				    pyc2go_array_##T *x, pyc2go_error *err)                                       \
	{                                                                                                         \
		view av = VIEW(a, K), bv = VIEW(b, K);                                                            \
		res r;                                                                                            \
		if (solve_impl(p, &av, &bv, K, &r, err))                                                          \
			return 1;                                                                                 \
		SET_OUT(x, r, CT);                                                                                \
		return 0;                                                                                         \
	}                                                                                                         \
	ONE_OUT(inv, T, CT, K, inv_impl(p, &av, K, &r, err))                                                         \
	ONE_OUT(det, T, CT, K, det_impl(p, &av, K, RK, &r, NULL, err))                                               \
	int pyc2go_linalg_slogdet_##T(pyc2go_pool *p, const pyc2go_array_##T *a, pyc2go_array_##T *sign,         \
				      pyc2go_array_##R *logdet, pyc2go_error *err)                                \
	{                                                                                                         \
		view av = VIEW(a, K);                                                                             \
		res rs, rl;                                                                                       \
		if (det_impl(p, &av, K, RK, &rs, &rl, err))                                                       \
			return 1;                                                                                 \
		SET_OUT(sign, rs, CT);                                                                            \
		SET_OUT(logdet, rl, RCT);                                                                         \
		return 0;                                                                                         \
	}                                                                                                         \
	ONE_OUT(cholesky, T, CT, K, cholesky_impl(p, &av, K, &r, err))
SCALAR_API(float64, double, K_F64, float64, double, K_F64)
SCALAR_API(float32, float, K_F32, float32, float, K_F32)
SCALAR_API(complex128, double _Complex, K_C128, float64, double, K_F64)
#undef SCALAR_API

#define REAL_API(T, CT, K, C, CCT, CK)                                                                            \
	int pyc2go_linalg_eigh_##T(pyc2go_pool *p, const pyc2go_array_##T *a, const char *uplo,                   \
				   pyc2go_array_##T *w, pyc2go_array_##T *v, pyc2go_error *err)                   \
	{                                                                                                         \
		view av = VIEW(a, K);                                                                             \
		res rw, rv;                                                                                       \
		if (eigh_impl(p, &av, uplo, K, &rw, v != NULL ? &rv : NULL, err))                                 \
			return 1;                                                                                 \
		SET_OUT(w, rw, CT);                                                                               \
		if (v != NULL)                                                                                    \
			SET_OUT(v, rv, CT);                                                                       \
		return 0;                                                                                         \
	}                                                                                                         \
	int pyc2go_linalg_eig_##T(pyc2go_pool *p, const pyc2go_array_##T *a, pyc2go_array_##C *w,                \
				  pyc2go_array_##C *v, pyc2go_error *err)                                        \
	{                                                                                                         \
		view av = VIEW(a, K);                                                                             \
		res rw, rv;                                                                                       \
		if (eig_impl(p, &av, CK, &rw, v != NULL ? &rv : NULL, err))                                       \
			return 1;                                                                                 \
		SET_OUT(w, rw, CCT);                                                                              \
		if (v != NULL)                                                                                    \
			SET_OUT(v, rv, CCT);                                                                      \
		return 0;                                                                                         \
	}                                                                                                         \
	int pyc2go_linalg_svd_##T(pyc2go_pool *p, const pyc2go_array_##T *a, bool full_matrices,                 \
				  pyc2go_array_##T *u, pyc2go_array_##T *s, pyc2go_array_##T *vh,                \
				  pyc2go_error *err)                                                             \
	{                                                                                                         \
		view av = VIEW(a, K);                                                                             \
		res ru, rs, rv;                                                                                   \
		char jobz = u == NULL ? 'N' : (full_matrices ? 'A' : 'S');                                        \
		if (svd_impl(p, &av, jobz, K, &ru, &rs, &rv, "SVD did not converge", err))                       \
			return 1;                                                                                 \
		SET_OUT(s, rs, CT);                                                                               \
		if (u != NULL) {                                                                                  \
			SET_OUT(u, ru, CT);                                                                       \
			SET_OUT(vh, rv, CT);                                                                      \
		}                                                                                                 \
		return 0;                                                                                         \
	}                                                                                                         \
	int pyc2go_linalg_qr_##T(pyc2go_pool *p, const pyc2go_array_##T *a, const char *mode,                    \
				 pyc2go_array_##T *q, pyc2go_array_##T *r, pyc2go_error *err)                    \
	{                                                                                                         \
		view av = VIEW(a, K);                                                                             \
		res rq, rr;                                                                                       \
		if (pyc2go_linalg_check_qr_mode(mode, err))                                                       \
			return 1;                                                                                 \
		if (qr_impl(p, &av, 'q', strcmp(mode, "complete") == 0, K, &rq, &rr, err))                        \
			return 1;                                                                                 \
		SET_OUT(q, rq, CT);                                                                               \
		SET_OUT(r, rr, CT);                                                                               \
		return 0;                                                                                         \
	}                                                                                                         \
	ONE_OUT(qr_r, T, CT, K, qr_impl(p, &av, 'r', false, K, NULL, &r, err))                                       \
	int pyc2go_linalg_qr_raw_##T(pyc2go_pool *p, const pyc2go_array_##T *a, pyc2go_array_##T *h,            \
				     pyc2go_array_##T *tau, pyc2go_error *err)                                    \
	{                                                                                                         \
		view av = VIEW(a, K);                                                                             \
		res rh, rt;                                                                                       \
		if (qr_impl(p, &av, 'w', false, K, &rh, &rt, err))                                                \
			return 1;                                                                                 \
		SET_OUT(h, rh, CT);                                                                               \
		SET_OUT(tau, rt, CT);                                                                             \
		return 0;                                                                                         \
	}                                                                                                         \
	int pyc2go_linalg_lstsq_##T(pyc2go_pool *p, const pyc2go_array_##T *a, const pyc2go_array_##T *b,       \
				    double rcond, pyc2go_array_##T *x, pyc2go_array_##T *resid, int32_t *rank,  \
				    pyc2go_array_##T *s, pyc2go_error *err)                                      \
	{                                                                                                         \
		view av = VIEW(a, K), bv = VIEW(b, K);                                                            \
		res rx, rr, rs;                                                                                   \
		if (lstsq_impl(p, &av, &bv, rcond, K, &rx, &rr, rank, &rs, err))                                  \
			return 1;                                                                                 \
		SET_OUT(x, rx, CT);                                                                               \
		SET_OUT(resid, rr, CT);                                                                           \
		SET_OUT(s, rs, CT);                                                                               \
		return 0;                                                                                         \
	}
REAL_API(float64, double, K_F64, complex128, double _Complex, K_C128)
REAL_API(float32, float, K_F32, complex64, float _Complex, K_C64)
#undef REAL_API

/* ---- pinv, matrix_rank, matmul, gemm, matrix_power (in the dtype) --------------- */

/* svd_parts is svd(a, full_matrices=False) rounded to T (numpy computes
 * it in double and casts). */
#define TYPED_API(T, CT, K, P, ONE, ZERO, EPS)                                                                    \
	int pyc2go_linalg_pinv_##T(pyc2go_pool *p, const pyc2go_array_##T *a, double rcond,                      \
				   pyc2go_array_##T *out, pyc2go_error *err)                                      \
	{                                                                                                         \
		view av = VIEW(a, K);                                                                             \
		if (check_stacked_2d(&av, err))                                                                   \
			return 1;                                                                                 \
		int64_t m = a->shape[a->ndim - 2], n = a->shape[a->ndim - 1], k = m < n ? m : n;                  \
		stack s;                                                                                          \
		stack1(&s, &av, 2);                                                                               \
		int64_t ext[PYC2GO_MAXDIM + 2];                                                                   \
		res r;                                                                                            \
		if (alloc_res(p, K, stack_ext(&s, ext, 2, n, m), ext, &r, err))                                   \
			return 1;                                                                                 \
		SET_OUT(out, r, CT);                                                                              \
		if (m == 0 || n == 0)                                                                             \
			return 0;                                                                                 \
		res ru, rs, rv;                                                                                   \
		if (svd_impl(p, &av, 'S', K, &ru, &rs, &rv, "SVD did not converge", err))                         \
			return 1;                                                                                 \
		CT *bb = xmalloc(m * k, sizeof(CT));                                                              \
		if (bb == NULL)                                                                                   \
			return oom(err);                                                                          \
		const CT cut = (CT)rcond;                                                                         \
		for (int64_t i = 0; i < s.count; i++) {                                                           \
			CT *sv = (CT *)rs.data + i * k, *u = (CT *)ru.data + i * m * k;                           \
			CT *vt = (CT *)rv.data + i * k * n, smax = sv[0];                                         \
			for (int64_t j = 0; j < k; j++)                                                           \
				if (sv[j] > smax || sv[j] != sv[j])                                               \
					smax = sv[j];                                                             \
			CT cutoff = cut * smax;                                                                   \
			for (int64_t j = 0; j < k; j++)                                                           \
				sv[j] = sv[j] > cutoff ? (CT)1 / sv[j] : (CT)0;                                   \
			/* multiply(s[:, None], u.T) is F-ordered: u * s in                                     \
			 * u's C layout */                                                                        \
			for (int64_t row = 0; row < m; row++)                                                     \
				for (int64_t j = 0; j < k; j++)                                                   \
					bb[row * k + j] = sv[j] * u[row * k + j];                                 \
			/* matmul(vt.T, bb.T-layout): both transposed operands */                                \
			matmul_##T(vt, 1, n, bb, 1, k, (CT *)r.data + i * n * m, m, 1, n, k, m);                  \
		}                                                                                                 \
		free(bb);                                                                                         \
		return 0;                                                                                         \
	}                                                                                                         \
	int pyc2go_linalg_matrix_rank_##T(pyc2go_pool *p, const pyc2go_array_##T *a, double tol, bool has_tol,   \
					  pyc2go_array_int64 *out, pyc2go_error *err)                            \
	{                                                                                                         \
		view av = VIEW(a, K);                                                                             \
		res r;                                                                                            \
		if (a->ndim < 2) {                                                                                \
			if (alloc_res(p, K_I64, 0, NULL, &r, err))                                                \
				return 1;                                                                         \
			int64_t nel = a->ndim == 0 ? 1 : a->shape[0];                                             \
			for (int64_t j = 0; j < nel; j++)                                                         \
				if (getd(&av, a->offset + (a->ndim ? j * a->strides[0] : 0)) != 0)                \
					((int64_t *)r.data)[0] = 1;                                               \
			SET_OUT(out, r, int64_t);                                                                 \
			return 0;                                                                                 \
		}                                                                                                 \
		int64_t m = a->shape[a->ndim - 2], n = a->shape[a->ndim - 1], k = m < n ? m : n;                  \
		res rs;                                                                                           \
		if (svd_impl(p, &av, 'N', K, NULL, &rs, NULL, "SVD did not converge", err))                       \
			return 1;                                                                                 \
		stack s;                                                                                          \
		stack1(&s, &av, 2);                                                                               \
		int64_t ext[PYC2GO_MAXDIM];                                                                       \
		if (alloc_res(p, K_I64, stack_ext(&s, ext, 0, 0, 0), ext, &r, err))                               \
			return 1;                                                                                 \
		for (int64_t i = 0; i < s.count; i++) {                                                           \
			const CT *sv = (const CT *)rs.data + i * k;                                               \
			CT t = (CT)tol;                                                                           \
			if (!has_tol) {                                                                           \
				if (k == 0)                                                                       \
					return la_raise(err, "ValueError", "%s",                                     \
						     "zero-size array to reduction operation maximum which has no " \
						     "identity");                                                  \
				CT smax = sv[0];                                                                  \
				for (int64_t j = 0; j < k; j++)                                                   \
					if (sv[j] > smax || sv[j] != sv[j])                                       \
						smax = sv[j];                                                     \
				t = smax * (CT)(m > n ? m : n) * EPS;                                             \
			}                                                                                         \
			int64_t cnt = 0;                                                                          \
			for (int64_t j = 0; j < k; j++)                                                           \
				cnt += sv[j] > t;                                                                 \
			((int64_t *)r.data)[i] = cnt;                                                             \
		}                                                                                                 \
		SET_OUT(out, r, int64_t);                                                                         \
		return 0;                                                                                         \
	}                                                                                                         \
	static int matmul_impl_##T(pyc2go_pool *p, const pyc2go_array_##T *a, const pyc2go_array_##T *b, res *r, \
				   pyc2go_error *err)                                                             \
	{                                                                                                         \
		view av = VIEW(a, K), bv = VIEW(b, K);                                                            \
		for (int i = 0; i < 2; i++)                                                                       \
			if ((i ? b : a)->ndim == 0)                                                               \
				return la_raise(err, "ValueError",                                                   \
					     "matmul: Input operand %d does not have enough dimensions (has 0, "  \
					     "gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)",      \
					     i);                                                                  \
		bool va = a->ndim == 1, vb = b->ndim == 1;                                                        \
		int64_t dm = va ? 1 : a->shape[a->ndim - 2], dn = a->shape[a->ndim - 1];                          \
		int64_t dn2 = vb ? b->shape[0] : b->shape[b->ndim - 2], dp = vb ? 1 : b->shape[b->ndim - 1];      \
		if (dn != dn2)                                                                                    \
			return la_raise(err, "ValueError",                                                           \
				     "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc "     \
				     "signature (n?,k),(k,m?)->(n?,m?) (size %" PRId64 " is different from %" PRId64 \
				     ")",                                                                         \
				     dn2, dn);                                                                    \
		int64_t core[2], nc = 0;                                                                          \
		if (!va)                                                                                          \
			core[nc++] = dm;                                                                          \
		if (!vb)                                                                                          \
			core[nc++] = dp;                                                                          \
		int64_t ca = va ? 1 : 2, cb = vb ? 1 : 2;                                                         \
		stack s;                                                                                          \
		if (stack2(&s, &av, ca, &bv, cb))                                                                 \
			return broadcast_error(err, &av, ca, &bv, cb, (int)nc, core);                             \
		int64_t ext[PYC2GO_MAXDIM + 2];                                                                   \
		if (alloc_res(p, K, stack_ext(&s, ext, (int)nc, core[0], core[1]), ext, r, err))                  \
			return 1;                                                                                 \
		int64_t a_m = va ? 0 : a->strides[a->ndim - 2], a_n = a->strides[a->ndim - 1];                    \
		int64_t b_n = vb ? b->strides[0] : b->strides[b->ndim - 2], b_p = vb ? 0 : b->strides[b->ndim - 1]; \
		for (int64_t i = 0; i < s.count; i++) {                                                           \
			int64_t offs[2] = {0, 0};                                                                 \
			stack_offsets(&s, i, offs);                                                               \
			matmul_##T(a->data + offs[0], a_m, a_n, b->data + offs[1], b_n, b_p,                      \
				   (CT *)r->data + i * dm * dp, dp, 1, dm, dn, dp);                              \
		}                                                                                                 \
		return 0;                                                                                         \
	}                                                                                                         \
	int pyc2go_linalg_matmul_##T(pyc2go_pool *p, const pyc2go_array_##T *a, const pyc2go_array_##T *b,      \
				     pyc2go_array_##T *out, pyc2go_error *err)                                    \
	{                                                                                                         \
		res r;                                                                                            \
		if (matmul_impl_##T(p, a, b, &r, err))                                                            \
			return 1;                                                                                 \
		SET_OUT(out, r, CT);                                                                              \
		return 0;                                                                                         \
	}                                                                                                         \
	void pyc2go_gemm_##T(pyc2go_array_##T *c, const pyc2go_array_##T *a, const pyc2go_array_##T *b)         \
	{                                                                                                         \
		matmul_##T(a->data + a->offset, a->strides[0], a->strides[1], b->data + b->offset, b->strides[0],   \
			   b->strides[1], c->data + c->offset, c->strides[0], c->strides[1], a->shape[0], a->shape[1], \
			   b->shape[1]);                                                                          \
	}

TYPED_API(float64, double, K_F64, d, 1.0, 0.0, DBL_EPSILON)
TYPED_API(float32, float, K_F32, s, 1.0f, 0.0f, FLT_EPSILON)
#undef TYPED_API

/* ---- matrix_power -------------------------------------------------------------- */

/* The products matrix_power multiplies are fresh C-contiguous stacks of
 * n x n matrices, or the input (any layout) itself. */
typedef struct {
	void *data;
	int64_t offset, ndim;
	const int64_t *shape, *strides;
} mstack;

static int64_t imul_wrap(int64_t x, int64_t y) { return (int64_t)((uint64_t)x * (uint64_t)y); }
static int64_t iadd_wrap(int64_t x, int64_t y) { return (int64_t)((uint64_t)x + (uint64_t)y); }

/* mp_mul is matmul(x, y) of two stacks with the same shape (the last two
 * axes n x n) into a fresh stack, in numpy's way for the kind. */
static int mp_mul(pyc2go_pool *p, int kind, const mstack *x, const mstack *y, res *r, pyc2go_error *err)
{
	if (alloc_res(p, kind, x->ndim, x->shape, r, err))
		return 1;
	int64_t nd = x->ndim, n = x->shape[nd - 1], count = 1;
	for (int64_t k = 0; k < nd - 2; k++)
		count *= x->shape[k];
	size_t el = kind_size(kind);
	for (int64_t i = 0; i < count; i++) {
		int64_t xo = x->offset, yo = y->offset, q = i;
		for (int64_t k = nd - 3; k >= 0; k--) {
			int64_t idx = q % x->shape[k];
			q /= x->shape[k];
			xo += idx * x->strides[k];
			yo += idx * y->strides[k];
		}
		const char *xd = (const char *)x->data + xo * (int64_t)el, *yd = (const char *)y->data + yo * (int64_t)el;
		char *od = (char *)r->data + i * n * n * (int64_t)el;
		int64_t xm = x->strides[nd - 2], xn = x->strides[nd - 1], yn = y->strides[nd - 2], yp = y->strides[nd - 1];
		switch (kind) {
		case K_F64:
			matmul_float64((const double *)xd, xm, xn, (const double *)yd, yn, yp, (double *)od, n, 1, n, n, n);
			break;
		case K_F32:
			matmul_float32((const float *)xd, xm, xn, (const float *)yd, yn, yp, (float *)od, n, 1, n, n, n);
			break;
		case K_C128:
			matmul_z((const double _Complex *)xd, xm, xn, (const double _Complex *)yd, yn, yp, (double _Complex *)od,
				 n, n, n);
			break;
		default: {
			const int64_t *xa = (const int64_t *)xd, *ya = (const int64_t *)yd;
			int64_t *o = (int64_t *)od;
			for (int64_t a = 0; a < n; a++)
				for (int64_t b = 0; b < n; b++) {
					int64_t acc = 0;
					for (int64_t l = 0; l < n; l++)
						acc = iadd_wrap(acc, imul_wrap(xa[a * xm + l * xn], ya[l * yn + b * yp]));
					o[a * n + b] = acc;
				}
		}
		}
	}
	return 0;
}

/* power_impl is numpy's matrix_power schedule for n >= 2 on a: a@a,
 * (a@a)@a, then binary powering from the least significant bit. cs are
 * the C strides of a's shape (every product is C-contiguous). */
static int power_impl(pyc2go_pool *p, int kind, const mstack *a, const int64_t *cs, int64_t n, res *r,
		      pyc2go_error *err)
{
	if (n == 2)
		return mp_mul(p, kind, a, a, r, err);
	if (n == 3) {
		res t;
		if (mp_mul(p, kind, a, a, &t, err))
			return 1;
		mstack ts = {t.data, 0, a->ndim, a->shape, cs};
		return mp_mul(p, kind, &ts, a, r, err);
	}
	/* z and result are a itself until a product replaces them. */
	mstack z = *a, result = *a;
	res zr = {0}, rr = {0};
	bool have_z = false, have_result = false;
	while (n > 0) {
		if (have_z) {
			if (mp_mul(p, kind, &z, &z, &zr, err))
				return 1;
			z = (mstack){zr.data, 0, a->ndim, a->shape, cs};
		}
		have_z = true;
		int64_t bit = n % 2;
		n /= 2;
		if (!bit)
			continue;
		if (!have_result) {
			result = z;
			rr = zr;
			have_result = true;
			continue;
		}
		if (mp_mul(p, kind, &result, &z, &rr, err))
			return 1;
		result = (mstack){rr.data, 0, a->ndim, a->shape, cs};
	}
	/* n >= 4 has a bit above the lowest, so result is a product */
	*r = rr;
	return 0;
}

#define POWER_API(T, CT, K)                                                                                       \
	int pyc2go_linalg_matrix_power_##T(pyc2go_pool *p, const pyc2go_array_##T *a, int64_t n,                  \
					   pyc2go_array_##T *out, pyc2go_error *err)                              \
	{                                                                                                         \
		view av = VIEW(a, K);                                                                             \
		if (check_square(&av, err))                                                                       \
			return 1;                                                                                 \
		int64_t nd = a->ndim, m = a->shape[nd - 1], cs[PYC2GO_MAXDIM], st = 1;                            \
		for (int64_t k = nd - 1; k >= 0; k--) {                                                           \
			cs[k] = st;                                                                               \
			st *= a->shape[k];                                                                        \
		}                                                                                                 \
		res r;                                                                                            \
		if (n == 0) {                                                                                     \
			if (alloc_res(p, K, nd, a->shape, &r, err))                                               \
				return 1;                                                                         \
			for (int64_t e = 0; e < st; e += m * m)                                                   \
				for (int64_t i = 0; i < m; i++)                                                   \
					((CT *)r.data)[e + i * m + i] = 1;                                        \
			SET_OUT(out, r, CT);                                                                      \
			return 0;                                                                                 \
		}                                                                                                 \
		mstack as = {(void *)a->data, a->offset, nd, a->shape, a->strides};                              \
		if (n < 0) {                                                                                      \
			if (K == K_I64)                                                                           \
				return la_raise(err, "TypeError", "%s",                                           \
						"matrix_power of an integer matrix needs n >= 0");                \
			if (inv_impl(p, &av, K, &r, err))                                                         \
				return 1;                                                                         \
			as = (mstack){r.data, 0, nd, a->shape, cs};                                               \
			n = n == INT64_MIN ? INT64_MAX : -n;                                                      \
			if (n == 1) {                                                                             \
				SET_OUT(out, r, CT);                                                              \
				return 0;                                                                         \
			}                                                                                         \
		} else if (n == 1) {                                                                              \
			/* numpy returns a itself: a view of the input */                                         \
			*out = *a;                                                                                \
			out->owner = NULL;                                                                        \
			return 0;                                                                                 \
		}                                                                                                 \
		if (power_impl(p, K, &as, cs, n, &r, err))                                                        \
			return 1;                                                                                 \
		SET_OUT(out, r, CT);                                                                              \
		return 0;                                                                                         \
	}
POWER_API(float64, double, K_F64)
POWER_API(float32, float, K_F32)
POWER_API(complex128, double _Complex, K_C128)
POWER_API(int64, int64_t, K_I64)
#undef POWER_API

/* ---- norm ------------------------------------------------------------------------ */

pyc2go_norm_ord pyc2go_norm_ord_str(const char *s)
{
	int kind = PYC2GO_ORD_STR;
	if (strcmp(s, "fro") == 0 || strcmp(s, "f") == 0)
		kind = PYC2GO_ORD_FRO;
	else if (strcmp(s, "nuc") == 0)
		kind = PYC2GO_ORD_NUC;
	return (pyc2go_norm_ord){kind, 0.0, s};
}

static bool ord_is(pyc2go_norm_ord o, double p) { return o.kind == PYC2GO_ORD_NUM && o.p == p; }

/* rround rounds a double result of one operation on R values to R (exact
 * for +, -, *, /, sqrt on floats: double has more than 2*24+2 bits). */
static double rround(int rk, double x) { return rk == K_F32 ? (double)(float)x : x; }

static double rget(const res *r, int64_t i)
{
	return r->kind == K_F32 ? (double)((const float *)r->data)[i] : ((const double *)r->data)[i];
}

static int64_t res_size(const res *r)
{
	int64_t n = 1;
	for (int64_t k = 0; k < r->ndim; k++)
		n *= r->shape[k];
	return n;
}

/* keep_order sorts a's axes by decreasing |stride| (stable): numpy's K
 * order, the layout its ufuncs give a result and the order ravel('K')
 * reads. */
static void keep_order(const view *a, int64_t *perm)
{
	for (int64_t k = 0; k < a->ndim; k++)
		perm[k] = k;
	for (int64_t i = 1; i < a->ndim; i++)
		for (int64_t j = i; j > 0; j--) {
			int64_t s1 = a->strides[perm[j - 1]], s2 = a->strides[perm[j]];
			if ((s1 < 0 ? -s1 : s1) >= (s2 < 0 ? -s2 : s2))
				break;
			int64_t t = perm[j - 1];
			perm[j - 1] = perm[j];
			perm[j] = t;
		}
}

enum { MAP_ABS, MAP_SQ, MAP_NZ, MAP_COPY };

/* map_k applies op to every element of x into a fresh array of kind rk
 * laid out in x's K order (as numpy's abs(x), x.conj()*x, ... are). */
static int map_k(pyc2go_pool *p, const view *x, int rk, int op, res *out, pyc2go_error *err)
{
	int64_t perm[PYC2GO_MAXDIM], ext[PYC2GO_MAXDIM], n = 1;
	keep_order(x, perm);
	for (int64_t k = 0; k < x->ndim; k++)
		ext[k] = x->shape[perm[k]];
	if (alloc_res(p, rk, x->ndim, ext, out, err))
		return 1;
	/* out's strides by x's axes */
	int64_t st[PYC2GO_MAXDIM];
	for (int64_t k = 0; k < x->ndim; k++) {
		st[perm[k]] = out->strides[k];
		out->shape[perm[k]] = x->shape[perm[k]];
	}
	for (int64_t k = 0; k < x->ndim; k++) {
		out->strides[k] = st[k];
		n *= x->shape[k];
	}
	for (int64_t e = 0; e < n; e++) {
		int64_t q = e, ip = x->offset, op_ = 0;
		for (int64_t k = x->ndim - 1; k >= 0; k--) {
			int64_t idx = q % x->shape[k];
			q /= x->shape[k];
			ip += idx * x->strides[k];
			op_ += idx * st[k];
		}
		double _Complex z = getz(x, ip);
		double v;
		if (op == MAP_COPY) {
			putz(out, op_, z);
			continue;
		}
		switch (op) {
		case MAP_ABS:
			v = x->kind == K_C128 ? hypot(creal(z), cimag(z)) : fabs(creal(z));
			break;
		case MAP_SQ:
			v = x->kind == K_C128 ? creal(z) * creal(z) + cimag(z) * cimag(z) : rround(rk, creal(z) * creal(z));
			break;
		default: /* MAP_NZ */
			v = z != 0;
		}
		putd(out, op_, v);
	}
	return 0;
}

/* sum_axis is np.add.reduce(a, axis=k) in numpy's order (the C runtime's
 * pyc2go_sum_axis_T); the result is C-contiguous. */
static int sum_axis(pyc2go_pool *p, const res *a, int64_t k, res *out, pyc2go_error *err)
{
	int rc;
	out->kind = a->kind;
	if (a->kind == K_F32) {
		pyc2go_array_float32 in = {(float *)a->data, 0, a->ndim, {0}, {0}, NULL}, o;
		memcpy(in.shape, a->shape, (size_t)a->ndim * sizeof(int64_t));
		memcpy(in.strides, a->strides, (size_t)a->ndim * sizeof(int64_t));
		rc = pyc2go_sum_axis_float32(p, &in, k, &o);
		out->data = o.data;
		out->ndim = o.ndim;
		memcpy(out->shape, o.shape, sizeof o.shape);
		memcpy(out->strides, o.strides, sizeof o.strides);
	} else {
		pyc2go_array_float64 in = {(double *)a->data, 0, a->ndim, {0}, {0}, NULL}, o;
		memcpy(in.shape, a->shape, (size_t)a->ndim * sizeof(int64_t));
		memcpy(in.strides, a->strides, (size_t)a->ndim * sizeof(int64_t));
		rc = pyc2go_sum_axis_float64(p, &in, k, &o);
		out->data = o.data;
		out->ndim = o.ndim;
		memcpy(out->shape, o.shape, sizeof o.shape);
		memcpy(out->strides, o.strides, sizeof o.strides);
	}
	return rc ? oom(err) : 0;
}

/* sum_all is np.add.reduce(a, axis=None): numpy's whole-array sum. */
static double sum_all(const res *a)
{
	if (a->kind == K_F32) {
		pyc2go_array_float32 in = {(float *)a->data, 0, a->ndim, {0}, {0}, NULL};
		memcpy(in.shape, a->shape, (size_t)a->ndim * sizeof(int64_t));
		memcpy(in.strides, a->strides, (size_t)a->ndim * sizeof(int64_t));
		return pyc2go_sum_float32(&in);
	}
	pyc2go_array_float64 in = {(double *)a->data, 0, a->ndim, {0}, {0}, NULL};
	memcpy(in.shape, a->shape, (size_t)a->ndim * sizeof(int64_t));
	memcpy(in.strides, a->strides, (size_t)a->ndim * sizeof(int64_t));
	return pyc2go_sum_float64(&in);
}

/* extreme_axis is np.max (max) or np.min along k, NaN-propagating, into a
 * C-contiguous result; an empty axis raises numpy's error. */
static int extreme_axis(pyc2go_pool *p, const res *a, int64_t k, bool max, res *out, pyc2go_error *err)
{
	if (a->shape[k] == 0)
		return la_raise(err, "ValueError", "zero-size array to reduction operation %s which has no identity",
				max ? "maximum" : "minimum");
	int64_t ext[PYC2GO_MAXDIM], nd = 0;
	for (int64_t j = 0; j < a->ndim; j++)
		if (j != k)
			ext[nd++] = a->shape[j];
	if (alloc_res(p, a->kind, nd, ext, out, err))
		return 1;
	int64_t n = res_size(out);
	for (int64_t e = 0; e < n; e++) {
		int64_t q = e, base = 0;
		for (int64_t j = a->ndim - 1; j >= 0; j--) {
			if (j == k)
				continue;
			base += (q % a->shape[j]) * a->strides[j];
			q /= a->shape[j];
		}
		double r = rget(a, base);
		for (int64_t i = 1; i < a->shape[k]; i++) {
			double v = rget(a, base + i * a->strides[k]);
			if (r != r)
				break;
			if (v != v || (max ? v > r : v < r))
				r = v;
		}
		putd(out, e, r);
	}
	return 0;
}

/* set_c_shape gives a dense result a new shape with C strides. */
static void set_c_shape(res *r, int64_t nd, const int64_t *shape)
{
	int64_t s = 1;
	r->ndim = nd;
	for (int64_t k = nd - 1; k >= 0; k--) {
		r->shape[k] = shape[k];
		r->strides[k] = s;
		s *= shape[k];
	}
}

/* rpow is numpy's power(x, p) with its scalar fast paths: -1 is
 * reciprocal, 0 ones, 0.5 sqrt, 1 a copy, 2 square; else pow (powf). */
static double rpow(int rk, double x, double p)
{
	if (p == -1)
		return rround(rk, 1 / x);
	if (p == 0)
		return 1;
	if (p == 0.5)
		return rk == K_F32 ? (double)sqrtf((float)x) : sqrt(x);
	if (p == 1)
		return x;
	if (p == 2)
		return rround(rk, x * x);
	return rk == K_F32 ? (double)powf((float)x, (float)p) : pow(x, p);
}

static void rsqrt_all(res *r)
{
	int64_t n = res_size(r);
	for (int64_t i = 0; i < n; i++)
		putd(r, i, r->kind == K_F32 ? (double)sqrtf((float)rget(r, i)) : sqrt(rget(r, i)));
}

/* ddot_k is x.dot(x) over the K-order copy flat of n elements (numpy's
 * DOUBLE_dot / FLOAT_dot; complex: re.dot(re) + im.dot(im)). */
static double sqnorm(int rk, int xkind, const void *flat, int64_t n)
{
	if (xkind == K_C128) {
		const double *d = flat;
		double re = 0.0, im = 0.0;
		for (int64_t l = 0; l < n; l += CBLAS_CHUNK) {
			int64_t c = n - l < CBLAS_CHUNK ? n - l : CBLAS_CHUNK;
			re += cblas_ddot((int)c, d + 2 * l, 2, d + 2 * l, 2);
			im += cblas_ddot((int)c, d + 2 * l + 1, 2, d + 2 * l + 1, 2);
		}
		return re + im;
	}
	double sum = 0.0;
	for (int64_t l = 0; l < n; l += CBLAS_CHUNK) {
		int64_t c = n - l < CBLAS_CHUNK ? n - l : CBLAS_CHUNK;
		if (rk == K_F32)
			sum += cblas_sdot((int)c, (const float *)flat + l, 1, (const float *)flat + l, 1);
		else
			sum += cblas_ddot((int)c, (const double *)flat + l, 1, (const double *)flat + l, 1);
	}
	return rround(rk, sum);
}

static int norm_axis_error(pyc2go_error *err, int64_t ax, int64_t nd)
{
	return la_raise(err, "AxisError", "axis %" PRId64 " is out of bounds for array of dimension %" PRId64, ax, nd);
}

/* norm_impl is numpy's linalg.norm, branch for branch. */
static int norm_impl(pyc2go_pool *p, const view *x, int rk, pyc2go_norm_ord ord, int64_t naxis, const int64_t *axis,
		     bool keepdims, res *out, pyc2go_error *err)
{
	int64_t nd = x->ndim;
	int64_t ax[PYC2GO_MAXDIM];
	if (naxis < 0) {
		if (ord.kind == PYC2GO_ORD_NONE || (ord.kind == PYC2GO_ORD_FRO && nd == 2) || (ord_is(ord, 2) && nd == 1)) {
			res flat;
			if (map_k(p, x, x->kind == K_C128 ? K_C128 : rk, MAP_COPY, &flat, err))
				return 1;
			double sq = sqnorm(rk, x->kind, flat.data, res_size(&flat));
			int64_t ones[PYC2GO_MAXDIM];
			for (int64_t k = 0; k < nd; k++)
				ones[k] = 1;
			if (alloc_res(p, rk, keepdims ? nd : 0, ones, out, err))
				return 1;
			putd(out, 0, rk == K_F32 ? (double)sqrtf((float)sq) : sqrt(sq));
			return 0;
		}
		naxis = nd;
		for (int64_t k = 0; k < nd; k++)
			ax[k] = k;
	} else {
		for (int64_t k = 0; k < naxis && k < PYC2GO_MAXDIM; k++)
			ax[k] = axis[k];
	}
	if (naxis == 1) {
		int64_t a = ax[0];
		if (a < -nd || a >= nd)
			return norm_axis_error(err, a, nd);
		if (a < 0)
			a += nd;
		res m;
		if (ord_is(ord, INFINITY) || ord_is(ord, -INFINITY)) {
			if (map_k(p, x, rk, MAP_ABS, &m, err) || extreme_axis(p, &m, a, ord.p > 0, out, err))
				return 1;
		} else if (ord_is(ord, 0)) {
			if (map_k(p, x, rk, MAP_NZ, &m, err) || sum_axis(p, &m, a, out, err))
				return 1;
		} else if (ord_is(ord, 1)) {
			if (map_k(p, x, rk, MAP_ABS, &m, err) || sum_axis(p, &m, a, out, err))
				return 1;
		} else if (ord.kind == PYC2GO_ORD_NONE || ord_is(ord, 2)) {
			if (map_k(p, x, rk, MAP_SQ, &m, err) || sum_axis(p, &m, a, out, err))
				return 1;
			rsqrt_all(out);
		} else if (ord.kind != PYC2GO_ORD_NUM) {
			return la_raise(err, "ValueError", "Invalid norm order '%s' for vectors", ord.str);
		} else {
			if (map_k(p, x, rk, MAP_ABS, &m, err))
				return 1;
			int64_t n = res_size(&m);
			double pp = rround(rk, ord.p), rp = rround(rk, 1 / pp);
			for (int64_t i = 0; i < n; i++)
				putd(&m, i, rpow(rk, rget(&m, i), pp));
			if (sum_axis(p, &m, a, out, err))
				return 1;
			n = res_size(out);
			for (int64_t i = 0; i < n; i++)
				putd(out, i, rpow(rk, rget(out, i), rp));
		}
		if (keepdims) {
			int64_t ext[PYC2GO_MAXDIM];
			for (int64_t k = 0; k < nd; k++)
				ext[k] = k == a ? 1 : x->shape[k];
			set_c_shape(out, nd, ext);
		}
		return 0;
	}
	if (naxis != 2)
		return la_raise(err, "ValueError", "%s", "Improper number of dimensions to norm.");
	int64_t row = ax[0], col = ax[1];
	for (int i = 0; i < 2; i++)
		if (ax[i] < -nd || ax[i] >= nd)
			return norm_axis_error(err, ax[i], nd);
	if (row < 0)
		row += nd;
	if (col < 0)
		col += nd;
	if (row == col)
		return la_raise(err, "ValueError", "%s", "Duplicate axes given.");
	res m, t;
	if (ord_is(ord, 2) || ord_is(ord, -2) || ord.kind == PYC2GO_ORD_NUC) {
		if (x->kind == K_C128)
			return la_raise(err, "NotImplementedError", "%s",
					"pyc2go: the spectral and nuclear norms of complex matrices need a complex SVD");
		/* _multi_svd_norm: svd of moveaxis(x, (row, col), (-2, -1)) */
		int64_t shape[PYC2GO_MAXDIM], strides[PYC2GO_MAXDIM], j = 0;
		for (int64_t k = 0; k < nd; k++)
			if (k != row && k != col) {
				shape[j] = x->shape[k];
				strides[j++] = x->strides[k];
			}
		shape[j] = x->shape[row];
		strides[j++] = x->strides[row];
		shape[j] = x->shape[col];
		strides[j] = x->strides[col];
		view y = {x->data, x->kind, x->offset, nd, shape, strides};
		if (svd_impl(p, &y, 'N', rk, NULL, &m, NULL, "SVD did not converge", err))
			return 1;
		if (ord.kind == PYC2GO_ORD_NUC) {
			if (sum_axis(p, &m, m.ndim - 1, out, err))
				return 1;
		} else if (extreme_axis(p, &m, m.ndim - 1, ord.p > 0, out, err)) {
			return 1;
		}
	} else if (ord_is(ord, 1) || ord_is(ord, -1)) {
		if (map_k(p, x, rk, MAP_ABS, &m, err) || sum_axis(p, &m, row, &t, err) ||
		    extreme_axis(p, &t, col > row ? col - 1 : col, ord.p > 0, out, err))
			return 1;
	} else if (ord_is(ord, INFINITY) || ord_is(ord, -INFINITY)) {
		if (map_k(p, x, rk, MAP_ABS, &m, err) || sum_axis(p, &m, col, &t, err) ||
		    extreme_axis(p, &t, row > col ? row - 1 : row, ord.p > 0, out, err))
			return 1;
	} else if (ord.kind == PYC2GO_ORD_NONE || ord.kind == PYC2GO_ORD_FRO) {
		if (map_k(p, x, rk, MAP_SQ, &m, err))
			return 1;
		int64_t lo = row < col ? row : col, hi = row < col ? col : row;
		if (nd == 2) {
			/* a reduction over every axis is numpy's whole-array sum */
			if (alloc_res(p, rk, 0, NULL, out, err))
				return 1;
			putd(out, 0, sum_all(&m));
		} else if (hi == lo + 1 && m.strides[lo] == m.strides[hi] * m.shape[hi]) {
			/* adjacent axes that step through memory as one: numpy's
			 * iterator coalesces them into one reduced axis */
			res merged = m;
			merged.ndim = nd - 1;
			merged.shape[lo] = m.shape[lo] * m.shape[hi];
			merged.strides[lo] = m.strides[hi];
			for (int64_t k = hi; k < nd - 1; k++) {
				merged.shape[k] = m.shape[k + 1];
				merged.strides[k] = m.strides[k + 1];
			}
			if (sum_axis(p, &merged, lo, out, err))
				return 1;
		} else if (sum_axis(p, &m, hi, &t, err) || sum_axis(p, &t, lo, out, err)) {
			return 1;
		}
		rsqrt_all(out);
	} else {
		return la_raise(err, "ValueError", "%s", "Invalid norm order for matrices.");
	}
	if (keepdims) {
		int64_t ext[PYC2GO_MAXDIM];
		for (int64_t k = 0; k < nd; k++)
			ext[k] = (k == row || k == col) ? 1 : x->shape[k];
		set_c_shape(out, nd, ext);
	}
	return 0;
}

#define NORM_API(T, K, R, RCT, RK)                                                                                \
	int pyc2go_linalg_norm_##T(pyc2go_pool *p, const pyc2go_array_##T *x, pyc2go_norm_ord ord, int64_t naxis,  \
				   const int64_t *axis, bool keepdims, pyc2go_array_##R *out, pyc2go_error *err)  \
	{                                                                                                         \
		view xv = VIEW(x, K);                                                                             \
		res r;                                                                                            \
		if (norm_impl(p, &xv, RK, ord, naxis, axis, keepdims, &r, err))                                   \
			return 1;                                                                                 \
		SET_OUT(out, r, RCT);                                                                             \
		return 0;                                                                                         \
	}
NORM_API(float64, K_F64, float64, double, K_F64)
NORM_API(float32, K_F32, float32, float, K_F32)
NORM_API(complex128, K_C128, float64, double, K_F64)
#undef NORM_API
