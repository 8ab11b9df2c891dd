def clamp(x: float, lo: float, hi: float) -> float:
    if x < lo:
            x = lo
        x = x
    return x
