// Package ir is pyc2go's structured loop IR: the contract between the
// stages that make and rewrite it (lower builds a Module from a
// type-checked Python file, opt's passes rewrite it) and the emitters that
// print it (emit/go, emit/c, emit/pyctypes).
//
// What comes in: the node types below, built by lower and by passes.
// What goes out: emitters print a Module; they never see Python syntax, so
// everything they need (types, source positions for error messages, the
// exception class and CPython message of every check) lives here.
//
// Besides the nodes, ir owns what every stage does with them, each once:
//
//	Inspect, Apply  walk and rewrite (walk.go), after go/ast and astutil
//	CloneBlock ...  deep copies (clone.go)
//	Print, Parse    the text form and its inverse (print.go, parse.go)
//	Verify          the invariants every pass keeps (verify.go)
//	FixRaises       which functions may raise (raises.go)
//
// A new node kind adds a case to each of them; TestNodeList and the tests
// beside it fail until it has.
//
// # Shape of the IR
//
//	Module   constants and functions of one Python file
//	Func     typed parameters, typed locals, a result type, a Block; or,
//	         with Lib set, a runtime library function (np.linalg's) that
//	         CallStmts call (lib.go)
//	Stmt     Assign, Store, Alloc, View, CallStmt, If, For, While, Break,
//	         Continue, Return, Raise, Check
//	Expr     Const, VarRef, Unary, Binary, Convert, Intrinsic, Call,
//	         Dim, Load
//
// Expressions are pure trees: they never raise and never have side effects
// other than through a Call of a function that cannot raise. Everything that
// can raise in Python is an explicit statement:
//
//	check b != 0 else ZeroDivisionError("integer division or modulo by zero")
//	t1 = floordiv(a, b)
//
// Keeping checks apart from the arithmetic is what lets later passes move a
// check (bounds-check hoisting) without touching the computation, and lets
// both emitters print checks the same way.
//
// Loops are structured (For with an explicit induction variable, bounds and
// step; While), never gotos, so that loop passes (fusion, interchange, tiling,
// parallel) can pattern-match nests directly. Python's for-else and
// while-else are desugared by lower into flags, so the IR has no else on
// loops.
//
// Array loads and stores carry their index arithmetic explicitly (an offset
// built from Dim nodes: the shape, strides and base offset of an array), so
// that stride strength reduction and bounds-check hoisting are ordinary
// rewrites of scalar expressions.
//
// Two annotations on For change how a loop runs, never what it computes,
// so an emitter may ignore them: Par (the parallel pass's chunking) and
// Windows (unit-stride windows of array data the body indexes by the
// induction variable, printed `window(x@b)`, for bounds-check elimination).
//
// The textual form (Print) is deterministic: no pointers, no map order,
// and Parse reads it back, so pass tests are IR text in, IR text out. The
// verifier (Verify) checks the invariants every pass must keep; tests run
// it after every pass.
package ir
