// Package peers is the peer benchmark: kernels written the way numpy
// users write them (kernels/NAME.py, each with its seeded arguments at a
// "full" and a "smoke" size in kernels/NAME_cases.py), timed by one
// command, bench/peers/run (peers.py), on CPython + numpy, numexpr,
// Numba, Pythran and pyc2go's Go and C backends; see README.md.
//
// What comes in: the kernel files. What goes out: a table on stdout,
// results.json (times, ratios to numpy, the kernels pyc2go refuses with
// their first diagnostic, machine, load and versions) and docs/peers.svg.
// The Go engine is one program serving every accepted kernel
// (driver.BuildBench, harness.BenchMain); the C engine is each kernel's
// native module, both built by the compile command beside this file.
//
// The package has no non-test code. Its tests check what a benchmark
// cannot: every kernel pyc2go accepts compiles on both backends and agrees
// with CPython on the smoke-size arguments (verify, both backends), every
// refusal is a positioned diagnostic, and the runner's smoke mode works
// (skipping peers that are not installed).
package peers
