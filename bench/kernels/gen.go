package kernels

// kernels.go is bench/kernels.py compiled by pyc2go, committed so the
// benchmarks build without running the compiler; bench's
// TestGeneratedUpToDate fails when it is stale.

//go:generate go run github.com/pyc2go/pyc2go/cmd/pyc2go compile -o kernels.go -pkg kernels ../kernels.py
