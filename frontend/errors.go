package frontend

import (
	"fmt"
	"sort"
	"strings"
)

// Pos is a 1-based line and 1-based rune column.
type Pos struct{ Line, Col int }

func (p Pos) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }

// Error is one diagnostic at a source position.
type Error struct {
	Pos Pos
	Msg string
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// ErrorList is sorted by position, implements error; all independent errors
// of a file.
type ErrorList []*Error

// Add appends an error; call Sort before handing the list out.
func (l *ErrorList) Add(pos Pos, format string, args ...any) {
	*l = append(*l, &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// Sort orders by position; the message breaks ties so output is
// deterministic regardless of the order the checks ran in.
func (l ErrorList) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		return a.Msg < b.Msg
	})
}

// Err returns nil for an empty list so callers can `return l.Err()` and
// get a true nil error interface.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0].Error(), len(l)-1)
}

// Render formats every error as
//
//	path.py:LINE:COL: error: message
//	    <the source line>
//	    <spaces>^
//
// Tabs before the column are copied into the caret prefix so the caret lines
// up with the source line whatever the terminal's tab width.
func (l ErrorList) Render(path string, src []byte) string {
	return l.RenderStyle(path, src, Style{})
}

// Style holds the escape sequences a terminal renderer puts around the
// parts of a diagnostic; the zero Style is plain text. The caller decides
// whether its output is a terminal, so this package never looks.
type Style struct {
	Error string // before "error:"
	Caret string // before the caret
	Reset string // after each of them
}

// RenderStyle is Render with the "error:" label and the caret wrapped in
// s's escapes.
func (l ErrorList) RenderStyle(path string, src []byte, s Style) string {
	lines := strings.Split(string(src), "\n")
	var b strings.Builder
	for _, e := range l {
		fmt.Fprintf(&b, "%s:%d:%d: %serror:%s %s\n", path, e.Pos.Line, e.Pos.Col, s.Error, s.Reset, e.Msg)
		if e.Pos.Line < 1 || e.Pos.Line > len(lines) {
			continue
		}
		line := strings.TrimRight(lines[e.Pos.Line-1], "\r")
		if strings.TrimSpace(line) == "" && e.Pos.Line == len(lines) {
			// Position at end of file: there is no line to show.
			continue
		}
		b.WriteString("    ")
		b.WriteString(line)
		b.WriteString("\n    ")
		col := 1
		for _, r := range line {
			if col >= e.Pos.Col {
				break
			}
			if r == '\t' {
				b.WriteByte('\t')
			} else {
				b.WriteByte(' ')
			}
			col++
		}
		for ; col < e.Pos.Col; col++ {
			b.WriteByte(' ')
		}
		b.WriteString(s.Caret + "^" + s.Reset + "\n")
	}
	return b.String()
}
