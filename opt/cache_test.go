package opt

import (
	"os"
	"path/filepath"
	"testing"
)

func TestParseCache(t *testing.T) {
	tests := []struct {
		in   string
		want CacheSizes
		err  bool
	}{
		{"L1=32K,L2=1M", CacheSizes{L1: 32 << 10, L2: 1 << 20}, false},
		{"l3=32M, L1=48K", CacheSizes{L1: 48 << 10, L3: 32 << 20}, false},
		{"L2=1G", CacheSizes{L2: 1 << 30}, false},
		{"L1=4096", CacheSizes{L1: 4096}, false},
		{"L4=1M", CacheSizes{}, true},
		{"L1=lots", CacheSizes{}, true},
		{"L1", CacheSizes{}, true},
		{"L1=0", CacheSizes{}, true},
	}
	for _, tt := range tests {
		got, err := ParseCache(tt.in)
		if (err != nil) != tt.err || !tt.err && got != tt.want {
			t.Errorf("ParseCache(%q) = %+v, %v; want %+v, error %v", tt.in, got, err, tt.want, tt.err)
		}
		if err == nil {
			if back, _ := ParseCache(got.String()); back != got {
				t.Errorf("ParseCache(%q).String() = %q does not round-trip", tt.in, got.String())
			}
		}
	}
}

// TestDetectCache reads a fake /sys tree: data and unified caches count,
// instruction caches do not, and an unreadable tree gives zeros (the
// defaults).
func TestDetectCache(t *testing.T) {
	dir := t.TempDir()
	for i, c := range [][3]string{{"1", "Data", "48K"}, {"1", "Instruction", "32K"}, {"2", "Unified", "2048K"}, {"3", "Unified", "32768K"}} {
		d := filepath.Join(dir, "index"+string(rune('0'+i)))
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, v := range map[string]string{"level": c[0], "type": c[1], "size": c[2]} {
			if err := os.WriteFile(filepath.Join(d, name), []byte(v+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	want := CacheSizes{L1: 48 << 10, L2: 2 << 20, L3: 32 << 20}
	if got := detectCache(dir); got != want {
		t.Errorf("detectCache = %+v, want %+v", got, want)
	}
	if got := detectCache(filepath.Join(dir, "missing")); got != (CacheSizes{}) {
		t.Errorf("detectCache(missing) = %+v, want zeros", got)
	}
	if got := (CacheSizes{L2: 4 << 20}).orDefault(); got.L1 != DefaultCache.L1 || got.L2 != 4<<20 {
		t.Errorf("orDefault = %+v", got)
	}
}
