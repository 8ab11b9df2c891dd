def grid(n: int) -> int:
    """A list of lists: a 2-d array or a flat list is what compiles."""
    rows = [[0] * n for _ in range(n)]
    return len(rows)
