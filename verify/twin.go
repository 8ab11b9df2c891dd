package verify

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// Mismatch is a case on which two compiled forms of one module (see
// Options.Twin) disagree: A is the verified program's outcome, B its
// twin's.
type Mismatch struct {
	Func   string
	Args   []string
	A, B   Outcome
	Detail string // which output file differs, when the outcomes agree
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
