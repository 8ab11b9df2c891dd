"""Great-circle (haversine) distances between coordinate pairs, Pythran
export style (numpy-benchmarks' arc_distance shape)."""
import numpy as np


#pythran export arc_distance(float64[:], float64[:], float64[:], float64[:])
def arc_distance(theta_1, phi_1, theta_2, phi_2):
    temp = (np.sin((theta_2 - theta_1) / 2) ** 2
            + np.cos(theta_1) * np.cos(theta_2) * np.sin((phi_2 - phi_1) / 2) ** 2)
    return 2 * np.arctan2(np.sqrt(temp), np.sqrt(1 - temp))
