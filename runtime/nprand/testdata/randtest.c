/*
 * randtest.c: the C side of nprand's differential tests. It reads the
 * case lines of numpy_ref.py on stdin, runs them through the C runtime
 * (pyc2go_random.c) and prints what numpy_ref.py prints; the Go test
 * builds it with gcc and clang and compares the output with numpy's.
 */
#include "pyc2go_random.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__extension__ typedef __int128 i128;

static pyc2go_error err;

static void out_err(void)
{
	printf("!%s: %s\n", err.exc, err.msg);
}

static void out_f64(const double *v, int64_t n)
{
	for (int64_t i = 0; i < n; i++) {
		uint64_t b;
		memcpy(&b, &v[i], 8);
		printf(i ? " %016" PRIx64 : "%016" PRIx64, b);
	}
	printf("\n");
}

static void out_f32(const float *v, int64_t n)
{
	for (int64_t i = 0; i < n; i++) {
		uint32_t b;
		memcpy(&b, &v[i], 4);
		printf(i ? " %08" PRIx32 : "%08" PRIx32, b);
	}
	printf("\n");
}

static void out_i64(const int64_t *v, int64_t n)
{
	for (int64_t i = 0; i < n; i++)
		printf(i ? " %" PRId64 : "%" PRId64, v[i]);
	printf("\n");
}

static i128 parse_int(const char *s)
{
	int neg = *s == '-';
	if (neg)
		s++;
	i128 v = 0;
	for (; *s; s++)
		v = v * 10 + (*s - '0');
	return neg ? -v : v;
}

static pyc2go_bound bound(const char *s)
{
	i128 v = parse_int(s);
	pyc2go_bound b = {(int64_t)(v >> 64), (uint64_t)v};
	return b;
}

static double fl(const char *s)
{
	if (strcmp(s, "nan") == 0)
		return (double)NAN;
	if (strcmp(s, "inf") == 0)
		return (double)INFINITY;
	return strtod(s, NULL);
}

/* size parses N, or "s" (size=None: one value). */
static int64_t size(const char *s)
{
	return strcmp(s, "s") == 0 ? 1 : (int64_t)strtoll(s, NULL, 10);
}

/* ints parses "a,b,c" into v, returning the count. */
static int64_t ints(const char *s, int64_t *v)
{
	int64_t n = 0;
	while (*s) {
		v[n++] = (int64_t)strtoll(s, (char **)&s, 10);
		if (*s == ',')
			s++;
	}
	return n;
}

#define BIG 400000

/* pvec parses p ("-" is none) into c. */
static void pvec(const char *s, pyc2go_choice *c)
{
	static double p[BIG];
	c->p = NULL;
	c->p_len = 0;
	if (strcmp(s, "-") == 0)
		return;
	while (*s) {
		p[c->p_len++] = strtod(s, (char **)&s);
		if (*s == ',')
			s++;
	}
	c->p = p;
}

static char **split(char *s, const char *sep, int *n)
{
	static char *parts[4][256];
	static int depth;
	char **out = parts[depth++ % 4];
	*n = 0;
	for (char *tok = strtok(s, sep); tok != NULL; tok = strtok(NULL, sep))
		out[(*n)++] = tok;
	return out;
}


static double fbuf[BIG];
static float f32buf[BIG];
static int64_t ibuf[BIG];

/* randint/integers for the dtype named dt, printing the values. */
#define INT_CASE(N, T, FMT)                                                                             \
	if (strcmp(dt, #N) == 0) {                                                                      \
		static T v[BIG];                                                                        \
		int r = rs != NULL ? pyc2go_rs_randint_##N(rs, v, n, lo, hi, &err)                     \
				   : pyc2go_rng_integers_##N(g, v, n, lo, hi, endpoint, &err);          \
		if (r) {                                                                                \
			out_err();                                                                      \
			return;                                                                         \
		}                                                                                       \
		for (int64_t i = 0; i < n; i++)                                                         \
			printf(i ? " %" FMT : "%" FMT, v[i]);                                           \
		printf("\n");                                                                           \
		return;                                                                                 \
	}

static void integers(pyc2go_rs *rs, pyc2go_rng *g, const char *dt, const char *los, const char *his, bool endpoint,
		     int64_t n)
{
	pyc2go_bound lo = bound(los), hi;
	if (strcmp(his, "None") == 0) {
		hi = lo;
		lo = pyc2go_bound_i64(0);
	} else {
		hi = bound(his);
	}
	INT_CASE(int8, int8_t, PRId8)
	INT_CASE(int16, int16_t, PRId16)
	INT_CASE(int32, int32_t, PRId32)
	INT_CASE(int64, int64_t, PRId64)
	INT_CASE(uint8, uint8_t, PRIu8)
	INT_CASE(uint16, uint16_t, PRIu16)
	INT_CASE(uint32, uint32_t, PRIu32)
	INT_CASE(uint64, uint64_t, PRIu64)
	if (strcmp(dt, "bool") == 0) {
		static bool v[BIG];
		int r = rs != NULL ? pyc2go_rs_randint_bool(rs, v, n, lo, hi, &err)
				   : pyc2go_rng_integers_bool(g, v, n, lo, hi, endpoint, &err);
		if (r) {
			out_err();
			return;
		}
		for (int64_t i = 0; i < n; i++)
			printf(i ? " %d" : "%d", v[i] ? 1 : 0);
		printf("\n");
		return;
	}
	fprintf(stderr, "unknown dtype %s\n", dt);
	exit(2);
}

static void arange2(int64_t r, int64_t c)
{
	for (int64_t i = 0; i < r * c; i++)
		fbuf[i] = (double)i;
}

/* choice prints the sampled indices (times 10 for an array a). */
static void choice(int r, int64_t n, bool arr)
{
	if (r) {
		out_err();
		return;
	}
	if (arr)
		for (int64_t i = 0; i < n; i++)
			ibuf[i] *= 10;
	out_i64(ibuf, n);
}

/* permarr prints permutation(arange(r*c).reshape(r, c)): the rows of
 * the matrix in the order of a permutation of range(r). */
static void permarr(int64_t r, int64_t c)
{
	for (int64_t k = 0; k < r; k++)
		for (int64_t j = 0; j < c; j++)
			fbuf[k * c + j] = (double)(ibuf[k] * c + j);
	out_f64(fbuf, r * c);
}

static int seed_legacy(pyc2go_rs *rs, const char *spec)
{
	if (strncmp(spec, "int:", 4) == 0) {
		i128 v = parse_int(spec + 4);
		if (v < 0 || v > UINT32_MAX)
			v = -1;
		return pyc2go_rs_seed(rs, (int64_t)v, &err);
	}
	if (strncmp(spec, "arr:", 4) == 0) {
		static int64_t s[64];
		int64_t n = ints(spec + 4, s);
		for (int64_t i = 0; i < n; i++)
			if (s[i] > (int64_t)UINT32_MAX)
				s[i] = -1;
		return pyc2go_rs_seed_array(rs, s, n, &err);
	}
	pyc2go_rs_seed_entropy(rs);
	return 0;
}

static int seed_gen(pyc2go_rng *g, const char *spec)
{
	if (strncmp(spec, "int:", 4) == 0) {
		i128 v = parse_int(spec + 4);
		if (v < 0)
			return pyc2go_rng_seed(g, -1, &err);
		uint32_t w[4];
		int64_t n = 0;
		do {
			w[n++] = (uint32_t)v;
			v >>= 32;
		} while (v != 0);
		pyc2go_rng_seed_words(g, w, n);
		return 0;
	}
	if (strncmp(spec, "seq:", 4) == 0) {
		static int64_t s[64];
		int64_t n = ints(spec + 4, s);
		return pyc2go_rng_seed_seq(g, s, n, &err);
	}
	pyc2go_rng_seed_entropy(g);
	return 0;
}

static void legacy_op(pyc2go_rs *rs, char **a, int na)
{
	const char *op = a[0];
	(void)na;
	if (strcmp(op, "seed") == 0) {
		if (seed_legacy(rs, a[1]))
			out_err();
		else
			printf("\n");
	} else if (strcmp(op, "rand") == 0) {
		pyc2go_rs_random_sample(rs, fbuf, size(a[1]));
		out_f64(fbuf, size(a[1]));
	} else if (strcmp(op, "randn") == 0) {
		pyc2go_rs_standard_normal(rs, fbuf, size(a[1]));
		out_f64(fbuf, size(a[1]));
	} else if (strcmp(op, "normal") == 0) {
		if (pyc2go_rs_normal(rs, fbuf, size(a[3]), fl(a[1]), fl(a[2]), &err))
			out_err();
		else
			out_f64(fbuf, size(a[3]));
	} else if (strcmp(op, "uniform") == 0) {
		if (pyc2go_rs_uniform(rs, fbuf, size(a[3]), fl(a[1]), fl(a[2]), &err))
			out_err();
		else
			out_f64(fbuf, size(a[3]));
	} else if (strcmp(op, "exponential") == 0) {
		if (pyc2go_rs_exponential(rs, fbuf, size(a[2]), fl(a[1]), &err))
			out_err();
		else
			out_f64(fbuf, size(a[2]));
	} else if (strcmp(op, "stdexp") == 0) {
		pyc2go_rs_standard_exponential(rs, fbuf, size(a[1]));
		out_f64(fbuf, size(a[1]));
	} else if (strcmp(op, "randint") == 0) {
		integers(rs, NULL, a[1], a[2], a[3], false, size(a[4]));
	} else if (strcmp(op, "choice") == 0 || strcmp(op, "choicearr") == 0) {
		pyc2go_choice c = {.pop = size(a[1]), .replace = strcmp(a[3], "1") == 0, .a_is_int = strcmp(op, "choice") == 0};
		pvec(a[4], &c);
		int64_t n = size(a[2]);
		choice(pyc2go_rs_choice(rs, ibuf, n, &c, &err), n, !c.a_is_int);
	} else if (strcmp(op, "perm") == 0) {
		int64_t n = size(a[1]);
		n = n < 0 ? 0 : n;
		pyc2go_rs_permutation(rs, ibuf, n);
		out_i64(ibuf, n);
	} else if (strcmp(op, "shuffle") == 0) {
		int64_t n = size(a[1]), shape[1] = {n}, strides[1] = {1};
		for (int64_t i = 0; i < n; i++)
			ibuf[i] = i;
		pyc2go_rs_shuffle(rs, ibuf, sizeof ibuf[0], 0, 1, shape, strides);
		out_i64(ibuf, n);
	} else if (strcmp(op, "shuffle2") == 0) {
		int64_t r = size(a[1]), c = size(a[2]), shape[2] = {r, c}, strides[2] = {c, 1};
		arange2(r, c);
		pyc2go_rs_shuffle(rs, fbuf, sizeof fbuf[0], 0, 2, shape, strides);
		out_f64(fbuf, r * c);
	} else if (strcmp(op, "permarr") == 0) {
		pyc2go_rs_permutation(rs, ibuf, size(a[1]));
		permarr(size(a[1]), size(a[2]));
	} else {
		fprintf(stderr, "unknown legacy op %s\n", op);
		exit(2);
	}
}

static void gen_op(pyc2go_rng *g, char **a, int na)
{
	const char *op = a[0];
	(void)na;
	if (strcmp(op, "random") == 0) {
		pyc2go_rng_random(g, fbuf, size(a[1]));
		out_f64(fbuf, size(a[1]));
	} else if (strcmp(op, "random32") == 0) {
		pyc2go_rng_random32(g, f32buf, size(a[1]));
		out_f32(f32buf, size(a[1]));
	} else if (strcmp(op, "stdnorm") == 0) {
		pyc2go_rng_standard_normal(g, fbuf, size(a[1]));
		out_f64(fbuf, size(a[1]));
	} else if (strcmp(op, "stdnorm32") == 0) {
		pyc2go_rng_standard_normal32(g, f32buf, size(a[1]));
		out_f32(f32buf, size(a[1]));
	} else if (strcmp(op, "normal") == 0) {
		if (pyc2go_rng_normal(g, fbuf, size(a[3]), fl(a[1]), fl(a[2]), &err))
			out_err();
		else
			out_f64(fbuf, size(a[3]));
	} else if (strcmp(op, "uniform") == 0) {
		if (pyc2go_rng_uniform(g, fbuf, size(a[3]), fl(a[1]), fl(a[2]), &err))
			out_err();
		else
			out_f64(fbuf, size(a[3]));
	} else if (strcmp(op, "exponential") == 0) {
		if (pyc2go_rng_exponential(g, fbuf, size(a[2]), fl(a[1]), &err))
			out_err();
		else
			out_f64(fbuf, size(a[2]));
	} else if (strcmp(op, "stdexp") == 0) {
		pyc2go_rng_standard_exponential(g, fbuf, size(a[1]));
		out_f64(fbuf, size(a[1]));
	} else if (strcmp(op, "stdexp32") == 0) {
		pyc2go_rng_standard_exponential32(g, f32buf, size(a[1]));
		out_f32(f32buf, size(a[1]));
	} else if (strcmp(op, "integers") == 0) {
		integers(NULL, g, a[1], a[2], a[3], strcmp(a[4], "1") == 0, size(a[5]));
	} else if (strcmp(op, "choice") == 0 || strcmp(op, "choicearr") == 0) {
		pyc2go_choice c = {.pop = size(a[1]), .replace = strcmp(a[3], "1") == 0, .a_is_int = strcmp(op, "choice") == 0};
		pvec(a[4], &c);
		int64_t n = size(a[2]);
		choice(pyc2go_rng_choice(g, ibuf, n, &c, strcmp(a[5], "1") == 0, &err), n, !c.a_is_int);
	} else if (strcmp(op, "perm") == 0) {
		int64_t n = size(a[1]);
		n = n < 0 ? 0 : n;
		pyc2go_rng_permutation(g, ibuf, n);
		out_i64(ibuf, n);
	} else if (strcmp(op, "shuffle") == 0) {
		int64_t n = size(a[1]), shape[1] = {n}, strides[1] = {1};
		for (int64_t i = 0; i < n; i++)
			ibuf[i] = i;
		pyc2go_rng_shuffle(g, ibuf, sizeof ibuf[0], 0, 1, shape, strides);
		out_i64(ibuf, n);
	} else if (strcmp(op, "shuffle2") == 0) {
		int64_t r = size(a[1]), c = size(a[2]), shape[2] = {r, c}, strides[2] = {c, 1};
		arange2(r, c);
		pyc2go_rng_shuffle(g, fbuf, sizeof fbuf[0], 0, 2, shape, strides);
		out_f64(fbuf, r * c);
	} else if (strcmp(op, "permarr") == 0) {
		pyc2go_rng_permutation(g, ibuf, size(a[1]));
		permarr(size(a[1]), size(a[2]));
	} else {
		fprintf(stderr, "unknown gen op %s\n", op);
		exit(2);
	}
}

/* libm prints FNV-1a hashes of log1p and log1pf over the inputs numpy's
 * ziggurat tails give them (-u for the uniforms u of 53 and 24 bits):
 * every float input, and 20 million double ones from a xorshift stream,
 * for TestLibmPortsMatchGlibc. */
static void libm(void)
{
	uint64_t h = 1469598103934665603ULL;
	for (uint32_t k = 0; k < (1u << 24); k++) {
		float y = log1pf(-((float)k * (1.0f / 16777216.0f)));
		uint32_t b;
		memcpy(&b, &y, 4);
		h = (h ^ b) * 1099511628211ULL;
	}
	printf("%016" PRIx64 "\n", h);
	uint64_t s = 88172645463325252ULL;
	h = 1469598103934665603ULL;
	for (int i = 0; i < 20000000; i++) {
		s ^= s << 13;
		s ^= s >> 7;
		s ^= s << 17;
		double y = log1p(-((double)(s >> 11) * (1.0 / 9007199254740992.0)));
		uint64_t b;
		memcpy(&b, &y, 8);
		h = (h ^ b) * 1099511628211ULL;
	}
	printf("%016" PRIx64 "\n", h);
}

/* threads shares one state of each kind between OpenMP threads: every
 * call must take a contiguous, call-aligned run of the sequential stream
 * and the calls together must take its first values exactly once. */
enum { THREADS = 8, CALLS = 100, K = 101, TOTAL = THREADS * CALLS * K };

static int check_chunks(const double *seq, const double *got)
{
	static bool used[TOTAL];
	memset(used, 0, sizeof used);
	for (int c = 0; c < THREADS * CALLS; c++) {
		const double *v = got + c * K;
		int start = -1;
		for (int i = 0; i < TOTAL; i += K)
			if (seq[i] == v[0])
				start = i;
		if (start < 0)
			return 0;
		for (int j = 0; j < K; j++) {
			if (seq[start + j] != v[j] || used[start + j])
				return 0;
			used[start + j] = true;
		}
	}
	return 1;
}

static void threads(void)
{
	static double seq[TOTAL], got[TOTAL];
	static pyc2go_rs ref, rs;
	pyc2go_rs_seed(&ref, 99, &err);
	pyc2go_rs_seed(&rs, 99, &err);
	pyc2go_rs_standard_normal(&ref, seq, TOTAL);
	PYC2GO_OMP("omp parallel for num_threads(THREADS)")
	for (int w = 0; w < THREADS; w++)
		for (int c = 0; c < CALLS; c++)
			pyc2go_rs_standard_normal(&rs, got + (w * CALLS + c) * K, K);
	printf("legacy %s\n", check_chunks(seq, got) ? "ok" : "bad");
	static pyc2go_rng gref, g;
	pyc2go_rng_seed(&gref, 99, &err);
	pyc2go_rng_seed(&g, 99, &err);
	pyc2go_rng_standard_normal(&gref, seq, TOTAL);
	PYC2GO_OMP("omp parallel for num_threads(THREADS)")
	for (int w = 0; w < THREADS; w++)
		for (int c = 0; c < CALLS; c++)
			pyc2go_rng_standard_normal(&g, got + (w * CALLS + c) * K, K);
	printf("generator %s\n", check_chunks(seq, got) ? "ok" : "bad");
}

int main(int argc, char **argv)
{
	static char line[1 << 20];
	if (argc > 1 && strcmp(argv[1], "libm") == 0) {
		libm();
		return 0;
	}
	if (argc > 1 && strcmp(argv[1], "threads") == 0) {
		threads();
		return 0;
	}
	while (fgets(line, sizeof line, stdin) != NULL) {
		line[strcspn(line, "\n")] = 0;
		if (line[0] == 0)
			continue;
		/* Split on ';' first (strtok is not reentrant: copy the parts). */
		static char ops[256][4096];
		int nops = 0;
		for (char *p = line, *semi; p != NULL; p = semi ? semi + 1 : NULL) {
			semi = strchr(p, ';');
			size_t len = semi ? (size_t)(semi - p) : strlen(p);
			memcpy(ops[nops], p, len);
			ops[nops++][len] = 0;
		}
		int nh;
		char **head = split(ops[0], " ", &nh);
		static pyc2go_rs rs;
		static pyc2go_rng g;
		bool legacy = strcmp(head[0], "legacy") == 0;
		memset(&rs, 0, sizeof rs);
		memset(&g, 0, sizeof g);
		if (legacy ? seed_legacy(&rs, head[1]) : seed_gen(&g, head[1])) {
			out_err();
			printf("--\n");
			continue;
		}
		for (int k = 1; k < nops; k++) {
			int na;
			char **a = split(ops[k], " ", &na);
			if (legacy)
				legacy_op(&rs, a, na);
			else
				gen_op(&g, a, na);
		}
		printf("--\n");
	}
	return 0;
}
