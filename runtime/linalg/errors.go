package linalg

import (
	"fmt"
	"strings"

	"github.com/pyc2go/pyc2go/runtime"
)

// Exception classes numpy.linalg raises besides runtime's: LinAlgError
// (numpy.linalg.LinAlgError, a direct subclass of Exception in numpy 1.24)
// and AxisError (numpy.AxisError, raised by norm's reductions for an axis
// out of range).
const (
	LinAlgError = "LinAlgError"
	AxisError   = "AxisError"
)

// ErrLinAlg is the class sentinel of LinAlgError for errors.Is.
var ErrLinAlg error = &runtime.Error{Type: LinAlgError}

// numpy's messages, spelled as numpy/linalg/linalg.py spells them.
const (
	msgSingular    = "Singular matrix"
	msgNotPosDef   = "Matrix is not positive definite"
	msgEigConv     = "Eigenvalues did not converge"
	msgSVDConv     = "SVD did not converge"
	msgLstsqConv   = "SVD did not converge in Linear Least Squares"
	msgNotSquare   = "Last 2 dimensions of the array must be square"
	msgNotFinite   = "Array must not contain infs or NaNs"
	msgIncompat    = "Incompatible dimensions"
	msgUPLO        = "UPLO argument must be 'L' or 'U'"
	msgDupAxes     = "Duplicate axes given."
	msgMatrixOrd   = "Invalid norm order for matrices."
	msgNormDims    = "Improper number of dimensions to norm."
	msgQRModeFmt   = "Unrecognized mode '%s'"
	msgVectorOrd   = "Invalid norm order '%s' for vectors"
	msgAxisFmt     = "axis %d is out of bounds for array of dimension %d"
	msgStacked2D   = "%d-dimensional array given. Array must be at least two-dimensional"
	msgExactly2D   = "%d-dimensional array given. Array must be two-dimensional"
	msgEmptyReduce = "zero-size array to reduction operation %s which has no identity"
)

// errorf builds the Python exception typ with a formatted message. The
// position fields stay empty: generated code fills them in with the
// Python call's file, line and function before raising.
func errorf(typ, format string, args ...any) error {
	return &runtime.Error{Type: typ, Msg: fmt.Sprintf(format, args...)}
}

func linAlgError(msg string) error { return &runtime.Error{Type: LinAlgError, Msg: msg} }

// checkStacked2D is numpy's _assert_stacked_2d: at least two axes.
func checkStacked2D(shape []int) error {
	if len(shape) < 2 {
		return errorf(LinAlgError, msgStacked2D, len(shape))
	}
	return nil
}

// checkSquare is _assert_stacked_2d followed by _assert_stacked_square.
func checkSquare(shape []int) error {
	if err := checkStacked2D(shape); err != nil {
		return err
	}
	if shape[len(shape)-1] != shape[len(shape)-2] {
		return linAlgError(msgNotSquare)
	}
	return nil
}

// check2D is numpy's _assert_2d (lstsq): exactly two axes.
func check2D(shape []int) error {
	if len(shape) != 2 {
		return errorf(LinAlgError, msgExactly2D, len(shape))
	}
	return nil
}

// tupleNoSpace spells a shape as numpy's broadcast error does: (2,3,3).
func tupleNoSpace(shape []int) string {
	parts := make([]string, len(shape))
	for i, d := range shape {
		parts[i] = fmt.Sprint(d)
	}
	return "(" + strings.Join(parts, ",") + ")"
}
