"""The logistic function of float32 activations: float32 arrays with
Python float constants stay float32."""
import numpy as np


def f32_sigmoid(x: "float32[:]"):
    return 1.0 / (1.0 + np.exp(-x))
