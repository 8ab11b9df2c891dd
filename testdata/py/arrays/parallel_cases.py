"""Inputs for parallel.py: arrays long enough to be cut into several
chunks (a straight-line loop body needs 2048 iterations for two), and
gathers whose first bad index is not in the first chunk."""
import numpy as np


def _f(n):
    return lambda rng: (rng.standard_normal(n),)


def _i(n):
    return lambda rng: (rng.integers(-3000, 3000, n),)


def _gather(n, bad):
    def make(rng):
        idx = rng.integers(0, n, n)
        for pos, val in bad:
            idx[pos] = val
        return (rng.standard_normal(n), idx)
    return make


CASES = []
for _n in (0, 1, 7, 2047, 2048, 5000, 20011):
    CASES.append(("scale_into", lambda rng, n=_n: (rng.standard_normal(n), np.zeros(n), 1.5)))
    CASES.append(("poly", _f(_n)))
    CASES.append(("isum", _i(_n)))
    CASES.append(("int_reductions", _i(_n)))
    CASES.append(("fsum", _f(_n)))
    CASES.append(("small", _i(_n)))
for _s in ((0, 3), (3, 0), (1, 1), (5, 7), (64, 100), (513, 33)):
    CASES.append(("row_sums", lambda rng, s=_s: (rng.standard_normal(s),)))
    CASES.append(("count_in_rows", lambda rng, s=_s: (rng.standard_normal(s), 0.25)))
for _n, _bad in ((5000, ()), (5000, ((3000, 7777), (4500, -9000))), (5000, ((4999, 5000),)),
                 (5000, ((10, -5000),)), (20011, ((12000, 20011), (19999, 123456)))):
    CASES.append(("gather", _gather(_n, _bad)))
for _n in (0, 1, 10, 5000):
    CASES.append(("carried", _f(_n)))


def _energy(s, lim, big=()):
    def make(rng):
        m = rng.standard_normal(s)
        for r in big:
            m[r, 0] = 1e200
        return (m, lim)
    return make


for _s in ((0, 4), (1, 1), (9, 0), (37, 5), (300, 17)):
    CASES.append(("row_energy", _energy(_s, 2.0)))
CASES.append(("row_energy", _energy((300, 17), 1e301, big=(250, 120))))
CASES.append(("row_energy", _energy((300, 17), 1e301, big=(299,))))
