package opt

import "github.com/pyc2go/pyc2go/ir"

// prints reports whether running b may print: it has a Write, or calls a
// module function that may (transitively). The parallel pass keeps such
// loops sequential, since chunks would print in no fixed order.
func prints(b *ir.Block) bool {
	return printsSeen(b, map[*ir.Func]bool{})
}

func printsSeen(b *ir.Block, seen map[*ir.Func]bool) bool {
	found := false
	ir.Inspect(b, func(n ir.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ir.Write:
			found = true
		case *ir.Call:
			if g := n.Fn; g != nil && g.Body != nil && !seen[g] {
				seen[g] = true
				found = printsSeen(g.Body, seen)
			}
		}
		return !found
	})
	return found
}
