package runtime

import (
	"math"
	"sync"
	"syscall"
)

// memoryLimit is the largest allocation Linux's default overcommit policy
// grants, the machine's memory plus swap: a larger malloc fails, and
// numpy raises MemoryError. Unknown (sysinfo failing) is no limit.
var memoryLimit = sync.OnceValue(func() uint64 {
	var si syscall.Sysinfo_t
	if err := syscall.Sysinfo(&si); err != nil || si.Unit == 0 {
		return math.MaxUint64
	}
	return (uint64(si.Totalram) + uint64(si.Totalswap)) * uint64(si.Unit)
})
