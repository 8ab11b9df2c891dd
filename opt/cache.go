package opt

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// CacheSizes are the data cache sizes, in bytes, that the tile pass
// derives tile sizes from. The zero value means DefaultCache, so that a
// Config built in a test or a go:generate line without cache sizes gives
// the same code on every machine; only the CLI reads the machine's caches
// (DetectCache), and committed generated code pins them with --cache.
type CacheSizes struct {
	L1, L2, L3 int64
}

// DefaultCache is a common x86-64 core: 32 KiB L1d, 1 MiB L2, 8 MiB L3.
var DefaultCache = CacheSizes{L1: 32 << 10, L2: 1 << 20, L3: 8 << 20}

func (c CacheSizes) orDefault() CacheSizes {
	d := DefaultCache
	if c.L1 > 0 {
		d.L1 = c.L1
	}
	if c.L2 > 0 {
		d.L2 = c.L2
	}
	if c.L3 > 0 {
		d.L3 = c.L3
	}
	return d
}

func (c CacheSizes) String() string {
	var parts []string
	for i, n := range []int64{c.L1, c.L2, c.L3} {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("L%d=%s", i+1, sizeString(n)))
		}
	}
	return strings.Join(parts, ",")
}

func sizeString(n int64) string {
	switch {
	case n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + "M"
	case n%(1<<10) == 0:
		return strconv.FormatInt(n>>10, 10) + "K"
	}
	return strconv.FormatInt(n, 10)
}

// ParseCache parses the --cache flag: comma-separated LEVEL=SIZE with
// LEVEL L1, L2 or L3 and SIZE a byte count with an optional K, M or G
// suffix (powers of 1024), as in L1=32K,L2=1M. Levels not given stay 0
// (DefaultCache's).
func ParseCache(s string) (CacheSizes, error) {
	var c CacheSizes
	for _, part := range strings.Split(s, ",") {
		lvl, size, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			return c, fmt.Errorf("cache size %q: want LEVEL=SIZE, e.g. L1=32K", part)
		}
		n, err := parseSize(size)
		if err != nil {
			return c, fmt.Errorf("cache size %q: %v", part, err)
		}
		switch strings.ToUpper(lvl) {
		case "L1":
			c.L1 = n
		case "L2":
			c.L2 = n
		case "L3":
			c.L3 = n
		default:
			return c, fmt.Errorf("cache size %q: level must be L1, L2 or L3", part)
		}
	}
	return c, nil
}

func parseSize(s string) (int64, error) {
	mul := int64(1)
	switch {
	case strings.HasSuffix(s, "K"):
		mul, s = 1<<10, strings.TrimSuffix(s, "K")
	case strings.HasSuffix(s, "M"):
		mul, s = 1<<20, strings.TrimSuffix(s, "M")
	case strings.HasSuffix(s, "G"):
		mul, s = 1<<30, strings.TrimSuffix(s, "G")
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 || n > 1<<40/mul {
		return 0, fmt.Errorf("want a positive size like 32K, got %q", s)
	}
	return n * mul, nil
}

// DetectCache reads the data and unified cache sizes of CPU 0 from Linux's
// /sys/devices/system/cpu/cpu0/cache/index*/{level,type,size}. Levels it
// cannot read stay 0, which means DefaultCache's.
func DetectCache() CacheSizes {
	return detectCache("/sys/devices/system/cpu/cpu0/cache")
}

func detectCache(dir string) CacheSizes {
	var c CacheSizes
	idx, _ := filepath.Glob(filepath.Join(dir, "index*"))
	for _, d := range idx {
		read := func(name string) string {
			b, err := os.ReadFile(filepath.Join(d, name))
			if err != nil {
				return ""
			}
			return strings.TrimSpace(string(b))
		}
		if typ := read("type"); typ != "Data" && typ != "Unified" {
			continue
		}
		n, err := parseSize(read("size"))
		if err != nil {
			continue
		}
		switch read("level") {
		case "1":
			c.L1 = n
		case "2":
			c.L2 = n
		case "3":
			c.L3 = n
		}
	}
	return c
}
