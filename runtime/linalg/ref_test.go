package linalg

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/runtime"
)

// The reference side: testdata/ref.py draws the inputs, calls numpy (and,
// with --clib, the C runtime through ctypes) and records everything in a
// manifest; these types read it back.

// refPython is Debian's CPython with numpy 1.24, the oracle.
const refPython = "/usr/bin/python3"

type refArg struct {
	Npy    string `json:"npy"`
	Layout string `json:"layout"`
	Scalar any    `json:"scalar"`
}

type refResult struct {
	OK     bool     `json:"ok"`
	Res    []string `json:"res"`
	Dtypes []string `json:"dtypes"`
	Exc    string   `json:"exc"`
	Msg    string   `json:"msg"`
}

type refCase struct {
	ID      string            `json:"id"`
	Fn      string            `json:"fn"`
	Kw      map[string]any    `json:"kw"`
	Args    []refArg          `json:"args"`
	Cond    *float64          `json:"cond"`
	CondEff *float64          `json:"cond_eff"`
	Differs map[string]string `json:"differs"`
	NP      refResult         `json:"np"`
	C       *refResult        `json:"c"`

	dir  string
	args []any // inputs as *runtime.Array[T] (views per layout) or scalars
}

// runRef runs ref.py into a fresh directory and returns its cases with
// their inputs loaded. clib, when not "", is the C runtime library the
// script also calls.
func runRef(t *testing.T, clib string) []*refCase {
	t.Helper()
	if _, err := os.Stat(refPython); err != nil {
		t.Fatalf("%s not found; the tests need CPython 3.11 with numpy: apt-get install -y python3-numpy", refPython)
	}
	dir := t.TempDir()
	args := []string{filepath.Join("testdata", "ref.py"), dir}
	if clib != "" {
		args = append(args, "--clib", clib)
	}
	out, err := exec.Command(refPython, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("ref.py: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []*refCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		c.dir = dir
		for _, a := range c.Args {
			if a.Npy == "" {
				c.args = append(c.args, a.Scalar)
				continue
			}
			n, err := runtime.ReadNpyFile(filepath.Join(dir, a.Npy))
			if err != nil {
				t.Fatal(err)
			}
			c.args = append(c.args, withLayout(loadArray(t, n), a.Layout))
		}
	}
	return cases
}

// loadArray wraps an .npy array as the runtime array of its dtype.
func loadArray(t *testing.T, n *runtime.NpyArray) any {
	t.Helper()
	var a any
	var err error
	switch n.Dtype {
	case "<f8":
		a, err = runtime.ArrayFromNpy[float64](n)
	case "<f4":
		a, err = runtime.ArrayFromNpy[float32](n)
	case "<c16":
		a, err = runtime.ArrayFromNpy[complex128](n)
	case "<c8":
		a, err = runtime.ArrayFromNpy[complex64](n)
	case "<i8":
		a, err = runtime.ArrayFromNpy[int64](n)
	case "<i4":
		a, err = runtime.ArrayFromNpy[int32](n)
	default:
		t.Fatalf("unexpected dtype %s", n.Dtype)
	}
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// withLayout makes the view ref.py passed: "T" swaps the last two axes,
// "step" takes every other row and column.
func withLayout(a any, layout string) any {
	switch x := a.(type) {
	case *runtime.Array[float64]:
		return layoutView(x, layout)
	case *runtime.Array[float32]:
		return layoutView(x, layout)
	case *runtime.Array[complex128]:
		return layoutView(x, layout)
	case *runtime.Array[int64]:
		return layoutView(x, layout)
	}
	return a
}

func layoutView[T runtime.Elem](a *runtime.Array[T], layout string) *runtime.Array[T] {
	nd := len(a.Shape)
	switch layout {
	case "T":
		perm := make([]int, nd)
		for i := range perm {
			perm[i] = i
		}
		perm[nd-1], perm[nd-2] = nd-2, nd-1
		return transposeView(a, perm)
	case "step":
		v := a.Slice(nd-2, 0, a.Shape[nd-2], 2)
		return v.Slice(nd-1, 0, a.Shape[nd-1], 2)
	}
	return a
}

// tarr is a result reduced to what the checks need: dtype, shape and the
// values as complex128 (exact for every dtype the tests see).
type tarr struct {
	dtype string
	shape []int
	v     []complex128
}

func fromNpy(n *runtime.NpyArray) tarr {
	r := tarr{dtype: runtime.DtypeName(n.Dtype), shape: n.Shape}
	switch d := n.Data.(type) {
	case []float64:
		for _, x := range d {
			r.v = append(r.v, complex(x, 0))
		}
	case []float32:
		for _, x := range d {
			r.v = append(r.v, complex(float64(x), 0))
		}
	case []complex128:
		r.v = append(r.v, d...)
	case []complex64:
		for _, x := range d {
			r.v = append(r.v, complex128(x))
		}
	case []int64:
		for _, x := range d {
			r.v = append(r.v, complex(float64(x), 0))
		}
	case []int32:
		for _, x := range d {
			r.v = append(r.v, complex(float64(x), 0))
		}
	default:
		panic(fmt.Sprintf("fromNpy: %T", d))
	}
	return r
}

func fromArray(a any) tarr {
	switch x := a.(type) {
	case *runtime.Array[float64]:
		return fromNpy(x.Npy())
	case *runtime.Array[float32]:
		return fromNpy(x.Npy())
	case *runtime.Array[complex128]:
		return fromNpy(x.Npy())
	case *runtime.Array[complex64]:
		return fromNpy(x.Npy())
	case *runtime.Array[int64]:
		return fromNpy(x.Npy())
	case int32:
		return tarr{dtype: "int32", shape: []int{}, v: []complex128{complex(float64(x), 0)}}
	}
	panic(fmt.Sprintf("fromArray: %T", a))
}

// loadResults reads one backend's recorded results.
func (c *refCase) loadResults(t *testing.T, r *refResult) []tarr {
	t.Helper()
	var out []tarr
	for _, f := range r.Res {
		n, err := runtime.ReadNpyFile(filepath.Join(c.dir, f))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, fromNpy(n))
	}
	return out
}

// ---- calling the Go runtime the way generated code will ----------------

func kwString(kw map[string]any, k, def string) string {
	if v, ok := kw[k].(string); ok {
		return v
	}
	return def
}

func kwBool(kw map[string]any, k string, def bool) bool {
	if v, ok := kw[k].(bool); ok {
		return v
	}
	return def
}

// kwFloat reads a number (ref.py spells infinities as "inf"/"-inf").
func kwFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case string:
		switch x {
		case "inf":
			return math.Inf(1), true
		case "-inf":
			return math.Inf(-1), true
		}
	}
	return 0, false
}

func kwOrd(kw map[string]any) Ord {
	v, ok := kw["ord"]
	if !ok || v == nil {
		return Ord{}
	}
	if f, ok := kwFloat(v); ok {
		return OrdNumber(f)
	}
	return OrdOf(v.(string))
}

func kwAxis(kw map[string]any) []int {
	switch x := kw["axis"].(type) {
	case float64:
		return []int{int(x)}
	case []any:
		var ax []int
		for _, a := range x {
			ax = append(ax, int(a.(float64)))
		}
		return ax
	}
	return nil
}

// toFloat64 is numpy's promotion of integer input to float64.
func toFloat64(a *runtime.Array[int64]) *runtime.Array[float64] {
	flat := a.Flat()
	out := make([]float64, len(flat))
	for i, x := range flat {
		out[i] = float64(x)
	}
	return runtime.FromSlice(out, a.Shape...)
}

// goCall calls the Go runtime for c; the results are in numpy's order.
func goCall(c *refCase) ([]any, error) {
	args := append([]any(nil), c.args...)
	if a, ok := args[0].(*runtime.Array[int64]); ok {
		if c.Fn == "matrix_power" {
			n := int64(args[1].(float64))
			r, err := MatrixPowerInt(a, n)
			return []any{r}, err
		}
		for i := range args {
			if x, ok := args[i].(*runtime.Array[int64]); ok {
				args[i] = toFloat64(x)
			}
		}
	}
	switch a := args[0].(type) {
	case *runtime.Array[float64]:
		return realCall[float64, complex128](c, a, args[1:])
	case *runtime.Array[float32]:
		return realCall[float32, complex64](c, a, args[1:])
	case *runtime.Array[complex128]:
		return scalarCall[complex128, float64](c, a, args[1:])
	}
	return nil, fmt.Errorf("goCall: input %T", args[0])
}

// scalarCall covers the functions that take complex matrices too.
func scalarCall[T Scalar, R Float](c *refCase, a *runtime.Array[T], rest []any) ([]any, error) {
	kw := c.Kw
	one := func(r any, err error) ([]any, error) { return []any{r}, err }
	switch c.Fn {
	case "solve":
		return one(Solve(a, rest[0].(*runtime.Array[T])))
	case "inv":
		return one(Inv(a))
	case "det":
		return one(Det(a))
	case "slogdet":
		s, l, err := Slogdet[T, R](a)
		return []any{s, l}, err
	case "cholesky":
		return one(Cholesky(a))
	case "norm":
		return one(Norm[T, R](a, kwOrd(kw), kwAxis(kw), kwBool(kw, "keepdims", false)))
	case "matrix_power":
		return one(MatrixPower(a, int64(rest[0].(float64))))
	}
	return nil, fmt.Errorf("no Go call for %s of %T", c.Fn, a)
}

// realCall covers everything for float32 and float64 input.
func realCall[T Float, C Complex](c *refCase, a *runtime.Array[T], rest []any) ([]any, error) {
	kw := c.Kw
	one := func(r any, err error) ([]any, error) { return []any{r}, err }
	switch c.Fn {
	case "eigh":
		w, v, err := Eigh(a, kwString(kw, "UPLO", "L"))
		return []any{w, v}, err
	case "eigvalsh":
		return one(Eigvalsh(a, kwString(kw, "UPLO", "L")))
	case "eig":
		w, v, err := Eig[T, C](a)
		return []any{w, v}, err
	case "eigvals":
		return one(Eigvals[T, C](a))
	case "svd":
		if !kwBool(kw, "compute_uv", true) {
			return one(SVDValues(a))
		}
		u, s, vh, err := SVD(a, kwBool(kw, "full_matrices", true))
		return []any{u, s, vh}, err
	case "qr":
		mode := kwString(kw, "mode", ModeReduced)
		if err := CheckQRMode(mode); err != nil {
			return nil, err
		}
		switch mode {
		case ModeR:
			return one(QRR(a))
		case ModeRaw:
			h, tau, err := QRRawFactors(a)
			return []any{h, tau}, err
		}
		q, r, err := QR(a, mode)
		return []any{q, r}, err
	case "lstsq":
		b := rest[0].(*runtime.Array[T])
		rcond := RcondWarn
		if v, ok := kw["rcond"]; ok {
			if v == nil {
				m, n := 0, 0
				if len(a.Shape) == 2 {
					m, n = a.Shape[0], a.Shape[1]
				}
				rcond = RcondNone(m, n)
			} else {
				rcond, _ = kwFloat(v)
			}
		}
		x, res, rank, s, err := Lstsq(a, b, rcond)
		return []any{x, res, rank, s}, err
	case "pinv":
		rcond := 1e-15
		if v, ok := kwFloat(kw["rcond"]); ok {
			rcond = v
		}
		return one(Pinv(a, rcond))
	case "matrix_rank":
		tol, has := kwFloat(kw["tol"])
		return one(MatrixRank(a, tol, has))
	case "matmul":
		return one(Matmul(a, rest[0].(*runtime.Array[T])))
	}
	return scalarCall[T, T](c, a, rest)
}

// ---- the checks ----------------------------------------------------------

// TestAgainstNumpy runs every case of testdata/ref.py through the Go
// runtime and checks it against numpy's result: the same exception class
// and message, or results of the same dtype and shape whose values pass
// the function's check (see check).
func TestAgainstNumpy(t *testing.T) {
	cases := runRef(t, "")
	for _, c := range cases {
		got, err := goCall(c)
		if msg := compareBackend(c, c.loadResults(t, &c.NP), &c.NP, got, err); msg != "" {
			if why := c.Differs["go"]; why != "" {
				t.Logf("%s %s: known difference (%s): %s", c.ID, describe(c), why, msg)
				continue
			}
			t.Errorf("%s %s: %s", c.ID, describe(c), msg)
		}
	}
}

// describe summarises a case's inputs for failure messages.
func describe(c *refCase) string {
	var parts []string
	for i, a := range c.args {
		if ta, ok := a.(interface{ Ndim() int }); ok {
			_ = ta
			t := fromArray(a)
			parts = append(parts, fmt.Sprintf("%s%v%s", t.dtype, t.shape, map[bool]string{true: "/" + c.Args[i].Layout, false: ""}[c.Args[i].Layout != ""]))
		} else {
			parts = append(parts, fmt.Sprint(a))
		}
	}
	var kws []string
	for k, v := range c.Kw {
		kws = append(kws, fmt.Sprintf("%s=%v", k, v))
	}
	return c.Fn + "(" + strings.Join(append(parts, kws...), ", ") + ")"
}

// compareBackend compares one backend's outcome (gotVals or gotErr) with
// numpy's (want, np); "" when they agree.
func compareBackend(c *refCase, want []tarr, np *refResult, gotVals []any, gotErr error) string {
	var got []tarr
	if gotErr == nil {
		for _, g := range gotVals {
			got = append(got, fromArray(g))
		}
	}
	return compareOutcome(c, want, np, got, gotErr)
}

func compareOutcome(c *refCase, want []tarr, np *refResult, got []tarr, gotErr error) string {
	if !np.OK {
		if gotErr == nil {
			return fmt.Sprintf("numpy raised %s: %s; got a result", np.Exc, np.Msg)
		}
		typ, msg := "", ""
		switch e := gotErr.(type) {
		case *runtime.Error:
			typ, msg = e.Type, e.Msg
		case *cError:
			typ, msg = e.exc, e.msg
		}
		if typ != np.Exc || msg != np.Msg {
			return fmt.Sprintf("numpy raised %s: %s; got %v", np.Exc, np.Msg, gotErr)
		}
		return ""
	}
	if gotErr != nil {
		return fmt.Sprintf("numpy returned a result; got %v", gotErr)
	}
	if len(got) != len(want) {
		return fmt.Sprintf("%d results, numpy %d", len(got), len(want))
	}
	for i := range want {
		if !sameDtype(c.Fn, got[i].dtype, want[i].dtype) {
			return fmt.Sprintf("result %d: dtype %s, numpy %s", i, got[i].dtype, want[i].dtype)
		}
		if fmt.Sprint(got[i].shape) != fmt.Sprint(want[i].shape) {
			return fmt.Sprintf("result %d: shape %v, numpy %v", i, got[i].shape, want[i].shape)
		}
	}
	return check(c, got, want)
}

// sameDtype: equal, except that eig and eigvals always return complex
// (numpy returns the real dtype when every eigenvalue is real).
func sameDtype(fn, got, want string) bool {
	if got == want {
		return true
	}
	if fn == "eig" || fn == "eigvals" {
		return (got == "complex128" && want == "float64") || (got == "complex64" && want == "float32")
	}
	return false
}
