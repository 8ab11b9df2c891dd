"""try/except/else/finally, raise and assert as numeric code writes them (issue #12)."""
import math

import numpy as np


def safe_ratio(a: float, b: float) -> float:
    """A division guarded by try/except, with a fallback."""
    try:
        return a / b
    except ZeroDivisionError:
        return 0.0


def safe_floordiv(a: int, b: int) -> int:
    """The integer flavour; the handler reports what it caught."""
    try:
        q = a // b
    except ZeroDivisionError as e:
        print("caught:", e)
        q = -1
    return q


def boundary_sum(x: "float64[:]", k: int) -> float:
    """Sums x[i] for i in [k-2, k+2], skipping indices past the end."""
    s = 0.0
    for i in range(k - 2, k + 3):
        try:
            s += x[i]
        except IndexError:
            pass
    return s


def first_bad(x: "float64[:]") -> int:
    """Index of the first element whose log fails, or -1."""
    for i in range(x.shape[0]):
        try:
            math.log(x[i])
        except ValueError:
            return i
    return -1


def classify(a: float, b: float) -> int:
    """Which handler runs: the hierarchy (ArithmeticError catches ZeroDivisionError and OverflowError)."""
    try:
        r = math.exp(a) / b
        if r > 1e300:
            raise OverflowError("too big")
    except ZeroDivisionError:
        return 1
    except ArithmeticError:
        return 2
    return 0


def lookup(x: "int64[:]", i: int) -> int:
    """LookupError catches IndexError; else runs when nothing was raised."""
    try:
        v = x[i]
    except LookupError:
        v = -1
    else:
        v = v * 2
    return v


def tuple_handler(a: int, b: int) -> int:
    """One handler for several classes."""
    try:
        if a < 0:
            raise ValueError("negative")
        return (a * 3) // b
    except (ValueError, ZeroDivisionError) as e:
        print("err", e)
        return 0


def with_finally(a: int, b: int) -> int:
    """finally runs on the normal path, after a return and after an exception."""
    n = 0
    try:
        if a > b:
            return a - b
        n = a // b
    except ZeroDivisionError:
        n = 99
    finally:
        print("finally", a, b)
    return n


def finally_propagates(a: float) -> float:
    """finally runs and the exception goes on."""
    try:
        r = math.sqrt(a)
    finally:
        print("cleanup")
    return r


def reraise(a: int) -> int:
    """A handler that prints and re-raises."""
    try:
        return 100 // a
    except ZeroDivisionError:
        print("re-raising")
        raise


def reraise_as(a: int) -> int:
    """raise ... from ... keeps the new class and message."""
    try:
        return 100 % a
    except ZeroDivisionError as e:
        raise ValueError(f"a must be non-zero, got {a}") from e


def _checked_sqrt(x: float) -> float:
    if x < 0.0:
        raise ValueError(f"negative input {x:.3f}")
    return math.sqrt(x)


def callee_raises(x: float) -> float:
    """An exception raised by a callee reaches the caller's handler."""
    try:
        return _checked_sqrt(x)
    except ValueError as e:
        print("callee said:", e)
        return -1.0


def catch_all(a: float, b: float) -> float:
    """A bare except and except Exception."""
    try:
        r = a % b
    except:
        r = 0.0
    try:
        r = r / (a - b)
    except Exception as e:
        print(f"{e}")
        r = -r
    return r


def mean_checked(a: "float64[:]", b: "float64[:]") -> float:
    """assert with a message, as shape checks are written."""
    assert a.shape[0] == b.shape[0], "size mismatch"
    assert a.shape[0] > 0, f"empty input ({a.shape[0]} elements)"
    return float(np.sum(a * b)) / a.shape[0]


def nested(a: int, b: int, c: int) -> int:
    """A try inside a handler, a try inside a try."""
    try:
        try:
            x = a // b
        except ZeroDivisionError:
            x = a // c
    except ZeroDivisionError:
        try:
            x = 1 // (a - b)
        except ZeroDivisionError:
            x = 7
    return x


def loop_control(n: int) -> int:
    """break and continue leave a try (and run its finally)."""
    total = 0
    for i in range(min(n, 20)):
        try:
            if i % 3 == 0:
                continue
            if i > 10:
                break
            total += 10 // (i - 5)
        except ZeroDivisionError:
            total += 1000
        finally:
            total += 1
    return total


def solve_or_lstsq(a: "float64[:, :]", b: "float64[:]") -> float:
    """LinAlgError from np.linalg, caught."""
    try:
        x = np.linalg.solve(a, b)
    except np.linalg.LinAlgError as e:
        print("singular:", e)
        return -1.0
    return float(np.sum(x * x) > 0.0)


def overflow_guard(x: float) -> float:
    """OverflowError from math.exp and from int() of inf, ValueError from int() of nan."""
    try:
        r = math.exp(x)
        if r < 1e18 or math.isinf(x) or math.isnan(x):
            return float(int(x * r))
        return r
    except OverflowError as e:
        print("overflow:", e)
        return math.inf
    except ValueError as e:
        print("value:", e)
        return math.nan


def uncaught(a: int, b: int) -> int:
    """A handler for another class: the ZeroDivisionError goes out."""
    try:
        return a // b
    except IndexError:
        return -1


def raises_message(n: int) -> int:
    """An uncaught raise with an f-string message."""
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}")
    if n > 1000:
        raise Exception(f"n={n} is too large")
    return n * 2
