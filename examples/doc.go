// Package examples holds no code of its own: its directories use pyc2go
// the way a user would: heat/ is a complete Go module (a heat simulation
// whose kernels are written in Python), c/ a C program calling kernels
// compiled by the C backend on its own buffers. Its tests keep them
// honest from the main module, which `go test ./...` does not leave: each
// Go example's committed generated code must be what its go:generate line
// produces now, its own tests and go vet must pass, and its kernels must
// agree with CPython + numpy under pyc2go verify; the C program must build
// warning-free with gcc and clang and print what CPython prints.
package examples
