package nprand

import (
	"math"
	"sort"
)

// choice's probability checks and its cumulative-distribution sampling
// are shared by RandomState.choice and Generator.choice, which differ in
// their messages, their uniform draws and the algorithms for sampling
// without replacement.

// choiceMsgs are the messages that differ between the two choice
// methods.
type choiceMsgs struct {
	popSize, empty, pSize, larger string
}

var (
	legacyChoiceMsgs = choiceMsgs{
		popSize: "a must be greater than 0 unless no samples are taken",
		empty:   "'a' cannot be empty unless no samples are taken",
		pSize:   "'a' and 'p' must have same size",
		larger:  "Cannot take a larger sample than population when 'replace=False'",
	}
	generatorChoiceMsgs = choiceMsgs{
		popSize: "a must be a positive integer unless no samples are taken",
		empty:   "a cannot be empty unless no samples are taken",
		pSize:   "a and p must have same size",
		larger:  "Cannot take a larger sample than population when replace is False",
	}
)

// ChoiceArgs are the arguments of choice as the runtime sees them: a as a
// population size (an array a contributes len(a); the caller gathers
// a[idx] from the indices), the number of samples (the size of size=),
// replace, and p (nil when not given; P32 when p is a float32 array,
// which loosens numpy's sum tolerance).
type ChoiceArgs struct {
	Pop     int64
	Replace bool
	P       []float64
	P32     bool
	// AIsInt: a was an integer (numpy's message for pop <= 0 differs
	// from the one for an empty array).
	AIsInt bool
}

// check validates a, p and the sample count n as numpy does, in its
// order.
func (c *ChoiceArgs) check(n int, m choiceMsgs) error {
	if c.Pop <= 0 && n != 0 {
		if !c.AIsInt {
			return valueError(m.empty)
		}
		return valueError(m.popSize)
	}
	if c.P != nil {
		atol := math.Sqrt(0x1p-52)
		if c.P32 {
			atol = math.Max(atol, math.Sqrt(float64(float32(0x1p-23))))
		}
		if int64(len(c.P)) != c.Pop {
			return valueError(m.pSize)
		}
		sum := kahanSum(c.P)
		if math.IsNaN(sum) {
			return valueError("probabilities contain NaN")
		}
		for _, v := range c.P {
			if v < 0 {
				return valueError("probabilities are not non-negative")
			}
		}
		if math.Abs(sum-1) > atol {
			return valueError("probabilities do not sum to 1")
		}
	}
	if !c.Replace {
		if int64(n) > c.Pop {
			return valueError(m.larger)
		}
		if c.P != nil {
			nonzero := 0
			for _, v := range c.P {
				if v > 0 {
					nonzero++
				}
			}
			if nonzero < n {
				return valueError("Fewer non-zero entries in p than size")
			}
		}
	}
	return nil
}

// kahanSum is numpy's kahan_sum, the compensated sum choice checks p
// with.
func kahanSum(a []float64) float64 {
	if len(a) == 0 {
		return 0
	}
	sum, c := a[0], 0.0
	for _, v := range a[1:] {
		y := v - c
		t := sum + y
		c = (t - sum) - y
		sum = t
	}
	return sum
}

// cdf is numpy's p.cumsum() / cdf[-1]: a sequential running sum,
// normalised by its last element.
func cdf(p []float64) []float64 {
	c := make([]float64, len(p))
	s := 0.0
	for i, v := range p {
		s += v
		c[i] = s
	}
	last := c[len(c)-1]
	for i := range c {
		c[i] /= last
	}
	return c
}

// searchRight is cdf.searchsorted(u, side='right'): the number of
// entries <= u.
func searchRight(cdf []float64, u float64) int64 {
	return int64(sort.Search(len(cdf), func(i int) bool { return cdf[i] > u }))
}

// choiceWithoutReplacementP is numpy's sampling without replacement with
// probabilities: draw as many uniforms as values are missing, map them
// through the cdf of p with the values found so far zeroed, keep each
// new value at its first occurrence, repeat until dst is full.
func choiceWithoutReplacementP(dst []int64, p []float64, uniforms func([]float64)) {
	p = append([]float64(nil), p...)
	seen := make(map[int64]bool, len(dst))
	n := 0
	for n < len(dst) {
		x := make([]float64, len(dst)-n)
		uniforms(x)
		for _, f := range dst[:n] {
			p[f] = 0
		}
		c := cdf(p)
		for _, u := range x {
			v := searchRight(c, u)
			if !seen[v] {
				seen[v] = true
				dst[n] = v
				n++
			}
		}
	}
}
