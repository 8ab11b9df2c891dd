package runtime

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

var npyCases = []NpyArray{
	{Shape: []int{}, Data: []float64{math.Copysign(0, -1)}},
	{Shape: []int{}, Data: []int64{-12}},
	{Shape: []int{}, Data: []bool{true}},
	{Shape: []int{}, Data: []complex128{complex(1, -2)}},
	{Shape: []int{3}, Data: []float32{0.1, -1, 3e38}},
	{Shape: []int{2, 3}, Data: []int32{1, 2, 3, -4, 5, 6}},
	{Shape: []int{2, 2, 2}, Data: []uint8{0, 1, 2, 3, 4, 5, 6, 255}},
	{Shape: []int{2}, Data: []int8{-128, 127}},
	{Shape: []int{2}, Data: []int16{-1, 300}},
	{Shape: []int{2}, Data: []uint16{65535, 1}},
	{Shape: []int{1, 2}, Data: []uint32{4000000000, 1}},
	{Shape: []int{2}, Data: []uint64{1 << 63, 1}},
	{Shape: []int{0, 4}, Data: []float64{}},
	{Shape: []int{1234567, 0}, Data: []int64{}},
}

// Go writes, numpy reads: the bytes must equal np.save's and the values
// must round-trip.
func TestNpyWriteVsNumpy(t *testing.T) {
	dir := t.TempDir()
	var in strings.Builder
	for i := range npyCases {
		p := filepath.Join(dir, "a"+itoa(int64(i))+".npy")
		if err := WriteNpyFile(p, &npyCases[i]); err != nil {
			t.Fatal(err)
		}
		in.WriteString(p + "\n")
	}
	out := runPython(t, `
for p in sys.stdin.read().split():
    a = np.load(p)
    b = __import__('io').BytesIO(); np.save(b, a)
    same = b.getvalue() == open(p, 'rb').read()
    print(a.dtype.str, a.shape, same, a.ravel().tolist())
`, in.String())
	want := []string{
		"<f8 () True [-0.0]", "<i8 () True [-12]", "|b1 () True [True]", "<c16 () True [(1-2j)]",
		"<f4 (3,) True [0.10000000149011612, -1.0, 3.0000000054977558e+38]",
		"<i4 (2, 3) True [1, 2, 3, -4, 5, 6]", "|u1 (2, 2, 2) True [0, 1, 2, 3, 4, 5, 6, 255]",
		"|i1 (2,) True [-128, 127]", "<i2 (2,) True [-1, 300]", "<u2 (2,) True [65535, 1]",
		"<u4 (1, 2) True [4000000000, 1]", "<u8 (2,) True [9223372036854775808, 1]",
		"<f8 (0, 4) True []", "<i8 (1234567, 0) True []",
	}
	if !reflect.DeepEqual(out, want) {
		t.Fatalf("numpy read:\n%s\nwant:\n%s", strings.Join(out, "\n"), strings.Join(want, "\n"))
	}
}

// numpy writes (incl. big-endian and Fortran order), Go reads.
func TestNpyReadFromNumpy(t *testing.T) {
	dir := t.TempDir()
	runPython(t, `
d = sys.argv[1] if len(sys.argv) > 1 else sys.stdin.read().strip()
a = np.arange(24, dtype='>f8').reshape(2, 3, 4) * 1.5
np.save(d + '/bigf8.npy', a)
np.save(d + '/fort.npy', np.asfortranarray(np.arange(6, dtype='<i8').reshape(2, 3)))
np.save(d + '/bigfort.npy', np.asfortranarray(np.arange(6, dtype='>i4').reshape(3, 2)))
np.save(d + '/c16.npy', np.array([1+2j, -0.0-1j], dtype='>c16'))
np.save(d + '/b.npy', np.array(True))
np.save(d + '/u2.npy', np.array([[1, 2]], dtype='>u2'))
np.save(d + '/f32.npy', np.float32(0.1))
np.lib.format.write_array(open(d + '/v2.npy', 'wb'), np.arange(3.0), version=(2, 0))
np.lib.format.write_array(open(d + '/v3.npy', 'wb'), np.arange(3.0), version=(3, 0))
`, dir)
	f := []float64{}
	for i := 0; i < 24; i++ {
		f = append(f, float64(i)*1.5)
	}
	cases := map[string]NpyArray{
		"bigf8.npy":   {"<f8", []int{2, 3, 4}, f},
		"fort.npy":    {"<i8", []int{2, 3}, []int64{0, 1, 2, 3, 4, 5}},
		"bigfort.npy": {"<i4", []int{3, 2}, []int32{0, 1, 2, 3, 4, 5}},
		"c16.npy":     {"<c16", []int{2}, []complex128{complex(1, 2), complex(-0.0, -1)}},
		"b.npy":       {"|b1", []int{}, []bool{true}},
		"u2.npy":      {"<u2", []int{1, 2}, []uint16{1, 2}},
		"f32.npy":     {"<f4", []int{}, []float32{0.1}},
		"v2.npy":      {"<f8", []int{3}, []float64{0, 1, 2}},
		"v3.npy":      {"<f8", []int{3}, []float64{0, 1, 2}},
	}
	for name, want := range cases {
		got, err := ReadNpyFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !reflect.DeepEqual(*got, want) {
			t.Errorf("%s: got %+v want %+v", name, *got, want)
		}
	}
}

func TestNpyRoundTripAndErrors(t *testing.T) {
	for _, c := range npyCases {
		var b bytes.Buffer
		if err := WriteNpy(&b, &c); err != nil {
			t.Fatal(err)
		}
		got, err := ReadNpy(&b)
		if err != nil || !reflect.DeepEqual(got.Shape, c.Shape) || !reflect.DeepEqual(got.Data, c.Data) {
			t.Errorf("round trip %+v: %+v %v", c, got, err)
		}
	}
	bad := []NpyArray{
		{Shape: []int{2}, Data: []float64{1}},
		{Shape: []int{}, Data: []string{"x"}},
		{Dtype: "<i8", Shape: []int{1}, Data: []float64{1}},
	}
	for _, c := range bad {
		if err := WriteNpy(&bytes.Buffer{}, &c); err == nil {
			t.Errorf("WriteNpy(%+v) succeeded", c)
		}
	}
	if _, err := ReadNpy(strings.NewReader("not npy at all")); err == nil {
		t.Error("ReadNpy accepted garbage")
	}
	if _, err := ReadNpyFile(filepath.Join(t.TempDir(), "missing.npy")); !os.IsNotExist(err) {
		t.Errorf("missing file: %v", err)
	}
}
