package driver

import "errors"

// cFreeFunc is the runtime's function that releases a result's owner block.
const cFreeFunc = "pyc2go_free_owner"

// errNoCBackend marks modules the C backend cannot translate.
var errNoCBackend = errors.New("the C backend cannot translate this module")

// CSources returns the C files of r: MODULE.h, MODULE.c and the runtime.
func (r *Result) CSources(cfg Config) (map[string][]byte, error) {
	files, _, err := r.CFiles(cfg)
	return files, err
}

// IsUnsupportedC reports whether err says the C backend cannot compile the
// file (rather than a bug or a failed C build).
func IsUnsupportedC(err error) bool { return errors.Is(err, errNoCBackend) }
