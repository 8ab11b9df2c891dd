"""Compiled side of verify for a native Python module (pyc2go compile
--lang python): answers runtime/harness's batch protocol by calling the
functions of the generated ctypes module in this interpreter.

Usage: python native_harness.py MODDIR MODULE FUNCS.json c|strided batch

FUNCS.json maps each compiled function name (overloads f_2, f_3, ...
included) to {"pyname": ..., "contig": [per parameter: annotated
C-contiguous], "kwonly": [names of the keyword-only parameters, passed by
name]}; the call goes through the Python name, as a user's does.
Requests are JSON lines {"func", "args", "out_dir"}: scalar arguments are
Python literals, arrays {"npy": PATH}. Each answer is a line {"repr",
"exc"}; with out_dir, the result (when it holds an array; scalars of a
tuple as 0-d arrays) and every array argument after the call are saved as
ref.py saves them, so verify compares them the same way.

With "strided", every array argument is a non-contiguous view of a larger
buffer (step -2 along the first axis, 2 along the others, the last axis
left contiguous when annotated so): the module must pass it without a
copy, so in-place kernels still write into the caller's memory.
"""
import importlib
import json
import math
import os
import sys
import tempfile

import numpy as np


def literal(text):
    return eval(text, {"__builtins__": {}, "float": float, "complex": complex,
                       "True": True, "False": False, "nan": math.nan, "inf": math.inf})


def strided(a, contig_last):
    """A view with a's values whose strides are not a's."""
    if a.ndim == 0:
        return a
    big = np.empty(tuple(2 * n for n in a.shape), dtype=a.dtype)
    index = [slice(None, None, -2)] + [slice(None, None, 2)] * (a.ndim - 1)
    if contig_last and a.ndim > 1:
        big = np.empty(tuple(2 * n for n in a.shape[:-1]) + a.shape[-1:], dtype=a.dtype)
        index[-1] = slice(None)
    elif contig_last:
        return a.copy()
    v = big[tuple(index)]
    v[...] = a
    return v


def c_order(x):
    return np.array(x, order="C", copy=True)


def has_array(v):
    return isinstance(v, np.ndarray) or (
        isinstance(v, tuple) and any(isinstance(e, np.ndarray) for e in v))


def save_outputs(out_dir, res, args):
    os.makedirs(out_dir, exist_ok=True)
    if has_array(res):
        if isinstance(res, tuple):
            for i, e in enumerate(res):
                np.save(os.path.join(out_dir, "result_%d.npy" % i), c_order(e))
        else:
            np.save(os.path.join(out_dir, "result.npy"), c_order(res))
    for i, a in enumerate(args):
        if isinstance(a, np.ndarray):
            np.save(os.path.join(out_dir, "arg_%d.npy" % i), c_order(a))


def answer(mod, funcs, layout, req, printed):
    info = funcs.get(req["func"])
    if info is None:
        return {"repr": None, "exc": {"type": "HarnessError", "message": "no compiled function %r" % req["func"]}}
    fn = getattr(mod, info["pyname"])
    args = []
    for k, a in enumerate(req["args"]):
        if isinstance(a, dict):
            arr = np.load(a["npy"])
            if layout == "strided":
                arr = strided(arr, info["contig"][k])
            args.append(arr)
        else:
            args.append(literal(str(a)))
    npos = len(args) - len(info["kwonly"])
    try:
        res = call_printing_to(printed, fn, args[:npos], dict(zip(info["kwonly"], args[npos:])))
    except Exception as e:
        return with_stdout({"repr": None, "exc": {"type": type(e).__name__, "message": str(e)}}, printed)
    if req.get("out_dir"):
        save_outputs(req["out_dir"], res, args)
    return with_stdout({"repr": repr(res), "exc": None}, printed)


def call_printing_to(f, fn, args, kwargs):
    """Calls fn with file descriptor 1 on the file f: what the compiled C
    prints (stdio's stdout, flushed after each print) lands there instead
    of in this harness's replies, and is compared with CPython's output as
    the Go harness's captured output is."""
    sys.stdout.flush()
    f.seek(0)
    f.truncate()
    saved = os.dup(1)
    os.dup2(f.fileno(), 1)
    try:
        return fn(*args, **kwargs)
    finally:
        os.dup2(saved, 1)
        os.close(saved)


def with_stdout(rec, f):
    f.seek(0)
    text = f.read().decode("utf-8", "replace")
    if text:
        rec["stdout"] = text
    return rec


def main():
    moddir, modname, funcs_path = sys.argv[1:4]
    layout = sys.argv[4]
    sys.path.insert(0, moddir)
    mod = importlib.import_module(modname)
    with open(funcs_path) as f:
        funcs = json.load(f)
    # One file for every call's output, emptied before each call.
    printed = tempfile.TemporaryFile()
    for line in sys.stdin:
        line = line.strip()
        if line:
            sys.stdout.write(json.dumps(answer(mod, funcs, layout, json.loads(line), printed)) + "\n")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
