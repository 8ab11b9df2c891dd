// Package opt is the optimizer benchmark suite of issue 4: the kernels of
// kernels.py compiled at -O0 (package o0) and -O2 (package o2), and the
// same loops written by hand in Go (hand.go), timed side by side by
// `go test -bench . ./bench/opt/` so each kernel reads as -O0 vs -O2 vs
// hand-written ratios; a copy() benchmark gives the memory bandwidth the
// triad is measured against. docs/performance.md records the ratios.
//
// The generated packages pin the cache sizes of the machine the numbers
// were taken on (L1=32K, L2=512K, L3=32M) in their go:generate lines;
// pinnedCache below must match them, and TestGeneratedUpToDate checks the
// committed files against the compiler.
package opt
