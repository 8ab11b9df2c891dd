package harness

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/pyc2go/pyc2go/runtime"
)

// Param is one parameter of a compiled function; Type is the Python type
// spelling from the annotation ("int", "float", "complex", "bool",
// "float32", "int32", "uint8", ...) or an array type: a dtype name with
// one ':' per axis ("float64[:]", "int64[:, :]", "bool[:]",
// "float32[:, :, :]"), whose argument is the path of a .npy file.
type Param struct {
	Name string `json:"name"`
	Type string `json:"type"`
}

// Func is one compiled function. Call receives arguments already converted
// to the Go types of Params (int64, float64, complex128, bool, float32,
// int32, ..., and *runtime.Array[T] for array types, T being the dtype's Go
// type: *runtime.Array[float64] for "float64[:, :]") and returns the result
// as int64/float64/.../bool/complex128, a *runtime.Array[T], nil for None,
// or []any for a tuple. Array arguments are fresh per call and may be
// modified in place; --out/out_dir then save them as arg_N.npy.
type Func struct {
	Name   string                        `json:"name"`
	Params []Param                       `json:"params"`
	Result string                        `json:"result"`
	Call   func(args []any) (any, error) `json:"-"`
}

// Exit statuses of compiled binaries.
const (
	ExitOK        = 0
	ExitUsage     = 2
	ExitException = 3
	ExitInternal  = 4
)

// Main runs the compiled program for the Python file `file` and exits.
func Main(file string, funcs []Func) {
	p := &program{file: file, funcs: funcs}
	os.Exit(p.run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

type program struct {
	file  string
	funcs []Func
}

func (p *program) lookup(name string) (*Func, bool) {
	for i := range p.funcs {
		if p.funcs[i].Name == name {
			return &p.funcs[i], true
		}
	}
	return nil, false
}

const usage = `usage:
  BIN call [--out DIR] [--repeat N] [--json] FUNC [--] ARG...
  BIN batch   (JSON lines on stdin)
  BIN list
`

// run is Main without the process: it returns the exit status.
func (p *program) run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return ExitUsage
	}
	switch args[0] {
	case "call":
		return p.call(args[1:], stdout, stderr)
	case "batch":
		return p.batch(stdin, stdout, stderr)
	case "list":
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		funcs := p.funcs
		if funcs == nil {
			funcs = []Func{}
		}
		if err := enc.Encode(funcs); err != nil {
			fmt.Fprintln(stderr, err)
			return ExitInternal
		}
		return ExitOK
	}
	fmt.Fprintf(stderr, "unknown mode %q\n%s", args[0], usage)
	return ExitUsage
}

// convertTuple converts a parsed tuple (a []any from runtime.ParseValue)
// to a parameter of type "tuple[T1, T2, ...]" (nested tuples allowed),
// element by element as ConvertArg converts scalars.
func convertTuple(typ string, v any) (any, error) {
	elems := splitTypes(strings.TrimSuffix(strings.TrimPrefix(typ, "tuple["), "]"))
	t, ok := v.([]any)
	if !ok || len(t) != len(elems) {
		return nil, fmt.Errorf("expected %s, got %s", typ, Repr(v))
	}
	out := make([]any, len(t))
	for i, e := range elems {
		var err error
		if strings.HasPrefix(e, "tuple[") {
			out[i], err = convertTuple(e, t[i])
		} else {
			out[i], err = ConvertArg(e, t[i])
		}
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// splitTypes splits "int, tuple[int, float]" at its top-level commas.
func splitTypes(s string) []string {
	var parts []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '[':
			depth++
		case ']':
			depth--
		case ',':
			if depth == 0 {
				parts = append(parts, strings.TrimSpace(s[start:i]))
				start = i + 1
			}
		}
	}
	return append(parts, strings.TrimSpace(s[start:]))
}

// As is the argument of an optional parameter (type "T | None") as its Go
// type: nil (Python's None) stays the zero value, a nil array.
func As[T any](v any) T {
	t, _ := v.(T)
	return t
}

// ConvertArg converts a value from runtime.ParseLiteral to the Go type of
// a parameter annotated typ, with Python's implicit widenings (bool -> int
// -> float -> complex). Anything else is an error such as
// "expected int, got float 2.5".
func ConvertArg(typ string, v any) (any, error) {
	bad := func() (any, error) {
		return nil, fmt.Errorf("expected %s, got %s %s", typ, pyTypeName(v), Repr(v))
	}
	var i int64
	isInt := false
	switch x := v.(type) {
	case int64:
		i, isInt = x, true
	case bool:
		if x {
			i = 1
		}
		isInt = true
	}
	switch typ {
	case "bool", "bool_":
		if b, ok := v.(bool); ok {
			return b, nil
		}
		return bad()
	case "None":
		if v == nil {
			return nil, nil
		}
		return bad()
	case "int", "int64":
		if isInt {
			return i, nil
		}
		return bad()
	case "float", "float64":
		if isInt {
			return float64(i), nil // Go rounds to nearest even, as CPython's int -> float
		}
		if f, ok := v.(float64); ok {
			return f, nil
		}
		return bad()
	case "float32":
		if isInt {
			return float32(i), nil
		}
		if f, ok := v.(float64); ok {
			return float32(f), nil
		}
		return bad()
	case "complex", "complex128", "complex64":
		var c complex128
		switch x := v.(type) {
		case complex128:
			c = x
		case float64:
			c = complex(x, 0)
		default:
			if !isInt {
				return bad()
			}
			c = complex(float64(i), 0)
		}
		if typ == "complex64" {
			return complex64(c), nil
		}
		return c, nil
	case "int8", "int16", "int32", "uint8", "uint16", "uint32", "uint64":
		if !isInt {
			return bad()
		}
		bits, _ := strconv.Atoi(strings.TrimLeft(typ, "uint"))
		signed := typ[0] == 'i'
		lo, hi := int64(0), int64(math.MaxInt64)
		if signed {
			lo, hi = -1<<(bits-1), 1<<(bits-1)-1
		} else if bits < 64 {
			hi = 1<<bits - 1
		}
		if i < lo || i > hi {
			return nil, fmt.Errorf("value %d out of range for %s", i, typ)
		}
		switch typ {
		case "int8":
			return int8(i), nil
		case "int16":
			return int16(i), nil
		case "int32":
			return int32(i), nil
		case "uint8":
			return uint8(i), nil
		case "uint16":
			return uint16(i), nil
		case "uint32":
			return uint32(i), nil
		}
		return uint64(i), nil
	}
	return nil, fmt.Errorf("unsupported parameter type %s", typ)
}

func pyTypeName(v any) string {
	switch v.(type) {
	case nil:
		return "NoneType"
	case bool:
		return "bool"
	case int64:
		return "int"
	case float64:
		return "float"
	case complex128:
		return "complex"
	case []any:
		return "tuple"
	}
	return fmt.Sprintf("%T", v)
}

// Repr is Python's repr() of a result value: tuples as "(1, 2.5)" / "(1,)",
// nil as "None", numpy scalars as numpy 1.24 prints them.
func Repr(v any) string {
	switch x := v.(type) {
	case nil:
		return "None"
	case bool:
		return runtime.FormatBool(x)
	case int64:
		return runtime.FormatInt(x)
	case int:
		return strconv.Itoa(x)
	case int8, int16, int32, uint8, uint16, uint32, uint64:
		return fmt.Sprint(x)
	case float64:
		return runtime.FormatFloat(x)
	case float32:
		return runtime.FormatFloat32(x)
	case complex128:
		return runtime.FormatComplex(x)
	case complex64:
		return runtime.FormatComplex64(x)
	case ndarray:
		return x.String()
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = Repr(e)
		}
		if len(parts) == 1 {
			return "(" + parts[0] + ",)"
		}
		return "(" + strings.Join(parts, ", ") + ")"
	}
	if s, ok := reprList(v); ok {
		return s
	}
	return fmt.Sprintf("<unsupported %T %v>", v, v)
}

// prepare parses and converts the argument texts for f: Python literals
// for scalar parameters, .npy paths for array parameters.
func prepare(f *Func, texts []string) ([]any, error) {
	if len(texts) != len(f.Params) {
		return nil, fmt.Errorf("%s() takes %d arguments, got %d", f.Name, len(f.Params), len(texts))
	}
	args := make([]any, len(texts))
	for i, t := range texts {
		typ, optional := strings.CutSuffix(f.Params[i].Type, " | None")
		if optional && strings.TrimSpace(t) == "None" {
			continue // None: a nil argument
		}
		if at, ok := parseArrayType(typ); ok {
			a, err := loadArray(at, t)
			if err != nil {
				return nil, fmt.Errorf("argument %s: %v", f.Params[i].Name, err)
			}
			args[i] = a
			continue
		}
		if strings.HasPrefix(typ, "list[") {
			v, err := convertList(typ, t)
			if err != nil {
				return nil, fmt.Errorf("argument %s: %v", f.Params[i].Name, err)
			}
			args[i] = v
			continue
		}
		if strings.HasPrefix(typ, "tuple[") {
			v, err := runtime.ParseValue(t)
			if err == nil {
				args[i], err = convertTuple(typ, v)
			}
			if err != nil {
				return nil, fmt.Errorf("argument %s: %v", f.Params[i].Name, err)
			}
			continue
		}
		v, err := runtime.ParseLiteral(t)
		if err != nil {
			return nil, fmt.Errorf("argument %s: %v", f.Params[i].Name, err)
		}
		if args[i], err = ConvertArg(f.Params[i].Type, v); err != nil {
			return nil, fmt.Errorf("argument %s: %v", f.Params[i].Name, err)
		}
	}
	return args, nil
}

// panicError is a Go panic inside compiled code: always a compiler bug.
type panicError struct {
	value any
	stack string
}

func (e *panicError) Error() string { return fmt.Sprint(e.value) }

// safeCall calls f, turning a panic into a *panicError, except the
// Python exceptions the runtime raises as panics (an allocation numpy
// refuses: runtime.Zeros), which are the call's exception.
func safeCall(f *Func, args []any) (res any, err error) {
	defer func() {
		if r := recover(); r != nil {
			if pe, ok := r.(*runtime.Error); ok {
				res, err = nil, pe
				return
			}
			res, err = nil, &panicError{r, string(debug.Stack())}
		}
	}()
	return f.Call(args)
}

// classify maps a call error to (exception type, message).
func classify(err error) (string, string) {
	var pe *runtime.Error
	var gp *panicError
	switch {
	case errors.As(err, &pe):
		return pe.Type, pe.Msg
	case errors.As(err, &gp):
		return "GoPanic", gp.Error()
	}
	return "GoError", err.Error()
}

type excJSON struct {
	Type    string `json:"type"`
	Message string `json:"message"`
}

func (p *program) call(args []string, stdout, stderr io.Writer) int {
	var outDir string
	repeat := 1
	asJSON := false
	i := 0
flags:
	for ; i < len(args); i++ {
		switch a := args[i]; {
		case a == "--":
			i++
			break flags
		case a == "--json":
			asJSON = true
		case a == "--out" || a == "--repeat":
			if i+1 >= len(args) {
				fmt.Fprintf(stderr, "%s needs a value\n%s", a, usage)
				return ExitUsage
			}
			i++
			if a == "--out" {
				outDir = args[i]
			} else {
				n, err := strconv.Atoi(args[i])
				if err != nil || n < 1 {
					fmt.Fprintf(stderr, "--repeat needs a positive integer, got %q\n", args[i])
					return ExitUsage
				}
				repeat = n
			}
		case strings.HasPrefix(a, "--out="):
			outDir = strings.TrimPrefix(a, "--out=")
		case strings.HasPrefix(a, "--repeat="):
			n, err := strconv.Atoi(strings.TrimPrefix(a, "--repeat="))
			if err != nil || n < 1 {
				fmt.Fprintf(stderr, "--repeat needs a positive integer, got %q\n", a)
				return ExitUsage
			}
			repeat = n
		case strings.HasPrefix(a, "--"):
			fmt.Fprintf(stderr, "unknown option %s\n%s", a, usage)
			return ExitUsage
		default:
			break flags
		}
	}
	if i >= len(args) {
		fmt.Fprintf(stderr, "missing function name\n%s", usage)
		return ExitUsage
	}
	f, ok := p.lookup(args[i])
	if !ok {
		names := make([]string, len(p.funcs))
		for k, f := range p.funcs {
			names[k] = f.Name
		}
		fmt.Fprintf(stderr, "%s: no compiled function %q (functions: %s)\n", p.file, args[i], strings.Join(names, ", "))
		return ExitUsage
	}
	rest := args[i+1:]
	if len(rest) > 0 && rest[0] == "--" {
		rest = rest[1:]
	}
	callArgs, err := prepare(f, rest)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return ExitUsage
	}
	var res any
	seconds := []float64{}
	// What the kernel prints goes before the result on stdout, or, with
	// --json, into the answer's "stdout" field.
	var printed strings.Builder
	if asJSON {
		defer runtime.SetStdout(runtime.SetStdout(&printed))
	} else {
		defer runtime.SetStdout(runtime.SetStdout(stdout))
	}
	for n := 0; n < repeat; n++ {
		if n > 0 && hasArrays(f) {
			// in-place kernels: every repetition starts from the files,
			// as a single CPython call would (reloading is not timed)
			if callArgs, err = prepare(f, rest); err != nil {
				fmt.Fprintln(stderr, err)
				return ExitUsage
			}
		}
		start := time.Now()
		res, err = safeCall(f, callArgs)
		seconds = append(seconds, time.Since(start).Seconds())
		if err != nil {
			break
		}
	}
	status := ExitOK
	var excType, excMsg string
	if err != nil {
		excType, excMsg = classify(err)
		status = ExitException
		if excType == "GoPanic" || excType == "GoError" {
			status = ExitInternal
		}
	}
	if err == nil && outDir != "" {
		if werr := writeOut(outDir, res, callArgs); werr != nil {
			fmt.Fprintln(stderr, werr)
			return ExitInternal
		}
	}
	if asJSON {
		out := struct {
			Result    *string   `json:"result"`
			Exception *excJSON  `json:"exception"`
			Seconds   []float64 `json:"seconds"`
			Stdout    string    `json:"stdout,omitempty"`
		}{Seconds: seconds, Stdout: printed.String()}
		if err != nil {
			out.Exception = &excJSON{excType, excMsg}
		} else {
			r := Repr(res)
			out.Result = &r
		}
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.Encode(out)
		return status
	}
	if err != nil {
		if excMsg == "" {
			fmt.Fprintln(stderr, excType)
		} else {
			fmt.Fprintf(stderr, "%s: %s\n", excType, excMsg)
		}
		if gp := (*panicError)(nil); errors.As(err, &gp) {
			fmt.Fprint(stderr, gp.stack)
		}
		return status
	}
	fmt.Fprintln(stdout, Repr(res))
	return ExitOK
}

// writeOut writes the result (writeResults) and then every array argument
// as arg_N.npy, N being the 0-based parameter position (scalars have no
// file), so that the effect of in-place kernels can be compared outside.
func writeOut(dir string, res any, args []any) error {
	if err := writeResults(dir, res); err != nil {
		return err
	}
	for i, a := range args {
		if arr, ok := a.(ndarray); ok {
			if err := runtime.WriteNpyFile(filepath.Join(dir, fmt.Sprintf("arg_%d.npy", i)), arr.Npy()); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeResults stores the result as result.npy, or result_0.npy,
// result_1.npy, ... for a tuple: scalars as 0-d arrays, arrays as they
// are. None writes nothing.
func writeResults(dir string, res any) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if t, ok := res.([]any); ok {
		for i, e := range t {
			if err := writeScalar(filepath.Join(dir, fmt.Sprintf("result_%d.npy", i)), e); err != nil {
				return err
			}
		}
		return nil
	}
	return writeScalar(filepath.Join(dir, "result.npy"), res)
}

func writeScalar(path string, v any) error {
	if _, isList := reprList(v); isList {
		return nil // a list: compared by its repr, no file
	}
	var data any
	switch x := v.(type) {
	case nil, []any:
		return nil // None, and a tuple nested in a tuple result: no file
	case ndarray:
		return runtime.WriteNpyFile(path, x.Npy())
	case bool:
		data = []bool{x}
	case int64:
		data = []int64{x}
	case float64:
		data = []float64{x}
	case complex128:
		data = []complex128{x}
	case float32:
		data = []float32{x}
	case complex64:
		data = []complex64{x}
	case int8:
		data = []int8{x}
	case int16:
		data = []int16{x}
	case int32:
		data = []int32{x}
	case uint8:
		data = []uint8{x}
	case uint16:
		data = []uint16{x}
	case uint32:
		data = []uint32{x}
	case uint64:
		data = []uint64{x}
	default:
		return fmt.Errorf("cannot write %T result as .npy", v)
	}
	return runtime.WriteNpyFile(path, &runtime.NpyArray{Shape: []int{}, Data: data})
}

// batchReq is one batch request. Scalar arguments are Python literals as
// JSON strings (or JSON numbers); array arguments are objects
// {"npy": "/path/a.npy"}, so a path can never be mistaken for a literal.
// OutDir asks for the files of call --out (result*.npy, arg_N.npy) after a
// successful call.
type batchReq struct {
	Func   string            `json:"func"`
	Args   []json.RawMessage `json:"args"`
	OutDir string            `json:"out_dir"`
}

type batchResp struct {
	Repr   *string  `json:"repr"`
	Exc    *excJSON `json:"exc"`
	Stdout string   `json:"stdout,omitempty"` // what the call printed
}

// batch answers one JSON line per input line and never stops on a bad
// request or a panic: the driver pairs answers with requests by position.
func (p *program) batch(stdin io.Reader, stdout, stderr io.Writer) int {
	return serveLines("batch", stdin, stdout, stderr, func(line string) any { return p.batchOne(line) })
}

// serveLines answers each non-empty stdin line with answer's JSON on its
// own stdout line, flushed at once (the driver may wait for each answer).
func serveLines(mode string, stdin io.Reader, stdout, stderr io.Writer, answer func(line string) any) int {
	sc := bufio.NewScanner(stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<30)
	w := bufio.NewWriter(stdout)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		enc.Encode(answer(line))
		w.Flush()
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintf(stderr, "%s: reading stdin: %v\n", mode, err)
		return ExitInternal
	}
	return ExitOK
}

func (p *program) batchOne(line string) batchResp {
	harnessErr := func(msg string) batchResp {
		return batchResp{Exc: &excJSON{"HarnessError", msg}}
	}
	var req batchReq
	if err := json.Unmarshal([]byte(line), &req); err != nil {
		return harnessErr("bad request: " + err.Error())
	}
	f, ok := p.lookup(req.Func)
	if !ok {
		return harnessErr(fmt.Sprintf("no compiled function %q", req.Func))
	}
	texts, err := decodeArgs(f, req.Args)
	if err != nil {
		return harnessErr(err.Error())
	}
	args, err := prepare(f, texts)
	if err != nil {
		return harnessErr(err.Error())
	}
	// The kernel's print output is captured per call: stdout carries the
	// answers.
	var printed strings.Builder
	old := runtime.SetStdout(&printed)
	res, err := safeCall(f, args)
	runtime.SetStdout(old)
	if err != nil {
		t, m := classify(err)
		return batchResp{Exc: &excJSON{t, m}, Stdout: printed.String()}
	}
	if req.OutDir != "" {
		if err := writeOut(req.OutDir, res, args); err != nil {
			return harnessErr("writing out_dir: " + err.Error())
		}
	}
	r := Repr(res)
	return batchResp{Repr: &r, Stdout: printed.String()}
}

// decodeArgs turns the JSON arguments of a batch or bench request into the
// texts prepare takes: Python literals (JSON strings or numbers) for scalar
// parameters, the path of {"npy": PATH} for array parameters.
func decodeArgs(f *Func, raws []json.RawMessage) ([]string, error) {
	if len(raws) != len(f.Params) {
		return nil, fmt.Errorf("%s() takes %d arguments, got %d", f.Name, len(f.Params), len(raws))
	}
	texts := make([]string, len(raws))
	for i, raw := range raws {
		var s string
		var obj struct {
			Npy *string `json:"npy"`
		}
		typ, optional := strings.CutSuffix(f.Params[i].Type, " | None")
		_, isArray := parseArrayType(typ)
		switch {
		case json.Unmarshal(raw, &s) == nil && (!isArray || optional && s == "None"):
			texts[i] = s
		case isArray:
			if json.Unmarshal(raw, &obj) != nil || obj.Npy == nil {
				return nil, fmt.Errorf(`argument %s: expected {"npy": PATH} for %s, got %s`, f.Params[i].Name, f.Params[i].Type, raw)
			}
			texts[i] = *obj.Npy
		case len(raw) > 0 && (raw[0] == '{' || raw[0] == '['):
			return nil, fmt.Errorf("argument %s: expected a literal for %s, got %s", f.Params[i].Name, f.Params[i].Type, raw)
		default:
			texts[i] = string(raw) // a JSON number is also a Python literal
		}
	}
	return texts, nil
}
