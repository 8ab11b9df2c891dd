package progen

import (
	"strings"
	"testing"
)

// testSeeds are the seeds TestSeeds checks: a fixed sample, small enough
// for about two minutes on the project's machine. Each seed's program has
// several functions on every backend.
var testSeeds = []int64{1, 2, 3, 4}

// knownFailing maps a seed of testSeeds to the reason its program still
// fails, as goawk's knownDifferent does; every entry is an open bug.
var knownFailing = map[int64]string{}

// TestSeeds runs the fixed seeds through CPython, the Go backend and the C
// backend (gcc at -O2, clang at -O0, each against its -O0/-O2 twin).
func TestSeeds(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs several programs per seed")
	}
	for _, seed := range testSeeds {
		p := Generate(seed, Config{})
		fs, err := Check(p, CheckConfig{Cases: 8, Dir: t.TempDir()})
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		if why, ok := knownFailing[seed]; ok {
			if len(fs) == 0 {
				t.Errorf("seed %d passes now: remove it from knownFailing (%s)", seed, why)
			}
			continue
		}
		for _, f := range fs {
			t.Errorf("seed %d: %s\n%s", seed, f, p.Source())
		}
	}
}

// TestReduce shrinks a program under a predicate that stands for a
// failure: "some line floor-divides by a numpy uint8". The reduced program
// must still satisfy it and be a fraction of the original (a function
// stays only while another calls it), and keep the
// statements the generator marks Keep in place.
func TestReduce(t *testing.T) {
	for seed := int64(1); seed <= 40; seed++ {
		p := Generate(seed, Config{})
		bug := func(q *Program) bool { return strings.Contains(q.Source(), "// np.uint8(") }
		if !bug(p) {
			continue
		}
		r := reduceWith(p, bug)
		if !bug(r) {
			t.Fatalf("seed %d: the reduced program lost the failure:\n%s", seed, r.Source())
		}
		nf, ns := r.Counts()
		_, before := p.Counts()
		if nf > 2 || 3*ns > before {
			t.Errorf("seed %d: reduced to %d functions, %d statements (from %d):\n%s", seed, nf, ns, before, r.Source())
		}
		t.Logf("seed %d reduced from %d to %d statements:\n%s", seed, before, ns, r.Source())
		return
	}
	t.Fatal("no seed in 1..40 floor-divides by a uint8 constant")
}
