package tablegen

import "math/big"

// prec is the working precision of the exponential ziggurat's recursion:
// far more than its 254 steps can lose near the top of the ziggurat,
// where each step amplifies the error of the one before.
const prec = 320

func newFloat() *big.Float { return new(big.Float).SetPrec(prec) }

// bigFloat parses a decimal constant exactly enough.
func bigFloat(s string) *big.Float {
	f, _, err := big.ParseFloat(s, 10, prec, big.ToNearestEven)
	if err != nil {
		panic(err)
	}
	return f
}

// atanhSeries is 2*atanh(t) = 2*(t + t**3/3 + t**5/5 + ...) for |t| <= 1/3.
func atanhSeries(t *big.Float) *big.Float {
	sum := newFloat()
	t2 := newFloat().Mul(t, t)
	pow := newFloat().Set(t)
	eps := newFloat().SetMantExp(big.NewFloat(1), -prec-8)
	for k := int64(1); ; k += 2 {
		term := newFloat().Quo(pow, newFloat().SetInt64(k))
		sum.Add(sum, term)
		if term.Abs(term).Cmp(eps) < 0 {
			break
		}
		pow.Mul(pow, t2)
	}
	return sum.Mul(sum, big.NewFloat(2))
}

var ln2 = atanhSeries(newFloat().Quo(big.NewFloat(1), big.NewFloat(3)))

// bigLog is the natural logarithm of x > 0: ln(m) + e*ln2 with x = m*2**e,
// m in [0.5, 1), and ln(m) = 2*atanh((m-1)/(m+1)).
func bigLog(x *big.Float) *big.Float {
	m := newFloat()
	e := x.MantExp(m)
	num := newFloat().Sub(m, big.NewFloat(1))
	den := newFloat().Add(m, big.NewFloat(1))
	r := atanhSeries(num.Quo(num, den))
	return r.Add(r, newFloat().Mul(ln2, newFloat().SetInt64(int64(e))))
}

// bigExp is e**y: y = k*ln2 + r with |r| <= ln2/2, e**r by its Taylor
// series, then scaled by 2**k.
func bigExp(y *big.Float) *big.Float {
	q := newFloat().Quo(y, ln2)
	kf, _ := q.Float64()
	k := int64(kf + 0.5)
	if kf < 0 {
		k = int64(kf - 0.5)
	}
	r := newFloat().Sub(y, newFloat().Mul(ln2, newFloat().SetInt64(k)))
	sum := newFloat().SetInt64(1)
	term := newFloat().SetInt64(1)
	eps := newFloat().SetMantExp(big.NewFloat(1), -prec-8)
	for n := int64(1); ; n++ {
		term.Mul(term, r)
		term.Quo(term, newFloat().SetInt64(n))
		sum.Add(sum, term)
		if newFloat().Abs(term).Cmp(eps) < 0 {
			break
		}
	}
	return sum.SetMantExp(sum, int(k))
}
