"""Small shapes, shapes past any machine's memory (2**50 bytes and more:
no Linux overcommit policy grants them) and shapes whose bytes overflow
an int64. Never a shape between: a test must not allocate gigabytes."""

SMALL = [0, 1, 3]
HUGE = [2**25, 10**7, 2**31, 3 * 2**30]  # squared: 2**53 bytes and more


def pair(r):
    k = int(r.integers(3))
    if k == 0:
        return (SMALL[int(r.integers(3))], SMALL[int(r.integers(3))])
    if k == 1:
        return (HUGE[int(r.integers(4))], HUGE[int(r.integers(4))])
    return (0, HUGE[int(r.integers(4))])  # no data: numpy makes it


ROWS = [0, 5, 2**53, 2**62, 2**63 - 1]

CASES = [
    ("grid", pair),
    ("bytes_row", lambda r: (ROWS[int(r.integers(len(ROWS)))],)),
    ("empty_wide", lambda r: ([0, 1, 3, 2**31, 2**32][int(r.integers(5))],)),
]
