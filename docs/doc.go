// Package docs holds pyc2go's user documentation (language.md,
// porting.md, generated-api.md, semantics.md, python.md) and, in its test, the
// machinery that keeps it true: TestDocs extracts every fenced code block
// of docs/*.md and README.md and runs it (see doctest_test.go for the
// block annotations). The package has no Go API.
package docs
