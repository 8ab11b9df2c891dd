package verify

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// The reference cache. The corpus tests verify every kernel file several
// times with the same inputs: at -O0 and -O2, through the Go backend, the
// C backend built by gcc and by clang, the native module, with 1, 2 and 3
// workers. Each verification used to run CPython again, and the
// reference run (pure-Python loops over arrays of thousands of elements)
// is the slowest part of the suite. With Options.RefCache set, a
// reference run is stored under a key made of everything that decides its
// outcome, and a later run with the same key copies the stored reply and
// .npy files instead of starting CPython:
//
//   - ref.py itself and the request (seed, case counts, timeout, the
//     functions and their parameter types), with the kernel and CASES
//     files by content, not by path;
//   - the interpreter: its path, and the version and location of the
//     numpy it imports (asked once per process).
//
// A reply with a case that timed out is not stored: a timeout depends on
// the machine's load, not only on the key. Entries are directories
// written whole and renamed into place, so a concurrent reader sees a
// complete entry or none, and a lock file per key makes a second process
// that needs the same run wait for the first instead of running CPython
// too; entries (and lock files) unused for refCacheTTL are deleted.

// refCacheTTL is how long an unused entry stays.
const refCacheTTL = 7 * 24 * time.Hour

// workdirToken stands for the work directory in a stored reply.
const workdirToken = "@PYC2GO_WORKDIR@"

var pythonIdentity = struct {
	sync.Mutex
	m map[string]string
}{m: map[string]string{}}

// interpreterID identifies py and the numpy it imports.
func interpreterID(py string) (string, error) {
	pythonIdentity.Lock()
	defer pythonIdentity.Unlock()
	if id, ok := pythonIdentity.m[py]; ok {
		return id, nil
	}
	out, err := exec.Command(py, "-I", "-c", "import sys, numpy; print(sys.version, numpy.__version__, numpy.__file__)").Output()
	if err != nil {
		return "", fmt.Errorf("verify: %s: %v", py, err)
	}
	id := py + "\n" + string(out)
	pythonIdentity.m[py] = id
	return id, nil
}

// refKey is the cache key of a reference request: req with the kernel
// and CASES files replaced by their contents and the work directory left
// out.
func refKey(py string, req map[string]any) (string, error) {
	id, err := interpreterID(py)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	fmt.Fprintf(h, "%d\n%s\n%s\n", len(refScript), refScript, id)
	keyed := map[string]any{}
	for k, v := range req {
		switch k {
		case "workdir":
			continue
		case "kernel", "cases":
			src, err := os.ReadFile(v.(string))
			if err != nil {
				return "", err
			}
			sum := sha256.Sum256(src)
			v = hex.EncodeToString(sum[:])
		}
		keyed[k] = v
	}
	b, err := json.Marshal(keyed) // maps marshal in key order
	if err != nil {
		return "", err
	}
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil)), nil
}

// refCacheLoad copies the entry key of cache into dir and returns its
// reply, or nil when there is no entry.
func refCacheLoad(cache, key, dir string) ([]byte, error) {
	entry := filepath.Join(cache, key)
	reply, err := os.ReadFile(filepath.Join(entry, "reply.json"))
	if err != nil {
		return nil, nil // a miss (or an entry being written)
	}
	if err := copyTree(filepath.Join(entry, "work"), dir); err != nil {
		return nil, err
	}
	now := time.Now()
	os.Chtimes(entry, now, now) // keeps a used entry from expiring
	return bytes.ReplaceAll(reply, []byte(workdirToken), []byte(dir)), nil
}

// refCacheStore stores the reply of a reference run whose files are in dir.
func refCacheStore(cache, key, dir string, reply []byte) error {
	if err := os.MkdirAll(cache, 0o755); err != nil {
		return err
	}
	pruneRefCache(cache)
	tmp, err := os.MkdirTemp(cache, "tmp-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if err := copyTree(dir, filepath.Join(tmp, "work")); err != nil {
		return err
	}
	stored := bytes.ReplaceAll(reply, []byte(dir), []byte(workdirToken))
	if err := os.WriteFile(filepath.Join(tmp, "reply.json"), stored, 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp, filepath.Join(cache, key)); err != nil && !os.IsExist(err) {
		if _, statErr := os.Stat(filepath.Join(cache, key, "reply.json")); statErr != nil {
			return err
		}
		// another process stored the same entry first
	}
	return nil
}

var pruneOnce sync.Once

// pruneRefCache deletes, once per process, the entries unused for
// refCacheTTL and the leftovers of interrupted stores.
func pruneRefCache(cache string) {
	pruneOnce.Do(func() {
		entries, err := os.ReadDir(cache)
		if err != nil {
			return
		}
		for _, e := range entries {
			info, err := e.Info()
			if err == nil && time.Since(info.ModTime()) > refCacheTTL {
				os.RemoveAll(filepath.Join(cache, e.Name()))
			}
		}
	})
}

// copyTree copies the regular files under src into dst, except ref.py
// (the script, which runReference writes anew).
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		case rel == "ref.py" || !d.Type().IsRegular() || strings.HasPrefix(d.Name(), "."):
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}
