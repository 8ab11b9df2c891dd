package opt

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/pyc2go/pyc2go/internal/golden"
	"github.com/pyc2go/pyc2go/ir"
)

// TestPassCases runs each pass alone on hand-written IR: for every
// testdata/PASS/CASE.txtar, the module in `-- in.ir --` is parsed and
// verified, the pass PASS (and no other) runs on it with the verifier on,
// and the printed result must be `-- out.ir --` and the pass's remarks
// `-- remarks --` (one per line, Remark.String without the position's
// file). So a case pins one pass whatever the passes before it do, and a
// change to one pass touches only its own cases.
//
// The archive's comment may hold `config: ` lines: fastmath,
// boundscheck=off, or cache=L1=32K,... (ParseCache's syntax).
//
// `go test ./opt -update` (or PYC2GO_UPDATE=1) rewrites out.ir and
// remarks from what the pass does now; review the diff.
func TestPassCases(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*", "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]int{}
	for _, file := range files {
		name := filepath.Base(filepath.Dir(file))
		p := lookupPass(name)
		if p == nil {
			t.Errorf("%s: no pass %s in the table", file, name)
			continue
		}
		cases[name]++
		t.Run(name+"/"+strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			runPassCase(t, *p, file)
		})
	}
	// Every optional pass has cases, one at least where it declines.
	for _, p := range passes {
		if !p.required && cases[p.name] < 2 {
			t.Errorf("pass %s has %d cases under testdata/%s, want at least 2", p.name, cases[p.name], p.name)
		}
	}
}

func runPassCase(t *testing.T, p pass, file string) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	sections := map[string]string{}
	for _, f := range ar.Files {
		sections[f.Name] = string(f.Data)
	}
	in, ok := sections["in.ir"]
	if !ok {
		t.Fatalf("%s: no in.ir", file)
	}
	cfg, err := caseConfig(string(ar.Comment))
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	m, err := ir.Parse(in)
	if err != nil {
		t.Fatalf("%s: in.ir: %v", file, err)
	}
	if got := ir.Print(m); got != in {
		t.Fatalf("%s: in.ir is not as Print writes it (-want +got):\n%s", file, gocmp.Diff(in, got))
	}
	if err := ir.Verify(m); err != nil {
		t.Fatalf("%s: in.ir does not verify: %v", file, err)
	}
	var remarks []string
	cfg.Verify = true
	cfg.Remarks = func(r Remark) { remarks = append(remarks, r.String()) }
	if err := runOne(p, m, cfg); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	if err := ir.Verify(m); err != nil {
		t.Fatalf("%s: the pass's output does not verify: %v", file, err)
	}
	got := map[string]string{"out.ir": ir.Print(m), "remarks": strings.Join(remarks, "\n")}
	if len(remarks) > 0 {
		got["remarks"] += "\n"
	}
	if golden.Updating() {
		for i, f := range ar.Files {
			if g, ok := got[f.Name]; ok {
				ar.Files[i].Data = []byte(g)
				delete(got, f.Name)
			}
		}
		for _, name := range []string{"out.ir", "remarks"} {
			if g, ok := got[name]; ok {
				ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(g)})
			}
		}
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	for _, name := range []string{"out.ir", "remarks"} {
		want, ok := sections[name]
		if !ok {
			t.Errorf("%s: no %s (run with -update or PYC2GO_UPDATE=1 to create it)", file, name)
			continue
		}
		if diff := gocmp.Diff(want, got[name]); diff != "" {
			t.Errorf("%s: %s mismatch (-want +got):\n%s", file, name, diff)
		}
	}
}

// caseConfig reads the `config: ` lines of a case's comment.
func caseConfig(comment string) (Config, error) {
	cfg := Config{OptLevel: 2}
	for _, line := range strings.Split(comment, "\n") {
		opt, ok := strings.CutPrefix(strings.TrimSpace(line), "config: ")
		if !ok {
			continue
		}
		switch {
		case opt == "fastmath":
			cfg.FastMath = true
		case opt == "boundscheck=off":
			cfg.NoBoundsCheck = true
		case strings.HasPrefix(opt, "cache="):
			c, err := ParseCache(strings.TrimPrefix(opt, "cache="))
			if err != nil {
				return cfg, err
			}
			cfg.Cache = c
		default:
			return cfg, fmt.Errorf("unknown config %q", opt)
		}
	}
	return cfg, nil
}

// TestPassCasesFormat keeps the archives tidy: each has exactly in.ir,
// out.ir and remarks, in that order.
func TestPassCasesFormat(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*", "*.txtar"))
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		ar := txtar.Parse(data)
		var names []string
		for _, f := range ar.Files {
			names = append(names, f.Name)
		}
		if strings.Join(names, " ") != "in.ir out.ir remarks" && !golden.Updating() {
			t.Errorf("%s: sections %v, want in.ir out.ir remarks", file, names)
		}
		if !bytes.HasSuffix(data, []byte("\n")) {
			t.Errorf("%s: no final newline", file)
		}
	}
}
