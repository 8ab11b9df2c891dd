package driver

import (
	"errors"
	"fmt"
	"path/filepath"

	emitgo "github.com/pyc2go/pyc2go/emit/go"
)

// BuildBench builds the modules into one program that serves all their
// exported functions through harness.BenchMain, the timing protocol of
// bench/peers (one process times every kernel), and returns the path of
// the executable. Each module is generated as for Build with cfg (Lang
// must be Go); builds are cached as Build's are.
func BuildBench(results []*Result, cfg Config) (string, error) {
	if cfg.Lang != "" && cfg.Lang != "go" {
		return "", fmt.Errorf("BuildBench builds Go programs, not %q", cfg.Lang)
	}
	if len(results) == 0 {
		return "", errors.New("BuildBench: no modules")
	}
	files := map[string][]byte{}
	var mods []emitgo.BenchModule
	for i, r := range results {
		dir := fmt.Sprintf("m%d", i)
		c := cfg
		c.Package = dir
		code, err := r.GoSource(c)
		if err != nil {
			return "", err
		}
		kernels := "pyc2gobuild/" + dir
		funcs, err := emitgo.Funcs(r.Module, kernels, emitgo.Config{Package: "funcs", Source: filepath.Base(r.Path)})
		if err != nil {
			return "", err
		}
		files[dir+"/kernels.go"] = code
		files[dir+"/funcs/funcs.go"] = funcs
		mods = append(mods, emitgo.BenchModule{File: filepath.Base(r.Path), FuncsImport: kernels + "/funcs"})
	}
	main, err := emitgo.BenchMain(mods)
	if err != nil {
		return "", err
	}
	files["main.go"] = main
	if files, err = moduleFiles(files); err != nil {
		return "", err
	}
	return buildCached(files, "")
}
