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
	"strings"
	"time"

	"github.com/pyc2go/pyc2go/driver"
	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/runtime"
)

//go:embed ref.py
var refScript []byte

// Tolerance is the relative tolerance for floats of functions that use an
// inexact (libm) intrinsic.
const Tolerance = 1e-9

// Options configures a verification run.
type Options struct {
	Python  string        // reference interpreter; "" finds one (FindPython)
	Cases   string        // a CASES file; "" generates inputs
	Seed    int64         // input generation seed
	N       int           // generated cases per function
	Timeout time.Duration // per reference call; cases that time out are skipped
}

// Case is one call and both outcomes.
type Case struct {
	Func   string
	Args   []string
	Python Outcome
	Go     Outcome
}

// Outcome is the repr of a result or an exception.
type Outcome struct {
	Repr *string   `json:"repr"`
	Exc  *PyExcept `json:"exc"`
}

// PyExcept is a raised exception.
type PyExcept struct {
	Type    string `json:"type"`
	Message string `json:"message"`
}

func (o Outcome) String() string {
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
	Name      string
	Cases     int
	Skipped   int // reference call timed out
	Failed    []Case
	Exact     bool    // compared bit for bit
	MaxRelErr float64 // largest relative float difference accepted (inexact functions)
}

// Report is the outcome of one verification.
type Report struct {
	Python, Numpy string
	Funcs         []*FuncReport
}

// OK reports whether every function agreed on every case.
func (r *Report) OK() bool {
	for _, f := range r.Funcs {
		if len(f.Failed) > 0 {
			return false
		}
	}
	return true
}

// Write prints one line per function and the first mismatches.
func (r *Report) Write(w io.Writer) {
	for _, f := range r.Funcs {
		status := "PASS"
		if len(f.Failed) > 0 {
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
		fmt.Fprintf(w, "%s %s: %d cases%s, %s\n", status, f.Name, f.Cases, skipped, cmp)
		for i, c := range f.Failed {
			if i == 3 {
				fmt.Fprintf(w, "    ... %d more\n", len(f.Failed)-3)
				break
			}
			fmt.Fprintf(w, "    %s(%s): python %s, compiled %s\n", c.Func, strings.Join(c.Args, ", "), c.Python, c.Go)
		}
	}
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
		if exec.Command(c, "-c", "import numpy").Run() == nil {
			return c, nil
		}
	}
	return "", errors.New("no reference Python with numpy found: install it (Debian: apt-get install -y python3-numpy) or pass --python / set PYC2GO_PYTHON")
}

// Run verifies every public function of res (names not starting with "_")
// using the harness program bin.
func Run(res *driver.Result, bin string, opt Options) (*Report, error) {
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
	funcs := publicFuncs(res.Module)
	ref, err := runReference(py, res.Path, funcs, opt)
	if err != nil {
		return nil, err
	}
	var plan []*refCase
	for _, c := range ref.Cases {
		if !c.Timeout {
			plan = append(plan, c)
		}
	}
	got, err := runCompiled(bin, plan, 60*time.Second+time.Duration(len(plan))*opt.Timeout)
	if err != nil {
		return nil, err
	}
	rep := &Report{Python: ref.Python, Numpy: ref.Numpy}
	byName := map[string]*FuncReport{}
	exact := exactness(res.Module)
	for _, f := range funcs {
		fr := &FuncReport{Name: f.Name, Exact: exact[f]}
		byName[f.Name] = fr
		rep.Funcs = append(rep.Funcs, fr)
	}
	k := 0
	for _, c := range ref.Cases {
		fr := byName[c.Func]
		if fr == nil {
			return nil, fmt.Errorf("verify: cases name %q, which is not a public function of %s", c.Func, res.Path)
		}
		fr.Cases++
		if c.Timeout {
			fr.Skipped++
			continue
		}
		g := got[k]
		k++
		relErr, ok := agree(c.Outcome, g, fr.Exact)
		if !ok {
			fr.Failed = append(fr.Failed, Case{Func: c.Func, Args: c.Args, Python: c.Outcome, Go: g})
		} else if relErr > fr.MaxRelErr {
			fr.MaxRelErr = relErr
		}
	}
	return rep, nil
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

type refCase struct {
	Func    string   `json:"func"`
	Args    []string `json:"args"`
	Timeout bool     `json:"timeout"`
	Outcome
}

type refReply struct {
	Python string     `json:"python"`
	Numpy  string     `json:"numpy"`
	Cases  []*refCase `json:"cases"`
}

func runReference(py, kernel string, funcs []*ir.Func, opt Options) (*refReply, error) {
	type param struct {
		Name string `json:"name"`
		Type string `json:"type"`
	}
	type fn struct {
		Name   string  `json:"name"`
		Params []param `json:"params"`
	}
	abs, err := filepath.Abs(kernel)
	if err != nil {
		return nil, err
	}
	req := map[string]any{"kernel": abs, "seed": opt.Seed, "ncases": opt.N, "timeout": opt.Timeout.Seconds()}
	if opt.Cases != "" {
		if req["cases"], err = filepath.Abs(opt.Cases); err != nil {
			return nil, err
		}
	}
	var fns []fn
	for _, f := range funcs {
		x := fn{Name: f.Name, Params: []param{}}
		for _, p := range f.Params {
			s, ok := p.Type.(ir.Scalar)
			if !ok {
				return nil, fmt.Errorf("verify: %s: parameter %s of type %s cannot be generated yet", f.Name, p.Name, p.Type)
			}
			x.Params = append(x.Params, param{Name: p.Name, Type: s.PyName()})
		}
		fns = append(fns, x)
	}
	req["functions"] = fns
	in, _ := json.Marshal(req)
	dir, err := os.MkdirTemp("", "pyc2go-verify-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
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
	var rep refReply
	if err := json.Unmarshal(out, &rep); err != nil {
		return nil, fmt.Errorf("verify: reference output: %v", err)
	}
	return &rep, nil
}

func runCompiled(bin string, plan []*refCase, timeout time.Duration) ([]Outcome, error) {
	var in bytes.Buffer
	enc := json.NewEncoder(&in)
	for _, c := range plan {
		if err := enc.Encode(map[string]any{"func": c.Func, "args": c.Args}); err != nil {
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

// parseRepr parses a repr of a scalar or a flat tuple of scalars.
func parseRepr(s string) ([]any, error) {
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") && !strings.HasSuffix(s, "j)") {
		inner := strings.TrimSuffix(strings.TrimPrefix(s, "("), ")")
		var vals []any
		for _, part := range splitTop(inner) {
			v, err := parseScalar(part)
			if err != nil {
				return nil, err
			}
			vals = append(vals, v)
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
		case '(':
			depth++
		case ')':
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
