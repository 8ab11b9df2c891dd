package progen

import (
	"sync"

	"github.com/pyc2go/pyc2go/verify"
)

// python is the reference interpreter (verify.FindPython's choice), found
// once: finding it imports numpy.
var python = sync.OnceValue(func() string {
	p, err := verify.FindPython("")
	if err != nil {
		return "/usr/bin/python3"
	}
	return p
})
