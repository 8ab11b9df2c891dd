package verify

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

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

// NativeHarness writes into dir a program that answers the harness batch
// protocol (runtime/harness) by calling, in the interpreter python, the
// functions of m through the generated ctypes module named module in
// modDir (`pyc2go compile --lang python`). Run takes its path as the
// compiled side, so the native module is held to the same comparison as
// the Go build.
func NativeHarness(m *ir.Module, python, modDir, module, dir string, layout Layout) (string, error) {
	type fn struct {
		PyName string `json:"pyname"`
		Contig []bool `json:"contig"`
	}
	funcs := map[string]fn{}
	for _, f := range m.Funcs {
		c := make([]bool, len(f.Params))
		for i, p := range f.Params {
			a, ok := p.Type.(*ir.Array)
			c[i] = ok && a.Contig
		}
		funcs[f.Name] = fn{PyName: f.PyName, Contig: c}
	}
	data, err := json.Marshal(funcs)
	if err != nil {
		return "", err
	}
	script := filepath.Join(dir, "native_harness.py")
	table := filepath.Join(dir, "funcs.json")
	prog := filepath.Join(dir, "native_prog_"+string(layout))
	if err := os.WriteFile(script, nativeHarness, 0o644); err != nil {
		return "", err
	}
	if err := os.WriteFile(table, data, 0o644); err != nil {
		return "", err
	}
	absMod, err := filepath.Abs(modDir)
	if err != nil {
		return "", err
	}
	// -B keeps __pycache__ out of the module directory. Paths are quoted
	// for the shell: temporary directories have no single quotes.
	sh := fmt.Sprintf("#!/bin/sh\nexec '%s' -B '%s' '%s' '%s' '%s' %s \"$@\"\n", python, script, absMod, module, table, layout)
	if err := os.WriteFile(prog, []byte(sh), 0o755); err != nil {
		return "", err
	}
	return prog, nil
}
