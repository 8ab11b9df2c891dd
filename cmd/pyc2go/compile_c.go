package main

import (
	"maps"
	"os"
	"path/filepath"
	"slices"

	"github.com/pyc2go/pyc2go/driver"
)

// compileC is `compile --lang c`: -o names a directory that receives
// NAME.h and NAME.c per input and the runtime they need (see
// driver.Result.CFiles); without -o,
// one input's C source goes to stdout.
func compileC(e *env, rep *reporter, files []string, dir string, cfg driver.Config, remarks bool) int {
	if dir == "" && len(files) != 1 {
		return e.usage("--lang c with several inputs needs -o DIR")
	}
	status := exitOK
	for _, f := range files {
		res, code := rep.compileFile(f, rep.withRemarks(cfg, f, remarks))
		if code != exitOK {
			status = code
			continue
		}
		cfiles, out, err := res.CFiles(cfg)
		if err != nil {
			status = rep.fail(f, err)
			continue
		}
		if dir == "" {
			e.stdout.Write(out.Source)
			continue
		}
		if err := writeFiles(dir, cfiles); err != nil {
			return rep.fail(f, err)
		}
	}
	return status
}

// writeFiles writes files (name -> contents) into dir, creating it.
func writeFiles(dir string, files map[string][]byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if err := os.WriteFile(filepath.Join(dir, name), files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}
