package gonumconv

import (
	"errors"
	"fmt"

	"github.com/pyc2go/pyc2go/runtime"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/mat"
)

var (
	// ErrLayout is wrapped by the error of a sharing conversion whose
	// array gonum cannot describe without a copy.
	ErrLayout = errors.New("layout gonum cannot share")
	// ErrEmpty is wrapped by the error of a conversion of an array with no
	// elements: gonum has no empty matrices or vectors.
	ErrEmpty = errors.New("empty array")
)

// Dense returns a mat.Dense sharing a's elements. a must be 2-d with
// contiguous rows (column stride 1) that do not overlap (row stride at
// least the number of columns): a C-contiguous array, or a view of one
// that selects a block (m[1:3, 2:5]) or every k-th row (m[::2, :]).
func Dense(a *runtime.Array[float64]) (*mat.Dense, error) {
	g, err := general(a, "Dense")
	if err != nil {
		return nil, err
	}
	var d mat.Dense
	d.SetRawMatrix(g)
	return &d, nil
}

// Matrix is Dense, and also accepts the transpose of such a layout
// (a column-major array, as a.T of a C-contiguous a is), returned as the
// mat.Transpose of a Dense sharing its elements.
func Matrix(a *runtime.Array[float64]) (mat.Matrix, error) {
	d, err := Dense(a)
	if err == nil {
		return d, nil
	}
	if !errors.Is(err, ErrLayout) {
		return nil, err
	}
	t, terr := Dense(a.Transpose())
	if terr != nil {
		// The first error describes the array the caller passed.
		return nil, err
	}
	return t.T(), nil
}

// general describes a as a blas64.General without copying.
func general(a *runtime.Array[float64], fn string) (blas64.General, error) {
	if len(a.Shape) != 2 {
		return blas64.General{}, fmt.Errorf("gonumconv.%s: a %d-d array is not a matrix", fn, len(a.Shape))
	}
	r, c := a.Shape[0], a.Shape[1]
	if r == 0 || c == 0 {
		return blas64.General{}, fmt.Errorf("gonumconv.%s: shape (%d, %d): %w", fn, r, c, ErrEmpty)
	}
	if c > 1 && a.Strides[1] != 1 {
		return blas64.General{}, fmt.Errorf("gonumconv.%s: column stride %d, gonum needs 1 (CopyDense copies): %w", fn, a.Strides[1], ErrLayout)
	}
	stride := a.Strides[0]
	if r == 1 {
		// The only row never moves; gonum only needs a stride that
		// keeps rows apart.
		stride = c
	}
	if stride < c {
		return blas64.General{}, fmt.Errorf("gonumconv.%s: row stride %d with %d columns, gonum needs a stride >= the columns (CopyDense copies): %w", fn, stride, c, ErrLayout)
	}
	data, err := window(a, (r-1)*stride+c, fn)
	if err != nil {
		return blas64.General{}, err
	}
	return blas64.General{Rows: r, Cols: c, Stride: stride, Data: data}, nil
}

// window returns a.Data from a's first element, checking that the n
// elements gonum will index from there are inside it.
func window(a *runtime.Array[float64], n int, fn string) ([]float64, error) {
	if a.Offset < 0 || a.Offset+n > len(a.Data) {
		return nil, fmt.Errorf("gonumconv.%s: array reaches element %d of %d, outside its data (offset %d)", fn, a.Offset+n-1, len(a.Data), a.Offset)
	}
	// Not capped at n: see the package comment on aliasing.
	return a.Data[a.Offset:], nil
}

// VecDense returns a mat.VecDense sharing a's elements. a must be 1-d with
// a positive stride: contiguous, or every k-th element (x[::2]), or a
// column of a C-contiguous matrix (m[:, j]).
func VecDense(a *runtime.Array[float64]) (*mat.VecDense, error) {
	if len(a.Shape) != 1 {
		return nil, fmt.Errorf("gonumconv.VecDense: a %d-d array is not a vector", len(a.Shape))
	}
	n := a.Shape[0]
	if n == 0 {
		return nil, fmt.Errorf("gonumconv.VecDense: shape (0,): %w", ErrEmpty)
	}
	inc := a.Strides[0]
	if n == 1 {
		inc = 1
	}
	if inc <= 0 {
		return nil, fmt.Errorf("gonumconv.VecDense: stride %d, gonum needs a positive stride (CopyVecDense copies): %w", inc, ErrLayout)
	}
	data, err := window(a, (n-1)*inc+1, "VecDense")
	if err != nil {
		return nil, err
	}
	var v mat.VecDense
	v.SetRawVector(blas64.Vector{N: n, Inc: inc, Data: data})
	return &v, nil
}

// CopyDense returns a new mat.Dense holding a copy of the 2-d array a, in
// any layout.
func CopyDense(a *runtime.Array[float64]) (*mat.Dense, error) {
	if len(a.Shape) != 2 {
		return nil, fmt.Errorf("gonumconv.CopyDense: a %d-d array is not a matrix", len(a.Shape))
	}
	r, c := a.Shape[0], a.Shape[1]
	if r == 0 || c == 0 {
		return nil, fmt.Errorf("gonumconv.CopyDense: shape (%d, %d): %w", r, c, ErrEmpty)
	}
	return mat.NewDense(r, c, a.Copy().Data), nil
}

// CopyVecDense returns a new mat.VecDense holding a copy of the 1-d array
// a, in any layout.
func CopyVecDense(a *runtime.Array[float64]) (*mat.VecDense, error) {
	if len(a.Shape) != 1 {
		return nil, fmt.Errorf("gonumconv.CopyVecDense: a %d-d array is not a vector", len(a.Shape))
	}
	if a.Shape[0] == 0 {
		return nil, fmt.Errorf("gonumconv.CopyVecDense: shape (0,): %w", ErrEmpty)
	}
	return mat.NewVecDense(a.Shape[0], a.Copy().Data), nil
}

// FromDense returns a 2-d array sharing m's elements (m's stride becomes
// the row stride). An empty m gives a (0, 0) array.
func FromDense(m *mat.Dense) *runtime.Array[float64] {
	g := m.RawMatrix()
	return &runtime.Array[float64]{Data: g.Data, Shape: []int{g.Rows, g.Cols}, Strides: []int{g.Stride, 1}}
}

// FromVecDense returns a 1-d array sharing v's elements (v's increment
// becomes the stride). An empty v gives a (0,) array.
func FromVecDense(v *mat.VecDense) *runtime.Array[float64] {
	g := v.RawVector()
	return &runtime.Array[float64]{Data: g.Data, Shape: []int{g.N}, Strides: []int{g.Inc}}
}
