package docs

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/pyc2go/pyc2go/driver"
	"github.com/pyc2go/pyc2go/verify"
)

// TestDocs runs every fenced code block of README.md and docs/*.md, so
// the documentation cannot claim what pyc2go does not do. The blocks of
// one file run in order in one work directory, where the repository's
// top-level entries (testdata/, bench/, ...) are symlinked so that
// commands can name files as the README does from the repository root.
//
// What a block does depends on its language and on directives in HTML
// comments on the lines directly above its fence (invisible on GitHub):
//
//	<!-- doctest: DIRECTIVE ARG...; DIRECTIVE ... -->
//
// python   A kernel: `pyc2go check` must accept it. Directives:
//
//	file NAME        also save it as NAME for later blocks (default: a
//	                 private name)
//	verify [FLAG...] `pyc2go verify FLAG... NAME` must pass
//	error RE         expected to fail: check exits 1 and its stderr
//	                 matches every RE (a Go regexp; repeatable)
//	script           not a kernel: run it with the reference Python
//	                 (numpy), which must exit 0
//
// go       Either an excerpt of generated code or a program using it:
//
//	generated FILE.py [FLAG...]  every non-blank line of the block occurs,
//	                 in order and ignoring indentation, in the
//	                 output of `pyc2go compile FLAG... FILE.py`
//	excerpt PATH     the same for a file of the repository (a
//	                 go:generate line, a few lines of an example
//	                 program that its own tests run)
//	program FILE.py...           the block is package main of module
//	                 example.com/app, which has each FILE.py compiled
//	                 into package example.com/app/NAME (NAME from the
//	                 file name; -pkg NAME:FILE.py names it);
//	                 `go vet` and `go run` must succeed, and a
//	                 trailing // Output: comment is compared
//	                 with what it prints, as in Go examples
//
// console  `$ COMMAND` lines followed by the expected output (stdout and
//
//	stderr as one stream). A line "[...]" matches any lines, "[...]"
//	inside a line any text. Each command must exit 0, except that
//	`status N` makes the last command's exit status N.
//
// sh       Each line is a command; it must exit 0; output is not shown or
//
//	compared.
//
// text     A diagram or other prose; not run.
//
// Commands are `pyc2go ...` (the binary built from this checkout), `go
// run ./cmd/pyc2go ...` (the same) and `python3 ...` (the reference
// Python with numpy, as the README assumes on Debian, with the Python
// package of python/ importable and using that binary). Anything else (an
// install step, the test suite itself) needs `skip REASON`, which any
// block may carry; a block without a language is an error, as is an
// unknown directive.
//
// -short skips it (the quick inner loop): the CLI scripts and the
// corpus tests cover what the blocks run; the full suite runs them.
func TestDocs(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the documentation's blocks run in the full suite")
	}
	files, _ := filepath.Glob("*.md")
	files = append(files, "../README.md")
	sort.Strings(files)
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		blocks, err := parseMarkdown(filepath.Base(f), string(src))
		if err != nil {
			t.Fatal(err)
		}
		if len(blocks) == 0 {
			continue
		}
		n += len(blocks)
		t.Run(filepath.Base(f), func(t *testing.T) {
			// Documents are independent (a work directory each); most of
			// their time is spent waiting for CPython and the Go toolchain.
			t.Parallel()
			r := &runner{t: t, root: root, work: workDir(t, root)}
			for _, b := range blocks {
				t.Run(fmt.Sprintf("L%d_%s", b.line, b.lang), func(t *testing.T) {
					r.t = t
					r.run(b)
				})
			}
		})
	}
	if n == 0 {
		t.Fatal("no code blocks found")
	}
}

// workDir makes a temporary directory with symlinks to the repository's
// top-level entries.
func workDir(t *testing.T, root string) string {
	work := t.TempDir()
	ents, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if e.Name() == ".git" {
			continue
		}
		if err := os.Symlink(filepath.Join(root, e.Name()), filepath.Join(work, e.Name())); err != nil {
			t.Fatal(err)
		}
	}
	return work
}

type runner struct {
	t          *testing.T
	root, work string
}

var known = map[string]map[string]bool{
	"python":  {"file": true, "verify": true, "error": true, "script": true},
	"go":      {"generated": true, "program": true, "excerpt": true},
	"console": {"status": true},
	"sh":      {"status": true},
	"text":    {},
}

func (r *runner) run(b *block) {
	t := r.t
	if d := b.get("skip"); d != nil {
		if len(d.args) == 0 {
			t.Fatalf("%s: skip needs a reason", b)
		}
		t.Skipf("%s: %s", b, strings.Join(d.args, " "))
	}
	allowed, ok := known[b.lang]
	if !ok {
		t.Fatalf("%s: %q blocks are not run; use python, go, console, sh or text, or add <!-- doctest: skip REASON -->", b, b.fence)
	}
	for _, d := range b.dirs {
		if !allowed[d.name] {
			t.Fatalf("%s: unknown directive %q for a %s block", b, d.name, b.lang)
		}
	}
	switch b.lang {
	case "python":
		r.python(b)
	case "go":
		r.goBlock(b)
	case "console":
		r.console(b)
	case "sh":
		r.sh(b)
	}
}

func (r *runner) python(b *block) {
	t := r.t
	name := fmt.Sprintf("block_%d.py", b.line)
	if d := b.get("file"); d != nil {
		if len(d.args) != 1 {
			t.Fatalf("%s: file NAME", b)
		}
		name = d.args[0]
	}
	r.write(name, b.text)
	if b.has("script") {
		r.mustRun(b, []string{"python3", name}, 0)
		return
	}
	errs := b.all("error")
	if len(errs) > 0 {
		_, stderr := r.mustRun(b, []string{"pyc2go", "check", name}, 1)
		for _, e := range errs {
			if len(e.args) != 1 {
				t.Fatalf("%s: error takes one quoted regexp", b)
			}
			if !regexp.MustCompile("(?m)" + e.args[0]).MatchString(stderr) {
				t.Errorf("%s: diagnostics do not match %q:\n%s", b, e.args[0], stderr)
			}
		}
		return
	}
	r.mustRun(b, []string{"pyc2go", "check", name}, 0)
	if d := b.get("verify"); d != nil {
		args := append(append([]string{"pyc2go", "verify"}, d.args...), name)
		stdout, _ := r.mustRun(b, args, 0)
		if !strings.Contains(stdout, "PASS") || strings.Contains(stdout, "FAIL") {
			t.Errorf("%s: verify:\n%s", b, stdout)
		}
	}
}

func (r *runner) goBlock(b *block) {
	t := r.t
	switch {
	case b.has("generated"):
		d := b.get("generated")
		if len(d.args) == 0 {
			t.Fatalf("%s: generated FILE.py [FLAG...]", b)
		}
		file, flags := d.args[0], d.args[1:]
		gen, _ := r.mustRun(b, append(append([]string{"pyc2go", "compile"}, flags...), file), 0)
		r.excerpt(b, gen)
	case b.has("excerpt"):
		d := b.get("excerpt")
		if len(d.args) != 1 {
			t.Fatalf("%s: excerpt PATH", b)
		}
		src, err := os.ReadFile(filepath.Join(r.work, d.args[0]))
		if err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		r.excerpt(b, string(src))
	case b.has("program"):
		r.program(b, b.get("program").args)
	default:
		t.Fatalf("%s: a go block needs generated FILE.py, excerpt PATH or program FILE.py... (or skip REASON)", b)
	}
}

// excerpt checks that every non-blank line of b occurs in src, in order,
// ignoring indentation.
func (r *runner) excerpt(b *block, src string) {
	var have []string
	for _, l := range strings.Split(src, "\n") {
		have = append(have, strings.TrimSpace(l))
	}
	k := 0
	for _, l := range strings.Split(b.text, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		for k < len(have) && have[k] != l {
			k++
		}
		if k == len(have) {
			r.t.Fatalf("%s: line %q is not in the source it quotes (or not in this order):\n%s", b, l, src)
		}
		k++
	}
}

// program builds and runs b as the main package of a module that holds
// the generated packages.
func (r *runner) program(b *block, args []string) {
	t := r.t
	mod := t.TempDir()
	goMod := fmt.Sprintf("module example.com/app\n\ngo 1.22\n\nrequire github.com/pyc2go/pyc2go v0.0.0\n\nreplace github.com/pyc2go/pyc2go => %s\n", r.root)
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte(goMod), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, a := range args {
		pkg, file, ok := strings.Cut(a, ":")
		if !ok {
			file, pkg = a, driver.PackageName(a)
		}
		dir := filepath.Join(mod, pkg)
		os.MkdirAll(dir, 0o755)
		r.mustRun(b, []string{"pyc2go", "compile", "-pkg", pkg, "-o", filepath.Join(dir, pkg+".go"), file}, 0)
	}
	if err := os.WriteFile(filepath.Join(mod, "main.go"), []byte(b.text), 0o644); err != nil {
		t.Fatal(err)
	}
	goCmd := func(args ...string) string {
		cmd := exec.Command("go", args...)
		cmd.Dir = mod
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: go %s: %v\n%s", b, strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	goCmd("vet", "./...")
	out := goCmd("run", ".")
	if i := strings.Index(b.text, "// Output:"); i >= 0 {
		var want []string
		for _, l := range strings.Split(strings.TrimSpace(b.text[i+len("// Output:"):]), "\n") {
			l = strings.TrimSpace(l)
			if l == "}" {
				break // the end of func main
			}
			want = append(want, strings.TrimSpace(strings.TrimPrefix(l, "//")))
		}
		if !matchOutput(want, lines(out)) {
			t.Errorf("%s: output:\n%s\nwant:\n%s", b, out, strings.Join(want, "\n"))
		}
	}
}

func (r *runner) console(b *block) {
	t := r.t
	type step struct {
		cmd  string
		want []string
	}
	var steps []*step
	for _, l := range strings.Split(strings.TrimSuffix(b.text, "\n"), "\n") {
		if c, ok := strings.CutPrefix(l, "$ "); ok {
			steps = append(steps, &step{cmd: c})
			continue
		}
		if len(steps) == 0 {
			t.Fatalf("%s: output before the first $ command", b)
		}
		steps[len(steps)-1].want = append(steps[len(steps)-1].want, l)
	}
	if len(steps) == 0 {
		t.Fatalf("%s: a console block needs $ commands", b)
	}
	for i, s := range steps {
		args, err := splitWords(s.cmd, false)
		if err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		out := r.runCombined(b, args, r.status(b, i == len(steps)-1))
		if !matchOutput(s.want, lines(out)) {
			t.Errorf("%s: $ %s\noutput:\n%s\nwant:\n%s", b, s.cmd, out, strings.Join(s.want, "\n"))
		}
	}
}

func (r *runner) sh(b *block) {
	t := r.t
	var cmds [][]string
	for _, l := range strings.Split(b.text, "\n") {
		args, err := splitWords(l, false)
		if err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		if len(args) > 0 {
			cmds = append(cmds, args)
		}
	}
	for i, args := range cmds {
		r.runCombined(b, args, r.status(b, i == len(cmds)-1))
	}
}

// status is the exit status a command must have.
func (r *runner) status(b *block, last bool) int {
	d := b.get("status")
	if d == nil || !last {
		return 0
	}
	n, err := strconv.Atoi(strings.Join(d.args, ""))
	if err != nil {
		r.t.Fatalf("%s: status N", b)
	}
	return n
}

func (r *runner) write(name, text string) {
	p := filepath.Join(r.work, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

// command resolves a documented command line to what runs.
func (r *runner) command(b *block, args []string) *exec.Cmd {
	t := r.t
	if len(args) >= 3 && args[0] == "go" && args[1] == "run" && args[2] == "./cmd/pyc2go" {
		args = append([]string{"pyc2go"}, args[3:]...)
	}
	var cmd *exec.Cmd
	switch args[0] {
	case "pyc2go":
		cmd = exec.Command(pyc2goBinary(t), args[1:]...)
	case "python3":
		py, err := verify.FindPython("")
		if err != nil {
			t.Fatalf("%v (apt-get install -y python3-numpy)", err)
		}
		cmd = exec.Command(py, args[1:]...)
		// `import pyc2go` is the package in python/, as the README's
		// install command would install it, calling this checkout's
		// binary, with a cache of the document's own.
		cmd.Env = append(os.Environ(), "PYTHONPATH="+filepath.Join(r.root, "python"), "PYC2GO_BIN="+pyc2goBinary(t),
			"PYC2GO_CACHE="+filepath.Join(r.work, ".pyc2go-cache"), "PYTHONDONTWRITEBYTECODE=1")
	default:
		t.Fatalf("%s: the doc test does not run %q; use pyc2go, go run ./cmd/pyc2go or python3, or add <!-- doctest: skip REASON -->", b, args[0])
	}
	cmd.Dir = r.work
	return cmd
}

// mustRun runs args and checks the exit status.
func (r *runner) mustRun(b *block, args []string, status int) (stdout, stderr string) {
	cmd := r.command(b, args)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	r.check(b, args, cmd.Run(), status, o.String()+e.String())
	return o.String(), e.String()
}

// runCombined runs args with stdout and stderr in one stream, as a
// terminal shows them.
func (r *runner) runCombined(b *block, args []string, status int) string {
	cmd := r.command(b, args)
	out, err := cmd.CombinedOutput()
	r.check(b, args, err, status, string(out))
	return string(out)
}

func (r *runner) check(b *block, args []string, err error, want int, out string) {
	got := 0
	if ee, ok := err.(*exec.ExitError); ok {
		got = ee.ExitCode()
	} else if err != nil {
		r.t.Fatalf("%s: %s: %v", b, strings.Join(args, " "), err)
	}
	if got != want {
		r.t.Fatalf("%s: %s: exit status %d, want %d\n%s", b, strings.Join(args, " "), got, want, out)
	}
}

func lines(s string) []string {
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// pyc2goBinary builds cmd/pyc2go once per test process.
func pyc2goBinary(t *testing.T) string {
	buildOnce.Do(func() {
		// Reading the CLI's sources makes them part of this test's cache
		// key: go test would otherwise reuse a pass after a change to
		// cmd/pyc2go, which this package does not import.
		srcs, _ := filepath.Glob("../cmd/pyc2go/*.go")
		for _, s := range srcs {
			os.ReadFile(s)
		}
		dir, err := os.MkdirTemp("", "pyc2go-doctest-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "pyc2go")
		out, err := exec.Command("go", "build", "-o", binPath, "github.com/pyc2go/pyc2go/cmd/pyc2go").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build ./cmd/pyc2go: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}
