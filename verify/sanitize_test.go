package verify_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/driver"
	"github.com/pyc2go/pyc2go/emit/pyctypes"
	"github.com/pyc2go/pyc2go/verify"
)

// sanitizeFlags build the corpus for the sanitizer run: every report
// aborts the process (-fno-sanitize-recover=all), so a run with a report
// cannot pass. float-cast-overflow (a float converted to an integer type
// that cannot hold it) is undefined behaviour gcc leaves out of
// -fsanitize=undefined.
var sanitizeFlags = []string{"-O1", "-g", "-fopenmp", "-fno-omit-frame-pointer", "-fsanitize=address,undefined,float-cast-overflow", "-fno-sanitize-recover=all"}

// sanitizer returns the C configuration and the interpreter environment
// of the sanitizer run, or skips t unless PYC2GO_SANITIZE=1 (CI sets it
// for one extra `go test -run`, keeping `go test ./...` fast). A library
// built with ASan is loaded into a Python that was not, so the ASan
// runtime has to be preloaded; leak detection is off because CPython
// itself never frees everything at exit (freeing results is covered by
// their numpy arrays' lifetimes, not by this run). A request larger than
// the machine makes calloc return NULL, as glibc's does, where ASan would
// abort: the refusal is what arrays/alloc_limits.py checks (numpy's
// MemoryError).
func sanitizer(t *testing.T) (driver.NativeConfig, []string) {
	t.Helper()
	if os.Getenv("PYC2GO_SANITIZE") != "1" {
		t.Skip("set PYC2GO_SANITIZE=1 (as .ci/run does) to build the C corpus with -fsanitize=address,undefined and run it")
	}
	nc := needCC(t)
	nc.CFlags = sanitizeFlags
	out, err := exec.Command(nc.CC, "-print-file-name=libasan.so").Output()
	lib := strings.TrimSpace(string(out))
	if err != nil || !filepath.IsAbs(lib) {
		t.Fatalf("%s -print-file-name=libasan.so: %q, %v: the sanitizer run needs gcc's ASan runtime (Debian: apt-get install -y gcc, which brings libasan8)", nc.CC, lib, err)
	}
	return nc, []string{
		"LD_PRELOAD=" + lib,
		"ASAN_OPTIONS=detect_leaks=0:halt_on_error=1:abort_on_error=0:allocator_may_return_null=1",
		"UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1",
	}
}

// TestNativeSanitize runs TestNativeCorpus's comparison once more on a
// build with AddressSanitizer and UndefinedBehaviorSanitizer: a report
// kills the harness, which fails the case's file.
func TestNativeSanitize(t *testing.T) {
	nc, env := sanitizer(t)
	for _, path := range corpusFiles(t) {
		name := strings.TrimPrefix(filepath.ToSlash(path), "../testdata/py/")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			nativeRun(t, path, name, nc, env, 6, false)
		})
	}
}

// brokenKernel is a kernel whose C side is written by hand below, with a
// bug the sanitizers must report.
const brokenKernel = "def f(n: int) -> int:\n    return n\n"

// TestSanitizerCatches proves the sanitizer run can fail: C code with an
// out-of-bounds heap write (which UBSan's object-size check or ASan
// reports, whichever sees it first), and one with signed overflow,
// compiled with the same flags and run by the same harness, make
// verification fail with the sanitizer's report.
func TestSanitizerCatches(t *testing.T) {
	nc, env := sanitizer(t)
	py, err := verify.FindPython("")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, body, report string }{
		{"heap overflow", "int64_t *p = malloc(4 * sizeof *p); p[4] = n; *out = p[0]; free(p);", `AddressSanitizer: heap-buffer-overflow|runtime error: store to address .* with insufficient space`},
		{"signed overflow", "*out = n + INT64_MAX;", `runtime error: signed integer overflow`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "broken.py")
			if err := os.WriteFile(path, []byte(brokenKernel), 0o644); err != nil {
				t.Fatal(err)
			}
			res, err := driver.Compile(path, []byte(brokenKernel), driver.Config{})
			if err != nil {
				t.Fatal(err)
			}
			c := "#include <stdint.h>\n#include <stdlib.h>\n" +
				"typedef struct { char exc[32]; char msg[512]; const char *file; int line; const char *func; } pyc2go_error;\n" +
				"void pyc2go_free_owner(void *p) { free(p); }\n" +
				"int broken_f(int64_t n, int64_t *out, pyc2go_error *err) { (void)err; " + tt.body + " return 0; }\n"
			names := driver.NativeNamesFor(path)
			if err := driver.CompileShared(map[string][]byte{"broken.c": []byte(c)}, nc, filepath.Join(dir, names.Library)); err != nil {
				t.Fatal(err)
			}
			mod, err := pyctypes.File(res.Module, pyctypes.Config{Prefix: names.Prefix, Library: names.Library, Free: "pyc2go_free_owner"})
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, names.Module+".py"), mod, 0o644); err != nil {
				t.Fatal(err)
			}
			n := verify.Native{Python: py, ModDir: dir, Module: names.Module, Env: env}
			bin, err := n.Harness(res.Module, t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			rep, err := verify.Run(res, bin, verify.Options{Seed: 1, N: 4})
			switch {
			case err == nil:
				var b strings.Builder
				rep.Write(&b)
				t.Fatalf("the sanitizer run passed C code with a %s:\n%s", tt.name, b.String())
			case !regexp.MustCompile(tt.report).MatchString(err.Error()):
				t.Fatalf("the run failed without the sanitizer's report %q:\n%v", tt.report, err)
			}
		})
	}
}
