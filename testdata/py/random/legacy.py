"""Seeded kernels on numpy's legacy global state (np.random.seed and the
module functions): the compiled code must draw numpy 1.24's streams bit
for bit. Every kernel seeds first, so each call is reproducible; a seed
outside [0, 2**32) raises numpy's ValueError."""
import numpy as np


def monte_carlo_pi(seed: int, n: int) -> float:
    """Estimate pi from n points drawn one at a time."""
    np.random.seed(seed)
    n = min(max(n, 0), 5000)
    hits = 0
    for i in range(n):
        x = np.random.random()
        y = np.random.random()
        if x * x + y * y <= 1.0:
            hits += 1
    return 4.0 * hits / max(n, 1)


def monte_carlo_pi_vec(seed: int, n: int) -> float:
    """The same estimate from two arrays of uniforms."""
    np.random.seed(seed)
    n = min(max(n, 1), 5000)
    x = np.random.rand(n)
    y = np.random.rand(n)
    return 4.0 * np.sum(x * x + y * y <= 1.0) / n


def random_walk(seed: int, steps: int):
    """A +-1 random walk from randint, returned as its positions."""
    np.random.seed(seed)
    steps = min(max(steps, 0), 500)
    moves = np.random.randint(0, 2, size=steps)
    pos = np.zeros(steps + 1, dtype=np.int64)
    for i in range(steps):
        pos[i + 1] = pos[i] + 2 * moves[i] - 1
    return pos


def gaussian_walk(seed: int, steps: int, sigma: float):
    """Brownian motion: cumulative normal increments."""
    np.random.seed(seed)
    steps = min(max(steps, 0), 40)
    return np.cumsum(np.random.normal(0.0, sigma, size=steps))


def init_weights(seed: int, fan_in: int, fan_out: int):
    """Seeded initialisation of a weight matrix, scaled as He et al."""
    np.random.seed(seed)
    fan_in = min(max(fan_in, 1), 8)
    fan_out = min(max(fan_out, 1), 8)
    return np.random.randn(fan_in, fan_out) * np.sqrt(2.0 / fan_in)


def standard_normal_grid(seed: int, n: int):
    """standard_normal with a tuple size."""
    np.random.seed(seed)
    n = min(max(n, 0), 6)
    return np.random.standard_normal((n, 3))


def one_normal(seed: int, loc: float, scale: float) -> float:
    """One normal draw; a negative scale raises numpy's ValueError."""
    np.random.seed(seed)
    return np.random.normal(loc, scale)


def uniform_box(seed: int, lo: float, hi: float):
    """Uniform draws in [lo, hi) for a 2-d box."""
    np.random.seed(seed)
    return np.random.uniform(lo, hi, size=(4, 2))


def waiting_times(seed: int, rate: float, n: int) -> float:
    """Mean of exponential waiting times; scale < 0 raises."""
    np.random.seed(seed)
    n = min(max(n, 1), 300)
    w = np.random.exponential(1.0 / rate, n)
    return np.mean(w)


def dice_counts(seed: int, n: int):
    """How often each face of a die comes up in n rolls."""
    np.random.seed(seed)
    n = min(max(n, 0), 2000)
    counts = np.zeros(6, dtype=np.int64)
    for i in range(n):
        counts[np.random.randint(1, 7) - 1] += 1
    return counts


def randint_range(seed: int, low: int, high: int):
    """randint with bounds from the caller: low >= high raises."""
    np.random.seed(seed)
    return np.random.randint(low, high, size=5)


def randint_small_types(seed: int):
    """randint drawing int8, uint16, int32 and bool as numpy does."""
    np.random.seed(seed)
    a = np.random.randint(-100, 100, size=7, dtype=np.int8)
    b = np.random.randint(0, 60000, size=7, dtype=np.uint16)
    c = np.random.randint(-5, 5, size=7, dtype=np.int32)
    d = np.random.randint(0, 2, size=7, dtype=np.bool_)
    return a.astype(np.int64) + b.astype(np.int64) + c.astype(np.int64) + d.astype(np.int64)


def bootstrap_mean(seed: int, x: "float64[:]", reps: int):
    """Bootstrap: means of resamples drawn with choice."""
    np.random.seed(seed)
    reps = min(max(reps, 0), 30)
    out = np.zeros(reps)
    if x.shape[0] == 0:
        return out
    for r in range(reps):
        sample = np.random.choice(x, size=x.shape[0])
        out[r] = np.mean(sample)
    return out


def choice_indices(seed: int, n: int, k: int):
    """k distinct indices of range(n); k > n raises numpy's ValueError."""
    np.random.seed(seed)
    n = min(n, 50)
    k = min(max(k, 0), 20)
    return np.random.choice(n, k, replace=False)


def weighted_choice(seed: int, k: int):
    """Draws from a loaded die with p=."""
    np.random.seed(seed)
    k = min(max(k, 0), 40)
    p = np.array([0.1, 0.2, 0.3, 0.4])
    return np.random.choice(4, size=k, p=p)


def choice_scalar(seed: int, x: "float64[:]") -> float:
    """One element of x; an empty x raises."""
    np.random.seed(seed)
    return np.random.choice(x)


def shuffled_indices(seed: int, n: int):
    """arange shuffled in place."""
    np.random.seed(seed)
    n = min(max(n, 0), 100)
    idx = np.arange(n)
    np.random.shuffle(idx)
    return idx


def shuffle_rows(seed: int, m: "float64[:, :]"):
    """Shuffle a matrix's rows in place and return it."""
    np.random.seed(seed)
    np.random.shuffle(m)
    return m


def permuted(seed: int, n: int, x: "float64[:]"):
    """permutation of an int and of an array, one after the other."""
    np.random.seed(seed)
    n = min(n, 60)
    p = np.random.permutation(n)
    q = np.random.permutation(x)
    return p.shape[0] + np.sum(q) + np.sum(p)


def reseeded(seed: int) -> float:
    """Seeding again restarts the stream (and drops the cached normal)."""
    np.random.seed(seed)
    a = np.random.randn()
    np.random.seed(seed)
    b = np.random.randn()
    c = np.random.randn()
    return a - b + c
