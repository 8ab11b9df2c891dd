package kernels

// kernels.go is bench/kernels.py compiled by pyc2go, committed so the
// benchmarks build without running the compiler; bench's
// TestGeneratedUpToDate fails when it is stale.

//go:generate go run github.com/pyc2go/pyc2go/cmd/pyc2go compile --cache=L1=32K,L2=1M,L3=8M -o kernels.go -pkg kernels ../kernels.py
