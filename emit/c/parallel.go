package emitc

import "github.com/pyc2go/pyc2go/ir"

// concurrentFor emits a For whose iterations may run at the same time
// (ir.For.Concurrent: the chunks of a parallel loop, which the chunk pass
// wrote out) as an OpenMP loop, each iteration on one thread of the team:
//
//	{
//		int64_t failed = n;                     // lowest failing iteration
//		PYC2GO_OMP("omp parallel for schedule(dynamic, 1) num_threads(pyc2go_workers(n))")
//		for (int64_t c = 0; c < n; c++) {
//			int64_t i_c = 0;                // the iteration's Locals
//			pyc2go_pool pool_c = {0};       // what it allocates
//			pyc2go_error err_c;             // what it raises
//			if (pyc2go_par_skip(&failed, c)) continue;
//			BODY
//			pyc2go_pool_free(&pool_c);
//			continue;
//		par_fail:                               // BODY's raises land here
//			pyc2go_pool_free(&pool_c);
//			pyc2go_par_fail(&failed, c, err, &err_c);
//		}
//		if (failed < n) goto fail;
//	}
//
// Everything an iteration writes is declared inside it, so OpenMP makes it
// private without clauses (the verifier checks that the body assigns
// nothing else and writes only its own slot of a Buffer). Arrays an
// iteration allocates die with it: the chunk pass makes an iteration's
// arrays its own Locals, which nothing reads after it. Without -fopenmp
// PYC2GO_OMP expands to nothing and the iterations run in order on the
// calling thread. The chunks, their bounds and the fold of their partials
// are the IR around and inside the loop.
func (e *funcEmitter) concurrentFor(s *ir.For, stop cx, depth int) ([]string, error) {
	t := ind(depth)
	t1, t2 := t+"\t", t+"\t\t"
	fresh := e.names.fresh
	failedN, poolN, errN, failL := fresh("par_failed"), fresh("par_pool"), fresh("par_err"), fresh("par_fail")
	nc, cN := stop.code, e.names.vars[s.Var]

	saved := map[*ir.Var]bool{}
	for _, v := range s.Locals {
		saved[v] = e.read[v]
		e.read[v] = false
	}
	defer func() {
		for v, r := range saved {
			e.read[v] = r
		}
	}()
	// The body: raises, allocations and hoisted calls use the iteration's
	// error, pool and temporaries, never the function's shared ones.
	savedPre, savedTemps := e.pre, e.temps
	savedFail, savedPool, savedErrp := e.fail, e.pool, e.errp
	savedUsesFail, savedUsesPool := e.usesFail, e.usesPool
	e.temps, e.usesFail, e.usesPool = nil, false, false
	e.fail, e.pool, e.errp = failL, poolN, "&"+errN
	body, err := e.block(s.Body, depth+2)
	iterTemps, iterFails, iterPool := e.temps, e.usesFail, e.usesPool
	e.pre, e.temps = savedPre, savedTemps
	e.fail, e.pool, e.errp = savedFail, savedPool, savedErrp
	e.usesFail, e.usesPool = savedUsesFail, savedUsesPool
	if err != nil {
		return nil, err
	}

	out := []string{t + "{"}
	if iterFails {
		out = append(out, t1+"int64_t "+failedN+" = "+nc+";")
	}
	out = append(out,
		t1+"PYC2GO_OMP(\"omp parallel for schedule(dynamic, 1) num_threads(pyc2go_workers("+nc+"))\")",
		t1+"for (int64_t "+cN+" = 0; "+cN+" < "+nc+"; "+cN+"++) {")
	var voids []string
	for _, v := range s.Locals {
		d, err := decl(v.Type, e.names.vars[v], "")
		if err != nil {
			return nil, err
		}
		out = append(out, t2+d)
		if !e.read[v] {
			voids = append(voids, t2+"(void)"+e.names.vars[v]+";")
		}
	}
	for _, d := range iterTemps {
		out = append(out, t2+d)
	}
	if iterPool {
		out = append(out, t2+"pyc2go_pool "+poolN+" = {0};")
	}
	if iterFails {
		out = append(out, t2+"pyc2go_error "+errN+";")
	}
	out = append(out, voids...)
	if iterFails {
		out = append(out, t2+"if (pyc2go_par_skip(&"+failedN+", "+cN+"))", t2+"\tcontinue;")
	}
	out = append(out, body...)
	if iterPool {
		out = append(out, t2+"pyc2go_pool_free(&"+poolN+");")
	}
	if iterFails {
		out = append(out, t2+"continue;", t1+failL+":")
		if iterPool {
			out = append(out, t2+"pyc2go_pool_free(&"+poolN+");")
		}
		out = append(out, t2+"pyc2go_par_fail(&"+failedN+", "+cN+", "+e.errp+", &"+errN+");")
	}
	out = append(out, t1+"}")
	if iterFails {
		e.usesFail, e.usesErr = true, true
		out = append(out, t1+"if ("+failedN+" < "+nc+")", t1+"\tgoto "+e.fail+";")
	}
	return append(out, t+"}"), nil
}
