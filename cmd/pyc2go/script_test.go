package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/pyc2go/pyc2go/verify"
)

// TestScripts runs the CLI scripts in testdata/script/*.txtar, in the style
// of testscript: the archive's comment is the script, its files the work
// directory. The CLI is the contract outside tools script against, so these
// pin exit statuses and output formats.
//
// Commands:
//
//	pyc2go ARGS...      run the CLI in-process; a non-zero status fails unless
//	                    the next command is "status N"
//	status N            the last command exited with N
//	stdout RE / stderr RE / ! stdout RE   match (or not) the last output
//	cmp stdout FILE     the last stdout equals FILE
//	cp stdout FILE      save the last stdout as FILE in the work directory
//	python FILE         run FILE with the reference Python (numpy checks)
//	tty on|off          whether later pyc2go commands see stderr as a
//	                    terminal (off at the start of every script)
//	env NAME=VALUE      set an environment variable for the rest of the script
func TestScripts(t *testing.T) {
	scripts, _ := filepath.Glob("testdata/script/*.txtar")
	if len(scripts) == 0 {
		t.Fatal("no scripts")
	}
	for _, s := range scripts {
		// Sequential: scripts change the working directory.
		name := strings.TrimSuffix(filepath.Base(s), ".txtar")
		t.Run(name, func(t *testing.T) {
			if why := slowScripts[name]; why != "" && testing.Short() {
				t.Skipf("-short: %s", why)
			}
			runScript(t, s)
		})
	}
}

// slowScripts are the scripts -short skips (the quick inner loop), each
// with what the full suite still checks.
var slowScripts = map[string]string{
	"lang_c": "builds and runs a C program against the generated C; emit/c's tests compile the C",
}

func runScript(t *testing.T, path string) {
	ar, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	work := t.TempDir()
	for _, f := range ar.Files {
		p := filepath.Join(work, f.Name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	realTerminal := isTerminal
	defer func() { isTerminal = realTerminal }()
	tty := false
	isTerminal = func(io.Writer) bool { return tty }
	var stdout, stderr string
	status, checked := 0, true
	for i, line := range strings.Split(string(ar.Comment), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		where := fmt.Sprintf("%s:%d: %s", filepath.Base(path), i+1, line)
		args := splitArgs(strings.ReplaceAll(line, "$WORK", work))
		neg := args[0] == "!"
		if neg {
			args = args[1:]
		}
		if args[0] != "status" && !checked {
			t.Fatalf("%s: previous command exited %d\nstdout:\n%s\nstderr:\n%s", where, status, stdout, stderr)
		}
		switch args[0] {
		case "pyc2go":
			var o, e bytes.Buffer
			wd, _ := os.Getwd()
			if err := os.Chdir(work); err != nil {
				t.Fatal(err)
			}
			status = run(args[1:], &o, &e)
			os.Chdir(wd)
			stdout, stderr = o.String(), e.String()
			checked = status == 0
		case "status":
			want, _ := strconv.Atoi(args[1])
			if status != want {
				t.Fatalf("%s: got status %d\nstdout:\n%s\nstderr:\n%s", where, status, stdout, stderr)
			}
			checked = true
		case "stdout", "stderr":
			text := stdout
			if args[0] == "stderr" {
				text = stderr
			}
			re := regexp.MustCompile("(?m)" + args[1])
			if re.MatchString(text) == neg {
				t.Fatalf("%s: %s is:\n%s", where, args[0], text)
			}
		case "cmp":
			want, err := os.ReadFile(filepath.Join(work, args[2]))
			if err != nil {
				t.Fatal(err)
			}
			if stdout != string(want) {
				t.Fatalf("%s: stdout is:\n%s\nwant:\n%s", where, stdout, want)
			}
		case "cp":
			if err := os.WriteFile(filepath.Join(work, args[2]), []byte(stdout), 0o644); err != nil {
				t.Fatal(err)
			}
		case "tty":
			tty = args[1] == "on"
		case "env":
			name, value, _ := strings.Cut(args[1], "=")
			t.Setenv(name, value)
		case "python":
			py, err := verify.FindPython("")
			if err != nil {
				t.Fatalf("%s: %v (apt-get install -y python3-numpy)", where, err)
			}
			cmd := exec.Command(py, args[1])
			cmd.Dir = work
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("%s: %v\n%s", where, err, out)
			}
		default:
			t.Fatalf("%s: unknown command", where)
		}
	}
	if !checked {
		t.Fatalf("last command exited %d\nstdout:\n%s\nstderr:\n%s", status, stdout, stderr)
	}
}

// splitArgs splits at spaces, keeping single-quoted words whole.
func splitArgs(s string) []string {
	var args []string
	var cur strings.Builder
	inQuote, have := false, false
	for _, r := range s {
		switch {
		case r == '\'':
			inQuote = !inQuote
			have = true
		case r == ' ' && !inQuote:
			if have {
				args = append(args, cur.String())
				cur.Reset()
				have = false
			}
		default:
			cur.WriteRune(r)
			have = true
		}
	}
	if have {
		args = append(args, cur.String())
	}
	return args
}
