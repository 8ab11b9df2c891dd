package o0

// kernels.go is bench/par/kernels.py compiled at -O0 (no optional pass:
// prange loops run sequentially, reductions keep one accumulator), the
// baseline of bench/par's benchmarks; committed like package o2's.

//go:generate go run github.com/pyc2go/pyc2go/cmd/pyc2go compile -O0 --cache=L1=32K,L2=1M,L3=8M -o kernels.go -pkg o0 ../kernels.py
