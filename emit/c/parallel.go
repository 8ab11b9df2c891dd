package emitc

import (
	"fmt"
	"strconv"

	"github.com/pyc2go/pyc2go/ir"
)

// parFor emits a For the parallel pass approved (s.Par set) as an OpenMP
// loop over the chunks of ir.ParLoop, the Go backend's scheme spelled in
// C so that both backends cut the same chunks and fold the same partials
// in the same order (same bits, whatever the thread count):
//
//	{
//		const int64_t start = START;
//		const int64_t n = pyc2go_trip_count(start, STOP, STEP);
//		const int nc = pyc2go_chunks(n, GRAIN);
//		int failed = nc;                        // lowest failing chunk
//		T s_parts[PYC2GO_MAX_CHUNKS] = {0};     // one per reduction
//		PYC2GO_OMP("omp parallel for schedule(dynamic, 1) num_threads(...)")
//		for (int c = 0; c < nc; c++) {
//			int64_t i_c = 0;                // the chunk's own copies of
//			T s_c = IDENTITY;               // privates and partials
//			pyc2go_pool pool_c = {0};       // what the chunk allocates
//			pyc2go_error err_c;             // what it raises
//			if (pyc2go_par_skip(&failed, c)) continue;
//			pyc2go_chunk_bounds(n, nc, c, &lo, &hi);
//			for (k = lo; k < hi; k++) { i_c = start + k*STEP; BODY }
//			s_parts[c] = s_c;
//			pyc2go_pool_free(&pool_c);
//			continue;
//		par_fail:                               // BODY's raises land here
//			pyc2go_pool_free(&pool_c);
//			pyc2go_par_fail(&failed, c, err, &err_c);
//		}
//		if (failed < nc) goto fail;
//		for (int c = 0; c < nc; c++) s = s OP s_parts[c];
//	}
//
// Everything the chunk writes is declared inside it, so OpenMP makes it
// private without clauses; the verifier's ParLoop invariants guarantee
// that the body assigns nothing else. Arrays a chunk allocates die with
// the chunk: a private is dead after its iteration and a reduction is a
// scalar, so none escapes. Without -fopenmp PYC2GO_OMP expands to nothing
// and the chunks run in order on the calling thread.
func (e *funcEmitter) parFor(s *ir.For, start, stop, step cx, depth int) ([]string, error) {
	par := s.Par
	t := ind(depth)
	t1, t2 := t+"\t", t+"\t\t"
	fresh := e.names.fresh
	startN, nN, ncN, failedN := fresh("par_start"), fresh("par_n"), fresh("par_chunks"), fresh("par_failed")
	cN, loN, hiN, kN := fresh("par_c"), fresh("par_lo"), fresh("par_hi"), fresh("par_k")
	poolN, errN, failL := fresh("par_pool"), fresh("par_err"), fresh("par_fail")

	out := []string{t + "{",
		t1 + "const int64_t " + startN + " = " + start.code + ";",
		t1 + "const int64_t " + nN + " = pyc2go_trip_count(" + startN + ", " + stop.code + ", " + step.code + ");",
		t1 + "const int " + ncN + " = pyc2go_chunks(" + nN + ", " + strconv.FormatInt(par.Grain, 10) + ");",
	}
	parts := map[*ir.Var]string{}
	for _, r := range par.Reductions {
		vt, ok := r.Var.Type.(ir.Scalar)
		if !ok {
			return nil, fmt.Errorf("reduction %s of type %s", r.Var.Name, r.Var.Type)
		}
		parts[r.Var] = fresh(e.names.vars[r.Var] + "_parts")
		out = append(out, t1+cType(vt)+" "+parts[r.Var]+"[PYC2GO_MAX_CHUNKS] = {0};")
	}

	// The chunk's own variables get names of their own (i_c, s_c), so a
	// name means one variable in the whole function, for the reader and
	// for gdb alike.
	own := append([]*ir.Var{s.Var}, par.Private...)
	for _, r := range par.Reductions {
		own = append(own, r.Var)
	}
	type saved struct {
		name string
		read bool
	}
	outer := map[*ir.Var]saved{}
	for _, v := range own {
		if _, done := outer[v]; done {
			continue
		}
		outer[v] = saved{e.names.vars[v], e.read[v]}
		e.names.vars[v] = fresh(e.names.vars[v] + "_c")
		e.read[v] = false
	}
	restored := false
	restore := func() {
		if restored {
			return
		}
		restored = true
		for v, o := range outer {
			e.names.vars[v] = o.name
			e.read[v] = o.read
		}
	}
	defer restore()
	// The body: raises, allocations and hoisted calls use the chunk's
	// error, pool and temporaries, never the function's shared ones.
	savedPre, savedTemps := e.pre, e.temps
	savedFail, savedPool, savedErrp := e.fail, e.pool, e.errp
	savedUsesFail, savedUsesPool := e.usesFail, e.usesPool
	e.temps, e.usesFail, e.usesPool = nil, false, false
	e.fail, e.pool, e.errp = failL, poolN, "&"+errN
	iv := e.names.vars[s.Var]
	var loop []string
	if c, ok := s.Step.(*ir.ConstExpr); ok && c.Value == int64(1) {
		// start+hi <= stop: no overflow, and the plain counted loop gcc
		// vectorises.
		e.read[s.Var] = true
		loop = []string{t2 + "for (" + iv + " = " + startN + " + " + loN + "; " + iv + " < " + startN + " + " + hiN + "; " + iv + "++) {"}
	} else {
		loop = []string{t2 + "for (int64_t " + kN + " = " + loN + "; " + kN + " < " + hiN + "; " + kN + "++) {",
			t2 + "\t" + iv + " = pyc2go_add_int64(" + startN + ", pyc2go_mul_int64(" + kN + ", " + step.code + "));"}
	}
	body, err := e.block(s.Body, depth+3)
	chunkTemps, chunkFails, chunkPool := e.temps, e.usesFail, e.usesPool
	e.pre, e.temps = savedPre, savedTemps
	e.fail, e.pool, e.errp = savedFail, savedPool, savedErrp
	e.usesFail, e.usesPool = savedUsesFail, savedUsesPool
	if err != nil {
		return nil, err
	}
	loop = append(append(loop, body...), t2+"}")

	if chunkFails {
		out = append(out, t1+"int "+failedN+" = "+ncN+";")
	}
	out = append(out,
		t1+"PYC2GO_OMP(\"omp parallel for schedule(dynamic, 1) num_threads(pyc2go_workers("+ncN+"))\")",
		t1+"for (int "+cN+" = 0; "+cN+" < "+ncN+"; "+cN+"++) {")
	var voids []string
	declared := map[*ir.Var]bool{}
	for _, v := range own {
		if declared[v] {
			continue
		}
		declared[v] = true
		init := ""
		if r, ok := par.ReductionOf(v); ok {
			id, err := r.Identity()
			if err != nil {
				return nil, err
			}
			c, err := constExpr(id)
			if err != nil {
				return nil, err
			}
			init = c.code
		}
		d, err := decl(v.Type, e.names.vars[v], init)
		if err != nil {
			return nil, err
		}
		out = append(out, t2+d)
		if !e.read[v] {
			voids = append(voids, t2+"(void)"+e.names.vars[v]+";")
		}
	}
	for _, d := range chunkTemps {
		out = append(out, t2+d)
	}
	if chunkPool {
		out = append(out, t2+"pyc2go_pool "+poolN+" = {0};")
	}
	if chunkFails {
		out = append(out, t2+"pyc2go_error "+errN+";")
	}
	out = append(out, t2+"int64_t "+loN+" = 0, "+hiN+" = 0;")
	out = append(out, voids...)
	if chunkFails {
		out = append(out, t2+"if (pyc2go_par_skip(&"+failedN+", "+cN+"))", t2+"\tcontinue;")
	}
	out = append(out, t2+"pyc2go_chunk_bounds("+nN+", "+ncN+", "+cN+", &"+loN+", &"+hiN+");")
	out = append(out, loop...)
	for _, r := range par.Reductions {
		out = append(out, t2+parts[r.Var]+"["+cN+"] = "+e.names.vars[r.Var]+";")
	}
	if chunkPool {
		out = append(out, t2+"pyc2go_pool_free(&"+poolN+");")
	}
	if chunkFails {
		out = append(out, t2+"continue;", t1+failL+":")
		if chunkPool {
			out = append(out, t2+"pyc2go_pool_free(&"+poolN+");")
		}
		out = append(out, t2+"pyc2go_par_fail(&"+failedN+", "+cN+", "+e.errp+", &"+errN+");")
	}
	out = append(out, t1+"}")
	if chunkFails {
		e.usesFail, e.usesErr = true, true
		out = append(out, t1+"if ("+failedN+" < "+ncN+")", t1+"\tgoto "+e.fail+";")
	}
	restore()

	// Fold the partials in chunk order, with the IR's own arithmetic for
	// the operator ("-" partials fold with "+": see ir.Reduction).
	for _, r := range par.Reductions {
		part := &ir.Var{Name: r.Var.Name + "_part", Type: r.Var.Type}
		e.names.vars[part] = parts[r.Var] + "[" + cN + "]"
		var fold ir.Expr
		switch r.Op {
		case "min", "max":
			fold = &ir.Intrinsic{Name: r.Op, Args: []ir.Expr{ir.Ref(r.Var), ir.Ref(part)}, T: r.Var.Type}
		default:
			op, ok := foldOps[r.Op]
			if !ok {
				delete(e.names.vars, part)
				return nil, fmt.Errorf("unknown reduction operator %q", r.Op)
			}
			fold = &ir.Binary{Op: op, X: ir.Ref(r.Var), Y: ir.Ref(part)}
		}
		g, err := e.expr(fold)
		delete(e.names.vars, part)
		if err != nil {
			return nil, err
		}
		out = append(out, t1+"for (int "+cN+" = 0; "+cN+" < "+ncN+"; "+cN+"++)", t2+e.names.vars[r.Var]+" = "+g.code+";")
	}
	return append(out, t+"}"), nil
}

var foldOps = map[string]ir.BinOp{"+": ir.Add, "-": ir.Add, "*": ir.Mul, "&": ir.BitAnd, "|": ir.BitOr, "^": ir.BitXor}
