// Package lower turns a type-checked Python file into pyc2go's IR: the
// third stage of the pipeline, between typeinfer and the optimiser.
//
//	frontend.ParseFile -> typeinfer.Check -> lower.Module -> opt.Run -> emit/go, emit/c
//
// What comes in: the gpython AST and what typeinfer learnt about it (the
// type of every expression, what each name and call refers to), as a
// *typeinfer.Info, and a Config holding the one directive that changes
// what lowering emits (--wraparound=off).
//
// What goes out: an *ir.Module (see package ir) in which
//
//   - expressions are pure trees; every implicit Python exception is an
//     explicit Check or Raise carrying CPython's (or numpy's) class and
//     message (docs/semantics.md), placed before the expression that needs
//     it and in Python's evaluation order;
//   - every array expression is loops: an elementwise expression is one
//     loop nest over its broadcast shape, a reduction or a product a loop
//     over its operands, a slice or a transpose a View, never a copy;
//   - Func.Raises is the fixed point over the call graph (ir.FixRaises).
//
// Nothing is optimised here, not even constants: lower writes what Python
// computes, as directly as it can, and the package opt decides how to run
// it faster. `pyc2go compile --dump-ir=after:lower` prints this IR.
//
// # How a function is lowered
//
// One fnLowerer per function (func.go) walks the statements (stmt.go) and
// builds them into the current block; expression lowering (expr.go)
// appends the checks and temporaries an expression needs to that block
// before returning its pure value, so a check always lands before the
// computation it guards. Calls of builtins and of the math, cmath and
// numpy scalar functions are in builtin.go.
//
// Arrays have a file per family: array.go (indexing, slicing, views,
// stores, the bounds check of a subscript), fuse.go (one loop nest per
// elementwise expression, numpy's broadcasting and its overlap rule for
// stores), reduce.go (sum, prod, min, max, mean, var, std, cumulative
// scans, with and without axis), create.go (creation functions, copies,
// reshapes, casts) and product.go (dot, matmul, outer); numpy.go says
// which of these lowerings each numpy function (a row of package numpy)
// takes.
//
// # Two rounds
//
// Whether a call is an expression or a CallStmt depends on whether the
// callee raises, which depends on the callee's body and, through
// recursion, possibly on the caller's. Module therefore lowers every body
// twice: the first round, with every Raises false, finds which functions
// contain a Check or Raise of their own and who calls whom; Raises is then
// the fixed point over the call graph, and the second round lowers for
// real.
//
// # Errors
//
// A construct typeinfer let through but lowering does not support is a
// srcError panic inside the lowerer, recovered per function into a
// frontend.ErrorList (file:line:col diagnostics, every function's errors
// at once); any other panic is an internal error naming the function.
package lower
