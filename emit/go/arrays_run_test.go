package emitgo

// arraysRunner is a main that calls the kernels of arraysModule on runtime
// arrays (contiguous, strided and reversed views) and prints what they
// return and what they leave in their arguments; TestGeneratedBuilds runs
// it. The expected values are exact (small integers and halves), what
// numpy computes for the Python in the functions' comments.
const arraysRunner = `package main

import (
	"fmt"

	"github.com/pyc2go/pyc2go/runtime"

	"x/arrays"
)

func main() {
	v := runtime.FromSlice([]float64{1, 2, 3, 4}, 4)
	fmt.Println("total", arrays.Total(v), arrays.Total(v.Slice(0, 3, -1, -2)))
	fmt.Println("rev_sum", arrays.RevSum(v))

	x := runtime.FromSlice([]float64{1, 2, 3}, 3)
	y := runtime.FromSlice([]float64{10, 20, 30, 40, 50, 60}, 6).Slice(0, 0, 6, 2)
	out, err := arrays.Axpy(2, x, y)
	fmt.Println("axpy", out, err)
	_, err = arrays.Axpy(2, x, v)
	fmt.Println("axpy", err)

	m := runtime.FromSlice([]float64{0, 1, 2, 3, 4, 5}, 2, 3)
	for _, ij := range [][2]int64{{-1, 1}, {1, -3}, {2, 0}, {0, -4}} {
		g, err := arrays.Get(m, ij[0], ij[1])
		fmt.Println("get", ij, g, err)
	}
	g, err := arrays.Get(m.Transpose(), -1, 0)
	fmt.Println("get T", g, err)
	cs, zs := arrays.Colsum(m, runtime.FromSlice([]complex128{1, 2i, 3, 4i}, 2, 2))
	fmt.Println("colsum", cs, zs)
	arrays.Scale(m, 0.5)
	fmt.Println("scale", m)

	f := runtime.FromSlice([]float32{1, 2, 3, 4, 5, 6}, 3, 2)
	r, err := arrays.Row(f, -1)
	r.Set(60, 1)
	fmt.Println("row", r, err, f.Data)
	_, err = arrays.Row(f, 3)
	fmt.Println("row", err)

	s := runtime.FromSlice([]float64{1, 2, 3}, 3)
	fmt.Println("shift", arrays.Shift(s), s)

	z := runtime.FromSlice([]complex128{1 + 1i, 2}, 2)
	c := runtime.FromSlice([]int64{5}, 1)
	b := runtime.FromSlice([]bool{true}, 1)
	k, err := arrays.Kinds(z, 2i, c, b, 3)
	fmt.Println("kinds", k, err, z.Data, c.Data, b.Data)
	_, err = arrays.Kinds(z, 2i, c, b, 4)
	fmt.Println("kinds", err)
	_, err = arrays.Kinds(runtime.Zeros[complex128](1), 2i, c, b, 0)
	fmt.Println("kinds", err)

	o, ov, err := arrays.OuterCall(x, y)
	fmt.Println("outer_call", o, ov, err)
}
`

const arraysRunnerWant = `total 10 6
rev_sum 37
axpy array([12., 34., 56.]) <nil>
axpy arrays.py:19: ValueError: operands could not be broadcast together with shapes (3,) (4,)  (in axpy)
get [-1 1] 4 <nil>
get [1 -3] 3 <nil>
get [2 0] 0 arrays.py:24: IndexError: index 2 is out of bounds for axis 0 with size 2 (in get)
get [0 -4] 0 arrays.py:24: IndexError: index -4 is out of bounds for axis 1 with size 3 (in get)
get T 2 <nil>
colsum array([3., 5., 7.]) array([1.+2.j, 3.+4.j])
scale array([[0. , 0.5, 1. ],
       [1.5, 2. , 2.5]])
row array([ 5., 60.], dtype=float32) <nil> [1 2 3 4 5 60]
row arrays.py:36: IndexError: index 3 is out of bounds for axis 0 with size 3 (in row)
shift <nil> array([  1., 100.,   3.])
kinds (2+2i) <nil> [(0+2i) (2+0i)] [8] [false]
kinds arrays.py:49: IndexError: index 4 is out of bounds (100%) (in kinds)
kinds arrays.py:47: IndexError: index 1 is out of bounds for axis 0 with size 1 (in kinds)
outer_call array([12., 34., 56.]) false <nil>
`
