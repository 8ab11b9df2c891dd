def safe_div(a: float, b: float) -> float:
    """Compiled code never raises FileNotFoundError; a bare raise needs an exception."""
    try:
        return a / b
    except FileNotFoundError:
        return 0.0


def check(n: int) -> int:
    if n < 0:
        raise
    return n
