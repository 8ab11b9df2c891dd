"""Prints numpy 1.24's result dtypes for array operations: array op array,
array op scalar (with value-based casting: one line per scalar value class),
unary operators, one-array ufuncs and reductions. TestDTypes re-runs this
with /usr/bin/python3, checks that ../dtypes.txt expands back to exactly its
output and rewrites that file with PYC2GO_UPDATE=1 (see ../dtype.go)."""

import operator
import warnings

import numpy as np

warnings.simplefilter("ignore")

KINDS = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
         "float32", "float64", "complex64", "complex128"]

BINOPS = [
    ("+", operator.add), ("-", operator.sub), ("*", operator.mul), ("/", operator.truediv),
    ("//", operator.floordiv), ("%", operator.mod), ("**", operator.pow),
    ("&", operator.and_), ("|", operator.or_), ("^", operator.xor),
    ("<<", operator.lshift), (">>", operator.rshift),
    ("arctan2", np.arctan2), ("hypot", np.hypot), ("minimum", np.minimum),
    ("maximum", np.maximum), ("fmin", np.fmin), ("fmax", np.fmax), ("power", np.power),
    ("logical_and", np.logical_and), ("logical_or", np.logical_or),
    ("where", lambda x, y: np.where(np.ones(2, bool), x, y)),
    ("dot", np.dot),
]

# Value classes of scalars for numpy 1.24's value-based casting. A scalar
# operand's result dtype depends on its type AND its value: each class is a
# kind and a representative value; every value that min_scalar_type treats
# alike (the same signed/unsigned range) shares the representative's class.
# dtype.go maps constants and unknown values to these classes.
INT_REPS = [1, 200, 1000, 40000, 100000, 3000000000, 1 << 40, 1 << 63,
            -1, -200, -40000, -3000000000]
FLOAT_REPS = [2.0, 1e5, 1e300]
COMPLEX_REPS = [2j, 1e300j]
CTOR = {"bool": bool, "int64": int, "float64": float, "complex128": complex}


def scalar_classes():
    out = [("bool:True", True)]
    for k in KINDS[1:]:
        info = None
        if k.startswith(("int", "uint")):
            info, reps = np.iinfo(k), INT_REPS
        elif k.startswith("float"):
            info, reps = np.finfo(k), FLOAT_REPS
        else:
            info, reps = np.finfo(k), COMPLEX_REPS
        ctor = CTOR.get(k, getattr(np, k))
        for v in reps:
            mag = v.imag if isinstance(v, complex) else v
            if info.min <= mag <= info.max:
                out.append(("%s:%r" % (k, v), ctor(v)))
    return out


SCALARS = scalar_classes()

UFUNCS = ["sqrt", "exp", "log", "log2", "log10", "sin", "cos", "tan", "arcsin", "arccos",
          "arctan", "sinh", "cosh", "tanh", "abs", "absolute", "floor", "ceil", "rint",
          "round", "sign", "isnan", "isinf", "isfinite", "logical_not", "negative", "trunc",
          "sum", "prod", "min", "max", "mean", "std", "var", "argmin", "argmax", "any",
          "all", "cumsum", "cumprod", "copy", "square", "conjugate"]

UNOPS = [("-", operator.neg), ("+", operator.pos), ("~", operator.invert), ("abs", abs)]


def arr(k, n=2):
    return np.ones(n, dtype=k)


def dt(v):
    if isinstance(v, (bool, np.bool_)):
        return "bool"
    if isinstance(v, int):
        return "int64"
    if isinstance(v, float):
        return "float64"
    if isinstance(v, complex):
        return "complex128"
    return np.asarray(v).dtype.name


def result(fn, *args):
    try:
        return dt(fn(*args))
    except TypeError:
        return "error"
    except ValueError:  # int ** negative int
        return "valueerror"


def main():
    lines = []
    for name, fn in UNOPS:
        for k in KINDS:
            lines.append("un %s %s -> %s" % (name, k, result(fn, arr(k))))
    for name in UFUNCS:
        for k in KINDS:
            lines.append("fn %s %s -> %s" % (name, k, result(getattr(np, name), arr(k))))
    for lk in KINDS:  # in-place operators (a += b) cast with casting="same_kind"
        for rk in KINDS:
            lines.append("ck %s %s -> %s" % (lk, rk, np.can_cast(lk, rk, "same_kind")))
    for name, fn in BINOPS:
        for lk in KINDS:
            for rk in KINDS:
                lines.append("aa %s %s %s -> %s" % (name, lk, rk, result(fn, arr(lk), arr(rk))))
        if name == "dot":
            continue
        for k in KINDS:
            for sname, v in SCALARS:
                res = result(fn, arr(k), v)
                lines.append("as %s %s %s -> %s" % (name, k, sname, res))
                left = result(fn, v, arr(k))
                if name in ("**", "power"):  # the only operations whose result depends on the side
                    lines.append("sa %s %s %s -> %s" % (name, sname, k, left))
                elif left != res:  # typeinfer looks up "as" lines for both sides
                    raise SystemExit("asymmetric: %s %s %s" % (name, k, sname))
    print("\n".join(lines))


main()
