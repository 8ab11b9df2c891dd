class SolverError(Exception):
    pass


def safe_div(a: float, b: float) -> float:
    try:
        return a / b
    except SolverError:
        return 0.0
