package runtime

// Parallel loops (numba.prange, #omp parallel for) that the compiler's
// parallel pass approved reach the generated code already cut into chunks
// (the optimiser's chunk pass, opt/chunk.go): the code computes the trip
// count, the chunk count and each chunk's bounds with TripCount, Chunks,
// ChunkLo and ChunkHi, runs the chunks through Concurrent, and folds the
// chunks' partials itself, in chunk order. The contract:
//
//   - The iterations [0, n) are cut into Chunks(n, grain) contiguous
//     chunks. The cut depends on n and the grain only, never on the worker
//     count or on timing, so a float reduction (folded by the generated
//     code in chunk order) gives the same bits with 1 or 64 workers, and
//     the same bits as the C backend's twins in pyc2go.h.
//   - Workers goroutines (the calling one included) take chunks in
//     increasing order; more chunks than workers balances uneven rows.
//   - The error returned is the one of the lowest-numbered failing chunk:
//     chunks run their iterations in order and stop at their first error,
//     so that is Python's first failing iteration. After a failure no new
//     chunk starts, but chunks already running finish: their array writes
//     are the documented deviation from a sequential run.
//   - A panic in a chunk (a runtime bug, or an index out of range with
//     --boundscheck=off) is re-raised on the calling goroutine, again for
//     the lowest-numbered chunk.

import (
	"os"
	goruntime "runtime"
	"strconv"
	"sync"
	"sync/atomic"
)

// maxChunks bounds the chunk count: enough to balance uneven iterations
// over the workers of a large machine, few enough that a chunk's start
// (a closure call and an atomic add) never matters.
const maxChunks = 256

var (
	workersOverride atomic.Int64
	envWorkers      = sync.OnceValue(func() int {
		n, err := strconv.Atoi(os.Getenv("PYC2GO_WORKERS"))
		if err != nil || n < 1 {
			return 0
		}
		return n
	})
)

// SetWorkers sets how many goroutines parallel loops use; n <= 0 restores
// the default: $PYC2GO_WORKERS if it is a positive integer, else
// GOMAXPROCS. It may be called at any time; loops already running keep
// their count.
func SetWorkers(n int) {
	if n < 0 {
		n = 0
	}
	workersOverride.Store(int64(n))
}

// Workers returns the number of goroutines a parallel loop uses.
func Workers() int {
	if n := workersOverride.Load(); n > 0 {
		return int(n)
	}
	if n := envWorkers(); n > 0 {
		return n
	}
	return goruntime.GOMAXPROCS(0)
}

// TripCount returns the number of iterations of range(start, stop, step);
// step is not zero. The difference is taken in uint64 so that no range of
// int64 bounds overflows.
func TripCount(start, stop, step int64) int64 {
	switch {
	case step > 0 && start < stop:
		return int64((uint64(stop)-uint64(start)-1)/uint64(step) + 1)
	case step < 0 && start > stop:
		return int64((uint64(start)-uint64(stop)-1)/(uint64(-(step+1))+1) + 1)
	}
	return 0
}

// Chunks returns how many chunks n iterations make, given the least
// number of iterations worth a chunk (grain >= 1). Fewer than 2*grain
// iterations make one chunk, which runs on the calling goroutine without
// starting any other; no iterations make no chunk (so the generated code
// folds no partial into a reduction). It never returns more than
// maxChunks (ir.MaxChunks), the slots the generated code keeps partials
// in.
func Chunks(n, grain int64) int64 {
	if n <= 0 {
		return 0
	}
	if grain < 1 {
		grain = 1
	}
	c := n / grain
	switch {
	case c < 2:
		return 1
	case c > maxChunks:
		return maxChunks
	}
	return c
}

// ChunkLo returns the first iteration of chunk c of the nc contiguous
// chunks of [0, n): the first n%nc chunks get one iteration more.
func ChunkLo(n, nc, c int64) int64 {
	q, r := n/nc, n%nc
	return c*q + min(c, r)
}

// ChunkHi returns one past the last iteration of chunk c of the nc chunks
// of [0, n).
func ChunkHi(n, nc, c int64) int64 {
	hi := ChunkLo(n, nc, c) + n/nc
	if c < n%nc {
		hi++
	}
	return hi
}

// Concurrent runs body(c) for every c in [0, n) on Workers() goroutines,
// taking c in increasing order, and returns the error of the lowest c
// whose body failed (nil if none did). No body starts after one has
// failed; bodies already running finish.
func Concurrent(n int64, body func(c int64) error) error {
	if n <= 0 {
		return nil
	}
	w := int64(Workers())
	if w >= n {
		w = n
	}
	if w <= 1 {
		for c := int64(0); c < n; c++ {
			if err := body(c); err != nil {
				return err
			}
		}
		return nil
	}
	type outcome struct {
		err      error
		panicked bool
		p        any
	}
	results := make([]outcome, n)
	var next atomic.Int64
	var failed atomic.Bool
	run := func(c int64) {
		defer func() {
			if p := recover(); p != nil {
				results[c] = outcome{panicked: true, p: p}
				failed.Store(true)
			}
		}()
		if err := body(c); err != nil {
			results[c].err = err
			failed.Store(true)
		}
	}
	work := func() {
		for !failed.Load() {
			c := next.Add(1) - 1
			if c >= n {
				return
			}
			run(c)
		}
	}
	var wg sync.WaitGroup
	for i := int64(1); i < w; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work()
		}()
	}
	work()
	wg.Wait()
	// Bodies are handed out in increasing order, so every one before a
	// failed one has been taken and has finished: the first failure in
	// order is the earliest in Python's order.
	for _, r := range results {
		if r.panicked {
			panic(r.p)
		}
		if r.err != nil {
			return r.err
		}
	}
	return nil
}
