package harness

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"time"
)

// Module is one compiled Python file's functions: BenchMain serves several
// files from one program.
type Module struct {
	File  string
	Funcs []Func
}

// Policy says how many times BenchMain calls a kernel. The first call runs
// on the freshly loaded arguments and its outputs are written for
// checking; warm-up calls follow (the first counts as one) while the
// warm-up has taken less than WarmSeconds, up to WarmMax calls; then timed
// calls, at least MinCalls, and more while they have taken less than
// Seconds, up to MaxCalls. Times are of the calls alone. bench/peers
// applies the same rule, with the same numbers, to every engine.
type Policy struct {
	WarmSeconds float64 `json:"warm_seconds"`
	WarmMax     int     `json:"warm_max"`
	MinCalls    int     `json:"min_calls"`
	MaxCalls    int     `json:"max_calls"`
	Seconds     float64 `json:"seconds"`
}

// Calls runs call under the policy: it returns the first call's time, the
// number of warm-up calls and the timed calls' times, stopping at the
// first error. afterFirst runs, untimed, after a successful first call
// (to save its outputs). Arguments are not reloaded between calls:
// kernels that update an argument in place see their previous result, as
// they would in a Python timing loop.
func (p Policy) Calls(call, afterFirst func() error) (first float64, warm int, seconds []float64, err error) {
	timed := func() (float64, error) {
		start := time.Now()
		err := call()
		return time.Since(start).Seconds(), err
	}
	if first, err = timed(); err == nil {
		err = afterFirst()
	}
	if err != nil {
		return first, 1, nil, err
	}
	warm = 1
	for spent := first; warm < p.WarmMax && spent < p.WarmSeconds; warm++ {
		t, err := timed()
		if err != nil {
			return first, warm, nil, err
		}
		spent += t
	}
	spent := 0.0
	for len(seconds) < p.MinCalls || (len(seconds) < p.MaxCalls && spent < p.Seconds) {
		t, err := timed()
		if err != nil {
			return first, warm, seconds, err
		}
		seconds = append(seconds, t)
		spent += t
	}
	return first, warm, seconds, nil
}

// benchReq is one kernel to time: the function, its arguments as in batch
// mode, the directory for the first call's outputs (result*.npy and
// arg_N.npy, as call --out writes them) and the policy.
type benchReq struct {
	File   string            `json:"file"`
	Func   string            `json:"func"`
	Args   []json.RawMessage `json:"args"`
	OutDir string            `json:"out_dir"`
	Policy Policy            `json:"policy"`
}

// benchResp is the answer to one benchReq: Exc is set when the kernel
// raised (or the request was bad: "HarnessError"), and the times are in
// seconds.
type benchResp struct {
	File    string    `json:"file"`
	Func    string    `json:"func"`
	Exc     *excJSON  `json:"exc"`
	First   float64   `json:"first"`
	Warm    int       `json:"warm"`
	Seconds []float64 `json:"seconds"`
}

// BenchMain runs the timing protocol of bench/peers over the modules and
// exits: one JSON request per stdin line (file, func, args, out_dir,
// policy), one JSON answer per line on stdout (exc, first, warm, seconds),
// in order. With $PYC2GO_CPUPROFILE set, it writes a CPU profile of the
// whole run there (go tool pprof BINARY FILE).
func BenchMain(mods []Module) {
	if path := os.Getenv("PYC2GO_CPUPROFILE"); path != "" {
		f, err := os.Create(path)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench: $PYC2GO_CPUPROFILE:", err)
			os.Exit(ExitUsage)
		}
		status := bench(mods, os.Stdin, os.Stdout, os.Stderr)
		pprof.StopCPUProfile()
		f.Close()
		os.Exit(status)
	}
	os.Exit(bench(mods, os.Stdin, os.Stdout, os.Stderr))
}

func bench(mods []Module, stdin io.Reader, stdout, stderr io.Writer) int {
	return serveLines("bench", stdin, stdout, stderr, func(line string) any { return benchOne(mods, line) })
}

func benchOne(mods []Module, line string) benchResp {
	var req benchReq
	fail := func(msg string) benchResp {
		return benchResp{File: req.File, Func: req.Func, Exc: &excJSON{"HarnessError", msg}, Seconds: []float64{}}
	}
	if err := json.Unmarshal([]byte(line), &req); err != nil {
		return fail("bad request: " + err.Error())
	}
	var f *Func
	for _, m := range mods {
		if m.File == req.File {
			f, _ = (&program{file: m.File, funcs: m.Funcs}).lookup(req.Func)
		}
	}
	if f == nil {
		return fail(fmt.Sprintf("no compiled function %q in %q", req.Func, req.File))
	}
	texts, err := decodeArgs(f, req.Args)
	if err != nil {
		return fail(err.Error())
	}
	args, err := prepare(f, texts)
	if err != nil {
		return fail(err.Error())
	}
	var res any
	first, warm, seconds, err := req.Policy.Calls(func() error {
		var err error
		res, err = safeCall(f, args)
		return err
	}, func() error {
		if req.OutDir == "" {
			return nil
		}
		// Before any other call: later calls may update in-place
		// arguments again.
		if err := writeOut(req.OutDir, res, args); err != nil {
			return fmt.Errorf("writing out_dir: %w", err)
		}
		return nil
	})
	resp := benchResp{File: req.File, Func: req.Func, First: first, Warm: warm, Seconds: seconds}
	if resp.Seconds == nil {
		resp.Seconds = []float64{}
	}
	if err != nil {
		t, m := classify(err)
		resp.Exc = &excJSON{t, m}
	}
	return resp
}
