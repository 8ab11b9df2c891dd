package opt

import "github.com/pyc2go/pyc2go/ir"

const boundsCheckDoc = "boundscheck deletes the IndexError check of every array subscript under --boundscheck=off (Config.NoBoundsCheck), after raises so that no signature changes."

// elideBoundsChecks is the boundscheck pass: it deletes the checks index
// emits (IndexError with numpy's out-of-bounds message; index is the only
// source of that message), nothing else. A check that folded to false (a
// constant index known to be out of range) goes too: boundscheck=off means
// no check at all, as in Cython, and the emitter keeps a constant negative
// offset out of the Go source's constant indices, so the code still builds
// and the access is the same undefined behaviour as any other. Functions
// keep their Raises (the pass runs after raises): a function left without
// checks returns a nil error.
func elideBoundsChecks(f *ir.Func) { deleteChecks(f, isBoundsCheck) }

// isBoundsCheck reports whether c is the bounds check of an array subscript.
func isBoundsCheck(c *ir.Check) bool {
	return c.Exc == "IndexError" && c.Msg == ir.MsgIndexBounds
}
