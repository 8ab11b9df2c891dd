#pythran export f(int,
#                float
def f(a, b):
    return a + b
