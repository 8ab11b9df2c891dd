package runtime

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// Elem is the set of numpy element types an Array can hold. The tilde
// admits named types (type Meters float64) so Go users can keep their own
// types; the runtime maps them to numpy dtypes by their underlying kind.
type Elem interface {
	~bool | ~int8 | ~int16 | ~int32 | ~int64 | ~uint8 | ~uint16 | ~uint32 | ~uint64 |
		~float32 | ~float64 | ~complex64 | ~complex128
}

// Array is an n-dimensional strided array: numpy's ndarray model restricted
// to a fixed element type. Element (i0, ..., ik) lives at
// Data[Offset + i0*Strides[0] + ... + ik*Strides[k]]. Strides count
// elements, not bytes, and may be negative (reversed views such as a[::-1])
// or zero (broadcast views); views share Data, which is how numpy's basic
// slicing, transposition and in-place kernels behave.
//
// The fields are exported so that generated code can index with its own
// loops without a method call per element; keep them consistent
// (len(Shape) == len(Strides), every reachable index inside Data).
type Array[T Elem] struct {
	Data    []T   // shared by views
	Shape   []int // one extent per axis; empty for a 0-d array
	Strides []int // in elements, may be negative or zero
	Offset  int   // element index of [0, ..., 0] in Data
}

// cStrides returns the C-order (row-major) strides of shape in elements.
func cStrides(shape []int) []int {
	st := make([]int, len(shape))
	s := 1
	for k := len(shape) - 1; k >= 0; k-- {
		st[k] = s
		s *= shape[k]
	}
	return st
}

// shapeProduct is the number of elements of shape; it panics on a negative
// extent because no array can have one.
func shapeProduct(shape []int) int {
	n := 1
	for _, d := range shape {
		if d < 0 {
			panic(fmt.Sprintf("runtime: negative dimension in shape %v", cloneShape(shape)))
		}
		n *= d
	}
	return n
}

// cloneShape copies a shape for a panic message. Formatting the caller's
// slice itself would make escape analysis move every shape passed to
// Zeros, Size or Overlaps to the heap, even though the panic never
// happens: the copy keeps those calls allocation-free.
//
//go:noinline
func cloneShape(shape []int) []int { return append([]int(nil), shape...) }

// FromSlice returns a C-contiguous array of the given shape viewing data
// (no copy: writes through the array are visible in data); no shape means
// 0-d (one element). It panics when len(data) differs from the product of
// shape: that is a programming error, as in gonum's mat.NewDense.
func FromSlice[T Elem](data []T, shape ...int) *Array[T] {
	if n := shapeProduct(shape); n != len(data) {
		panic(fmt.Sprintf("runtime: FromSlice: shape %v needs %d elements, data has %d", cloneShape(shape), n, len(data)))
	}
	// Shape and Strides share one allocation: every fresh array of generated
	// code goes through here, and allocations are what fused kernels count.
	n := len(shape)
	dims := make([]int, 2*n)
	copy(dims, shape)
	st := dims[n:]
	s := 1
	for k := n - 1; k >= 0; k-- {
		st[k] = s
		s *= shape[k]
	}
	return &Array[T]{Data: data, Shape: dims[:n:n], Strides: st}
}

// DataOf returns a.Data, or nil when a is nil: generated code reads the
// data of an optional array (Python's None is nil) through it.
func DataOf[T Elem](a *Array[T]) []T {
	if a == nil {
		return nil
	}
	return a.Data
}

// Zeros is np.zeros(shape) for element type T. No shape gives a 0-d array.
func Zeros[T Elem](shape ...int) *Array[T] {
	return FromSlice(make([]T, allocCount[T](shape)), shape...)
}

// Full is np.full(shape, v).
func Full[T Elem](v T, shape ...int) *Array[T] {
	a := Zeros[T](shape...)
	for i := range a.Data {
		a.Data[i] = v
	}
	return a
}

// Ndim is a.ndim.
func (a *Array[T]) Ndim() int { return len(a.Shape) }

// Size is a.size, the number of elements (1 for a 0-d array).
func (a *Array[T]) Size() int { return shapeProduct(a.Shape) }

// Len is len(a), the extent of the first axis. Like Python's len() of a
// 0-d array it has no answer there, so it panics.
func (a *Array[T]) Len() int {
	if len(a.Shape) == 0 {
		panic("runtime: len() of unsized object (0-d array)")
	}
	return a.Shape[0]
}

// index maps a full index to a position in Data, panicking on a wrong
// number of indices or an index out of range. Negative indices are
// rejected rather than wrapped: At and Set are Go-style accessors, and
// generated code normalises Python indices itself before calling them.
func (a *Array[T]) index(idx []int) int {
	if len(idx) != len(a.Shape) {
		panic(fmt.Sprintf("runtime: %d indices for a %d-d array", len(idx), len(a.Shape)))
	}
	p := a.Offset
	for k, i := range idx {
		if i < 0 || i >= a.Shape[k] {
			panic(fmt.Sprintf("runtime: index %d out of range for axis %d with size %d", i, k, a.Shape[k]))
		}
		p += i * a.Strides[k]
	}
	return p
}

// At returns a[idx...]; it needs exactly Ndim indices, each in [0, Shape[k]).
func (a *Array[T]) At(idx ...int) T { return a.Data[a.index(idx)] }

// Set assigns a[idx...] = v with the index rules of At.
func (a *Array[T]) Set(v T, idx ...int) { a.Data[a.index(idx)] = v }

// IsCContiguous is a.flags.c_contiguous: the elements are laid out in C
// order without gaps starting at Offset. As in numpy, axes of extent 1 may
// have any stride and an empty array is contiguous.
func (a *Array[T]) IsCContiguous() bool {
	want := 1
	for k := len(a.Shape) - 1; k >= 0; k-- {
		d := a.Shape[k]
		if d == 0 {
			return true
		}
		if d != 1 && a.Strides[k] != want {
			return false
		}
		want *= d
	}
	return true
}

// forEach calls f with the Data position of every element in C order.
func (a *Array[T]) forEach(f func(p int)) {
	n := a.Size()
	if n == 0 {
		return
	}
	nd := len(a.Shape)
	if nd == 0 {
		f(a.Offset)
		return
	}
	idx := make([]int, nd)
	p := a.Offset
	last := nd - 1
	for {
		for i, s := 0, a.Strides[last]; i < a.Shape[last]; i++ {
			f(p + i*s)
		}
		// advance the outer axes like an odometer
		k := last - 1
		for ; k >= 0; k-- {
			idx[k]++
			p += a.Strides[k]
			if idx[k] < a.Shape[k] {
				break
			}
			p -= idx[k] * a.Strides[k]
			idx[k] = 0
		}
		if k < 0 {
			return
		}
	}
}

// Flat returns the elements in C order. When the array is C-contiguous it
// is a subslice of Data (writes alias the array, no allocation); otherwise
// a fresh copy. Generated code uses it for whole-array reductions.
func (a *Array[T]) Flat() []T {
	n := a.Size()
	if a.IsCContiguous() {
		return a.Data[a.Offset : a.Offset+n : a.Offset+n]
	}
	out := make([]T, 0, n)
	a.forEach(func(p int) { out = append(out, a.Data[p]) })
	return out
}

// Copy is a.copy(): a fresh C-contiguous array with the same shape.
func (a *Array[T]) Copy() *Array[T] {
	out := make([]T, 0, a.Size())
	a.forEach(func(p int) { out = append(out, a.Data[p]) })
	return FromSlice(out, a.Shape...)
}

// SliceIndices is Python's slice(start, stop, step).indices(n) followed by
// the length of the selection (range(start, stop, step)'s len): omitted
// bounds (hasStart/hasStop false; the values are then ignored) default
// according to the sign of step, negative bounds count from the end, and
// everything is clamped into range. Python raises "slice step cannot be
// zero" for step 0; generated code checks that first, so SliceIndices
// panics on it.
func SliceIndices(n, start, stop, step int64, hasStart, hasStop bool) (int64, int64, int64, int64) {
	if step == 0 {
		panic("runtime: slice step cannot be zero")
	}
	lower, upper := int64(0), n
	if step < 0 {
		lower, upper = -1, n-1
	}
	clamp := func(v int64) int64 {
		if v < 0 {
			v += n
			if v < lower {
				v = lower
			}
		} else if v > upper {
			v = upper
		}
		return v
	}
	if !hasStart {
		if step < 0 {
			start = upper
		} else {
			start = lower
		}
	} else {
		start = clamp(start)
	}
	if !hasStop {
		if step < 0 {
			stop = lower
		} else {
			stop = upper
		}
	} else {
		stop = clamp(stop)
	}
	var length int64
	if step < 0 {
		if stop < start {
			length = (start-stop-1)/(-step) + 1
		}
	} else if start < stop {
		length = (stop-start-1)/step + 1
	}
	return start, stop, step, length
}

// Slice is the view a[..., start:stop:step, ...] along axis with bounds
// already normalised by SliceIndices (so start is a valid index whenever
// the selection is non-empty). It panics on step 0 or bounds that are out
// of range, which normalised bounds never are.
func (a *Array[T]) Slice(axis, start, stop, step int) *Array[T] {
	if axis < 0 || axis >= len(a.Shape) {
		panic(fmt.Sprintf("runtime: axis %d out of range for a %d-d array", axis, len(a.Shape)))
	}
	if step == 0 {
		panic("runtime: slice step cannot be zero")
	}
	length := 0
	if step > 0 && start < stop {
		length = (stop-start-1)/step + 1
	} else if step < 0 && stop < start {
		length = (start-stop-1)/(-step) + 1
	}
	n := a.Shape[axis]
	if length > 0 {
		last := start + (length-1)*step
		if start < 0 || start >= n || last < 0 || last >= n {
			panic(fmt.Sprintf("runtime: slice %d:%d:%d out of range for axis %d with size %d", start, stop, step, axis, n))
		}
	}
	v := &Array[T]{Data: a.Data, Shape: append([]int{}, a.Shape...), Strides: append([]int{}, a.Strides...), Offset: a.Offset}
	if length > 0 {
		v.Offset += start * a.Strides[axis]
	}
	v.Shape[axis] = length
	v.Strides[axis] = a.Strides[axis] * step
	return v
}

// Transpose is a.T: a view with the axes reversed.
func (a *Array[T]) Transpose() *Array[T] {
	nd := len(a.Shape)
	v := &Array[T]{Data: a.Data, Shape: make([]int, nd), Strides: make([]int, nd), Offset: a.Offset}
	for k := 0; k < nd; k++ {
		v.Shape[k] = a.Shape[nd-1-k]
		v.Strides[k] = a.Strides[nd-1-k]
	}
	return v
}

// Reshape is a.reshape(shape): a view sharing Data when a is C-contiguous,
// otherwise a reshaped copy. (numpy also returns views for some
// non-contiguous layouts; generated code must not rely on either, exactly as
// numpy documents.) One extent may be -1 and is inferred. A size mismatch
// panics with numpy's message.
func (a *Array[T]) Reshape(shape ...int) *Array[T] {
	size := a.Size()
	shape = append([]int{}, shape...)
	infer, known := -1, 1
	for k, d := range shape {
		switch {
		case d == -1 && infer < 0:
			infer = k
		case d < 0:
			panic(fmt.Sprintf("runtime: invalid shape %v for reshape", shape))
		default:
			known *= d
		}
	}
	if infer >= 0 {
		if known == 0 || size%known != 0 {
			panic(fmt.Sprintf("cannot reshape array of size %d into shape %s", size, pyShape(shape)))
		}
		shape[infer] = size / known
	}
	if shapeProduct(shape) != size {
		panic(fmt.Sprintf("cannot reshape array of size %d into shape %s", size, pyShape(shape)))
	}
	src := a
	if !a.IsCContiguous() {
		src = a.Copy()
	}
	return &Array[T]{Data: src.Data, Shape: shape, Strides: cStrides(shape), Offset: src.Offset}
}

// Ravel is a.ravel(): 1-d, a view when C-contiguous, else a copy.
func (a *Array[T]) Ravel() *Array[T] { return a.Reshape(a.Size()) }

// pyShape spells a shape as Python's repr of a tuple: (), (3,), (2, 3).
func pyShape(shape []int) string {
	parts := make([]string, len(shape))
	for i, d := range shape {
		parts[i] = strconv.Itoa(d)
	}
	if len(parts) == 1 {
		return "(" + parts[0] + ",)"
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// elemKind is the reflect.Kind underlying T; named element types map to
// the dtype of their underlying type.
func elemKind[T Elem]() reflect.Kind { return reflect.TypeFor[T]().Kind() }

var kindDtype = map[reflect.Kind]string{
	reflect.Bool: "|b1", reflect.Int8: "|i1", reflect.Uint8: "|u1",
	reflect.Int16: "<i2", reflect.Uint16: "<u2", reflect.Int32: "<i4", reflect.Uint32: "<u4",
	reflect.Int64: "<i8", reflect.Uint64: "<u8", reflect.Float32: "<f4", reflect.Float64: "<f8",
	reflect.Complex64: "<c8", reflect.Complex128: "<c16",
}

var dtypeNames = map[string]string{
	"|b1": "bool", "|i1": "int8", "|u1": "uint8", "<i2": "int16", "<u2": "uint16",
	"<i4": "int32", "<u4": "uint32", "<i8": "int64", "<u8": "uint64",
	"<f4": "float32", "<f8": "float64", "<c8": "complex64", "<c16": "complex128",
}

// DtypeOf is the normalised .npy descr of T ("<f8", "<i8", "|b1", "<c16",
// ...), the spelling NpyArray.Dtype uses.
func DtypeOf[T Elem]() string { return kindDtype[elemKind[T]()] }

// DtypeName is numpy's name (str(dtype)) for a normalised descr: "<f8" is
// "float64", "|b1" is "bool". Unknown descrs are returned unchanged.
func DtypeName(descr string) string {
	if n, ok := dtypeNames[descr]; ok {
		return n
	}
	return descr
}

// kindType maps a kind to its predeclared Go type.
var kindType = map[reflect.Kind]reflect.Type{
	reflect.Bool: reflect.TypeFor[bool](), reflect.Int8: reflect.TypeFor[int8](), reflect.Uint8: reflect.TypeFor[uint8](),
	reflect.Int16: reflect.TypeFor[int16](), reflect.Uint16: reflect.TypeFor[uint16](),
	reflect.Int32: reflect.TypeFor[int32](), reflect.Uint32: reflect.TypeFor[uint32](),
	reflect.Int64: reflect.TypeFor[int64](), reflect.Uint64: reflect.TypeFor[uint64](),
	reflect.Float32: reflect.TypeFor[float32](), reflect.Float64: reflect.TypeFor[float64](),
	reflect.Complex64: reflect.TypeFor[complex64](), reflect.Complex128: reflect.TypeFor[complex128](),
}

// baseSlice returns s as a slice of T's underlying predeclared type
// ([]float64 for a named float64 type), the representation NpyArray uses.
// For predeclared T it returns s itself.
func baseSlice[T Elem](s []T) any {
	bt := kindType[elemKind[T]()]
	if reflect.TypeFor[T]() == bt {
		return s
	}
	out := reflect.MakeSlice(reflect.SliceOf(bt), len(s), len(s))
	for i, v := range s {
		out.Index(i).Set(reflect.ValueOf(v).Convert(bt))
	}
	return out.Interface()
}

// Npy returns a C-order copy of a for WriteNpy (the copy keeps the file
// independent of later writes through the array).
func (a *Array[T]) Npy() *NpyArray {
	flat := make([]T, 0, a.Size())
	a.forEach(func(p int) { flat = append(flat, a.Data[p]) })
	return &NpyArray{Dtype: DtypeOf[T](), Shape: append([]int{}, a.Shape...), Data: baseSlice(flat)}
}

// ArrayFromNpy wraps the data of n (no copy for predeclared element types)
// as an Array[T]. The dtype must be exactly T's: numpy kernels are typed,
// and silently casting int64 data into a float64 parameter would hide a
// caller's mistake, so a mismatch is an error naming both dtypes.
func ArrayFromNpy[T Elem](n *NpyArray) (*Array[T], error) {
	want := DtypeOf[T]()
	got := n.Dtype
	if got == "" {
		got, _, _ = dataDtype(n.Data)
	}
	if got != want {
		return nil, fmt.Errorf("expected dtype %s (%s), found %s (%s)", DtypeName(want), want, DtypeName(got), got)
	}
	size, err := shapeSize(n.Shape)
	if err != nil {
		return nil, err
	}
	data, ok := n.Data.([]T)
	if !ok {
		src := reflect.ValueOf(n.Data)
		if src.Kind() != reflect.Slice || src.Type().Elem().Kind() != elemKind[T]() {
			return nil, fmt.Errorf("npy data %T does not match dtype %s", n.Data, want)
		}
		data = make([]T, src.Len())
		tt := reflect.TypeFor[T]()
		for i := range data {
			data[i] = src.Index(i).Convert(tt).Interface().(T)
		}
	}
	if len(data) != size {
		return nil, fmt.Errorf("npy: shape %v needs %d elements, data has %d", n.Shape, size, len(data))
	}
	return FromSlice(data, n.Shape...), nil
}
