def depth(n: int) -> int:
    """A nested function that calls itself."""
    def walk(k):
        if k <= 0:
            return 0
        return 1 + walk(k - 1)
    return walk(n)
