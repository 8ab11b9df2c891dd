package runtime

import (
	"errors"
	"fmt"
	"math"
	"sync/atomic"
	"testing"

	"github.com/pyc2go/pyc2go/ir"
)

func TestTripCount(t *testing.T) {
	naive := func(start, stop, step int64) int64 {
		var n int64
		for i := start; (step > 0 && i < stop) || (step < 0 && i > stop); i += step {
			n++
		}
		return n
	}
	for _, start := range []int64{-7, -1, 0, 1, 5} {
		for _, stop := range []int64{-9, -1, 0, 1, 4, 10} {
			for _, step := range []int64{-3, -2, -1, 1, 2, 3, 7} {
				if got, want := TripCount(start, stop, step), naive(start, stop, step); got != want {
					t.Errorf("TripCount(%d, %d, %d) = %d, want %d", start, stop, step, got, want)
				}
			}
		}
	}
	// Bounds whose difference overflows int64.
	big := []struct{ start, stop, step, want int64 }{
		{math.MinInt64, math.MaxInt64, 1 << 62, 4},
		{math.MaxInt64, math.MinInt64, math.MinInt64, 2},
		{math.MaxInt64 - 2, math.MaxInt64, 1, 2},
	}
	for _, b := range big {
		if got := TripCount(b.start, b.stop, b.step); got != b.want {
			t.Errorf("TripCount(%d, %d, %d) = %d, want %d", b.start, b.stop, b.step, got, b.want)
		}
	}
}

func TestChunks(t *testing.T) {
	for _, tt := range []struct {
		n     int64
		grain int64
		want  int64
	}{
		{0, 1, 0}, {1, 1, 1}, {1, 1024, 1}, {2047, 1024, 1}, {2048, 1024, 2},
		{5000, 1024, 4}, {100, 1, 100}, {1 << 40, 1, maxChunks}, {10, 0, 10},
	} {
		if got := Chunks(tt.n, tt.grain); got != tt.want {
			t.Errorf("Chunks(%d, %d) = %d, want %d", tt.n, tt.grain, got, tt.want)
		}
	}
	// The chunks of n tile [0, n) in order.
	for _, n := range []int64{1, 5, 64, 1000, 1025} {
		for nc := int64(1); nc <= 9 && nc <= n; nc++ {
			next := int64(0)
			for c := int64(0); c < nc; c++ {
				lo, hi := ChunkLo(n, nc, c), ChunkHi(n, nc, c)
				if lo != next || hi <= lo {
					t.Fatalf("chunk %d of %d over %d = [%d, %d), want to start at %d and be non-empty", c, nc, n, lo, hi, next)
				}
				next = hi
			}
			if next != n {
				t.Errorf("chunks of %d in %d end at %d", n, nc, next)
			}
		}
	}
}

func withWorkers(t *testing.T, w int) {
	SetWorkers(w)
	t.Cleanup(func() { SetWorkers(0) })
}

// TestConcurrentCovers runs every iteration exactly once, whatever the
// worker count.
func TestConcurrentCovers(t *testing.T) {
	for _, w := range []int{1, 2, 3, 8} {
		withWorkers(t, w)
		const n = 10007
		var hits [n]atomic.Int32
		nc := Chunks(n, 16)
		if err := Concurrent(nc, func(c int64) error {
			for i := ChunkLo(n, nc, c); i < ChunkHi(n, nc, c); i++ {
				hits[i].Add(1)
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		for i := range hits {
			if h := hits[i].Load(); h != 1 {
				t.Fatalf("workers %d: iteration %d ran %d times", w, i, h)
			}
		}
	}
}

// TestConcurrentFirstError: the error returned is the lowest-numbered
// failing chunk's, even when a later chunk fails first in time.
func TestConcurrentFirstError(t *testing.T) {
	for _, w := range []int{1, 2, 3} {
		withWorkers(t, w)
		release := make(chan struct{})
		err := Concurrent(4, func(c int64) error {
			switch c {
			case 1:
				<-release // fails after chunk 3 has failed
				return fmt.Errorf("chunk %d", c)
			case 3:
				if w > 1 {
					defer close(release)
				} else {
					close(release)
				}
				return fmt.Errorf("chunk %d", c)
			}
			if c == 0 && w == 1 {
				close(release) // sequential: chunk 1 runs before chunk 3
			}
			return nil
		})
		if err == nil || err.Error() != "chunk 1" {
			t.Errorf("workers %d: err = %v, want chunk 1", w, err)
		}
	}
}

func TestConcurrentPanic(t *testing.T) {
	withWorkers(t, 2)
	defer func() {
		if r := recover(); r != "boom 2" {
			t.Errorf("recovered %v, want boom 2", r)
		}
	}()
	_ = Concurrent(10, func(c int64) error {
		if c == 2 || c == 7 {
			panic(fmt.Sprintf("boom %d", c))
		}
		return nil
	})
	t.Error("no panic")
}

func TestWorkers(t *testing.T) {
	withWorkers(t, 3)
	if Workers() != 3 {
		t.Errorf("Workers() = %d after SetWorkers(3)", Workers())
	}
	SetWorkers(0)
	if Workers() < 1 {
		t.Errorf("default Workers() = %d", Workers())
	}
	if err := Concurrent(0, func(int64) error { return errors.New("ran") }); err != nil {
		t.Errorf("empty loop ran its body: %v", err)
	}
}

// TestMaxChunks: the generated code keeps a reduction's partials in a
// buffer of ir.MaxChunks slots, one per chunk.
func TestMaxChunks(t *testing.T) {
	if maxChunks != ir.MaxChunks {
		t.Errorf("maxChunks = %d, ir.MaxChunks = %d", maxChunks, ir.MaxChunks)
	}
}
