"""A 2-D "valid" convolution with a small kernel, four explicit loops."""
import numpy as np


def conv2d_loops(img: "float64[:, :]", k: "float64[:, :]"):
    h, w = img.shape
    kh, kw = k.shape
    out = np.zeros((h - kh + 1, w - kw + 1))
    for i in range(h - kh + 1):
        for j in range(w - kw + 1):
            acc = 0.0
            for u in range(kh):
                for v in range(kw):
                    acc += img[i + u, j + v] * k[u, v]
            out[i, j] = acc
    return out
