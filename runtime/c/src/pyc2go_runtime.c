/*
 * pyc2go_runtime.c: the C runtime of pyc2go's C backend; see pyc2go.h.
 *
 * Every function here has a Go twin in package runtime (named in its
 * comment) and the two must agree bit for bit wherever the IR marks an
 * intrinsic exact: verify runs the corpus through both backends against
 * CPython. Where the Go runtime reimplements glibc (exp, log, pow, hypot
 * are correctly rounded there, as glibc's are), this file calls glibc,
 * which is what CPython calls.
 */
/* madvise is a BSD/POSIX extension that -std=c11 hides without this. */
#if defined(__linux__) && !defined(_DEFAULT_SOURCE)
#define _DEFAULT_SOURCE
#endif
#include "pyc2go.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

double pyc2go_empty_data[1];

#if defined(__unix__) || defined(__APPLE__)
#include <stdatomic.h>
#include <sys/types.h>
#include <unistd.h>

/* The process that started the first team of threads (see pyc2go.h). */
static _Atomic long team_pid;

bool pyc2go_team_owner(void)
{
	long me = (long)getpid(), owner = 0;
	if (atomic_compare_exchange_strong(&team_pid, &owner, me))
		return true;
	return owner == me;
}
#else
bool pyc2go_team_owner(void)
{
	return true;
}
#endif

#define PYC2GO_PI 3.141592653589793
#define PYC2GO_E 2.718281828459045
#define PYC2GO_LN2 0.6931471805599453

/* ---- arrays and errors ---- */

void pyc2go_free_owner(void *owner) { free(owner); }

#define PYC2GO_FREE(T)                                       \
	void pyc2go_array_free_##T(pyc2go_array_##T *a)      \
	{                                                    \
		if (a == NULL)                               \
			return;                              \
		free(a->owner);                              \
		a->owner = NULL;                             \
		a->data = NULL;                              \
	}
PYC2GO_FREE(bool)
PYC2GO_FREE(int8)
PYC2GO_FREE(int16)
PYC2GO_FREE(int32)
PYC2GO_FREE(int64)
PYC2GO_FREE(uint8)
PYC2GO_FREE(uint16)
PYC2GO_FREE(uint32)
PYC2GO_FREE(uint64)
PYC2GO_FREE(float32)
PYC2GO_FREE(float64)
PYC2GO_FREE(complex64)
PYC2GO_FREE(complex128)
#undef PYC2GO_FREE

/* ---- lists (emit/c/list.go) ---- */

#define PYC2GO_LIST_FREE(T)                             \
	void pyc2go_list_free_##T(pyc2go_list_##T *l)   \
	{                                               \
		if (l == NULL)                          \
			return;                         \
		free(l->owner);                         \
		l->owner = NULL;                        \
		l->data = NULL;                         \
		l->len = l->cap = 0;                    \
	}
PYC2GO_LIST_FREE(bool)
PYC2GO_LIST_FREE(int8)
PYC2GO_LIST_FREE(int16)
PYC2GO_LIST_FREE(int32)
PYC2GO_LIST_FREE(int64)
PYC2GO_LIST_FREE(uint8)
PYC2GO_LIST_FREE(uint16)
PYC2GO_LIST_FREE(uint32)
PYC2GO_LIST_FREE(uint64)
PYC2GO_LIST_FREE(float32)
PYC2GO_LIST_FREE(float64)
PYC2GO_LIST_FREE(complex64)
PYC2GO_LIST_FREE(complex128)
#undef PYC2GO_LIST_FREE

static int pool_push(pyc2go_pool *p, void *block);

void *pyc2go_list_grow(pyc2go_pool *p, const void *data, int64_t len, int64_t *cap, size_t elsize, int64_t need)
{
	int64_t c = *cap > 4 ? 2 * *cap : 8;
	if (c < need)
		c = need;
	if (need < 0 || (uint64_t)c > SIZE_MAX / elsize)
		return NULL;
	void *b = malloc((size_t)c * elsize);
	if (b == NULL)
		return NULL;
	if (pool_push(p, b)) {
		free(b);
		return NULL;
	}
	if (len > 0)
		memcpy(b, data, (size_t)len * elsize);
	*cap = c;
	return b;
}

void pyc2go_list_reverse(void *data, int64_t n, size_t elsize)
{
	unsigned char *b = data, t;
	for (int64_t i = 0, j = n - 1; i < j; i++, j--)
		for (size_t k = 0; k < elsize; k++) {
			t = b[(size_t)i * elsize + k];
			b[(size_t)i * elsize + k] = b[(size_t)j * elsize + k];
			b[(size_t)j * elsize + k] = t;
		}
}

/* CPython 3.11's list.sort: with rev the list is reversed, sorted and
 * reversed again; fewer than 64 elements go through CPython's count_run
 * and binarysort (its order even where < is no total order, with NaNs),
 * more through a stable merge sort (timsort's order for total orders). */
#define PYC2GO_LIST_SORT(T, C)                                                          \
	static void list_rev_##T(C *a, int64_t n)                                       \
	{                                                                               \
		for (int64_t i = 0, j = n - 1; i < j; i++, j--) {                       \
			C t = a[i];                                                     \
			a[i] = a[j];                                                    \
			a[j] = t;                                                       \
		}                                                                       \
	}                                                                               \
	static void list_merge_##T(C *a, C *tmp, int64_t n)                             \
	{                                                                               \
		if (n < 2)                                                              \
			return;                                                         \
		int64_t h = n / 2;                                                      \
		list_merge_##T(a, tmp, h);                                              \
		list_merge_##T(a + h, tmp, n - h);                                      \
		int64_t i = 0, j = h, k = 0;                                            \
		while (i < h && j < n)                                                  \
			tmp[k++] = a[j] < a[i] ? a[j++] : a[i++];                       \
		while (i < h)                                                           \
			tmp[k++] = a[i++];                                              \
		while (j < n)                                                           \
			tmp[k++] = a[j++];                                              \
		memcpy(a, tmp, (size_t)n * sizeof *a);                                  \
	}                                                                               \
	static void list_small_##T(C *a, int64_t n)                                     \
	{                                                                               \
		int64_t start = n;                                                      \
		if (n >= 2) { /* count_run */                                           \
			start = 2;                                                      \
			if (a[1] < a[0]) {                                              \
				while (start < n && a[start] < a[start - 1])            \
					start++;                                        \
				list_rev_##T(a, start);                                 \
			} else {                                                        \
				while (start < n && !(a[start] < a[start - 1]))         \
					start++;                                        \
			}                                                               \
		}                                                                       \
		if (start == 0)                                                         \
			start = 1;                                                      \
		for (; start < n; start++) { /* binarysort */                          \
			C pivot = a[start];                                             \
			int64_t lo = 0, hi = start;                                     \
			while (lo < hi) {                                               \
				int64_t p = lo + ((hi - lo) >> 1);                      \
				if (pivot < a[p])                                       \
					hi = p;                                         \
				else                                                    \
					lo = p + 1;                                     \
			}                                                               \
			memmove(a + lo + 1, a + lo, (size_t)(start - lo) * sizeof *a);  \
			a[lo] = pivot;                                                  \
		}                                                                       \
	}                                                                               \
	int pyc2go_list_sort_##T(C *data, int64_t n, bool rev)                          \
	{                                                                               \
		if (n < 2)                                                              \
			return 0;                                                       \
		if (rev)                                                                \
			list_rev_##T(data, n);                                          \
		if (n < 64) {                                                           \
			list_small_##T(data, n);                                        \
		} else {                                                                \
			C *tmp = malloc((size_t)n * sizeof *tmp);                       \
			if (tmp == NULL)                                                \
				return 1;                                               \
			list_merge_##T(data, tmp, n);                                   \
			free(tmp);                                                      \
		}                                                                       \
		if (rev)                                                                \
			list_rev_##T(data, n);                                          \
		return 0;                                                               \
	}
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

void pyc2go_raise(pyc2go_error *err, const char *exc, const char *file, int line, const char *func, const char *fmt, ...)
{
	va_list ap;
	if (err == NULL)
		return;
	snprintf(err->exc, sizeof err->exc, "%s", exc);
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	err->file = file;
	err->line = line;
	err->func = func;
}

const char *pyc2go_shape_str(char *buf, int64_t ndim, const int64_t *shape)
{
	size_t n = 0;
	buf[n++] = '(';
	for (int64_t k = 0; k < ndim; k++) {
		n += (size_t)snprintf(buf + n, PYC2GO_SHAPEBUF - n, k ? ", %" PRId64 : "%" PRId64, shape[k]);
	}
	if (ndim == 1)
		buf[n++] = ',';
	buf[n++] = ')';
	buf[n] = 0;
	return buf;
}

#if defined(__linux__)
#include <stdint.h>
#include <sys/mman.h>
#endif

/* advise_huge asks Linux to back a large fresh block with transparent
 * huge pages, as numpy does for its data of 4 MB and more
 * (PyDataMem_UserNEW): on a VM where a first touch of a 4 KB page costs
 * tens of microseconds, a fresh 80 MB result otherwise pays 20,000 page
 * faults (docs/performance.md, the peer benchmark's horner_poly). calloc
 * maps such a block fresh and leaves its pages untouched, so the advice
 * comes before the first fault. Only the page-aligned part is advised;
 * the advice is a hint, and its failure changes nothing. */
static void advise_huge(void *data, size_t bytes)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
	if (bytes < ((size_t)1 << 22))
		return;
	uintptr_t a = (uintptr_t)data, skip = (4096 - a % 4096) % 4096;
	(void)madvise((void *)(a + skip), bytes - skip, MADV_HUGEPAGE);
#else
	(void)data;
	(void)bytes;
#endif
}

static int pool_push(pyc2go_pool *p, void *block)
{
	if (p->n == p->cap) {
		int64_t cap = p->cap ? 2 * p->cap : 8;
		void **b = realloc(p->blocks, (size_t)cap * sizeof *b);
		if (b == NULL)
			return 1;
		p->cap = cap;
		p->blocks = b;
	}
	p->blocks[p->n++] = block;
	return 0;
}

/* alloc_bytes is the size in bytes numpy checks before allocating an array
 * of elsize-byte elements: elsize times the product of the non-zero
 * extents, which must fit in an int64 (even beside an extent 0). It
 * returns 1 when it does not. */
static int alloc_bytes(size_t elsize, int64_t rank, const int64_t *ext, uint64_t *nbytes)
{
	uint64_t b = elsize;
	for (int64_t k = 0; k < rank; k++) {
		if (ext[k] == 0)
			continue;
		if (b > (uint64_t)INT64_MAX / (uint64_t)ext[k])
			return 1;
		b *= (uint64_t)ext[k];
	}
	*nbytes = b;
	return 0;
}

void *pyc2go_alloc_shape(pyc2go_pool *p, size_t elsize, int64_t rank, const int64_t *ext, int64_t *offset, int64_t *ndim,
			 int64_t *shape, int64_t *strides)
{
	uint64_t n = 1, nbytes;
	if (alloc_bytes(elsize, rank, ext, &nbytes))
		return NULL;
	for (int64_t k = rank - 1; k >= 0; k--) {
		strides[k] = (int64_t)n;
		shape[k] = ext[k];
		n *= (uint64_t)ext[k];
	}
	/* One byte at least, so every block has its own address. */
	void *data = calloc(n ? (size_t)n : 1, elsize);
	if (data == NULL)
		return NULL;
	advise_huge(data, (size_t)n * elsize);
	if (pool_push(p, data)) {
		free(data);
		return NULL;
	}
	*offset = 0;
	*ndim = rank;
	return data;
}

/* size_string is numpy's _ArrayMemoryError._size_to_string: bytes in the
 * largest binary unit below them, three significant digits ("72.8 TiB",
 * "4.00 EiB", "512 bytes"). */
static void size_string(char *buf, size_t len, uint64_t n)
{
	static const char *const units[] = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
	int bitlen = 0;
	for (uint64_t x = n; x; x >>= 1)
		bitlen++;
	int unit = (bitlen - 1 > 1 ? bitlen - 1 : 1) / 10;
	double v = (double)n / (double)((uint64_t)1 << (10 * unit));
	/* Python's round(): to nearest, ties to even, the default mode. */
	if (nearbyint(v) == 1024) {
		unit++;
		v /= 1024;
	}
	if (unit == 0)
		snprintf(buf, len, "%.0f %s", v, units[unit]);
	else if (nearbyint(v) < 1000)
		snprintf(buf, len, "%#.3g %s", v, units[unit]);
	else
		snprintf(buf, len, "%#.0f %s", v, units[unit]);
}

void pyc2go_raise_alloc(pyc2go_error *err, const char *file, int line, const char *func, size_t elsize, int64_t rank,
			const int64_t *ext, const char *dtype)
{
	uint64_t nbytes;
	char size[64], shape[PYC2GO_SHAPEBUF];
	if (alloc_bytes(elsize, rank, ext, &nbytes)) {
		pyc2go_raise(err, "ValueError", file, line, func, "%s",
			     "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
		return;
	}
	size_string(size, sizeof size, nbytes);
	pyc2go_raise(err, "MemoryError", file, line, func, "Unable to allocate %s for an array with shape %s and data type %s",
		     size, pyc2go_shape_str(shape, rank, ext), dtype);
}

void *pyc2go_alloc(pyc2go_pool *p, size_t elsize, int64_t rank, const int64_t *ext)
{
	int64_t offset, ndim, shape[PYC2GO_MAXDIM], strides[PYC2GO_MAXDIM];
	return pyc2go_alloc_shape(p, elsize, rank, ext, &offset, &ndim, shape, strides);
}

int pyc2go_pool_adopt(pyc2go_pool *p, void **owner)
{
	void *b = *owner;
	*owner = NULL;
	if (b == NULL)
		return 0;
	if (pool_push(p, b)) {
		free(b);
		return 1;
	}
	return 0;
}

void *pyc2go_pool_take(pyc2go_pool *p, const void *data)
{
	for (int64_t i = p->n - 1; i >= 0; i--) {
		if (p->blocks[i] == data) {
			void *b = p->blocks[i];
			p->blocks[i] = p->blocks[--p->n];
			return b;
		}
	}
	return NULL;
}

void pyc2go_pool_release(pyc2go_pool *p, const void *data)
{
	free(pyc2go_pool_take(p, data));
}

void pyc2go_pool_free(pyc2go_pool *p)
{
	for (int64_t i = 0; i < p->n; i++)
		free(p->blocks[i]);
	free(p->blocks);
	p->blocks = NULL;
	p->n = p->cap = 0;
}

/* ---- CPython int and float arithmetic (runtime/arith.go) ---- */

/* FloorDivInt; INT64_MIN // -1 wraps (C's division would trap). */
int64_t pyc2go_floordiv_i64(int64_t a, int64_t b)
{
	if (b == -1)
		return pyc2go_neg_int64(a);
	int64_t q = a / b;
	if (a % b != 0 && ((a < 0) != (b < 0)))
		q--;
	return q;
}

int64_t pyc2go_mod_i64(int64_t a, int64_t b)
{
	if (b == -1)
		return 0;
	int64_t r = a % b;
	if (r != 0 && ((r < 0) != (b < 0)))
		r += b;
	return r;
}

int64_t pyc2go_abs_i64(int64_t x) { return x < 0 ? pyc2go_neg_int64(x) : x; }

int64_t pyc2go_pow_i64(int64_t base, int64_t exp)
{
	int64_t r = 1;
	while (exp > 0) {
		if (exp & 1)
			r = pyc2go_mul_int64(r, base);
		base = pyc2go_mul_int64(base, base);
		exp >>= 1;
	}
	return r;
}

/* CPython's _float_div_mod. */
static void float_div_mod(double vx, double wx, double *floordiv, double *mod)
{
	double m = fmod(vx, wx);
	double div = (vx - m) / wx;
	if (m != 0 || m != m) {
		if ((wx < 0) != (m < 0)) {
			m += wx;
			div -= 1.0;
		}
	} else {
		m = copysign(0.0, wx);
	}
	double fd;
	if (div != 0 || div != div) {
		fd = floor(div);
		if (div - fd > 0.5)
			fd += 1.0;
	} else {
		fd = copysign(0.0, vx / wx);
	}
	*floordiv = fd;
	*mod = m;
}

double pyc2go_floordiv_f64(double a, double b)
{
	double q, m;
	float_div_mod(a, b, &q, &m);
	return q;
}

double pyc2go_mod_f64(double a, double b)
{
	double m = fmod(a, b);
	if (m != 0 || m != m) {
		if ((b < 0) != (m < 0))
			m += b;
	} else {
		m = copysign(0.0, b);
	}
	return m;
}

static int bitlen128(unsigned __int128 x)
{
	int n = 0;
	while (x) {
		n++;
		x >>= 1;
	}
	return n;
}

/* TrueDivInt: the exact quotient rounded once, half to even. */
double pyc2go_truediv_i64(int64_t a, int64_t b)
{
	const int64_t exact = (int64_t)1 << 53;
	if (-exact <= a && a <= exact && -exact <= b && b <= exact)
		return (double)a / (double)b;
	bool neg = (a < 0) != (b < 0);
	uint64_t ua = a < 0 ? (uint64_t)0 - (uint64_t)a : (uint64_t)a;
	uint64_t ub = b < 0 ? (uint64_t)0 - (uint64_t)b : (uint64_t)b;
	if (ua == 0)
		return neg ? -0.0 : 0.0;
	int k = 55 + bitlen128(ub) - bitlen128(ua);
	if (k < 0)
		k = 0;
	unsigned __int128 n = (unsigned __int128)ua << k;
	unsigned __int128 q = n / ub;
	bool sticky = n % ub != 0;
	int extra = bitlen128(q) - 53;
	unsigned __int128 mant = q >> extra;
	unsigned __int128 rem = q & (((unsigned __int128)1 << extra) - 1);
	unsigned __int128 half = (unsigned __int128)1 << (extra - 1);
	if (rem > half || (rem == half && (sticky || (mant & 1))))
		mant++;
	double r = ldexp((double)(uint64_t)mant, extra - k);
	return neg ? -r : r;
}

bool pyc2go_ftoi_ok(double x)
{
	return x == x && trunc(x) >= -9223372036854775808.0 && trunc(x) < 9223372036854775808.0;
}

static bool is_odd_integer(double x) { return fmod(x, 2) == 1 || fmod(x, 2) == -1; }

/* PowFloat (CPython float_pow); the caller checks the raising cases. */
double pyc2go_pow_f64(double x, double y)
{
	if (y == 0)
		return 1;
	if (x != x)
		return x;
	if (y != y)
		return x == 1 ? 1 : y;
	if (isinf(y)) {
		double ax = fabs(x);
		if (ax == 1)
			return 1;
		if ((y > 0) == (ax > 1))
			return INFINITY;
		return 0;
	}
	if (isinf(x)) {
		bool odd = is_odd_integer(y);
		if (y > 0)
			return odd ? x : fabs(x);
		return odd ? copysign(0.0, x) : 0.0;
	}
	if (x == 0) {
		if (y < 0)
			return INFINITY;
		return is_odd_integer(y) ? x : 0.0;
	}
	bool negate = false;
	if (x < 0) {
		if (y != floor(y))
			return NAN;
		x = -x;
		negate = is_odd_integer(y);
	}
	if (x == 1)
		return negate ? -1 : 1;
	double r = pow(x, y);
	return negate ? -r : r;
}

/*
 * RoundFloat: CPython rounds the exact binary value of x to ndigits
 * decimal places, half to even, and converts back with correct rounding.
 * glibc's printf prints the exact decimal expansion of a double and
 * strtod rounds correctly, so only the decimal rounding is done here.
 */
double pyc2go_round_f64(double x, int64_t ndigits)
{
	if (isinf(x) || isnan(x) || x == 0 || ndigits > 323)
		return x;
	if (ndigits < -308)
		return 0.0 * x;
	char buf[1500], out[400];
	int len = snprintf(buf, sizeof buf, "%.1100f", fabs(x));
	if (len <= 0 || len >= (int)sizeof buf)
		return x;
	/* digits = integer digits then fraction digits; p = integer count */
	char dig[1500];
	int nd = 0, p = 0;
	for (int i = 0; i < len; i++) {
		if (buf[i] == '.') {
			p = nd;
			continue;
		}
		dig[nd++] = buf[i];
	}
	int64_t c = (int64_t)p + ndigits; /* digits kept */
	if (c >= nd)
		return x;
	if (c < 0)
		return copysign(0.0, x);
	bool up;
	char next = dig[c];
	bool rest = false;
	for (int i = (int)c + 1; i < nd; i++)
		rest = rest || dig[i] != '0';
	bool odd = c > 0 && ((dig[c - 1] - '0') & 1);
	up = next > '5' || (next == '5' && (rest || odd));
	/* kept digits, incremented when rounding up; strip leading zeros */
	int start = 0;
	while (start < c && dig[start] == '0')
		start++;
	int n = 0;
	out[n++] = x < 0 ? '-' : '+';
	out[n++] = '0'; /* room for a carry */
	for (int i = start; i < c && n < 380; i++)
		out[n++] = dig[i];
	int64_t exp10 = (int64_t)p - c;
	if ((int)c - start > 378)
		return x; /* cannot happen: 17 significant digits at most */
	if (up) {
		int i = n - 1;
		while (out[i] == '9') {
			out[i--] = '0';
		}
		out[i]++;
	}
	n += snprintf(out + n, sizeof out - (size_t)n, "e%" PRId64, exp10);
	double r = strtod(out, NULL);
	if (r == 0)
		return copysign(0.0, x);
	return r;
}

/* numpy's power_of_ten (RoundFloat32's twin helper). */
static double numpy_power_of_ten(int64_t n)
{
	static const double p10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};
	if (n < 9)
		return p10[n];
	double r = 1e9;
	for (; n > 9 && !isinf(r); n--)
		r *= 10;
	return r;
}

/* RoundFloat32: numpy 1.24's np.round on a float32 scalar. */
float pyc2go_round_f32(float x, int64_t ndigits)
{
	double f = numpy_power_of_ten(ndigits < 0 ? -ndigits : ndigits);
	if (ndigits >= 0) {
		float y = (float)((double)x * f);
		float r = (float)nearbyint((double)y);
		return (float)((double)r / f);
	}
	float y = (float)((double)x / f);
	float r = (float)nearbyint((double)y);
	return (float)((double)r * f);
}

/* RoundInt: round(x, ndigits) on an int, half to even; wraps. */
int64_t pyc2go_round_i64(int64_t x, int64_t ndigits)
{
	if (ndigits >= 0)
		return x;
	if (ndigits < -20)
		return 0;
	__int128 s = 1;
	for (int64_t i = 0; i < -ndigits; i++)
		s *= 10;
	__int128 q = (__int128)x / s, r = (__int128)x % s;
	__int128 r2 = (r < 0 ? -r : r) * 2;
	if (r2 > s || (r2 == s && (q & 1))) {
		if (x < 0)
			q--;
		else
			q++;
	}
	return (int64_t)(uint64_t)(unsigned __int128)(q * s);
}

double pyc2go_logb(double x, double base) { return log(x) / log(base); }

/* CPython's constants, computed in double as C computes them. */
static const double deg_to_rad = PYC2GO_PI / 180.0;
static const double rad_to_deg = 180.0 / PYC2GO_PI;
double pyc2go_degrees(double x) { return x * rad_to_deg; }
double pyc2go_radians(double x) { return x * deg_to_rad; }

int64_t pyc2go_gcd(int64_t a, int64_t b)
{
	uint64_t x = (uint64_t)a, y = (uint64_t)b;
	if (a < 0)
		x = (uint64_t)0 - x;
	if (b < 0)
		y = (uint64_t)0 - y;
	while (y != 0) {
		uint64_t t = x % y;
		x = y;
		y = t;
	}
	return (int64_t)x;
}

int64_t pyc2go_factorial(int64_t n)
{
	if (n >= 66)
		return 0;
	int64_t r = 1;
	for (int64_t i = 2; i <= n; i++)
		r = pyc2go_mul_int64(r, i);
	return r;
}

bool pyc2go_isclose(double a, double b, double rel, double abs)
{
	if (a == b)
		return true;
	if (isinf(a) || isinf(b))
		return false;
	double diff = fabs(b - a);
	return diff <= fabs(rel * b) || diff <= fabs(rel * a) || diff <= abs;
}

bool pyc2go_domain_err(double x, double r) { return isnan(r) && !isnan(x); }
bool pyc2go_range_err(double x, double r) { return isinf(r) && !isinf(x); }

int64_t pyc2go_slice_adjust(int64_t n, int64_t x, int64_t step)
{
	if (x < 0) {
		x += n;
		if (x < 0)
			return step < 0 ? -1 : 0;
		return x;
	}
	if (x >= n)
		return step < 0 ? n - 1 : n;
	return x;
}

int64_t pyc2go_slice_len(int64_t start, int64_t stop, int64_t step)
{
	if (step > 0 && start < stop)
		return (stop - start - 1) / step + 1;
	if (step < 0 && stop < start)
		return (start - stop - 1) / (-step) + 1;
	return 0;
}

/* ---- complex numbers (runtime/complex.go, cmath.go) ---- */

double _Complex pyc2go_cmul(double _Complex a, double _Complex b)
{
	double ar = creal(a), ai = cimag(a), br = creal(b), bi = cimag(b);
	return CMPLX(ar * br - ai * bi, ar * bi + ai * br);
}

/* CPython's _Py_c_quot (Smith's algorithm). */
double _Complex pyc2go_cdiv(double _Complex a, double _Complex b)
{
	double ar = creal(a), ai = cimag(a), br = creal(b), bi = cimag(b);
	double abr = fabs(br), abi = fabs(bi);
	if (abr >= abi) {
		if (abr == 0)
			return 0;
		double ratio = bi / br;
		double denom = br + bi * ratio;
		return CMPLX((ar + ai * ratio) / denom, (ai - ar * ratio) / denom);
	}
	if (abi >= abr) {
		double ratio = br / bi;
		double denom = br * ratio + bi;
		return CMPLX((ar * ratio + ai) / denom, (ai * ratio - ar) / denom);
	}
	return CMPLX(NAN, NAN);
}

double pyc2go_cabs(double _Complex z)
{
	double re = creal(z), im = cimag(z);
	if (isinf(re) || isinf(im))
		return INFINITY;
	if (isnan(re) || isnan(im))
		return NAN;
	return hypot(re, im);
}

static double _Complex cpowu(double _Complex x, int64_t n)
{
	double _Complex r = 1, p = x;
	for (int64_t mask = 1; mask > 0 && n >= mask; mask <<= 1) {
		if (n & mask)
			r = pyc2go_cmul(r, p);
		p = pyc2go_cmul(p, p);
	}
	return r;
}

double _Complex pyc2go_cpow(double _Complex a, double _Complex b)
{
	double br = creal(b), bi = cimag(b);
	if (bi == 0 && br == floor(br) && fabs(br) <= 100) {
		int64_t n = (int64_t)br;
		if (n > 0)
			return cpowu(a, n);
		return pyc2go_cdiv(1, cpowu(a, -n));
	}
	double ar = creal(a), ai = cimag(a);
	if (br == 0 && bi == 0)
		return 1;
	if (ar == 0 && ai == 0)
		return 0;
	double vabs = hypot(ar, ai);
	double len = pow(vabs, br);
	double at = atan2(ai, ar);
	double phase = at * br;
	if (bi != 0) {
		len /= exp(at * bi);
		phase += bi * log(vabs);
	}
	return CMPLX(len * cos(phase), len * sin(phase));
}

#define CM_LARGE_DOUBLE (1.7976931348623157e308 / 4)
#define CM_LOG_LARGE_DOUBLE 708.3964185322641
#define CM_SCALE_UP 53
#define CM_SCALE_DOWN (-27)
#define DBL_MIN_NORMAL 0x1p-1022

double _Complex pyc2go_csqrt(double _Complex z)
{
	double x = creal(z), y = cimag(z);
	if (!isfinite(x) || !isfinite(y)) {
		if (isinf(y))
			return CMPLX(INFINITY, y);
		if (isinf(x) && x < 0)
			return y != y ? CMPLX(NAN, INFINITY) : CMPLX(0.0, copysign(INFINITY, y));
		if (isinf(x))
			return y != y ? CMPLX(x, y) : CMPLX(x, copysign(0.0, y));
		return CMPLX(NAN, NAN);
	}
	if (x == 0 && y == 0)
		return CMPLX(0.0, y);
	double ax = fabs(x), ay = fabs(y), s;
	if (ax < DBL_MIN_NORMAL && ay < DBL_MIN_NORMAL) {
		ax = ldexp(ax, CM_SCALE_UP);
		s = ldexp(sqrt(ax + hypot(ax, ldexp(ay, CM_SCALE_UP))), CM_SCALE_DOWN);
	} else {
		ax /= 8;
		s = 2 * sqrt(ax + hypot(ax, ay / 8));
	}
	double d = ay / (2 * s);
	if (x >= 0)
		return CMPLX(s, copysign(d, y));
	return CMPLX(d, copysign(s, y));
}

double _Complex pyc2go_cexp(double _Complex z)
{
	double x = creal(z), y = cimag(z);
	if (!isfinite(x) || !isfinite(y)) {
		if (isinf(x) && isfinite(y) && y != 0) {
			if (x > 0)
				return CMPLX(copysign(INFINITY, cos(y)), copysign(INFINITY, sin(y)));
			return CMPLX(copysign(0.0, cos(y)), copysign(0.0, sin(y)));
		}
		if (isinf(x) && x > 0 && y == 0)
			return CMPLX(x, y);
		if (isinf(x) && x < 0 && y == 0)
			return CMPLX(0.0, y);
		if (isinf(x) && x < 0)
			return 0;
		if (isinf(x))
			return CMPLX(INFINITY, NAN);
		if (x != x && y == 0)
			return CMPLX(x, y);
		return CMPLX(NAN, NAN);
	}
	if (x > CM_LOG_LARGE_DOUBLE) {
		double l = exp(x - 1);
		return CMPLX(l * cos(y) * PYC2GO_E, l * sin(y) * PYC2GO_E);
	}
	double l = exp(x);
	return CMPLX(l * cos(y), l * sin(y));
}

double _Complex pyc2go_clog(double _Complex z)
{
	double x = creal(z), y = cimag(z);
	if (!isfinite(x) || !isfinite(y)) {
		if (isinf(x) && isinf(y))
			return CMPLX(INFINITY, copysign(x < 0 ? 0.75 * PYC2GO_PI : 0.25 * PYC2GO_PI, y));
		if (isinf(x) || isinf(y)) {
			if (y != y || x != x)
				return CMPLX(INFINITY, NAN);
			if (isinf(y))
				return CMPLX(INFINITY, copysign(PYC2GO_PI / 2, y));
			if (x < 0)
				return CMPLX(INFINITY, copysign(PYC2GO_PI, y));
			return CMPLX(INFINITY, copysign(0.0, y));
		}
		return CMPLX(NAN, NAN);
	}
	double ax = fabs(x), ay = fabs(y), re;
	if (ax > CM_LARGE_DOUBLE || ay > CM_LARGE_DOUBLE) {
		re = log(hypot(ax / 2, ay / 2)) + PYC2GO_LN2;
	} else if (ax < DBL_MIN_NORMAL && ay < DBL_MIN_NORMAL) {
		if (ax > 0 || ay > 0)
			re = log(hypot(ldexp(ax, 53), ldexp(ay, 53))) - 53 * PYC2GO_LN2;
		else
			return CMPLX(-INFINITY, atan2(y, x));
	} else {
		double h = hypot(ax, ay);
		if (0.71 <= h && h <= 1.73) {
			double am = ax > ay ? ax : ay, an = ax > ay ? ay : ax;
			re = log1p((am - 1) * (am + 1) + an * an) / 2;
		} else {
			re = log(h);
		}
	}
	return CMPLX(re, atan2(y, x));
}

/* ---- layout (runtime/array.go, emit_support_overlap.go, layout.go) ---- */

bool pyc2go_is_c_contig(int64_t ndim, const int64_t *shape, const int64_t *strides)
{
	int64_t want = 1;
	for (int64_t k = ndim - 1; k >= 0; k--) {
		int64_t d = shape[k];
		if (d == 0)
			return true;
		if (d != 1 && strides[k] != want)
			return false;
		want *= d;
	}
	return true;
}

static int64_t size_of(int64_t ndim, const int64_t *shape)
{
	int64_t n = 1;
	for (int64_t k = 0; k < ndim; k++)
		n *= shape[k];
	return n;
}

static bool addr_range(const void *data, int64_t off, int64_t ndim, const int64_t *shape, const int64_t *strides,
		       size_t elsize, uintptr_t *lo, uintptr_t *hi)
{
	if (size_of(ndim, shape) == 0)
		return false;
	int64_t first = off, last = off;
	for (int64_t k = 0; k < ndim; k++) {
		if (strides[k] > 0)
			last += (shape[k] - 1) * strides[k];
		else
			first += (shape[k] - 1) * strides[k];
	}
	*lo = (uintptr_t)data + (uintptr_t)(first * (int64_t)elsize);
	*hi = (uintptr_t)data + (uintptr_t)(last * (int64_t)elsize) + elsize - 1;
	return true;
}

bool pyc2go_overlaps(const void *ddata, int64_t doff, int64_t dndim, const int64_t *dshape, const int64_t *dstrides,
		     const void *sdata, int64_t soff, int64_t sndim, const int64_t *sshape, const int64_t *sstrides, size_t elsize)
{
	uintptr_t dlo, dhi, slo, shi;
	if (!addr_range(ddata, doff, dndim, dshape, dstrides, elsize, &dlo, &dhi) ||
	    !addr_range(sdata, soff, sndim, sshape, sstrides, elsize, &slo, &shi) || dhi < slo || shi < dlo)
		return false;
	/* the same view is safe elementwise */
	if ((uintptr_t)ddata + (uintptr_t)(doff * (int64_t)elsize) != (uintptr_t)sdata + (uintptr_t)(soff * (int64_t)elsize) ||
	    dndim != sndim)
		return true;
	for (int64_t k = 0; k < dndim; k++) {
		if (dshape[k] != sshape[k] || (dshape[k] > 1 && dstrides[k] != sstrides[k]))
			return true;
	}
	return false;
}

bool pyc2go_may_share(const void *adata, int64_t aoff, int64_t andim, const int64_t *ashape, const int64_t *astrides,
		      const void *bdata, int64_t boff, int64_t bndim, const int64_t *bshape, const int64_t *bstrides, size_t elsize)
{
	uintptr_t alo, ahi, blo, bhi;
	return addr_range(adata, aoff, andim, ashape, astrides, elsize, &alo, &ahi) &&
	       addr_range(bdata, boff, bndim, bshape, bstrides, elsize, &blo, &bhi) && alo <= bhi && blo <= ahi;
}

/* layoutStrides: numpy's K-order axis sort of the operands (layout.go). */
static void layout_strides(int64_t n, const int64_t *shape, int nops, const int64_t *const *strides, int64_t *out)
{
	int64_t perm[PYC2GO_MAXDIM];
	for (int64_t i = 0; i < n; i++)
		perm[i] = n - 1 - i;
	for (int64_t i0 = 1; i0 < n; i0++) {
		int64_t ipos = i0, j0 = perm[i0];
		for (int64_t i1 = i0 - 1; i1 >= 0; i1--) {
			bool ambig = true, swap = false;
			int64_t j1 = perm[i1];
			for (int op = 0; op < nops; op++) {
				int64_t s0 = shape[j0] == 1 ? 0 : strides[op][j0];
				int64_t s1 = shape[j1] == 1 ? 0 : strides[op][j1];
				if (s0 < 0)
					s0 = -s0;
				if (s1 < 0)
					s1 = -s1;
				if (s0 != 0 && s1 != 0) {
					if (s1 <= s0)
						swap = false;
					else if (ambig)
						swap = true;
					ambig = false;
				}
			}
			if (!ambig) {
				if (!swap)
					break;
				ipos = i1;
			}
		}
		if (ipos != i0) {
			memmove(perm + ipos + 1, perm + ipos, (size_t)(i0 - ipos) * sizeof perm[0]);
			perm[ipos] = j0;
		}
	}
	int64_t s = 1;
	for (int64_t i = 0; i < n; i++) {
		out[perm[i]] = s;
		s *= shape[perm[i]];
	}
}

void *pyc2go_zeros_layout2(pyc2go_pool *p, size_t elsize, int64_t rank, int64_t xndim, const int64_t *xshape,
			   const int64_t *xstrides, int64_t yndim, const int64_t *yshape, const int64_t *ystrides,
			   int64_t *offset, int64_t *ndim, int64_t *shape, int64_t *strides)
{
	int64_t ext[PYC2GO_MAXDIM], bx[PYC2GO_MAXDIM] = {0}, by[PYC2GO_MAXDIM] = {0};
	for (int64_t k = 0; k < rank; k++)
		ext[k] = 1;
	for (int64_t j = 0; j < xndim; j++) {
		int64_t k = j + rank - xndim;
		if (xshape[j] != 1) {
			ext[k] = xshape[j];
			bx[k] = xstrides[j];
		}
	}
	for (int64_t j = 0; j < yndim; j++) {
		int64_t k = j + rank - yndim;
		if (yshape[j] != 1) {
			ext[k] = yshape[j];
			by[k] = ystrides[j];
		}
	}
	void *data = pyc2go_alloc_shape(p, elsize, rank, ext, offset, ndim, shape, strides);
	if (data == NULL)
		return NULL;
	const int64_t *ops[2] = {bx, by};
	layout_strides(rank, shape, 2, ops, strides);
	return data;
}

void pyc2go_copy_contig(void *dst, const void *src, int64_t offset, int64_t ndim, const int64_t *shape,
			const int64_t *strides, size_t elsize)
{
	int64_t n = size_of(ndim, shape);
	if (n == 0)
		return;
	char *d = dst;
	const char *s = src;
	if (ndim == 0) {
		memcpy(d, s + offset * (int64_t)elsize, elsize);
		return;
	}
	int64_t idx[PYC2GO_MAXDIM] = {0};
	int64_t p = offset, last = ndim - 1;
	for (;;) {
		for (int64_t i = 0; i < shape[last]; i++) {
			memcpy(d, s + (p + i * strides[last]) * (int64_t)elsize, elsize);
			d += elsize;
		}
		int64_t k = last - 1;
		for (; k >= 0; k--) {
			idx[k]++;
			p += strides[k];
			if (idx[k] < shape[k])
				break;
			p -= idx[k] * strides[k];
			idx[k] = 0;
		}
		if (k < 0)
			return;
	}
}

/* ---- numpy reductions (runtime/sum.go) ---- */

#define SUM_BLOCK 8192
#define PW_BLOCK 128

/* keep_order_perm: axes by decreasing |stride|, stable (keepOrderPerm). */
static void keep_order_perm(int64_t ndim, const int64_t *strides, int64_t *perm)
{
	for (int64_t i = 0; i < ndim; i++)
		perm[i] = i;
	for (int64_t i = 1; i < ndim; i++) { /* insertion sort is stable */
		int64_t v = perm[i], j = i;
		int64_t sv = strides[v] < 0 ? -strides[v] : strides[v];
		while (j > 0) {
			int64_t u = perm[j - 1];
			int64_t su = strides[u] < 0 ? -strides[u] : strides[u];
			if (!(sv > su))
				break;
			perm[j] = u;
			j--;
		}
		perm[j] = v;
	}
}

/* flat_copy copies a's elements in numpy's iterator (keep) order into a
 * fresh buffer; NULL when out of memory. */
static void *flat_copy(const void *data, int64_t offset, int64_t ndim, const int64_t *shape, const int64_t *strides,
		       size_t elsize, int64_t n)
{
	int64_t perm[PYC2GO_MAXDIM], ps[PYC2GO_MAXDIM], pst[PYC2GO_MAXDIM];
	keep_order_perm(ndim, strides, perm);
	for (int64_t i = 0; i < ndim; i++) {
		ps[i] = shape[perm[i]];
		pst[i] = strides[perm[i]];
	}
	void *buf = malloc(n ? (size_t)n * elsize : 1);
	if (buf != NULL) {
		advise_huge(buf, (size_t)n * elsize);
		pyc2go_copy_contig(buf, data, offset, ndim, ps, pst, elsize);
	}
	return buf;
}

#define PAIRWISE_REAL(N, T)                                                                                  \
	static T pairwise_##N(const T *d, int64_t off, int64_t n, int64_t st)                                \
	{                                                                                                    \
		if (n < 8) {                                                                                 \
			T res = 0;                                                                           \
			for (int64_t i = 0; i < n; i++)                                                      \
				res += d[off + i * st];                                                      \
			return res;                                                                          \
		}                                                                                            \
		if (n <= PW_BLOCK) {                                                                         \
			T r[8];                                                                              \
			for (int k = 0; k < 8; k++)                                                          \
				r[k] = d[off + k * st];                                                      \
			int64_t i = 8;                                                                       \
			for (; i < n - n % 8; i += 8) {                                                      \
				int64_t p = off + i * st;                                                    \
				for (int k = 0; k < 8; k++)                                                  \
					r[k] += d[p + k * st];                                               \
			}                                                                                    \
			T res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));           \
			for (; i < n; i++)                                                                   \
				res += d[off + i * st];                                                      \
			return res;                                                                          \
		}                                                                                            \
		int64_t n2 = n / 2;                                                                          \
		n2 -= n2 % 8;                                                                                \
		return pairwise_##N(d, off, n2, st) + pairwise_##N(d, off + n2 * st, n - n2, st);            \
	}                                                                                                    \
	static T chunked_##N(const T *d, int64_t off, int64_t n, int64_t st)                                 \
	{                                                                                                    \
		T acc = 0;                                                                                   \
		for (int64_t s = 0; s < n; s += SUM_BLOCK)                                                   \
			acc += pairwise_##N(d, off + s * st, n - s < SUM_BLOCK ? n - s : SUM_BLOCK, st);     \
		return acc;                                                                                  \
	}

PAIRWISE_REAL(float32, float)
PAIRWISE_REAL(float64, double)

/* pairwiseComplex: numpy sums the parts as interleaved floats. */
#define PAIRWISE_COMPLEX(N, C, F, MK)                                                                         \
	static void pairwise_##N(const C *d, int64_t off, int64_t m, int64_t st, F *rr, F *ri)                \
	{                                                                                                     \
		int64_t n = 2 * m;                                                                            \
		if (n < 8) {                                                                                  \
			F a = 0, b = 0;                                                                       \
			for (int64_t i = 0; i < m; i++) {                                                     \
				a += creal(d[off + i * st]);                                                  \
				b += cimag(d[off + i * st]);                                                  \
			}                                                                                     \
			*rr = a;                                                                              \
			*ri = b;                                                                              \
			return;                                                                               \
		}                                                                                             \
		if (n <= PW_BLOCK) {                                                                          \
			F r[8];                                                                               \
			for (int k = 0; k < 4; k++) {                                                         \
				r[2 * k] = creal(d[off + k * st]);                                            \
				r[2 * k + 1] = cimag(d[off + k * st]);                                        \
			}                                                                                     \
			int64_t i = 8;                                                                        \
			for (; i < n - n % 8; i += 8) {                                                       \
				int64_t e = i / 2;                                                            \
				for (int k = 0; k < 4; k++) {                                                 \
					r[2 * k] += creal(d[off + (e + k) * st]);                             \
					r[2 * k + 1] += cimag(d[off + (e + k) * st]);                         \
				}                                                                             \
			}                                                                                     \
			F a = (r[0] + r[2]) + (r[4] + r[6]);                                                  \
			F b = (r[1] + r[3]) + (r[5] + r[7]);                                                  \
			for (; i < n; i += 2) {                                                               \
				a += creal(d[off + (i / 2) * st]);                                            \
				b += cimag(d[off + (i / 2) * st]);                                            \
			}                                                                                     \
			*rr = a;                                                                              \
			*ri = b;                                                                              \
			return;                                                                               \
		}                                                                                             \
		int64_t n2 = n / 2;                                                                           \
		n2 -= n2 % 8;                                                                                 \
		F a1, b1, a2, b2;                                                                             \
		pairwise_##N(d, off, n2 / 2, st, &a1, &b1);                                                   \
		pairwise_##N(d, off + (n2 / 2) * st, m - n2 / 2, st, &a2, &b2);                               \
		*rr = a1 + a2;                                                                                \
		*ri = b1 + b2;                                                                                \
	}                                                                                                     \
	static C chunked_##N(const C *d, int64_t off, int64_t n, int64_t st)                                  \
	{                                                                                                     \
		C acc = 0;                                                                                    \
		for (int64_t s = 0; s < n; s += SUM_BLOCK) {                                                  \
			F a, b;                                                                               \
			pairwise_##N(d, off + s * st, n - s < SUM_BLOCK ? n - s : SUM_BLOCK, st, &a, &b);     \
			acc += MK(a, b);                                                                      \
		}                                                                                             \
		return acc;                                                                                   \
	}

PAIRWISE_COMPLEX(complex64, float _Complex, float, CMPLXF)
PAIRWISE_COMPLEX(complex128, double _Complex, double, CMPLX)

/* memoryRun: the array is one strided run of memory. */
#define MEMORY_RUN(a, off, n, st)                                                     \
	(n = size_of((a)->ndim, (a)->shape),                                          \
	 pyc2go_is_c_contig((a)->ndim, (a)->shape, (a)->strides) ? (off = (a)->offset, st = 1, true) \
	 : (a)->ndim == 1 ? (off = (a)->offset, st = (a)->strides[0], true)          \
			  : false)

#define SUM_FUNCS(N, T, ONE)                                                                                  \
	T pyc2go_sum_##N(const pyc2go_array_##N *a)                                                           \
	{                                                                                                     \
		int64_t off = 0, n = 0, st = 0;                                                               \
		if (MEMORY_RUN(a, off, n, st))                                                                \
			return chunked_##N(a->data, off, n, st);                                              \
		T *flat = flat_copy(a->data, a->offset, a->ndim, a->shape, a->strides, sizeof(T), n);         \
		if (flat == NULL)                                                                             \
			return NAN;                                                                           \
		T r = chunked_##N(flat, 0, n, 1);                                                             \
		free(flat);                                                                                   \
		return r;                                                                                     \
	}                                                                                                     \
	T pyc2go_prod_##N(const pyc2go_array_##N *a)                                                          \
	{                                                                                                     \
		int64_t off = 0, n = 0, st = 0;                                                               \
		T acc = ONE;                                                                                  \
		if (MEMORY_RUN(a, off, n, st)) {                                                              \
			for (int64_t i = 0; i < n; i++)                                                       \
				acc = MUL_##N(acc, a->data[off + i * st]);                                    \
			return acc;                                                                           \
		}                                                                                             \
		T *flat = flat_copy(a->data, a->offset, a->ndim, a->shape, a->strides, sizeof(T), n);         \
		if (flat == NULL)                                                                             \
			return NAN;                                                                           \
		for (int64_t i = 0; i < n; i++)                                                               \
			acc = MUL_##N(acc, flat[i]);                                                          \
		free(flat);                                                                                   \
		return acc;                                                                                   \
	}

/* numpy multiplies complex numbers with the textbook formula, as Go's
 * complex product does (no C Annex G infinity recovery). */
#define MUL_float32(a, b) ((a) * (b))
#define MUL_float64(a, b) ((a) * (b))
static float _Complex mul_c64(float _Complex a, float _Complex b)
{
	float ar = crealf(a), ai = cimagf(a), br = crealf(b), bi = cimagf(b);
	return CMPLXF(ar * br - ai * bi, ar * bi + ai * br);
}
#define MUL_complex64(a, b) mul_c64((a), (b))
#define MUL_complex128(a, b) pyc2go_cmul((a), (b))

SUM_FUNCS(float32, float, 1.0f)
SUM_FUNCS(float64, double, 1.0)
SUM_FUNCS(complex64, float _Complex, 1.0f)
SUM_FUNCS(complex128, double _Complex, 1.0)

float pyc2go_mean_float32(const pyc2go_array_float32 *a)
{
	return pyc2go_sum_float32(a) / (float)size_of(a->ndim, a->shape);
}
double pyc2go_mean_float64(const pyc2go_array_float64 *a)
{
	return pyc2go_sum_float64(a) / (double)size_of(a->ndim, a->shape);
}

/*
 * sumAxis: a C-contiguous a sums pairwise along a contiguous reduced axis
 * (inner == 1) and row by row otherwise; any other layout is first copied
 * in keep order, reduced, and the result permuted back to a's axis order.
 */
#define SUM_AXIS(N, T)                                                                                        \
	static void sum_axis_contig_##N(const T *d, int64_t base, int64_t ndim, const int64_t *shape, int64_t axis, \
					T *out)                                                               \
	{                                                                                                     \
		int64_t outer = size_of(axis, shape), m = shape[axis];                                        \
		int64_t inner = size_of(ndim - axis - 1, shape + axis + 1);                                   \
		for (int64_t o = 0; o < outer; o++) {                                                         \
			if (inner == 1) {                                                                     \
				out[o] = chunked_##N(d, base + o * m, m, 1);                                  \
				continue;                                                                     \
			}                                                                                     \
			T *row = out + o * inner;                                                             \
			for (int64_t j = 0; j < m; j++) {                                                     \
				const T *src = d + base + (o * m + j) * inner;                                \
				for (int64_t i = 0; i < inner; i++)                                           \
					row[i] += src[i];                                                     \
			}                                                                                     \
		}                                                                                             \
	}                                                                                                     \
	int pyc2go_sum_axis_##N(pyc2go_pool *p, const pyc2go_array_##N *a, int64_t axis, pyc2go_array_##N *r)  \
	{                                                                                                     \
		int64_t nd = a->ndim, ext[PYC2GO_MAXDIM], q = 0;                                              \
		for (int64_t k = 0; k < nd; k++)                                                              \
			if (k != axis)                                                                        \
				ext[q++] = a->shape[k];                                                       \
		r->data = pyc2go_alloc_shape(p, sizeof(T), nd - 1, ext, &r->offset, &r->ndim, r->shape,       \
					     r->strides);                                                     \
		if (r->data == NULL)                                                                          \
			return 1;                                                                             \
		r->owner = NULL;                                                                              \
		if (pyc2go_is_c_contig(nd, a->shape, a->strides)) {                                           \
			sum_axis_contig_##N(a->data, a->offset, nd, a->shape, axis, r->data);                 \
			return 0;                                                                             \
		}                                                                                             \
		int64_t perm[PYC2GO_MAXDIM], ps[PYC2GO_MAXDIM], k = 0;                                        \
		keep_order_perm(nd, a->strides, perm);                                                        \
		for (int64_t i = 0; i < nd; i++) {                                                            \
			ps[i] = a->shape[perm[i]];                                                            \
			if (perm[i] == axis)                                                                  \
				k = i;                                                                        \
		}                                                                                             \
		int64_t n = size_of(nd, a->shape), rn = size_of(nd - 1, r->shape);                            \
		T *flat = flat_copy(a->data, a->offset, nd, a->shape, a->strides, sizeof(T), n);              \
		T *tmp = calloc(rn ? (size_t)rn : 1, sizeof(T));                                              \
		if (flat == NULL || tmp == NULL) {                                                            \
			free(flat);                                                                           \
			free(tmp);                                                                            \
			return 1;                                                                             \
		}                                                                                             \
		sum_axis_contig_##N(flat, 0, nd, ps, k, tmp);                                                 \
		/* tmp has axes perm without k, C order; r has a's order without axis */                      \
		int64_t tshape[PYC2GO_MAXDIM], tstr[PYC2GO_MAXDIM], tax[PYC2GO_MAXDIM], t = 0;                \
		for (int64_t i = 0; i < nd; i++)                                                              \
			if (i != k) {                                                                         \
				tshape[t] = ps[i];                                                            \
				tax[t++] = perm[i];                                                           \
			}                                                                                     \
		int64_t s = 1;                                                                                \
		for (int64_t i = t - 1; i >= 0; i--) {                                                        \
			tstr[i] = s;                                                                          \
			s *= tshape[i];                                                                       \
		}                                                                                             \
		/* view of tmp in r's axis order */                                                           \
		int64_t vsh[PYC2GO_MAXDIM], vst[PYC2GO_MAXDIM], v = 0;                                        \
		for (int64_t ax = 0; ax < nd; ax++) {                                                         \
			if (ax == axis)                                                                       \
				continue;                                                                     \
			for (int64_t i = 0; i < t; i++)                                                       \
				if (tax[i] == ax) {                                                           \
					vsh[v] = tshape[i];                                                   \
					vst[v++] = tstr[i];                                                   \
				}                                                                             \
		}                                                                                             \
		pyc2go_copy_contig(r->data, tmp, 0, v, vsh, vst, sizeof(T));                                  \
		free(flat);                                                                                   \
		free(tmp);                                                                                    \
		return 0;                                                                                     \
	}

SUM_AXIS(float32, float)
SUM_AXIS(float64, double)
SUM_AXIS(complex64, float _Complex)
SUM_AXIS(complex128, double _Complex)

/*
 * print and f-strings: Python's repr of floats (the shortest digits that
 * round-trip, found by trying 1..17 significant digits) and its format
 * mini-language. The Go twins are runtime/repr.go and runtime/format.go;
 * the differential tests hold both to CPython.
 */

static void str_grow(pyc2go_str *s, size_t n)
{
	if (s->len + n + 1 <= s->cap)
		return;
	size_t cap = s->cap ? s->cap : 64;
	while (cap < s->len + n + 1)
		cap *= 2;
	char *b = realloc(s->buf, cap);
	if (b == NULL)
		return;
	s->buf = b;
	s->cap = cap;
}

static void str_add(pyc2go_str *s, const char *p, size_t n)
{
	str_grow(s, n);
	if (s->len + n + 1 > s->cap)
		return; /* out of memory: the text is cut short */
	memcpy(s->buf + s->len, p, n);
	s->len += n;
	s->buf[s->len] = 0;
}

void pyc2go_str_lit(pyc2go_str *s, const char *lit) { str_add(s, lit, strlen(lit)); }

const char *pyc2go_str_cstr(pyc2go_str *s) { return s->buf ? s->buf : ""; }

void pyc2go_str_free(pyc2go_str *s)
{
	free(s->buf);
	s->buf = NULL;
	s->len = s->cap = 0;
}

static pyc2go_str *capture;

/* pyc2go_capture_begin returns 0 (a value, for cgo's -Wextra prologue). */
int pyc2go_capture_begin(void)
{
	if (capture == NULL)
		capture = calloc(1, sizeof *capture);
	return 0;
}

char *pyc2go_capture_end(void)
{
	pyc2go_str *c = capture;
	capture = NULL;
	if (c == NULL)
		return NULL;
	char *b = c->buf;
	free(c);
	return b;
}

void pyc2go_write(pyc2go_str *s)
{
	if (capture != NULL) {
		str_add(capture, pyc2go_str_cstr(s), s->len);
	} else if (s->len > 0) {
		fwrite(s->buf, 1, s->len, stdout);
		fflush(stdout);
	}
	pyc2go_str_free(s);
}

bool pyc2go_exc_in(const pyc2go_error *e, const char *classes)
{
	size_t n = strlen(e->exc);
	for (const char *p = classes; (p = strstr(p, e->exc)) != NULL; p++) {
		if (n > 0 && p > classes && p[-1] == '|' && p[n] == '|')
			return true;
	}
	return false;
}

void pyc2go_reraise(pyc2go_error *err, const pyc2go_error *caught)
{
	if (err != NULL && err != caught)
		*err = *caught;
}

/* shortest fills digits (no dot) and returns the decimal exponent of the
 * first digit: the shortest digits that read back as x (through float
 * when f32), the closest such to x, a tie to the even digit, as CPython's
 * repr, numpy's float32 repr and Go's strconv choose them. x is finite
 * and positive or zero. For each length p, the candidates are x's exact
 * decimal expansion (glibc prints it) cut to p digits and that plus one
 * unit in the last place. */
static bool roundtrips(const char *d, int e, double x, bool f32)
{
	char buf[48];
	snprintf(buf, sizeof buf, "%c.%se%d", d[0], d + 1, e);
	return f32 ? strtof(buf, NULL) == (float)x : strtod(buf, NULL) == x;
}

static int shortest(double x, bool f32, char *digits)
{
	static _Thread_local char exact[1100];
	char down[32], up[32];
	snprintf(exact, sizeof exact, "%.*e", 800, x);
	char *ep = strchr(exact, 'e');
	int e0 = atoi(ep + 1);
	static _Thread_local char m[802];
	size_t nm = 0;
	for (const char *q = exact; q < ep && nm < sizeof m - 1; q++)
		if (*q != '.')
			m[nm++] = *q;
	m[nm] = 0;
	int max = f32 ? 9 : 17, e = e0;
	const char *best = down;
	for (int p = 1; p <= max; p++) {
		memcpy(down, m, (size_t)p);
		down[p] = 0;
		memcpy(up, down, (size_t)p + 1);
		int eu = e0, k = p - 1;
		while (k >= 0 && up[k] == '9')
			up[k--] = '0';
		if (k >= 0) {
			up[k]++;
		} else {
			memmove(up + 1, up, (size_t)p);
			up[0] = '1';
			up[p] = 0;
			eu++;
		}
		/* is the rest of the expansion above, at or below half a unit? */
		int half = 0;
		if ((size_t)p < nm) {
			if (m[p] > '5')
				half = 1;
			else if (m[p] < '5')
				half = -1;
			else
				half = strspn(m + p + 1, "0") == strlen(m + p + 1) ? 0 : 1;
		} else {
			half = -1; /* exact: down is x itself */
		}
		bool rd = roundtrips(down, e0, x, f32), ru = roundtrips(up, eu, x, f32);
		if (rd && ru) {
			bool take_up = half > 0 || (half == 0 && (down[p - 1] - '0') % 2 == 1);
			best = take_up ? up : down;
			e = take_up ? eu : e0;
			break;
		}
		if (rd || ru || p == max) {
			best = rd || !ru ? down : up;
			e = rd || !ru ? e0 : eu;
			break;
		}
	}
	size_t n = strlen(best);
	while (n > 1 && best[n - 1] == '0')
		n--;
	memcpy(digits, best, n);
	digits[n] = 0;
	return e;
}

/* repr_digits lays out x's shortest digits as runtime.formatDigits does. */
static void repr_digits(pyc2go_str *s, double x, bool f32, bool dot0, int force)
{
	if (isnan(x)) {
		pyc2go_str_lit(s, "nan");
		return;
	}
	if (isinf(x)) {
		pyc2go_str_lit(s, x > 0 ? "inf" : "-inf");
		return;
	}
	if (signbit(x)) {
		pyc2go_str_lit(s, "-");
		x = -x;
	}
	char d[24];
	int e = shortest(x, f32, d);
	int decpt = e + 1, n = (int)strlen(d);
	bool sci = decpt <= -4 || decpt > 16;
	if (force > 0)
		sci = true;
	else if (force < 0)
		sci = false;
	char buf[64];
	if (sci) {
		str_add(s, d, 1);
		if (n > 1) {
			pyc2go_str_lit(s, ".");
			pyc2go_str_lit(s, d + 1);
		}
		snprintf(buf, sizeof buf, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
		pyc2go_str_lit(s, buf);
		return;
	}
	if (decpt <= 0) {
		pyc2go_str_lit(s, "0.");
		for (int i = 0; i < -decpt; i++)
			pyc2go_str_lit(s, "0");
		pyc2go_str_lit(s, d);
	} else if (decpt >= n) {
		pyc2go_str_lit(s, d);
		for (int i = 0; i < decpt - n; i++)
			pyc2go_str_lit(s, "0");
		if (dot0)
			pyc2go_str_lit(s, ".0");
	} else {
		str_add(s, d, (size_t)decpt);
		pyc2go_str_lit(s, ".");
		pyc2go_str_lit(s, d + decpt);
	}
}

/* repr32 is numpy 1.24's float32 repr (runtime.FormatFloat32). */
static void repr32(pyc2go_str *s, float x, bool dot0)
{
	double a = fabs((double)x);
	bool fixed = a == 0 || (a >= 1e-4 && a < 1e16) || isnan(a) || isinf(a);
	repr_digits(s, (double)x, true, dot0, fixed ? -1 : 1);
}

typedef struct {
	char fill[8]; /* a UTF-8 character */
	char align, sign, type;
	bool alt, zero;
	int width, prec;
	char grouping;
} spec_t;

static void parse_spec(const char *p, spec_t *sp)
{
	memset(sp, 0, sizeof *sp);
	strcpy(sp->fill, " ");
	sp->prec = -1;
	size_t n = 1;
	while (((unsigned char)p[0] & 0x80) && ((unsigned char)p[n] & 0xC0) == 0x80)
		n++;
	if (p[0] && p[n] && strchr("<>=^", p[n])) {
		memcpy(sp->fill, p, n);
		sp->fill[n] = 0;
		sp->align = p[n];
		p += n + 1;
	} else if (p[0] && strchr("<>=^", p[0])) {
		sp->align = *p++;
	}
	if (*p == '+' || *p == '-' || *p == ' ')
		sp->sign = *p++;
	if (*p == '#') {
		sp->alt = true;
		p++;
	}
	if (*p == '0') {
		sp->zero = true;
		p++;
	}
	while (*p >= '0' && *p <= '9')
		sp->width = sp->width * 10 + (*p++ - '0');
	if (*p == ',' || *p == '_')
		sp->grouping = *p++;
	if (*p == '.') {
		p++;
		sp->prec = 0;
		while (*p >= '0' && *p <= '9')
			sp->prec = sp->prec * 10 + (*p++ - '0');
	}
	sp->type = *p;
}

static size_t utf8_len(const char *p)
{
	size_t n = 0;
	for (; *p; p++)
		n += ((unsigned char)*p & 0xC0) != 0x80;
	return n;
}

/* pad appends sign and body laid out in the spec's width (spec.pad). */
static void pad(pyc2go_str *s, const spec_t *sp, const char *sign, const char *body, bool numeric)
{
	char align = sp->align;
	const char *fill = sp->fill;
	if (sp->zero && align == 0) {
		align = '=';
		fill = "0";
	}
	if (align == 0)
		align = numeric ? '>' : '<';
	long n = (long)sp->width - (long)utf8_len(sign) - (long)utf8_len(body);
	long left = 0, mid = 0, right = 0;
	if (n > 0) {
		switch (align) {
		case '<':
			right = n;
			break;
		case '=':
			mid = n;
			break;
		case '^':
			left = n / 2;
			right = n - left;
			break;
		default:
			left = n;
		}
	}
	for (long i = 0; i < left; i++)
		pyc2go_str_lit(s, fill);
	pyc2go_str_lit(s, sign);
	for (long i = 0; i < mid; i++)
		pyc2go_str_lit(s, fill);
	pyc2go_str_lit(s, body);
	for (long i = 0; i < right; i++)
		pyc2go_str_lit(s, fill);
}

static const char *sign_of(const spec_t *sp, bool neg)
{
	if (neg)
		return "-";
	if (sp->sign == '+')
		return "+";
	if (sp->sign == ' ')
		return " ";
	return "";
}

/* group inserts sep every `every` digits of the integer part of digits
 * (runtime.group), into out. */
static void group(const char *digits, char sep, int every, pyc2go_str *out)
{
	if (sep == 0) {
		pyc2go_str_lit(out, digits);
		return;
	}
	size_t end = strcspn(digits, ".eE%");
	for (size_t i = 0; i < end; i++) {
		if (i > 0 && (end - i) % (size_t)every == 0)
			str_add(out, &sep, 1);
		str_add(out, digits + i, 1);
	}
	pyc2go_str_lit(out, digits + end);
}

void pyc2go_str_text(pyc2go_str *s, const char *text, const char *spec)
{
	spec_t sp;
	parse_spec(spec, &sp);
	pyc2go_str body = {0};
	if (sp.prec >= 0) {
		size_t k = 0;
		for (int i = 0; text[k] && i <= sp.prec; k++) {
			if (((unsigned char)text[k] & 0xC0) != 0x80 && i++ == sp.prec)
				break;
		}
		str_add(&body, text, k);
	} else {
		pyc2go_str_lit(&body, text);
	}
	pad(s, &sp, "", pyc2go_str_cstr(&body), false);
	pyc2go_str_free(&body);
}

static void format_uint(pyc2go_str *s, uint64_t u, bool neg, const spec_t *sp)
{
	char digits[80], tmp[80];
	const char *prefix = "";
	int every = 3;
	switch (sp->type) {
	case 'x':
	case 'X':
		snprintf(digits, sizeof digits, sp->type == 'x' ? "%" PRIx64 : "%" PRIX64, u);
		prefix = sp->type == 'x' ? "0x" : "0X";
		every = 4;
		break;
	case 'o':
		snprintf(digits, sizeof digits, "%" PRIo64, u);
		prefix = "0o";
		every = 4;
		break;
	case 'b': {
		int k = 0;
		do {
			tmp[k++] = (char)('0' + (u & 1));
			u >>= 1;
		} while (u);
		for (int i = 0; i < k; i++)
			digits[i] = tmp[k - 1 - i];
		digits[k] = 0;
		prefix = "0b";
		every = 4;
		break;
	}
	default:
		snprintf(digits, sizeof digits, "%" PRIu64, u);
	}
	pyc2go_str body = {0};
	group(digits, sp->grouping, every, &body);
	char sign[8];
	snprintf(sign, sizeof sign, "%s%s", sign_of(sp, neg), sp->alt ? prefix : "");
	pad(s, sp, sign, pyc2go_str_cstr(&body), true);
	pyc2go_str_free(&body);
}

void pyc2go_str_int(pyc2go_str *s, int64_t v, const char *spec)
{
	if (!*spec) {
		char buf[32];
		snprintf(buf, sizeof buf, "%" PRId64, v);
		pyc2go_str_lit(s, buf);
		return;
	}
	spec_t sp;
	parse_spec(spec, &sp);
	if (sp.type && strchr("eEfFgG%", sp.type)) {
		pyc2go_str_float(s, (double)v, spec);
		return;
	}
	uint64_t u = (uint64_t)v;
	format_uint(s, v < 0 ? -u : u, v < 0, &sp);
}

void pyc2go_str_uint(pyc2go_str *s, uint64_t v, const char *spec)
{
	spec_t sp;
	parse_spec(spec, &sp);
	if (sp.type && strchr("eEfFgG%", sp.type)) {
		pyc2go_str_float(s, (double)v, spec);
		return;
	}
	format_uint(s, v, false, &sp);
}

void pyc2go_str_bool(pyc2go_str *s, bool v, const char *spec)
{
	if (!*spec)
		pyc2go_str_lit(s, v ? "True" : "False");
	else
		pyc2go_str_int(s, v, spec);
}

/* general is Python's 'g' of a finite a >= 0 (runtime.generalFormat). */
static void general(pyc2go_str *out, double a, int prec, bool alt, bool dot0)
{
	char e[64], f[400];
	if (prec == 0)
		prec = 1;
	snprintf(e, sizeof e, "%.*e", prec - 1, a);
	char *k = strchr(e, 'e');
	int exp = atoi(k + 1);
	int limit = dot0 ? prec - 1 : prec;
	if (exp >= -4 && exp < limit) {
		snprintf(f, sizeof f, "%.*f", prec - 1 - exp, a);
		if (!alt && strchr(f, '.')) {
			size_t n = strlen(f);
			while (f[n - 1] == '0')
				f[--n] = 0;
			if (f[n - 1] == '.')
				f[--n] = 0;
		}
		pyc2go_str_lit(out, f);
		if ((dot0 || alt) && !strchr(f, '.'))
			pyc2go_str_lit(out, dot0 && !alt ? ".0" : ".");
		return;
	}
	*k = 0;
	if (!alt && strchr(e, '.')) {
		size_t n = strlen(e);
		while (e[n - 1] == '0')
			e[--n] = 0;
		if (e[n - 1] == '.')
			e[--n] = 0;
	}
	pyc2go_str_lit(out, e);
	if (alt && !strchr(e, '.'))
		pyc2go_str_lit(out, ".");
	*k = 'e';
	pyc2go_str_lit(out, k);
}

static void upper(char *p)
{
	for (; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
}

/* float_body appends |x| formatted by the spec (runtime.floatBody). */
static void float_body(pyc2go_str *out, double a, const spec_t *sp)
{
	char t = sp->type;
	bool up = t == 'E' || t == 'F' || t == 'G';
	int prec = sp->prec;
	if (t == '%')
		a *= 100;
	if (isinf(a) || isnan(a)) {
		pyc2go_str_lit(out, isnan(a) ? (up ? "NAN" : "nan") : (up ? "INF" : "inf"));
		if (t == '%')
			pyc2go_str_lit(out, "%");
		return;
	}
	pyc2go_str b = {0};
	switch (t) {
	case 'f':
	case 'F':
	case '%': {
		if (prec < 0)
			prec = 6;
		int n = snprintf(NULL, 0, "%.*f", prec, a);
		char *buf = malloc((size_t)n + 3);
		if (buf == NULL)
			return;
		snprintf(buf, (size_t)n + 1, "%.*f", prec, a);
		if (sp->alt && prec == 0)
			strcat(buf, ".");
		if (t == '%')
			strcat(buf, "%");
		group(buf, sp->grouping, 3, out);
		free(buf);
		return;
	}
	case 'e':
	case 'E': {
		char buf[64];
		if (prec < 0)
			prec = 6;
		snprintf(buf, sizeof buf, "%.*e", prec > 40 ? 40 : prec, a);
		if (sp->alt && prec == 0) {
			char *k = strchr(buf, 'e');
			memmove(k + 1, k, strlen(k) + 1);
			*k = '.';
		}
		if (up)
			upper(buf);
		group(buf, sp->grouping, 3, out);
		return;
	}
	case 'g':
	case 'G':
		general(&b, a, prec < 0 ? 6 : prec, sp->alt, false);
		break;
	default:
		if (prec < 0)
			repr_digits(&b, a, false, true, 0);
		else
			general(&b, a, prec, sp->alt, true);
	}
	if (b.buf) {
		if (up)
			upper(b.buf);
		group(b.buf, sp->grouping, 3, out);
	}
	pyc2go_str_free(&b);
}

void pyc2go_str_float(pyc2go_str *s, double v, const char *spec)
{
	if (!*spec) {
		repr_digits(s, v, false, true, 0);
		return;
	}
	spec_t sp;
	parse_spec(spec, &sp);
	pyc2go_str body = {0};
	float_body(&body, fabs(v), &sp);
	pad(s, &sp, sign_of(&sp, signbit(v) && !isnan(v)), pyc2go_str_cstr(&body), true);
	pyc2go_str_free(&body);
}

void pyc2go_str_float32(pyc2go_str *s, float v, const char *spec)
{
	if (!*spec)
		repr32(s, v, true);
	else
		pyc2go_str_float(s, (double)v, spec);
}

/* complex_repr is runtime.FormatComplex (f32: FormatComplex64). */
static void complex_repr(pyc2go_str *s, double re, double im, bool f32)
{
	bool omit = re == 0 && !signbit(re);
	if (!omit)
		pyc2go_str_lit(s, "(");
	if (!omit) {
		if (f32)
			repr_digits(s, re, true, false, 0);
		else
			repr_digits(s, re, false, false, 0);
		if (!signbit(im) || isnan(im))
			pyc2go_str_lit(s, "+");
	}
	repr_digits(s, im, f32, false, 0);
	pyc2go_str_lit(s, omit ? "j" : "j)");
}

void pyc2go_str_complex(pyc2go_str *s, double re, double im, const char *spec)
{
	if (!*spec) {
		complex_repr(s, re, im, false);
		return;
	}
	spec_t sp;
	parse_spec(spec, &sp);
	pyc2go_str body = {0};
	if (sp.type == 0 && sp.prec < 0) {
		complex_repr(&body, re, im, false);
	} else {
		spec_t part = sp;
		part.width = 0;
		part.align = 0;
		part.zero = false;
		bool notype = sp.type == 0;
		bool omit = notype && re == 0 && !signbit(re);
		if (notype)
			part.type = 'g';
		if (notype && !omit)
			pyc2go_str_lit(&body, "(");
		if (!omit) {
			pyc2go_str_lit(&body, sign_of(&part, signbit(re) && !isnan(re)));
			float_body(&body, fabs(re), &part);
			part.sign = '+';
		}
		pyc2go_str_lit(&body, sign_of(&part, signbit(im) && !isnan(im)));
		float_body(&body, fabs(im), &part);
		pyc2go_str_lit(&body, "j");
		if (notype && !omit)
			pyc2go_str_lit(&body, ")");
	}
	pad(s, &sp, "", pyc2go_str_cstr(&body), true);
	pyc2go_str_free(&body);
}

void pyc2go_str_complex64(pyc2go_str *s, float re, float im, const char *spec)
{
	if (!*spec)
		complex_repr(s, re, im, true);
	else
		pyc2go_str_complex(s, re, im, spec);
}

void pyc2go_str_exc(pyc2go_str *s, const pyc2go_error *e, bool repr, const char *spec)
{
	if (!repr) {
		pyc2go_str_text(s, e->msg, spec);
		return;
	}
	pyc2go_str_lit(s, e->exc);
	pyc2go_str_lit(s, "(");
	if (e->msg[0]) {
		char q = strchr(e->msg, '\'') && !strchr(e->msg, '"') ? '"' : '\'';
		str_add(s, &q, 1);
		for (const char *p = e->msg; *p; p++) {
			char buf[8];
			unsigned char c = (unsigned char)*p;
			if (c == '\\' || c == (unsigned char)q) {
				snprintf(buf, sizeof buf, "\\%c", c);
			} else if (c == '\n') {
				strcpy(buf, "\\n");
			} else if (c == '\t') {
				strcpy(buf, "\\t");
			} else if (c == '\r') {
				strcpy(buf, "\\r");
			} else if (c < 0x20 || c == 0x7f) {
				snprintf(buf, sizeof buf, "\\x%02x", c);
			} else {
				buf[0] = (char)c;
				buf[1] = 0;
			}
			pyc2go_str_lit(s, buf);
		}
		str_add(s, &q, 1);
	}
	pyc2go_str_lit(s, ")");
}

/*
 * Arrays as numpy 1.24 prints them (runtime/array_repr.go is the Go
 * twin, held to numpy by its differential test; the C one is held to the
 * Go one): array2string with the default print options (line width 75,
 * threshold 1000, 3 edge items, precision 8), separator " " for str and
 * ", " with the "array(" prefix for repr. The elements are first copied
 * in C order into one of the buffers of aprinter.
 */
typedef struct {
	int bits;      /* 32 or 64 */
	bool plus;     /* imaginary parts */
	bool exp;      /* scientific notation */
	int precision; /* max fraction digits */
	int min_digits;
	int pad_left, pad_right, exp_size;
} ffmt;

enum { K_BOOL, K_INT, K_UINT, K_FLOAT, K_COMPLEX };

typedef struct {
	int kind, bits;
	int64_t n, ndim, shape[PYC2GO_MAXDIM], cstr[PYC2GO_MAXDIM];
	bool summary, zerod;
	const char *sep;
	double *re, *im;
	int64_t *iv;
	uint64_t *uv;
	bool *bv;
	int intw;
	ffmt rf, imf;
} aprinter;

/* ff_digits: shortest digits of |x| for the element precision. */
static int ff_digits(const ffmt *f, double x, char *d) { return shortest(fabs(x), f->bits == 32, d); }

static const char *ff_sign(const ffmt *f, double x) { return signbit(x) ? "-" : (f->plus ? "+" : ""); }

/* ff_pos is posParts: integer part (with sign) and fraction digits. */
static void ff_pos(const ffmt *f, double x, char *ip, char *fp)
{
	char d[32], buf[400];
	int e = ff_digits(f, x, d);
	int decpt = e + 1, n = (int)strlen(d);
	strcpy(ip, ff_sign(f, x));
	fp[0] = 0;
	if (n - decpt > f->precision) {
		snprintf(buf, sizeof buf, "%.*f", f->precision, fabs(x));
		char *dot = strchr(buf, '.');
		if (dot) {
			*dot = 0;
			strcpy(fp, dot + 1);
			size_t k = strlen(fp);
			while (k > 0 && fp[k - 1] == '0')
				fp[--k] = 0;
		}
		strcat(ip, buf);
		return;
	}
	if (decpt <= 0) {
		strcat(ip, "0");
		for (int i = 0; i < -decpt; i++)
			strcat(fp, "0");
		strcat(fp, d);
	} else if (decpt >= n) {
		strcat(ip, d);
		for (int i = 0; i < decpt - n; i++)
			strcat(ip, "0");
	} else {
		strncat(ip, d, (size_t)decpt);
		strcpy(fp, d + decpt);
	}
}

/* ff_sci is sciParts: leading digit (with sign), fraction digits and the
 * exponent with sign and at least two digits. */
static void ff_sci(const ffmt *f, double x, char *ip, char *fp, char *ep)
{
	char d[64], buf[96];
	int e = ff_digits(f, x, d);
	if ((int)strlen(d) - 1 > f->precision) {
		snprintf(buf, sizeof buf, "%.*e", f->precision, fabs(x));
		char *k = strchr(buf, 'e');
		e = atoi(k + 1);
		size_t n = 0;
		for (char *q = buf; q < k; q++)
			if (*q != '.')
				d[n++] = *q;
		while (n > 0 && d[n - 1] == '0')
			n--;
		if (n == 0)
			d[n++] = '0';
		d[n] = 0;
	}
	snprintf(ip, 8, "%s%c", ff_sign(f, x), d[0]);
	strcpy(fp, d + 1);
	snprintf(ep, 16, "%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
}

static void ff_init(ffmt *f, const double *v, int64_t n, int bits, bool plus)
{
	memset(f, 0, sizeof *f);
	f->bits = bits;
	f->plus = plus;
	f->precision = 8;
	f->exp_size = -1;
	bool nonfinite = false, neginf = false, any = false, nonzero = false;
	double mx = 0, mn = INFINITY;
	for (int64_t k = 0; k < n; k++) {
		double x = v[k];
		if (isnan(x) || isinf(x)) {
			nonfinite = true;
			neginf = neginf || (isinf(x) && x < 0);
			continue;
		}
		any = true;
		if (x != 0) {
			mx = fmax(mx, fabs(x));
			mn = fmin(mn, fabs(x));
			nonzero = true;
		}
	}
	if (nonzero) {
		if (bits == 32) {
			float m32 = (float)mx, n32 = (float)mn;
			f->exp = m32 >= 1e8f || n32 < 0.0001f || m32 / n32 > 1000.0f;
		} else {
			f->exp = mx >= 1e8 || mn < 0.0001 || mx / mn > 1000;
		}
	}
	char ip[400], fp[400], ep[16];
	if (!any) {
		f->pad_left = f->pad_right = 0;
	} else if (f->exp) {
		int iw = 0, fw = 0, ew = 0;
		for (int64_t k = 0; k < n; k++) {
			if (isnan(v[k]) || isinf(v[k]))
				continue;
			ff_sci(f, v[k], ip, fp, ep);
			iw = iw > (int)strlen(ip) ? iw : (int)strlen(ip);
			fw = fw > (int)strlen(fp) ? fw : (int)strlen(fp);
			ew = ew > (int)strlen(ep) ? ew : (int)strlen(ep);
		}
		f->exp_size = ew - 1;
		f->precision = fw;
		f->min_digits = fw;
		f->pad_left = iw;
		f->pad_right = f->exp_size + 2 + f->precision;
	} else {
		int iw = 0, fw = 0;
		for (int64_t k = 0; k < n; k++) {
			if (isnan(v[k]) || isinf(v[k]))
				continue;
			ff_pos(f, v[k], ip, fp);
			iw = iw > (int)strlen(ip) ? iw : (int)strlen(ip);
			fw = fw > (int)strlen(fp) ? fw : (int)strlen(fp);
		}
		f->pad_left = iw;
		f->pad_right = fw;
	}
	if (nonfinite) {
		int inflen = 3 + (plus || neginf);
		int offset = f->pad_right + 1;
		if (f->pad_left < 3 - offset)
			f->pad_left = 3 - offset;
		if (f->pad_left < inflen - offset)
			f->pad_left = inflen - offset;
	}
}

static void pad_left_to(pyc2go_str *s, const char *t, int w)
{
	for (int i = (int)strlen(t); i < w; i++)
		pyc2go_str_lit(s, " ");
	pyc2go_str_lit(s, t);
}

/* ff_format is FloatingFormat.__call__ (floatFormat.format). */
static void ff_format(const ffmt *f, double x, pyc2go_str *s)
{
	char ip[400], fp[400], ep[16];
	if (isnan(x) || isinf(x)) {
		const char *r = isnan(x) ? (f->plus ? "+nan" : "nan") : (x < 0 ? "-inf" : (f->plus ? "+inf" : "inf"));
		pad_left_to(s, r, f->pad_left + f->pad_right + 1);
		return;
	}
	if (f->exp) {
		ff_sci(f, x, ip, fp, ep);
		if ((int)strlen(fp) < f->min_digits) {
			char buf[96];
			snprintf(buf, sizeof buf, "%.*e", f->min_digits, fabs(x));
			char *k = strchr(buf, 'e');
			*k = 0;
			snprintf(ip, 8, "%s%c", ff_sign(f, x), buf[0]);
			strcpy(fp, buf + 2);
			strcpy(ep, k + 1);
			/* drop leading exponent zeros beyond two digits, as Go's strconv prints them */
		}
		while ((int)strlen(ep) - 1 < f->exp_size) {
			memmove(ep + 2, ep + 1, strlen(ep));
			ep[1] = '0';
		}
		pad_left_to(s, ip, f->pad_left);
		pyc2go_str_lit(s, ".");
		pyc2go_str_lit(s, fp);
		pyc2go_str_lit(s, "e");
		pyc2go_str_lit(s, ep);
		return;
	}
	ff_pos(f, x, ip, fp);
	pad_left_to(s, ip, f->pad_left);
	pyc2go_str_lit(s, ".");
	pyc2go_str_lit(s, fp);
	for (int i = (int)strlen(fp); i < f->pad_right; i++)
		pyc2go_str_lit(s, " ");
}

/* ap_shown collects the flat C-order indices numpy's print shows
 * (_leading_trailing). */
static void ap_shown(const aprinter *p, int64_t axis, int64_t base, int64_t *out, int64_t *n)
{
	if (axis == p->ndim) {
		out[(*n)++] = base;
		return;
	}
	int64_t m = p->shape[axis];
	for (int64_t i = 0; i < m; i++) {
		if (p->summary && m > 6 && i == 3)
			i = m - 3;
		ap_shown(p, axis + 1, base + i * p->cstr[axis], out, n);
	}
}

static void ap_elem(const aprinter *p, int64_t i, pyc2go_str *s)
{
	char buf[32];
	switch (p->kind) {
	case K_BOOL:
		pyc2go_str_lit(s, p->bv[i] ? (p->zerod ? "True" : " True") : "False");
		return;
	case K_INT:
		snprintf(buf, sizeof buf, "%" PRId64, p->iv[i]);
		pad_left_to(s, buf, p->intw);
		return;
	case K_UINT:
		snprintf(buf, sizeof buf, "%" PRIu64, p->uv[i]);
		pad_left_to(s, buf, p->intw);
		return;
	case K_FLOAT:
		ff_format(&p->rf, p->re[i], s);
		return;
	}
	/* complex: the 'j' goes before the imaginary part's right padding */
	ff_format(&p->rf, p->re[i], s);
	pyc2go_str im = {0};
	ff_format(&p->imf, p->im[i], &im);
	const char *t = pyc2go_str_cstr(&im);
	size_t k = strlen(t);
	while (k > 0 && t[k - 1] == ' ')
		k--;
	str_add(s, t, k);
	pyc2go_str_lit(s, "j");
	pyc2go_str_lit(s, t + k);
	pyc2go_str_free(&im);
}

/* extend_line is numpy's _extendLine (extendLine). */
static void extend_line(pyc2go_str *s, pyc2go_str *line, const char *word, size_t width, size_t next_prefix)
{
	if (line->len + strlen(word) > width && line->len > next_prefix) {
		size_t k = line->len;
		while (k > 0 && line->buf[k - 1] == ' ')
			k--;
		str_add(s, line->buf, k);
		pyc2go_str_lit(s, "\n");
		line->len = 0;
		if (line->buf)
			line->buf[0] = 0;
		for (size_t i = 0; i < next_prefix; i++)
			pyc2go_str_lit(line, " ");
	}
	pyc2go_str_lit(line, word);
}

/* ap_recurse is _formatArray's recurser (arrayPrinter.recurse): appends
 * the block at flat index base on axis to out. */
static void ap_recurse(const aprinter *p, int64_t base, int64_t axis, size_t hanging, size_t width, pyc2go_str *out)
{
	int64_t left = p->ndim - axis;
	if (left == 0) {
		ap_elem(p, base, out);
		return;
	}
	int64_t n = p->shape[axis], st = p->cstr[axis];
	bool sum = p->summary && n > 6;
	int64_t leading = sum ? 3 : 0, trailing = sum ? 3 : n;
	pyc2go_str s = {0};
	for (size_t i = 0; i < hanging; i++)
		pyc2go_str_lit(&s, " ");
	if (left == 1) {
		size_t elem_width = width - 1;
		pyc2go_str str = {0}, line = {0};
		pyc2go_str_lit(&line, pyc2go_str_cstr(&s));
		pyc2go_str w = {0};
		for (int64_t i = 0; i < leading + (sum ? 1 : 0) + (trailing - 1); i++) {
			int64_t idx;
			w.len = 0;
			if (w.buf)
				w.buf[0] = 0;
			if (i < leading) {
				idx = i;
			} else if (sum && i == leading) {
				extend_line(&str, &line, "...", elem_width, hanging);
				pyc2go_str_lit(&line, p->sep);
				continue;
			} else {
				idx = n - (trailing - (i - leading - (sum ? 1 : 0)));
			}
			ap_recurse(p, base + idx * st, axis + 1, hanging + 1, width - 1, &w);
			extend_line(&str, &line, pyc2go_str_cstr(&w), elem_width, hanging);
			pyc2go_str_lit(&line, p->sep);
		}
		w.len = 0;
		if (w.buf)
			w.buf[0] = 0;
		ap_recurse(p, base + (n - 1) * st, axis + 1, hanging + 1, width - 1, &w);
		extend_line(&str, &line, pyc2go_str_cstr(&w), elem_width, hanging);
		pyc2go_str_lit(out, "[");
		/* str + line, without the first hanging indent */
		pyc2go_str all = {0};
		pyc2go_str_lit(&all, pyc2go_str_cstr(&str));
		pyc2go_str_lit(&all, pyc2go_str_cstr(&line));
		pyc2go_str_lit(out, pyc2go_str_cstr(&all) + hanging);
		pyc2go_str_lit(out, "]");
		pyc2go_str_free(&all);
		pyc2go_str_free(&w);
		pyc2go_str_free(&str);
		pyc2go_str_free(&line);
		pyc2go_str_free(&s);
		return;
	}
	/* line_sep: the separator without trailing spaces, then newlines */
	pyc2go_str lsep = {0};
	size_t k = strlen(p->sep);
	while (k > 0 && p->sep[k - 1] == ' ')
		k--;
	str_add(&lsep, p->sep, k);
	for (int64_t i = 0; i < left - 1; i++)
		pyc2go_str_lit(&lsep, "\n");
	pyc2go_str body = {0};
	for (int64_t i = 0; i < leading; i++) {
		pyc2go_str_lit(&body, pyc2go_str_cstr(&s));
		ap_recurse(p, base + i * st, axis + 1, hanging + 1, width - 1, &body);
		pyc2go_str_lit(&body, pyc2go_str_cstr(&lsep));
	}
	if (sum) {
		pyc2go_str_lit(&body, pyc2go_str_cstr(&s));
		pyc2go_str_lit(&body, "...");
		pyc2go_str_lit(&body, pyc2go_str_cstr(&lsep));
	}
	for (int64_t i = trailing; i > 1; i--) {
		pyc2go_str_lit(&body, pyc2go_str_cstr(&s));
		ap_recurse(p, base + (n - i) * st, axis + 1, hanging + 1, width - 1, &body);
		pyc2go_str_lit(&body, pyc2go_str_cstr(&lsep));
	}
	pyc2go_str_lit(&body, pyc2go_str_cstr(&s));
	ap_recurse(p, base + (n - 1) * st, axis + 1, hanging + 1, width - 1, &body);
	pyc2go_str_lit(out, "[");
	pyc2go_str_lit(out, pyc2go_str_cstr(&body) + hanging);
	pyc2go_str_lit(out, "]");
	pyc2go_str_free(&body);
	pyc2go_str_free(&lsep);
	pyc2go_str_free(&s);
}

static const char *dtype_name(int kind, int bits)
{
	switch (kind) {
	case K_BOOL:
		return "bool";
	case K_INT:
		return bits == 8 ? "int8" : bits == 16 ? "int16" : bits == 32 ? "int32" : "int64";
	case K_UINT:
		return bits == 8 ? "uint8" : bits == 16 ? "uint16" : bits == 32 ? "uint32" : "uint64";
	case K_FLOAT:
		return bits == 32 ? "float32" : "float64";
	}
	return bits == 32 ? "complex64" : "complex128";
}

/* ap_print prints the array whose C-order elements p holds. */
static void ap_print(aprinter *p, pyc2go_str *s, bool repr)
{
	int64_t cs = 1;
	for (int64_t k = p->ndim - 1; k >= 0; k--) {
		p->cstr[k] = cs;
		cs *= p->shape[k];
	}
	p->summary = p->n > 1000;
	p->sep = repr ? ", " : " ";
	bool implied = (p->kind == K_BOOL) || (p->kind == K_INT && p->bits == 64) || (p->kind != K_UINT && p->kind != K_INT && p->bits == 64);
	int64_t *shown = malloc(sizeof(int64_t) * (size_t)(p->n > 0 ? p->n : 1));
	int64_t ns = 0;
	if (shown == NULL)
		return;
	if (p->n > 0)
		ap_shown(p, 0, 0, shown, &ns);
	/* formats from the shown elements */
	if (p->kind == K_FLOAT || p->kind == K_COMPLEX) {
		double *v = malloc(sizeof(double) * (size_t)(ns > 0 ? ns : 1));
		if (v == NULL) {
			free(shown);
			return;
		}
		for (int64_t k = 0; k < ns; k++)
			v[k] = p->re[shown[k]];
		ff_init(&p->rf, v, ns, p->bits, false);
		if (p->kind == K_COMPLEX) {
			for (int64_t k = 0; k < ns; k++)
				v[k] = p->im[shown[k]];
			ff_init(&p->imf, v, ns, p->bits, true);
		}
		free(v);
	} else if (p->kind == K_INT || p->kind == K_UINT) {
		char a[32], b[32];
		p->intw = 0;
		if (ns > 0) {
			if (p->kind == K_INT) {
				int64_t mx = p->iv[shown[0]], mn = mx;
				for (int64_t k = 0; k < ns; k++) {
					mx = p->iv[shown[k]] > mx ? p->iv[shown[k]] : mx;
					mn = p->iv[shown[k]] < mn ? p->iv[shown[k]] : mn;
				}
				snprintf(a, sizeof a, "%" PRId64, mx);
				snprintf(b, sizeof b, "%" PRId64, mn);
			} else {
				uint64_t mx = p->uv[shown[0]], mn = mx;
				for (int64_t k = 0; k < ns; k++) {
					mx = p->uv[shown[k]] > mx ? p->uv[shown[k]] : mx;
					mn = p->uv[shown[k]] < mn ? p->uv[shown[k]] : mn;
				}
				snprintf(a, sizeof a, "%" PRIu64, mx);
				snprintf(b, sizeof b, "%" PRIu64, mn);
			}
			p->intw = (int)(strlen(a) > strlen(b) ? strlen(a) : strlen(b));
		}
	}
	free(shown);
	if (!repr) {
		if (p->n == 0)
			pyc2go_str_lit(s, "[]");
		else
			ap_recurse(p, 0, 0, 1, 75, s);
		return;
	}
	bool skip = implied && p->n > 0;
	const char *suffix = skip ? ")" : ",";
	pyc2go_str body = {0};
	pyc2go_str_lit(&body, "array(");
	if (p->n > 0) {
		ap_recurse(p, 0, 0, 7, 75 - strlen(suffix), &body);
	} else if (p->ndim == 1) {
		pyc2go_str_lit(&body, "[]");
	} else {
		char shp[PYC2GO_SHAPEBUF];
		pyc2go_str_lit(&body, "[], shape=");
		pyc2go_str_lit(&body, pyc2go_shape_str(shp, p->ndim, p->shape));
	}
	pyc2go_str_lit(&body, suffix);
	if (!skip) {
		char dt[40];
		snprintf(dt, sizeof dt, "dtype=%s)", dtype_name(p->kind, p->bits));
		const char *b = pyc2go_str_cstr(&body);
		const char *nl = strrchr(b, '\n');
		size_t last = strlen(nl ? nl + 1 : b);
		pyc2go_str_lit(&body, last + strlen(dt) + 1 > 75 ? "\n      " : " ");
		pyc2go_str_lit(&body, dt);
	}
	pyc2go_str_lit(s, pyc2go_str_cstr(&body));
	pyc2go_str_free(&body);
}

/* ap_index walks a's elements in C order, calling the element copy. */
#define PYC2GO_STR_ARRAY_DEF(T, KIND, BITS, COPY)                                           \
	void pyc2go_str_array_##T(pyc2go_str *s, const pyc2go_array_##T *a, bool repr)     \
	{                                                                                   \
		aprinter p;                                                                 \
		memset(&p, 0, sizeof p);                                                    \
		p.kind = KIND;                                                              \
		p.bits = BITS;                                                              \
		p.ndim = a->ndim;                                                           \
		p.n = 1;                                                                    \
		for (int64_t k = 0; k < a->ndim; k++) {                                     \
			p.shape[k] = a->shape[k];                                           \
			p.n *= a->shape[k];                                                 \
		}                                                                           \
		size_t m = (size_t)(p.n > 0 ? p.n : 1);                                     \
		p.re = malloc(m * sizeof(double));                                          \
		p.im = malloc(m * sizeof(double));                                          \
		p.iv = malloc(m * sizeof(int64_t));                                         \
		p.uv = malloc(m * sizeof(uint64_t));                                        \
		p.bv = malloc(m * sizeof(bool));                                            \
		if (p.re && p.im && p.iv && p.uv && p.bv) {                                 \
			int64_t idx[PYC2GO_MAXDIM] = {0};                                   \
			for (int64_t i = 0; i < p.n; i++) {                                 \
				int64_t off = a->offset;                                    \
				for (int64_t k = 0; k < a->ndim; k++)                       \
					off += idx[k] * a->strides[k];                      \
				COPY;                                                       \
				for (int64_t k = a->ndim - 1; k >= 0; k--) {                \
					if (++idx[k] < a->shape[k])                         \
						break;                                      \
					idx[k] = 0;                                         \
				}                                                           \
			}                                                                   \
			ap_print(&p, s, repr);                                              \
		}                                                                           \
		free(p.re);                                                                 \
		free(p.im);                                                                 \
		free(p.iv);                                                                 \
		free(p.uv);                                                                 \
		free(p.bv);                                                                 \
	}

PYC2GO_STR_ARRAY_DEF(bool, K_BOOL, 8, p.bv[i] = a->data[off])
PYC2GO_STR_ARRAY_DEF(int8, K_INT, 8, p.iv[i] = a->data[off])
PYC2GO_STR_ARRAY_DEF(int16, K_INT, 16, p.iv[i] = a->data[off])
PYC2GO_STR_ARRAY_DEF(int32, K_INT, 32, p.iv[i] = a->data[off])
PYC2GO_STR_ARRAY_DEF(int64, K_INT, 64, p.iv[i] = a->data[off])
PYC2GO_STR_ARRAY_DEF(uint8, K_UINT, 8, p.uv[i] = a->data[off])
PYC2GO_STR_ARRAY_DEF(uint16, K_UINT, 16, p.uv[i] = a->data[off])
PYC2GO_STR_ARRAY_DEF(uint32, K_UINT, 32, p.uv[i] = a->data[off])
PYC2GO_STR_ARRAY_DEF(uint64, K_UINT, 64, p.uv[i] = a->data[off])
PYC2GO_STR_ARRAY_DEF(float32, K_FLOAT, 32, p.re[i] = (double)a->data[off])
PYC2GO_STR_ARRAY_DEF(float64, K_FLOAT, 64, p.re[i] = a->data[off])
PYC2GO_STR_ARRAY_DEF(complex64, K_COMPLEX, 32, (p.re[i] = (double)crealf(a->data[off]), p.im[i] = (double)cimagf(a->data[off])))
PYC2GO_STR_ARRAY_DEF(complex128, K_COMPLEX, 64, (p.re[i] = creal(a->data[off]), p.im[i] = cimag(a->data[off])))
