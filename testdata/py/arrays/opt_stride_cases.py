"""Inputs for opt_stride.py: loops that run zero times, stop half way with
an IndexError after mutating their argument, and operands of equal and
different lengths."""


def _prefix(n, k):
    return lambda rng: (rng.standard_normal(n), k)


def _pair(n, m):
    return lambda rng: (rng.standard_normal(n), rng.standard_normal(m))


def _mat(n, m):
    return lambda rng: (rng.standard_normal((n, m)),)


CASES = []
for _s in [(5, 0), (5, -3), (5, 3), (5, 5), (5, 6), (0, 0), (0, 1), (1, 1)]:
    CASES.append(("prefix_sum", _prefix(*_s)))
for _s in [(7, 7), (7, 3), (3, 7), (0, 4), (1, 0), (33, 33)]:
    CASES.append(("add_until_error", _pair(*_s)))
    CASES.append(("dot_continue", _pair(*_s)))
    CASES.append(("triad_views", lambda rng, s=_s: (rng.standard_normal(s[0]), rng.standard_normal(s[1]), 1.5)))
for _s in [(3, 4), (1, 1), (0, 3), (3, 0), (1, 9), (9, 1), (16, 17)]:
    for _f in ["transposed", "col_diff", "rev_cols", "transposed_loops", "rows_shifted"]:
        CASES.append((_f, _mat(*_s)))
