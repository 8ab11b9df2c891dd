def by_size(xs: "list[float]") -> "list[float]":
    """sorted() with a key function."""
    return sorted(xs, key=lambda v: abs(v))
