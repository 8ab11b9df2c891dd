"""licm must refuse: values read after a loop that may run zero times,
assigned twice, read before assigned; loads (aliasing stores, faults);
integer division and shifts (a check in the loop guards them)."""


def read_after(x: "float64[:]", a: float) -> float:
    c = 0.0
    for i in range(x.shape[0]):
        c = a * 2.0
    return c


def assigned_twice(x: "float64[:]", a: float) -> float:
    t = 0.0
    for i in range(x.shape[0]):
        c = a * 2.0
        if x[i] > 0.0:
            c = a
        t += c
    return t


def read_before(x: "float64[:]", a: float) -> float:
    t = 0.0
    c = 1.0
    for i in range(x.shape[0]):
        t += c
        c = a * 3.0
    return t


def invariant_load(x: "float64[:]", y: "float64[:]") -> None:
    for i in range(x.shape[0]):
        x[i] = y[0] * 2.0


def guarded_div(x: "int64[:]", n: int, d: int) -> None:
    for i in range(x.shape[0]):
        x[i] = n // d + (n << d)
