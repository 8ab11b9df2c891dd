package typeinfer

import (
	"testing"

	"github.com/go-python/gpython/ast"

	"github.com/pyc2go/pyc2go/numpy"
)

// checkComplete verifies the Info promises lower relies on: every
// expression of every function body has a type (except callee names,
// module prefixes, exception constructors and their messages, and range()
// calls), every Name in an expression is resolved, every call too.
func checkComplete(t *testing.T, info *Info) {
	t.Helper()
	for _, fn := range info.Funcs {
		skip := map[ast.Expr]bool{}
		dead := deadCode(info, fn.Def.Body)
		for _, s := range fn.Def.Body {
			ast.Walk(s, func(n ast.Ast) bool {
				if dead[n] {
					return false // ruled out at compile time (none.go)
				}
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
					if f, ok := n.Func.(*ast.Attribute); ok {
						if sub, ok := f.Value.(*ast.Attribute); ok && sub.Attr == "random" {
							skip[sub] = true // np.random: a module prefix, not a value
						}
					}
					if ci := info.Calls[n]; ci == nil {
						t.Errorf("%s: %s: call without CallInfo", fn.Name, info.File.Pos(n))
					} else {
						if ci.Kind == CallBuiltin && (ci.Name == "range" || ci.Name == "enumerate" || ci.Name == "zip" || ci.Name == "reversed") {
							skip[n] = true
						}
						// dtype expressions name types; they are not values.
						if d := ci.Kwargs["dtype"]; d != nil {
							skip[d] = true
						}
						if ci.Kind == CallMethod && ci.Name == "astype" && len(ci.Args) == 1 {
							skip[ci.Args[0]] = true
						}
						if ci.Row != nil && ci.Row.Kind == numpy.Linalg {
							// np.linalg.NAME: the submodule is a prefix,
							// the string options (UPLO="U") no values.
							if at, ok := n.Func.(*ast.Attribute); ok {
								skip[at.Value] = true
							}
							for _, x := range ci.Kwargs {
								if _, ok := x.(*ast.Str); ok {
									skip[x] = true
								}
							}
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

// deadCode returns the statements and expressions that Info.Static and
// Info.Cut rule out: typeinfer does not check them.
func deadCode(info *Info, body []ast.Stmt) map[ast.Ast]bool {
	dead := map[ast.Ast]bool{}
	var stmts func([]ast.Stmt)
	var exprs func(ast.Ast)
	exprs = func(root ast.Ast) {
		ast.Walk(root, func(n ast.Ast) bool {
			switch n := n.(type) {
			case *ast.BoolOp:
				for k, v := range n.Values {
					if sv, ok := info.Static[v]; ok && sv == (n.Op == ast.Or) {
						for _, w := range n.Values[k+1:] {
							dead[w] = true
						}
						break
					}
				}
			case *ast.IfExp:
				if sv, ok := info.Static[n.Test]; ok {
					if sv {
						dead[n.Orelse] = true
					} else {
						dead[n.Body] = true
					}
				}
			}
			return !dead[n]
		})
	}
	stmts = func(list []ast.Stmt) {
		for i, s := range list {
			if info.Cut[s] {
				for _, r := range list[i+1:] {
					dead[r] = true
				}
			}
			switch s := s.(type) {
			case *ast.If:
				exprs(s.Test)
				if sv, ok := info.Static[s.Test]; ok {
					for _, r := range map[bool][]ast.Stmt{true: s.Orelse, false: s.Body}[sv] {
						dead[r] = true
					}
				}
				stmts(s.Body)
				stmts(s.Orelse)
			case *ast.For:
				stmts(s.Body)
				stmts(s.Orelse)
			case *ast.While:
				exprs(s.Test)
				stmts(s.Body)
				stmts(s.Orelse)
			default:
				exprs(s)
			}
			if info.Cut[s] {
				return
			}
		}
	}
	stmts(body)
	return dead
}
