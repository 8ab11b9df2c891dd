package opt

import (
	"testing"

	"github.com/pyc2go/pyc2go/bench/opt/o0"
	"github.com/pyc2go/pyc2go/bench/opt/o2"
	"github.com/pyc2go/pyc2go/runtime"
)

// The sizes of issue 4's targets.
const (
	transposeN = 4096
	matmulN    = 512
	colsumN    = 4096
	triadN     = 1 << 24
)

// matrix returns an n x m C-ordered array with distinct, exactly
// representable values.
func matrix(n, m int) *runtime.Array[float64] {
	a := runtime.Zeros[float64](n, m)
	for i := range a.Data {
		a.Data[i] = float64(i%1021) * 0.5
	}
	return a
}

// kernels lists one implementation of a kernel per name, in the order the
// benchmark output shows them.
type impl struct {
	name string
	run  func()
}

func benchImpls(b *testing.B, impls []impl) {
	for _, im := range impls {
		b.Run(im.name, func(b *testing.B) {
			for b.Loop() {
				im.run()
			}
		})
	}
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

func BenchmarkTranspose(b *testing.B) {
	a, t := matrix(transposeN, transposeN), runtime.Zeros[float64](transposeN, transposeN)
	benchImpls(b, []impl{
		{"O0", func() { must(o0.Transpose(a, t)) }},
		{"O2", func() { must(o2.Transpose(a, t)) }},
		{"GoNaive", func() { TransposeNaive(a.Data, t.Data, transposeN, transposeN) }},
		{"Go", func() { Transpose(a.Data, t.Data, transposeN, transposeN) }},
	})
}

func BenchmarkMatmul(b *testing.B) {
	x, y, c := matrix(matmulN, matmulN), matrix(matmulN, matmulN), runtime.Zeros[float64](matmulN, matmulN)
	benchImpls(b, []impl{
		{"O0", func() { must(o0.Matmul(x, y, c)) }},
		{"O2", func() { must(o2.Matmul(x, y, c)) }},
		{"Go", func() { Matmul(x.Data, y.Data, c.Data, matmulN, matmulN, matmulN) }},
	})
}

func BenchmarkColsum(b *testing.B) {
	a, out := matrix(colsumN, colsumN), runtime.Zeros[float64](colsumN)
	benchImpls(b, []impl{
		{"O0", func() { must(o0.Colsum(a, out)) }},
		{"O2", func() { must(o2.Colsum(a, out)) }},
		{"Go", func() { Colsum(a.Data, out.Data, colsumN, colsumN) }},
	})
}

func BenchmarkTriad(b *testing.B) {
	x, y, z := runtime.Zeros[float64](triadN), vector(triadN), vector(triadN)
	b.SetBytes(3 * 8 * triadN)
	benchImpls(b, []impl{
		{"O0", func() { must(o0.Triad(x, y, z, 3.0)) }},
		{"O2", func() { must(o2.Triad(x, y, z, 3.0)) }},
		{"Go", func() { Triad(x.Data, y.Data, z.Data, 3.0) }},
	})
}

// BenchmarkCopy is the bandwidth yardstick of the triad: copy() of 2^24
// float64, counting the bytes read and written (the triad's SetBytes
// counts its two reads and one write the same way).
func BenchmarkCopy(b *testing.B) {
	src, dst := make([]float64, triadN), make([]float64, triadN)
	b.SetBytes(2 * 8 * triadN)
	for b.Loop() {
		copy(dst, src)
	}
}

func vector(n int) *runtime.Array[float64] {
	a := runtime.Zeros[float64](n)
	for i := range a.Data {
		a.Data[i] = float64(i%1021) * 0.5
	}
	return a
}
