package kernels0

// kernels.go is bench/kernels.py compiled by pyc2go at -O0 (no optional
// pass), committed so the benchmarks can time -O0 against -O2 in one run;
// bench's TestGeneratedUpToDate fails when it is stale.

//go:generate go run github.com/pyc2go/pyc2go/cmd/pyc2go compile -O0 --cache=L1=32K,L2=1M,L3=8M -o kernels.go -pkg kernels0 ../kernels.py
