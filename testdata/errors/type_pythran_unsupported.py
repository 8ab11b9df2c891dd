#pythran export f((int, float), float list, str:int dict, int set)
#pythran export g(float16[:], float64[:, :, :, :, :], float64[1:], quad)


def f(a, b, c, d):
    return 0


def g(a, b, c, d):
    return 0
