"""z-scores per column: axis-0 mean and std broadcast back."""
import numpy as np
import numpy.typing as npt


def standardize_cols(a: npt.NDArray[np.float64]):
    return (a - a.mean(axis=0)) / a.std(axis=0)
