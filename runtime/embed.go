package runtime

import "embed"

// Source holds this package's and package harness's Go files so that the
// pyc2go binary can write them next to generated code and build offline,
// without a module download. Callers skip *_test.go files.
//
//go:embed *.go harness/*.go
var Source embed.FS
