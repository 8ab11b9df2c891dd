//go:build unix

package verify

import (
	"os"
	"syscall"
)

// lockKey takes an exclusive lock on path (created if missing), waiting
// for another process holding it: two test processes that need the same
// reference run then run CPython once, the second reading the first's
// entry. It returns the unlock function.
func lockKey(path string) (func(), error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
