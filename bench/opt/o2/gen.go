package o2

// kernels.go is bench/opt/kernels.py compiled by pyc2go at -O2 with the
// cache sizes pinned (so the tiles do not change with the machine that
// runs go generate), committed so the benchmarks build without running
// the compiler; bench/opt's TestGeneratedUpToDate fails when it is stale.

//go:generate go run github.com/pyc2go/pyc2go/cmd/pyc2go compile -O2 --cache=L1=32K,L2=512K,L3=32M -o kernels.go -pkg o2 ../kernels.py
