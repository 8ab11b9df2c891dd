// Command pyc2go compiles type-annotated Python + numpy kernels ahead of
// time into Go.
//
//	pyc2go compile [flags] FILE.py|DIR...      Go source: stdout, -o FILE, or -o DIR
//	pyc2go check [flags] FILE.py|DIR...        diagnostics only
//	pyc2go run [flags] FILE.py FUNC [--] ARG...
//	pyc2go verify [flags] FILE.py|DIR...       compiled vs CPython + numpy
//	pyc2go version
//	pyc2go help [COMMAND]                      flags and examples of each command
//
// Each command is a [command] in commands.go: its flags are registered in
// its setup function only, so the parser, `pyc2go help COMMAND` and the
// test that every flag is documented in README.md see the same set.
//
// Exit status: 0 success, 1 diagnostics or a verification mismatch, 2 usage
// errors, 3 a Python exception raised by the function `run` called.
// Diagnostics are coloured only when stderr is a terminal and NO_COLOR is
// unset; --json prints them as JSON Lines on stderr instead (README.md has
// the schema).
package main
