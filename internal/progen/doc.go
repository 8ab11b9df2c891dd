// Package progen writes random, terminating, valid kernels of the subset
// pyc2go accepts, runs each through CPython and both backends through the
// verify package, and shrinks a failing one to a minimal repro.
//
// What comes in: a seed (and a Config sizing the programs). What goes out:
// a Program (Source renders it as Python), a Finding per disagreement or
// build failure (Check), and a reduced Program that still fails the same
// way (Reduce).
//
// Generated programs stay where CPython and pyc2go are meant to agree:
// Python ints stay within int64 (every int variable within 2**20, every
// expression within 2**62, by bounds the generator tracks), np.int64 and
// np.float64 scalars are never made (pyc2go treats them as Python's), ints
// compared with floats stay within 2**53, floats reach ints only clamped.
// Inside those limits they lean on the risky parts: every numpy integer
// kind and float32 with wrap-around, mixed-kind promotion converted back,
// // % ** << >> on negatives and zeros (ZeroDivisionError, negative shift
// counts), comparison chains, float edge values (±0.0, ±inf, nan, 1e300,
// 5e-324), loops with break/continue/else, early returns, raises and
// asserts, calls with keywords, tuple results, 1-D and 2-D array
// parameters with views, in-place updates and reductions.
//
// `go run ./internal/progen/cmd -n N -j 2` runs N seeds; docs/progen.md
// records the last long run.
package progen
