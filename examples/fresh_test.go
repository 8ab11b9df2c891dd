package examples

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestFreshModule does what the README's "Getting pyc2go into a Go
// module" tells a Go developer to do, on a new module outside the
// repository: a replace directive to this checkout, the compiler as a
// tool (go get -tool), go generate, go build, and a run of the program
// calling the generated kernel. Offline: the module cache holds
// everything (`go mod download` at the root fills it).
func TestFreshModule(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	mod := t.TempDir()
	files := map[string]string{
		"kernels/kernels.py": "def triple(x: float) -> float:\n    return 3.0 * x\n",
		"kernels/gen.go":     "package kernels\n\n//go:generate go tool pyc2go compile -o kernels.go -pkg kernels kernels.py\n",
		"main.go": `package main

import (
	"fmt"

	"example.com/fresh/kernels"
)

func main() { fmt.Println(kernels.Triple(1.5)) }
`,
	}
	for name, src := range files {
		path := filepath.Join(mod, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// GOFLAGS=-mod=mod lets go get and go mod edit update go.mod; the
	// proxy and the checksum database stay off, so only the module cache
	// serves modules (a user online gets go.sum lines checked by sum.golang.org).
	env := append(os.Environ(), "GOPROXY=off", "GOSUMDB=off", "GOWORK=off", "GOFLAGS=-mod=mod -buildvcs=false")
	run := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Dir, cmd.Env = mod, env
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	run("go", "mod", "init", "example.com/fresh")
	run("go", "mod", "edit", "-replace", "github.com/pyc2go/pyc2go="+root)
	run("go", "get", "-tool", "github.com/pyc2go/pyc2go/cmd/pyc2go")
	run("go", "generate", "./...")
	if _, err := os.Stat(filepath.Join(mod, "kernels", "kernels.go")); err != nil {
		t.Fatalf("go generate wrote no kernels.go: %v", err)
	}
	run("go", "build", "./...")
	if got := run("go", "run", "."); got != "4.5\n" {
		t.Errorf("the program printed %q, want 4.5", got)
	}
}
