"""Inputs for sum_layouts.py: shapes beyond the generated 4096 elements, so
that runs longer than numpy's 8192-element blocks and many short runs
are both met."""
import numpy as np

SHAPES = [(0, 4), (1, 1), (3, 10000), (10000, 3), (97, 131), (2, 8193), (5, 7)]

CASES = []
for _name in ("sum_t", "sum_cols", "sum_rev", "sum_t_rev", "sum_t_axis0", "sum_t_axis1",
              "sum_cols_axis1", "sum_rev_axis0", "sum_rev_axis1", "mean_t_axis1",
              "sum_t_expr", "mean_t_plus", "sum_t_plus_t", "sum_rev_expr_axis0", "sum_t_expr_axis1",
              "mean_t_expr_axis0", "sum_t_bcast", "sum_t_nested_expr",
              "var_t_axis1", "std_cols_axis0", "var_rev_axis0", "var_axis1"):
    for _s in SHAPES:
        CASES.append((_name, lambda rng, s=_s: (rng.standard_normal(s) * rng.choice([1.0, 1e8], s),)))
for _name in ("prod_t", "prod_rev_t"):
    for _s in [(0, 4), (1, 1), (3, 5), (7, 9), (20, 30), (300, 2)]:
        CASES.append((_name, lambda rng, s=_s: (rng.uniform(0.5, 1.6, s),)))
for _s in [(0, 4), (3, 5), (7, 9), (20, 30)]:
    CASES.append(("prod_c_t", lambda rng, s=_s: (rng.uniform(0.5, 1.6, s) + 1j * rng.uniform(-0.5, 0.5, s),)))
