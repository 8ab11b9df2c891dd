package linalg

import (
	"github.com/pyc2go/pyc2go/runtime"
)

// Int is the integer element types matrix_power accepts (with n >= 0).
type Int interface {
	int8 | int16 | int32 | int64 | uint8 | uint16 | uint32 | uint64
}

// MatrixPower is np.linalg.matrix_power(a, n) for float32, float64 or
// complex128 a (..., M, M): the identity for n == 0, inv(a) raised to -n
// for n < 0, a itself (not a copy, as numpy) for n == 1, else numpy's
// products: a@a, (a@a)@a, then binary powering from the least significant
// bit. Products of real matrices go through BLAS gemm (Matmul), complex
// ones sum in k order.
func MatrixPower[T Scalar](a *runtime.Array[T], n int64) (*runtime.Array[T], error) {
	if err := checkSquare(a.Shape); err != nil {
		return nil, err
	}
	if n == 0 {
		return eyeLike(a), nil
	}
	if n < 0 {
		inv, err := Inv(a)
		if err != nil {
			return nil, err
		}
		a, n = inv, -n
	}
	mul := func(x, y *runtime.Array[T]) *runtime.Array[T] {
		switch xv := any(x).(type) {
		case *runtime.Array[float64]:
			r, _ := Matmul(xv, any(y).(*runtime.Array[float64]))
			return any(r).(*runtime.Array[T])
		case *runtime.Array[float32]:
			r, _ := Matmul(xv, any(y).(*runtime.Array[float32]))
			return any(r).(*runtime.Array[T])
		}
		return naiveMatmul(x, y)
	}
	return power(a, n, mul), nil
}

// MatrixPowerInt is MatrixPower for integer matrices, n >= 0 (numpy turns
// a negative power of an integer matrix into a float64 inverse, a dtype
// generated code settles at compile time; it checks n before calling).
// Products wrap around as numpy's integer matmul does.
func MatrixPowerInt[T Int](a *runtime.Array[T], n int64) (*runtime.Array[T], error) {
	if err := checkSquare(a.Shape); err != nil {
		return nil, err
	}
	if n < 0 {
		panic("linalg.MatrixPowerInt: negative exponent")
	}
	if n == 0 {
		return eyeLike(a), nil
	}
	return power(a, n, naiveMatmul[T]), nil
}

// power is matrix_power's schedule of products for n >= 1.
func power[T number](a *runtime.Array[T], n int64, mul func(x, y *runtime.Array[T]) *runtime.Array[T]) *runtime.Array[T] {
	switch n {
	case 1:
		return a
	case 2:
		return mul(a, a)
	case 3:
		return mul(mul(a, a), a)
	}
	var z, result *runtime.Array[T]
	for n > 0 {
		if z == nil {
			z = a
		} else {
			z = mul(z, z)
		}
		bit := n % 2
		n /= 2
		if bit == 1 {
			if result == nil {
				result = z
			} else {
				result = mul(result, z)
			}
		}
	}
	return result
}

// eyeLike is empty_like(a) filled with eye(M) in every matrix.
func eyeLike[T number](a *runtime.Array[T]) *runtime.Array[T] {
	out := runtime.Zeros[T](a.Shape...)
	m := a.Shape[len(a.Shape)-1]
	var one T
	one++
	for b := 0; b*m*m < len(out.Data); b++ {
		for i := 0; i < m; i++ {
			out.Data[b*m*m+i*m+i] = one
		}
	}
	return out
}

// naiveMatmul is matmul of same-shape stacks of square matrices, each
// element summed in k order from zero (numpy's non-BLAS matmul loop).
func naiveMatmul[T number](x, y *runtime.Array[T]) *runtime.Array[T] {
	out := runtime.Zeros[T](x.Shape...)
	m := x.Shape[len(x.Shape)-1]
	l, _ := broadcastLoop([][]int{x.Shape[:len(x.Shape)-2], y.Shape[:len(y.Shape)-2]},
		[][]int{x.Strides[:len(x.Strides)-2], y.Strides[:len(y.Strides)-2]}, []int{x.Offset, y.Offset})
	l.each(func(b int, offs []int) {
		xm, ym := matAt(x, offs[0]), matAt(y, offs[1])
		o := out.Data[b*m*m : (b+1)*m*m]
		for i := 0; i < m; i++ {
			for j := 0; j < m; j++ {
				var s T
				for k := 0; k < m; k++ {
					s += xm.data[xm.off+i*xm.rs+k*xm.cs] * ym.data[ym.off+k*ym.rs+j*ym.cs]
				}
				o[i*m+j] = s
			}
		}
	})
	return out
}
