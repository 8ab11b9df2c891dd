/*
 * pyc2go_random.h: numpy 1.24's random number generation for the C
 * backend, bit for bit (runtime/nprand is the Go twin; both are tested
 * against numpy's output). Kernels that use np.random include this
 * header and link pyc2go_random.c:
 *
 *     gcc -std=c11 -O3 -fopenmp kernels.c pyc2go_runtime.c pyc2go_random.c -lm
 *
 * Two generators, as in numpy:
 *
 *   - pyc2go_rs, the legacy RandomState behind np.random.seed,
 *     np.random.rand, ...: MT19937 seeded as numpy seeds it, the polar
 *     Box-Muller normal with its cached second value, bounded integers by
 *     masked rejection. pyc2go_rs_global() is the process-wide state; it
 *     seeds itself from OS entropy on first use unless seeded.
 *   - pyc2go_rng, a Generator (np.random.default_rng(seed)): SeedSequence
 *     and PCG64, ziggurat normals and exponentials, bounded integers by
 *     Lemire's method.
 *
 * Every sampler writes n values to out (size=None is n = 1; a shape is
 * its C-order flattening). Functions that can raise return 0 on success
 * and nonzero with *err set to numpy's exception class and message (no
 * source position: the caller adds it); a sampler that raises has drawn
 * nothing. MemoryError is raised when a temporary cannot be allocated.
 *
 * Thread safety: every call locks its state (a spin lock) for its whole
 * duration, as numpy's lock does, so OpenMP threads may share a state,
 * the global one included. The values each thread gets then depend on
 * scheduling: a parallel loop that draws from a shared state is not
 * reproducible.
 *
 * Exactness: every value is numpy's, bit for bit, on the same platform:
 * where numpy calls the C library (log in the legacy normal and
 * exponential, log1p/log1pf and exp/expf in the ziggurat), so does this
 * file.
 */
#ifndef PYC2GO_RANDOM_H
#define PYC2GO_RANDOM_H

#include "pyc2go.h"

#include <stdatomic.h>

/* A legacy RandomState. Start from a zeroed struct (static, calloc or
 * = {0}: its lock must start clear); it seeds itself from entropy on
 * first use unless pyc2go_rs_seed, pyc2go_rs_seed_array or
 * pyc2go_rs_seed_entropy seeds it first. */
typedef struct {
	uint32_t key[624];
	int pos;
	int has_gauss;
	double gauss;
	int ready;
	atomic_flag lock;
} pyc2go_rs;

/* A Generator (PCG64 with numpy's pairing of 32-bit words). One of the
 * pyc2go_rng_seed functions initialises it, lock included; seed it before
 * any other use. */
typedef struct {
	uint64_t state_hi, state_lo, inc_hi, inc_lo;
	int has_uint32;
	uint32_t uinteger;
	atomic_flag lock;
} pyc2go_rng;

/* A bound of randint/integers as Python sees it: any int64 or uint64
 * value, and one beyond (two's complement hi:lo). */
typedef struct {
	int64_t hi;
	uint64_t lo;
} pyc2go_bound;

static inline pyc2go_bound pyc2go_bound_i64(int64_t v)
{
	pyc2go_bound b = {v < 0 ? -1 : 0, (uint64_t)v};
	return b;
}

static inline pyc2go_bound pyc2go_bound_u64(uint64_t v)
{
	pyc2go_bound b = {0, v};
	return b;
}

/* The arguments of choice(a, size, replace, p) as the runtime sees them:
 * a as a population size (an array contributes len(a); the caller
 * gathers a[idx] from the indices written to out); p NULL when not given,
 * else p_len probabilities (p32: p is a float32 array, which loosens
 * numpy's sum tolerance);
 * a_is_int: a was an integer (numpy words the error for pop <= 0
 * differently from an empty array). */
typedef struct {
	int64_t pop;
	bool replace;
	const double *p;
	int64_t p_len;
	bool p32;
	bool a_is_int;
} pyc2go_choice;

/* ---- Legacy RandomState ---- */
pyc2go_rs *pyc2go_rs_global(void);
int pyc2go_rs_seed(pyc2go_rs *rs, int64_t seed, pyc2go_error *err);
int pyc2go_rs_seed_array(pyc2go_rs *rs, const int64_t *seeds, int64_t n, pyc2go_error *err);
void pyc2go_rs_seed_entropy(pyc2go_rs *rs);
void pyc2go_rs_random_sample(pyc2go_rs *rs, double *out, int64_t n);
void pyc2go_rs_standard_normal(pyc2go_rs *rs, double *out, int64_t n);
int pyc2go_rs_normal(pyc2go_rs *rs, double *out, int64_t n, double loc, double scale, pyc2go_error *err);
int pyc2go_rs_uniform(pyc2go_rs *rs, double *out, int64_t n, double low, double high, pyc2go_error *err);
void pyc2go_rs_standard_exponential(pyc2go_rs *rs, double *out, int64_t n);
int pyc2go_rs_exponential(pyc2go_rs *rs, double *out, int64_t n, double scale, pyc2go_error *err);
int pyc2go_rs_choice(pyc2go_rs *rs, int64_t *out, int64_t n, const pyc2go_choice *c, pyc2go_error *err);
/* pyc2go_rs_permutation writes range(n) shuffled. */
void pyc2go_rs_permutation(pyc2go_rs *rs, int64_t *out, int64_t n);
/* pyc2go_rs_shuffle shuffles an array in place along its first axis
 * (ndim >= 1; element [i0, ...] at offset + i0*strides[0] + ... elements
 * of elsize <= 16 bytes from data, as in pyc2go.h). */
void pyc2go_rs_shuffle(pyc2go_rs *rs, void *data, size_t elsize, int64_t offset, int64_t ndim, const int64_t *shape,
		       const int64_t *strides);

/* ---- Generator ---- */
int pyc2go_rng_seed(pyc2go_rng *g, int64_t seed, pyc2go_error *err);
int pyc2go_rng_seed_seq(pyc2go_rng *g, const int64_t *seeds, int64_t n, pyc2go_error *err);
/* pyc2go_rng_seed_words seeds from SeedSequence entropy words (a Python
 * int seed is its little-endian 32-bit words; 0 is one word 0). */
void pyc2go_rng_seed_words(pyc2go_rng *g, const uint32_t *words, int64_t n);
void pyc2go_rng_seed_entropy(pyc2go_rng *g);
void pyc2go_rng_random(pyc2go_rng *g, double *out, int64_t n);
void pyc2go_rng_random32(pyc2go_rng *g, float *out, int64_t n);
void pyc2go_rng_standard_normal(pyc2go_rng *g, double *out, int64_t n);
void pyc2go_rng_standard_normal32(pyc2go_rng *g, float *out, int64_t n);
int pyc2go_rng_normal(pyc2go_rng *g, double *out, int64_t n, double loc, double scale, pyc2go_error *err);
int pyc2go_rng_uniform(pyc2go_rng *g, double *out, int64_t n, double low, double high, pyc2go_error *err);
void pyc2go_rng_standard_exponential(pyc2go_rng *g, double *out, int64_t n);
void pyc2go_rng_standard_exponential32(pyc2go_rng *g, float *out, int64_t n);
int pyc2go_rng_exponential(pyc2go_rng *g, double *out, int64_t n, double scale, pyc2go_error *err);
int pyc2go_rng_choice(pyc2go_rng *g, int64_t *out, int64_t n, const pyc2go_choice *c, bool shuffle, pyc2go_error *err);
void pyc2go_rng_permutation(pyc2go_rng *g, int64_t *out, int64_t n);
void pyc2go_rng_shuffle(pyc2go_rng *g, void *data, size_t elsize, int64_t offset, int64_t ndim, const int64_t *shape,
			const int64_t *strides);

/* randint (legacy, masked rejection) and integers (Generator, Lemire) for
 * every dtype: values in [low, high), or [low, high] with endpoint. An
 * empty out returns 0 before the bounds are checked, as numpy does. */
#define PYC2GO_RANDOM_INTS(N, T)                                                                           \
	int pyc2go_rs_randint_##N(pyc2go_rs *rs, T *out, int64_t n, pyc2go_bound low, pyc2go_bound high, \
				  pyc2go_error *err);                                                    \
	int pyc2go_rng_integers_##N(pyc2go_rng *g, T *out, int64_t n, pyc2go_bound low, pyc2go_bound high, \
				    bool endpoint, pyc2go_error *err);
PYC2GO_RANDOM_INTS(int8, int8_t)
PYC2GO_RANDOM_INTS(int16, int16_t)
PYC2GO_RANDOM_INTS(int32, int32_t)
PYC2GO_RANDOM_INTS(int64, int64_t)
PYC2GO_RANDOM_INTS(uint8, uint8_t)
PYC2GO_RANDOM_INTS(uint16, uint16_t)
PYC2GO_RANDOM_INTS(uint32, uint32_t)
PYC2GO_RANDOM_INTS(uint64, uint64_t)
PYC2GO_RANDOM_INTS(bool, bool)
#undef PYC2GO_RANDOM_INTS

#endif /* PYC2GO_RANDOM_H */
