package examples

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/driver"
	"github.com/pyc2go/pyc2go/internal/corpus"
	"github.com/pyc2go/pyc2go/internal/lint"
	"github.com/pyc2go/pyc2go/opt"
	"github.com/pyc2go/pyc2go/verify"
)

// generator is how every example's go:generate line starts: the module
// path form a user's module uses (resolved through its go.mod), not a
// path into this repository.
const generator = "go run github.com/pyc2go/pyc2go/cmd/pyc2go compile "

// modules returns the example module directories (those with a go.mod).
func modules(t *testing.T) []string {
	t.Helper()
	mods, err := filepath.Glob("*/go.mod")
	if err != nil || len(mods) == 0 {
		t.Fatalf("no example modules (%v)", err)
	}
	for i, m := range mods {
		mods[i] = filepath.Dir(m)
	}
	return mods
}

// offline is the environment of the go commands run on an example: the
// module cache only (the example's go.sum pins everything it needs, and
// the main module requires the same versions, so `go mod download` at the
// root fills the cache), and no go.work that could hide its go.mod.
func offline() []string {
	return append(os.Environ(), "GOPROXY=off", "GOWORK=off", "GOFLAGS=-mod=readonly -buildvcs=false")
}

// goCmd runs the go command in dir and fails the test with its output.
func goCmd(t *testing.T, dir string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir, cmd.Env = dir, offline()
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("cd %s && go %s: %v\n%s", dir, strings.Join(args, " "), err, out)
	}
	return out
}

// generateLine is one //go:generate pyc2go line: the directory of the Go
// file holding it, and the compile arguments.
type generateLine struct {
	dir  string
	args []string
}

// generateLines returns the pyc2go go:generate lines of the module mod,
// failing on a go:generate line that runs pyc2go some other way.
func generateLines(t *testing.T, mod string) []generateLine {
	t.Helper()
	var lines []generateLine
	err := filepath.WalkDir(mod, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			cmd, ok := strings.CutPrefix(sc.Text(), "//go:generate ")
			if !ok || !strings.Contains(cmd, "pyc2go") {
				continue
			}
			rest, ok := strings.CutPrefix(cmd, generator)
			if !ok {
				t.Errorf("%s: go:generate line %q does not start with %q", path, cmd, generator)
				continue
			}
			lines = append(lines, generateLine{dir: filepath.Dir(path), args: strings.Fields(rest)})
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) == 0 {
		t.Fatalf("%s: no go:generate line runs pyc2go", mod)
	}
	return lines
}

// TestGeneratedUpToDate is `go generate && git diff --exit-code` for the
// examples: it runs each pyc2go go:generate line as written, through the
// example's go.mod, with -o redirected to a temporary file, and compares
// the output with the committed file.
func TestGeneratedUpToDate(t *testing.T) {
	for _, mod := range modules(t) {
		for _, g := range generateLines(t, mod) {
			args := append([]string(nil), g.args...)
			out := ""
			for i := 0; i+1 < len(args); i++ {
				if args[i] == "-o" {
					out = args[i+1]
					args[i+1] = filepath.Join(t.TempDir(), "out.go")
				}
			}
			if out == "" {
				t.Errorf("%s: go:generate line without -o FILE: %v", g.dir, g.args)
				continue
			}
			goCmd(t, g.dir, append(strings.Fields(generator), args...)[1:]...)
			got, err := os.ReadFile(args[indexOf(args, "-o")+1])
			if err != nil {
				t.Fatal(err)
			}
			committed, err := os.ReadFile(filepath.Join(g.dir, out))
			if err != nil {
				t.Fatalf("%v (run go generate in %s and commit the file)", err, g.dir)
			}
			if line, c, gen, differ := firstDifference(committed, got); differ {
				t.Errorf("%s is stale (first difference at line %d):\n committed: %s\n generated: %s\nrun: cd examples/%s && go generate ./... and commit the result",
					filepath.Join(g.dir, out), line, c, gen, mod)
			}
		}
	}
}

func indexOf(s []string, v string) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	return -1
}

// firstDifference returns the first line (1-based) where a and b differ,
// with that line of each.
func firstDifference(a, b []byte) (int, string, string, bool) {
	if bytes.Equal(a, b) {
		return 0, "", "", false
	}
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	i := 0
	for i < len(al) && i < len(bl) && al[i] == bl[i] {
		i++
	}
	line := func(ls []string) string {
		if i < len(ls) {
			return ls[i]
		}
		return "<end of file>"
	}
	return i + 1, line(al), line(bl), true
}

// TestModule runs each example module's own go vet and go test, as its
// user would; the root's `go test ./...` does not enter nested modules.
func TestModule(t *testing.T) {
	for _, mod := range modules(t) {
		t.Run(mod, func(t *testing.T) {
			goCmd(t, mod, "vet", "./...")
			goCmd(t, mod, "test", "./...")
		})
	}
}

// TestLint holds each example to staticcheck (all checks; staticcheck
// itself leaves the generated file's style alone, which
// driver.TestGoldenLint covers) and go vet's shadow analyzer, as a user's
// CI would.
func TestLint(t *testing.T) {
	for _, mod := range modules(t) {
		t.Run(mod, func(t *testing.T) {
			for _, f := range lint.Staticcheck(t, mod, "all") {
				t.Errorf("%s/%s", mod, f)
			}
			if report := lint.Shadow(t, mod, false); report != "" {
				t.Errorf("shadowed variables:\n%s", report)
			}
		})
	}
}

// TestVerify checks each example's kernels against CPython + numpy with
// pyc2go verify, using the CASES file beside them.
func TestVerify(t *testing.T) {
	if _, err := verify.FindPython(""); err != nil {
		t.Fatalf("%v\nThe differential tests need the reference interpreter: apt-get install -y python3-numpy", err)
	}
	for _, mod := range modules(t) {
		for _, g := range generateLines(t, mod) {
			py := g.args[len(g.args)-1]
			path := filepath.Join(g.dir, py)
			t.Run(path, func(t *testing.T) {
				src, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				cfg := driver.Config{Opt: opt.Config{OptLevel: 2, Verify: true}}
				res, err := driver.Compile(path, src, cfg)
				if err != nil {
					t.Fatal(err)
				}
				bin, err := res.Build(cfg)
				if err != nil {
					t.Fatal(err)
				}
				rep, err := verify.Run(res, bin, verify.Options{Seed: 1, N: 12, Cases: verify.CasesFile(path), RefCache: corpus.RefCache()})
				if err != nil {
					t.Fatal(err)
				}
				if !rep.OK() {
					var b strings.Builder
					rep.Write(&b)
					t.Errorf("%s disagrees with CPython:\n%s", path, b.String())
				}
			})
		}
	}
}

// TestReadmeSnippets checks the README's before/after snippets of the
// examples: a go block marked `<!-- doctest: generated examples/...py
// FLAGS -->` (the directive docs/ tests run too) must be an excerpt of the
// example's committed generated file, which TestGeneratedUpToDate keeps
// current, and the python block before it an excerpt of the kernel file.
// An excerpt's non-blank lines occur in the file in order, indentation
// aside.
func TestReadmeSnippets(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(readme), "\n")
	checked := 0
	python := ""
	for i := 0; i < len(lines); i++ {
		lang, ok := strings.CutPrefix(lines[i], "```")
		if !ok || lang == "" {
			continue
		}
		start := i + 1
		for i++; i < len(lines) && lines[i] != "```"; i++ {
		}
		block := strings.Join(lines[start:i], "\n")
		if lang == "python" {
			python = block
			continue
		}
		if lang != "go" || start < 2 {
			continue
		}
		directive, ok := strings.CutPrefix(lines[start-2], "<!-- doctest: generated examples/")
		if !ok {
			continue
		}
		py := filepath.FromSlash(strings.Fields(directive)[0])
		goFile := generatedFile(t, py)
		if goFile == "" {
			t.Errorf("README.md:%d: no go:generate line compiles examples/%s", start-1, py)
			continue
		}
		if err := excerpt(block, goFile); err != nil {
			t.Errorf("README.md:%d: the Go snippet is not in %s (run go generate and update the README): %v", start, goFile, err)
		}
		if python == "" {
			t.Errorf("README.md:%d: no python block before the Go snippet", start)
		} else if err := excerpt(python, py); err != nil {
			t.Errorf("README.md:%d: the Python snippet before it is not in examples/%s: %v", start, py, err)
		}
		python = ""
		checked++
	}
	if checked == 0 {
		t.Error("README.md has no `<!-- doctest: generated examples/... -->` snippet")
	}
}

// generatedFile returns the file that the go:generate line compiling the
// kernel file py writes, or "".
func generatedFile(t *testing.T, py string) string {
	mod := strings.Split(py, string(filepath.Separator))[0]
	for _, g := range generateLines(t, mod) {
		if filepath.Join(g.dir, g.args[len(g.args)-1]) == py {
			if i := indexOf(g.args, "-o"); i >= 0 {
				return filepath.Join(g.dir, g.args[i+1])
			}
		}
	}
	return ""
}

// excerpt reports whether every non-blank line of snippet occurs in the
// file, in order, ignoring indentation.
func excerpt(snippet, file string) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	have := strings.Split(string(data), "\n")
	j := 0
	for _, want := range strings.Split(snippet, "\n") {
		want = strings.TrimSpace(want)
		if want == "" {
			continue
		}
		for j < len(have) && strings.TrimSpace(have[j]) != want {
			j++
		}
		if j == len(have) {
			return fmt.Errorf("line %q missing (or out of order)", want)
		}
		j++
	}
	return nil
}
