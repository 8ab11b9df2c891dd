"""Shift counts around and outside [0, bits)."""
import numpy as np

CASES = [
    ("shr", lambda r: (np.int8(r.integers(-128, 128)), np.int8(r.integers(-10, 12)))),
    ("shl", lambda r: (np.int16(r.integers(-300, 300)), np.int16(r.integers(-20, 20)))),
    ("shr_const", lambda r: (np.int8(r.integers(-128, 128)),)),
    ("shl_const", lambda r: (np.int32(r.integers(-1000, 1000)),)),
    ("ushr", lambda r: (np.uint8(r.integers(0, 256)), np.uint8(r.integers(0, 12)))),
]
