package linalg

// Float is the real element types of numpy.linalg's results: float64, and
// float32 for float32 inputs (computed in float64 and rounded, as numpy
// 1.24 does).
type Float interface{ float32 | float64 }

// Scalar is the element types of the functions that also take complex
// matrices (solve, inv, det, slogdet, cholesky, matrix_power, norm).
type Scalar interface{ float32 | float64 | complex128 }

// number is every element type matrix_power multiplies.
type number interface{ Int | Scalar }
