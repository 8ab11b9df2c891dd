//go:build goexperiment.simd

package linalg

import "simd/archsimd"

// AVX-512 micro-kernels for tiledGemm: 4 rows by two vectors (16 float64
// or 32 float32), eight accumulators, two vectors of b and four
// broadcasts of a: 14 registers, within the 16 Go's register allocator
// gives vector code today (more would spill in the inner loop).

// tiledKernels returns the micro-kernels for T, ok false when the CPU
// lacks AVX-512.
func tiledKernels[T Float]() (kernels[T], bool) {
	if !archsimd.X86.AVX512() {
		return kernels[T]{}, false
	}
	var z T
	switch any(z).(type) {
	case float64:
		return any(kernels[float64]{mr: 4, nr: 16, kernel: dkernel}).(kernels[T]), true
	default:
		return any(kernels[float32]{mr: 4, nr: 32, kernel: skernel}).(kernels[T]), true
	}
}

func dkernel(k int, ap, bp, tile []float64) {
	var c00, c01, c10, c11, c20, c21, c30, c31 archsimd.Float64x8
	for p := 0; p < k; p++ {
		bb := bp[p*16 : p*16+16 : p*16+16]
		b0 := archsimd.LoadFloat64x8Slice(bb)
		b1 := archsimd.LoadFloat64x8Slice(bb[8:])
		a := ap[p*4 : p*4+4 : p*4+4]
		x0 := archsimd.BroadcastFloat64x8(a[0])
		c00 = x0.MulAdd(b0, c00)
		c01 = x0.MulAdd(b1, c01)
		x1 := archsimd.BroadcastFloat64x8(a[1])
		c10 = x1.MulAdd(b0, c10)
		c11 = x1.MulAdd(b1, c11)
		x2 := archsimd.BroadcastFloat64x8(a[2])
		c20 = x2.MulAdd(b0, c20)
		c21 = x2.MulAdd(b1, c21)
		x3 := archsimd.BroadcastFloat64x8(a[3])
		c30 = x3.MulAdd(b0, c30)
		c31 = x3.MulAdd(b1, c31)
	}
	t := tile[:64:64]
	c00.StoreSlice(t[0:])
	c01.StoreSlice(t[8:])
	c10.StoreSlice(t[16:])
	c11.StoreSlice(t[24:])
	c20.StoreSlice(t[32:])
	c21.StoreSlice(t[40:])
	c30.StoreSlice(t[48:])
	c31.StoreSlice(t[56:])
}

func skernel(k int, ap, bp, tile []float32) {
	var c00, c01, c10, c11, c20, c21, c30, c31 archsimd.Float32x16
	for p := 0; p < k; p++ {
		bb := bp[p*32 : p*32+32 : p*32+32]
		b0 := archsimd.LoadFloat32x16Slice(bb)
		b1 := archsimd.LoadFloat32x16Slice(bb[16:])
		a := ap[p*4 : p*4+4 : p*4+4]
		x0 := archsimd.BroadcastFloat32x16(a[0])
		c00 = x0.MulAdd(b0, c00)
		c01 = x0.MulAdd(b1, c01)
		x1 := archsimd.BroadcastFloat32x16(a[1])
		c10 = x1.MulAdd(b0, c10)
		c11 = x1.MulAdd(b1, c11)
		x2 := archsimd.BroadcastFloat32x16(a[2])
		c20 = x2.MulAdd(b0, c20)
		c21 = x2.MulAdd(b1, c21)
		x3 := archsimd.BroadcastFloat32x16(a[3])
		c30 = x3.MulAdd(b0, c30)
		c31 = x3.MulAdd(b1, c31)
	}
	t := tile[:128:128]
	c00.StoreSlice(t[0:])
	c01.StoreSlice(t[16:])
	c10.StoreSlice(t[32:])
	c11.StoreSlice(t[48:])
	c20.StoreSlice(t[64:])
	c21.StoreSlice(t[80:])
	c30.StoreSlice(t[96:])
	c31.StoreSlice(t[112:])
}
