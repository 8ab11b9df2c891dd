package gonumconv_test

import (
	"errors"
	"fmt"

	"github.com/pyc2go/pyc2go/runtime"
	"github.com/pyc2go/pyc2go/runtime/gonumconv"
	"gonum.org/v1/gonum/mat"
)

// A runtime array and the mat.Dense made from it are one matrix: gonum
// writes into the array's memory.
func ExampleDense() {
	a := runtime.FromSlice([]float64{1, 2, 3, 4, 5, 6}, 2, 3)
	m, err := gonumconv.Dense(a)
	if err != nil {
		panic(err)
	}
	m.Scale(10, m)
	fmt.Println(a.Data)
	// Output: [10 20 30 40 50 60]
}

// A reversed view has a negative stride, which gonum cannot describe:
// the sharing conversion refuses it and the copying one takes it.
func ExampleVecDense() {
	x := runtime.FromSlice([]float64{1, 2, 3}, 3)
	rev := x.Slice(0, 2, -1, -1) // x[::-1]
	_, err := gonumconv.VecDense(rev)
	fmt.Println(errors.Is(err, gonumconv.ErrLayout))
	v, _ := gonumconv.CopyVecDense(rev)
	fmt.Println(mat.Formatted(v.T()))
	// Output:
	// true
	// [3  2  1]
}
