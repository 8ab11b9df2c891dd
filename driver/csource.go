package driver

import "errors"

// cFreeFunc is the runtime's function that releases a result's owner block.
const cFreeFunc = "pyc2go_free_owner"

// CSources returns the C files of r (placeholder until emit/c lands).
func (r *Result) CSources(cfg Config) (map[string][]byte, error) {
	return nil, errors.New("the C backend has not landed yet")
}
