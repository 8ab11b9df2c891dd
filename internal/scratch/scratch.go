// Package scratch chooses where pyc2go puts files that live for one
// command: verify's exchange directories (a directory per case, an .npy
// file per argument and result), the C compiler's inputs, the go
// command's work directory.
//
// They go to memory when the machine has a tmpfs at /dev/shm. On a disk
// file system each of the thousands of small files verify writes costs a
// journal entry on creation and, on file systems mounted with discard
// (common on virtual machines), a TRIM on removal: measured on the
// project's 2-core VM (ext4, discard), `verify --lang c` of one corpus
// file spent 6.4-7.3 s of CPU with its files under /tmp and 2.7 s under
// /dev/shm, 15 s of wall time against 6.
package scratch

import (
	"os"
	"sync"
)

// Dir returns the directory under which to create scratch files, for
// os.MkdirTemp: $PYC2GO_TMPDIR when set; else "" (os.TempDir) when
// $TMPDIR is set, as the user chose; else /dev/shm when it is a writable
// directory; else "".
func Dir() string {
	if d := os.Getenv("PYC2GO_TMPDIR"); d != "" {
		return d
	}
	if os.Getenv("TMPDIR") != "" {
		return ""
	}
	return shmDir()
}

// shmDir is /dev/shm, Linux's memory-backed directory, when a directory
// can be made in it (once per process), else "".
var shmDir = sync.OnceValue(func() string {
	const shm = "/dev/shm"
	d, err := os.MkdirTemp(shm, "pyc2go-probe-")
	if err != nil {
		return ""
	}
	os.Remove(d)
	return shm
})
