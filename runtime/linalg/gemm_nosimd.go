//go:build !goexperiment.simd || !amd64

package linalg

// tiledKernels reports no micro-kernels: without GOEXPERIMENT=simd on
// amd64, gemm calls gonum's.
func tiledKernels[T Float]() (kernels[T], bool) { return kernels[T]{}, false }
