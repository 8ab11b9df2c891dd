package runtime

import "embed"

// Source holds the Go files of this package, of packages harness,
// nprand and linalg so that the pyc2go binary can write them next to
// generated code and build offline, without a module download. Callers
// skip *_test.go files. Package linalg imports gonum, so a build whose
// code imports it also needs gonum in the module cache (see package
// driver).
//
//go:embed *.go harness/*.go nprand/*.go linalg/*.go
var Source embed.FS
