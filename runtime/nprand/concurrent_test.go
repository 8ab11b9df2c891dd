package nprand

import (
	"sync"
	"testing"
)

// TestConcurrentCallsAreAtomic shares one RandomState and one Generator
// between goroutines: every call must take a contiguous run of the
// sequential stream (the lock covers the call) and together the calls
// must take the stream's first values exactly once. Run with -race it
// also shows the state is free of data races.
func TestConcurrentCallsAreAtomic(t *testing.T) {
	const workers, calls, k = 8, 100, 101
	check := func(t *testing.T, draw func([]float64), seq []float64) {
		var mu sync.Mutex
		var chunks [][]float64
		var wg sync.WaitGroup
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for c := 0; c < calls; c++ {
					v := make([]float64, k)
					draw(v)
					mu.Lock()
					chunks = append(chunks, v)
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		pos := map[float64]int{}
		for i, x := range seq {
			pos[x] = i
		}
		used := make([]bool, len(seq))
		for _, ch := range chunks {
			start, ok := pos[ch[0]]
			if !ok || start%k != 0 {
				t.Fatalf("chunk %v does not start a call's run of the stream", ch)
			}
			for j, x := range ch {
				if seq[start+j] != x || used[start+j] {
					t.Fatalf("chunk %v is not a contiguous unused run of the stream", ch)
				}
				used[start+j] = true
			}
		}
	}
	// k is odd: the legacy normal's cached second value crosses call
	// boundaries, and must stay with the state.
	for name, newDraw := range map[string]func() func([]float64){
		"RandomState": func() func([]float64) { rs, _ := NewRandomState(99); return rs.StandardNormal },
		"Generator":   func() func([]float64) { g, _ := DefaultRNG(99); return g.StandardNormal },
	} {
		t.Run(name, func(t *testing.T) {
			seq := make([]float64, workers*calls*k)
			newDraw()(seq)
			check(t, newDraw(), seq)
		})
	}
}

// TestUnseededStates checks that unseeded generators draw from entropy:
// two of them (and the global state before any seed) give different
// streams.
func TestUnseededStates(t *testing.T) {
	a, b := make([]float64, 4), make([]float64, 4)
	var r1, r2 RandomState
	r1.RandomSample(a)
	r2.RandomSample(b)
	if a[0] == b[0] && a[1] == b[1] {
		t.Errorf("two unseeded RandomStates agree: %v", a)
	}
	DefaultRNGEntropy().Random(a)
	DefaultRNGEntropy().Random(b)
	if a[0] == b[0] && a[1] == b[1] {
		t.Errorf("two unseeded Generators agree: %v", a)
	}
	Global().RandomSample(a)
	if err := Global().Seed(5); err != nil {
		t.Fatal(err)
	}
	Global().RandomSample(a)
	ref, _ := NewRandomState(5)
	ref.RandomSample(b)
	if a[0] != b[0] {
		t.Errorf("Global().Seed(5) then draw: %v, want %v", a[0], b[0])
	}
}
