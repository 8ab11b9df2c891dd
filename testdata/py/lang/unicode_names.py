"""Identifiers are NFKC-normalised as CPython does (PEP 3131, issue #15):
two spellings that normalise alike are one name."""
import math

import numpy as np


def fraktur(x: float) -> float:
    """ℌ and H are the same variable: the second assignment wins."""
    ℌ = x
    H = 2.0
    return ℌ + 1.0


def ligature(ﬁ: int) -> int:
    """A parameter spelled with the ﬁ ligature is read back as fi."""
    return fi * 3


def greek(α: float, β: float) -> float:
    """Non-ASCII names that need no normalisation stay as they are."""
    γ = α * β
    return math.sqrt(abs(γ)) + α


def subscript_sum(a: "float64[:]") -> float:
    """sᵢ (a subscript i) normalises to si: both spellings name the same
    accumulator."""
    sᵢ = 0.0
    for i in range(a.shape[0]):
        si += a[i] * a[i]
    return sᵢ


def full_width(n: int) -> "float64[:]":
    """Full-width letters in a local name and a keyword argument."""
    ｓｃａｌｅ = 0.5
    return np.linspace(0.0, scale, max(n, 0))
