package scratch

import "testing"

// TestDirHonoursTheUser checks the order of Dir's choices: pyc2go's own
// variable, then the user's $TMPDIR, then memory.
func TestDirHonoursTheUser(t *testing.T) {
	tests := []struct {
		name, pyc2go, tmpdir, want string
	}{
		{"PYC2GO_TMPDIR first", "/some/where", "/else/where", "/some/where"},
		{"TMPDIR set: the os default", "", "/else/where", ""},
		{"neither: memory if any", "", "", shmDir()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("PYC2GO_TMPDIR", tt.pyc2go)
			t.Setenv("TMPDIR", tt.tmpdir)
			if got := Dir(); got != tt.want {
				t.Errorf("Dir() = %q, want %q", got, tt.want)
			}
		})
	}
}
