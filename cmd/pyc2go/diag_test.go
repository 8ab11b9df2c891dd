package main

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/opt"
)

// The exact text and JSON forms of a remark, on a remark made here: the
// script json.txtar covers real passes, whose wording may change.
func TestRemarkOutput(t *testing.T) {
	m := opt.Remark{Pos: ir.Pos{Line: 4, Col: 5}, Pass: "fuse", Func: "total", Msg: "fused 2 loops"}
	tests := []struct {
		json bool
		want string
	}{
		{false, "k.py:4:5: remark: fuse: fused 2 loops (in total)\n"},
		{true, `{"file":"k.py","line":4,"col":5,"severity":"remark","message":"fused 2 loops","pass":"fuse","func":"total"}` + "\n"},
	}
	for _, tt := range tests {
		var stderr bytes.Buffer
		r := &reporter{e: &env{stderr: &stderr}, json: tt.json}
		r.remark("k.py", m)
		if diff := cmp.Diff(tt.want, stderr.String()); diff != "" {
			t.Errorf("json=%v (-want +got):\n%s", tt.json, diff)
		}
		if tt.json {
			var d diagnostic
			if err := json.Unmarshal(stderr.Bytes(), &d); err != nil || d.Severity != "remark" {
				t.Errorf("does not decode as a diagnostic: %v %+v", err, d)
			}
		}
	}
}
