package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// usage is the command list of `pyc2go help`.
func usage() string {
	var b strings.Builder
	b.WriteString("pyc2go compiles type-annotated Python + numpy kernels to Go.\n\nUsage:\n")
	for _, c := range commands {
		fmt.Fprintf(&b, "  pyc2go %-38s %s\n", strings.TrimSpace(c.name+" "+c.args), c.summary)
	}
	fmt.Fprintf(&b, "  pyc2go %-38s %s\n", "help [COMMAND]", "this text, or a command's flags and examples")
	b.WriteString(`
Exit status: 0 success; 1 diagnostics, a failed build or a verification
mismatch; 2 usage errors; 3 a Python exception raised by the function
'pyc2go run' called.

Run 'pyc2go help COMMAND' (or 'pyc2go COMMAND --help') for a command's
flags and examples.
`)
	return b.String()
}

// cmdHelp is `pyc2go help [COMMAND]`; help goes to stdout since it was
// asked for.
func cmdHelp(e *env, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(e.stdout, usage())
		return exitOK
	}
	c := lookup(args[0])
	if c == nil || len(args) > 1 {
		fmt.Fprintf(e.stderr, "pyc2go help: unknown command %q\n\n%s", strings.Join(args, " "), usage())
		return exitUsage
	}
	fs := c.flagSet(e.stderr)
	c.setup(fs)
	c.writeHelp(e.stdout, fs)
	return exitOK
}

// writeHelp prints the synopsis, the description, every flag of fs and
// the examples.
func (c *command) writeHelp(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintf(w, "usage: pyc2go %s\n\n%s\n", strings.TrimSpace(c.name+" "+c.args), c.doc)
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	if n > 0 {
		fmt.Fprintf(w, "\nFlags:\n")
		fs.VisitAll(func(f *flag.Flag) { writeFlag(w, f) })
	}
	fmt.Fprintf(w, "\nExamples:\n")
	for _, l := range strings.Split(c.example, "\n") {
		fmt.Fprintf(w, "  %s\n", l)
	}
}

// singleDash are the flags the README spells with one dash, after the go
// command's -o and -n and the compilers' -O levels; every other flag gets
// two. The flag package accepts either spelling of any flag.
var singleDash = map[string]bool{"o": true, "n": true, "O0": true, "O2": true, "pkg": true}

// writeFlag prints one flag the way the README spells it; the value
// placeholder comes from the usage's `back-quoted` word as in
// flag.PrintDefaults.
func writeFlag(w io.Writer, f *flag.Flag) {
	dash := "--"
	if singleDash[f.Name] {
		dash = "-"
	}
	name, use := flag.UnquoteUsage(f)
	head := dash + f.Name
	if name != "" {
		head += " " + name
	}
	if def := f.DefValue; def != "" && def != "false" && def != "0" {
		use += fmt.Sprintf(" (default %s)", def)
	}
	fmt.Fprintf(w, "  %s\n", head)
	for _, l := range wrap(use, 72) {
		fmt.Fprintf(w, "        %s\n", l)
	}
}

// wrap breaks s into lines of at most width bytes at spaces.
func wrap(s string, width int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		if line != "" && len(line)+1+len(word) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	return append(lines, line)
}
