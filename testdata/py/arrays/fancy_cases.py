"""Inputs for fancy.py: indices in range, negative, out of range (numpy's
IndexError names the index, the axis and the size), repeated, empty."""
import numpy as np

_IDX = [[0, 1, 2], [4, -1, -5], [10], [-6], [], [2, 2, 2, 0], [3, 1]]

CASES = []
for _i in _IDX:
    _ix = np.array(_i, dtype=np.int64)
    CASES.append(("gather", lambda rng, i=_ix: (rng.standard_normal(5), i)))
    CASES.append(("gather_int32", lambda rng, i=_ix: (np.arange(5, dtype=np.int32) * 7, i.astype(np.int32))))
    CASES.append(("gather_scaled", lambda rng, i=_ix: (rng.standard_normal(5), i, rng.standard_normal(len(i)))))
    CASES.append(("gather_scaled", lambda rng, i=_ix: (rng.standard_normal(5), i, rng.standard_normal(1))))
    CASES.append(("scatter_scalar", lambda rng, i=_ix: (rng.standard_normal(5), i)))
    CASES.append(("scatter_array", lambda rng, i=_ix: (rng.standard_normal(5), i, rng.standard_normal(len(i)))))
    CASES.append(("scatter_array", lambda rng, i=_ix: (rng.standard_normal(5), i, rng.standard_normal(1))))
    CASES.append(("scatter_array", lambda rng, i=_ix: (rng.standard_normal(5), i, rng.standard_normal(2))))
    CASES.append(("scatter_add", lambda rng, i=_ix: (rng.standard_normal(5), i, rng.standard_normal(len(i)))))
    CASES.append(("scatter_increment", lambda rng, i=_ix: (np.zeros(5, dtype=np.int64), i)))
    CASES.append(("take_rows", lambda rng, i=_ix: (rng.standard_normal((5, 3)), i)))
    CASES.append(("take_rows_short", lambda rng, i=_ix: (rng.standard_normal((5, 2)), i)))
    CASES.append(("take_columns", lambda rng, i=_ix: (rng.standard_normal((2, 5)), i)))
    CASES.append(("row_entries", lambda rng, i=_ix: (rng.standard_normal((3, 5)), -1, i)))
    CASES.append(("column_entries", lambda rng, i=_ix: (rng.standard_normal((5, 3)), i, 2)))
    CASES.append(("separated", lambda rng, i=_ix: (rng.standard_normal((2, 3, 5)), i)))
    CASES.append(("set_rows", lambda rng, i=_ix: (rng.standard_normal((5, 3)), i, 9.0)))
    CASES.append(("set_columns", lambda rng, i=_ix: (rng.standard_normal((3, 5)), i, rng.standard_normal((3, len(i))))))
    CASES.append(("set_columns", lambda rng, i=_ix: (rng.standard_normal((3, 5)), i, rng.standard_normal((1, 1)))))
    CASES.append(("set_columns", lambda rng, i=_ix: (rng.standard_normal((3, 5)), i, rng.standard_normal((2, 2)))))
    CASES.append(("add_columns", lambda rng, i=_ix: (rng.standard_normal((3, 5)), i)))
    CASES.append(("take_1d", lambda rng, i=_ix: (rng.standard_normal(5), i)))
    CASES.append(("gather_2d_index", lambda rng, i=_ix: (rng.standard_normal(5), np.stack([i, i[::-1]]))))
for _n in [0, 1, 4]:
    CASES.append(("lookup_table", lambda rng, n=_n: (rng.integers(0, 256, (n, 3), dtype=np.uint8), (255 - np.arange(256)).astype(np.uint8))))
    CASES.append(("lookup_table", lambda rng, n=_n: (rng.integers(0, 256, (n, 3), dtype=np.uint8), np.arange(100, dtype=np.uint8))))
