from typing import Optional


def clip(x: float, lo: Optional[float] = None) -> float:
    """A public function cannot take an optional number."""
    if lo is not None and x < lo:
        return lo
    return x


def first_negative(a: "float64[:]"):
    """Nor return None on some paths and a number on others."""
    for i in range(a.shape[0]):
        if a[i] < 0:
            return i
    return None


def use(a: "float64[:]") -> float:
    """Reading a value that may be None."""
    best = None
    for v in a:
        if best is None or v > best:
            best = v
    return best + 1.0
