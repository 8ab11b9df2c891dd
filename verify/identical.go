package verify

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/pyc2go/pyc2go/driver"
)

// Mismatch is a case on which two compiled forms of one module disagree.
type Mismatch struct {
	Func   string
	Args   []string
	A, B   Outcome
	Detail string // which output file differs, when the outcomes agree
}

// Identical runs the harness programs a and b, one module compiled two
// ways (at -O0 and -O2, say), on the inputs Run would generate for res, and
// returns every case on which they differ in any byte: the repr of the
// result, the exception's class or message, or any .npy output (array
// results and array arguments as the call left them). Unlike Run it allows
// no tolerance, for functions Run compares with one too: an optimisation
// must not change a bit. The reference interpreter still runs, because it
// generates the inputs (and so cases it times out on are skipped).
func Identical(res *driver.Result, a, b string, opt Options) ([]Mismatch, error) {
	sigs, err := signatures(res.Module)
	if err != nil {
		return nil, err
	}
	if res.Info != nil {
		py := map[string]string{}
		for _, f := range res.Info.Funcs {
			if f.PyName != "" && f.PyName != f.Name {
				py[f.Name] = f.PyName
			}
		}
		for i := range sigs {
			sigs[i].PyName = py[sigs[i].Name]
		}
	}
	pyExe, err := FindPython(opt.Python)
	if err != nil {
		return nil, err
	}
	if opt.N == 0 {
		opt.N = 40
	}
	if opt.Timeout == 0 {
		opt.Timeout = 2 * time.Second
	}
	dir, err := os.MkdirTemp("", "pyc2go-identical-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	ref, err := runReference(pyExe, dir, res.Path, sigs, opt)
	if err != nil {
		return nil, err
	}
	var plan []*refCase
	for _, c := range ref.Cases {
		if !c.Timeout {
			plan = append(plan, c)
		}
	}
	timeout := 60*time.Second + time.Duration(len(plan))*opt.Timeout
	outA, err := runCompiled(a, plan, timeout, "a")
	if err != nil {
		return nil, err
	}
	outB, err := runCompiled(b, plan, timeout, "b")
	if err != nil {
		return nil, err
	}
	var bad []Mismatch
	for k, c := range plan {
		detail, same := sameOutcome(outA[k], outB[k])
		if same {
			detail, same = sameFiles(c.sideDir("a"), c.sideDir("b"))
		}
		if !same {
			args := make([]string, len(c.Args))
			for i, x := range c.Args {
				args[i] = x.String()
			}
			bad = append(bad, Mismatch{Func: c.Func, Args: args, A: outA[k], B: outB[k], Detail: detail})
		}
	}
	return bad, nil
}

func sameOutcome(a, b Outcome) (string, bool) {
	switch {
	case (a.Exc == nil) != (b.Exc == nil), a.Exc != nil && *a.Exc != *b.Exc:
		return "exceptions differ", false
	case (a.Repr == nil) != (b.Repr == nil), a.Repr != nil && *a.Repr != *b.Repr:
		return "results differ", false
	}
	return "", true
}

// sameFiles compares the output directories of two sides file by file.
func sameFiles(a, b string) (string, bool) {
	if a == "" {
		return "", true
	}
	list := func(d string) []string {
		ms, _ := filepath.Glob(filepath.Join(d, "*.npy"))
		for i, m := range ms {
			ms[i] = filepath.Base(m)
		}
		sort.Strings(ms)
		return ms
	}
	fa, fb := list(a), list(b)
	if fmt.Sprint(fa) != fmt.Sprint(fb) {
		return fmt.Sprintf("output files %v and %v", fa, fb), false
	}
	for _, f := range fa {
		da, err1 := os.ReadFile(filepath.Join(a, f))
		db, err2 := os.ReadFile(filepath.Join(b, f))
		if err1 != nil || err2 != nil {
			return fmt.Sprintf("%s: %v %v", f, err1, err2), false
		}
		if !bytes.Equal(da, db) {
			return f + " differs", false
		}
	}
	return "", true
}
