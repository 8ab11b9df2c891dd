"""Histograms and counting with integer bins: fixed-width float
histograms, counts of small integers, bin lookups and label statistics."""
import numpy as np


def histogram_fixed(x: "float64[:]", lo: float, hi: float, nbins: int) -> "int64[:]":
    """Counts of x in nbins equal bins over [lo, hi); values outside
    (and NaN) are ignored."""
    if nbins <= 0 or nbins > 1000:
        raise ValueError("nbins must be in 1..1000")
    if not (hi > lo):
        raise ValueError("empty range")
    counts = np.zeros(nbins, dtype=np.int64)
    width = (hi - lo) / nbins
    for v in x:
        if v >= lo and v < hi:
            b = int((v - lo) / width)
            if b >= nbins:
                b = nbins - 1
            counts[b] += 1
    return counts


def histogram_unit(x: "float64[:]") -> "int64[:]":
    """Ten bins over [-1, 1): the common case with constant bounds."""
    counts = np.zeros(10, dtype=np.int64)
    for i in range(x.shape[0]):
        v = x[i]
        if v >= -1.0 and v < 1.0:
            b = min(int((v + 1.0) * 5.0), 9)
            counts[b] += 1
    return counts


def bincount_small(labels: "int64[:]") -> "int64[:]":
    """Counts of the values 0..255 (others are ignored), like np.bincount
    with a fixed length."""
    counts = np.zeros(256, dtype=np.int64)
    for v in labels:
        if v >= 0 and v < 256:
            counts[v] += 1
    return counts


def byte_histogram(data: "uint8[:]") -> "int64[:]":
    """Histogram of bytes: every uint8 is a valid bin."""
    counts = np.zeros(256, dtype=np.int64)
    for i in range(data.shape[0]):
        counts[data[i]] += 1
    return counts


def byte_entropy(data: "uint8[:]") -> float:
    """Shannon entropy in bits of a byte string."""
    n = data.shape[0]
    if n == 0:
        return 0.0
    counts = np.zeros(256, dtype=np.int64)
    for b in data:
        counts[b] += 1
    h = 0.0
    for k in range(256):
        if counts[k] > 0:
            p = counts[k] / n
            h -= p * np.log2(p)
    return h


def label_sums(values: "float64[:]", labels: "int64[:]") -> "float64[:]":
    """Per-label sums for labels 0..15; other labels are dropped."""
    if values.shape[0] != labels.shape[0]:
        raise ValueError("label_sums: lengths differ")
    sums = np.zeros(16)
    for i in range(values.shape[0]):
        k = labels[i]
        if k >= 0 and k < 16:
            sums[k] += values[i]
    return sums


def mode_small(labels: "int32[:]") -> int:
    """Most frequent value among 0..99 (smallest on ties); -1 if none."""
    counts = np.zeros(100, dtype=np.int64)
    for v in labels:
        if v >= 0 and v < 100:
            counts[v] += 1
    if np.max(counts) == 0:
        return -1
    return np.argmax(counts)


def count_in_range(x: "float64[:]", lo: float, hi: float) -> int:
    """Number of elements with lo <= x < hi, whole-array style."""
    return np.sum(np.logical_and(x >= lo, x < hi))


def digitize_sorted(x: "float64[:]", edges: "float64[:]") -> "int64[:]":
    """For every x, the number of edges <= x (edges scanned linearly)."""
    out = np.zeros(x.shape[0], dtype=np.int64)
    for i in range(x.shape[0]):
        c = 0
        for j in range(edges.shape[0]):
            if edges[j] <= x[i]:
                c += 1
        out[i] = c
    return out


def histogram_2d(x: "float64[:]", y: "float64[:]") -> "int64[:, :]":
    """4x4 joint histogram of (x, y) over [-2, 2) x [-2, 2)."""
    h = np.zeros((4, 4), dtype=np.int64)
    for i in range(min(x.shape[0], y.shape[0])):
        if x[i] >= -2.0 and x[i] < 2.0 and y[i] >= -2.0 and y[i] < 2.0:
            bx = min(int(x[i] + 2.0), 3)
            by = min(int(y[i] + 2.0), 3)
            h[bx, by] += 1
    return h
