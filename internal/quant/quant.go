// Package quant stores model weights in one byte each: codes on a
// logarithmic scale keep small weights distinct where a linear scale would
// round them all to zero, at about 6% relative error for the large ones.
package quant

import "math"

// Range is the ratio of the largest weight to the quantisation unit:
// weights under maxAbs/Range round to zero or one step.
const Range = 2000

// Log maps weights to int8 codes on a logarithmic scale: code c stands for
// sign(c)·unit·(exp(|c|·step)−1).
type Log struct{ unit, step float64 }

// NewLog returns the scale for weights up to maxAbs in magnitude.
func NewLog(maxAbs float32) Log {
	if maxAbs == 0 {
		maxAbs = 1
	}
	unit := float64(maxAbs) / Range
	return Log{unit: unit, step: math.Log1p(Range) / 127}
}

// Encode returns the code nearest to v.
func (q Log) Encode(v float32) int8 {
	c := math.Round(math.Log1p(math.Abs(float64(v))/q.unit) / q.step)
	c = min(c, 127)
	if v < 0 {
		return int8(-c)
	}
	return int8(c)
}

// Decode returns the weight code c stands for.
func (q Log) Decode(c int8) float32 {
	a := float64(c)
	v := q.unit * math.Expm1(math.Abs(a)*q.step)
	if a < 0 {
		v = -v
	}
	return float32(v)
}
