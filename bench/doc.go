// Package bench owns pyc2go's performance evidence for array kernels:
// kernels.py (fused numpy kernels) compiled into the committed package
// bench/kernels, a test pinning the exact heap allocation count of every
// kernel call (alloc_test.go, run by plain go test), a test that the
// committed kernels.go matches what the compiler generates today
// (gen_test.go), and timed benchmarks against hand-written Go loops
// (bench_test.go, go test -bench . ./bench) whose measured numbers are
// recorded in README.md. It has no non-test code.
package bench
