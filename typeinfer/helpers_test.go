package typeinfer

import (
	"testing"

	"github.com/go-python/gpython/ast"
)

// checkComplete verifies the Info promises lower relies on: every
// expression of every function body has a type (except callee names,
// module prefixes, exception constructors and their messages, and range()
// calls), every Name in an expression is resolved, every call too.
func checkComplete(t *testing.T, info *Info) {
	t.Helper()
	for _, fn := range info.Funcs {
		skip := map[ast.Expr]bool{}
		for _, s := range fn.Def.Body {
			ast.Walk(s, func(n ast.Ast) bool {
				switch n := n.(type) {
				case *ast.Raise:
					if call, ok := n.Exc.(*ast.Call); ok {
						skip[call] = true
						skip[call.Func] = true
						for _, a := range call.Args {
							skip[a] = true
						}
					}
					skip[n.Exc] = true
				case *ast.Assert:
					if n.Msg != nil {
						skip[n.Msg] = true
					}
				case *ast.ExprStmt:
					if _, ok := n.Value.(*ast.Str); ok {
						skip[n.Value] = true
					}
				case *ast.Call:
					skip[n.Func] = true
					if ci := info.Calls[n]; ci == nil {
						t.Errorf("%s: %s: call without CallInfo", fn.Name, info.File.Pos(n))
					} else {
						if ci.Kind == CallBuiltin && (ci.Name == "range" || ci.Name == "enumerate" || ci.Name == "zip") {
							skip[n] = true
						}
						// dtype expressions name types; they are not values.
						if d := ci.Kwargs["dtype"]; d != nil {
							skip[d] = true
						}
						if ci.Kind == CallMethod && ci.Name == "astype" && len(ci.Args) == 1 {
							skip[ci.Args[0]] = true
						}
					}
				case *ast.Attribute:
					if ai := info.Attrs[n]; ai == nil && !skip[n] {
						t.Errorf("%s: %s: attribute without AttrInfo", fn.Name, info.File.Pos(n))
					} else if ai != nil && ai.Kind == AttrConst {
						skip[n.Value] = true
					}
				case *ast.Name:
					switch info.Uses[n].(type) {
					case nil:
						t.Errorf("%s: %s: name %s without Use", fn.Name, info.File.Pos(n), n.Id)
					case *Module, *Func, *Builtin, *Imported:
						skip[n] = true // not a value: module prefix or callee
					}
				}
				if e, ok := n.(ast.Expr); ok && !skip[e] {
					if _, ok := info.Types[e]; !ok {
						t.Errorf("%s: %s: expression %T without a type", fn.Name, info.File.Pos(n), n)
					}
				}
				return true
			})
		}
	}
}
