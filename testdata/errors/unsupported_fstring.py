def describe(n: int, x: float) -> int:
    """f-strings are for print, raise and assert; not every form is supported."""
    print(f"{n=}")
    print(f"{x:{n}.2f}")
    return n
