"""Integer number-theory kernels: gcd/lcm, primes, digits, Collatz, Fibonacci."""


def gcd_rec(a: int, b: int) -> int:
    """Recursive Euclid gcd on absolute values (depth is logarithmic)."""
    if b == 0:
        return abs(a)
    return gcd_rec(b, a % b)


def lcm(a: int, b: int) -> int:
    """Least common multiple; lcm with zero is zero, result is non-negative."""
    if a == 0 or b == 0:
        return 0
    return abs(a // gcd_rec(a, b) * b)


def collatz_steps(n: int) -> int:
    """Number of Collatz steps from n down to 1; n must be positive."""
    if n < 1:
        raise ValueError("n must be positive")
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


def is_prime(n: int) -> bool:
    """Primality by trial division up to sqrt(n) over odd divisors."""
    if n < 2:
        return False
    if n < 4:
        return True
    if n % 2 == 0:
        return False
    i = 3
    while i * i <= n:
        if n % i == 0:
            return False
        i += 2
    return True


def count_primes(n: int) -> int:
    """Count primes <= n by trial division (no sieve); n is limited to 50000."""
    if n > 50000:
        raise ValueError("n too large for trial-division prime counting")
    count = 0
    for k in range(2, n + 1):
        if is_prime(k):
            count += 1
    return count


def digit_sum(n: int) -> int:
    """Sum of the decimal digits of |n|."""
    n = abs(n)
    s = 0
    while n > 0:
        s += n % 10
        n //= 10
    return s


def digital_root(n: int) -> int:
    """Repeated digit sum of |n| until a single digit remains."""
    n = abs(n)
    while n >= 10:
        n = digit_sum(n)
    return n


def reverse_digits(n: int) -> int:
    """Reverse the decimal digits of n, keeping its sign (reverse_digits(-120) == -21)."""
    neg = n < 0
    n = abs(n)
    r = 0
    while n > 0:
        r = r * 10 + n % 10
        n = n // 10
    return -r if neg else r


def mod_pow(base: int, exp: int, mod: int) -> int:
    """Right-to-left binary modular exponentiation base**exp % mod."""
    if mod <= 0 or mod > 3037000499:
        raise ValueError("mod must be in [1, 3037000499]")
    if exp < 0:
        raise ValueError("exp must be non-negative")
    result = 1 % mod
    b = base % mod
    e = exp
    while e > 0:
        if e & 1:
            result = result * b % mod
        b = b * b % mod
        e >>= 1
    return result


def mod_pow_builtin(base: int, exp: int, mod: int) -> int:
    """Three-argument pow(base, exp, mod) with the same guards as mod_pow."""
    if mod <= 0 or mod > 3037000499:
        raise ValueError("mod must be in [1, 3037000499]")
    if exp < 0:
        raise ValueError("exp must be non-negative")
    return pow(base, exp, mod)


def fib_iter(n: int) -> int:
    """n-th Fibonacci number iteratively; n in [0, 92] keeps it inside int64."""
    if n < 0 or n > 92:
        raise ValueError("n out of range")
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def fib_rec(n: int) -> int:
    """n-th Fibonacci number by naive double recursion; n in [0, 20]."""
    if n < 0 or n > 20:
        raise ValueError("n out of range")
    if n < 2:
        return n
    return fib_rec(n - 1) + fib_rec(n - 2)


def count_divisors(n: int) -> int:
    """Number of positive divisors of n >= 1, pairing d with n // d."""
    if n < 1:
        raise ValueError("n must be positive")
    count = 0
    d = 1
    while d * d <= n:
        if n % d == 0:
            if d * d == n:
                count += 1
            else:
                count += 2
        d += 1
    return count


def totient(n: int) -> int:
    """Euler's phi(n) by trial factorisation; n must be positive."""
    if n < 1:
        raise ValueError("n must be positive")
    result = n
    m = n
    p = 2
    while p * p <= m:
        if m % p == 0:
            while m % p == 0:
                m //= p
            result -= result // p
        p += 1
    if m > 1:
        result -= result // m
    return result
