package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/pyc2go/pyc2go/driver"
	"github.com/pyc2go/pyc2go/opt"
	"github.com/pyc2go/pyc2go/verify"
)

// body runs a command once its flags are parsed: pos are the positional
// arguments, extra what follows them (run's function arguments).
type body func(e *env, pos, extra []string) int

// command is one pyc2go subcommand. Its flags exist only in setup, so the
// help text, the flag parser and the flag-coverage tests see the same set.
type command struct {
	name    string
	args    string // the synopsis after "pyc2go NAME"
	summary string // one line for the command list
	doc     string // what it does; help prints it before the flags
	example string // worked examples; help prints them after the flags
	npos    int    // positional arguments before extra ones; -1: any number
	setup   func(fs *flag.FlagSet) body
}

// commands is in the order `pyc2go help` lists them.
var commands = []*command{compileCommand, checkCommand, runCommand, verifyCommand, versionCommand}

func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// jsonFlag is the --json of compile, check and verify.
func jsonFlag(fs *flag.FlagSet) *bool {
	return fs.Bool("json", false, "print diagnostics as JSON Lines on stderr, one object per diagnostic (schema in README.md)")
}

var compileCommand = &command{
	name:    "compile",
	args:    "[flags] FILE.py|DIR...",
	summary: "write Go source (stdout, -o FILE, or -o DIR for several files)",
	doc: `Compile translates Python kernels into Go source: one gofmt'd Go file per
Python file, importing only the standard library and
github.com/pyc2go/pyc2go/runtime.

With one FILE.py the Go source goes to stdout, or to -o FILE. With several
files, or a DIR (its *.py files, without subdirectories and CASES files),
-o names a directory (created if missing) that receives one NAME.go per
NAME.py; the files share one package, named by -pkg or else after the
directory. Every file that compiles is written; the exit status is 1 if
any file has diagnostics.

With --lang c, -o names a directory that receives, per NAME.py, NAME.h and
NAME.c (C11), plus the C runtime pyc2go.h and pyc2go_runtime.c to add to
the build: gcc -std=c11 -O3 -fopenmp NAME.c pyc2go_runtime.c -lm (README:
The C backend; without -fopenmp parallel loops run on one thread; kernels
that use np.random or np.linalg get their runtime's files too). Without
-o, one file's NAME.c goes to stdout.

With --lang python, -o names a directory that receives, per NAME.py, a
shared library libNAME.so built from the C backend's output and the C
runtime by the system C compiler (--cc, else $CC, else gcc; --cflags, else
$CFLAGS, replaces the default -O3 -fopenmp; -std=c11 -fPIC -shared are
always passed), and NAME_native.py, a ctypes + numpy module whose functions have
the original names and signatures (README: Calling compiled kernels from
Python). With --no-build the library is not built: DIR receives
NAME_native.py and the C files to build libNAME.so from instead.`,
	example: `pyc2go compile kernels.py                        # Go source on stdout
pyc2go compile -o kernels.go -pkg kernels kernels.py
pyc2go compile -o internal/kernels py/          # py/a.py, py/b.py -> internal/kernels/a.go, b.go
pyc2go compile --dump-ir=after:lower kernels.py   # the IR before any pass
pyc2go compile --remarks -o /dev/null kernels.py  # what each pass did or declined
pyc2go compile --json kernels.py 2>diags.jsonl    # diagnostics for an editor
pyc2go compile --lang c -o out kernels.py        # out/kernels.h, kernels.c and the C runtime
pyc2go compile --lang python -o out kernels.py   # out/kernels_native.py + out/libkernels.so
pyc2go compile --lang python --no-build -o out kernels.py   # out/kernels_native.py + the C to build libkernels.so from`,
	npos: -1,
	setup: func(fs *flag.FlagSet) body {
		of := optFlags{allowPython: true}
		of.register(fs)
		out := fs.String("o", "", "write the Go source to `FILE` (default stdout); a directory for several inputs or --lang python")
		cc := fs.String("cc", "", "--lang python: the C `compiler` (default $CC, else gcc)")
		var cflags optString
		fs.Var(&cflags, "cflags", "--lang python: C compiler `flags` replacing the default -O3 -fopenmp (default $CFLAGS); -std=c11 -fPIC -shared are always added")
		noBuild := fs.Bool("no-build", false, "--lang python: write the ctypes module and the C sources of its library (NAME.c, NAME.h, pyc2go.h, pyc2go_runtime.c) into -o DIR instead of building DIR/libNAME.so")
		pkg := fs.String("pkg", "", "Go package `NAME` (default: the file name, or the -o directory's name)")
		var dump dumpFlag
		fs.Var(&dump, "dump-ir", "print the IR (final, or after:PASS) to stdout")
		remarks := fs.Bool("remarks", false, "print what each optimisation pass did or declined to do, as FILE:LINE:COL: remark: lines on stderr")
		jsonOut := jsonFlag(fs)
		return func(e *env, pos, _ []string) int {
			if len(pos) == 0 {
				return e.usage("no input files")
			}
			cfg, err := of.config()
			if err != nil {
				return e.usage("%v", err)
			}
			if dump.set && dump.after != "" {
				cfg.Opt.DumpAfter, cfg.Opt.Dump = dump.after, e.stdout
				if err := cfg.Opt.Validate(); err != nil {
					return e.usage("--dump-ir=after:%s: %v", dump.after, err)
				}
			}
			rep := &reporter{e: e, json: *jsonOut}
			files, isDir, err := kernelFiles(pos)
			if err != nil {
				return rep.fail(pos[0], err)
			}
			if *noBuild && of.lang != "python" {
				return e.usage("--no-build is for --lang python (it leaves the library's build to the caller)")
			}
			if of.lang == "c" {
				return compileC(e, rep, files, *out, cfg, *remarks)
			}
			if of.lang == "python" {
				if *out == "" {
					return e.usage("--lang python needs -o DIR (the directory for the modules and their shared libraries)")
				}
				nc := driver.NativeConfig{CC: *cc}
				if cflags.set {
					nc.CFlags = strings.Fields(cflags.value)
				}
				if *noBuild {
					return writeNative(rep, files, *out, cfg, *remarks)
				}
				return compileNative(rep, files, *out, cfg, nc, *remarks)
			}
			st, statErr := os.Stat(*out)
			toDir := isDir || len(files) > 1 || strings.HasSuffix(*out, "/") || (statErr == nil && st.IsDir())
			if !toDir {
				return compileOne(e, rep, files[0], *out, *pkg, cfg, dump, *remarks)
			}
			if *out == "" && !dump.set {
				return e.usage("several inputs need -o DIR")
			}
			names := map[string]string{}
			for _, f := range files {
				name, err := goFileName(f)
				if err != nil {
					return e.usage("%v", err)
				}
				if prev, dup := names[name]; dup {
					return e.usage("%s and %s would both be written to %s", prev, f, name)
				}
				names[name] = f
			}
			if *pkg == "" && *out != "" {
				abs, err := filepath.Abs(*out)
				if err != nil {
					return rep.fail(*out, err)
				}
				*pkg = driver.PackageName(filepath.Base(abs) + ".py")
			}
			if *out != "" {
				if err := os.MkdirAll(*out, 0o755); err != nil {
					return rep.fail(*out, err)
				}
			}
			status := exitOK
			for _, f := range files {
				target := ""
				if *out != "" {
					name, _ := goFileName(f)
					target = filepath.Join(*out, name)
				}
				if code := compileOne(e, rep, f, target, *pkg, cfg, dump, *remarks); code != exitOK {
					status = code
				}
			}
			return status
		}
	},
}

// compileNative builds the native Python module of every file into dir,
// with a progress line on a terminal (the C build takes seconds).
func compileNative(rep *reporter, files []string, dir string, cfg driver.Config, nc driver.NativeConfig, remarks bool) int {
	prog := &progress{w: rep.e.stderr, on: rep.e.tty}
	rep.prog = prog
	defer prog.clear()
	status := exitOK
	for i, f := range files {
		prog.show("compile [%d/%d] %s: compiling", i+1, len(files), f)
		res, code := rep.compileFile(f, rep.withRemarks(cfg, f, remarks))
		if code == exitOK {
			prog.show("compile [%d/%d] %s: building the shared library", i+1, len(files), f)
			_, err := res.BuildPython(cfg, nc, dir)
			prog.clear()
			if err != nil {
				code = rep.fail(f, err)
			}
		}
		if code != exitOK {
			status = code
		}
	}
	return status
}

// writeNative is compileNative without the C compiler: it writes the
// ctypes module and the C sources of its library into dir.
func writeNative(rep *reporter, files []string, dir string, cfg driver.Config, remarks bool) int {
	status := exitOK
	for _, f := range files {
		res, code := rep.compileFile(f, rep.withRemarks(cfg, f, remarks))
		if code == exitOK {
			out, err := res.PythonFiles(cfg)
			if err == nil {
				err = writeFiles(dir, out)
			}
			if err != nil {
				code = rep.fail(f, err)
			}
		}
		if code != exitOK {
			status = code
		}
	}
	return status
}

// withRemarks is cfg reporting the passes' remarks on path when asked.
func (r *reporter) withRemarks(cfg driver.Config, path string, remarks bool) driver.Config {
	if remarks {
		cfg.Opt.Remarks = func(m opt.Remark) { r.remark(path, m) }
	}
	return cfg
}

// compileOne compiles path and writes its Go source to out ("" is stdout).
func compileOne(e *env, rep *reporter, path, out, pkg string, cfg driver.Config, dump dumpFlag, remarks bool) int {
	cfg.Package = pkg
	res, code := rep.compileFile(path, rep.withRemarks(cfg, path, remarks))
	if code != exitOK {
		return code
	}
	if dump.set && dump.after == "" {
		fmt.Fprint(e.stdout, res.IR())
	}
	if dump.set && out == "" {
		return exitOK
	}
	src, err := res.GoSource(cfg)
	if err != nil {
		return rep.fail(path, err)
	}
	if out == "" {
		e.stdout.Write(src)
		return exitOK
	}
	if err := os.WriteFile(out, src, 0o644); err != nil {
		return rep.fail(path, err)
	}
	return exitOK
}

var checkCommand = &command{
	name:    "check",
	args:    "[flags] FILE.py|DIR...",
	summary: "report diagnostics only",
	doc: `Check parses and type-checks Python kernels and reports every independent
error of each file, sorted, as FILE:LINE:COL: error: MESSAGE with the source
line and a caret (coloured when stderr is a terminal and NO_COLOR is unset).
A DIR stands for its *.py files, without subdirectories and CASES files.
Nothing is written on success.`,
	example: `pyc2go check kernels.py
pyc2go check py/ more.py
pyc2go check --json py/      # {"file":"py/k.py","line":5,"col":5,"severity":"error","message":"..."}`,
	npos: -1,
	setup: func(fs *flag.FlagSet) body {
		jsonOut := jsonFlag(fs)
		return func(e *env, pos, _ []string) int {
			if len(pos) == 0 {
				return e.usage("no input files")
			}
			rep := &reporter{e: e, json: *jsonOut}
			files, _, err := kernelFiles(pos)
			if err != nil {
				return rep.fail(pos[0], err)
			}
			status := exitOK
			for _, p := range files {
				if _, code := rep.compileFile(p, driver.Config{}); code != exitOK {
					status = code
				}
			}
			return status
		}
	},
}

var runCommand = &command{
	name:    "run",
	args:    "[flags] FILE.py FUNC [--] ARG...",
	summary: "compile, call FUNC once, print repr(result)",
	doc: `Run compiles FILE.py (the build is cached), calls FUNC with the given
arguments and prints the result exactly as CPython's print(repr(result))
would. Flags go before FUNC; everything after FUNC is an argument. Each ARG
is a Python literal (3, -2.5, True, 1+2j, float('inf'), nan) or, for an
array parameter, a .npy file or a nested list literal ("[[1, 2], [3, 4]]",
read as np.array with the parameter's dtype).

A Python exception raised by FUNC is printed on stderr in Python's format
(ZeroDivisionError: division by zero) with exit status 3.`,
	example: `pyc2go run kernels.py gcd -- -12 18                 # 6
pyc2go run --json --repeat 5 kernels.py gcd 12 18   # {"result": "6", "exception": null, "seconds": [...]}
pyc2go run --out out kernels.py axpy -- 2.0 x.npy y.npy   # out/result.npy, out/arg_1.npy, ...`,
	npos: 2,
	setup: func(fs *flag.FlagSet) body {
		var of optFlags
		of.register(fs)
		out := fs.String("out", "", "write results (result.npy, result_0.npy, ...) into `DIR`")
		repeat := fs.Int("repeat", 1, "call the function `N` times (for timing)")
		jsonOut := fs.Bool("json", false, "print a JSON object with result, exception and per-call seconds; diagnostics as JSON Lines on stderr")
		return func(e *env, pos, extra []string) int {
			if len(pos) != 2 {
				return e.usage("want FILE.py FUNC")
			}
			cfg, err := of.config()
			if err != nil {
				return e.usage("%v", err)
			}
			// A cold build takes seconds (the Go or C toolchain): say so on
			// a terminal, and erase it before the function's own output.
			prog := &progress{w: e.stderr, on: e.tty}
			rep := &reporter{e: e, json: *jsonOut, prog: prog}
			prog.show("run %s: compiling", pos[0])
			// Only FUNC and what it calls are compiled: an error elsewhere
			// in the file does not stop the run.
			res, code := rep.compileSome(pos[0], cfg, wantFunc(pos[1]))
			if code != exitOK {
				return code
			}
			prog.show("run %s: building (cached after the first time)", pos[0])
			bin, err := res.Build(cfg)
			prog.clear()
			if err != nil {
				return rep.fail(pos[0], err)
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
			cmd.Stdout, cmd.Stderr = e.stdout, e.stderr
			if err := cmd.Run(); err != nil {
				// The harness exits with the CLI's statuses (2 usage, 3 a
				// Python exception, 4 an internal error).
				var exit *exec.ExitError
				if errors.As(err, &exit) {
					return exit.ExitCode()
				}
				return rep.fail(pos[0], err)
			}
			return exitOK
		}
	},
}

var verifyCommand = &command{
	name:    "verify",
	args:    "[flags] FILE.py|DIR...",
	summary: "compare compiled results with CPython + numpy",
	doc: `Verify calls every public function (name not starting with _) in CPython
and in the compiled code on the same inputs and compares the results: the
same exception class and message, or the same repr (bit-identical floats;
a relative tolerance of 1e-9 where a transcendental function is involved).
It prints PASS name: N cases, ... or FAIL with the first mismatching calls,
and exits 1 on any mismatch.

Inputs are generated from the parameter types (seeded), or come from
CASES = [(func_name, args_factory), ...] in CASES.py (default: FILE_cases.py
beside FILE.py), where args_factory(rng) returns the argument tuple; -n
is both the number of generated cases per function and the number of
draws of each CASES entry (each with a fresh rng; repeats run once).
Integer parameters used as sizes or indices get mostly valid values. A DIR
stands for its kernels. On a terminal a progress line on stderr shows
which file and phase is running.`,
	example: `pyc2go verify kernels.py
pyc2go verify -n 200 --seed 7 py/
pyc2go verify --cases my_cases.py --python /usr/bin/python3 kernels.py`,
	npos: -1,
	setup: func(fs *flag.FlagSet) body {
		of := optFlags{allowAll: true}
		of.register(fs)
		cases := fs.String("cases", "", "take inputs from `CASES.py` (CASES = [(func_name, args_factory), ...]); default FILE_cases.py beside FILE.py if present")
		python := fs.String("python", "", "reference interpreter (default $PYC2GO_PYTHON, else a python3 with numpy)")
		seed := fs.Int64("seed", 1, "input generation seed")
		n := fs.Int("n", 40, "generated cases per function, and draws per CASES entry")
		jsonOut := jsonFlag(fs)
		return func(e *env, pos, _ []string) int {
			if len(pos) == 0 {
				return e.usage("no input files")
			}
			cfg, err := of.config()
			if err != nil {
				return e.usage("%v", err)
			}
			prog := &progress{w: e.stderr, on: e.tty}
			rep := &reporter{e: e, json: *jsonOut, prog: prog}
			files, isDir, err := kernelFiles(pos)
			if err != nil {
				return rep.fail(pos[0], err)
			}
			defer prog.clear()
			status := exitOK
			langs := []string{cfg.Lang}
			if of.lang == "all" {
				langs = []string{"go", "c"}
			}
			for i, p := range files {
				show := func(name, what string) { prog.show("verify [%d/%d] %s: %s", i+1, len(files), name, what) }
				show(p, "compiling")
				// The IR does not depend on the backend: one compile (and
				// its diagnostics, once) serves every language.
				res, code := rep.compileSome(p, cfg, nil)
				if code != exitOK {
					status = code
				}
				if res == nil {
					continue
				}
				// Without --cases, FILE_cases.py beside FILE.py (if any) names the
				// inputs of the functions whose shapes generation cannot meet.
				c := *cases
				if c == "" {
					c = verify.CasesFile(p)
				}
				for _, lang := range langs {
					cfg.Lang = lang
					name := p
					if len(langs) > 1 {
						name += " (" + lang + ")"
					}
					show(name, "building")
					bin, err := res.Build(cfg)
					if err != nil {
						status = rep.fail(p, err)
						continue
					}
					show(name, "running CPython and the compiled code")
					r, err := verify.Run(res, bin, verify.Options{Python: *python, Cases: c, Seed: *seed, N: *n, CaseDraws: *n, FastMath: of.fast})
					prog.clear()
					if err != nil {
						status = rep.fail(p, err)
						continue
					}
					switch {
					case len(langs) > 1:
						fmt.Fprintf(e.stdout, "== %s (%s backend)\n", p, lang)
					case len(files) > 1 || isDir:
						fmt.Fprintf(e.stdout, "== %s\n", p)
					}
					r.Write(e.stdout)
					for _, name := range res.Skipped {
						if strings.HasPrefix(name, "_") {
							continue // helpers are not verified anyway
						}
						fmt.Fprintf(e.stdout, "SKIP %s: does not compile (diagnostics on stderr)\n", name)
					}
					rep.mismatches(res, r)
					if !r.OK() {
						status = exitDiag
					}
				}
			}
			return status
		}
	},
}

// wantFunc selects, for driver.CompileSome, the Python function that `run
// FILE FUNC` calls: FUNC itself, or NAME for FUNC = NAME_2, NAME_3, ...
// (the overloads and specialisations of NAME).
func wantFunc(fn string) func(string) bool {
	return func(name string) bool {
		if name == fn {
			return true
		}
		rest, ok := strings.CutPrefix(fn, name+"_")
		if !ok || rest == "" {
			return false
		}
		for _, r := range rest {
			if r < '0' || r > '9' {
				return false
			}
		}
		return true
	}
}

var versionCommand = &command{
	name:    "version",
	args:    "",
	summary: "print pyc2go's version",
	doc: `Version prints "pyc2go VERSION": the module version when pyc2go was
installed with go install MODULE@VERSION, else "devel" for a build from
a source checkout.`,
	example: `pyc2go version`,
	npos:    -1,
	setup: func(fs *flag.FlagSet) body {
		return func(e *env, pos, _ []string) int {
			if len(pos) != 0 {
				return e.usage("no arguments expected")
			}
			fmt.Fprintf(e.stdout, "pyc2go %s\n", buildVersion())
			return exitOK
		}
	},
}
