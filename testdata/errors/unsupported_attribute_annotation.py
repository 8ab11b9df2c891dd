def f(obj, v: float) -> float:
    obj.value: float = v
    return v
