"""Inputs for `pyc2go verify kernels.py`: grid sizes small enough to
allocate and stability numbers on both sides of 0.5. Functions not named
here (the norms) get verify's generated inputs."""

CASES = []
for _n, _w in [(3, 0.1), (41, 0.05), (101, 0.2), (2, 0.1), (10, 0.0), (10, -1.0)]:
    CASES.append(("initial_condition", lambda rng, n=_n, w=_w: (n, w)))
for _r in [0.0, 0.1, 0.25, 0.5, 0.6, -0.1]:
    CASES.append(("heat_step", lambda rng, r=_r: (rng.standard_normal(17), r)))
    CASES.append(("heat_step", lambda rng, r=_r: (rng.standard_normal(2), r)))
for _steps in [0, 1, 7, 30, -1]:
    CASES.append(("heat_run", lambda rng, s=_steps: (rng.standard_normal(25), 0.4, s)))
for _n in [0, 1, 2, 5, 12, -1]:
    CASES.append(("step_matrix", lambda rng, n=_n: (n, 0.3)))
