"""bench/peers arguments of row_var_col_sum."""
STYLE = "array"
SIZES = {"full": (1000, 1000), "smoke": (13, 7)}


def args(rng, size):
    return (rng.standard_normal(SIZES[size]),)


CASES = [("row_var_col_sum", lambda rng: args(rng, "smoke"))]
