package linalg

import (
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestTiledGemm checks the register-tiled kernels (when this build has
// them) against a plain k-order product on every transpose combination
// and ragged sizes: the same sums, fused and blocked, so within a few
// ulps of the terms.
func TestTiledGemm(t *testing.T) {
	ks, ok := tiledKernels[float64]()
	if !ok {
		t.Skip("no register-tiled kernels in this build (GOEXPERIMENT=simd on amd64 with AVX-512); TestTiledGemmSIMD runs them")
	}
	ks32, _ := tiledKernels[float32]()
	r := rand.New(rand.NewPCG(1, 2))
	for _, dims := range [][3]int{{1, 1, 1}, {5, 17, 3}, {130, 70, 300}, {257, 33, 129}, {4, 16, 256}} {
		m, n, k := dims[0], dims[1], dims[2]
		for _, ta := range []bool{false, true} {
			for _, tb := range []bool{false, true} {
				a, b := make([]float64, m*k), make([]float64, k*n)
				for i := range a {
					a[i] = r.NormFloat64()
				}
				for i := range b {
					b[i] = r.NormFloat64()
				}
				lda, ldb := k, n
				if ta {
					lda = m
				}
				if tb {
					ldb = k
				}
				c := make([]float64, m*n)
				tiledGemm(ks, ta, tb, m, n, k, a, lda, b, ldb, c, n)
				a32, b32 := make([]float32, len(a)), make([]float32, len(b))
				for i := range a {
					a32[i] = float32(a[i])
				}
				for i := range b {
					b32[i] = float32(b[i])
				}
				c32 := make([]float32, m*n)
				tiledGemm(ks32, ta, tb, m, n, k, a32, lda, b32, ldb, c32, n)
				for i := 0; i < m; i++ {
					for j := 0; j < n; j++ {
						want, mag := 0.0, 0.0
						for p := 0; p < k; p++ {
							x := operandAt(a, lda, ta, i, p) * operandAt(b, ldb, tb, p, j)
							want += x
							mag += math.Abs(x)
						}
						if d := math.Abs(c[i*n+j] - want); d > 4*float64(k)*0x1p-52*mag {
							t.Fatalf("%v ta=%v tb=%v: c[%d,%d] = %v, k-order sum %v", dims, ta, tb, i, j, c[i*n+j], want)
						}
						if d := math.Abs(float64(c32[i*n+j]) - want); d > 4*float64(k)*0x1p-23*mag {
							t.Fatalf("%v ta=%v tb=%v float32: c[%d,%d] = %v, k-order sum %v", dims, ta, tb, i, j, c32[i*n+j], want)
						}
					}
				}
			}
		}
	}
}

// TestTiledGemmSIMD reruns this package's gemm and numpy tests built with
// GOEXPERIMENT=simd, so that the AVX-512 kernels are tested by every `go
// test ./...`, not only by builds that opt in.
func TestTiledGemmSIMD(t *testing.T) {
	if strings.Contains(os.Getenv("GOEXPERIMENT"), "simd") {
		t.Skip("this run already has GOEXPERIMENT=simd")
	}
	if testing.Short() {
		t.Skip("-short")
	}
	cmd := exec.Command("go", "test", "-count=1", "-run", "TestTiledGemm$|TestAgainstNumpy", ".")
	cmd.Env = append(os.Environ(), "GOEXPERIMENT=simd")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("GOEXPERIMENT=simd go test: %v\n%s", err, out)
	}
	t.Logf("%s", out)
}
