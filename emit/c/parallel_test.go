package emitc_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/driver"
	emitc "github.com/pyc2go/pyc2go/emit/c"
	"github.com/pyc2go/pyc2go/internal/corpus"
	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/opt"
	cruntime "github.com/pyc2go/pyc2go/runtime/c"
)

// sharedInChunk matches what a chunk of a parallel loop must never use:
// the function's fail label (a jump out of an OpenMP region), its pool
// and its error struct (shared by every thread). The one use of err a
// chunk makes is handing its own error over in pyc2go_par_fail.
var sharedInChunk = regexp.MustCompile(`goto fail;|&pool\b|[(,] ?err[,)]`)

// TestParallelChunkScope checks, over the whole corpus, that the code of
// every chunk of every parallel loop raises into its own error, allocates
// in its own pool and jumps to its own label: a slip would be a data race
// or, under -fopenmp, "invalid branch to/from OpenMP structured block".
func TestParallelChunkScope(t *testing.T) {
	files, err := corpus.Kernels("../../testdata/py")
	if err != nil {
		t.Fatal(err)
	}
	chunks := 0
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		res, err := driver.Compile(path, src, driver.Config{Opt: opt.Config{OptLevel: 2}})
		if err != nil {
			t.Fatal(err)
		}
		out, err := emitc.File(res.Module, emitc.Config{})
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(out.Source), "\n")
		for i := 0; i < len(lines); i++ {
			if !strings.Contains(lines[i], `PYC2GO_OMP("omp parallel for`) {
				continue
			}
			chunks++
			indent := lines[i][:len(lines[i])-len(strings.TrimLeft(lines[i], "\t"))]
			j := i + 2
			for ; j < len(lines) && lines[j] != indent+"}"; j++ {
				l := lines[j]
				if strings.Contains(l, "pyc2go_par_fail(") {
					continue
				}
				if m := sharedInChunk.FindString(l); m != "" {
					t.Errorf("%s:%d: chunk code uses the function's %q:\n%s", out.SourceName, j+1, m, l)
				}
			}
			i = j
		}
	}
	if chunks < 5 {
		t.Errorf("found %d parallel loops in the corpus' C, want the parallel kernels' (at least 5)", chunks)
	}
}

// TestOpenMPThreads runs a parallel kernel from a C program built with and
// without -fopenmp, and counts the process's threads afterwards (libgomp
// keeps its team alive): PYC2GO_WORKERS=2 must have used two, =1 one, and
// a build without OpenMP one, with the same result every time; with
// gcc's libgomp and clang's libomp. A forked child then runs the kernel
// again and must finish with the same result: libgomp's pool does not
// survive fork (pyc2go_team_owner).
func TestOpenMPThreads(t *testing.T) {
	if _, err := os.Stat("/proc/self/task"); err != nil {
		t.Skip("no /proc/self/task to count threads in")
	}
	for _, name := range testCompilers() {
		t.Run(name, func(t *testing.T) { openMPThreads(t, needCC(t, name)) })
	}
}

func openMPThreads(t *testing.T, cc string) {
	const py = `from numba import prange


def total(x: "int64[:]") -> int:
    s = 0
    for i in prange(x.shape[0]):
        s += x[i] * (i % 7)
    return s
`
	const mainC = `#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include "par.h"

static int threads(void) {
	int n = 0;
	DIR *d = opendir("/proc/self/task");
	for (struct dirent *e; d && (e = readdir(d));)
		n += e->d_name[0] != '.';
	if (d) closedir(d);
	return n;
}

int main(void) {
	enum { N = 1 << 16 };
	int64_t *buf = malloc(sizeof(int64_t) * N);
	for (int i = 0; i < N; i++) buf[i] = (int64_t)i * 31 - 7;
	pyc2go_array_int64 a = {0};
	a.data = buf; a.ndim = 1; a.shape[0] = N; a.strides[0] = 1;
	int64_t got = 0;
	pyc2go_error err;
	if (par_total(&a, &got, &err)) { printf("raised %s\n", err.exc); return 1; }
	int n = threads();
	/* A forked child runs the loop again (as Python's multiprocessing
	 * would); SIGALRM ends it if it waits for its parent's threads. */
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		alarm(20);
		int64_t again = 0;
		_exit(par_total(&a, &again, &err) || again != got ? 1 : 0);
	}
	int st = 0;
	waitpid(pid, &st, 0);
	printf("%lld %d %d\n", (long long)got, n, WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
	free(buf);
	return 0;
}
`
	dir := t.TempDir()
	src := filepath.Join(dir, "par.py")
	res, err := driver.Compile(src, []byte(py), driver.Config{Opt: opt.Config{OptLevel: 2}})
	if err != nil {
		t.Fatal(err)
	}
	out, err := emitc.File(res.Module, emitc.Config{})
	if err != nil {
		t.Fatal(err)
	}
	files := cruntime.Files()
	files[out.HeaderName], files[out.SourceName], files["main.c"] = out.Header, out.Source, []byte(mainC)
	writeFiles(t, dir, files)
	build := func(name string, extra ...string) string {
		args := append(append([]string{"-std=c11", "-O2", "-Wall", "-Wextra", "-Werror"}, extra...),
			"-o", name, "main.c", out.SourceName, cruntime.Runtime, "-lm")
		cmd := exec.Command(cc, args...)
		cmd.Dir = dir
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s %s: %v\n%s", cc, strings.Join(args, " "), err, msg)
		}
		return filepath.Join(dir, name)
	}
	run := func(bin, workers string) (result, threads string) {
		t.Helper()
		cmd := exec.Command(bin)
		cmd.Env = append(os.Environ(), "PYC2GO_WORKERS="+workers)
		b, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", bin, err, b)
		}
		f := strings.Fields(string(b))
		if len(f) != 3 {
			t.Fatalf("%s printed %q", bin, b)
		}
		if f[2] != "0" {
			t.Errorf("%s with PYC2GO_WORKERS=%s: the forked child's run ended with status %s (142: hung until SIGALRM)", filepath.Base(bin), workers, f[2])
		}
		return f[0], f[1]
	}
	omp, seq := build("omp", "-fopenmp"), build("seq")
	want, _ := run(seq, "2")
	for _, c := range []struct{ bin, workers, threads string }{
		{omp, "2", "2"}, {omp, "1", "1"}, {seq, "2", "1"},
	} {
		got, n := run(c.bin, c.workers)
		if got != want || n != c.threads {
			t.Errorf("%s with PYC2GO_WORKERS=%s: result %s on %s threads, want %s on %s", filepath.Base(c.bin), c.workers, got, n, want, c.threads)
		}
	}
}

// TestMaxChunks: the partials of a parallel loop live in an ir.Buffer of
// ir.MaxChunks slots, one per chunk, so pyc2go_chunks must never return
// more.
func TestMaxChunks(t *testing.T) {
	h := string(cruntime.Files()[cruntime.Header])
	want := fmt.Sprintf("#define PYC2GO_MAX_CHUNKS %d\n", ir.MaxChunks)
	if !strings.Contains(h, want) {
		t.Errorf("%s does not say %q", cruntime.Header, strings.TrimSpace(want))
	}
}
