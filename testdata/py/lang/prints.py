"""print, as kernels use it to show progress and results (issue #12).
verify compares what each call prints with what CPython prints."""
import math

import numpy as np


def show_scalars(n: int, x: float, z: complex, flag: bool) -> int:
    """ints, float reprs (1e+16, inf, nan, -0.0), complex and bools."""
    print(n, x, z, flag)
    print(x * 1e16, x / 3.0, -x, -0.0 * n)
    print(z * 2, z.real, z.imag, not flag)
    return n


def show_tuple(a: int, b: float) -> float:
    """A tuple prints as its repr; None prints as None."""
    t = (a, b, a > 0)
    print(t)
    print((b,), None)
    q, r = divmod(a, 7)
    print("divmod:", (q, r))
    return b


def show_sep_end(a: int, b: int) -> int:
    """sep= and end=."""
    print(a, b, sep=", ")
    print(a, b, sep="")
    print(a, end=" ")
    print(b, end="")
    print()
    print("x", a, "y", b, sep=" | ", end=" <\n")
    return a + b


def show_array(x: "float64[:]") -> float:
    """numpy's str() of 1-d float arrays and of expressions of them."""
    print(x)
    print(x * 2.0)
    print(x > 0.0)
    print("scaled:", x / 1000.0)
    return float(np.sum(x))


def show_matrix(m: "int64[:, :]") -> int:
    """2-d int arrays, transposes, rows."""
    print(m)
    print(m.T)
    if m.shape[0] > 0:
        print(m[0])
    return int(m.sum())


def show_dtypes(n: int) -> int:
    """float32, int32, uint8, complex and bool arrays."""
    k = min(max(n, 0), 6)
    print(np.arange(k, dtype=np.float32) / 3)
    print(np.arange(k, dtype=np.int32) - 2)
    print(np.ones(k, dtype=np.uint8) * 200)
    print(np.arange(k) * (1 + 0.5j))
    print(np.zeros((2, k), dtype=np.bool_))
    return k


def show_large(n: int) -> int:
    """Arrays past numpy's threshold print summarised with '...'."""
    k = min(max(n, 0), 3000)
    a = np.arange(k) * 0.5
    print(a)
    if k % 2 == 0:
        print(a.reshape(k // 2, 2))
    return k


def newton_sqrt(a: float) -> float:
    """Newton's iteration printing its progress."""
    if a <= 0.0 or a != a or a > 1e300:
        print("no root for", a)
        return 0.0
    x = a
    for it in range(50):
        nx = 0.5 * (x + a / x)
        print("iter", it, "x =", nx)
        if abs(nx - x) <= 1e-15 * nx:
            break
        x = nx
    return x


def _report(i: int, v: float) -> None:
    print("row", i, "->", v)


def row_norms(m: "float64[:, :]") -> float:
    """A helper that prints, called from a loop."""
    total = 0.0
    for i in range(min(m.shape[0], 5)):
        s = 0.0
        for j in range(m.shape[1]):
            s += m[i, j] * m[i, j]
        _report(i, math.sqrt(s))
        total += s
    return total


def show_numpy_scalars(x: float, n: int) -> float:
    """np.float32 and np.int32 values print as numpy prints them."""
    f = np.float32(x)
    i = np.int32(n % 1000)
    print(f, i, f * np.float32(3), np.float64(x) / 7)
    return float(f)


def show_strings(n: int) -> int:
    """String literals with escapes and unicode."""
    print("tab\there", "quote's", 'double "q"')
    print("π ≈", 3.14159, "— done")
    print(n, "items", sep=":\t")
    return n


def show_reductions(x: "float64[:]") -> int:
    """Printing reduction results and shapes."""
    if x.shape[0] == 0:
        print("empty", x.shape)
        return 0
    print(x.min(), x.max(), np.argmax(x), x.shape, x.size)
    print(np.cumsum(x))
    return x.shape[0]


def show_in_loop(n: int) -> int:
    """A table printed row by row."""
    count = 0
    for i in range(min(abs(n), 8)):
        print(i, i * i, i ** 0.5, sep="\t")
        count += 1
    return count
