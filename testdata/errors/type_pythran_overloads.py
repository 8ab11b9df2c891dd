#pythran export f(int)
#pythran export f(float)
#pythran export g(float64[:])
#pythran export g(int32[:])


def f(x):
    return x + 1


def f_2(x: int) -> int:
    return x


def g(a):
    return a[0]


def caller(b: "complex128[:]") -> float:
    return g(b)


def direct(y: float) -> int:
    return g_2(y)
