package opt

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
//     element of b's column walk touches a new cache line, and each line
//     is evicted before the next column uses it; with T×T tiles the lines
//     of a tile are reused while they are cached. T is the largest power
//     of two with (arrays · T² · elem) <= L2/2: measured on the 4096²
//     transpose of bench/opt (AMD EPYC, 32K L1, 512K L2), L2-sized tiles
//     (128) beat L1-sized ones (32) by a quarter: the hardware
//     prefetchers keep the strided rows' next lines coming, so what
//     matters is that a tile's lines survive until reuse;
//   - a 3-D nest where some array does not depend on the outermost loop,
//     matmul after interchange (ikj: b[k, j] is reread for every i): the
//     tile of that array is reused across the outermost loop while it stays
//     in L2. T is the largest power of two with (arrays · T² · elem) <=
//     L2/2.
//
// Other nests (unit-stride 2-D walks, stencils whose rows fit in cache)
// keep their loops; the pass says so in a remark.
//
// As the last loop-nest pass, tile also moves loads that do not depend on
// the innermost loop out of it (hoistInvariantLoads: matmul's a[i, k]),
// in the nests it tiles and in the others whose arrays are known not to
// overlap; interchange leaves them in place so that tile still sees a
// perfect nest.
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
		var band []int // the loops to tile, outermost first
		var t int64
		level, size := "L1", cache.L1
		switch {
		case depth == 2 && n.strideCost(1) > 0:
			band = []int{0, 1}
			level, size = "L2", cache.L2
			t = n.squareTile(size)
		case depth == 3 && n.reusedAcrossOuter():
			band = []int{0, 1}
			level, size = "L2", cache.L2
			t = n.rowTile(size)
		default:
			pc.remark(root.Pos, "not tiled: the innermost loop walks unit strides and the outermost carries no reuse")
			if len(n.noShare) == 0 {
				n.hoistInvariantLoads(root)
			}
			return nil, false
		}
		for _, b := range band {
			l := n.loops[b]
			if c, ok := l.Step.(*ir.ConstExpr); !ok || c.Value != int64(1) {
				pc.remark(root.Pos, "not tiled: loop %s does not step by 1", l.Var.Name)
				return nil, false
			}
			if c, ok := l.Start.(*ir.ConstExpr); !ok || c.Value.(int64) < 0 {
				pc.remark(root.Pos, "not tiled: loop %s does not start at a non-negative constant", l.Var.Name)
				return nil, false
			}
		}
		if ok, d := n.tileable(band); !ok {
			pc.remark(root.Pos, "not tiled: %s carries a dependence", d)
			return nil, false
		}
		if t < minTile {
			pc.remark(root.Pos, "not tiled: %s=%s is too small for %d-wide tiles", level, sizeString(size), minTile)
			return nil, false
		}
		names := ""
		for i, b := range band {
			if i > 0 {
				names += ", "
			}
			names += n.loops[b].Var.Name
		}
		pc.remark(root.Pos, "tiled loops %s of a %d-D nest with %d-wide tiles (%s=%s)", names, depth, t, level, sizeString(size))
		orig := ir.CloneStmt(root).(*ir.For)
		nest := n.tiled(f, t, band)
		n.hoistInvariantLoads(nest)
		return n.rewrite(root, orig, nest), false
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

// squareTile returns the largest power of two T with arrays·T²·elem <=
// size/2, for the distinct arrays of the nest: T×T tiles of every array
// fit in half the cache.
func (n *perfectNest) squareTile(size int64) int64 {
	arrays, elem := n.arrayCount()
	t := int64(1)
	for arrays*(2*t)*(2*t)*elem <= size/2 && t < 1<<12 {
		t *= 2
	}
	return t
}

// rowTile returns the tile of the two outer loops of a 3-D nest whose
// innermost loop stays whole: the largest power of two T with 2·T rows of
// assumedRow elements (a tile of the reused array and one of the array
// updated along it) in half the cache. Row lengths are only known at run
// time; assumedRow is a typical one.
func (n *perfectNest) rowTile(size int64) int64 {
	_, elem := n.arrayCount()
	t := int64(1)
	for 2*(2*t)*assumedRow*elem <= size/2 && t < 1<<12 {
		t *= 2
	}
	return t
}

const assumedRow = 512

func (n *perfectNest) arrayCount() (arrays, elem int64) {
	seen := map[*ir.Var]bool{}
	elem = 1
	for _, a := range n.accesses {
		if !seen[a.arr] {
			seen[a.arr] = true
			arrays++
		}
		if s := elemSize(a.arr.Type.(*ir.Array).Elem); s > elem {
			elem = s
		}
	}
	return arrays, elem
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

// tiled builds the tiled nest: tile loops for the band's loops in order,
// the ends of the point loops, then every loop of the nest in its order
// (band loops over one tile, the others whole) around the innermost body
// (moved).
func (n *perfectNest) tiled(f *ir.Func, t int64, band []int) *ir.For {
	inBand := map[int]bool{}
	for _, b := range band {
		inBand[b] = true
	}
	tiles := map[int]*ir.Var{}
	ends := map[int]*ir.Var{}
	for _, b := range band {
		name := n.loops[b].Var.Name
		tiles[b] = nestLocal(f, name+"_tile")
		ends[b] = nestLocal(f, name+"_end")
	}
	body := n.body
	for i := len(n.loops) - 1; i >= 0; i-- {
		l := n.loops[i]
		p := &ir.For{Var: l.Var, Start: ir.CloneExpr(l.Start), Stop: ir.CloneExpr(l.Stop), Step: ir.CloneExpr(l.Step), Body: body, Pos: l.Pos}
		if inBand[i] {
			p.Start, p.Stop, p.Step = ir.Ref(tiles[i]), ir.Ref(ends[i]), ir.Int(1)
		}
		body = &ir.Block{Stmts: []ir.Stmt{p}}
	}
	var endSets []ir.Stmt
	for _, b := range band {
		l := n.loops[b]
		// it + min(stop - it, T)
		rest := ir.Bin(ir.Sub, ir.CloneExpr(l.Stop), ir.Ref(tiles[b]))
		endSets = append(endSets, &ir.Assign{Dst: ends[b], Src: ir.Bin(ir.Add, ir.Ref(tiles[b]),
			&ir.Intrinsic{Name: "min", Args: []ir.Expr{rest, ir.Int(t)}, T: ir.Int64}), Pos: l.Pos})
	}
	body = &ir.Block{Stmts: append(endSets, body.Stmts...)}
	for i := len(band) - 1; i >= 0; i-- {
		l := n.loops[band[i]]
		body = &ir.Block{Stmts: []ir.Stmt{&ir.For{Var: tiles[band[i]], Start: ir.CloneExpr(l.Start), Stop: ir.CloneExpr(l.Stop), Step: ir.Int(t), Body: body, Pos: l.Pos}}}
	}
	return body.Stmts[0].(*ir.For)
}
