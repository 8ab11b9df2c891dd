package driver

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pyc2go/pyc2go/opt"
)

// TestCompileSome pins which functions CompileSome keeps and which it
// leaves out, with the diagnostics of the latter, for each stage an error
// can come from (frontend, typeinfer, a caller of a bad function), and
// what a wanted function pulls in.
func TestCompileSome(t *testing.T) {
	src := `import numpy as np


def good(x: float) -> float:
    return _helper(x)


def bad(x: float) -> float:
    yield x


def uses_bad(x: float) -> float:
    return bad(x) + good(x)


def bad2(y: "float64[:]"):
    return y[0, 0], 1


def _helper(x: float) -> float:
    return x * 2.0
`
	names := func(r *Result) []string {
		var out []string
		for _, f := range r.Module.Funcs {
			out = append(out, f.Name)
		}
		return out
	}
	res, skipped, err := CompileSome("k.py", []byte(src), Config{Opt: opt.Config{Verify: true}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"good", "_helper"}, names(res)); diff != "" {
		t.Errorf("compiled (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"bad", "uses_bad", "bad2"}, res.Skipped); diff != "" {
		t.Errorf("skipped (-want +got):\n%s", diff)
	}
	var msgs []string
	for _, e := range skipped.Errors {
		msgs = append(msgs, e.Pos.String()+" "+e.Msg)
	}
	got := strings.Join(msgs, "\n")
	for _, want := range []string{"9:5 unsupported: yield", "12:1 'uses_bad' is not compiled: it calls 'bad'", "17:12 too many indices"} {
		if !strings.Contains(got, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, got)
		}
	}

	// A wanted function brings its callees and nothing else.
	res, skipped, err = CompileSome("k.py", []byte(src), Config{}, func(n string) bool { return n == "good" })
	if err != nil || skipped != nil {
		t.Fatalf("want good: %v %v", err, skipped)
	}
	if diff := cmp.Diff([]string{"good", "_helper"}, names(res)); diff != "" {
		t.Errorf("compiled for good (-want +got):\n%s", diff)
	}
}
