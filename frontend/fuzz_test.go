package frontend

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func FuzzParseFile(f *testing.F) {
	_ = filepath.WalkDir("../testdata", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".py") {
			if src, err := os.ReadFile(path); err == nil {
				f.Add(src)
			}
		}
		return nil
	})
	for _, s := range []string{
		"",
		"\n",
		"x",
		"s: float = 0.0\n",
		"s: float\n",
		"self.x: int = 1\n",
		"def f(a: int) -> int:\n    k: int\n    k = a\n    return k\n",
		"d = {a: 1,\n b: 2}\n",
		"x = '''\ny: int\n'''\n",
		"if x:\n\tpass\n  pass\n",
		"x: (\n",
		"x: int = (\n",
		"\"\"\"",
		"a[0]: int\n",
		"f(\n",
		"@njit\ndef f(*a, **k):\n    yield [x for x in a]\n",
		"x = 1 \\\n+ 2\n",
		"\xef\xbb\xbfx = 1\n",
		"x = 1\r\ny: int\r\n",
		"\x0cx = 1\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		file, err := ParseFile("fuzz.py", src)
		if err == nil {
			if file == nil || file.Module == nil {
				t.Fatalf("nil File without error")
			}
			return
		}
		el, ok := err.(ErrorList)
		if !ok {
			t.Fatalf("error is %T, want ErrorList", err)
		}
		if len(el) == 0 {
			t.Fatalf("empty ErrorList returned as error")
		}
		lines := bytes.Count(src, []byte("\n")) + 1
		for _, e := range el {
			if e.Pos.Line < 1 || e.Pos.Line > lines+1 || e.Pos.Col < 1 {
				t.Errorf("error %q at %v outside the file (%d lines)", e.Msg, e.Pos, lines)
			}
			if strings.HasPrefix(e.Msg, "internal error") {
				t.Errorf("internal error: %v", e)
			}
		}
		_ = el.Render("fuzz.py", src)
	})
}
