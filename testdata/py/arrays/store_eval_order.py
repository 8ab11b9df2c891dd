"""Python evaluates the right side of an array assignment first: its index
errors come before the target's (compiled code checked m[0, :] first)."""


def row_copy(m: "float64[:, :]") -> float:
    m[0, :] = m[1]
    return m[0, 0]


def row_sum(m: "float64[:, :]") -> float:
    m[2] = m[1] + m[0]
    return float(m.sum())
