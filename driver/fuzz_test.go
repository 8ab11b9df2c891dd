package driver

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/opt"
)

// FuzzCheck runs the whole check path (parse, type-check, lower, emit) on
// arbitrary input: it must never panic, and an error must be a
// *Diagnostics with positions inside the file. Plain `go test` runs the
// seeds: every kernel and error file in testdata.
func FuzzCheck(f *testing.F) {
	for _, pattern := range []string{"../testdata/py/*/*.py", "../testdata/errors/*.py"} {
		for _, p := range kernelFiles(pattern) {
			src, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(src)
		}
	}
	f.Add([]byte("def f(x: int) -> int:\n    return x // 0\n"))
	f.Add([]byte("def f(x: float):\n    y: int = x\n    return y\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		res, err := Compile("fuzz.py", src, Config{Opt: opt.Config{OptLevel: 2, Verify: true}})
		if err != nil {
			var d *Diagnostics
			if !errors.As(err, &d) {
				t.Fatalf("non-diagnostic error: %v", err)
			}
			lines := strings.Count(string(src), "\n") + 1
			for _, e := range d.Errors {
				if e.Pos.Line < 1 || e.Pos.Line > lines+1 || e.Pos.Col < 1 {
					t.Fatalf("error position %v outside the file (%d lines): %s", e.Pos, lines, e.Msg)
				}
			}
			_ = d.Error()
			return
		}
		if _, err := res.GoSource(Config{}); err != nil {
			t.Fatalf("accepted input does not emit: %v", err)
		}
	})
}
