package gonumconv

import (
	"errors"
	"testing"

	"github.com/pyc2go/pyc2go/runtime"
	"gonum.org/v1/gonum/mat"
)

// seq is a C-contiguous array holding 0, 1, 2, ... so that every element
// is distinguishable and a wrong index shows as a wrong value.
func seq(shape ...int) *runtime.Array[float64] {
	a := runtime.Zeros[float64](shape...)
	for i := range a.Data {
		a.Data[i] = float64(i)
	}
	return a
}

// view builds an array on seq(n)'s data with an explicit layout, for the
// layouts that the runtime's view methods do not produce on their own
// (broadcast axes, a column m[:, j] as a 1-d array).
func view(n int, shape, strides []int, offset int) *runtime.Array[float64] {
	return &runtime.Array[float64]{Data: seq(n).Data, Shape: shape, Strides: strides, Offset: offset}
}

// mark returns a value no array in these tests holds, different per call.
var markN float64

func mark() float64 { markN -= 1.5; return markN }

// checkShared proves that m and a are the same memory: equal elements,
// and a write through either is seen by the other, at every element.
func checkShared(t *testing.T, m mat.Mutable, a *runtime.Array[float64]) {
	t.Helper()
	r, c := m.Dims()
	rows, cols := a.Shape[0], 1
	if len(a.Shape) == 2 {
		cols = a.Shape[1]
	}
	if r != rows || c != cols {
		t.Fatalf("gonum dims (%d, %d), array shape %v", r, c, a.Shape)
	}
	at := func(i, j int) float64 {
		if len(a.Shape) == 1 {
			return a.At(i)
		}
		return a.At(i, j)
	}
	set := func(v float64, i, j int) {
		if len(a.Shape) == 1 {
			a.Set(v, i)
		} else {
			a.Set(v, i, j)
		}
	}
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			if g, w := m.At(i, j), at(i, j); g != w {
				t.Fatalf("element (%d, %d): gonum %v, array %v", i, j, g, w)
			}
			v := mark()
			m.Set(i, j, v)
			if got := at(i, j); got != v {
				t.Fatalf("write through gonum at (%d, %d) not visible in the array: %v, want %v", i, j, got, v)
			}
			v = mark()
			set(v, i, j)
			if got := m.At(i, j); got != v {
				t.Fatalf("write through the array at (%d, %d) not visible in gonum: %v, want %v", i, j, got, v)
			}
		}
	}
}

// transposed adapts a mat.Transpose of a Dense, which gonum does not make
// Mutable, for checkShared.
type transposed struct{ mat.Transpose }

func (t transposed) Set(i, j int, v float64) { t.Matrix.(*mat.Dense).Set(j, i, v) }

// vec adapts a VecDense, a column to gonum, for checkShared.
type vec struct{ *mat.VecDense }

func (v vec) Set(i, _ int, x float64) { v.SetVec(i, x) }

func TestMatrixConversions(t *testing.T) {
	base := func() *runtime.Array[float64] { return seq(3, 4) }
	tests := []struct {
		name string
		a    *runtime.Array[float64]
		// dense and matrix: nil (shares) or the error Dense and Matrix
		// must wrap; errOther means an error wrapping neither.
		dense, matrix error
	}{
		{name: "C-contiguous", a: base()},
		{name: "block m[1:3, 1:3] (offset)", a: base().Slice(0, 1, 3, 1).Slice(1, 1, 3, 1)},
		{name: "every other row m[::2, :]", a: base().Slice(0, 0, 3, 2)},
		{name: "one column m[:, 2:3]", a: base().Slice(1, 2, 3, 1)},
		{name: "one column with column step m[:, 1::4]", a: base().Slice(1, 1, 4, 4)},
		{name: "one row broadcast (row stride 0)", a: view(4, []int{1, 4}, []int{0, 1}, 0)},
		{name: "block of a reshaped vector", a: seq(24).Reshape(4, 6).Slice(0, 1, 4, 1).Slice(1, 2, 5, 1)},
		{name: "transpose m.T", a: base().Transpose(), dense: ErrLayout},
		{name: "transposed block m[1:, 1:3].T", a: base().Slice(0, 1, 3, 1).Slice(1, 1, 3, 1).Transpose(), dense: ErrLayout},
		{name: "column step m[:, ::2]", a: base().Slice(1, 0, 4, 2), dense: ErrLayout, matrix: ErrLayout},
		{name: "reversed rows m[::-1, :]", a: base().Slice(0, 2, -1, -1), dense: ErrLayout, matrix: ErrLayout},
		{name: "reversed columns m[:, ::-1]", a: base().Slice(1, 3, -1, -1), dense: ErrLayout, matrix: ErrLayout},
		{name: "broadcast rows (row stride 0)", a: view(4, []int{3, 4}, []int{0, 1}, 0), dense: ErrLayout, matrix: ErrLayout},
		{name: "overlapping rows (row stride 2, 4 columns)", a: view(12, []int{3, 4}, []int{2, 1}, 0), dense: ErrLayout, matrix: ErrLayout},
		{name: "empty m[0:0, :]", a: base().Slice(0, 0, 0, 1), dense: ErrEmpty, matrix: ErrEmpty},
		{name: "1-d", a: seq(4), dense: errOther, matrix: errOther},
		{name: "3-d", a: seq(2, 2, 2), dense: errOther, matrix: errOther},
		{name: "layout reaching past Data", a: view(6, []int{2, 4}, []int{4, 1}, 0), dense: errOther, matrix: errOther},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Dense(tt.a)
			if !wantErr(t, "Dense", err, tt.dense) {
				checkShared(t, d, tt.a)
				back := FromDense(d)
				checkShared(t, d, back)
			}
			m, err := Matrix(tt.a)
			if !wantErr(t, "Matrix", err, tt.matrix) {
				switch m := m.(type) {
				case *mat.Dense:
					checkShared(t, m, tt.a)
				case mat.Transpose:
					if tt.dense == nil {
						t.Errorf("Matrix returned a transpose for a layout Dense shares")
					}
					checkShared(t, transposed{m}, tt.a)
				default:
					t.Fatalf("Matrix returned %T", m)
				}
			}
			if len(tt.a.Shape) != 2 || tt.dense == ErrEmpty || tt.dense == errOther {
				return
			}
			// The copying variant accepts every non-empty 2-d layout, holds
			// the same elements and shares nothing.
			c := mustCopy(t, tt.a)
			want := tt.a.At(0, 0)
			c.Set(0, 0, mark())
			if got := tt.a.At(0, 0); got != want {
				t.Errorf("CopyDense shares: array changed to %v", got)
			}
		})
	}
}

// mustCopy is CopyDense, failing the test on error.
func mustCopy(t *testing.T, a *runtime.Array[float64]) *mat.Dense {
	t.Helper()
	c, err := CopyDense(a)
	if err != nil {
		t.Fatal(err)
	}
	r, cols := c.Dims()
	for i := 0; i < r; i++ {
		for j := 0; j < cols; j++ {
			if c.At(i, j) != a.At(i, j) {
				t.Fatalf("CopyDense (%d, %d) = %v, array %v", i, j, c.At(i, j), a.At(i, j))
			}
		}
	}
	return c
}

// errOther stands for an error that wraps neither ErrLayout nor ErrEmpty
// (a wrong rank, an inconsistent array).
var errOther = errors.New("other error")

// wantErr reports whether err is an error, failing unless it is the one
// want describes.
func wantErr(t *testing.T, fn string, err, want error) bool {
	t.Helper()
	switch {
	case want == nil && err != nil:
		t.Fatalf("%s: %v, want a shared value", fn, err)
	case want != nil && err == nil:
		t.Fatalf("%s succeeded, want an error (%v)", fn, want)
	case want == errOther && (errors.Is(err, ErrLayout) || errors.Is(err, ErrEmpty)):
		t.Fatalf("%s: %v, want an error that is neither ErrLayout nor ErrEmpty", fn, err)
	case want != nil && want != errOther && !errors.Is(err, want):
		t.Fatalf("%s: %v, want an error wrapping %v", fn, err, want)
	}
	return err != nil
}

func TestVectorConversions(t *testing.T) {
	tests := []struct {
		name string
		a    *runtime.Array[float64]
		err  error
	}{
		{name: "contiguous", a: seq(5)},
		{name: "slice x[2:7] (offset)", a: seq(9).Slice(0, 2, 7, 1)},
		{name: "step x[1::3]", a: seq(10).Slice(0, 1, 10, 3)},
		{name: "column m[:, 1] of a 3x4 matrix", a: view(12, []int{3}, []int{4}, 1)},
		{name: "one element, stride 0", a: view(3, []int{1}, []int{0}, 2)},
		{name: "one element, negative stride x[2:1:-1]", a: seq(4).Slice(0, 2, 1, -1)},
		{name: "reversed x[::-1]", a: seq(5).Slice(0, 4, -1, -1), err: ErrLayout},
		{name: "broadcast (stride 0)", a: view(1, []int{3}, []int{0}, 0), err: ErrLayout},
		{name: "empty x[3:3]", a: seq(5).Slice(0, 3, 3, 1), err: ErrEmpty},
		{name: "2-d", a: seq(2, 2), err: errOther},
		{name: "layout reaching past Data", a: view(5, []int{3}, []int{2}, 1), err: errOther},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := VecDense(tt.a)
			if !wantErr(t, "VecDense", err, tt.err) {
				checkShared(t, vec{v}, tt.a)
				checkShared(t, vec{v}, FromVecDense(v))
			}
			if len(tt.a.Shape) != 1 || tt.err == ErrEmpty || tt.err == errOther {
				return
			}
			c, err := CopyVecDense(tt.a)
			if err != nil {
				t.Fatalf("CopyVecDense: %v", err)
			}
			for i := 0; i < tt.a.Shape[0]; i++ {
				if c.AtVec(i) != tt.a.At(i) {
					t.Fatalf("CopyVecDense element %d = %v, array %v", i, c.AtVec(i), tt.a.At(i))
				}
			}
			want := tt.a.At(0)
			c.SetVec(0, mark())
			if got := tt.a.At(0); got != want {
				t.Errorf("CopyVecDense shares: array changed to %v", got)
			}
		})
	}
}

// TestFromGonum shares gonum's own values and views with arrays.
func TestFromGonum(t *testing.T) {
	d := mat.NewDense(3, 4, seq(12).Data)
	tests := []struct {
		name          string
		m             mat.Mutable
		a             *runtime.Array[float64]
		shape, stride []int
	}{
		{name: "Dense", m: d, a: FromDense(d), shape: []int{3, 4}, stride: []int{4, 1}},
		{name: "Dense view d.Slice(1, 3, 1, 3)", m: d.Slice(1, 3, 1, 3).(*mat.Dense), a: FromDense(d.Slice(1, 3, 1, 3).(*mat.Dense)), shape: []int{2, 2}, stride: []int{4, 1}},
		{name: "column view d.ColView(2)", m: vec{d.ColView(2).(*mat.VecDense)}, a: FromVecDense(d.ColView(2).(*mat.VecDense)), shape: []int{3}, stride: []int{4}},
		{name: "VecDense", m: vec{mat.NewVecDense(3, nil)}, a: nil, shape: []int{3}, stride: []int{1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := tt.a
			if a == nil {
				a = FromVecDense(tt.m.(vec).VecDense)
			}
			if !equalInts(a.Shape, tt.shape) || !equalInts(a.Strides, tt.stride) {
				t.Fatalf("shape %v strides %v, want %v %v", a.Shape, a.Strides, tt.shape, tt.stride)
			}
			checkShared(t, tt.m, a)
		})
	}
	var empty mat.Dense
	if a := FromDense(&empty); a.Size() != 0 || len(a.Shape) != 2 {
		t.Errorf("FromDense of an empty Dense: shape %v", a.Shape)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestAliasingVisibleToGonum: two Dense values made from one array share a
// backing slice that gonum recognises, so an operation whose receiver
// aliases an operand panics in gonum instead of computing garbage.
func TestAliasingVisibleToGonum(t *testing.T) {
	a := seq(3, 3)
	x, err := Dense(a)
	if err != nil {
		t.Fatal(err)
	}
	y, err := Dense(a.Slice(0, 0, 3, 1))
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if recover() == nil {
			t.Error("gonum accepted a receiver that aliases its operand")
		}
	}()
	y.Mul(x, x)
}
