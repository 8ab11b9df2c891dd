// Command heat simulates heat conduction along a rod with kernels written
// in Python (kernels/kernels.py) and compiled to Go by pyc2go
// (kernels/kernels.go), and checks one step against gonum.
package main

import (
	"errors"
	"fmt"
	"io"
	"log"
	"math"
	"os"

	"example.com/heat/kernels"
	"github.com/pyc2go/pyc2go/runtime"
	"github.com/pyc2go/pyc2go/runtime/gonumconv"
	"gonum.org/v1/gonum/mat"
)

func main() {
	if err := run(os.Stdout, 101, 4, 250); err != nil {
		log.Fatal(err)
	}
}

// run simulates n grid points for rounds rounds of steps steps each,
// printing the total heat and the norms after every round, then compares
// a step with gonum and shows a Python exception as a Go error.
func run(w io.Writer, n, rounds, steps int) error {
	const r = 0.4 // dt / dx**2, inside the stable range
	u, err := kernels.InitialCondition(int64(n), 0.05)
	if err != nil {
		return err
	}
	if err = simulate(w, u, r, rounds, steps); err != nil {
		return err
	}

	// The same step as a matrix-vector product in gonum, on the kernels'
	// arrays without copying them.
	diff, err := compareWithGonum(u, r)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "heat_step vs gonum A*u: max difference %.3g\n", diff)
	if diff > 1e-12 {
		return fmt.Errorf("heat_step and gonum disagree by %g", diff)
	}

	// A Python exception is a Go error: *runtime.Error carries the
	// exception class, its message and the Python line that raised it.
	_, err = kernels.HeatStep(u, 0.6)
	var pe *runtime.Error
	if !errors.As(err, &pe) {
		return fmt.Errorf("heat_step with r = 0.6 returned %v, want a Python ValueError", err)
	}
	fmt.Fprintf(w, "r = 0.6 is rejected: %s: %s (%s line %d)\n", pe.Type, pe.Msg, pe.File, pe.Line)
	return nil
}

// simulate advances u in rounds of steps heat steps, printing the total
// heat and the norms before the first round and after each.
func simulate(w io.Writer, u *runtime.Array[float64], r float64, rounds, steps int) error {
	dx := 1.0 / float64(u.Len()-1)
	fmt.Fprintf(w, "%6s %12s %12s %12s\n", "step", "total heat", "L2 norm", "max norm")
	for round := 0; ; round++ {
		heat, err := kernels.TotalHeat(u, dx)
		if err != nil {
			return err
		}
		peak, err := kernels.MaxNorm(u)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%6d %12.6f %12.6f %12.6f\n", round*steps, heat, kernels.L2Norm(u, dx), peak)
		if round == rounds {
			return nil
		}
		if err := kernels.HeatRun(u, r, int64(steps)); err != nil {
			return err
		}
	}
}

// compareWithGonum returns the largest difference between heat_step(u, r)
// and step_matrix(n, r) @ u computed by gonum.
func compareWithGonum(u *runtime.Array[float64], r float64) (float64, error) {
	next, err := kernels.HeatStep(u, r)
	if err != nil {
		return 0, err
	}
	a, err := kernels.StepMatrix(int64(u.Len()), r)
	if err != nil {
		return 0, err
	}
	am, err := gonumconv.Dense(a)
	if err != nil {
		return 0, err
	}
	uv, err := gonumconv.VecDense(u)
	if err != nil {
		return 0, err
	}
	var want mat.VecDense
	want.MulVec(am, uv)
	diff := 0.0
	for i := range u.Len() {
		diff = math.Max(diff, math.Abs(next.At(i)-want.AtVec(i)))
	}
	return diff, nil
}
