//go:build !linux

package runtime

// memoryLimit is no limit where the runtime knows no overcommit policy:
// an allocation beyond the machine's memory then fails as Go fails.
func memoryLimit() uint64 { return ^uint64(0) }
