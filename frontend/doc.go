// Package frontend is the first stage of pyc2go: it turns the bytes of a
// Python source file into a gpython AST and rejects, with positioned
// diagnostics, every construct outside the numeric-kernel subset that later
// stages know how to compile.
//
// In: a path (used only in messages) and the source bytes.
// Out: a *File holding the gpython AST, the PEP 526 variable annotations and
// the ignored `if __name__ == "__main__":` block; or an ErrorList with every
// independent error of the file, sorted by position, each rendered CPython
// style by ErrorList.Render. ParseFile never panics, whatever the input.
//
// Why the annotation preprocessing: gpython's grammar is Python 3.4, which
// predates PEP 526, so `s: float = 0.0` and `s: float` are syntax errors to
// it, yet those annotations are how kernel authors declare local types.
// Rather than fork gpython, a small scanner finds the annotations in the
// text, blanks them with the same number of bytes of spaces (a bare
// annotation becomes `pass`), so that every other byte offset, and therefore
// every AST position, stays valid for the original text. The annotation
// expressions are parsed separately, moved to file coordinates, and attached
// to the statement that stands in for them via File.Annots.
//
// Positions: gpython columns are byte offsets and some are odd (calls at
// 0:0, attributes at the '.'); after parsing, calls, attributes and
// subscripts are moved to where their primary starts and dict/set displays
// to their '{', as CPython does. File.Pos converts to the 1-based rune
// columns used in diagnostics.
package frontend
