"""Reference side of the nprand differential tests: runs cases through
numpy (1.24) and prints every value bit for bit.

A case is one line: "legacy SEED ; OP ; OP ..." or "gen SEED ; OP ; ...".
SEED is int:N, arr:N,N,... (legacy array seed), seq:N,N,... (a seed
list) or none. Each OP prints one line: its values separated by spaces
(float64 as 16 hex digits of its bits, float32 as 8, integers in decimal,
booleans as 0/1), or "!Class: message" when numpy raises. A line "--"
ends each case. The Go and C sides of the test run the same lines
through the runtimes (see random_test.go).
"""
import struct
import sys

import numpy as np


def fmt(v):
    a = np.asarray(v)
    if a.dtype == np.float64:
        return " ".join("%016x" % struct.unpack("<Q", struct.pack("<d", x))[0] for x in a.ravel())
    if a.dtype == np.float32:
        return " ".join("%08x" % struct.unpack("<I", struct.pack("<f", x))[0] for x in a.ravel())
    if a.dtype == np.bool_:
        return " ".join("1" if x else "0" for x in a.ravel())
    return " ".join(str(int(x)) for x in a.ravel())


def seed_value(spec):
    kind, _, rest = spec.partition(":")
    if kind == "int":
        return int(rest)
    if kind in ("arr", "seq"):
        return [int(x) for x in rest.split(",")] if rest else []
    return None


def dtype(s):
    # The scalar type, as a kernel writes it (dtype=np.int8, dtype=bool):
    # randint returns a Python int only for dtype=int and dtype=bool.
    return bool if s == "bool" else np.dtype(s).type


def intarg(s):
    return None if s == "None" else int(s)


def parr(s):
    return None if s == "-" else [float(x) for x in s.split(",")]


def size(s):
    # "N" is size=N; "s" is size=None (one value, returned as a scalar).
    return None if s == "s" else int(s)


def run_legacy(rs, op, a):
    if op == "seed":
        rs.seed(seed_value(a[0]))
        return []
    if op == "rand":
        return rs.random_sample(size(a[0]))
    if op == "randn":
        return rs.standard_normal(size(a[0]))
    if op == "normal":
        return rs.normal(float(a[0]), float(a[1]), size(a[2]))
    if op == "uniform":
        return rs.uniform(float(a[0]), float(a[1]), size(a[2]))
    if op == "exponential":
        return rs.exponential(float(a[0]), size(a[1]))
    if op == "stdexp":
        return rs.standard_exponential(size(a[0]))
    if op == "randint":
        return rs.randint(intarg(a[1]), intarg(a[2]), size(a[3]), dtype=dtype(a[0]))
    if op == "choice":
        return rs.choice(int(a[0]), size(a[1]), replace=a[2] == "1", p=parr(a[3]))
    if op == "choicearr":
        return rs.choice(np.arange(int(a[0])) * 10, size(a[1]), replace=a[2] == "1", p=parr(a[3]))
    if op == "perm":
        return rs.permutation(int(a[0]))
    if op == "shuffle":
        x = np.arange(int(a[0]))
        rs.shuffle(x)
        return x
    if op == "shuffle2":
        x = np.arange(int(a[0]) * int(a[1]), dtype=np.float64).reshape(int(a[0]), int(a[1]))
        rs.shuffle(x)
        return x
    if op == "permarr":
        x = np.arange(int(a[0]) * int(a[1]), dtype=np.float64).reshape(int(a[0]), int(a[1]))
        return rs.permutation(x)
    raise SystemExit("unknown legacy op " + op)


def run_gen(g, op, a):
    if op == "random":
        return g.random(size(a[0]))
    if op == "random32":
        # A float32 draw with size=None comes back as a Python float
        # holding the float32 value: compare it as the float32 it is.
        return np.float32(g.random(size(a[0]), dtype=np.float32))
    if op == "stdnorm":
        return g.standard_normal(size(a[0]))
    if op == "stdnorm32":
        return np.float32(g.standard_normal(size(a[0]), dtype=np.float32))
    if op == "normal":
        return g.normal(float(a[0]), float(a[1]), size(a[2]))
    if op == "uniform":
        return g.uniform(float(a[0]), float(a[1]), size(a[2]))
    if op == "exponential":
        return g.exponential(float(a[0]), size(a[1]))
    if op == "stdexp":
        return g.standard_exponential(size(a[0]))
    if op == "stdexp32":
        return np.float32(g.standard_exponential(size(a[0]), dtype=np.float32))
    if op == "integers":
        return g.integers(intarg(a[1]), intarg(a[2]), size(a[4]), dtype=dtype(a[0]), endpoint=a[3] == "1")
    if op == "choice":
        return g.choice(int(a[0]), size(a[1]), replace=a[2] == "1", p=parr(a[3]), shuffle=a[4] == "1")
    if op == "choicearr":
        return g.choice(np.arange(int(a[0])) * 10, size(a[1]), replace=a[2] == "1", p=parr(a[3]), shuffle=a[4] == "1")
    if op == "perm":
        return g.permutation(int(a[0]))
    if op == "shuffle":
        x = np.arange(int(a[0]))
        g.shuffle(x)
        return x
    if op == "shuffle2":
        x = np.arange(int(a[0]) * int(a[1]), dtype=np.float64).reshape(int(a[0]), int(a[1]))
        g.shuffle(x)
        return x
    if op == "permarr":
        x = np.arange(int(a[0]) * int(a[1]), dtype=np.float64).reshape(int(a[0]), int(a[1]))
        return g.permutation(x)
    raise SystemExit("unknown gen op " + op)


def main():
    out = []
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        parts = [p.strip() for p in line.split(";")]
        kind, spec = parts[0].split()
        try:
            if kind == "legacy":
                state = np.random.RandomState(seed_value(spec))
                run = run_legacy
            else:
                state = np.random.default_rng(seed_value(spec))
                run = run_gen
        except Exception as e:
            out.append("!%s: %s" % (type(e).__name__, e))
            out.append("--")
            continue
        for p in parts[1:]:
            op, *args = p.split()
            try:
                out.append(fmt(run(state, op, args)))
            except Exception as e:
                out.append("!%s: %s" % (type(e).__name__, e))
        out.append("--")
    sys.stdout.write("\n".join(out) + "\n")


main()
