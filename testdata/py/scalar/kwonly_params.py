"""Keyword-only parameters (after a bare *): verify's reference runner
passes them by name, as CPython requires."""


def shifted(a: int, *, bias: int = 0) -> int:
    return a + bias


def blend(x: float, y: float, *, w: float, clamp: bool = True) -> float:
    t = x * (1.0 - w) + y * w
    if clamp:
        return min(max(t, min(x, y)), max(x, y))
    return t


def caller(x: float) -> float:
    return blend(x, 2.0 * x, w=0.25) + shifted(3, bias=1)


def ordered(*, a: int = 1, b: int) -> int:
    """A keyword-only default may come before a parameter without one."""
    return a - 2 * b


def call_ordered(b: int) -> int:
    return ordered(b=b) + ordered(a=b, b=3)
