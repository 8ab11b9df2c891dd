package ccorpus_test

import (
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/driver"
	"github.com/pyc2go/pyc2go/internal/corpus"
	"github.com/pyc2go/pyc2go/opt"
	"github.com/pyc2go/pyc2go/verify"
)

// knownDifferent lists corpus functions whose C results differ from
// CPython on purpose, with the reason; each must still differ.
var knownDifferent = map[string]string{
	// The same IR as the Go backend: see verify.TestCorpus.
	"arrays/sum_layouts.py:sum_t_nested_expr": "sum of an expression whose operand combines transposed arrays: C-ordered temporary, last bits differ",
	// A bug, open in issue #12: see verify.TestCorpus.
	"lang/tuples.py:nan_pairs": "(x, 1) == (x, 1) for a NaN x: CPython True (identity), compiled False",
}

// knownDifferentGCC adds the differences only gcc's builds show.
var knownDifferentGCC = map[string]string{
	// README, The C backend: gcc treats the sign of a NaN as insignificant
	// and computes (-3.0 * y) as -(3.0 * y) when 3.0 * y is at hand, so
	// only math.copysign of a NaN can tell. clang 14 keeps the sign.
	"scalar/floor_mod.py:exact_multiple_mod": "the sign of a NaN result: gcc rewrites (-c) * y as -(c * y)",
}

// known returns the differences a build by cc must show: knownDifferent,
// plus knownDifferentGCC unless cc is clang (cc --version says which, so
// a cc that is clang under another name counts as clang).
func known(t *testing.T, cc string) map[string]string {
	version, err := exec.Command(cc, "--version").Output()
	if err != nil {
		t.Fatalf("%s --version: %v", cc, err)
	}
	m := maps.Clone(knownDifferent)
	if !strings.Contains(string(version), "clang") {
		maps.Copy(m, knownDifferentGCC)
	}
	return m
}

// TestCorpusC is verify.TestCorpus through the C backend, built by
// driver.CC() ($CC, else gcc). It needs a C compiler and skips, saying
// so, without one.
func TestCorpusC(t *testing.T) {
	cc := driver.CC()
	if _, err := exec.LookPath(cc); err != nil {
		t.Skipf("no C compiler %q on PATH: the C backend's half of the corpus is skipped", cc)
	}
	corpusC(t, cc, []int{0, 2}, known(t, cc))
}

// corpusC runs every corpus kernel at each of the pyc2go optimisation
// levels opts through the C backend built by cc and compares it with
// CPython; known lists the functions that must differ, with the reason.
// With -short: corpus.Differential's sample at -O2, fewer cases.
func corpusC(t *testing.T, cc string, opts []int, known map[string]string) {
	if _, err := verify.FindPython(""); err != nil {
		t.Fatalf("%v\nThe differential tests need the reference interpreter: apt-get install -y python3-numpy", err)
	}
	n := 30
	if testing.Short() {
		n = 8
		opts = []int{2}
	}
	files, err := corpus.Differential("../../testdata/py", testing.Short())
	if err != nil || len(files) == 0 {
		t.Fatalf("no kernels under testdata/py: %v", err)
	}
	for _, path := range files {
		for _, lvl := range opts {
			name := strings.TrimPrefix(filepath.ToSlash(path), "../../testdata/py/")
			t.Run(name+"/O"+string(rune('0'+lvl)), func(t *testing.T) {
				t.Parallel()
				src, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				cfg := driver.Config{Opt: opt.Config{OptLevel: lvl, Verify: true}, Lang: "c", CC: cc}
				res, err := driver.Compile(path, src, cfg)
				if err != nil {
					t.Fatalf("compile: %v", err)
				}
				bin, err := res.Build(cfg)
				if err != nil {
					t.Fatalf("build: %v", err)
				}
				cases := n
				if strings.HasPrefix(name, "arrays/") {
					cases = min(n, 12)
				}
				rep, err := verify.Run(res, bin, verify.Options{Seed: 1, N: cases, Cases: verify.CasesFile(path), RefCache: corpus.RefCache()})
				if err != nil {
					t.Fatal(err)
				}
				for _, f := range rep.Funcs {
					key := name + ":" + f.Name
					reason, isKnown := known[key]
					switch {
					case isKnown && len(f.Failed) == 0 && !testing.Short():
						t.Errorf("%s agrees with CPython now; remove it from the known differences (%s)", key, reason)
					case !isKnown && len(f.Failed) > 0:
						var b strings.Builder
						(&verify.Report{Funcs: []*verify.FuncReport{f}}).Write(&b)
						t.Errorf("%s differs from CPython:\n%s", key, b.String())
					}
				}
			})
		}
	}
}

// TestCorpusClang is TestCorpusC with the kernels built by clang, the
// second compiler the C backend supports (README, The C backend), at -O2
// only: the whole corpus at both levels doubled TestCorpusC's time (8
// minutes on the loaded 2-core machine), and -O2, the default, emits the
// C that gives the C compiler most to optimise (unrolled accumulators,
// tiles, fused loops). TestCorpusCompiles (emit/c) still compiles the -O0
// C with clang. It skips without clang, and when $CC already makes
// TestCorpusC use it.
func TestCorpusClang(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: TestCorpusC's compiler only")
	}
	cc, err := exec.LookPath("clang")
	if err != nil {
		t.Skip("no clang on PATH: the clang half of the C corpus is skipped")
	}
	if filepath.Base(driver.CC()) == "clang" {
		t.Skip("$CC is clang: TestCorpusC already ran the corpus with it")
	}
	corpusC(t, cc, []int{2}, known(t, cc))
}
