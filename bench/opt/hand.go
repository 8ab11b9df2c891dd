package opt

// Hand-written Go versions of kernels.py's loops, on plain row-major
// slices: what a Go programmer would write, the yardstick for the
// generated code.

// Transpose is b = a.T for an n x m matrix a, blocked in 128 x 128 tiles
// (the size tile picks for bench/opt's pinned L2).
func Transpose(a, b []float64, n, m int) {
	const t = 128
	for ii := 0; ii < n; ii += t {
		for jj := 0; jj < m; jj += t {
			for i := ii; i < min(ii+t, n); i++ {
				row := a[i*m : i*m+m]
				for j := jj; j < min(jj+t, m); j++ {
					b[j*n+i] = row[j]
				}
			}
		}
	}
}

// TransposeNaive is the unblocked transpose.
func TransposeNaive(a, b []float64, n, m int) {
	for i := 0; i < n; i++ {
		for j := 0; j < m; j++ {
			b[j*n+i] = a[i*m+j]
		}
	}
}

// Matmul is c += a·b for n x p a and p x m b in ikj order, each c[i, j]
// summed over k in order (the same bits as the naive ijk loop).
func Matmul(a, b, c []float64, n, p, m int) {
	for i := 0; i < n; i++ {
		ci := c[i*m : i*m+m]
		for k := 0; k < p; k++ {
			aik := a[i*p+k]
			bk := b[k*m : k*m+m]
			for j := range ci {
				ci[j] += aik * bk[j]
			}
		}
	}
}

// Colsum is out[j] += a[i, j] over an n x m matrix, row by row.
func Colsum(a, out []float64, n, m int) {
	out = out[:m]
	for i := 0; i < n; i++ {
		row := a[i*m : i*m+m]
		for j, x := range row {
			out[j] += x
		}
	}
}

// Triad is a = b + s·c.
func Triad(a, b, c []float64, s float64) {
	b, c = b[:len(a)], c[:len(a)]
	for i := range a {
		a[i] = b[i] + s*c[i]
	}
}
