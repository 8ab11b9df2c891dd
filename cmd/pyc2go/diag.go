package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/pyc2go/pyc2go/driver"
	"github.com/pyc2go/pyc2go/frontend"
	"github.com/pyc2go/pyc2go/opt"
	"github.com/pyc2go/pyc2go/verify"
)

// diagnostic is one line of --json output (JSON Lines on stderr, as `go
// vet -json` does). The schema is documented in README.md; fields are only
// ever added. Line and Col are 1-based (Col counts runes) and absent when
// the error has no position (an unreadable file, a failed build). There
// are no end positions or error codes yet: the compiler has neither.
type diagnostic struct {
	File     string `json:"file"`
	Line     int    `json:"line,omitempty"`
	Col      int    `json:"col,omitempty"`
	Severity string `json:"severity"` // "error" or "remark"
	Message  string `json:"message"`
	Pass     string `json:"pass,omitempty"` // remarks: the pass that made it
	Func     string `json:"func,omitempty"` // remarks, verify mismatches: the Python function
}

// reporter prints diagnostics as text (coloured on a terminal) or JSON.
type reporter struct {
	e    *env
	json bool
	// seen holds the remarks already reported: a pass that versions a
	// loop (fast and cold copies) meets it twice and says the same.
	seen map[string]bool
	// prog, when not nil, is the command's progress line: it is erased
	// before anything the reporter prints, so no diagnostic shares its
	// line.
	prog *progress
}

// ansi are the escapes of a coloured diagnostic: bold red "error:", bold
// caret.
var ansi = frontend.Style{Error: "\x1b[1;31m", Caret: "\x1b[1m", Reset: "\x1b[0m"}

func (r *reporter) emit(d diagnostic) {
	r.prog.clear()
	b, _ := json.Marshal(d)
	r.e.stderr.Write(append(b, '\n'))
}

// fail reports err, which came from compiling, building or verifying path,
// and returns exit status 1.
func (r *reporter) fail(path string, err error) int {
	r.prog.clear()
	var d *driver.Diagnostics
	switch {
	case errors.As(err, &d) && r.json:
		for _, x := range d.Errors {
			r.emit(diagnostic{File: d.Path, Line: x.Pos.Line, Col: x.Pos.Col, Severity: "error", Message: x.Msg})
		}
	case errors.As(err, &d) && r.e.color:
		fmt.Fprint(r.e.stderr, d.Errors.RenderStyle(d.Path, d.Src, ansi))
	case errors.As(err, &d):
		fmt.Fprint(r.e.stderr, d.Error())
	case r.json:
		r.emit(diagnostic{File: path, Severity: "error", Message: err.Error()})
	default:
		fmt.Fprintf(r.e.stderr, "pyc2go: %v\n", err)
	}
	return exitDiag
}

func (r *reporter) remark(path string, m opt.Remark) {
	key := fmt.Sprintf("%s:%s: %s: %s (in %s)", path, m.Pos, m.Pass, m.Msg, m.Func)
	if r.seen[key] {
		return
	}
	if r.seen == nil {
		r.seen = map[string]bool{}
	}
	r.seen[key] = true
	r.prog.clear()
	if r.json {
		r.emit(diagnostic{File: path, Line: m.Pos.Line, Col: m.Pos.Col, Severity: "remark", Message: m.Msg, Pass: m.Pass, Func: m.Func})
		return
	}
	fmt.Fprintf(r.e.stderr, "%s:%s: remark: %s: %s (in %s)\n", path, m.Pos, m.Pass, m.Msg, m.Func)
}

// compileFile reads and compiles one file, reporting diagnostics.
func (r *reporter) compileFile(path string, cfg driver.Config) (*driver.Result, int) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, r.fail(path, err)
	}
	res, err := driver.Compile(path, src, cfg)
	if err != nil {
		return nil, r.fail(path, err)
	}
	return res, exitOK
}

// compileSome compiles the functions of path that compile (driver.
// CompileSome; want as there) and reports the diagnostics of the others.
// It returns what compiled (nil if nothing did) and exitDiag when
// anything was reported.
func (r *reporter) compileSome(path string, cfg driver.Config, want func(string) bool) (*driver.Result, int) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, r.fail(path, err)
	}
	res, skipped, err := driver.CompileSome(path, src, cfg, want)
	if err != nil {
		return nil, r.fail(path, err)
	}
	if skipped != nil {
		return res, r.fail(path, skipped)
	}
	return res, exitOK
}

// mismatches reports, with --json, each function verify found to differ
// from CPython as an error at its definition, so an editor can mark it;
// the text report on stdout is unchanged.
func (r *reporter) mismatches(res *driver.Result, rep *verify.Report) {
	if !r.json {
		return
	}
	for _, fr := range rep.Funcs {
		if len(fr.Failed) == 0 {
			continue
		}
		d := diagnostic{File: res.Path, Severity: "error"}
		for _, f := range res.Module.Funcs {
			if f.Name == fr.Name {
				d.Line, d.Col = f.Pos.Line, f.Pos.Col
			}
		}
		c := fr.Failed[0]
		d.Message = fmt.Sprintf("verify: %s differs from CPython in %d of %d cases; first: %s(%s): CPython %s, compiled %s",
			fr.Name, len(fr.Failed), fr.Cases, c.Func, strings.Join(c.Args, ", "), c.Python, c.Go)
		if c.Detail != "" {
			d.Message += " (" + c.Detail + ")"
		}
		d.Func = fr.Name
		r.emit(d)
	}
}
