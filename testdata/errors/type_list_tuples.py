def pairs(n: int) -> int:
    """A list of tuples: one list per tuple element compiles."""
    ps = []
    for i in range(n):
        ps.append((i, i * i))
    return len(ps)
