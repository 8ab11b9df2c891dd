package runtime

import "embed"

// Source holds this package's, package harness's and package nprand's Go
// files so that the pyc2go binary can write them next to generated code
// and build offline, without a module download. Callers skip *_test.go
// files.
//
//go:embed *.go harness/*.go nprand/*.go
var Source embed.FS
