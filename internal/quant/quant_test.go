package quant

import (
	"math"
	"testing"
)

func TestLogRoundTrip(t *testing.T) {
	q := NewLog(10)
	for _, v := range []float32{0, 10, -10, 1, -0.5, 0.01, 3.3} {
		got := q.Decode(q.Encode(v))
		if v == 0 {
			if got != 0 {
				t.Errorf("Decode(Encode(0)) = %v", got)
			}
			continue
		}
		if rel := math.Abs(float64(got-v)) / math.Abs(float64(v)); rel > 0.07 && math.Abs(float64(got-v)) > 10.0/Range {
			t.Errorf("Decode(Encode(%v)) = %v, relative error %.3f", v, got, rel)
		}
	}
	if q.Encode(1e9) != 127 || q.Encode(-1e9) != -127 {
		t.Errorf("out-of-range weights must saturate")
	}
}
