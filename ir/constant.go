package ir

// Constant arithmetic shared by lower (literal operands) and the constfold
// pass: integer constants are int64 whatever their kind (ConstExpr), so a
// result is brought back to its kind's range with Wrap, and a float one
// rounded to its kind's precision with Round.

// Wrap brings an integer result back to s's range, two's complement as Go
// and numpy do (uint64 keeps its bit pattern in the int64).
func (s Scalar) Wrap(v int64) int64 {
	switch s {
	case Int8:
		return int64(int8(v))
	case Int16:
		return int64(int16(v))
	case Int32:
		return int64(int32(v))
	case Uint8:
		return int64(uint8(v))
	case Uint16:
		return int64(uint16(v))
	case Uint32:
		return int64(uint32(v))
	}
	return v
}

// Round rounds a float64 to s's precision (float32 and complex64 halves):
// an explicit conversion, which also stops Go from fusing operations (FMA)
// across it.
func (s Scalar) Round(v float64) float64 {
	if s == Float32 || s == Complex64 {
		return float64(float32(v))
	}
	return float64(v)
}

// ConvertConst returns the constant Convert{X: c, T: t} evaluates to, or
// nil when Convert does not allow the conversion (float to int is the
// ftoi intrinsic, anything to bool a comparison). lower converts literal
// operands with it and constfold folds Converts with it, so that both
// agree to the bit.
func ConvertConst(c *ConstExpr, t Scalar) *ConstExpr {
	var i int64
	isInt := false
	switch v := c.Value.(type) {
	case bool:
		if v {
			i = 1
		}
		isInt = true
	case int64:
		i, isInt = v, true
	case float64:
		switch {
		case t.IsFloat():
			return &ConstExpr{T: t, Value: t.Round(v)}
		case t.IsComplex():
			return &ConstExpr{T: t, Value: complex(t.Round(v), 0)}
		}
		return nil // float -> int is never a Convert
	case complex128:
		if t.IsComplex() {
			return &ConstExpr{T: t, Value: complex(t.Round(real(v)), t.Round(imag(v)))}
		}
		return nil
	}
	if !isInt {
		return nil
	}
	var f float64
	if c.T == Uint64 {
		f = float64(uint64(i))
	} else {
		f = float64(i)
	}
	if t == Float32 || t == Complex64 {
		// Round the integer straight to float32 (rounding through float64
		// first could round twice).
		if c.T == Uint64 {
			f = float64(float32(uint64(i)))
		} else {
			f = float64(float32(i))
		}
	}
	switch {
	case t.IsInt():
		return &ConstExpr{T: t, Value: t.Wrap(i)}
	case t.IsFloat():
		return &ConstExpr{T: t, Value: f}
	case t.IsComplex():
		return &ConstExpr{T: t, Value: complex(f, 0)}
	case t == Bool:
		return nil // to bool is a comparison, never a Convert
	}
	return nil
}

// ConstOf returns the constant of type t and value v, with v's Go type made
// to agree with t as ConstExpr requires: Go ints, float32 and complex64
// widened, an integer value of a float or complex type and a bool value of
// an integer type converted exactly. lower builds its constants with it
// and Parse its literals.
func ConstOf(t Scalar, v any) *ConstExpr {
	switch x := v.(type) {
	case int:
		v = int64(x)
	case float32:
		v = float64(x)
	case complex64:
		v = complex128(x)
	}
	// Make the Go value agree with the type (a float constant typed int is
	// a typeinfer bug, but an int value for a float type is a plain
	// literal we can convert exactly).
	switch {
	case t.IsFloat():
		if i, ok := v.(int64); ok {
			v = float64(i)
		}
	case t.IsComplex():
		switch x := v.(type) {
		case int64:
			v = complex(float64(x), 0)
		case float64:
			v = complex(x, 0)
		}
	case t.IsInt():
		if b, ok := v.(bool); ok {
			v = int64(0)
			if b {
				v = int64(1)
			}
		}
	}
	return &ConstExpr{T: t, Value: v}
}
