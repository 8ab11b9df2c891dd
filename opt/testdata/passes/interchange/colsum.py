"""Column sums walk a C-ordered matrix down its columns: i becomes the
outer loop. out and a may be views of one buffer, so the new order runs
under !may_share(a, out)."""


def colsum(a: "float64[:, :]", out: "float64[:]") -> None:
    n, m = a.shape
    for j in range(m):
        for i in range(n):
            out[j] += a[i, j]
