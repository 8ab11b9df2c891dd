package docs

import (
	"fmt"
	"regexp"
	"strings"
)

// A block is one fenced code block of a Markdown file with the doctest
// directives written just before it.
type block struct {
	path  string // the Markdown file
	line  int    // 1-based line of the opening fence
	lang  string // the info string's first word: python, go, console, sh, text
	text  string // the contents, ending in a newline unless empty
	dirs  []directive
	fence string // the opening fence line, for messages
}

// A directive is one "NAME ARG..." item of a <!-- doctest: ... --> comment.
type directive struct {
	name string
	args []string
}

func (b *block) String() string { return fmt.Sprintf("%s:%d", b.path, b.line) }

// has reports whether the block carries a directive called name.
func (b *block) has(name string) bool { return b.get(name) != nil }

// get returns the first directive called name, or nil.
func (b *block) get(name string) *directive {
	for i := range b.dirs {
		if b.dirs[i].name == name {
			return &b.dirs[i]
		}
	}
	return nil
}

// all returns every directive called name, in order.
func (b *block) all(name string) []directive {
	var ds []directive
	for _, d := range b.dirs {
		if d.name == name {
			ds = append(ds, d)
		}
	}
	return ds
}

var commentRE = regexp.MustCompile(`^<!--\s*doctest:(.*?)-->\s*$`)

// parseMarkdown returns the fenced code blocks of src. Only fences at the
// start of a line count (the docs do not nest code in lists). The
// directives of a block are the <!-- doctest: ... --> comments on the
// lines directly above its fence; a comment's items are separated by ';'
// outside quotes and split into words like a shell would (quotes, no
// expansion).
func parseMarkdown(path, src string) ([]*block, error) {
	lines := strings.Split(src, "\n")
	var blocks []*block
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if !strings.HasPrefix(l, "```") {
			continue
		}
		b := &block{path: path, line: i + 1, fence: l}
		if f := strings.Fields(strings.TrimPrefix(l, "```")); len(f) > 0 {
			b.lang = f[0]
		}
		// Directives: the comments directly above, top to bottom.
		var comments []string
		for j := i - 1; j >= 0; j-- {
			m := commentRE.FindStringSubmatch(lines[j])
			if m == nil {
				break
			}
			comments = append([]string{m[1]}, comments...)
		}
		for _, c := range comments {
			ds, err := parseDirectives(c)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %v", path, i+1, err)
			}
			b.dirs = append(b.dirs, ds...)
		}
		var body []string
		for i++; i < len(lines) && lines[i] != "```"; i++ {
			body = append(body, lines[i])
		}
		if i == len(lines) {
			return nil, fmt.Errorf("%s:%d: unterminated code block", path, b.line)
		}
		if len(body) > 0 {
			b.text = strings.Join(body, "\n") + "\n"
		}
		blocks = append(blocks, b)
	}
	return blocks, nil
}

func parseDirectives(s string) ([]directive, error) {
	words, err := splitWords(s, true)
	if err != nil {
		return nil, err
	}
	var ds []directive
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			ds = append(ds, directive{name: cur[0], args: cur[1:]})
		}
		cur = nil
	}
	for _, w := range words {
		if w == ";" {
			flush()
			continue
		}
		cur = append(cur, w)
	}
	flush()
	return ds, nil
}

// splitWords splits s at unquoted blanks, removing the quotes of '...'
// and "..." (no escapes inside single quotes; \" and \\ inside double
// quotes). An unquoted '#' starting a word begins a comment, as in sh.
// With semis, an unquoted ';' is a word of its own.
func splitWords(s string, semis bool) ([]string, error) {
	var words []string
	var cur strings.Builder
	have := false
	flush := func() {
		if have {
			words = append(words, cur.String())
		}
		cur.Reset()
		have = false
	}
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == ' ' || r == '\t':
			flush()
		case r == '#' && !have:
			flush()
			return words, nil
		case r == ';' && semis:
			flush()
			words = append(words, ";")
		case r == '\'':
			j := i + 1
			for j < len(rs) && rs[j] != '\'' {
				j++
			}
			if j == len(rs) {
				return nil, fmt.Errorf("unterminated ' in %q", s)
			}
			cur.WriteString(string(rs[i+1 : j]))
			have, i = true, j
		case r == '"':
			j := i + 1
			for ; j < len(rs) && rs[j] != '"'; j++ {
				if rs[j] == '\\' && j+1 < len(rs) && (rs[j+1] == '"' || rs[j+1] == '\\') {
					j++
				}
				cur.WriteRune(rs[j])
			}
			if j == len(rs) {
				return nil, fmt.Errorf("unterminated \" in %q", s)
			}
			have, i = true, j
		default:
			cur.WriteRune(r)
			have = true
		}
	}
	flush()
	return words, nil
}

// matchOutput reports whether got matches the expected output want, line
// by line after trimming trailing blanks. A line "[...]" in want matches
// any number of lines (none included); "[...]" inside a line matches any
// text within that line. Output that legitimately varies (timings, paths)
// is written with it.
func matchOutput(want, got []string) bool {
	if len(want) == 0 {
		return len(got) == 0
	}
	if strings.TrimSpace(want[0]) == "[...]" {
		for k := 0; k <= len(got); k++ {
			if matchOutput(want[1:], got[k:]) {
				return true
			}
		}
		return false
	}
	return len(got) > 0 && matchLine(want[0], got[0]) && matchOutput(want[1:], got[1:])
}

func matchLine(want, got string) bool {
	want, got = strings.TrimRight(want, " \t"), strings.TrimRight(got, " \t")
	if !strings.Contains(want, "[...]") {
		return want == got
	}
	parts := strings.Split(want, "[...]")
	for i := range parts {
		parts[i] = regexp.QuoteMeta(parts[i])
	}
	return regexp.MustCompile(`^` + strings.Join(parts, `.*`) + `$`).MatchString(got)
}
