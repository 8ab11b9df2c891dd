package runtime

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
)

// NpyArray is an n-dimensional array as stored in a .npy file. Data is
// always in C (row-major) order and native Go types; Dtype is numpy's dtype
// string normalised to little-endian ("<f8", "<i8", "|b1", "<c16", ...).
type NpyArray struct {
	Dtype string
	Shape []int
	Data  any // []float64, []int64, []bool, []complex128, []float32, []int32, []uint8, ...
}

// npyType describes one supported element type.
type npyType struct {
	dtype string // normalised numpy descr
	size  int    // bytes per element
	make  func(n int) any
}

var npyTypes = []npyType{
	{"|b1", 1, func(n int) any { return make([]bool, n) }},
	{"|i1", 1, func(n int) any { return make([]int8, n) }},
	{"|u1", 1, func(n int) any { return make([]uint8, n) }},
	{"<i2", 2, func(n int) any { return make([]int16, n) }},
	{"<u2", 2, func(n int) any { return make([]uint16, n) }},
	{"<i4", 4, func(n int) any { return make([]int32, n) }},
	{"<u4", 4, func(n int) any { return make([]uint32, n) }},
	{"<i8", 8, func(n int) any { return make([]int64, n) }},
	{"<u8", 8, func(n int) any { return make([]uint64, n) }},
	{"<f4", 4, func(n int) any { return make([]float32, n) }},
	{"<f8", 8, func(n int) any { return make([]float64, n) }},
	{"<c8", 8, func(n int) any { return make([]complex64, n) }},
	{"<c16", 16, func(n int) any { return make([]complex128, n) }},
}

// dataDtype returns the dtype of a Data slice and its length.
func dataDtype(data any) (string, int, error) {
	switch d := data.(type) {
	case []bool:
		return "|b1", len(d), nil
	case []int8:
		return "|i1", len(d), nil
	case []uint8:
		return "|u1", len(d), nil
	case []int16:
		return "<i2", len(d), nil
	case []uint16:
		return "<u2", len(d), nil
	case []int32:
		return "<i4", len(d), nil
	case []uint32:
		return "<u4", len(d), nil
	case []int64:
		return "<i8", len(d), nil
	case []uint64:
		return "<u8", len(d), nil
	case []float32:
		return "<f4", len(d), nil
	case []float64:
		return "<f8", len(d), nil
	case []complex64:
		return "<c8", len(d), nil
	case []complex128:
		return "<c16", len(d), nil
	}
	return "", 0, fmt.Errorf("npy: unsupported data type %T", data)
}

// normDtype maps any byte-order spelling of a supported descr to the
// little-endian normal form and reports whether the data is big-endian.
func normDtype(descr string) (npyType, bool, error) {
	if len(descr) < 2 {
		return npyType{}, false, fmt.Errorf("npy: unsupported dtype %q", descr)
	}
	order, rest := descr[0], descr[1:]
	big := false
	switch order {
	case '<', '|', '=':
	case '>':
		big = true
	default:
		order, rest = '=', descr
	}
	for _, t := range npyTypes {
		if t.dtype[1:] == rest {
			if t.size == 1 {
				big = false
			}
			return t, big, nil
		}
	}
	return npyType{}, false, fmt.Errorf("npy: unsupported dtype %q", descr)
}

func shapeSize(shape []int) (int, error) {
	n := 1
	for _, d := range shape {
		if d < 0 {
			return 0, fmt.Errorf("npy: negative dimension in shape %v", shape)
		}
		n *= d
	}
	return n, nil
}

// npyHeader renders the header dict exactly as numpy 1.24's np.save does,
// including the spare spaces numpy reserves for growing the first axis, so
// files are byte-identical to numpy's.
func npyHeader(dtype string, shape []int) []byte {
	var sh string
	switch len(shape) {
	case 0:
		sh = "()"
	case 1:
		sh = "(" + strconv.Itoa(shape[0]) + ",)"
	default:
		parts := make([]string, len(shape))
		for i, d := range shape {
			parts[i] = strconv.Itoa(d)
		}
		sh = "(" + strings.Join(parts, ", ") + ")"
	}
	h := "{'descr': '" + dtype + "', 'fortran_order': False, 'shape': " + sh + ", }"
	if len(shape) > 0 {
		// numpy: GROWTH_AXIS_MAX_DIGITS (21) minus the digits of shape[0]
		h += strings.Repeat(" ", 21-len(strconv.Itoa(shape[0])))
	}
	hlen := len(h) + 1 // trailing newline
	const align = 64
	major, lenBytes := byte(1), 2
	if 10+hlen+align > 65535 {
		major, lenBytes = 2, 4
	}
	pad := align - ((6 + 2 + lenBytes + hlen) % align)
	var b bytes.Buffer
	b.WriteString("\x93NUMPY")
	b.WriteByte(major)
	b.WriteByte(0)
	total := hlen + pad
	if lenBytes == 2 {
		binary.Write(&b, binary.LittleEndian, uint16(total))
	} else {
		binary.Write(&b, binary.LittleEndian, uint32(total))
	}
	b.WriteString(h)
	b.WriteString(strings.Repeat(" ", pad))
	b.WriteByte('\n')
	return b.Bytes()
}

// WriteNpy writes a in .npy format (version 1.0, or 2.0 for huge headers),
// little-endian, C order. a.Dtype may be empty (derived from Data); if set
// it must agree with Data.
func WriteNpy(w io.Writer, a *NpyArray) error {
	dt, n, err := dataDtype(a.Data)
	if err != nil {
		return err
	}
	if a.Dtype != "" {
		t, _, err := normDtype(a.Dtype)
		if err != nil {
			return err
		}
		if t.dtype != dt {
			return fmt.Errorf("npy: dtype %q does not match data %T", a.Dtype, a.Data)
		}
	}
	size, err := shapeSize(a.Shape)
	if err != nil {
		return err
	}
	if size != n {
		return fmt.Errorf("npy: shape %v needs %d elements, data has %d", a.Shape, size, n)
	}
	bw := bufio.NewWriter(w)
	bw.Write(npyHeader(dt, a.Shape))
	if err := binary.Write(bw, binary.LittleEndian, a.Data); err != nil {
		return err
	}
	return bw.Flush()
}

var (
	reDescr   = regexp.MustCompile(`['"]descr['"]\s*:\s*['"]([^'"]*)['"]`)
	reFortran = regexp.MustCompile(`['"]fortran_order['"]\s*:\s*(True|False)`)
	reShape   = regexp.MustCompile(`['"]shape['"]\s*:\s*\(([^)]*)\)`)
)

// ReadNpy reads a .npy file (versions 1.0, 2.0, 3.0) with a simple dtype in
// either byte order and C or Fortran order; the result is in C order with
// a normalised little-endian Dtype.
func ReadNpy(r io.Reader) (*NpyArray, error) {
	br := bufio.NewReader(r)
	var pre [8]byte
	if _, err := io.ReadFull(br, pre[:]); err != nil {
		return nil, fmt.Errorf("npy: reading magic: %w", err)
	}
	if string(pre[:6]) != "\x93NUMPY" {
		return nil, errors.New("npy: not a .npy file (bad magic)")
	}
	var hlen int
	switch pre[6] {
	case 1:
		var l uint16
		if err := binary.Read(br, binary.LittleEndian, &l); err != nil {
			return nil, err
		}
		hlen = int(l)
	case 2, 3:
		var l uint32
		if err := binary.Read(br, binary.LittleEndian, &l); err != nil {
			return nil, err
		}
		hlen = int(l)
	default:
		return nil, fmt.Errorf("npy: unsupported format version %d.%d", pre[6], pre[7])
	}
	hdr := make([]byte, hlen)
	if _, err := io.ReadFull(br, hdr); err != nil {
		return nil, fmt.Errorf("npy: reading header: %w", err)
	}
	h := string(hdr)
	m := reDescr.FindStringSubmatch(h)
	if m == nil {
		return nil, fmt.Errorf("npy: unsupported header (structured dtype?): %q", strings.TrimSpace(h))
	}
	t, bigEndian, err := normDtype(m[1])
	if err != nil {
		return nil, err
	}
	fortran := false
	if f := reFortran.FindStringSubmatch(h); f != nil {
		fortran = f[1] == "True"
	} else {
		return nil, fmt.Errorf("npy: header lacks fortran_order: %q", h)
	}
	s := reShape.FindStringSubmatch(h)
	if s == nil {
		return nil, fmt.Errorf("npy: header lacks shape: %q", h)
	}
	shape := []int{}
	for _, p := range strings.Split(s[1], ",") {
		p = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(p), "L"))
		if p == "" {
			continue
		}
		d, err := strconv.Atoi(p)
		if err != nil || d < 0 {
			return nil, fmt.Errorf("npy: bad shape %q", s[1])
		}
		shape = append(shape, d)
	}
	n, _ := shapeSize(shape)
	data := t.make(n)
	var order binary.ByteOrder = binary.LittleEndian
	if bigEndian {
		order = binary.BigEndian
	}
	if err := binary.Read(br, order, data); err != nil {
		return nil, fmt.Errorf("npy: reading %d elements of %s: %w", n, t.dtype, err)
	}
	if fortran && len(shape) > 1 {
		data = fortranToC(data, shape, t)
	}
	return &NpyArray{Dtype: t.dtype, Shape: shape, Data: data}, nil
}

// fortranToC reorders column-major data into row-major order.
func fortranToC(data any, shape []int, t npyType) any {
	n, _ := shapeSize(shape)
	perm := make([]int, n) // perm[c] = Fortran offset of C-order element c
	idx := make([]int, len(shape))
	for c := 0; c < n; c++ {
		off, stride := 0, 1
		for k := 0; k < len(shape); k++ {
			off += idx[k] * stride
			stride *= shape[k]
		}
		perm[c] = off
		for k := len(shape) - 1; k >= 0; k-- { // next C index
			idx[k]++
			if idx[k] < shape[k] {
				break
			}
			idx[k] = 0
		}
	}
	out := t.make(n)
	permute(out, data, perm)
	return out
}

func permute(dst, src any, perm []int) {
	switch d := dst.(type) {
	case []bool:
		permuteT(d, src.([]bool), perm)
	case []int8:
		permuteT(d, src.([]int8), perm)
	case []uint8:
		permuteT(d, src.([]uint8), perm)
	case []int16:
		permuteT(d, src.([]int16), perm)
	case []uint16:
		permuteT(d, src.([]uint16), perm)
	case []int32:
		permuteT(d, src.([]int32), perm)
	case []uint32:
		permuteT(d, src.([]uint32), perm)
	case []int64:
		permuteT(d, src.([]int64), perm)
	case []uint64:
		permuteT(d, src.([]uint64), perm)
	case []float32:
		permuteT(d, src.([]float32), perm)
	case []float64:
		permuteT(d, src.([]float64), perm)
	case []complex64:
		permuteT(d, src.([]complex64), perm)
	case []complex128:
		permuteT(d, src.([]complex128), perm)
	}
}

func permuteT[T any](dst, src []T, perm []int) {
	for c, f := range perm {
		dst[c] = src[f]
	}
}

// WriteNpyFile writes a to path (created or truncated).
func WriteNpyFile(path string, a *NpyArray) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := WriteNpy(f, a); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// ReadNpyFile reads the .npy file at path.
func ReadNpyFile(path string) (*NpyArray, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadNpy(f)
}
