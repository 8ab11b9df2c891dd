"""Gray-Scott reaction-diffusion steps on two 2-D fields, with views of
the interior and a slice-built Laplacian."""


def grayscott(U: "float64[:, :]", V: "float64[:, :]", Du: float, Dv: float, F: float, k: float, steps: int) -> None:
    for s in range(steps):
        u = U[1:-1, 1:-1]
        v = V[1:-1, 1:-1]
        Lu = U[:-2, 1:-1] + U[1:-1, :-2] - 4 * u + U[1:-1, 2:] + U[2:, 1:-1]
        Lv = V[:-2, 1:-1] + V[1:-1, :-2] - 4 * v + V[1:-1, 2:] + V[2:, 1:-1]
        uvv = u * v * v
        u += Du * Lu - uvv + F * (1 - u)
        v += Dv * Lv + uvv - (F + k) * v
