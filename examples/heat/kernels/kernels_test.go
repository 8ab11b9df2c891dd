package kernels_test

import (
	"errors"
	"math"
	"testing"

	"example.com/heat/kernels"
	"github.com/pyc2go/pyc2go/runtime"
	"github.com/pyc2go/pyc2go/runtime/gonumconv"
	"gonum.org/v1/gonum/mat"
)

// profile is the simulation's starting point for the tests.
func profile(t *testing.T, n int) *runtime.Array[float64] {
	t.Helper()
	u, err := kernels.InitialCondition(int64(n), 0.1)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// TestStepIsMatrixProduct checks heat_step against an independent
// computation: gonum's product of step_matrix with u, on the kernels'
// arrays shared with gonum rather than copied.
func TestStepIsMatrixProduct(t *testing.T) {
	for _, r := range []float64{0, 0.1, 0.25, 0.5} {
		u := profile(t, 33)
		next, err := kernels.HeatStep(u, r)
		if err != nil {
			t.Fatal(err)
		}
		a, err := kernels.StepMatrix(33, r)
		if err != nil {
			t.Fatal(err)
		}
		am, err := gonumconv.Dense(a)
		if err != nil {
			t.Fatal(err)
		}
		uv, err := gonumconv.VecDense(u)
		if err != nil {
			t.Fatal(err)
		}
		var want mat.VecDense
		want.MulVec(am, uv)
		if got := gonumconv.FromVecDense(&want); !closeArrays(got, next, 1e-15) {
			t.Errorf("r=%g: heat_step and A*u differ:\n got %v\nwant %v", r, next.Flat(), got.Flat())
		}
	}
}

func closeArrays(a, b *runtime.Array[float64], tol float64) bool {
	if a.Len() != b.Len() {
		return false
	}
	for i := range a.Len() {
		if math.Abs(a.At(i)-b.At(i)) > tol {
			return false
		}
	}
	return true
}

// TestDecay checks the physics: with the ends held at zero, every stable
// step lowers the L2 and max norms and lets heat out, never in.
func TestDecay(t *testing.T) {
	const n = 51
	dx := 1.0 / (n - 1)
	u := profile(t, n)
	prevL2, prevHeat := math.Inf(1), math.Inf(1)
	prevMax := math.Inf(1)
	for round := range 6 {
		l2 := kernels.L2Norm(u, dx)
		heat, err := kernels.TotalHeat(u, dx)
		if err != nil {
			t.Fatal(err)
		}
		peak, err := kernels.MaxNorm(u)
		if err != nil {
			t.Fatal(err)
		}
		if !(l2 < prevL2 && peak < prevMax && heat <= prevHeat) {
			t.Fatalf("round %d: l2 %v (was %v), max %v (was %v), heat %v (was %v)", round, l2, prevL2, peak, prevMax, heat, prevHeat)
		}
		prevL2, prevMax, prevHeat = l2, peak, heat
		if err := kernels.HeatRun(u, 0.45, 40); err != nil {
			t.Fatal(err)
		}
	}
}

// TestPythonExceptions: a raise in kernels.py, and an error numpy raises
// by itself, reach Go as *runtime.Error values naming the exception class
// and the Python line.
func TestPythonExceptions(t *testing.T) {
	u := profile(t, 9)
	tests := []struct {
		name string
		call func() error
		line int // in kernels.py
	}{
		{"unstable step", func() error { _, err := kernels.HeatStep(u, 0.75); return err }, 29},
		{"too few points", func() error { _, err := kernels.InitialCondition(2, 0.1); return err }, 14},
		{"negative steps", func() error { return kernels.HeatRun(u, 0.25, -1) }, 38},
		{"max of nothing", func() error { _, err := kernels.MaxNorm(runtime.Zeros[float64](0)); return err }, 79},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			var pe *runtime.Error
			if !errors.As(err, &pe) {
				t.Fatalf("error %v (%T), want a *runtime.Error", err, err)
			}
			if pe.Type != "ValueError" || !errors.Is(err, runtime.ErrValue) {
				t.Errorf("exception %s, want ValueError", pe.Type)
			}
			if pe.File != "kernels.py" || pe.Line != tt.line {
				t.Errorf("raised at %s:%d, want kernels.py:%d", pe.File, pe.Line, tt.line)
			}
		})
	}
}
