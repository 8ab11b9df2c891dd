"""Reference side of runtime/linalg's differential tests.

Run by linalg_test.go with Debian's /usr/bin/python3 + numpy 1.24:

    ref.py OUTDIR [--clib LIB.so]

It draws the test inputs (seeded), calls numpy.linalg on each, and writes
OUTDIR/manifest.json plus one .npy file per input and per result. With
--clib it also calls the C runtime's pyc2go_linalg_* functions in LIB.so
(built by the Go test from runtime/c/src) through ctypes on the same inputs
and records their results beside numpy's, so that the Go test compares both
backends with the same checks. Nothing here decides whether a result is
right: it only records what numpy (and the C runtime) returned.

A case is (fn, args, kwargs): args are arrays or scalars. An array
argument may carry a layout: "T" passes base.swapaxes(-1, -2) (a transposed
view), "step" passes base[..., ::2, ::2] (a strided view); the .npy file
holds the base, and both sides build the same view from it.
"""
import ctypes as ct
import json
import os
import sys
import warnings

import numpy as np

warnings.simplefilter("ignore")  # numpy's RuntimeWarnings on NaN input

LA = np.linalg


class Arg:
    def __init__(self, base, layout=""):
        self.base = np.array(base, order="C")  # not ascontiguousarray: it makes 0-d 1-d
        self.layout = layout

    def view(self):
        if self.layout == "T":
            return self.base.swapaxes(-1, -2)
        if self.layout == "step":
            return self.base[..., ::2, ::2]
        return self.base


CASES = []


def case(fn, *args, _differs=None, **kw):
    """Adds a case. _differs maps a backend ("go", "c") to the reason its
    result may legitimately differ from numpy's beyond the checks' tolerance
    (the tests then log the difference instead of failing)."""
    CASES.append((fn, [a if isinstance(a, Arg) or not isinstance(a, np.ndarray) else Arg(a) for a in args], kw, _differs or {}))


def norm_call(x, ord=None, axis=None, keepdims=False):
    if isinstance(axis, list):
        axis = tuple(axis)
    return LA.norm(x, ord=ord, axis=axis, keepdims=keepdims)


NUMPY = {
    "solve": LA.solve,
    "inv": LA.inv,
    "det": LA.det,
    "slogdet": LA.slogdet,
    "cholesky": LA.cholesky,
    "eigh": LA.eigh,
    "eigvalsh": LA.eigvalsh,
    "eig": LA.eig,
    "eigvals": LA.eigvals,
    "svd": LA.svd,
    "qr": LA.qr,
    "lstsq": LA.lstsq,
    "pinv": LA.pinv,
    "matrix_rank": LA.matrix_rank,
    "norm": norm_call,
    "matrix_power": LA.matrix_power,
    "matmul": np.matmul,
}


# ---- inputs -------------------------------------------------------------

rng = np.random.default_rng(20240601)


def randn(*shape, dtype=np.float64):
    if np.dtype(dtype).kind == "c":
        return (rng.standard_normal(shape) + 1j * rng.standard_normal(shape)).astype(dtype)
    return rng.standard_normal(shape).astype(dtype)


def orth(n, complex_=False):
    q, r = np.linalg.qr(randn(n, n, dtype=np.complex128 if complex_ else np.float64))
    return q * (np.diag(r) / np.abs(np.diag(r)))


def with_cond(m, n, cond, stack=(), dtype=np.float64):
    """Random (stack..., m, n) with singular values from 1 down to 1/cond."""
    k = min(m, n)
    out = np.empty(stack + (m, n), dtype=np.result_type(dtype, np.float64))
    for idx in np.ndindex(*stack):
        c = np.dtype(dtype).kind == "c"
        u, v = orth(m, c)[:, :k], orth(n, c)[:, :k]
        s = np.logspace(0, -np.log10(cond), k) if k > 1 else np.ones(k)
        out[idx] = (u * s) @ v.conj().T
    return out.astype(dtype)


def spd(n, cond=10.0, stack=(), dtype=np.float64):
    out = np.empty(stack + (n, n), dtype=np.result_type(dtype, np.float64))
    for idx in np.ndindex(*stack):
        q = orth(n, np.dtype(dtype).kind == "c")
        s = np.logspace(0, -np.log10(cond), n) if n > 1 else np.ones(n)
        out[idx] = (q * s) @ q.conj().T
        out[idx] = (out[idx] + out[idx].conj().T) / 2
    return out.astype(dtype)


def sym(n, stack=(), dtype=np.float64):
    a = randn(*stack, n, n, dtype=dtype)
    return (a + a.swapaxes(-1, -2)) / 2


def singular_dup(n, dtype=np.float64):
    """Exactly singular for LU: two equal rows stay equal under
    elimination, so one of them reaches an exact zero pivot."""
    a = rng.integers(-9, 10, (n, n)).astype(dtype)
    a[n - 1] = a[0]
    return a


def ints(*shape):
    return rng.integers(-6, 7, shape).astype(np.int64)


F64, F32, C128 = np.float64, np.float32, np.complex128

# solve
for n in (1, 3, 8, 40):
    case("solve", randn(n, n), randn(n))
    case("solve", randn(n, n), randn(n, 3))
case("solve", with_cond(6, 6, 1e8), randn(6))
case("solve", with_cond(6, 6, 1e3, dtype=F32), randn(6, dtype=F32))
case("solve", randn(5, 5, dtype=C128), randn(5, 2, dtype=C128))
case("solve", ints(4, 4) + 7 * np.eye(4, dtype=np.int64), ints(4))
case("solve", singular_dup(5), randn(5))
case("solve", np.zeros((3, 3)), randn(3))
case("solve", singular_dup(4, C128), randn(4, dtype=C128))
case("solve", randn(2, 3, 4, 4), randn(2, 3, 4))
case("solve", randn(2, 1, 3, 3), randn(5, 3, 2))
case("solve", randn(3, 3), randn(3, 0))
case("solve", np.zeros((0, 0)), np.zeros(0))
case("solve", Arg(randn(4, 4), "T"), randn(4))
case("solve", Arg(randn(8, 8), "step"), Arg(randn(8, 3).T.copy(), "T"))
case("solve", randn(3, 4), randn(3))
case("solve", randn(3), randn(3))
case("solve", randn(3, 3), randn(2))
case("solve", randn(3, 3), randn(2, 2))
case("solve", randn(3, 3), np.ones(()))
case("solve", randn(2, 3, 3), randn(4, 3, 1))
case("solve", randn(2, 1, 3, 3), randn(3, 4, 3))

# inv
for n in (1, 2, 5, 30):
    case("inv", randn(n, n))
case("inv", np.array([[1.0, 2.0], [3.0, 4.0]]))
case("inv", with_cond(7, 7, 1e9))
case("inv", randn(4, 4, dtype=F32))
case("inv", randn(4, 4, dtype=C128))
case("inv", ints(3, 3) + 8 * np.eye(3, dtype=np.int64))
case("inv", singular_dup(6))
M789 = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]])
ROUNDING_SINGULAR = ("singular or not by rounding: OpenBLAS's LU (left-looking, fused multiply-adds) "
                     "meets an exact zero pivot where gonum's right-looking LU leaves 6.7e-16")
case("inv", M789, _differs={"go": ROUNDING_SINGULAR})
case("inv", randn(2, 3, 3, 3))
case("inv", np.zeros((2, 0, 0)))
case("inv", Arg(randn(5, 5), "T"))
case("inv", randn(3, 4))
case("inv", randn(4))

# det, slogdet
for fn in ("det", "slogdet"):
    for n in (0, 1, 2, 3, 10, 60):
        case(fn, randn(n, n))
    case(fn, np.array([[1.0, 2.0], [3.0, 4.0]]))
    case(fn, M789, _differs={"go": ROUNDING_SINGULAR} if fn == "slogdet" else None)
    case(fn, singular_dup(5))
    case(fn, with_cond(8, 8, 1e10))
    case(fn, randn(3, 2, 4, 4))
    case(fn, randn(5, 5, dtype=F32))
    case(fn, randn(4, 4, dtype=C128))
    case(fn, singular_dup(3, C128))
    case(fn, ints(4, 4))
    case(fn, 10 * randn(200, 200))
    case(fn, Arg(randn(6, 6), "T"))
    case(fn, randn(2, 3))
    case(fn, randn(3))

# cholesky
for n in (1, 4, 20):
    case("cholesky", spd(n))
case("cholesky", spd(6, 1e9))
case("cholesky", spd(5, dtype=F32))
case("cholesky", spd(4, dtype=C128))
case("cholesky", spd(3, stack=(2, 2)))
case("cholesky", sym(5) - 3 * np.eye(5))
case("cholesky", np.array([[1.0, 2.0], [2.0, 1.0]]))
case("cholesky", spd(4, dtype=C128) - 2 * np.eye(4))
case("cholesky", np.tril(spd(4)) + np.triu(randn(4, 4), 1))
case("cholesky", np.zeros((0, 0)))
case("cholesky", randn(3, 4))
case("cholesky", ints(3, 3) @ ints(3, 3).T + np.eye(3, dtype=np.int64))

# eigh, eigvalsh
for fn in ("eigh", "eigvalsh"):
    for n in (1, 3, 12):
        case(fn, sym(n))
    case(fn, sym(5), UPLO="U")
    case(fn, sym(5), UPLO="u")
    case(fn, np.tril(randn(5, 5)), UPLO="L")
    case(fn, np.triu(randn(5, 5)), UPLO="U")
    case(fn, sym(4, stack=(3,)))
    case(fn, sym(6, dtype=F32))
    case(fn, np.diag([2.0, 2.0, 1.0, 2.0]))
    case(fn, spd(7, 1e8))
    case(fn, np.zeros((0, 0)))
    case(fn, sym(3), UPLO="X")
    case(fn, randn(2, 3))
    case(fn, ints(4, 4))

# eig, eigvals
for fn in ("eig", "eigvals"):
    for n in (1, 2, 5, 15):
        case(fn, randn(n, n))
    case(fn, sym(6))
    case(fn, np.array([[0.0, -1.0], [1.0, 0.0]]))
    case(fn, np.triu(randn(5, 5)))
    case(fn, randn(3, 4, 4))
    case(fn, randn(5, 5, dtype=F32))
    case(fn, ints(4, 4))
    case(fn, np.zeros((0, 0)))
    case(fn, np.array([[1.0, np.inf], [0.0, 1.0]]))
    case(fn, np.array([[np.nan, 0.0], [0.0, 1.0]]))
    case(fn, randn(3, 2))

# svd
for shape in ((5, 3), (3, 5), (4, 4), (1, 6), (6, 1), (0, 3), (3, 0)):
    case("svd", randn(*shape))
    case("svd", randn(*shape), full_matrices=False)
    case("svd", randn(*shape), compute_uv=False)
case("svd", with_cond(8, 5, 1e10))
case("svd", with_cond(6, 6, 1e3)[:, [0, 1, 1, 2, 3, 3]])
case("svd", randn(2, 3, 4, 3))
case("svd", randn(2, 3, 4, 3), full_matrices=False)
case("svd", randn(6, 4, dtype=F32))
case("svd", randn(6, 4, dtype=F32), compute_uv=False)
case("svd", ints(4, 5))
case("svd", Arg(randn(5, 7), "T"))
case("svd", np.array([[np.nan, 0.0], [0.0, 1.0]]))
case("svd", randn(4))

# qr
for mode in ("reduced", "complete", "r", "raw"):
    for shape in ((5, 3), (3, 5), (4, 4)):
        case("qr", randn(*shape), mode=mode)
    case("qr", randn(2, 5, 3), mode=mode)
    case("qr", randn(4, 3, dtype=F32), mode=mode)
    case("qr", np.zeros((0, 3)), mode=mode)
case("qr", ints(5, 4))
case("qr", Arg(randn(3, 6), "T"))
case("qr", randn(4, 4), mode="economy")
case("qr", randn(4))

# lstsq
for rcond in (None, -1, 0.1):
    case("lstsq", randn(10, 3), randn(10), rcond=rcond)
case("lstsq", randn(10, 3), randn(10, 2), rcond=None)
case("lstsq", randn(3, 10), randn(3), rcond=None)
case("lstsq", randn(3, 10), randn(3, 4), rcond=None)
case("lstsq", randn(6, 6), randn(6), rcond=None)
rd = randn(12, 4)
rd[:, 3] = rd[:, 1]
case("lstsq", rd, randn(12), rcond=None)
case("lstsq", with_cond(20, 5, 1e6), randn(20, 3), rcond=None)
case("lstsq", randn(8, 3, dtype=F32), randn(8, dtype=F32), rcond=None)
case("lstsq", ints(7, 3), ints(7), rcond=None)
case("lstsq", randn(5, 0), randn(5), rcond=None)
case("lstsq", randn(0, 3), randn(0, 2), rcond=None)
case("lstsq", randn(5, 3), randn(5, 0), rcond=None)
case("lstsq", randn(5, 3), randn(4), rcond=None)
case("lstsq", randn(2, 5, 3), randn(5), rcond=None)
case("lstsq", randn(5, 3), np.ones(()), rcond=None)

# pinv
for shape in ((5, 3), (3, 5), (4, 4)):
    case("pinv", randn(*shape))
case("pinv", rd)
case("pinv", rd, rcond=0.5)
case("pinv", randn(2, 4, 3))
case("pinv", randn(5, 3, dtype=F32))
case("pinv", ints(3, 4))
case("pinv", np.zeros((0, 3)))
case("pinv", with_cond(6, 6, 1e12))
case("pinv", randn(4))

# matrix_rank
case("matrix_rank", randn(5, 4))
case("matrix_rank", rd)
case("matrix_rank", with_cond(6, 6, 1e20))
case("matrix_rank", randn(3, 5, 4))
case("matrix_rank", randn(5, 4, dtype=F32))
case("matrix_rank", rd, tol=0.5)
case("matrix_rank", np.zeros(4))
case("matrix_rank", randn(4))
case("matrix_rank", np.zeros((3, 3)))
case("matrix_rank", ints(4, 4))

# norm
vec = randn(7)
for o in (None, 1, 2, np.inf, -np.inf, 0, 3, -1, 0.5, -2, 1.5):
    case("norm", vec, ord=o)
for o in (None, "fro", "nuc", 1, -1, 2, -2, np.inf, -np.inf):
    case("norm", randn(4, 5), ord=o)
    case("norm", randn(2, 3, 4), ord=o, axis=[2, 0])
m3 = randn(3, 4, 5)
case("norm", m3)
case("norm", m3, axis=1)
case("norm", m3, axis=-1, ord=1, keepdims=True)
case("norm", m3, axis=[1, 2])
case("norm", m3, axis=[0, 1])
case("norm", m3, axis=[-1, -3], keepdims=True)
case("norm", m3, keepdims=True)
case("norm", randn(4, 5), ord="fro", keepdims=True)
case("norm", randn(6, dtype=F32))
case("norm", randn(6, dtype=F32), ord=3)
case("norm", randn(5, 4, dtype=F32), ord=2)
case("norm", randn(6, dtype=C128))
case("norm", randn(6, dtype=C128), ord=np.inf)
case("norm", randn(3, 4, dtype=C128), ord="fro")
case("norm", randn(3, 4, dtype=C128), ord=1)
case("norm", ints(5))
case("norm", ints(3, 3), ord=np.inf)
case("norm", np.zeros((0,)), ord=1)
case("norm", np.zeros((0,)), ord=np.inf)
case("norm", vec, ord="fro")
case("norm", vec, ord="nuc")
case("norm", randn(3, 3), ord=3)
case("norm", randn(3, 3), ord="bad")
case("norm", randn(3, 3), axis=[0, 0])
case("norm", randn(3, 3), axis=[0, -2])
case("norm", randn(3, 3), axis=2)
case("norm", randn(3, 3), axis=[0, 2])
case("norm", randn(2, 2, 2), ord=2)
case("norm", Arg(randn(4, 6), "T"), ord=1)

# matrix_power
for n in (0, 1, 2, 3, 5, 8, -1, -3):
    case("matrix_power", randn(4, 4) / 2, n)
case("matrix_power", randn(2, 3, 3) / 2, 6)
case("matrix_power", randn(3, 3, dtype=F32) / 2, 5)
case("matrix_power", randn(3, 3, dtype=C128) / 2, 7)
case("matrix_power", ints(3, 3), 4)
case("matrix_power", ints(3, 3), 0)
case("matrix_power", singular_dup(3), -2)
case("matrix_power", randn(3, 4), 2)
case("matrix_power", randn(3), 2)

# matmul (the BLAS-backed products)
for (m, k, n) in ((1, 1, 1), (3, 4, 5), (40, 30, 20), (130, 70, 90)):
    case("matmul", randn(m, k), randn(k, n))
    case("matmul", randn(m, k, dtype=F32), randn(k, n, dtype=F32))
case("matmul", Arg(randn(6, 5), "T"), randn(6, 7))
case("matmul", randn(5, 6), Arg(randn(7, 6), "T"))
case("matmul", Arg(randn(10, 12), "step"), Arg(randn(12, 14), "step"))
# large enough for the register-tiled kernels, with every layout and ragged edges
case("matmul", Arg(randn(70, 61), "T"), randn(70, 53))
case("matmul", randn(45, 50), Arg(randn(67, 50), "T"))
case("matmul", Arg(randn(66, 90), "step"), Arg(randn(90, 100), "step"))
case("matmul", Arg(randn(70, 61, dtype=F32), "T"), Arg(randn(77, 70, dtype=F32), "T"))
case("matmul", randn(300, 270), randn(270, 33))
case("matmul", randn(2, 3, 4), randn(4, 5))
case("matmul", randn(5), randn(5, 3))
case("matmul", randn(4, 5), randn(5))
case("matmul", randn(3, 0), randn(0, 4))
case("matmul", randn(3, 4), randn(5, 2))
case("matmul", randn(2, 3, 4), randn(3, 4, 2))


# ---- recording ------------------------------------------------------------

def save(out, name, arr):
    np.save(os.path.join(out, name), np.array(arr, order="C"))
    return name


def results(r):
    """numpy's result as a list of arrays (scalars as 0-d arrays)."""
    if not isinstance(r, tuple):
        r = (r,)
    return [np.asarray(x) for x in r]


def run(fn, args, kw):
    try:
        return {"ok": True, "res": results(NUMPY[fn](*[a.view() if isinstance(a, Arg) else a for a in args], **kw))}
    except Exception as e:  # noqa: BLE001 - the class and message are the result
        return {"ok": False, "exc": type(e).__name__, "msg": str(e)}


def record(out, cid, tag, r):
    if not r["ok"]:
        return {"ok": False, "exc": r["exc"], "msg": r["msg"]}
    return {"ok": True, "res": [save(out, f"{cid}_{tag}{i}.npy", x) for i, x in enumerate(r["res"])],
            "dtypes": [str(x.dtype) for x in r["res"]]}


def info(fn, args):
    """Condition numbers of the first argument's matrices, which the tests'
    tolerances scale with: "cond" is the 2-norm condition number (the
    largest in a stack; inf when singular), "cond_eff" the same over the
    singular values above 1e-10 * max (what a rank-revealing solver
    inverts)."""
    if not args or not isinstance(args[0], Arg):
        return {}
    a = args[0].view()
    if a.ndim < 2 or a.size == 0 or not np.isfinite(a).all():
        return {}
    s = np.linalg.svd(a.astype(np.complex128 if a.dtype.kind == "c" else np.float64), compute_uv=False)
    smax = s.max(axis=-1, keepdims=True)
    if not (smax > 0).all():
        return {}
    smin = s.min(axis=-1)
    seff = np.where(s > 1e-10 * smax, s, np.inf).min(axis=-1)
    with np.errstate(divide="ignore"):
        cond = float(np.max(np.where(smin > 0, smax[..., 0] / np.where(smin > 0, smin, 1), np.inf)))
    cond_eff = float(np.max(smax[..., 0] / seff))
    # JSON has no infinity: a singular stack has no "cond".
    return {k: v for k, v in (("cond", cond), ("cond_eff", cond_eff)) if np.isfinite(v)}


def main():
    out = sys.argv[1]
    clib = None
    if "--clib" in sys.argv:
        import cbackend  # noqa: E402  (beside this file)
        clib = cbackend.Lib(sys.argv[sys.argv.index("--clib") + 1])
    manifest = []
    for i, (fn, args, kw, differs) in enumerate(CASES):
        cid = f"c{i}_{fn}"
        entry = {"id": cid, "fn": fn, "kw": {k: (v if not isinstance(v, float) or np.isfinite(v) else repr(v)) for k, v in kw.items()},
                 "args": [], "differs": differs, **info(fn, args)}
        for j, a in enumerate(args):
            if isinstance(a, Arg):
                entry["args"].append({"npy": save(out, f"{cid}_a{j}.npy", a.base), "layout": a.layout})
            else:
                entry["args"].append({"scalar": a})
        entry["np"] = record(out, cid, "np", run(fn, args, kw))
        if clib is not None:
            entry["c"] = record(out, cid, "c", clib.run(fn, args, kw))
        manifest.append(entry)
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    main()
