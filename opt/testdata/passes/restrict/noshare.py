"""restrict uses the !may_share tests the loop-nest passes version nests
on: the fast nest is marked at its outermost loop, the cold original is
not (it runs exactly when the arrays may share memory)."""


def matmul(a: "float64[:, :]", b: "float64[:, :]", c: "float64[:, :]", n: int) -> None:
    for i in range(n):
        for j in range(n):
            for k in range(n):
                c[i, j] += a[i, k] * b[k, j]
