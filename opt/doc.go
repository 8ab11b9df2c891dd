// Package opt is pyc2go's optimiser: the IR-to-IR passes between lower
// and the emitters.
//
//	frontend.ParseFile -> typeinfer.Check -> lower.Module -> opt.Run -> emit/go, emit/c
//
// What comes in: an *ir.Module as lower builds it (see package lower), and
// a Config: the optimisation level, passes to skip, the directives that
// are passes (--boundscheck=off, --fastmath), the cache sizes the tile
// pass sizes tiles for, and where dumps and remarks go. opt knows nothing
// of Python syntax or of typeinfer: everything a pass needs is on the IR.
//
// What goes out: the same module, rewritten in place, that computes what
// the input computes (bit for bit, with the same exceptions in the same
// order; --fastmath alone relaxes float reassociation) and whose every
// function has its final Func.Raises, which fixes the generated
// signatures.
//
// # The pass table
//
// Run applies the passes of one ordered table (passes.go), each to every
// function, in the style of Go's cmd/compile/internal/ssa: required passes
// run at every level, optional ones at -O2 unless disabled by name
// (--passes=-NAME). The table, with the file of each pass:
//
//	required, at every level: they decide the generated API
//	  constfold    constfold.go    fold constant sub-expressions, bit-exact only
//	  checkelim    checkelim.go    delete checks that fold to true
//	  guardelim    guardelim.go    delete checks a dominating guard proves
//	  raises       passes.go       fix Func.Raises, so the Go signatures (ir.FixRaises)
//	  boundscheck  boundscheck.go  --boundscheck=off: delete subscript checks
//	optional, -O2: loop nests, whole nests at a time
//	  bchoist      bchoist.go      version a nest on one range test, without its index checks
//	  interchange  interchange.go  reorder a perfect nest for unit-stride inner loops
//	  tile         tile.go         block a nest with poor locality into cache-sized tiles
//	optional, -O2: loops, innermost first
//	  licm         licm.go         hoist loop invariants
//	  contig       contig.go       version a loop on its strides being 1
//	  stride       stride.go       running offsets instead of base + i*s
//	  window       window.go       unit-stride windows for Go's bounds-check elimination
//	  parallel     parallel.go     run prange / #omp loops in chunks
//	  unroll       unroll.go       split reduction accumulators
//	  restrict     restrict.go     prove arrays disjoint for C's restrict
//	required, last: what the emitters print
//	  chunk        chunk.go        write parallel loops out as a concurrent loop over their chunks
//	  readonly     readonly.go     mark the array parameters a function never writes
//
// The analyses the passes share have files of their own: affine.go (affine
// forms of index arithmetic over a loop nest), nest.go (perfect nests, the
// per-axis subscripts of their accesses, dependence direction vectors and
// the legality of permuting and tiling), loops.go (what a loop writes,
// loop invariance, the affine form of a flat offset, loop sites and
// copies), reduction.go (reductions and per-iteration temporaries, for
// parallel and unroll) and cache.go (cache sizes).
//
// # Why this order
//
// The order is data too: passOrder in passes.go lists every constraint
// with its reason, and a test checks the table against it. The story in
// short:
//
//   - constfold, checkelim and guardelim delete the checks that cannot
//     fail, then raises fixes which functions may raise. They are required
//     because that decides the generated API: a function left without
//     checks has no error result, at -O0 and at -O2 alike. Every optional
//     pass runs after raises, so deleting a check later never changes a
//     signature; boundscheck runs after raises for the same reason.
//   - The loop-nest passes see whole nests: bchoist first leaves a
//     check-free fast copy of a nest (the original stays as the cold
//     fallback, ir.For.Cold), which is the only kind of nest interchange
//     may reorder; tile then blocks the loop order interchange chose.
//   - The loop passes work on the order and blocking the nest passes chose:
//     licm hoists invariants (computed once for both copies contig makes
//     next), contig versions loops on unit strides, stride turns the
//     offsets into running ones (which would hide the strides contig
//     tests), and window marks the unit-stride loops contig made, on the
//     final body stride leaves.
//   - parallel judges the bodies every loop-restructuring pass leaves;
//     unroll comes after it because it turns a reduction For into a While
//     parallel could no longer chunk; restrict comes after them because
//     it proves facts about the loops exactly as the emitters will print
//     them.
//   - chunk then writes each parallel loop out as IR (the concurrent loop
//     over its chunks, the copies, the fold in chunk order), so that the
//     emitters decide nothing about chunks and the fold order, the
//     contract between the backends, is written once; the loop passes
//     before it saw the parallel loop as one loop. readonly, a module
//     pass, proves last which array parameters the printed code never
//     writes.
//
// # Between passes
//
// With Config.Verify (always on in tests), ir.Verify runs on the input and
// ir.VerifyFunc after every pass on every function; a failure, or a panic
// inside a pass, comes back as an error naming the pass with the function
// printed. Config.DumpAfter prints the module after one pass
// (--dump-ir=after:PASS; "lower" is the input). A pass that declines to
// transform a loop says why in a Remark (--remarks), so tests can assert
// "this was interchanged" or "this was refused because ..." without a
// whole golden.
//
// # Tests
//
// Each pass has cases of its own, IR text in and IR text out
// (testdata/PASS/CASE.txtar: in.ir, out.ir and the pass's remarks; see
// TestPassCases): the pass runs alone on in.ir, so a case does not move
// when another pass changes. The Python-level goldens of
// testdata/passes/PASS (TestPassGolden) stay as integration tests: the
// IR a pass sees in a real compilation, before and after it.
package opt
