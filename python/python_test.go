package python

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/pyc2go/pyc2go/verify"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
	tmpRoot   string
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "pyc2go-python-test-")
	if err != nil {
		panic(err)
	}
	tmpRoot = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// pyc2goBinary builds cmd/pyc2go once per test process. It first stats
// every source file of the module (Go, Python, C), so that go test's
// result cache, which sees only what this process touches, is invalidated
// by a change to the compiler or to the package, which the subprocesses
// read.
func pyc2goBinary(t *testing.T) string {
	buildOnce.Do(func() {
		filepath.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				switch filepath.Ext(p) {
				case ".go", ".py", ".c", ".h", ".toml":
					os.Stat(p)
				}
			}
			return nil
		})
		binPath = filepath.Join(tmpRoot, "bin", "pyc2go")
		out, err := exec.Command("go", "build", "-o", binPath, "github.com/pyc2go/pyc2go/cmd/pyc2go").CombinedOutput()
		if err != nil {
			buildErr = err
			binPath = string(out)
		}
	})
	if buildErr != nil {
		t.Fatalf("go build ./cmd/pyc2go: %v\n%s", buildErr, binPath)
	}
	return binPath
}

// reference is the reference interpreter, which must also have Python's
// headers and pip (vectorize builds an extension; the README installs the
// package with pip).
func reference(t *testing.T) string {
	py, err := verify.FindPython("")
	if err != nil {
		t.Fatal(err)
	}
	check := "import sysconfig, os, sys\ninc = sysconfig.get_paths()['include']\n" +
		"if not os.path.exists(os.path.join(inc, 'Python.h')): sys.exit('no Python.h in ' + inc)\nimport pip\n"
	if out, err := exec.Command(py, "-c", check).CombinedOutput(); err != nil {
		t.Fatalf("%s lacks what the Python package needs (Debian: apt-get install -y python3-dev python3-pip): %v\n%s", py, err, out)
	}
	cc := os.Getenv("CC")
	if cc == "" {
		cc = "gcc"
	}
	if _, err := exec.LookPath(cc); err != nil {
		t.Fatalf("no C compiler %q: the package compiles with one (Debian: apt-get install -y gcc)", cc)
	}
	return py
}

// env is the environment of the package's tests: the package and tests
// on PYTHONPATH, the binary just built, one cache for the whole run, and
// C flags that make any warning in the generated C an error.
func env(t *testing.T) []string {
	abs, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	return append(os.Environ(),
		"PYTHONPATH="+abs+string(os.PathListSeparator)+filepath.Join(abs, "tests"),
		"PYC2GO_BIN="+pyc2goBinary(t),
		"PYC2GO_CACHE="+filepath.Join(tmpRoot, "cache"),
		"PYC2GO_JIT_CFLAGS=-O2 -Wall -Wextra -Werror",
		"PYTHONDONTWRITEBYTECODE=1",
	)
}

// TestPackage runs python/tests, one interpreter per test file, in
// parallel: test_jit (every kernel of jit_kernels.py against its
// undecorated self), test_vectorize (the ufuncs against np.frompyfunc and
// numpy's own), test_errors (diagnostics, fallback) and test_cache (hits,
// misses, invalidation, concurrent first calls in threads and processes).
func TestPackage(t *testing.T) {
	py := reference(t)
	e := env(t)
	files, err := filepath.Glob("tests/test_*.py")
	if err != nil || len(files) == 0 {
		t.Fatalf("no tests in python/tests: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".py")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			cmd := exec.Command(py, "-m", "unittest", "-v", name)
			cmd.Dir = "tests"
			cmd.Env = e
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("%s: %v\n%s", name, err, out)
			}
			if testing.Verbose() {
				t.Logf("%s", out)
			}
		})
	}
}

// installArgs are the README's install command after "python3 -m pip
// install", with the checkout's python directory as ".".
var installArgs = []string{"--no-index", "--no-build-isolation", "--break-system-packages", "."}

// TestInstall checks the README's install command: as written, against
// the system's Python, with --dry-run (pip must accept it offline, find
// numpy installed, and would install pyc2go); then for real with --target
// (to leave the system alone; --no-deps, since a --target install cannot
// see the system's numpy), using the installed copy from elsewhere: jit
// and vectorize, whose C source must have been installed with it.
func TestInstall(t *testing.T) {
	// The command the docs show is the one tested.
	for _, doc := range []string{"../README.md", "../docs/python.md"} {
		src, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, line := range strings.Split(string(src), "\n") {
			cmd, ok := strings.CutPrefix(line, "python3 -m pip install ")
			if !ok {
				continue
			}
			n++
			cmd, _, _ = strings.Cut(cmd, "#")
			want := strings.Join(installArgs[:len(installArgs)-1], " ") + " ./python"
			if got := strings.TrimSpace(cmd); got != want {
				t.Errorf("%s installs with %q; TestInstall tests %q", doc, got, want)
			}
		}
		if n == 0 {
			t.Errorf("%s shows no python3 -m pip install line", doc)
		}
	}
	py := reference(t)
	// pip builds in the source tree (build/, *.egg-info): install from a
	// copy, which leaves the checkout clean.
	src := t.TempDir()
	copyTree(t, "pyproject.toml", filepath.Join(src, "pyproject.toml"))
	copyTree(t, "pyc2go", filepath.Join(src, "pyc2go"))
	pip := func(extra ...string) string {
		cmd := exec.Command(py, append(append([]string{"-m", "pip", "install"}, extra...), installArgs...)...)
		cmd.Dir = src
		cmd.Env = append(os.Environ(), "PIP_DISABLE_PIP_VERSION_CHECK=1")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("pip install %s: %v\n%s", strings.Join(append(extra, installArgs...), " "), err, out)
		}
		return string(out)
	}
	if out := pip("--dry-run"); !strings.Contains(out, "Would install pyc2go-") {
		t.Errorf("pip install --dry-run: no \"Would install pyc2go-\":\n%s", out)
	}
	target := t.TempDir()
	pip("--no-deps", "--target", target)
	work := t.TempDir()
	kernel := "import numpy as np\nimport pyc2go\n\n\n@pyc2go.jit\ndef total(a):\n    s = 0.0\n    for i in range(a.shape[0]):\n        s += a[i]\n    return s\n\n\n" +
		"@pyc2go.vectorize([\"float64(float64)\"])\ndef half(x):\n    return x / 2\n"
	if err := os.WriteFile(filepath.Join(work, "k.py"), []byte(kernel), 0o644); err != nil {
		t.Fatal(err)
	}
	use := "import numpy as np, pyc2go, k, os, sys\n" +
		"assert pyc2go.__file__.startswith(sys.argv[1]), pyc2go.__file__\n" +
		"assert k.total(np.arange(5.0)) == 10.0\n" +
		"assert k.half(np.arange(3.0)).tolist() == [0.0, 0.5, 1.0]\n" +
		"assert isinstance(k.half, np.ufunc)\nprint('ok')\n"
	run := exec.Command(py, "-c", use, target)
	run.Dir = work
	run.Env = append(os.Environ(), "PYTHONPATH="+target+string(os.PathListSeparator)+work, "PYC2GO_BIN="+pyc2goBinary(t),
		"PYC2GO_CACHE="+filepath.Join(tmpRoot, "cache"))
	if out, err := run.CombinedOutput(); err != nil || strings.TrimSpace(string(out)) != "ok" {
		t.Fatalf("using the installed package: %v\n%s", err, out)
	}
}

// copyTree copies the file or directory from to to, leaving out
// __pycache__ directories.
func copyTree(t *testing.T, from, to string) {
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			if d.Name() == "__pycache__" {
				return filepath.SkipDir
			}
			return os.MkdirAll(dst, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestUfuncCWarnings compiles the package's CPython extension with every
// warning an error, as the generated C is held to.
func TestUfuncCWarnings(t *testing.T) {
	py := reference(t)
	out, err := exec.Command(py, "-c", "import sysconfig, numpy; print(sysconfig.get_paths()['include']); print(numpy.get_include())").Output()
	if err != nil {
		t.Fatal(err)
	}
	inc := strings.Fields(string(out))
	cc := os.Getenv("CC")
	if cc == "" {
		cc = "gcc"
	}
	args := []string{"-std=c11", "-O2", "-Wall", "-Wextra", "-Werror", "-fPIC", "-shared", "-I", inc[0], "-I", inc[1],
		"pyc2go/_ufunc.c", "-o", filepath.Join(t.TempDir(), "_pyc2go_ufunc.so")}
	if out, err := exec.Command(cc, args...).CombinedOutput(); err != nil {
		t.Fatalf("%s %s: %v\n%s", cc, strings.Join(args, " "), err, out)
	}
}
