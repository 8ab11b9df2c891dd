package typeinfer

import (
	"github.com/go-python/gpython/ast"

	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/numpy"
)

// Advanced indexing: one index array in a subscript.
//
// numpy 1.24 indexes with an array in two ways. A boolean mask of rank r
// addresses r consecutive axes and selects the elements where it is true,
// in C order: those axes become one axis whose length is the number of
// true elements (a[a > 0] of a matrix is 1-D). An integer array addresses
// one axis and takes its elements at the given (possibly negative)
// positions: that axis becomes the index array's axes. Either way the
// result is a fresh array (a copy), and a store through the subscript
// writes the selected elements of the original.
//
// Integer scalars in the same subscript are advanced indices too, and
// numpy's placement rule follows: the index array's result axes replace
// the axes it addresses when the advanced items (the array and the
// integers) are adjacent, and come first otherwise (a[0, :, idx] of a
// (2, 3, 4) array with two indices is (2, 3)). The lowering (lower/mask.go)
// applies the rule; here the type is only the rank.
//
// Two index arrays in one subscript broadcast against each other in
// numpy (a[rows, cols] is pointwise): not supported, and the diagnostic
// says what to write instead.

// msgTwoArrays is the diagnostic for a second index array.
const msgTwoArrays = "unsupported: more than one index array in a subscript (numpy pairs them elementwise); " +
	"index one axis at a time (a[rows][:, cols] selects rows x cols) or write the loop"

// advancedItem checks the index array e (of type t) of a subscript whose
// items so far are in info.
func (c *checker) advancedItem(e ast.Expr, t *ir.Array, info *IndexInfo) (IndexItem, bool) {
	if info.Advanced() >= 0 {
		c.errorf(e, "%s", msgTwoArrays)
		return IndexItem{}, false
	}
	switch {
	case t.Rank == 0:
		c.errorf(e, "unsupported: a 0-dimensional index array; index with a scalar (int(x) or bool(x))")
		return IndexItem{}, false
	case t.Elem == ir.Bool:
		return IndexItem{Array: e, Mask: true, ArrRank: t.Rank}, true
	case t.Elem.IsInt():
		return IndexItem{Array: e, ArrRank: t.Rank}, true
	}
	c.errorf(e, "arrays used as indices must be of integer (or boolean) type (the index is a %s array; convert it with .astype(np.int64))", t.Elem)
	return IndexItem{}, false
}

// advancedType is the type of a subscript of a with an index array: a
// fresh array of a's dtype. ints is the number of integer items.
func (c *checker) advancedType(e *ast.Subscript, a *ir.Array, info *IndexInfo, ints int) ir.Type {
	it := info.Items[info.Advanced()]
	for _, x := range info.Items {
		if x.NewAxis {
			c.errorf(e, "unsupported: None (np.newaxis) together with an index array; index first, then add the axis (a[idx][:, None])")
			return nil
		}
	}
	covered, dims := 1, it.ArrRank
	if it.Mask {
		covered, dims = it.ArrRank, 1
	}
	rank := a.Rank - ints - covered + dims
	if rank > numpy.MaxRank {
		c.errorf(e, "unsupported: arrays of rank %d; ranks 1 to %d are supported", rank, numpy.MaxRank)
		return nil
	}
	return &ir.Array{Elem: a.Elem, Rank: rank, Contig: true}
}
