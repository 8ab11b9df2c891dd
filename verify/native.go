package verify

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/pyc2go/pyc2go/ir"
)

//go:embed native_harness.py
var nativeHarness []byte

// Layout is how the native harness passes array arguments.
type Layout string

const (
	// Contiguous passes the arrays as loaded: C-contiguous.
	Contiguous Layout = "c"
	// Strided passes every array as a non-contiguous view of a larger
	// buffer (negative stride on the first axis), so a module that copied
	// its arguments would lose the writes of in-place kernels.
	Strided Layout = "strided"
)

// Native describes the compiled side of a verification through the
// generated ctypes module of `pyc2go compile --lang python`.
type Native struct {
	Python string // interpreter that imports the module (it needs numpy)
	ModDir string // directory of the module and its shared library
	Module string // module name: "kernels_native"
	Layout Layout
	// Env is extra environment for the interpreter, KEY=VALUE: the
	// sanitizer run preloads the ASan runtime this way.
	Env []string
}

// Harness writes into dir a program that answers the harness batch
// protocol (runtime/harness) by calling the functions of m through the
// module, and returns its path. Run takes it as the compiled side, so the
// native module is held to the same comparison as the Go build.
func (n Native) Harness(m *ir.Module, dir string) (string, error) {
	type fn struct {
		PyName string   `json:"pyname"`
		Contig []bool   `json:"contig"`
		KwOnly []string `json:"kwonly"` // passed by name
	}
	funcs := map[string]fn{}
	for _, f := range m.Funcs {
		c := make([]bool, len(f.Params))
		kw := []string{}
		for i, p := range f.Params {
			a, ok := p.Type.(*ir.Array)
			c[i] = ok && a.Contig
			if i >= len(f.Params)-f.KwOnly {
				kw = append(kw, p.Name)
			}
		}
		funcs[f.Name] = fn{PyName: f.PyName, Contig: c, KwOnly: kw}
	}
	data, err := json.Marshal(funcs)
	if err != nil {
		return "", err
	}
	script := filepath.Join(dir, "native_harness.py")
	table := filepath.Join(dir, "funcs.json")
	prog := filepath.Join(dir, "native_prog_"+string(n.Layout))
	if err := os.WriteFile(script, nativeHarness, 0o644); err != nil {
		return "", err
	}
	if err := os.WriteFile(table, data, 0o644); err != nil {
		return "", err
	}
	modDir, err := filepath.Abs(n.ModDir)
	if err != nil {
		return "", err
	}
	layout := n.Layout
	if layout == "" {
		layout = Contiguous
	}
	var sh strings.Builder
	sh.WriteString("#!/bin/sh\n")
	for _, kv := range n.Env {
		fmt.Fprintf(&sh, "export %s\n", shellQuote(kv))
	}
	// -B keeps __pycache__ out of the module directory.
	fmt.Fprintf(&sh, "exec %s -B %s %s %s %s %s \"$@\"\n", shellQuote(n.Python), shellQuote(script),
		shellQuote(modDir), shellQuote(n.Module), shellQuote(table), layout)
	if err := os.WriteFile(prog, []byte(sh.String()), 0o755); err != nil {
		return "", err
	}
	return prog, nil
}

// shellQuote quotes s for sh: 'it'\”s'.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
