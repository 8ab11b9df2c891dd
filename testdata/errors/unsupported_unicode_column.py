def größe(länge: float) -> float:
    maß = {länge}
    return länge
