def add_one(xs: "list[float]") -> int:
    """Appending to a list parameter: the caller would not see it."""
    xs.append(1.0)
    return len(xs)
