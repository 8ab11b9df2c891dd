// Package gonumconv converts between pyc2go's *runtime.Array[float64] and
// gonum's mat.Dense and mat.VecDense, so that kernels compiled by pyc2go
// and gonum code can work on the same memory.
//
// It lives beside the runtime, not in it, because the runtime package that
// generated code imports must stay free of dependencies; a program that
// never imports gonumconv never builds gonum.
//
// # Sharing and copying
//
// Dense, Matrix and VecDense share the array's elements: a write through
// the gonum value is visible through the array and the other way round. They
// succeed exactly when gonum can describe the array's layout without a copy:
//
//	gonum type   element (i, j) / (i) at            the array needs
//	mat.Dense    Data[i*Stride + j]                  rank 2, column stride 1, row stride >= columns
//	Transpose    Dense of the transposed array      rank 2, row stride 1, column stride >= rows (Matrix only)
//	mat.VecDense Data[i*Inc], Inc > 0               rank 1, stride > 0
//
// An axis of extent 1 never moves, so its stride does not matter. Anything
// else (a reversed view a[::-1], a broadcast axis with stride 0, columns
// that interleave, a column view m[:, ::2] of a matrix) is reported as an
// error wrapping ErrLayout; CopyDense and CopyVecDense accept every layout
// and copy. gonum has no empty matrices or vectors, so an array with a zero
// extent is an error for every conversion, wrapping ErrEmpty.
//
// FromDense and FromVecDense go the other way and always share.
//
// Data is passed to gonum from the array's first element to the end of the
// underlying slice (not capped at the last element), as gonum's own views
// are: gonum detects aliasing between its arguments and receivers through
// the slices' capacity, so two views of one runtime array stay visibly
// aliased to gonum (mat.Dense.Mul panics on an aliased receiver instead
// of computing garbage).
package gonumconv
