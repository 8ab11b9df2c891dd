/*
 * pyc2go_random.c: numpy 1.24's random streams for the C backend; see
 * pyc2go_random.h. runtime/nprand is the Go twin: each function below
 * names its counterpart there, where the algorithms are explained, and
 * the tests run both against numpy.
 */
#include "pyc2go_random.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pyc2go_ziggurat.h"

/* ---- 64x64 -> 128-bit products ---- */

#if defined(__SIZEOF_INT128__)
__extension__ typedef unsigned __int128 u128;
static inline uint64_t mul64(uint64_t a, uint64_t b, uint64_t *lo)
{
	u128 p = (u128)a * b;
	*lo = (uint64_t)p;
	return (uint64_t)(p >> 64);
}
#else
static inline uint64_t mul64(uint64_t a, uint64_t b, uint64_t *lo)
{
	uint64_t a0 = (uint32_t)a, a1 = a >> 32, b0 = (uint32_t)b, b1 = b >> 32;
	uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
	uint64_t mid = (p00 >> 32) + (uint32_t)p01 + (uint32_t)p10;
	*lo = (mid << 32) | (uint32_t)p00;
	return p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
}
#endif

/* ---- Locks ---- */

static void spin_lock(atomic_flag *f)
{
	while (atomic_flag_test_and_set_explicit(f, memory_order_acquire))
		;
}

static void spin_unlock(atomic_flag *f)
{
	atomic_flag_clear_explicit(f, memory_order_release);
}

static int raise_value(pyc2go_error *err, const char *msg)
{
	pyc2go_raise(err, "ValueError", NULL, 0, NULL, "%s", msg);
	return 1;
}

static int raise_memory(pyc2go_error *err)
{
	pyc2go_raise(err, "MemoryError", NULL, 0, NULL, "%s", "");
	return 1;
}

/* ---- Entropy (nprand.entropyWords) ---- */

/* entropy fills w with 128 bits from /dev/urandom, or, where there is
 * none, from the clock and addresses (not cryptographic, but unseeded
 * use only needs different streams per run). */
static void entropy(uint32_t w[4])
{
	FILE *f = fopen("/dev/urandom", "rb");
	if (f != NULL) {
		size_t got = fread(w, sizeof w[0], 4, f);
		fclose(f);
		if (got == 4)
			return;
	}
	uint64_t t = (uint64_t)time(NULL), c = (uint64_t)clock(), a = (uint64_t)(uintptr_t)&t;
	w[0] = (uint32_t)t;
	w[1] = (uint32_t)(t >> 32) ^ (uint32_t)c;
	w[2] = (uint32_t)a;
	w[3] = (uint32_t)(a >> 32) ^ (uint32_t)(c >> 32);
}

/* ---- SeedSequence (nprand.SeedSequence) ---- */

#define SS_POOL 4

static uint32_t ss_hashmix(uint32_t v, uint32_t *hash_const)
{
	v ^= *hash_const;
	*hash_const *= 0x931e8875u;
	v *= *hash_const;
	return v ^ (v >> 16);
}

static uint32_t ss_mix(uint32_t x, uint32_t y)
{
	uint32_t r = 0xca01f9ddu * x - 0x4973f715u * y;
	return r ^ (r >> 16);
}

static void ss_pool(const uint32_t *entropy_words, int64_t n, uint32_t pool[SS_POOL])
{
	uint32_t hc = 0x43b0d7e5u;
	for (int i = 0; i < SS_POOL; i++)
		pool[i] = ss_hashmix(i < n ? entropy_words[i] : 0, &hc);
	for (int src = 0; src < SS_POOL; src++)
		for (int dst = 0; dst < SS_POOL; dst++)
			if (src != dst)
				pool[dst] = ss_mix(pool[dst], ss_hashmix(pool[src], &hc));
	for (int64_t src = SS_POOL; src < n; src++)
		for (int dst = 0; dst < SS_POOL; dst++)
			pool[dst] = ss_mix(pool[dst], ss_hashmix(entropy_words[src], &hc));
}

static void ss_state32(const uint32_t pool[SS_POOL], uint32_t *out, int n)
{
	uint32_t hc = 0x8b51f9ddu;
	for (int i = 0; i < n; i++) {
		uint32_t v = pool[i % SS_POOL] ^ hc;
		hc *= 0x58f38dedu;
		v *= hc;
		out[i] = v ^ (v >> 16);
	}
}

/* ---- MT19937 (nprand.MT19937) ---- */

#define MT_N 624
#define MT_M 397

static void mt_seed(pyc2go_rs *rs, uint32_t s)
{
	rs->key[0] = s;
	for (int i = 1; i < MT_N; i++) {
		uint32_t prev = rs->key[i - 1];
		rs->key[i] = 1812433253u * (prev ^ (prev >> 30)) + (uint32_t)i;
	}
	rs->pos = MT_N;
}

static void mt_seed_array(pyc2go_rs *rs, const uint32_t *key, int64_t len)
{
	uint32_t *mt = rs->key;
	mt_seed(rs, 19650218u);
	int64_t i = 1, j = 0;
	for (int64_t k = len > MT_N ? len : MT_N; k > 0; k--) {
		uint32_t prev = mt[i - 1];
		mt[i] = (mt[i] ^ ((prev ^ (prev >> 30)) * 1664525u)) + key[j] + (uint32_t)j;
		i++;
		j++;
		if (i >= MT_N) {
			mt[0] = mt[MT_N - 1];
			i = 1;
		}
		if (j >= len)
			j = 0;
	}
	for (int64_t k = MT_N - 1; k > 0; k--) {
		uint32_t prev = mt[i - 1];
		mt[i] = (mt[i] ^ ((prev ^ (prev >> 30)) * 1566083941u)) - (uint32_t)i;
		i++;
		if (i >= MT_N) {
			mt[0] = mt[MT_N - 1];
			i = 1;
		}
	}
	mt[0] = 0x80000000u;
	rs->pos = MT_N;
}

static inline uint32_t mt_mix(uint32_t a, uint32_t b, uint32_t c)
{
	uint32_t y = (a & 0x80000000u) | (b & 0x7fffffffu);
	return c ^ (y >> 1) ^ ((0u - (y & 1u)) & 0x9908b0dfu);
}

static void mt_twist(pyc2go_rs *rs)
{
	uint32_t *mt = rs->key;
	int k = 0;
	for (; k < MT_N - MT_M; k++)
		mt[k] = mt_mix(mt[k], mt[k + 1], mt[k + MT_M]);
	for (; k < MT_N - 1; k++)
		mt[k] = mt_mix(mt[k], mt[k + 1], mt[k + MT_M - MT_N]);
	mt[MT_N - 1] = mt_mix(mt[MT_N - 1], mt[0], mt[MT_M - 1]);
	rs->pos = 0;
}

static inline uint32_t mt_next32(pyc2go_rs *rs)
{
	if (rs->pos == MT_N)
		mt_twist(rs);
	uint32_t y = rs->key[rs->pos++];
	y ^= y >> 11;
	y ^= (y << 7) & 0x9d2c5680u;
	y ^= (y << 15) & 0xefc60000u;
	return y ^ (y >> 18);
}

static inline uint64_t mt_next64(pyc2go_rs *rs)
{
	uint64_t hi = mt_next32(rs);
	return hi << 32 | mt_next32(rs);
}

static inline double mt_double(pyc2go_rs *rs)
{
	int32_t a = (int32_t)(mt_next32(rs) >> 5), b = (int32_t)(mt_next32(rs) >> 6);
	return (a * 67108864.0 + b) / 9007199254740992.0;
}

/* ---- PCG64 (nprand.PCG64) ---- */

#define PCG_MULT_HI 2549297995355413924ULL
#define PCG_MULT_LO 4865540595714422341ULL

static inline void pcg_step(pyc2go_rng *g)
{
	uint64_t lo;
	uint64_t hi = mul64(g->state_lo, PCG_MULT_LO, &lo);
	hi += g->state_hi * PCG_MULT_LO + g->state_lo * PCG_MULT_HI;
	uint64_t nlo = lo + g->inc_lo;
	g->state_hi = hi + g->inc_hi + (nlo < lo);
	g->state_lo = nlo;
}

static void pcg_seed(pyc2go_rng *g, uint64_t st_hi, uint64_t st_lo, uint64_t seq_hi, uint64_t seq_lo)
{
	g->state_hi = g->state_lo = 0;
	g->inc_hi = seq_hi << 1 | seq_lo >> 63;
	g->inc_lo = seq_lo << 1 | 1u;
	pcg_step(g);
	uint64_t lo = g->state_lo + st_lo;
	g->state_hi = g->state_hi + st_hi + (lo < st_lo);
	g->state_lo = lo;
	pcg_step(g);
	g->has_uint32 = 0;
	g->uinteger = 0;
}

static inline uint64_t pcg_next64(pyc2go_rng *g)
{
	pcg_step(g);
	uint64_t v = g->state_hi ^ g->state_lo;
	unsigned rot = (unsigned)(g->state_hi >> 58);
	return (v >> rot) | (v << ((64u - rot) & 63u));
}

static inline uint32_t pcg_next32(pyc2go_rng *g)
{
	if (g->has_uint32) {
		g->has_uint32 = 0;
		return g->uinteger;
	}
	uint64_t v = pcg_next64(g);
	g->has_uint32 = 1;
	g->uinteger = (uint32_t)(v >> 32);
	return (uint32_t)v;
}

static inline double pcg_double(pyc2go_rng *g)
{
	return (double)(pcg_next64(g) >> 11) * (1.0 / 9007199254740992.0);
}

static inline float pcg_float(pyc2go_rng *g)
{
	return (float)(pcg_next32(g) >> 8) * (1.0f / 16777216.0f);
}

/* A bit source for the algorithms both generators share. */
typedef struct {
	pyc2go_rs *mt;
	pyc2go_rng *pcg;
} source;

static inline uint32_t src32(source s)
{
	return s.mt != NULL ? mt_next32(s.mt) : pcg_next32(s.pcg);
}

static inline uint64_t src64(source s)
{
	return s.mt != NULL ? mt_next64(s.mt) : pcg_next64(s.pcg);
}

/* ---- Bounded integers (nprand/bounded.go) ---- */

static inline uint64_t gen_mask(uint64_t max)
{
	max |= max >> 1;
	max |= max >> 2;
	max |= max >> 4;
	max |= max >> 8;
	max |= max >> 16;
	max |= max >> 32;
	return max;
}

/* buffer cuts 32-bit words into w-bit pieces, low piece first; it lives
 * for one fill call. */
typedef struct {
	uint32_t buf;
	int cnt;
} buffer;

static inline uint64_t buf_next(buffer *b, source s, int w)
{
	if (b->cnt == 0) {
		b->buf = src32(s);
		b->cnt = 32 / w - 1;
	} else {
		b->buf >>= w;
		b->cnt--;
	}
	return b->buf & ((1u << w) - 1u);
}

static inline uint64_t buf_word(buffer *b, source s, int w)
{
	if (w == 64)
		return src64(s);
	if (w == 32)
		return src32(s);
	return buf_next(b, s, w);
}

/* buf_bounded is a value in [0, rng] from w-bit words, 0 < rng < 2**w - 1. */
static uint64_t buf_bounded(buffer *b, source s, int w, uint64_t rng, bool masked)
{
	if (masked) {
		uint64_t mask = gen_mask(rng), v;
		while ((v = buf_word(b, s, w) & mask) > rng)
			;
		return v;
	}
	uint64_t excl = rng + 1;
	if (w == 64) {
		uint64_t lo, hi = mul64(src64(s), excl, &lo);
		if (lo < excl) {
			uint64_t threshold = (UINT64_MAX - rng) % excl;
			while (lo < threshold)
				hi = mul64(src64(s), excl, &lo);
		}
		return hi;
	}
	uint64_t wmask = ((uint64_t)1 << w) - 1, m = buf_word(b, s, w) * excl;
	if ((m & wmask) < excl) {
		uint64_t threshold = (wmask - rng) % excl;
		while ((m & wmask) < threshold)
			m = buf_word(b, s, w) * excl;
	}
	return m >> w;
}

/* buf_value is one draw of numpy's random_bounded_uintW_fill in [0, rng]. */
static uint64_t buf_value(buffer *b, source s, int w, uint64_t rng, bool masked)
{
	uint64_t wmask = UINT64_MAX >> (64 - w);
	if (rng == 0)
		return 0;
	if (rng == wmask)
		return buf_word(b, s, w);
	if (w == 64 && rng <= 0xFFFFFFFFu)
		return buf_value(b, s, 32, rng, masked);
	return buf_bounded(b, s, w, rng, masked);
}

static inline bool bound_less(pyc2go_bound a, pyc2go_bound b)
{
	return a.hi < b.hi || (a.hi == b.hi && a.lo < b.lo);
}

static inline pyc2go_bound bound_minus1(pyc2go_bound b)
{
	pyc2go_bound r = {b.hi - (b.lo == 0), b.lo - 1};
	return r;
}

/* check_range is nprand.checkRange: numpy's bounds checks and messages. */
static int check_range(pyc2go_bound low, pyc2go_bound high, bool endpoint, pyc2go_bound min, pyc2go_bound max,
		       const char *name, pyc2go_error *err)
{
	if (!endpoint)
		high = bound_minus1(high);
	if (bound_less(low, min)) {
		pyc2go_raise(err, "ValueError", NULL, 0, NULL, "low is out of bounds for %s", name);
		return 1;
	}
	if (bound_less(max, high)) {
		pyc2go_raise(err, "ValueError", NULL, 0, NULL, "high is out of bounds for %s", name);
		return 1;
	}
	if (bound_less(high, low)) {
		if (low.hi == 0 && low.lo == 0)
			return raise_value(err, endpoint ? "high < 0" : "high <= 0");
		return raise_value(err, endpoint ? "low > high" : "low >= high");
	}
	return 0;
}

static void rs_lock(pyc2go_rs *rs);
static void rs_unlock(pyc2go_rs *rs)
{
	spin_unlock(&rs->lock);
}
static void rng_lock(pyc2go_rng *g)
{
	spin_lock(&g->lock);
}
static void rng_unlock(pyc2go_rng *g)
{
	spin_unlock(&g->lock);
}

/* fill_ints draws n values in [low, high] (already checked) of width w. */
#define FILL_INTS(N, T, W)                                                                         \
	static void fill_##N(source s, T *out, int64_t n, pyc2go_bound low, pyc2go_bound high, bool masked) \
	{                                                                                          \
		uint64_t wmask = UINT64_MAX >> (64 - W), off = low.lo;                             \
		uint64_t rng = (high.lo - low.lo) & wmask;                                         \
		buffer b = {0, 0};                                                                 \
		for (int64_t i = 0; i < n; i++)                                                    \
			out[i] = (T)(off + buf_value(&b, s, W, rng, masked));                      \
	}
FILL_INTS(int8, int8_t, 8)
FILL_INTS(int16, int16_t, 16)
FILL_INTS(int32, int32_t, 32)
FILL_INTS(int64, int64_t, 64)
FILL_INTS(uint8, uint8_t, 8)
FILL_INTS(uint16, uint16_t, 16)
FILL_INTS(uint32, uint32_t, 32)
FILL_INTS(uint64, uint64_t, 64)
#undef FILL_INTS

/* fill_bool is numpy's random_bounded_bool_fill: one bit per value. */
static void fill_bool(source s, bool *out, int64_t n, pyc2go_bound low, pyc2go_bound high, bool masked)
{
	(void)masked;
	buffer b = {0, 0};
	for (int64_t i = 0; i < n; i++)
		out[i] = low.lo == high.lo ? low.lo != 0 : buf_next(&b, s, 1) != 0;
}

#define INTS(N, T, MIN, MAX)                                                                                     \
	int pyc2go_rs_randint_##N(pyc2go_rs *rs, T *out, int64_t n, pyc2go_bound low, pyc2go_bound high,      \
				  pyc2go_error *err)                                                          \
	{                                                                                                        \
		if (n <= 0)                                                                                      \
			return 0;                                                                                \
		if (check_range(low, high, false, MIN, MAX, #N, err))                                            \
			return 1;                                                                                \
		rs_lock(rs);                                                                                     \
		fill_##N((source){rs, NULL}, out, n, low, bound_minus1(high), true);                             \
		rs_unlock(rs);                                                                                   \
		return 0;                                                                                        \
	}                                                                                                        \
	int pyc2go_rng_integers_##N(pyc2go_rng *g, T *out, int64_t n, pyc2go_bound low, pyc2go_bound high,    \
				    bool endpoint, pyc2go_error *err)                                           \
	{                                                                                                        \
		if (n <= 0)                                                                                      \
			return 0;                                                                                \
		if (check_range(low, high, endpoint, MIN, MAX, #N, err))                                         \
			return 1;                                                                                \
		rng_lock(g);                                                                                     \
		fill_##N((source){NULL, g}, out, n, low, endpoint ? high : bound_minus1(high), false);          \
		rng_unlock(g);                                                                                   \
		return 0;                                                                                        \
	}
INTS(int8, int8_t, pyc2go_bound_i64(INT8_MIN), pyc2go_bound_i64(INT8_MAX))
INTS(int16, int16_t, pyc2go_bound_i64(INT16_MIN), pyc2go_bound_i64(INT16_MAX))
INTS(int32, int32_t, pyc2go_bound_i64(INT32_MIN), pyc2go_bound_i64(INT32_MAX))
INTS(int64, int64_t, pyc2go_bound_i64(INT64_MIN), pyc2go_bound_i64(INT64_MAX))
INTS(uint8, uint8_t, pyc2go_bound_u64(0), pyc2go_bound_u64(UINT8_MAX))
INTS(uint16, uint16_t, pyc2go_bound_u64(0), pyc2go_bound_u64(UINT16_MAX))
INTS(uint32, uint32_t, pyc2go_bound_u64(0), pyc2go_bound_u64(UINT32_MAX))
INTS(uint64, uint64_t, pyc2go_bound_u64(0), pyc2go_bound_u64(UINT64_MAX))
INTS(bool, bool, pyc2go_bound_u64(0), pyc2go_bound_u64(1))
#undef INTS

/* interval is numpy's random_interval (nprand.interval). */
static uint64_t interval(source s, uint64_t max)
{
	if (max == 0)
		return 0;
	uint64_t mask = gen_mask(max), v;
	if (max <= 0xFFFFFFFFu) {
		while ((v = (src32(s) & mask)) > max)
			;
	} else {
		while ((v = (src64(s) & mask)) > max)
			;
	}
	return v;
}

/* shuffle_rows is nprand.shuffleRows: Fisher-Yates along axis 0. */
static void shuffle_rows(source s, char *data, size_t elsize, int64_t offset, int64_t ndim, const int64_t *shape,
			 const int64_t *strides)
{
	int64_t n = shape[0], rowlen = 1;
	for (int64_t k = 0; k < ndim; k++)
		rowlen *= shape[k];
	if (rowlen == 0)
		return; /* numpy draws nothing for an empty array */
	rowlen /= n;
	unsigned char tmp[16];
	for (int64_t i = n - 1; i >= 1; i--) {
		int64_t j = (int64_t)interval(s, (uint64_t)i);
		int64_t idx[PYC2GO_MAXDIM] = {0};
		for (int64_t e = 0; e < rowlen; e++) {
			int64_t o = 0;
			for (int64_t k = 1; k < ndim; k++)
				o += idx[k] * strides[k];
			char *pi = data + (size_t)(offset + i * strides[0] + o) * elsize;
			char *pj = data + (size_t)(offset + j * strides[0] + o) * elsize;
			memcpy(tmp, pi, elsize);
			memcpy(pi, pj, elsize);
			memcpy(pj, tmp, elsize);
			for (int64_t k = ndim - 1; k >= 1; k--) {
				if (++idx[k] < shape[k])
					break;
				idx[k] = 0;
			}
		}
	}
}

/* ---- Legacy RandomState (nprand/legacy.go) ---- */

static pyc2go_rs global_rs = {.lock = ATOMIC_FLAG_INIT};

pyc2go_rs *pyc2go_rs_global(void)
{
	return &global_rs;
}

static void rs_reset(pyc2go_rs *rs)
{
	rs->has_gauss = 0;
	rs->gauss = 0;
	rs->ready = 1;
}

static void rs_seed_entropy_locked(pyc2go_rs *rs)
{
	uint32_t w[4], pool[SS_POOL];
	entropy(w);
	ss_pool(w, 4, pool);
	ss_state32(pool, rs->key, MT_N);
	rs->key[0] = 0x80000000u;
	rs->pos = MT_N;
	rs_reset(rs);
}

static void rs_lock(pyc2go_rs *rs)
{
	spin_lock(&rs->lock);
	if (!rs->ready)
		rs_seed_entropy_locked(rs);
}

int pyc2go_rs_seed(pyc2go_rs *rs, int64_t seed, pyc2go_error *err)
{
	if (seed < 0 || seed > (int64_t)UINT32_MAX)
		return raise_value(err, "Seed must be between 0 and 2**32 - 1");
	spin_lock(&rs->lock);
	mt_seed(rs, (uint32_t)seed);
	rs_reset(rs);
	rs_unlock(rs);
	return 0;
}

int pyc2go_rs_seed_array(pyc2go_rs *rs, const int64_t *seeds, int64_t n, pyc2go_error *err)
{
	if (n <= 0)
		return raise_value(err, "Seed must be non-empty");
	uint32_t *key = malloc((size_t)n * sizeof *key);
	if (key == NULL)
		return raise_memory(err);
	for (int64_t i = 0; i < n; i++) {
		if (seeds[i] < 0 || seeds[i] > (int64_t)UINT32_MAX) {
			free(key);
			return raise_value(err, "Seed must be between 0 and 2**32 - 1");
		}
		key[i] = (uint32_t)seeds[i];
	}
	spin_lock(&rs->lock);
	mt_seed_array(rs, key, n);
	rs_reset(rs);
	rs_unlock(rs);
	free(key);
	return 0;
}

void pyc2go_rs_seed_entropy(pyc2go_rs *rs)
{
	spin_lock(&rs->lock);
	rs_seed_entropy_locked(rs);
	rs_unlock(rs);
}

void pyc2go_rs_random_sample(pyc2go_rs *rs, double *out, int64_t n)
{
	rs_lock(rs);
	for (int64_t i = 0; i < n; i++)
		out[i] = mt_double(rs);
	rs_unlock(rs);
}

/* rs_gauss is numpy's legacy_gauss: polar Box-Muller, second value kept. */
static double rs_gauss(pyc2go_rs *rs)
{
	if (rs->has_gauss) {
		double g = rs->gauss;
		rs->has_gauss = 0;
		rs->gauss = 0;
		return g;
	}
	double x1, x2, r2;
	do {
		x1 = 2.0 * mt_double(rs) - 1.0;
		x2 = 2.0 * mt_double(rs) - 1.0;
		r2 = x1 * x1 + x2 * x2;
	} while (r2 >= 1.0 || r2 == 0.0);
	double f = sqrt(-2.0 * log(r2) / r2);
	rs->gauss = f * x1;
	rs->has_gauss = 1;
	return f * x2;
}

void pyc2go_rs_standard_normal(pyc2go_rs *rs, double *out, int64_t n)
{
	rs_lock(rs);
	for (int64_t i = 0; i < n; i++)
		out[i] = rs_gauss(rs);
	rs_unlock(rs);
}

/* check_scale is numpy's CONS_NON_NEGATIVE (-0.0 fails, NaN passes). */
static int check_scale(double v, const char *name, pyc2go_error *err)
{
	if (!isnan(v) && signbit(v)) {
		pyc2go_raise(err, "ValueError", NULL, 0, NULL, "%s < 0", name);
		return 1;
	}
	return 0;
}

int pyc2go_rs_normal(pyc2go_rs *rs, double *out, int64_t n, double loc, double scale, pyc2go_error *err)
{
	if (check_scale(scale, "scale", err))
		return 1;
	rs_lock(rs);
	for (int64_t i = 0; i < n; i++)
		out[i] = loc + scale * rs_gauss(rs);
	rs_unlock(rs);
	return 0;
}

int pyc2go_rs_uniform(pyc2go_rs *rs, double *out, int64_t n, double low, double high, pyc2go_error *err)
{
	double rng = high - low;
	if (!isfinite(rng)) {
		pyc2go_raise(err, "OverflowError", NULL, 0, NULL, "%s", "Range exceeds valid bounds");
		return 1;
	}
	rs_lock(rs);
	for (int64_t i = 0; i < n; i++)
		out[i] = low + rng * mt_double(rs);
	rs_unlock(rs);
	return 0;
}

void pyc2go_rs_standard_exponential(pyc2go_rs *rs, double *out, int64_t n)
{
	rs_lock(rs);
	for (int64_t i = 0; i < n; i++)
		out[i] = -log(1.0 - mt_double(rs));
	rs_unlock(rs);
}

int pyc2go_rs_exponential(pyc2go_rs *rs, double *out, int64_t n, double scale, pyc2go_error *err)
{
	if (check_scale(scale, "scale", err))
		return 1;
	rs_lock(rs);
	for (int64_t i = 0; i < n; i++)
		out[i] = scale * -log(1.0 - mt_double(rs));
	rs_unlock(rs);
	return 0;
}

void pyc2go_rs_permutation(pyc2go_rs *rs, int64_t *out, int64_t n)
{
	for (int64_t i = 0; i < n; i++)
		out[i] = i;
	int64_t shape[1] = {n}, strides[1] = {1};
	pyc2go_rs_shuffle(rs, out, sizeof *out, 0, 1, shape, strides);
}

void pyc2go_rs_shuffle(pyc2go_rs *rs, void *data, size_t elsize, int64_t offset, int64_t ndim, const int64_t *shape,
		       const int64_t *strides)
{
	rs_lock(rs);
	shuffle_rows((source){rs, NULL}, data, elsize, offset, ndim, shape, strides);
	rs_unlock(rs);
}

/* ---- choice (nprand/choice.go) ---- */

typedef struct {
	const char *pop_size, *empty, *p_size, *larger;
} choice_msgs;

static const choice_msgs legacy_msgs = {
	"a must be greater than 0 unless no samples are taken",
	"'a' cannot be empty unless no samples are taken",
	"'a' and 'p' must have same size",
	"Cannot take a larger sample than population when 'replace=False'",
};

static const choice_msgs generator_msgs = {
	"a must be a positive integer unless no samples are taken",
	"a cannot be empty unless no samples are taken",
	"a and p must have same size",
	"Cannot take a larger sample than population when replace is False",
};

/* kahan_sum is numpy's compensated sum of p. */
static double kahan_sum(const double *a, int64_t n)
{
	if (n <= 0)
		return 0;
	double sum = a[0], c = 0;
	for (int64_t i = 1; i < n; i++) {
		double y = a[i] - c, t = sum + y;
		c = (t - sum) - y;
		sum = t;
	}
	return sum;
}

static int choice_check(const pyc2go_choice *c, int64_t n, const choice_msgs *m, pyc2go_error *err)
{
	if (c->pop <= 0 && n != 0)
		return raise_value(err, c->a_is_int ? m->pop_size : m->empty);
	if (c->p != NULL) {
		if (c->p_len != c->pop)
			return raise_value(err, m->p_size);
		double atol = sqrt(0x1p-52);
		if (c->p32 && atol < sqrt((double)0x1p-23f))
			atol = sqrt((double)0x1p-23f);
		double sum = kahan_sum(c->p, c->pop);
		if (isnan(sum))
			return raise_value(err, "probabilities contain NaN");
		for (int64_t i = 0; i < c->pop; i++)
			if (c->p[i] < 0)
				return raise_value(err, "probabilities are not non-negative");
		if (fabs(sum - 1) > atol)
			return raise_value(err, "probabilities do not sum to 1");
	}
	if (!c->replace) {
		if (n > c->pop)
			return raise_value(err, m->larger);
		if (c->p != NULL) {
			int64_t nonzero = 0;
			for (int64_t i = 0; i < c->pop; i++)
				nonzero += c->p[i] > 0;
			if (nonzero < n)
				return raise_value(err, "Fewer non-zero entries in p than size");
		}
	}
	return 0;
}

/* cdf writes numpy's p.cumsum() / cdf[-1]. */
static void cdf(const double *p, int64_t n, double *c)
{
	double s = 0;
	for (int64_t i = 0; i < n; i++) {
		s += p[i];
		c[i] = s;
	}
	double last = c[n - 1];
	for (int64_t i = 0; i < n; i++)
		c[i] /= last;
}

/* search_right is cdf.searchsorted(u, side='right'). */
static int64_t search_right(const double *c, int64_t n, double u)
{
	int64_t lo = 0, hi = n;
	while (lo < hi) {
		int64_t mid = lo + (hi - lo) / 2;
		if (c[mid] > u)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* uniforms draws n doubles from either generator (each call locks). */
typedef void (*uniforms_fn)(void *state, double *out, int64_t n);
static void rs_uniforms(void *s, double *out, int64_t n)
{
	pyc2go_rs_random_sample(s, out, n);
}
static void rng_uniforms(void *s, double *out, int64_t n)
{
	pyc2go_rng_random(s, out, n);
}

/* choice_p samples with probabilities p: with replacement each uniform
 * maps through the cdf; without, numpy's rounds of drawing as many
 * uniforms as values are missing, zeroing p at the values found, and
 * keeping each new value at its first occurrence. */
static int choice_p(uniforms_fn draw, void *state, int64_t *out, int64_t n, const pyc2go_choice *c,
		    pyc2go_error *err)
{
	int64_t pop = c->pop;
	double *p = malloc((size_t)pop * sizeof *p), *cd = malloc((size_t)pop * sizeof *cd);
	double *u = malloc((size_t)(n > 0 ? n : 1) * sizeof *u);
	unsigned char *seen = calloc((size_t)pop, 1);
	if (p == NULL || cd == NULL || u == NULL || seen == NULL) {
		free(p), free(cd), free(u), free(seen);
		return raise_memory(err);
	}
	memcpy(p, c->p, (size_t)pop * sizeof *p);
	if (c->replace) {
		draw(state, u, n);
		cdf(p, pop, cd);
		for (int64_t i = 0; i < n; i++)
			out[i] = search_right(cd, pop, u[i]);
	} else {
		int64_t found = 0;
		while (found < n) {
			draw(state, u, n - found);
			for (int64_t i = 0; i < found; i++)
				p[out[i]] = 0;
			cdf(p, pop, cd);
			for (int64_t i = 0, m = n - found; i < m; i++) {
				int64_t v = search_right(cd, pop, u[i]);
				if (!seen[v]) {
					seen[v] = 1;
					out[found++] = v;
				}
			}
		}
	}
	free(p), free(cd), free(u), free(seen);
	return 0;
}

int pyc2go_rs_choice(pyc2go_rs *rs, int64_t *out, int64_t n, const pyc2go_choice *c, pyc2go_error *err)
{
	if (choice_check(c, n, &legacy_msgs, err))
		return 1;
	if (c->p == NULL && c->replace)
		return pyc2go_rs_randint_int64(rs, out, n, pyc2go_bound_i64(0), pyc2go_bound_i64(c->pop), err);
	if (c->p != NULL)
		return n > 0 || c->replace ? choice_p(rs_uniforms, rs, out, n, c, err) : 0;
	/* numpy shuffles all of range(pop) and keeps the head. */
	int64_t *perm = malloc((size_t)(c->pop > 0 ? c->pop : 1) * sizeof *perm);
	if (perm == NULL)
		return raise_memory(err);
	pyc2go_rs_permutation(rs, perm, c->pop);
	memcpy(out, perm, (size_t)n * sizeof *out);
	free(perm);
	return 0;
}

/* ---- Ziggurat (nprand/ziggurat.go) ---- */

#define ZIG_NOR_R 3.6541528853610087963519472518
#define ZIG_NOR_INV_R 0.27366123732975827203338247596
#define ZIG_EXP_R 7.6971174701310497140446280481
/* numpy's float constants are float literals (rounded once to float). */
#define ZIG_NOR_R_F 3.6541528853610087963519472518f
#define ZIG_NOR_INV_R_F 0.27366123732975827203338247596f
#define ZIG_EXP_R_F 7.6971174701310497140446280481f

static double zig_normal(pyc2go_rng *g)
{
	for (;;) {
		uint64_t r = pcg_next64(g);
		int idx = (int)(r & 0xff);
		r >>= 8;
		int sign = (int)(r & 1);
		uint64_t rabs = (r >> 1) & 0x000fffffffffffffULL;
		double x = (double)rabs * pyc2go_zig_nor_w64[idx];
		if (sign)
			x = -x;
		if (rabs < pyc2go_zig_nor_k64[idx])
			return x;
		if (idx == 0) {
			for (;;) {
				double xx = -ZIG_NOR_INV_R * log1p(-pcg_double(g));
				double yy = -log1p(-pcg_double(g));
				if (yy + yy > xx * xx)
					return ((rabs >> 8) & 1) ? -(ZIG_NOR_R + xx) : ZIG_NOR_R + xx;
			}
		}
		if ((pyc2go_zig_nor_f64[idx - 1] - pyc2go_zig_nor_f64[idx]) * pcg_double(g) + pyc2go_zig_nor_f64[idx] <
		    exp(-0.5 * x * x))
			return x;
	}
}

static float zig_normal32(pyc2go_rng *g)
{
	for (;;) {
		uint32_t r = pcg_next32(g);
		int idx = (int)(r & 0xff);
		int sign = (int)((r >> 8) & 1);
		uint32_t rabs = (r >> 9) & 0x007fffffu;
		float x = (float)rabs * pyc2go_zig_nor_w32[idx];
		if (sign)
			x = -x;
		if (rabs < pyc2go_zig_nor_k32[idx])
			return x;
		if (idx == 0) {
			for (;;) {
				float xx = -ZIG_NOR_INV_R_F * log1pf(-pcg_float(g));
				float yy = -log1pf(-pcg_float(g));
				if (yy + yy > xx * xx)
					return ((rabs >> 8) & 1) ? -(ZIG_NOR_R_F + xx) : ZIG_NOR_R_F + xx;
			}
		}
		if ((pyc2go_zig_nor_f32[idx - 1] - pyc2go_zig_nor_f32[idx]) * pcg_float(g) + pyc2go_zig_nor_f32[idx] <
		    exp(-0.5 * (double)x * (double)x))
			return x;
	}
}

static double zig_exponential(pyc2go_rng *g)
{
	for (;;) {
		uint64_t ri = pcg_next64(g) >> 3;
		int idx = (int)(ri & 0xff);
		ri >>= 8;
		double x = (double)ri * pyc2go_zig_exp_w64[idx];
		if (ri < pyc2go_zig_exp_k64[idx])
			return x;
		if (idx == 0)
			return ZIG_EXP_R - log1p(-pcg_double(g));
		if ((pyc2go_zig_exp_f64[idx - 1] - pyc2go_zig_exp_f64[idx]) * pcg_double(g) + pyc2go_zig_exp_f64[idx] <
		    exp(-x))
			return x;
	}
}

static float zig_exponential32(pyc2go_rng *g)
{
	for (;;) {
		uint32_t ri = pcg_next32(g) >> 1;
		int idx = (int)(ri & 0xff);
		ri >>= 8;
		float x = (float)ri * pyc2go_zig_exp_w32[idx];
		if (ri < pyc2go_zig_exp_k32[idx])
			return x;
		if (idx == 0)
			return ZIG_EXP_R_F - log1pf(-pcg_float(g));
		if ((pyc2go_zig_exp_f32[idx - 1] - pyc2go_zig_exp_f32[idx]) * pcg_float(g) + pyc2go_zig_exp_f32[idx] <
		    expf(-x))
			return x;
	}
}

/* ---- Generator (nprand/generator.go) ---- */

void pyc2go_rng_seed_words(pyc2go_rng *g, const uint32_t *words, int64_t n)
{
	uint32_t pool[SS_POOL], w[8];
	ss_pool(words, n, pool);
	ss_state32(pool, w, 8);
	uint64_t st[4];
	for (int i = 0; i < 4; i++)
		st[i] = (uint64_t)w[2 * i] | (uint64_t)w[2 * i + 1] << 32;
	atomic_flag_clear(&g->lock);
	pcg_seed(g, st[0], st[1], st[2], st[3]);
}

/* int_words appends the little-endian 32-bit words of v (0 is one word). */
static int64_t int_words(uint64_t v, uint32_t *w)
{
	int64_t n = 0;
	do {
		w[n++] = (uint32_t)v;
		v >>= 32;
	} while (v != 0);
	return n;
}

int pyc2go_rng_seed(pyc2go_rng *g, int64_t seed, pyc2go_error *err)
{
	if (seed < 0)
		return raise_value(err, "expected non-negative integer");
	uint32_t w[2];
	pyc2go_rng_seed_words(g, w, int_words((uint64_t)seed, w));
	return 0;
}

int pyc2go_rng_seed_seq(pyc2go_rng *g, const int64_t *seeds, int64_t n, pyc2go_error *err)
{
	uint32_t *w = malloc((size_t)(2 * n + 1) * sizeof *w);
	if (w == NULL)
		return raise_memory(err);
	int64_t m = 0;
	for (int64_t i = 0; i < n; i++) {
		if (seeds[i] < 0) {
			free(w);
			return raise_value(err, "expected non-negative integer");
		}
		m += int_words((uint64_t)seeds[i], w + m);
	}
	pyc2go_rng_seed_words(g, w, m);
	free(w);
	return 0;
}

void pyc2go_rng_seed_entropy(pyc2go_rng *g)
{
	uint32_t w[4];
	entropy(w);
	pyc2go_rng_seed_words(g, w, 4);
}

#define RNG_FILL(NAME, T, EXPR)                                    \
	void pyc2go_rng_##NAME(pyc2go_rng *g, T *out, int64_t n) \
	{                                                          \
		rng_lock(g);                                       \
		for (int64_t i = 0; i < n; i++)                    \
			out[i] = EXPR;                             \
		rng_unlock(g);                                     \
	}
RNG_FILL(random, double, pcg_double(g))
RNG_FILL(random32, float, pcg_float(g))
RNG_FILL(standard_normal, double, zig_normal(g))
RNG_FILL(standard_normal32, float, zig_normal32(g))
RNG_FILL(standard_exponential, double, zig_exponential(g))
RNG_FILL(standard_exponential32, float, zig_exponential32(g))
#undef RNG_FILL

int pyc2go_rng_normal(pyc2go_rng *g, double *out, int64_t n, double loc, double scale, pyc2go_error *err)
{
	if (check_scale(scale, "scale", err))
		return 1;
	rng_lock(g);
	for (int64_t i = 0; i < n; i++)
		out[i] = loc + scale * zig_normal(g);
	rng_unlock(g);
	return 0;
}

int pyc2go_rng_uniform(pyc2go_rng *g, double *out, int64_t n, double low, double high, pyc2go_error *err)
{
	double rng = high - low;
	if (!isfinite(rng)) {
		pyc2go_raise(err, "OverflowError", NULL, 0, NULL, "%s", "high - low range exceeds valid bounds");
		return 1;
	}
	if (check_scale(rng, "high - low", err))
		return 1;
	rng_lock(g);
	for (int64_t i = 0; i < n; i++)
		out[i] = low + rng * pcg_double(g);
	rng_unlock(g);
	return 0;
}

int pyc2go_rng_exponential(pyc2go_rng *g, double *out, int64_t n, double scale, pyc2go_error *err)
{
	if (check_scale(scale, "scale", err))
		return 1;
	rng_lock(g);
	for (int64_t i = 0; i < n; i++)
		out[i] = scale * zig_exponential(g);
	rng_unlock(g);
	return 0;
}

void pyc2go_rng_shuffle(pyc2go_rng *g, void *data, size_t elsize, int64_t offset, int64_t ndim, const int64_t *shape,
			const int64_t *strides)
{
	rng_lock(g);
	shuffle_rows((source){NULL, g}, data, elsize, offset, ndim, shape, strides);
	rng_unlock(g);
}

void pyc2go_rng_permutation(pyc2go_rng *g, int64_t *out, int64_t n)
{
	for (int64_t i = 0; i < n; i++)
		out[i] = i;
	int64_t shape[1] = {n}, strides[1] = {1};
	pyc2go_rng_shuffle(g, out, sizeof *out, 0, 1, shape, strides);
}

/* lemire_index is random_bounded_uint64(0, max) by Lemire's method. */
static int64_t lemire_index(pyc2go_rng *g, int64_t max)
{
	buffer b = {0, 0};
	return (int64_t)buf_value(&b, (source){NULL, g}, 64, (uint64_t)max, false);
}

/* shuffle_int is numpy's _shuffle_int over data[first:n]. */
static void shuffle_int(pyc2go_rng *g, int64_t *data, int64_t n, int64_t first)
{
	for (int64_t i = n - 1; i >= first; i--) {
		int64_t j = lemire_index(g, i), t = data[i];
		data[i] = data[j];
		data[j] = t;
	}
}

/* sample_without_replacement is nprand's: a tail shuffle of range(pop)
 * for a large share of a large population, else Floyd's algorithm (with
 * numpy's open-addressing set) and, with shuffle, a shuffle of the
 * sample. */
static int sample_without_replacement(pyc2go_rng *g, int64_t *out, int64_t size, int64_t pop, bool shuffle,
				      pyc2go_error *err)
{
	int64_t cutoff = shuffle ? 50 : 20;
	if (pop > 10000 && size > pop / cutoff) {
		int64_t *idx = malloc((size_t)pop * sizeof *idx);
		if (idx == NULL)
			return raise_memory(err);
		for (int64_t i = 0; i < pop; i++)
			idx[i] = i;
		shuffle_int(g, idx, pop, pop - size > 1 ? pop - size : 1);
		memcpy(out, idx + (pop - size), (size_t)size * sizeof *out);
		free(idx);
		return 0;
	}
	uint64_t mask = gen_mask((uint64_t)(1.2 * (double)size)), set_size = mask + 1;
	uint64_t *set = malloc((size_t)set_size * sizeof *set);
	if (set == NULL)
		return raise_memory(err);
	memset(set, 0xff, (size_t)set_size * sizeof *set);
	for (int64_t j = pop - size; j < pop; j++) {
		uint64_t val = (uint64_t)lemire_index(g, j), loc = val & mask;
		while (set[loc] != UINT64_MAX && set[loc] != val)
			loc = (loc + 1) & mask;
		if (set[loc] == UINT64_MAX) {
			set[loc] = val;
			out[j - pop + size] = (int64_t)val;
		} else {
			loc = (uint64_t)j & mask;
			while (set[loc] != UINT64_MAX)
				loc = (loc + 1) & mask;
			set[loc] = (uint64_t)j;
			out[j - pop + size] = j;
		}
	}
	free(set);
	if (shuffle)
		shuffle_int(g, out, size, 1);
	return 0;
}

int pyc2go_rng_choice(pyc2go_rng *g, int64_t *out, int64_t n, const pyc2go_choice *c, bool shuffle,
		      pyc2go_error *err)
{
	if (choice_check(c, n, &generator_msgs, err))
		return 1;
	if (c->p == NULL && c->replace)
		return pyc2go_rng_integers_int64(g, out, n, pyc2go_bound_i64(0), pyc2go_bound_i64(c->pop), false, err);
	if (c->p != NULL)
		return n > 0 || c->replace ? choice_p(rng_uniforms, g, out, n, c, err) : 0;
	rng_lock(g);
	int r = sample_without_replacement(g, out, n, c->pop, shuffle, err);
	rng_unlock(g);
	return r;
}
