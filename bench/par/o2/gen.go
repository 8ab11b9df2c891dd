package o2

// kernels.go is bench/par/kernels.py compiled at -O2 (parallel loops in
// chunks, integer reductions unrolled), committed so the benchmarks build
// without running the compiler; bench/par's TestGeneratedUpToDate fails
// when it is stale.

//go:generate go run github.com/pyc2go/pyc2go/cmd/pyc2go compile -O2 --cache=L1=32K,L2=1M,L3=8M -o kernels.go -pkg o2 ../kernels.py
