"""Parts drawn from the special values of CPython's exp table."""
import math

EDGES = [0.5, -2.0, 0.0, -0.0, 800.0, math.inf, -math.inf, math.nan]


def part(r):
    return EDGES[int(r.integers(len(EDGES)))]


CASES = [
    ("cexp", lambda r: (part(r), part(r))),
    ("cexp_const", lambda r: ()),
]
