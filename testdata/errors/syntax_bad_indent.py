def scale(x: float, k: float) -> float:
    y = x * k
        return y
