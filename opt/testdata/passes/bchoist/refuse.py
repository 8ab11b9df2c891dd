"""Where the pass must keep per-access checks: an index read from memory,
a run-time step, a triangular inner loop (hoisted one level down instead)
and a while loop."""


def gather(a: "float64[:]", idx: "int64[:]") -> float:
    s = 0.0
    for i in range(idx.shape[0]):
        s += a[idx[i]]
    return s


def runtime_step(a: "float64[:]", n: int, k: int) -> float:
    s = 0.0
    for i in range(0, n, k):
        s += a[i]
    return s


def triangular(a: "float64[:, :]", n: int) -> float:
    s = 0.0
    for i in range(n):
        for j in range(i):
            s += a[i, j]
    return s


def walk(a: "float64[:]", n: int) -> float:
    s = 0.0
    for i in range(n):
        k = i
        while k > 0:
            s += a[k]
            k -= 2
    return s
