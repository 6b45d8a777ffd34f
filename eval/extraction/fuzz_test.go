package extraction

import (
	"testing"
	"unicode"
)

// FuzzCompare checks the metric's invariants on arbitrary texts: tokens are
// word characters only, a text scored against itself is exact and perfect,
// and the normalised counts sum to one.
func FuzzCompare(f *testing.F) {
	f.Add("The council voted on Thursday.", "The council voted")
	f.Add("東京都 слово 2.5%", "")
	f.Fuzz(func(t *testing.T, a, b string) {
		for _, tok := range Tokens(a) {
			for _, r := range tok {
				if r != '_' && !unicode.IsLetter(r) && !unicode.IsNumber(r) {
					t.Fatalf("token %q of %q has %q", tok, a, r)
				}
			}
		}
		if s := Compare(a, a); !s.Exact || s.FP != 0 || s.FN != 0 {
			t.Fatalf("Compare(a, a) = %+v for %q", s, a)
		}
		s := Compare(a, b)
		if sum := s.TP + s.FP + s.FN; sum != 0 && (sum < 0.999999 || sum > 1.000001) {
			t.Fatalf("counts sum to %v for %q, %q", sum, a, b)
		}
	})
}
