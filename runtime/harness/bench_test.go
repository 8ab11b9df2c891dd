package harness

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPolicyCalls(t *testing.T) {
	cases := []struct {
		name           string
		p              Policy
		wantWarm, want int
	}{
		{"check only", Policy{WarmMax: 1}, 1, 0},
		{"smoke", Policy{WarmMax: 1, MinCalls: 2, MaxCalls: 2}, 1, 2},
		// Warm-up and timing budgets that calls of ~0 s never exhaust:
		// the call counts stop them.
		{"budgets", Policy{WarmSeconds: 10, WarmMax: 5, MinCalls: 3, MaxCalls: 7, Seconds: 10}, 5, 7},
		{"min above max", Policy{WarmMax: 1, MinCalls: 4, MaxCalls: 2}, 1, 4},
	}
	for _, c := range cases {
		n, after := 0, 0
		first, warm, secs, err := c.p.Calls(func() error { n++; return nil }, func() error { after++; return nil })
		if err != nil || first < 0 || warm != c.wantWarm || len(secs) != c.want || n != warm+len(secs) || after != 1 {
			t.Errorf("%s: warm %d, %d timed, %d calls, afterFirst %d times, err %v; want warm %d, %d timed",
				c.name, warm, len(secs), n, after, err, c.wantWarm, c.want)
		}
	}
	// An error stops the calls where it happens.
	n := 0
	boom := errors.New("boom")
	_, warm, secs, err := Policy{WarmMax: 3, WarmSeconds: 10, MinCalls: 5}.Calls(func() error {
		n++
		if n == 4 {
			return boom
		}
		return nil
	}, func() error { return nil })
	if err != boom || warm != 3 || len(secs) != 0 {
		t.Errorf("error on the 4th call: warm %d, %d timed, err %v", warm, len(secs), err)
	}
}

func TestBench(t *testing.T) {
	mods := []Module{{File: "kernels.py", Funcs: testFuncs}}
	dir := t.TempDir()
	reqs := []string{
		`{"file": "kernels.py", "func": "gcd", "args": ["12", 18], "out_dir": "` + dir + `", "policy": {"warm_seconds": 10, "warm_max": 2, "min_calls": 3, "max_calls": 3}}`,
		`{"file": "kernels.py", "func": "gcd", "args": ["0", "0"], "policy": {"warm_max": 1, "min_calls": 1}}`,
		`{"file": "other.py", "func": "gcd", "args": ["1", "2"]}`,
		`{"file": "kernels.py", "func": "boom", "args": []}`,
	}
	var out, errb bytes.Buffer
	if code := bench(mods, strings.NewReader(strings.Join(reqs, "\n")), &out, &errb); code != ExitOK {
		t.Fatalf("status %d: %s", code, errb.String())
	}
	var resps []benchResp
	dec := json.NewDecoder(&out)
	for dec.More() {
		var r benchResp
		if err := dec.Decode(&r); err != nil {
			t.Fatal(err)
		}
		resps = append(resps, r)
	}
	if len(resps) != len(reqs) {
		t.Fatalf("%d answers to %d requests", len(resps), len(reqs))
	}
	if r := resps[0]; r.Exc != nil || r.Warm != 2 || len(r.Seconds) != 3 || r.Func != "gcd" {
		t.Errorf("gcd: %+v", r)
	}
	if _, err := os.Stat(filepath.Join(dir, "result.npy")); err != nil {
		t.Errorf("out_dir: %v", err)
	}
	if r := resps[1]; r.Exc == nil || r.Exc.Type != "ZeroDivisionError" || len(r.Seconds) != 0 {
		t.Errorf("gcd(0, 0): %+v", r)
	}
	if r := resps[2]; r.Exc == nil || r.Exc.Type != "HarnessError" || !strings.Contains(r.Exc.Message, "other.py") {
		t.Errorf("unknown file: %+v", r)
	}
	if r := resps[3]; r.Exc == nil || r.Exc.Type != "GoPanic" {
		t.Errorf("a panicking kernel: %+v", r)
	}
}
