package driver

import "errors"

// cFreeFunc is the runtime's function that releases a result's owner block.
const cFreeFunc = "pyc2go_free_owner"

// errNoCBackend stands in for the C backend until emit/c lands.
var errNoCBackend = errors.New("the C backend (emit/c) has not landed yet")

// CSources returns the C files of r (placeholder until emit/c lands).
func (r *Result) CSources(cfg Config) (map[string][]byte, error) {
	return nil, errNoCBackend
}

// IsUnsupportedC reports whether err says the C backend cannot compile the
// file (rather than a bug or a failed C build).
func IsUnsupportedC(err error) bool { return errors.Is(err, errNoCBackend) }
