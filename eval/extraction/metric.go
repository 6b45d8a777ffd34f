package extraction

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// shingleSize is the benchmark's n-gram length: four tokens.
const shingleSize = 4

// Tokens returns the words of text as the benchmark counts them: maximal
// runs of letters, numbers and underscores (Python's Unicode \w+), case kept.
func Tokens(text string) []string {
	var toks []string
	start := -1
	for i, r := range text {
		word := r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
		if r == utf8.RuneError {
			word = false
		}
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			toks = append(toks, text[start:i])
			start = -1
		}
	}
	if start >= 0 {
		toks = append(toks, text[start:])
	}
	return toks
}

// shingles returns the multiset of 4-token shingles of toks. A text with
// fewer than four tokens is one shingle; an empty one has none.
func shingles(toks []string) map[string]int {
	m := make(map[string]int, len(toks))
	if len(toks) == 0 {
		return m
	}
	n := len(toks) - shingleSize + 1
	if n < 1 {
		n = 1
	}
	for i := 0; i < n; i++ {
		end := i + shingleSize
		if end > len(toks) {
			end = len(toks)
		}
		m[strings.Join(toks[i:end], " ")]++
	}
	return m
}

// Score is one page's result: the normalised shingle counts (TP+FP+FN = 1
// unless all are zero) and whether the token sequences are equal.
type Score struct {
	TP, FP, FN float64
	// Exact is true when the predicted token sequence equals the truth's.
	Exact bool
}

// Compare scores predicted against truth with the benchmark's metric.
func Compare(truth, predicted string) Score {
	tt, pt := Tokens(truth), Tokens(predicted)
	ts, ps := shingles(tt), shingles(pt)
	var tp, fp, fn int
	for k, tc := range ts {
		pc := ps[k]
		tp += min(tc, pc)
		fn += max(0, tc-pc)
	}
	for k, pc := range ps {
		fp += max(0, pc-ts[k])
	}
	s := Score{Exact: equalTokens(tt, pt)}
	if sum := tp + fp + fn; sum > 0 {
		s.TP = float64(tp) / float64(sum)
		s.FP = float64(fp) / float64(sum)
		s.FN = float64(fn) / float64(sum)
	}
	return s
}

func equalTokens(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Precision returns the page's precision, and false when it is undefined
// (nothing predicted while something was expected).
func (s Score) Precision() (float64, bool) {
	if s.FP == 0 && s.FN == 0 {
		return 1, true
	}
	if s.TP+s.FP > 0 {
		return s.TP / (s.TP + s.FP), true
	}
	return 0, false
}

// Recall returns the page's recall, and false when it is undefined
// (nothing expected while something was predicted).
func (s Score) Recall() (float64, bool) {
	if s.FP == 0 && s.FN == 0 {
		return 1, true
	}
	if s.TP+s.FN > 0 {
		return s.TP / (s.TP + s.FN), true
	}
	return 0, false
}
