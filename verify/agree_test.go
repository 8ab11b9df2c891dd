package verify

import "testing"

func TestAgree(t *testing.T) {
	repr := func(s string) Outcome { return Outcome{Repr: &s} }
	exc := func(typ, msg string) Outcome { return Outcome{Exc: &PyExcept{Type: typ, Message: msg}} }
	tests := []struct {
		name      string
		ref, got  Outcome
		exact, ok bool
	}{
		{"same int", repr("6"), repr("6"), true, true},
		{"different int", repr("6"), repr("7"), true, false},
		{"signed zero is a difference", repr("0.0"), repr("-0.0"), true, false},
		{"last bit is a difference when exact", repr("0.30000000000000004"), repr("0.3"), true, false},
		{"last bit within tolerance", repr("0.30000000000000004"), repr("0.3"), false, true},
		{"beyond tolerance", repr("1.0"), repr("1.00001"), false, false},
		{"nan agrees with nan", repr("nan"), repr("nan"), true, true},
		{"inf is never close", repr("inf"), repr("1e+308"), false, false},
		{"widened int", repr("0"), repr("0.0"), true, true},
		{"widened int, other value", repr("1"), repr("0.0"), true, false},
		{"float is not an int", repr("0.0"), repr("0"), true, false},
		{"tuple", repr("(3, 1)"), repr("(3, 1)"), true, true},
		{"tuple element differs", repr("(3, 1)"), repr("(3, 2)"), true, false},
		{"tuple length differs", repr("(3, 1)"), repr("(3,)"), true, false},
		{"complex exact", repr("(1+2j)"), repr("(1+2j)"), true, true},
		{"complex part differs", repr("(1+2j)"), repr("(1.0000000000000002+2j)"), true, false},
		// A 1-ulp phase difference amplified into the small real part of a
		// huge complex number: close norm-wise.
		{"complex norm-wise", repr("(-1.6081226496766419+1.0000000000000034e+16j)"), repr("(0.6123233995736779+1.0000000000000034e+16j)"), false, true},
		{"same exception", exc("ValueError", "math domain error"), exc("ValueError", "math domain error"), true, true},
		{"other message", exc("ValueError", "math domain error"), exc("ValueError", "math range error"), true, false},
		{"other class", exc("ValueError", "x"), exc("OverflowError", "x"), true, false},
		{"exception vs value", exc("ZeroDivisionError", "division by zero"), repr("inf"), true, false},
		{"value vs exception", repr("1"), exc("GoPanic", "boom"), false, false},
	}
	for _, tt := range tests {
		if _, ok := agree(tt.ref, tt.got, tt.exact); ok != tt.ok {
			t.Errorf("%s: agree(%s, %s, exact=%v) = %v, want %v", tt.name, tt.ref, tt.got, tt.exact, ok, tt.ok)
		}
	}
}
