package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/pyc2go/pyc2go/driver"
	"github.com/pyc2go/pyc2go/opt"
)

// Exit statuses are part of the CLI contract.
const (
	exitOK        = 0
	exitDiag      = 1
	exitUsage     = 2
	exitException = 3
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// env is what a command writes to and how: tty says stderr is a terminal
// (progress lines), color that diagnostics may use escapes as well.
type env struct {
	stdout, stderr io.Writer
	tty, color     bool
	cmd            *command // the running command
}

// isTerminal reports whether w is a terminal. Tests replace it: the
// colour and progress paths must be testable without a real terminal.
var isTerminal = func(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func run(args []string, stdout, stderr io.Writer) int {
	e := &env{stdout: stdout, stderr: stderr, tty: isTerminal(stderr)}
	// https://no-color.org: any non-empty NO_COLOR turns colour off.
	e.color = e.tty && os.Getenv("NO_COLOR") == ""
	if len(args) == 0 {
		fmt.Fprint(stderr, usage())
		return exitUsage
	}
	name, rest := args[0], args[1:]
	switch name {
	case "help", "-h", "-help", "--help":
		return cmdHelp(e, rest)
	}
	c := lookup(name)
	if c == nil {
		fmt.Fprintf(stderr, "pyc2go: unknown command %q\n\n%s", name, usage())
		return exitUsage
	}
	return c.exec(e, rest)
}

// exec parses the command's flags and runs it. -h and --help print the
// command's help on stdout and succeed, as `pyc2go help CMD` does.
func (c *command) exec(e *env, args []string) int {
	e.cmd = c
	fs := c.flagSet(e.stderr)
	body := c.setup(fs)
	pos, extra, err := parseFlags(fs, args, c.npos)
	if errors.Is(err, flag.ErrHelp) {
		c.writeHelp(e.stdout, fs)
		return exitOK
	}
	if err != nil {
		// The flag package has printed the error itself.
		fmt.Fprintf(e.stderr, "usage: pyc2go %s %s\nRun 'pyc2go help %s' for details.\n", c.name, c.args, c.name)
		return exitUsage
	}
	if c.npos < 0 {
		pos = append(pos, extra...)
		extra = nil
	}
	return body(e, pos, extra)
}

// flagSet makes the command's flag set; flag errors go to stderr.
func (c *command) flagSet(stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	// exec prints the usage after a flag error, and the full help for -h
	// on stdout; the flag package's own usage would go to stderr either way.
	fs.Usage = func() {}
	return fs
}

// usage prints a usage error and the running command's synopsis: exit
// status 2.
func (e *env) usage(format string, args ...any) int {
	c := e.cmd
	fmt.Fprintf(e.stderr, "pyc2go %s: %s\nusage: pyc2go %s %s\n", c.name, fmt.Sprintf(format, args...), c.name, c.args)
	return exitUsage
}

// optFlags are the optimisation flags shared by compile, run and verify.
type optFlags struct {
	o0, o2 bool
	passes string
	cache  string
	noLine bool
	fast   bool
	lang   string
	// allowPython: the command accepts --lang python (compile does);
	// allowAll: --lang all, every backend in turn (verify does).
	allowPython, allowAll bool
	// Cython's directives; nil before register.
	boundscheck, wraparound *directive
}

// directive is an on|off flag (true|false accepted too) that must be given
// a value: --boundscheck=off or --boundscheck off.
type directive struct{ on bool }

func (d *directive) String() string {
	if d == nil || d.on {
		return "on"
	}
	return "off"
}

func (d *directive) Set(s string) error {
	switch s {
	case "on", "true":
		d.on = true
	case "off", "false":
		d.on = false
	default:
		return fmt.Errorf("want on or off, got %q", s)
	}
	return nil
}

func (o *optFlags) register(fs *flag.FlagSet) {
	fs.BoolVar(&o.o0, "O0", false, "run only the required passes")
	fs.BoolVar(&o.o2, "O2", false, "run every optimisation pass (the default)")
	fs.StringVar(&o.passes, "passes", "", "comma-separated pass switches, e.g. -constfold to disable one")
	fs.BoolVar(&o.fast, "fastmath", false, "let passes reassociate float reductions (several accumulators, parallel partial sums): "+
		"float results may differ from CPython in the last bits; off by default")
	fs.StringVar(&o.cache, "cache", "", "cache sizes the tile pass sizes tiles for, e.g. L1=32K,L2=1M (default: this machine's, from /sys)")
	fs.BoolVar(&o.noLine, "no-line", false, "omit the /*line*/ (Go) or #line (C) directives that map generated code to Python lines")
	fs.StringVar(&o.lang, "lang", "go", "target language: go, c (C11 through the C backend), (verify only) all: go then c, or (compile only) python: a shared library plus a ctypes module into -o DIR")
	o.boundscheck, o.wraparound = &directive{on: true}, &directive{on: true}
	fs.Var(o.boundscheck, "boundscheck", "whether array subscripts check their index and raise IndexError (`on|off`); off is UNSAFE: "+
		"an out-of-range index is then undefined behaviour: the Go code panics with an index-out-of-range runtime error "+
		"or reads or writes another element of the underlying slice")
	fs.Var(o.wraparound, "wraparound", "whether negative array indices count from the end (`on|off`); off is UNSAFE: "+
		"a[-1] is then out of range (IndexError, or undefined behaviour with --boundscheck=off)")
}

func (o *optFlags) config() (driver.Config, error) {
	cfg := driver.Config{Opt: opt.Config{OptLevel: 2, FastMath: o.fast}, NoLines: o.noLine}
	cfg.Opt.NoBoundsCheck = o.boundscheck != nil && !o.boundscheck.on
	cfg.Lower.NoWrapAround = o.wraparound != nil && !o.wraparound.on
	switch {
	case o.lang == "python" && !o.allowPython:
		return cfg, errors.New("--lang python is for compile only (it builds a module; call it from Python)")
	case o.lang == "all" && !o.allowAll:
		return cfg, errors.New("--lang all is for verify only (it checks every backend in turn)")
	case o.lang != "go" && o.lang != "c" && o.lang != "python" && o.lang != "all":
		return cfg, fmt.Errorf("--lang %s is not supported (go, c, and all for verify, python for compile, are)", o.lang)
	case o.lang == "c":
		cfg.Lang = "c"
	}
	if o.o0 && o.o2 {
		return cfg, errors.New("-O0 and -O2 are exclusive")
	}
	if o.o0 {
		cfg.Opt.OptLevel = 0
	}
	if o.cache != "" {
		c, err := opt.ParseCache(o.cache)
		if err != nil {
			return cfg, fmt.Errorf("--cache: %v", err)
		}
		cfg.Opt.Cache = c
	} else {
		cfg.Opt.Cache = opt.DetectCache()
	}
	// --passes=-NAME,+NAME. opt.Config.Validate knows the pass names;
	// calling it here makes a bad one a usage error.
	for _, p := range strings.Split(o.passes, ",") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		name, off := strings.CutPrefix(p, "-")
		if !off {
			name = strings.TrimPrefix(p, "+")
		}
		if cfg.Opt.Disable == nil {
			cfg.Opt.Disable = map[string]bool{}
		}
		cfg.Opt.Disable[name] = cfg.Opt.Disable[name] || off
	}
	if err := cfg.Opt.Validate(); err != nil {
		return cfg, err
	}
	return cfg, nil
}

// parseFlags parses flags interspersed with up to npos positional
// arguments; everything after those (or after "--") is returned as extra
// arguments untouched, so "run f.py g -- -12" keeps -12 as an argument.
func parseFlags(fs *flag.FlagSet, args []string, npos int) (pos, extra []string, err error) {
	for {
		if err := fs.Parse(args); err != nil {
			return nil, nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil, nil
		}
		if args[0] == "--" {
			return pos, args[1:], nil
		}
		pos = append(pos, args[0])
		args = args[1:]
		if npos >= 0 && len(pos) == npos {
			if len(args) > 0 && args[0] == "--" {
				args = args[1:]
			}
			return pos, args, nil
		}
	}
}

// dumpFlag is --dump-ir (final IR) or --dump-ir=after:PASS.
type dumpFlag struct {
	set   bool
	after string
}

func (d *dumpFlag) String() string   { return d.after }
func (d *dumpFlag) IsBoolFlag() bool { return true }
func (d *dumpFlag) Set(s string) error {
	d.set = true
	switch {
	case s == "true" || s == "":
		d.after = ""
	case s == "false":
		d.set = false
	case strings.HasPrefix(s, "after:"):
		d.after = strings.TrimPrefix(s, "after:")
	default:
		return fmt.Errorf("want --dump-ir or --dump-ir=after:PASS, got %q", s)
	}
	return nil
}

// optString is a string flag that knows whether it was given, so that
// --cflags "" (no flags) differs from no --cflags (the defaults).
type optString struct {
	value string
	set   bool
}

func (o *optString) String() string { return o.value }
func (o *optString) Set(s string) error {
	o.value, o.set = s, true
	return nil
}
