package driver

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/runtime"
	cruntime "github.com/pyc2go/pyc2go/runtime/c"
	"github.com/pyc2go/pyc2go/runtime/linalg"
)

// TestGonumPinned checks that the gonum release builds require is the one
// this module requires, with the same go.sum lines.
func TestGonumPinned(t *testing.T) {
	mod, err := os.ReadFile(filepath.Join("..", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(mod), GonumModule+" "+GonumVersion) {
		t.Errorf("go.mod does not require %s %s", GonumModule, GonumVersion)
	}
	sum, err := os.ReadFile(filepath.Join("..", "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(gonumSum), "\n") {
		if !strings.Contains(string(sum), line+"\n") {
			t.Errorf("go.sum lacks %q", line)
		}
	}
}

// det22 is the matrix the build tests take the determinant of.
var det22 = []float64{1, 2, 3, 4}

// TestLinalgGoBuild builds, the way run and verify build kernels (offline,
// GOPROXY=off), a program whose kernel package imports runtime/linalg,
// and checks it computes what the linalg package computes in this process.
func TestLinalgGoBuild(t *testing.T) {
	kernel := `package kernels

import (
	"github.com/pyc2go/pyc2go/runtime"
	"github.com/pyc2go/pyc2go/runtime/linalg"
)

func Det(data []float64) float64 {
	d, err := linalg.Det(runtime.FromSlice(data, 2, 2))
	if err != nil {
		panic(err)
	}
	return d.Data[0]
}
`
	main := `package main

import (
	"fmt"

	"pyc2gobuild/kernels"
)

func main() { fmt.Println(kernels.Det([]float64{1, 2, 3, 4})) }
`
	files, err := moduleFiles(map[string][]byte{"kernels/kernels.go": []byte(kernel), "main.go": []byte(main)})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := files["go.sum"]; !ok {
		t.Fatal("a build importing runtime/linalg got no go.sum for gonum")
	}
	bin, err := buildCached(files, "")
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin).Output()
	if err != nil {
		t.Fatal(err)
	}
	want, err := linalg.Det(runtime.FromSlice(append([]float64(nil), det22...), 2, 2))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(string(out)); got != fmt.Sprint(want.Data[0]) {
		t.Errorf("built program printed %s, linalg.Det gives %v", got, want.Data[0])
	}
	// A build that does not import linalg needs no gonum.
	plain, err := moduleFiles(map[string][]byte{"kernels/kernels.go": []byte("package kernels\n")})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := plain["go.sum"]; ok || strings.Contains(string(plain["pyc2go/go.mod"]), "gonum") {
		t.Error("a build without runtime/linalg requires gonum")
	}
}

// TestLinalgCBuild builds a cgo program over package crt with the linalg
// runtime, as buildC does for kernels that include pyc2go_linalg.h, and
// checks its determinant against numpy's: bit for bit, since both call
// the same LAPACK.
func TestLinalgCBuild(t *testing.T) {
	if _, err := exec.LookPath(CC()); err != nil {
		t.Skipf("no C compiler %s", CC())
	}
	rt := cruntime.Files()
	for name, data := range cruntime.LinalgFiles() {
		rt[name] = data
	}
	files := crtFiles(rt)
	if !strings.Contains(string(files["crt/crt.go"]), "-llapacke -lopenblas") {
		t.Fatalf("crt.go does not link the linalg libraries:\n%s", files["crt/crt.go"])
	}
	files["main.go"] = []byte(`package main

/*
#cgo CFLAGS: -std=c11 -I${SRCDIR}/crt
#include <stdio.h>
#include "pyc2go_linalg.h"
static double det(void) {
	double data[4] = {1, 2, 3, 4};
	pyc2go_array_float64 a = {data, 0, 2, {2, 2}, {2, 1}, NULL}, d;
	pyc2go_pool pool = {0};
	pyc2go_error err;
	double r = pyc2go_linalg_det_float64(&pool, &a, &d, &err) ? -1 : d.data[0];
	pyc2go_pool_free(&pool);
	return r;
}
*/
import "C"

import (
	"fmt"

	_ "pyc2gobuild/crt"
)

func main() { fmt.Println(float64(C.det())) }
`)
	files, err := moduleFiles(files)
	if err != nil {
		t.Fatal(err)
	}
	bin, err := buildCached(files, CC())
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin).Output()
	if err != nil {
		t.Fatal(err)
	}
	py, err := exec.Command("/usr/bin/python3", "-c", "import numpy as np; print(repr(float(np.linalg.det(np.array([[1., 2.], [3., 4.]])))))").Output()
	if err != nil {
		t.Fatalf("numpy: %v", err)
	}
	if got, want := strings.TrimSpace(string(out)), strings.TrimSpace(string(py)); got != want {
		t.Errorf("C det = %s, numpy %s", got, want)
	}
}

// TestLinalgNativeLibs checks that the native module's build links the
// linalg libraries exactly when the linalg runtime is among its files.
func TestLinalgNativeLibs(t *testing.T) {
	if _, err := exec.LookPath(CC()); err != nil {
		t.Skipf("no C compiler %s", CC())
	}
	files := cruntime.Files()
	for name, data := range cruntime.LinalgFiles() {
		files[name] = data
	}
	lib := filepath.Join(t.TempDir(), "liblinalg.so")
	if err := CompileShared(files, ResolveNative(NativeConfig{CFlags: []string{"-O2"}}), lib); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("ldd", lib).CombinedOutput()
	if err != nil {
		t.Skipf("ldd: %v", err)
	}
	for _, want := range []string{"liblapacke", "libopenblas"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("%s does not link %s:\n%s", lib, want, out)
		}
	}
}
