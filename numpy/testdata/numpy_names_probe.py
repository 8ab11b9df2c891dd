"""Prints numpy 1.24's public names: one line per namespace (numpy, its
submodules random, linalg and fft, and ndarray for array attributes and
methods), the namespace then its sorted names. TestNames re-runs this with
/usr/bin/python3 and compares it with ../names.txt, which lets diagnostics
tell a numpy function pyc2go does not support yet from a name numpy does
not have."""

import numpy as np
import numpy.fft
import numpy.linalg
import numpy.random


def public(obj):
    return sorted(n for n in dir(obj) if not n.startswith("_"))


for ns, obj in [("numpy", np), ("numpy.random", np.random), ("numpy.linalg", np.linalg),
                ("numpy.fft", np.fft), ("ndarray", np.ndarray)]:
    print(ns, " ".join(public(obj)))
