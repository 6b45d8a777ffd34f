package trace

import (
	"strings"
	"unicode"
)

// The evaluation reads words its own way, independent of package trace:
// runs of letters and digits, lower-cased; apostrophes, periods and
// hyphens inside a word, and commas and periods inside a number, join its
// parts ("don't", "U.S.", "long-established", "1,001" are one word each).

// words returns the normalised words of s.
func words(s string) []string {
	var out []string
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		case b.Len() > 0 && (r == '\'' || r == '’' || r == '.' || r == '-') && i+1 < len(rs) && unicode.IsLetter(rs[i+1]):
			// "don't", "U.S.", "long-established": one word
		case b.Len() > 0 && (r == ',' || r == '.') && i > 0 && unicode.IsDigit(rs[i-1]) && i+1 < len(rs) && unicode.IsDigit(rs[i+1]):
			// "1,001", "2.5": one number
		default:
			if b.Len() > 0 {
				out = append(out, b.String())
				b.Reset()
			}
		}
	}
	if b.Len() > 0 {
		out = append(out, b.String())
	}
	return out
}

// minRun is the run of words in a row two printings of a quote share at
// least, and the fewest words of a quote the truth counts.
const minRun = 6

// sameQuote reports whether two word sequences print one quote: a run of
// minRun words in a row, and in order at least 70% of the shorter's words.
func sameQuote(a, b []string) bool {
	if len(a) < minRun || len(b) < minRun {
		return false
	}
	run, lcs := 0, 0
	prevRun := make([]int, len(b)+1)
	curRun := make([]int, len(b)+1)
	prevL := make([]int, len(b)+1)
	curL := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			if a[i-1] == b[j-1] {
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
	lcs = prevL[len(b)]
	return run >= minRun && float64(lcs) >= 0.7*float64(min(len(a), len(b)))
}

// quotedPassages returns the passages of a paragraph between double
// quotation marks (curly or straight) with at least minRun words; an
// opening mark left unclosed runs to the paragraph's end.
func quotedPassages(p string) []string {
	var out []string
	start := -1
	// Doubled apostrophes and backquotes are double marks, as some
	// newsrooms type them (''like this'').
	p = strings.NewReplacer("''", "\"", "``", "“").Replace(p)
	rs := []rune(p)
	for i, r := range rs {
		switch r {
		case '“':
			start = i + 1
		case '”':
			if start >= 0 {
				out = append(out, string(rs[start:i]))
				start = -1
			}
		case '"':
			if start < 0 {
				start = i + 1
			} else {
				out = append(out, string(rs[start:i]))
				start = -1
			}
		}
	}
	if start >= 0 {
		out = append(out, string(rs[start:]))
	}
	var kept []string
	for _, q := range out {
		// Bracketed insertions are the editor's words, not the speaker's.
		for {
			i := strings.Index(q, "[")
			j := strings.Index(q, "]")
			if i < 0 || j < i {
				break
			}
			q = q[:i] + q[j+1:]
		}
		if len(words(q)) >= minRun {
			kept = append(kept, q)
		}
	}
	return kept
}

// ambiguousMarks reports a paragraph whose quotation marks do not pair
// up plainly — an odd number of straight marks, straight and curly marks
// mixed, curly marks unbalanced or nested: where a quote starts and ends
// is a matter of reading, so the truth leaves such paragraphs out.
func ambiguousMarks(p string) bool {
	p = strings.NewReplacer("''", "\"", "``", "“").Replace(p)
	straight := strings.Count(p, "\"")
	open, closing := strings.Count(p, "“"), strings.Count(p, "”")
	if straight%2 == 1 || straight > 0 && open+closing > 0 || open != closing {
		return true
	}
	depth := 0
	for _, r := range p {
		switch r {
		case '“':
			depth++
			if depth > 1 {
				return true
			}
		case '”':
			depth--
			if depth < 0 {
				return true
			}
		}
	}
	return false
}

// runKeys returns the hashes of the n-word runs of a text's words.
func runKeys(ws []string, n int) []string {
	var out []string
	for i := 0; i+n <= len(ws); i++ {
		out = append(out, strings.Join(ws[i:i+n], " "))
	}
	return out
}

// disjoint returns the texts, in order, that neither print a quote an
// earlier one kept prints (a quoted run of minRun words) nor share a
// twentieth of their word 5-grams with the earlier ones (a near copy),
// and the quoted runs of those kept.
func disjoint(texts []Text) ([]Text, map[string]bool) {
	quoted := map[string]bool{}
	grams := map[string]bool{}
	var out []Text
	for _, t := range texts {
		var qkeys, gkeys []string
		for _, p := range append([]string{t.Title}, t.Paragraphs...) {
			for _, q := range quotedPassages(p) {
				qkeys = append(qkeys, runKeys(words(q), minRun)...)
			}
			gkeys = append(gkeys, runKeys(words(p), 5)...)
		}
		clash := false
		for _, k := range qkeys {
			clash = clash || quoted[k]
		}
		shared := 0
		for _, k := range gkeys {
			if grams[k] {
				shared++
			}
		}
		if clash || shared*20 >= len(gkeys) {
			continue
		}
		for _, k := range qkeys {
			quoted[k] = true
		}
		for _, k := range gkeys {
			grams[k] = true
		}
		out = append(out, t)
	}
	return out, quoted
}
