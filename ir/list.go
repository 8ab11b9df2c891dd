package ir

import "strings"

// Lists. A Python list of scalars is a variable of type *List. In the IR
// a list variable holds its value: every operation that changes a list is
// a library call (ir.Lib "list.NAME", never raising: lower checks what
// Python checks before it) whose destinations include the list variable
// itself, so passes see the change as an assignment, and the two reads,
// the intrinsics list_len and list_get, move only where the variable
// keeps its value. lower never lets two variables share one list (a
// second name is a copy; typeinfer refuses an alias), so value semantics
// is Python's reference semantics here. The emitters hold a list as a Go
// slice and as a pyc2go_list_T in C.
//
// ListOps lists the operations: name, then what the call computes from
// its arguments (l, the list, first) into its destinations.
var ListOps = map[string]string{
	"new":     "l = []: no arguments",
	"copy":    "m = a new list of l's elements: (l)",
	"append":  "l = l.append(x): (l, x)",
	"extend":  "l = l + m: (l, m), m maybe l",
	"set":     "l = l with l[i] = x: (l, i, x), 0 <= i < len(l)",
	"insert":  "l = l.insert(i, x): (l, i, x), 0 <= i <= len(l)",
	"pop":     "l, x = l without element i, that element: (l, i), 0 <= i < len(l)",
	"clear":   "l = []: (l)",
	"reverse": "l = l reversed: (l)",
	"sort":    "l = l sorted stably by <, descending when r holds as Python's sort(reverse=True) does (equal elements keep their order): (l, r)",
}

// IsListLib reports whether a library function is a list operation.
func IsListLib(name string) bool { return strings.HasPrefix(name, "list.") }
