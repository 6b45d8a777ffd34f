package trace

import (
	"strings"

	"github.com/sayso-news/sayso"
)

// RelatedCoverage is the share of the shorter quote's words that two
// printings of one quote have in common, in order. A cut or partial
// printing keeps all of them and an altered one most; two different
// quotes that happen to share a stock phrase ("the president of the
// United States") share little else.
const RelatedCoverage = 0.7

// Related reports whether two quotes are printings of one quote: they
// share MinRun words in a row, and in order most of the shorter one's
// words. It is symmetric.
func Related(a, b *Quote) bool {
	x, y := a.Words, b.Words
	if len(x) < MinRun || len(y) < MinRun {
		return false
	}
	run, lcs := runAndLCS(x, y)
	return run >= MinRun && float64(lcs) >= RelatedCoverage*float64(min(len(x), len(y)))
}

// Contains reports whether quote q holds the words of a looked-for quote
// (see ParseQuote): it is a printing of them, or of a part of them of at
// least MinRun words.
func Contains(q, query *Quote) bool {
	if len(query.Words) < MinRun || len(q.Words) < MinRun {
		return false
	}
	run, lcs := runAndLCS(q.Words, query.Words)
	if run < MinRun {
		return false
	}
	return float64(lcs) >= RelatedCoverage*float64(min(len(q.Words), len(query.Words)))
}

// runAndLCS returns the longest run of words two sequences share in a row
// and the length of their longest common subsequence, in one pass over
// two rows of the usual tables.
func runAndLCS(x, y []string) (run, lcs int) {
	prevRun := make([]int, len(y)+1)
	curRun := make([]int, len(y)+1)
	prevL := make([]int, len(y)+1)
	curL := make([]int, len(y)+1)
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			if x[i-1] == y[j-1] {
				curRun[j] = prevRun[j-1] + 1
				run = max(run, curRun[j])
				curL[j] = prevL[j-1] + 1
			} else {
				curRun[j] = 0
				curL[j] = max(prevL[j], curL[j-1])
			}
		}
		prevRun, curRun = curRun, prevRun
		prevL, curL = curL, prevL
	}
	return run, prevL[len(y)]
}

// step is one step of a word diff: a word of the first sequence (i), of
// the second (j), or both.
type step struct {
	op   byte // '=', '-' or '+'
	i, j int
}

// diffWords returns a shortest edit script from x to y through their
// longest common subsequence; ties prefer dropping before adding, so the
// script is the same every time.
func diffWords(x, y []string) []step {
	n, m := len(x), len(y)
	// l[i][j] is the LCS length of x[i:] and y[j:].
	l := make([][]uint16, n+1)
	for i := range l {
		l[i] = make([]uint16, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if x[i] == y[j] {
				l[i][j] = l[i+1][j+1] + 1
			} else {
				l[i][j] = max(l[i+1][j], l[i][j+1])
			}
		}
	}
	var out []step
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && x[i] == y[j]:
			out = append(out, step{'=', i, j})
			i++
			j++
		case i < n && (j == m || l[i+1][j] >= l[i][j+1]):
			out = append(out, step{'-', i, j})
			i++
		default:
			out = append(out, step{'+', i, j})
			j++
		}
	}
	return out
}

// Classify says how printing app of a quote relates to the first
// printing: exact, truncated (cut at one end, or inside at a marked
// "…"), partial (cut at both ends), altered (words changed, added or
// dropped inside — the diff from the first's words to app's says which),
// or misattributed (the same words, a different speaker). The two must be
// Related. The diff is nil unless the printing is altered.
func Classify(first, app *Quote) (sayso.QuoteVariant, []sayso.DiffOp) {
	steps := diffWords(first.Words, app.Words)
	lo, hi := -1, -1
	for k, s := range steps {
		if s.op == '=' {
			if lo < 0 {
				lo = k
			}
			hi = k
		}
	}
	if lo < 0 {
		return sayso.VariantAltered, diffOps(first, app, steps)
	}
	altered, cutInside := false, false
	for k := lo; k <= hi; {
		if steps[k].op == '=' {
			k++
			continue
		}
		end, added, dropped := k, false, false
		for end <= hi && steps[end].op != '=' {
			added = added || steps[end].op == '+'
			dropped = dropped || steps[end].op == '-'
			end++
		}
		// Words missing from one printing are an honest cut when that
		// printing marks one there ("…").
		switch {
		case !added && app.hasCut(steps[end].j), !dropped && first.hasCut(steps[end].i):
			cutInside = true
		default:
			altered = true
		}
		k = end
	}
	// Words both dropped and added at an end are words changed there;
	// only dropped is a cut, only added a fuller printing.
	if altered || mixed(steps[:lo]) || mixed(steps[hi+1:]) {
		return sayso.VariantAltered, diffOps(first, app, steps)
	}
	cutStart, cutEnd := lo > 0, hi < len(steps)-1
	var v sayso.QuoteVariant
	switch {
	case cutStart && cutEnd:
		v = sayso.VariantPartial
	case cutStart || cutEnd || cutInside:
		v = sayso.VariantTruncated
	default:
		v = sayso.VariantExact
	}
	if !SameSpeaker(first.Speaker, app.Speaker) {
		v = sayso.VariantMisattributed
	}
	return v, nil
}

// mixed reports whether steps both drop and add words.
func mixed(steps []step) bool {
	var drop, add bool
	for _, s := range steps {
		drop = drop || s.op == '-'
		add = add || s.op == '+'
	}
	return drop && add
}

// diffOps renders steps as runs of words as printed: kept and dropped
// words as the first printing has them, added words as app has them.
func diffOps(first, app *Quote, steps []step) []sayso.DiffOp {
	var out []sayso.DiffOp
	for _, s := range steps {
		var w string
		if s.op == '+' {
			w = app.Surface[s.j]
		} else {
			w = first.Surface[s.i]
		}
		op := string(s.op)
		if n := len(out); n > 0 && out[n-1].Op == op {
			out[n-1].Text += " " + w
			continue
		}
		out = append(out, sayso.DiffOp{Op: op, Text: w})
	}
	return out
}

// speakerTitles are words of a speaker's name that do not tell people
// apart.
var speakerTitles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "sir": true, "president": true, "senator": true,
	"sen": true, "rep": true, "gov": true, "governor": true, "minister": true, "spokesman": true,
	"spokeswoman": true, "the": true, "jr": true, "sr": true,
}

// nameWords returns the normalised words of a name, titles left out.
func nameWords(name string) []string {
	var out []string
	for _, f := range strings.Fields(name) {
		if w := normWord(f); w != "" && !speakerTitles[w] {
			out = append(out, w)
		}
	}
	return out
}

// SameSpeaker reports whether two speaker names may name one speaker: the
// same words, one name's words among the other's ("Peskov", "Dmitry
// Peskov"), or the same surname. An unknown speaker ("") matches anyone.
func SameSpeaker(a, b string) bool {
	x, y := nameWords(a), nameWords(b)
	if len(x) == 0 || len(y) == 0 {
		return true
	}
	if x[len(x)-1] == y[len(y)-1] {
		return true
	}
	if len(x) > len(y) {
		x, y = y, x
	}
	for _, w := range x {
		found := false
		for _, v := range y {
			if v == w {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
