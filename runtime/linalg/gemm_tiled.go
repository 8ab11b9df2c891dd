package linalg

import (
	"runtime"
	"sync"
)

// The register-tiled gemm (Goto's blocking, as OpenBLAS and BLIS do it):
// op(b) is packed kc rows at a time into panels nr columns wide, op(a) mc
// rows at a time into panels mr rows high, and a micro-kernel keeps an
// mr x nr block of c in vector registers while it runs down the kc
// products of one pair of panels. Packing reads the operands through
// their strides, so transposed and strided layouts cost nothing extra.
// Every element of c sums its k products in k order, kc at a time, the
// kc-blocks in order and each product fused (FMA), whatever the
// number of goroutines: results do not depend on GOMAXPROCS.
//
// The micro-kernels need Go's experimental SIMD package (GOEXPERIMENT=simd,
// Go 1.26, amd64 with AVX-512): gemm_simd_amd64.go. Elsewhere, or on a CPU
// without AVX-512, tiledKernels reports none and gemm calls gonum's.

const (
	tileKC = 256 // rows of op(b) per packed panel: a panel pair stays in L2
	tileMC = 120 // rows of op(a) per packed block (a multiple of every mr)
)

// kernels are the micro-kernel of one element type: mr x nr blocks,
// kernel(k, ap, bp, tile) writes the block's products into tile (mr*nr,
// row-major).
type kernels[T Float] struct {
	mr, nr int
	kernel func(k int, ap, bp, tile []T)
}

// operandAt reads op(x)(i, j) of a row-major x (ld) stored transposed or
// not.
func operandAt[T Float](x []T, ld int, trans bool, i, j int) T {
	if trans {
		return x[j*ld+i]
	}
	return x[i*ld+j]
}

// tiledGemm is c = op(a) @ op(b) (m x n, k inner) with the kernels ks;
// c is overwritten.
func tiledGemm[T Float](ks kernels[T], transA, transB bool, m, n, k int, a []T, lda int, b []T, ldb int, c []T, ldc int) {
	mr, nr := ks.mr, ks.nr
	np := (n + nr - 1) / nr // column panels
	for i := 0; i < m; i++ {
		clear(c[i*ldc : i*ldc+n])
	}
	bp := make([]T, tileKC*np*nr)
	workers := min(runtime.GOMAXPROCS(0), (m+tileMC-1)/tileMC)
	if 2*m*n*k < 1<<22 {
		workers = 1 // not worth a goroutine
	}
	for pc := 0; pc < k; pc += tileKC {
		kb := min(tileKC, k-pc)
		// Pack op(b)[pc:pc+kb, :] into np panels of kb x nr, zero-padded.
		for jp := 0; jp < np; jp++ {
			dst := bp[jp*kb*nr : (jp+1)*kb*nr]
			for p := 0; p < kb; p++ {
				row := dst[p*nr : p*nr+nr]
				for j := range row {
					if col := jp*nr + j; col < n {
						row[j] = operandAt(b, ldb, transB, pc+p, col)
					} else {
						row[j] = 0
					}
				}
			}
		}
		// The mc-row blocks of c are independent: split them among
		// goroutines, each packing its own block of op(a).
		var wg sync.WaitGroup
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func(w int) {
				defer wg.Done()
				ap := make([]T, tileMC*kb)
				tile := make([]T, mr*nr)
				for ic := w * tileMC; ic < m; ic += workers * tileMC {
					mb := min(tileMC, m-ic)
					for ip := 0; ip < mb; ip += mr {
						dst := ap[ip*kb : ip*kb+mr*kb]
						for p := 0; p < kb; p++ {
							for r := 0; r < mr; r++ {
								if ip+r < mb {
									dst[p*mr+r] = operandAt(a, lda, transA, ic+ip+r, pc+p)
								} else {
									dst[p*mr+r] = 0
								}
							}
						}
					}
					for jp := 0; jp < np; jp++ {
						cols := min(nr, n-jp*nr)
						for ip := 0; ip < mb; ip += mr {
							ks.kernel(kb, ap[ip*kb:ip*kb+mr*kb], bp[jp*kb*nr:(jp+1)*kb*nr], tile)
							rows := min(mr, mb-ip)
							for r := 0; r < rows; r++ {
								crow := c[(ic+ip+r)*ldc+jp*nr : (ic+ip+r)*ldc+jp*nr+cols]
								trow := tile[r*nr : r*nr+cols]
								for j := range crow {
									crow[j] += trow[j]
								}
							}
						}
					}
				}
			}(w)
		}
		wg.Wait()
	}
}
