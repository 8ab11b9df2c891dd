def describe(n: int, x: float) -> int:
    """A string is no value; a format spec must suit the value, as format() checks."""
    label = f"n is {n}"
    print(f"{x:d}")
    print(f"{n:.2f} {n:.2}")
    return n
