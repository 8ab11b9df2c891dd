"""Seeded kernels on numpy's Generator (rng = np.random.default_rng(seed),
SeedSequence and PCG64): the compiled code draws numpy 1.24's streams bit
for bit. A negative seed raises numpy's ValueError."""
import numpy as np


def gen_pi(seed: int, n: int) -> float:
    """Monte-Carlo pi with a Generator, one point at a time."""
    rng = np.random.default_rng(seed)
    n = min(max(n, 0), 5000)
    hits = 0
    for i in range(n):
        x = rng.random()
        y = rng.random()
        if x * x + y * y <= 1.0:
            hits += 1
    return 4.0 * hits / max(n, 1)


def gen_random_matrix(seed: int, n: int):
    """rng.random with a tuple size."""
    rng = np.random.default_rng(seed)
    n = min(max(n, 0), 6)
    return rng.random((n, 3))


def gen_walk(seed: int, steps: int):
    """A lattice walk from rng.integers with endpoint=True."""
    rng = np.random.default_rng(seed)
    steps = min(max(steps, 0), 300)
    d = rng.integers(-1, 1, size=steps, endpoint=True)
    return np.cumsum(d)


def gen_dice(seed: int, n: int) -> int:
    """Sum of n dice thrown one by one."""
    rng = np.random.default_rng(seed)
    n = min(max(n, 0), 1000)
    total = 0
    for i in range(n):
        total += rng.integers(1, 7)
    return total


def gen_integers_bounds(seed: int, low: int, high: int):
    """integers with the caller's bounds: an empty range raises."""
    rng = np.random.default_rng(seed)
    return rng.integers(low, high, size=4)


def gen_integers_dtypes(seed: int):
    """integers drawing uint8, int16, int32 and bool as numpy does."""
    rng = np.random.default_rng(seed)
    a = rng.integers(0, 200, size=9, dtype=np.uint8)
    b = rng.integers(-300, 300, size=9, dtype=np.int16)
    c = rng.integers(0, 10, size=9, dtype=np.int32, endpoint=True)
    d = rng.integers(0, 2, size=9, dtype=np.bool_)
    return a.astype(np.int64) + b.astype(np.int64) + c.astype(np.int64) + d.astype(np.int64)


def gen_layer(seed: int, n_in: int, n_out: int):
    """Xavier-style initialisation from rng.normal."""
    rng = np.random.default_rng(seed)
    n_in = min(max(n_in, 1), 8)
    n_out = min(max(n_out, 1), 8)
    return rng.normal(0.0, 1.0 / np.sqrt(n_in), size=(n_in, n_out))


def gen_noise(seed: int, x: "float64[:]", sigma: float):
    """x plus Gaussian noise; sigma < 0 raises."""
    rng = np.random.default_rng(seed)
    return x + sigma * rng.standard_normal(x.shape[0])


def gen_one_normal(seed: int, loc: float, scale: float) -> float:
    """One normal; a negative scale raises."""
    rng = np.random.default_rng(seed)
    return rng.normal(loc, scale)


def gen_uniform(seed: int, lo: float, hi: float):
    """Uniforms in [lo, hi)."""
    rng = np.random.default_rng(seed)
    return rng.uniform(lo, hi, 5)


def gen_exponential(seed: int, scale: float, n: int) -> float:
    """Sum of exponentials (the ziggurat)."""
    rng = np.random.default_rng(seed)
    n = min(max(n, 0), 400)
    return np.sum(rng.exponential(scale, size=n))


def gen_bootstrap(seed: int, x: "float64[:]", reps: int):
    """Bootstrap means with rng.choice."""
    rng = np.random.default_rng(seed)
    reps = min(max(reps, 0), 30)
    out = np.zeros(reps)
    if x.shape[0] == 0:
        return out
    for r in range(reps):
        out[r] = np.mean(rng.choice(x, size=x.shape[0]))
    return out


def gen_sample(seed: int, n: int, k: int):
    """k distinct items of range(n) (Floyd's algorithm, then shuffled)."""
    rng = np.random.default_rng(seed)
    n = min(n, 40000)
    k = min(max(k, 0), 3000)
    return np.sum(rng.choice(n, size=k, replace=False))


def gen_weighted(seed: int, k: int):
    """A loaded die through p=."""
    rng = np.random.default_rng(seed)
    k = min(max(k, 0), 30)
    return rng.choice(4, size=k, p=np.array([0.4, 0.3, 0.2, 0.1]))


def gen_permutation(seed: int, n: int):
    """rng.permutation of an int."""
    rng = np.random.default_rng(seed)
    n = min(n, 80)
    return rng.permutation(n)


def gen_shuffle_rows(seed: int, m: "float64[:, :]"):
    """rng.shuffle of a matrix's rows, and a permuted copy of it."""
    rng = np.random.default_rng(seed)
    rng.shuffle(m)
    return m + rng.permutation(m)


def gen_two_streams(seed: int) -> float:
    """Two generators with their own states, drawn in turn."""
    a = np.random.default_rng(seed)
    b = np.random.default_rng(seed + 1)
    s = 0.0
    for i in range(10):
        s = s * 0.5 + a.random() - b.standard_normal()
    return s


def gen_reseed_in_loop(seed: int, n: int):
    """A fresh generator per row, seeded with the row number."""
    n = min(max(n, 0), 8)
    out = np.zeros((n, 3))
    for i in range(n):
        rng = np.random.default_rng(seed + i)
        out[i, :] = rng.random(3)
    return out
