package opt

import (
	"fmt"

	"github.com/pyc2go/pyc2go/ir"
)

// Remark is a note an optimisation pass leaves about a loop it transformed
// or declined to transform ("not interchanged: c[i, j] carries a
// dependence"), like Go's -m: passes never refuse silently. The CLI prints
// remarks with --remarks; tests assert on them instead of whole goldens.
type Remark struct {
	Pos  ir.Pos // the loop or statement the remark is about
	Pass string
	Func string // Python name of the function
	Msg  string
}

func (r Remark) String() string {
	return fmt.Sprintf("%s: %s: %s (in %s)", r.Pos, r.Pass, r.Msg, r.Func)
}

// passCtx is what an optimisation pass sees besides the function: the
// configuration and a remark sink.
type passCtx struct {
	cfg  Config
	pass string
	fn   *ir.Func
}

// remark records a Remark at pos when the configuration asks for them.
func (c *passCtx) remark(pos ir.Pos, format string, args ...any) {
	if c == nil || c.cfg.Remarks == nil {
		return
	}
	c.cfg.Remarks(Remark{Pos: pos, Pass: c.pass, Func: c.fn.Name, Msg: fmt.Sprintf(format, args...)})
}
