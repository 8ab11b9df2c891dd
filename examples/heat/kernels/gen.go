package kernels

// kernels.go is kernels.py compiled by pyc2go and committed, so the module
// builds without running the compiler. After editing kernels.py, run
// `go generate ./...` and commit both files.

//go:generate go run github.com/pyc2go/pyc2go/cmd/pyc2go compile -o kernels.go -pkg kernels kernels.py
