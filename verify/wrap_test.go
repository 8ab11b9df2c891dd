package verify_test

import (
	"math/big"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/driver"
	"github.com/pyc2go/pyc2go/opt"
	"github.com/pyc2go/pyc2go/verify"
)

// TestInt64Wraparound pins the documented deviation at the int64 edge:
// where CPython's int grows past 64 bits, compiled code wraps around in
// two's complement (like numpy's int64), and the result is exactly
// CPython's value reduced modulo 2**64.
func TestInt64Wraparound(t *testing.T) {
	py, err := verify.FindPython("")
	if err != nil {
		t.Fatalf("%v (apt-get install -y python3-numpy)", err)
	}
	const path = "../testdata/py/scalar/type_cases.py"
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := driver.Compile(path, src, driver.Config{Opt: opt.Config{OptLevel: 2}})
	if err != nil {
		t.Fatal(err)
	}
	bin, err := res.Build(driver.Config{Opt: opt.Config{OptLevel: 2}})
	if err != nil {
		t.Fatal(err)
	}
	for _, arg := range []string{"3074457345618258603", "-3074457345618258603", "9223372036854775807", "-9223372036854775808"} {
		out, err := exec.Command(bin, "call", "int_edge", "--", arg).Output()
		if err != nil {
			t.Fatalf("int_edge(%s): %v", arg, err)
		}
		got := strings.TrimSpace(string(out))
		ref, err := exec.Command(py, "-c", "import importlib.util as u, sys; s = u.spec_from_file_location('k', sys.argv[1]); m = u.module_from_spec(s); s.loader.exec_module(m); print(m.int_edge(int(sys.argv[2])))", path, arg).Output()
		if err != nil {
			t.Fatalf("python int_edge(%s): %v", arg, err)
		}
		want, _ := new(big.Int).SetString(strings.TrimSpace(string(ref)), 10)
		// Reduce into [-2**63, 2**63).
		mod := new(big.Int).Lsh(big.NewInt(1), 64)
		half := new(big.Int).Lsh(big.NewInt(1), 63)
		want.Add(want, half).Mod(want, mod).Sub(want, half)
		if got != want.String() {
			t.Errorf("int_edge(%s) = %s, want CPython's %s wrapped to %s", arg, got, strings.TrimSpace(string(ref)), want)
		}
		if strings.TrimSpace(string(ref)) == got {
			t.Errorf("int_edge(%s) did not overflow: pick a larger input", arg)
		}
	}
}
