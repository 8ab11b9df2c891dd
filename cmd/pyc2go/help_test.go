package main

import (
	"bytes"
	"flag"
	"io"
	"os"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"
)

// Every flag a command registers is in its help and in the README's CLI
// contract section: flags added later cannot go undocumented.
func TestFlagsDocumented(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	section := string(readme)
	start := strings.Index(section, "### The CLI contract")
	if start < 0 {
		t.Fatal(`README.md has no "### The CLI contract" section`)
	}
	section = section[start:]
	if end := strings.Index(section[4:], "\n## "); end >= 0 {
		section = section[:end+4]
	}
	for _, c := range commands {
		var help bytes.Buffer
		if status := run([]string{"help", c.name}, &help, io.Discard); status != exitOK {
			t.Fatalf("help %s: status %d", c.name, status)
		}
		if !strings.Contains(section, "pyc2go "+c.name) {
			t.Errorf("README's CLI contract does not mention pyc2go %s", c.name)
		}
		fs := c.flagSet(io.Discard)
		c.setup(fs)
		fs.VisitAll(func(f *flag.Flag) {
			// -O0 in the help, --O0 nowhere; --json and -json both work, the
			// docs write one of them.
			re := regexp.MustCompile(`(^|[^-\w])--?` + regexp.QuoteMeta(f.Name) + `\b`)
			if !re.MatchString(help.String()) {
				t.Errorf("pyc2go help %s does not show -%s", c.name, f.Name)
			}
			if !re.MatchString(section) {
				t.Errorf("README's CLI contract does not document %s's flag -%s", c.name, f.Name)
			}
		})
	}
}

func TestModuleVersion(t *testing.T) {
	info := func(v string) *debug.BuildInfo {
		return &debug.BuildInfo{Main: debug.Module{Path: "github.com/pyc2go/pyc2go", Version: v}}
	}
	tests := []struct {
		linked string
		bi     *debug.BuildInfo
		want   string
	}{
		{"", nil, "devel"},
		{"", info("(devel)"), "devel"},
		{"", info(""), "devel"},
		{"", info("v0.3.1"), "v0.3.1"},
		{"", info("v0.0.0-20261125154345-7f91bf7a1b2c+dirty"), "v0.0.0-20261125154345-7f91bf7a1b2c+dirty"},
		{"v1.0.0", info("v0.3.1"), "v1.0.0"},
	}
	for _, tt := range tests {
		if got := moduleVersion(tt.linked, tt.bi); got != tt.want {
			t.Errorf("moduleVersion(%q, %v) = %q, want %q", tt.linked, tt.bi, got, tt.want)
		}
	}
}

// The worked examples of every command's help parse: their flags exist
// and take the values shown, and the positional arguments are there.
func TestHelpExamplesParse(t *testing.T) {
	for _, c := range commands {
		for _, line := range strings.Split(c.example, "\n") {
			line, _, _ = strings.Cut(line, "#")
			var args []string
			for _, w := range strings.Fields(line) {
				if !strings.HasPrefix(w, "2>") { // a shell redirection
					args = append(args, w)
				}
			}
			if len(args) < 2 || args[0] != "pyc2go" || args[1] != c.name {
				t.Errorf("help %s: example %q does not run pyc2go %s", c.name, line, c.name)
				continue
			}
			var stderr bytes.Buffer
			fs := c.flagSet(&stderr)
			c.setup(fs)
			pos, _, err := parseFlags(fs, args[2:], c.npos)
			if err != nil {
				t.Errorf("help %s: example %q: %v %s", c.name, line, err, stderr.String())
			}
			if c.npos != 0 && c.name != "version" && len(pos) == 0 {
				t.Errorf("help %s: example %q has no input", c.name, line)
			}
		}
	}
}
