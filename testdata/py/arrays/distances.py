"""Numerical kernels of the classic benchmarks: pairwise distances,
great-circle (arc) distances, Rosenbrock, softmax and log-sum-exp."""
import numpy as np


def pairwise_loops(x: "float64[:, :]") -> "float64[:, :]":
    """Euclidean distances between the rows of x, with loops."""
    n, d = x.shape
    out = np.empty((n, n))
    for i in range(n):
        for j in range(n):
            s = 0.0
            for k in range(d):
                t = x[i, k] - x[j, k]
                s += t * t
            out[i, j] = np.sqrt(s)
    return out


def pairwise_broadcast(x: "float64[:, :]") -> "float64[:, :]":
    """Euclidean distances through broadcasting a (n, 1, d) against (n, d)."""
    n, d = x.shape
    diff = x.reshape(n, 1, d) - x
    return np.sqrt(np.sum(diff * diff, axis=2))


def pairwise_dot_trick(x: "float64[:, :]") -> "float64[:, :]":
    """Squared distances as |a|^2 + |b|^2 - 2 a.b, clipped at zero."""
    sq = np.sum(x * x, axis=1)
    g = x @ x.T
    d2 = sq.reshape(-1, 1) + sq - 2.0 * g
    return np.clip(d2, 0.0, np.inf)


def arc_distance(theta1: "float64[:]", phi1: "float64[:]",
                 theta2: "float64[:]", phi2: "float64[:]") -> "float64[:]":
    """Haversine great-circle distance on the unit sphere."""
    temp = (np.sin((theta2 - theta1) / 2) ** 2
            + np.cos(theta1) * np.cos(theta2) * np.sin((phi2 - phi1) / 2) ** 2)
    return 2 * np.arctan2(np.sqrt(temp), np.sqrt(1 - temp))


def arc_distance_loop(theta1: "float64[:]", phi1: "float64[:]",
                      theta2: "float64[:]", phi2: "float64[:]") -> "float64[:]":
    """The haversine distance with a loop and scalar numpy ufuncs."""
    n = theta1.shape[0]
    out = np.empty(n)
    for i in range(n):
        s1 = np.sin((theta2[i] - theta1[i]) / 2)
        s2 = np.sin((phi2[i] - phi1[i]) / 2)
        t = s1 * s1 + np.cos(theta1[i]) * np.cos(theta2[i]) * s2 * s2
        out[i] = 2 * np.arctan2(np.sqrt(t), np.sqrt(1 - t))
    return out


def rosenbrock(x: "float64[:]") -> float:
    """Rosenbrock function, whole-array style."""
    return np.sum(100.0 * (x[1:] - x[:-1] ** 2) ** 2 + (1.0 - x[:-1]) ** 2)


def rosenbrock_loop(x: "float64[:]") -> float:
    """Rosenbrock function, loop style (sequential summation)."""
    s = 0.0
    for i in range(x.shape[0] - 1):
        a = x[i + 1] - x[i] * x[i]
        b = 1.0 - x[i]
        s += 100.0 * a * a + b * b
    return s


def rosenbrock_grad(x: "float64[:]") -> "float64[:]":
    """Gradient of the Rosenbrock function."""
    g = np.zeros_like(x)
    if x.shape[0] < 2:
        return g
    xm = x[1:-1]
    xm_m1 = x[:-2]
    xm_p1 = x[2:]
    g[1:-1] = 200 * (xm - xm_m1 ** 2) - 400 * (xm_p1 - xm ** 2) * xm - 2 * (1 - xm)
    g[0] = -400 * x[0] * (x[1] - x[0] ** 2) - 2 * (1 - x[0])
    g[-1] = 200 * (x[-1] - x[-2] ** 2)
    return g


def softmax(x: "float64[:]") -> "float64[:]":
    """Numerically stable softmax."""
    e = np.exp(x - np.max(x))
    return e / np.sum(e)


def softmax_rows(m: "float64[:, :]") -> "float64[:, :]":
    """Row-wise softmax with (n, 1)-shaped row statistics."""
    shifted = m - m.max(axis=1).reshape(-1, 1)
    e = np.exp(shifted)
    return e / e.sum(axis=1).reshape(-1, 1)


def logsumexp(x: "float64[:]") -> float:
    """log(sum(exp(x))) without overflow; -inf for an empty vector."""
    if x.shape[0] == 0:
        return -np.inf
    m = np.max(x)
    if np.isinf(m):
        return m
    return m + np.log(np.sum(np.exp(x - m)))


def cosine_similarity(a: "float64[:]", b: "float64[:]") -> float:
    """Cosine of the angle between two vectors; 0.0 when one is zero."""
    na = np.sqrt(np.dot(a, a))
    nb = np.sqrt(np.dot(b, b))
    if na == 0.0 or nb == 0.0:
        return 0.0
    return np.dot(a, b) / (na * nb)


def nearest_row(x: "float64[:, :]", q: "float64[:, :]") -> "int64[:]":
    """For every row of q, the index of the closest row of x."""
    if x.shape[0] == 0:
        raise ValueError("no rows to search")
    out = np.zeros(q.shape[0], dtype=np.int64)
    for i in range(q.shape[0]):
        d = np.sum((x - q[i, :]) ** 2, axis=1)
        out[i] = np.argmin(d)
    return out
