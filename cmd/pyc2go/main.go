package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"

	"github.com/pyc2go/pyc2go/driver"
	"github.com/pyc2go/pyc2go/lower"
	"github.com/pyc2go/pyc2go/verify"
)

// Exit statuses are part of the CLI contract.
const (
	exitOK        = 0
	exitDiag      = 1
	exitUsage     = 2
	exitException = 3
)

// version is the pyc2go release; builds from source say "devel".
var version = "devel"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `pyc2go compiles type-annotated Python + numpy kernels to Go.

Usage:
  pyc2go compile [flags] FILE.py          write Go source (stdout or -o)
  pyc2go check FILE.py...                 report diagnostics only
  pyc2go run [flags] FILE.py FUNC [--] ARG...
                                          compile, call FUNC once, print repr(result)
  pyc2go verify [flags] FILE.py...        compare compiled results with CPython + numpy
  pyc2go version

Run 'pyc2go COMMAND -h' for the flags of a command.
`

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "compile":
		return cmdCompile(rest, stdout, stderr)
	case "check":
		return cmdCheck(rest, stdout, stderr)
	case "run":
		return cmdRun(rest, stdout, stderr)
	case "verify":
		return cmdVerify(rest, stdout, stderr)
	case "version":
		fmt.Fprintf(stdout, "pyc2go %s\n", version)
		return exitOK
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "pyc2go: unknown command %q\n\n%s", cmd, usage)
	return exitUsage
}

// optFlags are the optimisation flags shared by compile, run and verify.
type optFlags struct {
	o0, o2 bool
	passes string
	noLine bool
	lang   string
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
	fs.BoolVar(&o.noLine, "no-line", false, "omit /*line*/ directives that map Go code to Python lines")
	fs.StringVar(&o.lang, "lang", "go", "target language (go; c comes with the C backend)")
	o.boundscheck, o.wraparound = &directive{on: true}, &directive{on: true}
	fs.Var(o.boundscheck, "boundscheck", "whether array subscripts check their index and raise IndexError (`on|off`); off is UNSAFE: "+
		"an out-of-range index is then undefined behaviour: the Go code panics with an index-out-of-range runtime error "+
		"or reads or writes another element of the underlying slice")
	fs.Var(o.wraparound, "wraparound", "whether negative array indices count from the end (`on|off`); off is UNSAFE: "+
		"a[-1] is then out of range (IndexError, or undefined behaviour with --boundscheck=off)")
}

func (o *optFlags) config() (driver.Config, error) {
	cfg := driver.Config{OptLevel: 2, NoLines: o.noLine}
	cfg.NoBoundsCheck = o.boundscheck != nil && !o.boundscheck.on
	cfg.NoWrapAround = o.wraparound != nil && !o.wraparound.on
	if o.lang != "go" {
		return cfg, fmt.Errorf("--lang %s is not supported yet (go is)", o.lang)
	}
	if o.o0 && o.o2 {
		return cfg, errors.New("-O0 and -O2 are exclusive")
	}
	if o.o0 {
		cfg.OptLevel = 0
	}
	known := map[string]bool{}
	for _, n := range lower.PassNames() {
		known[n] = true
	}
	for _, p := range strings.Split(o.passes, ",") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		name, ok := strings.CutPrefix(p, "-")
		if !ok {
			name = strings.TrimPrefix(p, "+")
		}
		if !known[name] {
			return cfg, fmt.Errorf("unknown pass %q (passes: %s)", name, strings.Join(lower.PassNames(), ", "))
		}
		if ok && lower.PassRequired(name) {
			return cfg, fmt.Errorf("pass %q is required and cannot be disabled", name)
		}
		if ok {
			if cfg.Disable == nil {
				cfg.Disable = map[string]bool{}
			}
			cfg.Disable[name] = true
		}
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

func newFlagSet(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: pyc2go %s\n\nflags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// compileFile reads and compiles one file, printing diagnostics.
func compileFile(path string, cfg driver.Config, stderr io.Writer) (*driver.Result, int) {
	src, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintf(stderr, "pyc2go: %v\n", err)
		return nil, exitDiag
	}
	res, err := driver.Compile(path, src, cfg)
	if err != nil {
		return nil, report(err, stderr)
	}
	return res, exitOK
}

func report(err error, stderr io.Writer) int {
	var d *driver.Diagnostics
	if errors.As(err, &d) {
		fmt.Fprint(stderr, d.Error())
		return exitDiag
	}
	fmt.Fprintf(stderr, "pyc2go: %v\n", err)
	return exitDiag
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

func cmdCompile(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("compile", "compile [-o FILE] [-pkg NAME] [--dump-ir[=after:PASS]] [-O0|-O2] FILE.py", stderr)
	var opt optFlags
	opt.register(fs)
	out := fs.String("o", "", "write the Go source to `FILE` (default stdout)")
	pkg := fs.String("pkg", "", "Go package `NAME` (default: from the file name)")
	var dump dumpFlag
	fs.Var(&dump, "dump-ir", "print the IR (final, or after:PASS) to stdout")
	remarks := fs.Bool("remarks", false, "print what each optimisation pass did or declined to do, as FILE:LINE:COL: remark: lines on stderr")
	pos, extra, err := parseFlags(fs, args, -1)
	if err != nil {
		return exitUsage
	}
	pos = append(pos, extra...)
	if len(pos) != 1 {
		fs.Usage()
		return exitUsage
	}
	cfg, err := opt.config()
	if err != nil {
		fmt.Fprintf(stderr, "pyc2go: %v\n", err)
		return exitUsage
	}
	cfg.Package = *pkg
	if dump.set && dump.after != "" {
		if !isPass(dump.after) {
			fmt.Fprintf(stderr, "pyc2go: --dump-ir=after:%s: unknown pass (passes: %s)\n", dump.after, strings.Join(lower.PassNames(), ", "))
			return exitUsage
		}
		cfg.DumpAfter, cfg.Dump = dump.after, stdout
	}
	if *remarks {
		cfg.Remarks = func(r lower.Remark) {
			fmt.Fprintf(stderr, "%s:%s: remark: %s: %s (in %s)\n", pos[0], r.Pos, r.Pass, r.Msg, r.Func)
		}
	}
	res, code := compileFile(pos[0], cfg, stderr)
	if code != exitOK {
		return code
	}
	if dump.set && dump.after == "" {
		fmt.Fprint(stdout, res.IR())
	}
	if dump.set && *out == "" {
		return exitOK
	}
	src, err := res.GoSource(cfg)
	if err != nil {
		return report(err, stderr)
	}
	if *out == "" {
		stdout.Write(src)
		return exitOK
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		fmt.Fprintf(stderr, "pyc2go: %v\n", err)
		return exitDiag
	}
	return exitOK
}

// isPass accepts pass names and "lower" (the IR before any pass).
func isPass(name string) bool {
	if name == "lower" {
		return true
	}
	for _, n := range lower.PassNames() {
		if n == name {
			return true
		}
	}
	return false
}

func cmdCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("check", "check FILE.py...", stderr)
	pos, extra, err := parseFlags(fs, args, -1)
	if err != nil {
		return exitUsage
	}
	pos = append(pos, extra...)
	if len(pos) == 0 {
		fs.Usage()
		return exitUsage
	}
	status := exitOK
	for _, p := range pos {
		if _, code := compileFile(p, driver.Config{}, stderr); code != exitOK {
			status = code
		}
	}
	return status
}

func cmdRun(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("run", "run [--lang go] [--out DIR] [--repeat N] [--json] [-O0|-O2] FILE.py FUNC [--] ARG...", stderr)
	var opt optFlags
	opt.register(fs)
	out := fs.String("out", "", "write results (result.npy, result_0.npy, ...) into `DIR`")
	repeat := fs.Int("repeat", 1, "call the function `N` times (for timing)")
	jsonOut := fs.Bool("json", false, "print a JSON object with result, exception and per-call seconds")
	pos, extra, err := parseFlags(fs, args, 2)
	if err != nil {
		return exitUsage
	}
	if len(pos) != 2 {
		fs.Usage()
		return exitUsage
	}
	cfg, err := opt.config()
	if err != nil {
		fmt.Fprintf(stderr, "pyc2go: %v\n", err)
		return exitUsage
	}
	res, code := compileFile(pos[0], cfg, stderr)
	if code != exitOK {
		return code
	}
	bin, err := res.Build(cfg)
	if err != nil {
		return report(err, stderr)
	}
	callArgs := []string{"call"}
	if *out != "" {
		callArgs = append(callArgs, "--out", *out)
	}
	if *repeat != 1 {
		callArgs = append(callArgs, "--repeat", fmt.Sprint(*repeat))
	}
	if *jsonOut {
		callArgs = append(callArgs, "--json")
	}
	callArgs = append(callArgs, pos[1], "--")
	callArgs = append(callArgs, extra...)
	cmd := exec.Command(bin, callArgs...)
	cmd.Stdout, cmd.Stderr = stdout, stderr
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return exit.ExitCode()
		}
		fmt.Fprintf(stderr, "pyc2go: %v\n", err)
		return exitDiag
	}
	return exitOK
}

func cmdVerify(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("verify", "verify [--cases CASES.py] [--python PATH] [--seed N] [-n N] [-O0|-O2] FILE.py...", stderr)
	var opt optFlags
	opt.register(fs)
	cases := fs.String("cases", "", "take inputs from `CASES.py` (CASES = [(func_name, args_factory), ...]); default FILE_cases.py beside FILE.py if present")
	python := fs.String("python", "", "reference interpreter (default $PYC2GO_PYTHON, else a python3 with numpy)")
	seed := fs.Int64("seed", 1, "input generation seed")
	n := fs.Int("n", 40, "generated cases per function")
	pos, extra, err := parseFlags(fs, args, -1)
	if err != nil {
		return exitUsage
	}
	pos = append(pos, extra...)
	if len(pos) == 0 {
		fs.Usage()
		return exitUsage
	}
	cfg, err := opt.config()
	if err != nil {
		fmt.Fprintf(stderr, "pyc2go: %v\n", err)
		return exitUsage
	}
	status := exitOK
	for _, p := range pos {
		res, code := compileFile(p, cfg, stderr)
		if code != exitOK {
			status = code
			continue
		}
		bin, err := res.Build(cfg)
		if err != nil {
			status = report(err, stderr)
			continue
		}
		// Without --cases, FILE_cases.py beside FILE.py (if any) names the
		// inputs of the functions whose shapes generation cannot meet.
		c := *cases
		if c == "" {
			c = verify.CasesFile(p)
		}
		rep, err := verify.Run(res, bin, verify.Options{Python: *python, Cases: c, Seed: *seed, N: *n})
		if err != nil {
			status = report(err, stderr)
			continue
		}
		if len(pos) > 1 {
			fmt.Fprintf(stdout, "== %s\n", p)
		}
		rep.Write(stdout)
		if !rep.OK() {
			status = exitDiag
		}
	}
	return status
}
