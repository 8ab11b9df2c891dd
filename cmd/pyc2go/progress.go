package main

import (
	"fmt"
	"io"
)

// progress is a one-line status on a terminal, rewritten in place with \r
// and erased before anything else is printed, so that neither stdout nor
// a log ever sees it: when off (stderr is not a terminal) it prints
// nothing at all. A nil *progress is off.
type progress struct {
	w     io.Writer
	on    bool
	shown bool
}

// eraseLine is \r and "erase to end of line" (ECMA-48 EL).
const eraseLine = "\r\x1b[K"

func (p *progress) show(format string, args ...any) {
	if p == nil || !p.on {
		return
	}
	fmt.Fprintf(p.w, "%s%s", eraseLine, fmt.Sprintf(format, args...))
	p.shown = true
}

func (p *progress) clear() {
	if p != nil && p.shown {
		io.WriteString(p.w, eraseLine)
		p.shown = false
	}
}
