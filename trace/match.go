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
// words. It compares the quotes' Keys, as an index does. It is symmetric.
func Related(a, b *Quote) bool { return RelatedKeys(a.Keys(), b.Keys()) }

// RelatedKeys is Related on the quotes' keys.
func RelatedKeys(x, y []uint16) bool {
	if len(x) < MinRun || len(y) < MinRun {
		return false
	}
	run, lcs := runAndLCS(x, y)
	return run >= MinRun && float64(lcs) >= RelatedCoverage*float64(min(len(x), len(y)))
}

// Contains reports whether quote q holds the words of a looked-for quote
// (see ParseQuote): it is a printing of them, or of a part of them of at
// least MinRun words.
func Contains(q, query *Quote) bool { return RelatedKeys(q.Keys(), query.Keys()) }

// runAndLCS returns the longest run of words two sequences share in a row
// and the length of their longest common subsequence, in one pass over
// two rows of the usual tables.
func runAndLCS[T comparable](x, y []T) (run, lcs int) {
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
// longest common subsequence. Among the scripts of that length it keeps
// words as late as it can (dropping or adding first whenever that loses
// nothing), so that a printing that starts later in the quote shows one
// cut at its start instead of a stray "the" kept far before it; ties drop
// before they add, so the script is the same every time.
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
		case i < n && l[i+1][j] == l[i][j] && (j == m || x[i] != y[j] || l[i+1][j] >= l[i][j+1]):
			out = append(out, step{'-', i, j})
			i++
		case j < m && l[i][j+1] == l[i][j]:
			out = append(out, step{'+', i, j})
			j++
		default:
			out = append(out, step{'=', i, j})
			i++
			j++
		}
	}
	return out
}

// Classify says how printing app of a quote relates to the first
// printing: exact, truncated (cut at one end, or inside at a marked
// "…"), partial (cut at both ends), altered (words changed, added or
// dropped inside — the diff from the first's words to app's says which),
// or misattributed (the same words, a different speaker, both named where
// the quote is printed). The two must be Related. The diff is nil unless
// the printing is altered. A printing that holds the first's words in
// full (the first was the cut one) is classified the other way round.
func Classify(first, app *Quote) (sayso.QuoteVariant, []sayso.DiffOp) {
	v, ok := cutOf(first, app)
	if !ok {
		v, ok = cutOf(app, first)
	}
	if !ok {
		return sayso.VariantAltered, diffOps(first, app, diffWords(first.Words, app.Words))
	}
	if first.Named && app.Named && !SameSpeaker(first.Speaker, app.Speaker) {
		v = sayso.VariantMisattributed
	}
	return v, nil
}

// cutOf reports whether the words of part are those of whole with cuts
// only: each run of part's words between its marked cuts is a run of
// whole's words, in order, gaps between them only where part marks a cut.
// It says which variant that makes.
func cutOf(whole, part *Quote) (sayso.QuoteVariant, bool) {
	pieces := part.pieces()
	if len(pieces) == 0 {
		return "", false
	}
	at, start := 0, -1
	inside := false
	for k, p := range pieces {
		i := index(whole.Words[at:], p)
		if i < 0 {
			return "", false
		}
		if k == 0 {
			start = at + i
		} else if i > 0 {
			inside = true
		}
		at += i + len(p)
	}
	cutStart, cutEnd := start > 0, at < len(whole.Words)
	switch {
	case cutStart && cutEnd:
		return sayso.VariantPartial, true
	case cutStart || cutEnd || inside:
		return sayso.VariantTruncated, true
	}
	return sayso.VariantExact, true
}

// index returns the first index of run in words, -1 when it is not there.
func index(words, run []string) int {
	for i := 0; i+len(run) <= len(words); i++ {
		match := true
		for j, w := range run {
			if words[i+j] != w {
				match = false
				break
			}
		}
		if match {
			return i
		}
	}
	return -1
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
