"""Arrays numpy refuses to make (issue #15): a shape whose bytes overflow
an int64 is numpy's ValueError, one beyond any machine's memory its
MemoryError with the size, shape and dtype; both backends raise them, the
Go runtime before asking for the memory (it cannot recover from running
out of it)."""
import numpy as np


def grid(n: int, m: int) -> float:
    """np.zeros of n x m float64: fine when small, ValueError past 2**63
    bytes, MemoryError between."""
    if n < 0 or m < 0:
        return -1.0
    return float(np.zeros((n, m)).sum())


def bytes_row(n: int) -> int:
    """A uint8 row of n elements: the MemoryError names dtype uint8."""
    if n < 0:
        return -1
    return int(np.ones(n, np.uint8)[:3].sum())


def empty_wide(n: int) -> int:
    """An extent 0 beside a huge one: no data, yet numpy still checks the
    bytes of the others."""
    if n < 0:
        return -1
    return np.zeros((0, n, n)).size
