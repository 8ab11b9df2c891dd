package opt

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/pyc2go/pyc2go/driver"
	"github.com/pyc2go/pyc2go/opt"
)

// pinnedCache is the --cache of the go:generate lines in o0/ and o2/.
var pinnedCache = opt.CacheSizes{L1: 32 << 10, L2: 512 << 10, L3: 32 << 20}

// TestGeneratedUpToDate checks that o0/kernels.go and o2/kernels.go are
// what the compiler produces now from kernels.py (run go generate
// ./bench/opt/... when it fails): a stale file would benchmark yesterday's
// optimizer.
func TestGeneratedUpToDate(t *testing.T) {
	src, err := os.ReadFile("kernels.py")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		dir string
		opt int
	}{{"o0", 0}, {"o2", 2}} {
		cfg := driver.Config{Opt: opt.Config{OptLevel: c.opt, Cache: pinnedCache}, Package: c.dir}
		// The path as the go:generate line spells it, so that comments
		// and line directives agree.
		res, err := driver.Compile(filepath.Join("..", "kernels.py"), src, cfg)
		if err != nil {
			t.Fatal(err)
		}
		got, err := res.GoSource(cfg)
		if err != nil {
			t.Fatal(err)
		}
		committed, err := os.ReadFile(filepath.Join(c.dir, "kernels.go"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, committed) {
			t.Errorf("bench/opt/%s/kernels.go is stale: run go generate ./bench/opt/...", c.dir)
		}
	}
}

// TestGenerateLinesPinCache keeps pinnedCache and the go:generate lines in
// step.
func TestGenerateLinesPinCache(t *testing.T) {
	for _, dir := range []string{"o0", "o2"} {
		b, err := os.ReadFile(filepath.Join(dir, "gen.go"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(b, []byte("--cache="+pinnedCache.String()+" ")) {
			t.Errorf("%s/gen.go does not pin --cache=%s", dir, pinnedCache)
		}
	}
}
