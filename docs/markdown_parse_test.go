package docs

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseMarkdown(t *testing.T) {
	src := strings.Join([]string{
		"# Title",
		"<!-- doctest: file k.py; verify -n 5 -->",
		"<!-- doctest: error \"name 'x' is not;defined\" -->",
		"```python",
		"def f(a: int) -> int:",
		"    return x",
		"```",
		"text",
		"```",
		"```",
		"<!-- doctest: skip needs root -->",
		"",
		"```sh",
		"apt-get install x",
		"```",
	}, "\n")
	blocks, err := parseMarkdown("d.md", src)
	if err != nil {
		t.Fatal(err)
	}
	type got struct {
		Line int
		Lang string
		Text string
		Dirs [][]string
	}
	var gs []got
	for _, b := range blocks {
		g := got{Line: b.line, Lang: b.lang, Text: b.text}
		for _, d := range b.dirs {
			g.Dirs = append(g.Dirs, append([]string{d.name}, d.args...))
		}
		gs = append(gs, g)
	}
	want := []got{
		{4, "python", "def f(a: int) -> int:\n    return x\n", [][]string{{"file", "k.py"}, {"verify", "-n", "5"}, {"error", "name 'x' is not;defined"}}},
		{9, "", "", nil},
		// A blank line separates a comment from the fence: no directives.
		{13, "sh", "apt-get install x\n", nil},
	}
	if diff := cmp.Diff(want, gs); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if _, err := parseMarkdown("d.md", "```go\nx\n"); err == nil {
		t.Error("an unterminated block is not an error")
	}
}

func TestSplitWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{`pyc2go run k.py f -- -12 18`, []string{"pyc2go", "run", "k.py", "f", "--", "-12", "18"}},
		{`python3 -c "import numpy as np; np.save('x.npy', np.arange(5.0))"`, []string{"python3", "-c", "import numpy as np; np.save('x.npy', np.arange(5.0))"}},
		{`pyc2go check k.py   # diagnostics only`, []string{"pyc2go", "check", "k.py"}},
		{`echo a#b 'c d' "e\"f"`, []string{"echo", "a#b", "c d", `e"f`}},
	}
	for _, tt := range tests {
		got, err := splitWords(tt.in, false)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("splitWords(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestMatchOutput(t *testing.T) {
	tests := []struct {
		want, got string
		ok        bool
	}{
		{"6", "6", true},
		{"6", "7", false},
		{"6", "6\n7", false},
		{"PASS f: 40 cases, [...]", "PASS f: 40 cases, bit-exact", true},
		{"PASS f: 40 cases, [...]", "FAIL f: 40 cases, bit-exact", false},
		{"a\n[...]\nz", "a\nz", true},
		{"a\n[...]\nz", "a\nb\nc\nz", true},
		{"a\n[...]\nz", "a\nb\nc", false},
		{"x  ", "x", true},
	}
	for _, tt := range tests {
		if got := matchOutput(strings.Split(tt.want, "\n"), strings.Split(tt.got, "\n")); got != tt.ok {
			t.Errorf("matchOutput(%q, %q) = %v", tt.want, tt.got, got)
		}
	}
}
