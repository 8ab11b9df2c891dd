// Package par owns the performance evidence for parallel loops and
// reduction unrolling: kernels.py compiled at -O2 into the committed
// package bench/par/o2 and at -O0 into bench/par/o0, a test that both
// match what the compiler generates today (gen_test.go), and benchmarks
// (par_test.go, go test -bench . ./bench/par): Mandelbrot escape counts
// with prange at one worker and at GOMAXPROCS workers, and integer
// reductions unrolled (-O2) against one accumulator (-O0). Measured
// numbers are in README.md. It has no non-test code.
package par
