// Package examples holds no code of its own: its directories are complete
// Go modules that use pyc2go the way a user's module would (heat/: a heat
// simulation whose kernels are written in Python), and its tests keep them
// honest from the main module, which `go test ./...` does not leave: each
// example's committed generated code must be what its go:generate line
// produces now, its own tests and go vet must pass, and its kernels must
// agree with CPython + numpy under pyc2go verify.
package examples
