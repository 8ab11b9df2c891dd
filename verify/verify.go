package verify

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/cmplx"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pyc2go/pyc2go/driver"
	"github.com/pyc2go/pyc2go/internal/corpus"
	"github.com/pyc2go/pyc2go/internal/scratch"
	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/numpy"
	"github.com/pyc2go/pyc2go/runtime"
)

//go:embed ref.py
var refScript []byte

// Tolerance is the relative tolerance for floats of functions that use an
// inexact (libm) intrinsic.
const Tolerance = 1e-9

// FastMathTolerance is the relative tolerance for floats under
// --fastmath, measured like Tolerance (|a-b| / max(1, |a|, |b|)). It is
// Tolerance itself: a reassociated float64 sum of n terms differs from
// the sequential one by roughly eps*sqrt(n) times the size of its terms
// (eps = 2.2e-16), under 1e-12 for the corpus and benchmark sizes
// (n <= 1e6, terms of order 1), so 1e-9 leaves three orders of magnitude
// for unlucky inputs; a real bug (a term lost or counted twice, a chunk
// boundary off by one) moves a sum of n terms by about 1/n of it, 1e-6 or
// more, and is still caught. Sums that cancel catastrophically (terms of
// 1e16 adding up to 1) can exceed it: fastmath is not for those.
const FastMathTolerance = Tolerance

// Tolerance32 replaces Tolerance for float32 and complex64 array elements
// of inexact functions: numpy computes float32 ufuncs (exp, log, sin, ...)
// with its own float32 implementations, a few float32 ulps (2**-23 each)
// from a correctly rounded result, far beyond 1e-9.
const Tolerance32 = 1e-6

// Options configures a verification run.
type Options struct {
	Python string // reference interpreter; "" finds one (FindPython)
	Cases  string // a CASES file; "" generates inputs
	Seed   int64  // input generation seed
	N      int    // generated cases per function
	// RefCache, when not empty, is a directory where reference runs are
	// kept and reused by later runs with the same kernel, CASES file,
	// inputs and interpreter (see refcache.go); the tests share one so
	// that each configuration of a kernel does not run CPython again.
	RefCache string
	// CaseDraws is how many times each entry of a CASES file is drawn,
	// each time with a fresh rng (draws that repeat an earlier one, from
	// a factory that ignores its rng, are dropped); 0 means once. The
	// CLI's -n sets it as well as N.
	CaseDraws int
	Timeout   time.Duration // per reference call; cases that time out are skipped
	// FastMath says the kernel was compiled with --fastmath: every
	// function's floats are then compared within FastMathTolerance
	// instead of bit for bit (integers, booleans and exceptions stay
	// exact).
	FastMath bool
	// Twin, if set, is a second harness program for the same module
	// (compiled at another -O level): it runs on the same inputs, and every
	// case on which its outcome or array outputs differ from bin's in any
	// byte is reported in FuncReport.TwinFailed, with no tolerance, for
	// functions compared with one too: optimisation must not change a bit.
	Twin string
}

// Case is one call and both outcomes. Args are the literals of scalar
// arguments and a short description of array arguments; Detail says where
// arrays (results or arguments mutated in place) differ.
type Case struct {
	Func   string
	Args   []string
	Python Outcome
	Go     Outcome
	Detail string
}

// Outcome is the repr of a result or an exception.
type Outcome struct {
	Repr *string   `json:"repr"`
	Exc  *PyExcept `json:"exc"`
	// Stdout is what the call printed (print in the kernel), compared
	// exactly.
	Stdout string `json:"stdout,omitempty"`
}

// PyExcept is a raised exception.
type PyExcept struct {
	Type    string `json:"type"`
	Message string `json:"message"`
}

func (o Outcome) String() string {
	if o.Stdout != "" {
		printed := o
		printed.Stdout = ""
		return printed.String() + " (printed " + strconv.Quote(o.Stdout) + ")"
	}
	switch {
	case o.Exc != nil:
		return o.Exc.Type + ": " + o.Exc.Message
	case o.Repr != nil:
		return *o.Repr
	}
	return "<nothing>"
}

// FuncReport summarises one function.
type FuncReport struct {
	Name    string
	Cases   int
	Skipped int // reference call timed out
	// Widened counts the cases where numpy 1.24 computed in a wider
	// dtype because of a run-time scalar's value (value-based casting)
	// and the compiled code raised its ValueError (numpy.MsgValueCast)
	// instead: accepted, and reported.
	Widened   int
	Failed    []Case
	Exact     bool    // compared bit for bit
	MaxRelErr float64 // largest relative float difference accepted (inexact functions)
	// TwinFailed lists the cases on which Options.Twin's outputs differ
	// from the program's own.
	TwinFailed []Mismatch
}

// Report is the outcome of one verification.
type Report struct {
	Python, Numpy string
	Funcs         []*FuncReport
}

// OK reports whether every function agreed on every case.
func (r *Report) OK() bool {
	for _, f := range r.Funcs {
		if len(f.Failed) > 0 || len(f.TwinFailed) > 0 {
			return false
		}
	}
	return true
}

// Write prints one line per function and the first mismatches.
func (r *Report) Write(w io.Writer) {
	for _, f := range r.Funcs {
		status := "PASS"
		if len(f.Failed) > 0 || len(f.TwinFailed) > 0 {
			status = "FAIL"
		}
		cmp := "bit-exact"
		if !f.Exact {
			cmp = fmt.Sprintf("tolerance %g, max rel err %.3g", Tolerance, f.MaxRelErr)
		}
		skipped := ""
		if f.Skipped > 0 {
			skipped = fmt.Sprintf(", %d skipped (reference timed out)", f.Skipped)
		}
		if f.Widened > 0 {
			skipped += fmt.Sprintf(", %d where numpy 1.24 computed in a wider dtype for the scalar's value and pyc2go raised", f.Widened)
		}
		fmt.Fprintf(w, "%s %s: %d cases%s, %s\n", status, f.Name, f.Cases, skipped, cmp)
		for i, c := range f.Failed {
			if i == 3 {
				fmt.Fprintf(w, "    ... %d more\n", len(f.Failed)-3)
				break
			}
			fmt.Fprintf(w, "    %s(%s): python %s, compiled %s\n", c.Func, strings.Join(c.Args, ", "), clip(c.Python.String()), clip(c.Go.String()))
			if c.Detail != "" {
				fmt.Fprintf(w, "      %s\n", c.Detail)
			}
		}
		for i, m := range f.TwinFailed {
			if i == 3 {
				fmt.Fprintf(w, "    ... %d more differences from the twin build\n", len(f.TwinFailed)-3)
				break
			}
			fmt.Fprintf(w, "    %s(%s): this build %s, twin build %s %s\n", m.Func, strings.Join(m.Args, ", "), clip(m.A.String()), clip(m.B.String()), m.Detail)
		}
	}
}

// clip shortens long reprs (whole arrays) in reports; Detail pinpoints
// the difference.
func clip(s string) string {
	const n = 200
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}

// FindPython returns the reference interpreter: flag, else $PYC2GO_PYTHON,
// else the first python3 that imports numpy (PATH first, then Debian's).
func FindPython(flag string) (string, error) {
	if flag != "" {
		return flag, nil
	}
	if env := os.Getenv("PYC2GO_PYTHON"); env != "" {
		return env, nil
	}
	var candidates []string
	if p, err := exec.LookPath("python3"); err == nil {
		candidates = append(candidates, p)
	}
	candidates = append(candidates, "/usr/bin/python3")
	for _, c := range candidates {
		// -I, as the reference run itself: without it, a directory named
		// numpy in the working directory (this repository's registry
		// package) imports as a namespace package; ndarray only exists
		// in the real one.
		if exec.Command(c, "-I", "-c", "import numpy; numpy.ndarray").Run() == nil {
			return c, nil
		}
	}
	return "", errors.New("no reference Python with numpy found: install it (Debian: apt-get install -y python3-numpy) or pass --python / set PYC2GO_PYTHON")
}

// Run verifies every public function of res (names not starting with "_")
// using the harness program bin.
func Run(res *driver.Result, bin string, opt Options) (*Report, error) {
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
	return run(res.Path, sigs, bin, opt)
}

// CasesFile returns the CASES file that goes with the kernel file path,
// FILE_cases.py beside FILE.py, or "" when there is none. Kernels whose
// shape requirements the generated inputs do not meet (matmul's inner
// dimensions) name their inputs there.
func CasesFile(path string) string { return corpus.CasesFile(path) }

// IsCasesFile reports whether path is a CASES file rather than a kernel:
// FILE_cases.py with FILE.py beside it.
func IsCasesFile(path string) bool { return corpus.IsCasesFile(path) }

// refParam is a parameter as ref.py generates it: Type is the Python
// spelling; array parameters add the dtype name and the rank.
type refParam struct {
	Name  string `json:"name"`
	Type  string `json:"type"`
	Dtype string `json:"dtype,omitempty"`
	Rank  int    `json:"rank,omitempty"`
	// Optional says the parameter may be None (an optional array): some
	// generated cases pass None.
	Optional bool `json:"optional,omitempty"`
}

// funcSig is what verification needs of a compiled function.
type funcSig struct {
	Name string `json:"name"`
	// PyName is the Python function an overload compiles (a function
	// exported by several #pythran export lines is compiled once per
	// signature, as f, f_2, ...); empty when it is Name.
	PyName string     `json:"pyname,omitempty"`
	Params []refParam `json:"params"`
	// KwOnly is how many of the last parameters are keyword-only (after
	// a bare * in the def): CPython must get those by name.
	KwOnly int `json:"kwonly,omitempty"`
	exact  bool
}

// tupleSpelling spells a scalar or a tuple of them (nested too) as ref.py
// and the harness read it: "int", "tuple[int, tuple[float, bool]]".
func tupleSpelling(t ir.Type) (string, bool) {
	switch t := t.(type) {
	case ir.Scalar:
		return t.PyName(), true
	case *ir.Tuple:
		parts := make([]string, len(t.Elems))
		for i, e := range t.Elems {
			s, ok := tupleSpelling(e)
			if !ok {
				return "", false
			}
			parts[i] = s
		}
		return "tuple[" + strings.Join(parts, ", ") + "]", true
	}
	return "", false
}

func signatures(m *ir.Module) ([]funcSig, error) {
	exact := exactness(m)
	var sigs []funcSig
	for _, f := range publicFuncs(m) {
		sig := funcSig{Name: f.Name, Params: []refParam{}, KwOnly: f.KwOnly, exact: exact[f]}
		if f.PyParams != nil {
			// Tuple parameters: ref.py generates the tuple, the harness
			// passes its leaves.
			for _, pp := range f.PyParams {
				spell, ok := tupleSpelling(pp.Type)
				if !ok {
					return nil, fmt.Errorf("verify: %s: parameter %s of type %s cannot be generated yet", f.Name, pp.Name, pp.Type)
				}
				sig.Params = append(sig.Params, refParam{Name: pp.Name, Type: spell})
			}
			sigs = append(sigs, sig)
			continue
		}
		for _, p := range f.Params {
			switch t := p.Type.(type) {
			case ir.Scalar:
				sig.Params = append(sig.Params, refParam{Name: p.Name, Type: t.PyName()})
			case *ir.Array:
				sig.Params = append(sig.Params, refParam{Name: p.Name, Type: t.String(), Dtype: t.Elem.String(), Rank: t.Rank, Optional: p.Nullable})
			case *ir.List:
				s, ok := t.Elem.(ir.Scalar)
				if !ok {
					return nil, fmt.Errorf("verify: %s: parameter %s of type %s cannot be generated yet", f.Name, p.Name, p.Type)
				}
				sig.Params = append(sig.Params, refParam{Name: p.Name, Type: "list[" + s.PyName() + "]"})
			default:
				return nil, fmt.Errorf("verify: %s: parameter %s of type %s cannot be generated yet", f.Name, p.Name, p.Type)
			}
		}
		sigs = append(sigs, sig)
	}
	return sigs, nil
}

func run(path string, sigs []funcSig, bin string, opt Options) (*Report, error) {
	py, err := FindPython(opt.Python)
	if err != nil {
		return nil, err
	}
	if opt.N == 0 {
		opt.N = 40
	}
	if opt.Timeout == 0 {
		opt.Timeout = 2 * time.Second
	}
	// Array arguments and results travel as .npy files in this directory:
	// case_K/in (inputs), case_K/py and case_K/go (outputs of each side),
	// in memory where the machine allows (see internal/scratch).
	dir, err := os.MkdirTemp(scratch.Dir(), "pyc2go-verify-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	ref, err := runReference(py, dir, path, sigs, opt)
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
	got, err := runCompiled(bin, plan, timeout, "go")
	if err != nil {
		return nil, err
	}
	var twin []Outcome
	if opt.Twin != "" {
		if twin, err = runCompiled(opt.Twin, plan, timeout, "twin"); err != nil {
			return nil, err
		}
	}
	rep := &Report{Python: ref.Python, Numpy: ref.Numpy}
	byName := map[string]*FuncReport{}
	for _, f := range sigs {
		fr := &FuncReport{Name: f.Name, Exact: f.exact && !opt.FastMath}
		byName[f.Name] = fr
		rep.Funcs = append(rep.Funcs, fr)
	}
	k := 0
	for _, c := range ref.Cases {
		fr := byName[c.Func]
		if fr == nil {
			return nil, fmt.Errorf("verify: cases name %q, which is not a public function of %s", c.Func, path)
		}
		fr.Cases++
		if c.Timeout {
			fr.Skipped++
			continue
		}
		g := got[k]
		if twin != nil {
			detail, same := sameOutcome(g, twin[k])
			if same {
				detail, same = sameFiles(c.goDir(), c.sideDir("twin"))
			}
			if !same {
				fr.TwinFailed = append(fr.TwinFailed, Mismatch{Func: c.Func, Args: caseArgs(c), A: g, B: twin[k], Detail: detail})
			}
		}
		k++
		if c.Exc == nil && g.Exc != nil && g.Exc.Type == "ValueError" && strings.HasPrefix(g.Exc.Message, numpy.MsgValueCast) {
			// A documented difference: numpy 1.24 widened the dtype
			// for this scalar value; the compiled code says so.
			fr.Widened++
			continue
		}
		relErr, detail, ok := agreeCase(c, g, fr.Exact)
		if !ok {
			fr.Failed = append(fr.Failed, Case{Func: c.Func, Args: caseArgs(c), Python: c.Outcome, Go: g, Detail: detail})
		} else if relErr > fr.MaxRelErr {
			fr.MaxRelErr = relErr
		}
	}
	return rep, nil
}

func caseArgs(c *refCase) []string {
	args := make([]string, len(c.Args))
	for i, a := range c.Args {
		args[i] = a.String()
	}
	return args
}

func publicFuncs(m *ir.Module) []*ir.Func {
	var fs []*ir.Func
	for _, f := range m.Funcs {
		if !strings.HasPrefix(f.Name, "_") {
			fs = append(fs, f)
		}
	}
	return fs
}

// exactness reports, per function, whether no inexact intrinsic is
// reachable from it (itself or any callee).
func exactness(m *ir.Module) map[*ir.Func]bool {
	direct := map[*ir.Func]bool{}
	callees := map[*ir.Func][]*ir.Func{}
	for _, f := range m.Funcs {
		direct[f] = true
		ir.WalkExprs(f.Body, func(e ir.Expr) {
			switch e := e.(type) {
			case *ir.Intrinsic:
				if info := ir.LookupIntrinsic(e.Name); info == nil || !info.Exact {
					direct[f] = false
				}
			case *ir.Call:
				callees[f] = append(callees[f], e.Fn)
			}
		})
	}
	exact := map[*ir.Func]bool{}
	for _, f := range m.Funcs {
		seen := map[*ir.Func]bool{}
		var visit func(g *ir.Func) bool
		visit = func(g *ir.Func) bool {
			if seen[g] {
				return true
			}
			seen[g] = true
			if g.Lib != nil { // a runtime library function (ir.Lib)
				return g.Lib.Exact
			}
			if !direct[g] {
				return false
			}
			for _, c := range callees[g] {
				if !visit(c) {
					return false
				}
			}
			return true
		}
		exact[f] = visit(f)
	}
	return exact
}

// refArg is one argument of a reference case: a Python literal, or an
// array as the path of its .npy file (with a description for reports).
type refArg struct {
	Lit  string
	Npy  string
	Desc string
}

func (a *refArg) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		return json.Unmarshal(b, &a.Lit)
	}
	var o struct {
		Npy  string `json:"npy"`
		Desc string `json:"desc"`
	}
	if err := json.Unmarshal(b, &o); err != nil {
		return err
	}
	if o.Npy == "" {
		return fmt.Errorf("argument %s is neither a literal nor {\"npy\": PATH}", b)
	}
	a.Npy, a.Desc = o.Npy, o.Desc
	return nil
}

func (a refArg) String() string {
	if a.Npy != "" {
		return a.Desc
	}
	return a.Lit
}

// request is the batch request the harness answers (runtime/harness
// batchReq).
func (a refArg) request() any {
	if a.Npy != "" {
		return map[string]string{"npy": a.Npy}
	}
	return a.Lit
}

type refCase struct {
	Func    string   `json:"func"`
	Args    []refArg `json:"args"`
	Timeout bool     `json:"timeout"`
	// OutDir holds the reference's .npy outputs, Files their names
	// (result.npy or result_N.npy when the result holds an array, arg_N.npy
	// per array argument); the compiled side writes beside it, in goDir.
	OutDir string   `json:"out_dir"`
	Files  []string `json:"files"`
	Outcome
}

// goDir is where the compiled side writes the outputs of case c.
func (c *refCase) goDir() string { return c.sideDir("go") }

// sideDir is where a compiled side named side writes the outputs of case c.
func (c *refCase) sideDir(side string) string {
	if c.OutDir == "" {
		return ""
	}
	return filepath.Join(filepath.Dir(c.OutDir), side)
}

type refReply struct {
	Python string     `json:"python"`
	Numpy  string     `json:"numpy"`
	Cases  []*refCase `json:"cases"`
}

func runReference(py, dir, kernel string, funcs []funcSig, opt Options) (*refReply, error) {
	abs, err := filepath.Abs(kernel)
	if err != nil {
		return nil, err
	}
	req := map[string]any{"kernel": abs, "seed": opt.Seed, "ncases": opt.N, "case_draws": opt.CaseDraws, "timeout": opt.Timeout.Seconds(), "workdir": dir}
	if opt.Cases != "" {
		if req["cases"], err = filepath.Abs(opt.Cases); err != nil {
			return nil, err
		}
	}
	if funcs == nil {
		funcs = []funcSig{}
	}
	req["functions"] = funcs
	var key string
	if opt.RefCache != "" {
		if key, err = refKey(py, req); err != nil {
			return nil, err
		}
		if err := os.MkdirAll(opt.RefCache, 0o755); err != nil {
			return nil, err
		}
		unlock, err := lockKey(filepath.Join(opt.RefCache, key+".lock"))
		if err != nil {
			return nil, err
		}
		defer unlock()
		out, err := refCacheLoad(opt.RefCache, key, dir)
		if err != nil {
			return nil, err
		}
		if out != nil {
			return decodeReply(out)
		}
	}
	in, _ := json.Marshal(req)
	script := filepath.Join(dir, "ref.py")
	if err := os.WriteFile(script, refScript, 0o644); err != nil {
		return nil, err
	}
	// -I isolates the run from the user's site-packages and the current
	// directory: a kernel file named like a stdlib module must not shadow it;
	// -B keeps __pycache__ out of the user's kernel directory.
	cmd := exec.Command(py, "-I", "-B", script)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("verify: reference run (%s) failed: %v\n%s", py, err, stderr.String())
	}
	rep, err := decodeReply(out)
	if err != nil || key == "" {
		return rep, err
	}
	for _, c := range rep.Cases {
		if c.Timeout {
			return rep, nil // a timeout depends on the load: not stored
		}
	}
	return rep, refCacheStore(opt.RefCache, key, dir, out)
}

func decodeReply(out []byte) (*refReply, error) {
	var rep refReply
	if err := json.Unmarshal(out, &rep); err != nil {
		return nil, fmt.Errorf("verify: reference output: %v", err)
	}
	return &rep, nil
}

// runCompiled runs the harness bin on every case of plan; array outputs go
// to each case's sideDir(side).
func runCompiled(bin string, plan []*refCase, timeout time.Duration, side string) ([]Outcome, error) {
	var in bytes.Buffer
	enc := json.NewEncoder(&in)
	for _, c := range plan {
		args := make([]any, len(c.Args))
		for i, a := range c.Args {
			args[i] = a.request()
		}
		req := map[string]any{"func": c.Func, "args": args}
		if d := c.sideDir(side); d != "" {
			req["out_dir"] = d
		}
		if err := enc.Encode(req); err != nil {
			return nil, err
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "batch")
	cmd.Stdin = &in
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("verify: compiled run failed: %v\n%s", err, stderr.String())
	}
	var got []Outcome
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var o Outcome
		if err := json.Unmarshal(sc.Bytes(), &o); err != nil {
			return nil, fmt.Errorf("verify: compiled output line %d: %v", len(got)+1, err)
		}
		got = append(got, o)
	}
	if len(got) != len(plan) {
		return nil, fmt.Errorf("verify: compiled program answered %d of %d cases", len(got), len(plan))
	}
	return got, nil
}

// agree compares the reference outcome with the compiled one. It returns
// the relative float error it accepted.
func agree(ref, got Outcome, exact bool) (float64, bool) {
	if ref.Stdout != got.Stdout {
		return 0, false
	}
	if ref.Exc != nil || got.Exc != nil {
		return 0, ref.Exc != nil && got.Exc != nil && *ref.Exc == *got.Exc
	}
	if ref.Repr == nil || got.Repr == nil {
		return 0, false
	}
	if *ref.Repr == *got.Repr {
		return 0, true
	}
	rv, err1 := parseRepr(*ref.Repr)
	gv, err2 := parseRepr(*got.Repr)
	if err1 != nil || err2 != nil || len(rv) != len(gv) {
		return 0, false
	}
	worst := 0.0
	for i := range rv {
		e, ok := agreeValue(rv[i], gv[i], exact)
		if !ok {
			return 0, false
		}
		worst = max(worst, e)
	}
	return worst, true
}

func agreeValue(r, g any, exact bool) (float64, bool) {
	switch r := r.(type) {
	case int64:
		switch g := g.(type) {
		case int64:
			return 0, r == g
		case float64:
			// A local widened to float by flow-insensitive inference.
			return 0, float64(r) == g
		}
	case float64:
		g, ok := g.(float64)
		if !ok {
			return 0, false
		}
		return floatsAgree(r, g, exact)
	case complex128:
		g, ok := g.(complex128)
		if !ok {
			return 0, false
		}
		e1, ok1 := floatsAgree(real(r), real(g), exact)
		e2, ok2 := floatsAgree(imag(r), imag(g), exact)
		if ok1 && ok2 || exact {
			return max(e1, e2), ok1 && ok2
		}
		// A complex result is compared norm-wise, as numerical analysis
		// measures complex error: a last-bit difference in a phase (atan2)
		// turns into a large error in a small real part next to a huge
		// imaginary one, while the value as a whole is as close as libm
		// allows.
		return complexAgree(r, g)
	case bool:
		return 0, r == g
	}
	return 0, false
}

func floatsAgree(r, g float64, exact bool) (float64, bool) {
	if math.Float64bits(r) == math.Float64bits(g) || (math.IsNaN(r) && math.IsNaN(g)) {
		return 0, true
	}
	if exact || math.IsInf(r, 0) || math.IsInf(g, 0) || math.IsNaN(r) || math.IsNaN(g) {
		return 0, false
	}
	rel := math.Abs(r-g) / max(1, math.Abs(r), math.Abs(g))
	return rel, rel <= Tolerance
}

func complexAgree(r, g complex128) (float64, bool) {
	if cmplx.IsNaN(r) || cmplx.IsNaN(g) || cmplx.IsInf(r) || cmplx.IsInf(g) {
		return 0, false
	}
	rel := cmplx.Abs(r-g) / max(1, cmplx.Abs(r), cmplx.Abs(g))
	return rel, rel <= Tolerance
}

// parseRepr parses a repr of a scalar, or of a tuple or list of them
// (nested too), into its scalars in order. A list's length comes first,
// so that lists of different lengths never agree.
func parseRepr(s string) ([]any, error) {
	isList := strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]")
	if isList || strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") && !strings.HasSuffix(s, "j)") {
		inner := s[1 : len(s)-1]
		parts := splitTop(inner)
		var vals []any
		if isList {
			vals = append(vals, int64(len(parts)))
		}
		for _, part := range parts {
			v, err := parseRepr(part)
			if err != nil {
				return nil, err
			}
			vals = append(vals, v...)
		}
		return vals, nil
	}
	v, err := parseScalar(s)
	return []any{v}, err
}

// splitTop splits a tuple body at commas outside parentheses.
func splitTop(s string) []string {
	var parts []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
		case ',':
			if depth == 0 {
				parts = append(parts, strings.TrimSpace(s[start:i]))
				start = i + 1
			}
		}
	}
	if last := strings.TrimSpace(s[start:]); last != "" {
		parts = append(parts, last)
	}
	return parts
}

func parseScalar(s string) (any, error) {
	v, err := runtime.ParseLiteral(s)
	if err != nil {
		return nil, err
	}
	switch v := v.(type) {
	case int64, float64, complex128, bool:
		return v, nil
	}
	return nil, fmt.Errorf("unexpected value %q", s)
}

// agreeCase compares one case: exceptions and scalar results as agree
// does; when the reference result holds an array, the result files
// instead; and every array argument as it is after the call, so in-place
// kernels are checked. It returns the relative float error it accepted and,
// on disagreement over files, where they differ.
func agreeCase(c *refCase, got Outcome, exact bool) (float64, string, bool) {
	if c.Exc != nil || got.Exc != nil || len(c.Files) == 0 {
		e, ok := agree(c.Outcome, got, exact)
		return e, "", ok
	}
	if got.Repr == nil {
		return 0, "", false
	}
	goDir := c.goDir()
	var pyResults []string
	for _, f := range c.Files {
		if strings.HasPrefix(f, "result") {
			pyResults = append(pyResults, f)
		}
	}
	if len(pyResults) == 0 {
		// A scalar (or None) result: its repr decides.
		if e, ok := agree(c.Outcome, got, exact); !ok {
			return e, "", false
		}
	} else {
		// The compiled side must write the same result files: a tuple of
		// another length, or a scalar for an array, shows up here.
		goResults, _ := filepath.Glob(filepath.Join(goDir, "result*.npy"))
		names := make([]string, len(goResults))
		for i, p := range goResults {
			names[i] = filepath.Base(p)
		}
		if strings.Join(names, " ") != strings.Join(pyResults, " ") {
			return 0, fmt.Sprintf("result files: python %v, compiled %v", pyResults, names), false
		}
	}
	worst := 0.0
	for _, f := range c.Files {
		e, detail, ok := agreeNpyFiles(filepath.Join(c.OutDir, f), filepath.Join(goDir, f), exact)
		if !ok {
			return 0, f + ": " + detail, false
		}
		worst = max(worst, e)
	}
	return worst, "", true
}

// agreeNpyFiles compares two .npy files with agreeArrays.
func agreeNpyFiles(ref, got string, exact bool) (float64, string, bool) {
	r, err := runtime.ReadNpyFile(ref)
	if err != nil {
		return 0, "reference: " + err.Error(), false
	}
	g, err := runtime.ReadNpyFile(got)
	if err != nil {
		return 0, "compiled: " + err.Error(), false
	}
	return agreeArrays(r, g, exact)
}

// agreeArrays requires the same dtype, the same shape and agreeing
// elements: bit-identical (any NaN matching any NaN, signed zeros
// distinct) when exact, else within Tolerance (Tolerance32 for float32 and
// complex64) relative to max(1, |a|, |b|), complex elements norm-wise.
func agreeArrays(r, g *runtime.NpyArray, exact bool) (float64, string, bool) {
	if r.Dtype != g.Dtype {
		return 0, fmt.Sprintf("dtype: python %s, compiled %s", runtime.DtypeName(r.Dtype), runtime.DtypeName(g.Dtype)), false
	}
	if !slices.Equal(r.Shape, g.Shape) {
		return 0, fmt.Sprintf("shape: python %s, compiled %s", shapeString(r.Shape), shapeString(g.Shape)), false
	}
	at := func(i int) string { return "element " + indexString(r.Shape, i) }
	switch rd := r.Data.(type) {
	case []float64:
		return agreeElems(rd, g.Data.([]float64), at, func(a, b float64) (float64, bool) {
			return floatsAgreeTol(a, b, exact, Tolerance)
		})
	case []float32:
		return agreeElems(rd, g.Data.([]float32), at, func(a, b float32) (float64, bool) {
			return floatsAgreeTol(float64(a), float64(b), exact, Tolerance32)
		})
	case []complex128:
		return agreeElems(rd, g.Data.([]complex128), at, func(a, b complex128) (float64, bool) {
			return complexElemsAgree(a, b, exact, Tolerance)
		})
	case []complex64:
		return agreeElems(rd, g.Data.([]complex64), at, func(a, b complex64) (float64, bool) {
			return complexElemsAgree(complex128(a), complex128(b), exact, Tolerance32)
		})
	case []bool:
		return agreeElems(rd, g.Data.([]bool), at, equal[bool])
	case []int8:
		return agreeElems(rd, g.Data.([]int8), at, equal[int8])
	case []int16:
		return agreeElems(rd, g.Data.([]int16), at, equal[int16])
	case []int32:
		return agreeElems(rd, g.Data.([]int32), at, equal[int32])
	case []int64:
		return agreeElems(rd, g.Data.([]int64), at, equal[int64])
	case []uint8:
		return agreeElems(rd, g.Data.([]uint8), at, equal[uint8])
	case []uint16:
		return agreeElems(rd, g.Data.([]uint16), at, equal[uint16])
	case []uint32:
		return agreeElems(rd, g.Data.([]uint32), at, equal[uint32])
	case []uint64:
		return agreeElems(rd, g.Data.([]uint64), at, equal[uint64])
	}
	return 0, fmt.Sprintf("cannot compare %s arrays", runtime.DtypeName(r.Dtype)), false
}

func equal[T comparable](a, b T) (float64, bool) { return 0, a == b }

// agreeElems compares element by element and names the first difference.
func agreeElems[T any](r, g []T, at func(int) string, same func(a, b T) (float64, bool)) (float64, string, bool) {
	if len(r) != len(g) {
		return 0, fmt.Sprintf("%d elements, compiled %d", len(r), len(g)), false
	}
	worst := 0.0
	for i := range r {
		e, ok := same(r[i], g[i])
		if !ok {
			return 0, fmt.Sprintf("%s: python %v, compiled %v", at(i), r[i], g[i]), false
		}
		worst = max(worst, e)
	}
	return worst, "", true
}

// floatsAgreeTol is floatsAgree with the tolerance of the element type.
func floatsAgreeTol(r, g float64, exact bool, tol float64) (float64, bool) {
	if math.Float64bits(r) == math.Float64bits(g) || (math.IsNaN(r) && math.IsNaN(g)) {
		return 0, true
	}
	if exact || math.IsInf(r, 0) || math.IsInf(g, 0) || math.IsNaN(r) || math.IsNaN(g) {
		return 0, false
	}
	rel := math.Abs(r-g) / max(1, math.Abs(r), math.Abs(g))
	return rel, rel <= tol
}

// complexElemsAgree compares parts, and for inexact functions falls back
// to the norm-wise comparison scalar complex results get (agreeValue).
func complexElemsAgree(r, g complex128, exact bool, tol float64) (float64, bool) {
	e1, ok1 := floatsAgreeTol(real(r), real(g), exact, tol)
	e2, ok2 := floatsAgreeTol(imag(r), imag(g), exact, tol)
	if ok1 && ok2 || exact {
		return max(e1, e2), ok1 && ok2
	}
	if cmplx.IsNaN(r) || cmplx.IsNaN(g) || cmplx.IsInf(r) || cmplx.IsInf(g) {
		return 0, false
	}
	rel := cmplx.Abs(r-g) / max(1, cmplx.Abs(r), cmplx.Abs(g))
	return rel, rel <= tol
}

// shapeString spells a shape as Python does: (3,), (2, 4), ().
func shapeString(shape []int) string {
	parts := make([]string, len(shape))
	for i, n := range shape {
		parts[i] = fmt.Sprint(n)
	}
	if len(parts) == 1 {
		return "(" + parts[0] + ",)"
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// indexString turns a flat C-order position into a numpy index: [1, 2].
func indexString(shape []int, flat int) string {
	idx := make([]string, len(shape))
	for k := len(shape) - 1; k >= 0; k-- {
		if shape[k] > 0 {
			idx[k] = fmt.Sprint(flat % shape[k])
			flat /= shape[k]
		}
	}
	return "[" + strings.Join(idx, ", ") + "]"
}
