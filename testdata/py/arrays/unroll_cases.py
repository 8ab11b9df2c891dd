"""Inputs for unroll.py: lengths around multiples of four (the unrolled
loop and its remainder), and int_dot's y shorter than x at every offset
within a group of four."""
import numpy as np

CASES = []
for _n in (0, 1, 2, 3, 4, 5, 7, 8, 9, 100, 1001):
    CASES.append(("int_ops", lambda rng, n=_n: (rng.integers(-10**6, 10**6, n),)))
    CASES.append(("last_seen", lambda rng, n=_n: (rng.integers(-100, 100, n),)))
    CASES.append(("conditional", lambda rng, n=_n: (rng.integers(-100, 100, n),)))
    CASES.append(("float_dot", lambda rng, n=_n: (rng.standard_normal(n), rng.standard_normal(n))))
    CASES.append(("uint8_sum", lambda rng, n=_n: (rng.integers(0, 256, n, dtype=np.uint8),)))
    CASES.append(("early_exit", lambda rng, n=_n: (rng.integers(0, 5, n),)))
for _n, _m in ((8, 8), (9, 5), (9, 6), (9, 7), (9, 8), (12, 4), (3, 0), (0, 0)):
    CASES.append(("int_dot", lambda rng, n=_n, m=_m: (rng.integers(-1000, 1000, n), rng.integers(-1000, 1000, m))))
for _lo, _hi in ((0, 10), (-7, 6), (5, 5), (9, 2), (-9223372036854775807, -9223372036854775800), (2, 3)):
    CASES.append(("bounded", lambda rng, lo=_lo, hi=_hi: (rng.integers(-50, 50, 7), lo, hi)))
# int64 overflow wraps the same in any association.
CASES.append(("int_ops", lambda rng: (np.array([2**62, 2**62, 2**62, 2**62, 3, -2**63], dtype=np.int64),)))
