package kernels

// kernels.go is kernels.py compiled by pyc2go and committed, so the module
// builds without running the compiler. After editing kernels.py, run
// `go generate ./...` and commit both files. The cache sizes are pinned so
// the tiles, and so the file, do not depend on the machine.

//go:generate go run github.com/pyc2go/pyc2go/cmd/pyc2go compile --cache=L1=32K,L2=1M,L3=8M -o kernels.go -pkg kernels kernels.py
