package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/driver"
	"github.com/pyc2go/pyc2go/verify"
)

const nativeKernel = `"""Kernels for the --lang python CLI test."""
import numpy as np


def gcd(a: int, b: int = 18) -> int:
    """Greatest common divisor."""
    a = abs(a)
    b = abs(b)
    while b != 0:
        a, b = b, a % b
    return a


def scale(x: "float64[:]", s: float) -> None:
    for i in range(x.shape[0]):
        x[i] *= s


def first(x: "float64[:]") -> float:
    return x[0]


def shifted(x: "float64[:]", y: "int64[:]") -> None:
    x[1:] = y[:-1] * 2.0
`

// nativeUse imports the module from another directory (it must find its
// library beside itself) and checks the behaviour README promises.
const nativeUse = `import inspect, os, sys
import numpy as np
sys.path.insert(0, os.path.abspath("out"))
os.chdir("/")
import k_native as k
assert k.gcd(-12) == 6 and k.gcd(b=4, a=10) == 2, k.gcd(-12)
assert str(inspect.signature(k.gcd)) == "(a, b=18)", inspect.signature(k.gcd)
assert k.gcd.__doc__ == "Greatest common divisor."
y = np.arange(6.0)
k.scale(y[::-2], 10.0)
assert list(y) == [0.0, 10.0, 2.0, 30.0, 4.0, 50.0], y
try:
    k.first(np.zeros(0))
except IndexError as e:
    assert str(e) == "index 0 is out of bounds for axis 0 with size 0", e
else:
    raise AssertionError("no IndexError")
try:
    k.scale(np.arange(3), 2.0)
except TypeError as e:
    assert "float64[:]" in str(e), e
else:
    raise AssertionError("no TypeError")
ro = np.arange(3.0)
ro.flags.writeable = False
assert k.first(ro) == 0.0  # read-only is fine where the kernel only reads
try:
    k.scale(ro, 2.0)
except ValueError as e:
    assert str(e) == "assignment destination is read-only", e
else:
    raise AssertionError("wrote into a read-only array")
# Arrays of different dtypes sharing memory, one of them written: the
# compiled code assumes them disjoint, so the module refuses the call.
x = np.zeros(4)
try:
    k.shifted(x, x.view(np.int64))
except ValueError as e:
    assert "share memory" in str(e) and "'x' (float64) and 'y' (int64)" in str(e), e
else:
    raise AssertionError("no ValueError for a float64 and an int64 view of one buffer")
k.shifted(x, np.arange(4))
assert list(x) == [0.0, 0.0, 2.0, 4.0], x
print("ok")
`

// TestCompileLangPython builds a module through the CLI and uses it from
// the reference interpreter. -short skips it: verify.TestNativeCorpus
// builds modules too.
func TestCompileLangPython(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: verify.TestNativeCorpus builds native modules")
	}
	if _, err := exec.LookPath(driver.ResolveNative(driver.NativeConfig{}).CC); err != nil {
		t.Skip("no C compiler: compile --lang python needs one")
	}
	py, err := verify.FindPython("")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, src := range map[string]string{"k.py": nativeKernel, "use.py": nativeUse} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	k := filepath.Join(dir, "k.py")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"compile", "--lang", "python", "-o", filepath.Join(dir, "out"), k}, &stdout, &stderr); code != exitOK || stdout.Len() > 0 {
		t.Fatalf("compile --lang python: status %d, stdout %q, stderr:\n%s", code, stdout.String(), stderr.String())
	}
	cmd := exec.Command(py, "use.py")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil || strings.TrimSpace(string(out)) != "ok" {
		t.Fatalf("using the module: %v\n%s", err, out)
	}

	// --no-build writes the module and the C its library is built from;
	// built with the documented command, it is the module above.
	nb := filepath.Join(dir, "nb")
	if code := run([]string{"compile", "--lang", "python", "--no-build", "-o", nb, k}, &stdout, &stderr); code != exitOK {
		t.Fatalf("compile --lang python --no-build: status %d, stderr:\n%s", code, stderr.String())
	}
	ents, err := os.ReadDir(nb)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	if got, want := strings.Join(names, " "), "k.c k.h k_native.py pyc2go.h pyc2go_runtime.c"; got != want {
		t.Fatalf("--no-build wrote %s, want %s", got, want)
	}
	cc := driver.ResolveNative(driver.NativeConfig{}).CC
	build := exec.Command(cc, "-std=c11", "-fPIC", "-shared", "-O3", "-fopenmp", "-o", "libk.so", "k.c", "pyc2go_runtime.c", "-lm")
	build.Dir = nb
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the --no-build sources: %v\n%s", err, out)
	}
	cmd = exec.Command(py, "-c", strings.Replace(nativeUse, `"out"`, `"nb"`, 1))
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil || strings.TrimSpace(string(out)) != "ok" {
		t.Fatalf("using the --no-build module: %v\n%s", err, out)
	}

	tests := []struct {
		args   []string
		status int
		stderr string
	}{
		{[]string{"compile", "--lang", "python", k}, exitUsage, "needs -o DIR"},
		{[]string{"compile", "--no-build", "-o", filepath.Join(dir, "out4"), k}, exitUsage, "--no-build is for --lang python"},
		{[]string{"compile", "--lang", "python", "--cc", "no-such-cc", "-o", filepath.Join(dir, "out2"), k}, exitDiag, "no C compiler"},
		{[]string{"compile", "--lang", "python", "--cflags", "-O2 -fno-such-option", "-o", filepath.Join(dir, "out3"), k}, exitDiag, "-fno-such-option"},
		{[]string{"run", "--lang", "python", k, "gcd", "1"}, exitUsage, "compile only"},
	}
	for _, tt := range tests {
		stdout.Reset()
		stderr.Reset()
		if code := run(tt.args, &stdout, &stderr); code != tt.status || !strings.Contains(stderr.String(), tt.stderr) {
			t.Errorf("pyc2go %s: status %d (want %d), stderr:\n%s\n(want it to mention %q)", strings.Join(tt.args, " "), code, tt.status, stderr.String(), tt.stderr)
		}
	}
}
