def total(xs: "float63[:]") -> float:
    """A misspelt dtype names the known ones."""
    return 0.0
