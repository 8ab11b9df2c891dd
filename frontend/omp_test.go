package frontend

import (
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestOmpParallelFor(t *testing.T) {
	src := "def f(a: \"float64[:]\") -> None:\n" + // 1
		"    #omp parallel for\n" + // 2
		"    for i in range(a.shape[0]):\n" + // 3: marked
		"        a[i] = 1.0\n" + // 4
		"    # omp parallel for private(t) schedule(static)\n" + // 5
		"    for i in range(3):\n" + // 6: marked, clauses ignored
		"        #omp parallel foreach\n" + // 7: not ours
		"        for j in range(2):\n" + // 8: not marked
		"            pass\n" + // 9
		"    if a.shape[0] > 5:\n" + // 10
		"        raise ValueError(\"\"\"\n#omp parallel for\n\"\"\")\n" + // 11-13: in a string, no error
		"    for k in range(2):\n" + // 14: not marked
		"        pass\n"
	f, err := ParseFile("t.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	for l := range f.OmpFor {
		got = append(got, l)
	}
	sort.Ints(got)
	if diff := cmp.Diff([]int{3, 6}, got); diff != "" {
		t.Errorf("OmpFor lines (-want +got):\n%s", diff)
	}
}

func TestOmpParallelForMisplaced(t *testing.T) {
	src := "def f(a: \"float64[:]\") -> None:\n" +
		"    #omp parallel for\n" +
		"\n" +
		"    for i in range(a.shape[0]):\n" +
		"        a[i] = 1.0\n" +
		"    #omp parallel for\n" +
		"    a[0] = 2.0\n"
	_, err := ParseFile("t.py", []byte(src))
	el, ok := err.(ErrorList)
	if !ok {
		t.Fatalf("err = %v, want an ErrorList", err)
	}
	got := el.Render("t.py", []byte(src))
	for _, want := range []string{
		"t.py:2:5: error: #omp parallel for must be on the line right before a for loop",
		"t.py:6:5: error: #omp parallel for must be on the line right before a for loop",
		"    ^",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, got)
		}
	}
}
