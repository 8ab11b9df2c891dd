package lower

import "github.com/pyc2go/pyc2go/ir"

// tile: block a 2-D or 3-D perfect loop nest so its working set stays in
// cache.
//
// Strip-mining a loop (for i -> for ii by T: for i in [ii, min(ii+T, n)))
// never changes anything; moving the tile loops outside the point loops is
// an interchange, legal when every dependence, oriented forward, has no
// negative component (nest.go's tileable): then the updates of each
// element still happen in order, so float results stay bit-identical. The
// same aliasing versioning as interchange applies (may_share pairs not
// already tested by an enclosing If).
//
// When to tile (a heuristic, like interchange's C-order assumption):
//   - a 2-D nest with an access strided in the innermost loop even after
//     interchange, the transpose b[j, i] = a[i, j]: without tiles every
//     element of b's column walk touches a new cache line; with T×T tiles
//     the T lines of the strided array stay in L1 while the tile is swept.
//     T is the largest power of two with (arrays · T² · elem) <= L1/2;
//   - a 3-D nest where some array does not depend on the outermost loop,
//     matmul after interchange (ikj: b[k, j] is reread for every i): the
//     tile of that array is reused across the outermost loop while it stays
//     in L2. T is the largest power of two with (arrays · T² · elem) <=
//     L2/2.
//
// Other nests (unit-stride 2-D walks, stencils whose rows fit in cache)
// keep their loops; the pass says so in a remark.
//
// Cache sizes come from Config.Cache (DefaultCache when zero), never from
// the machine directly, so generated code is deterministic; the CLI reads
// /sys or --cache.
//
// Only loops with step 1 are tiled. The end of a point loop is
// it + min(stop - it, T), computed in a temporary (For stops must be
// variables): stop - it cannot wrap when the loop starts at a non-negative
// constant, which is every loop the pass tiles (others are left alone).
const tileDoc = "tile blocks 2-D and 3-D perfect loop nests with poor locality (strided innermost accesses, reuse across the outermost loop) into tiles sized from the cache sizes, when every dependence allows it."

// minTile is the smallest tile worth the loop overhead.
const minTile = 8

func tile(f *ir.Func, pc *passCtx) {
	cache := pc.cfg.Cache.orDefault()
	nestWalker(f.Body, nil, func(root *ir.For, facts map[string]bool) ([]ir.Stmt, bool) {
		n, why := analyzeNest(f, root, facts)
		if n == nil {
			if why != "" {
				pc.remark(root.Pos, "not tiled: %s", why)
			}
			return nil, true
		}
		depth := len(n.loops)
		if depth > 3 {
			pc.remark(root.Pos, "not tiled: %d loops (tiles 2-D and 3-D nests)", depth)
			return nil, false
		}
		level, size := "L1", cache.L1
		switch {
		case depth == 2 && n.strideCost(1) > 0:
		case depth == 3 && n.reusedAcrossOuter():
			level, size = "L2", cache.L2
		default:
			pc.remark(root.Pos, "not tiled: the innermost loop walks unit strides and the outermost carries no reuse")
			return nil, false
		}
		for _, l := range n.loops {
			if c, ok := l.Step.(*ir.ConstExpr); !ok || c.Value != int64(1) {
				pc.remark(root.Pos, "not tiled: loop %s does not step by 1", l.Var.Name)
				return nil, false
			}
			if c, ok := l.Start.(*ir.ConstExpr); !ok || c.Value.(int64) < 0 {
				pc.remark(root.Pos, "not tiled: loop %s does not start at a non-negative constant", l.Var.Name)
				return nil, false
			}
		}
		if ok, d := n.tileable(); !ok {
			pc.remark(root.Pos, "not tiled: %s carries a dependence", d)
			return nil, false
		}
		t := n.tileSize(size)
		if t < minTile {
			pc.remark(root.Pos, "not tiled: %s=%s is too small for %d×%d tiles", level, sizeString(size), minTile, minTile)
			return nil, false
		}
		pc.remark(root.Pos, "tiled %d-D nest with %d-wide tiles (%s=%s)", depth, t, level, sizeString(size))
		orig := ir.CloneStmt(root).(*ir.For)
		return n.rewrite(root, orig, n.tiled(f, t)), false
	})
}

// reusedAcrossOuter reports whether some array's subscripts do not depend
// on the outermost loop, so every outer iteration rereads it.
func (n *perfectNest) reusedAcrossOuter() bool {
	v := n.loops[0].Var
	for _, a := range n.accesses {
		uses := false
		for _, s := range a.sub {
			uses = uses || s.iv[v] != 0
		}
		if !uses {
			return true
		}
	}
	return false
}

// tileSize returns the largest power of two T with arrays·T²·elem <=
// size/2, for the distinct arrays of the nest.
func (n *perfectNest) tileSize(size int64) int64 {
	arrays := map[*ir.Var]bool{}
	elem := int64(1)
	for _, a := range n.accesses {
		arrays[a.arr] = true
		if s := elemSize(a.arr.Type.(*ir.Array).Elem); s > elem {
			elem = s
		}
	}
	t := int64(1)
	for int64(len(arrays))*(2*t)*(2*t)*elem <= size/2 && t < 1<<12 {
		t *= 2
	}
	return t
}

func elemSize(s ir.Scalar) int64 {
	switch s {
	case ir.Int8, ir.Uint8, ir.Bool:
		return 1
	case ir.Int16, ir.Uint16:
		return 2
	case ir.Int32, ir.Uint32, ir.Float32:
		return 4
	case ir.Complex128:
		return 16
	}
	return 8
}

// tiled builds the tiled nest: tile loops for every loop in order, then
// the point-loop ends, then the point loops around the innermost body
// (moved).
func (n *perfectNest) tiled(f *ir.Func, t int64) *ir.For {
	body := n.body
	tiles := make([]*ir.Var, len(n.loops))
	ends := make([]*ir.Var, len(n.loops))
	for i, l := range n.loops {
		tiles[i] = nestLocal(f, l.Var.Name+"_tile")
		ends[i] = nestLocal(f, l.Var.Name+"_end")
	}
	for i := len(n.loops) - 1; i >= 0; i-- {
		l := n.loops[i]
		body = &ir.Block{Stmts: []ir.Stmt{&ir.For{Var: l.Var, Start: ir.Ref(tiles[i]), Stop: ir.Ref(ends[i]), Step: ir.Int(1), Body: body, Pos: l.Pos}}}
	}
	var endSets []ir.Stmt
	for i, l := range n.loops {
		// it + min(stop - it, T)
		rest := ir.Bin(ir.Sub, ir.CloneExpr(l.Stop), ir.Ref(tiles[i]))
		endSets = append(endSets, &ir.Assign{Dst: ends[i], Src: ir.Bin(ir.Add, ir.Ref(tiles[i]),
			&ir.Intrinsic{Name: "min", Args: []ir.Expr{rest, ir.Int(t)}, T: ir.Int64}), Pos: l.Pos})
	}
	body = &ir.Block{Stmts: append(endSets, body.Stmts...)}
	for i := len(n.loops) - 1; i >= 0; i-- {
		l := n.loops[i]
		body = &ir.Block{Stmts: []ir.Stmt{&ir.For{Var: tiles[i], Start: ir.CloneExpr(l.Start), Stop: ir.CloneExpr(l.Stop), Step: ir.Int(t), Body: body, Pos: l.Pos}}}
	}
	return body.Stmts[0].(*ir.For)
}
