package progen

import "github.com/pyc2go/pyc2go/verify"

// python is the reference interpreter (verify.FindPython's choice).
func python() string {
	p, err := verify.FindPython("")
	if err != nil {
		return "/usr/bin/python3"
	}
	return p
}
