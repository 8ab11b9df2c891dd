"""polybench gemm, written as numpy users write it."""


def gemm(alpha: float, beta: float, C: "float64[:, :]", A: "float64[:, :]", B: "float64[:, :]"):
    return alpha * A @ B + beta * C
