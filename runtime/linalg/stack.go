package linalg

import (
	"github.com/pyc2go/pyc2go/runtime"
)

// Stacks. numpy.linalg's functions are generalised ufuncs: the last one or
// two axes of each operand are the "core" (a vector or a matrix), and the
// leading axes are a loop that broadcasts like any ufunc's. A loop here is
// the broadcast shape of the leading axes and, per operand, its strides
// along them (0 where the operand is broadcast); each visits the operands'
// core offsets in C order of the loop, which is also the order of the
// results, all of which are fresh C-contiguous arrays.

// loop is the broadcast iteration over the leading axes of some operands.
type loop struct {
	shape   []int   // broadcast loop shape
	strides [][]int // per operand, aligned to shape
	base    []int   // per operand: offset of its first core
}

// newLoop makes the loop over the leading len(shape)-core axes of one
// operand.
func newLoop[T runtime.Elem](a *runtime.Array[T], core int) *loop {
	nd := len(a.Shape) - core
	return &loop{
		shape:   append([]int(nil), a.Shape[:nd]...),
		strides: [][]int{append([]int(nil), a.Strides[:nd]...)},
		base:    []int{a.Offset},
	}
}

// broadcastLoop makes the loop over leading shapes ls[i] (strides lst[i],
// base offsets bs[i]) broadcast together; ok is false when they do not
// broadcast.
func broadcastLoop(ls, lst [][]int, bs []int) (*loop, bool) {
	nd := 0
	for _, s := range ls {
		nd = max(nd, len(s))
	}
	l := &loop{shape: make([]int, nd), base: bs}
	for k := range l.shape {
		l.shape[k] = 1
	}
	for i, s := range ls {
		st := make([]int, nd)
		pad := nd - len(s)
		for k, d := range s {
			switch {
			case d == 1:
				// broadcast: stride 0
			case l.shape[pad+k] == 1 || l.shape[pad+k] == d:
				l.shape[pad+k] = d
				st[pad+k] = lst[i][k]
			default:
				return nil, false
			}
		}
		l.strides = append(l.strides, st)
	}
	return l, true
}

// count is the number of cores the loop visits.
func (l *loop) count() int {
	n := 1
	for _, d := range l.shape {
		n *= d
	}
	return n
}

// each calls fn(i, offs) for every loop index in C order: i counts from
// 0, offs[j] is operand j's core offset. offs is reused between calls.
func (l *loop) each(fn func(i int, offs []int)) {
	n := l.count()
	if n == 0 {
		return
	}
	nd := len(l.shape)
	idx := make([]int, nd)
	offs := append([]int(nil), l.base...)
	for i := 0; ; i++ {
		fn(i, offs)
		if i == n-1 {
			return
		}
		for k := nd - 1; k >= 0; k-- {
			idx[k]++
			for j := range offs {
				offs[j] += l.strides[j][k]
			}
			if idx[k] < l.shape[k] {
				break
			}
			for j := range offs {
				offs[j] -= idx[k] * l.strides[j][k]
			}
			idx[k] = 0
		}
	}
}

// resultShape is the loop shape followed by the core extents.
func (l *loop) resultShape(core ...int) []int {
	return append(append([]int(nil), l.shape...), core...)
}

// mat is one core matrix of an operand: element (i, j) is
// data[off+i*rs+j*cs].
type mat[T runtime.Elem] struct {
	data            []T
	off, rows, cols int
	rs, cs          int
}

// matAt is the core matrix of a (its last two axes) at offset off.
func matAt[T runtime.Elem](a *runtime.Array[T], off int) mat[T] {
	nd := len(a.Shape)
	return mat[T]{data: a.Data, off: off, rows: a.Shape[nd-2], cols: a.Shape[nd-1], rs: a.Strides[nd-2], cs: a.Strides[nd-1]}
}

// vecAt is the core vector of a (its last axis) at offset off, as an n x 1
// matrix.
func vecAt[T runtime.Elem](a *runtime.Array[T], off int) mat[T] {
	nd := len(a.Shape)
	return mat[T]{data: a.Data, off: off, rows: a.Shape[nd-1], cols: 1, rs: a.Strides[nd-1], cs: 0}
}

// loadF64 copies the real matrix m into dst row-major (dst[i*cols+j]),
// converting to float64 exactly (numpy computes float32 linalg in double:
// its _commonType always picks double for the LAPACK call).
func loadF64[T Float](dst []float64, m mat[T]) {
	k := 0
	for i := 0; i < m.rows; i++ {
		p := m.off + i*m.rs
		for j := 0; j < m.cols; j++ {
			dst[k] = float64(m.data[p+j*m.cs])
			k++
		}
	}
}

// loadC128 is loadF64 for complex128 matrices.
func loadC128(dst []complex128, m mat[complex128]) {
	k := 0
	for i := 0; i < m.rows; i++ {
		p := m.off + i*m.rs
		for j := 0; j < m.cols; j++ {
			dst[k] = m.data[p+j*m.cs]
			k++
		}
	}
}

// storeF64 converts float64 values to T into dst (numpy's astype: a
// float64 result rounds to nearest float32).
func storeF64[T Float](dst []T, src []float64) {
	for i, v := range src {
		dst[i] = T(v)
	}
}

// asArray returns a as an Array[U] when T and U are the same type (the
// generic entry points switch on their element type and come back).
func asArray[U, T runtime.Elem](a *runtime.Array[T]) *runtime.Array[U] {
	return any(a).(*runtime.Array[U])
}

// isComplex reports whether T is complex128.
func isComplex[T runtime.Elem]() bool {
	var z T
	_, ok := any(z).(complex128)
	return ok
}
