package verify

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestRefCache checks that a second reference run with the same kernel,
// inputs and interpreter is read from the cache, .npy files included,
// and that a changed kernel runs CPython again.
func TestRefCache(t *testing.T) {
	py, err := FindPython("")
	if err != nil {
		t.Fatalf("%v (apt-get install -y python3-numpy)", err)
	}
	dir := t.TempDir()
	// The interpreter is a wrapper that logs every run of ref.py.
	log := filepath.Join(dir, "runs.log")
	wrapper := filepath.Join(dir, "python")
	script := "#!/bin/sh\ncase \"$*\" in *ref.py*) echo run >> " + log + ";; esac\nexec " + py + " \"$@\"\n"
	if err := os.WriteFile(wrapper, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	kernel := filepath.Join(dir, "kernels.py")
	src := "import numpy as np\n\n\ndef double(x: \"float64[:]\") -> \"float64[:]\":\n    return x * 2\n"
	if err := os.WriteFile(kernel, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	sigs := []funcSig{{Name: "double", Params: []refParam{{Name: "x", Type: "float64[:]", Dtype: "float64", Rank: 1}}}}
	opt := Options{Seed: 1, N: 5, Timeout: 60e9, RefCache: filepath.Join(dir, "cache")}
	runs := func() int {
		b, _ := os.ReadFile(log)
		return strings.Count(string(b), "run")
	}
	reference := func() *refReply {
		work := t.TempDir()
		rep, err := runReference(wrapper, work, kernel, sigs, opt)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range rep.Cases {
			for _, f := range c.Files {
				if _, err := os.Stat(filepath.Join(c.OutDir, f)); err != nil {
					t.Errorf("case output %s: %v", f, err)
				}
			}
			for _, a := range c.Args {
				if !strings.HasPrefix(a.Npy, work) {
					t.Errorf("input %s is not under the run's work directory %s", a.Npy, work)
				}
			}
		}
		return rep
	}
	first := reference()
	second := reference()
	if n := runs(); n != 1 {
		t.Errorf("two identical reference runs started ref.py %d times, want 1", n)
	}
	strip := func(r *refReply) []Outcome {
		var o []Outcome
		for _, c := range r.Cases {
			o = append(o, c.Outcome)
		}
		return o
	}
	if !reflect.DeepEqual(strip(first), strip(second)) {
		t.Errorf("the cached reply differs from the first:\n%v\n%v", strip(first), strip(second))
	}
	if err := os.WriteFile(kernel, []byte(strings.Replace(src, "x * 2", "x * 3", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	reference()
	if n := runs(); n != 2 {
		t.Errorf("a changed kernel started ref.py %d times in all, want 2", n)
	}
}
