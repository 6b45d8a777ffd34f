package store

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// snippetReference is Snippet as first written, keeping every token: the
// one-pass Snippet must give the same excerpt.
func snippetReference(text string, q Query) string {
	matches := wordMatcher(q)
	// Tokens with their byte ranges.
	type tok struct{ start, end int }
	toks := make([]tok, 0, len(text)/6)
	start := -1
	for i, r := range text {
		var word bool
		if r < utf8.RuneSelf {
			c := byte(r) | 0x20
			word = 'a' <= c && c <= 'z' || '0' <= r && r <= '9'
		} else {
			word = unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r)
		}
		if word && start < 0 {
			start = i
		} else if !word && start >= 0 {
			toks = append(toks, tok{start, i})
			start = -1
		}
	}
	if start >= 0 {
		toks = append(toks, tok{start, len(text)})
	}
	if len(toks) == 0 {
		return ""
	}
	hit := make([]bool, len(toks))
	for i, t := range toks {
		hit[i] = matches(text[t.start:t.end])
	}
	// The window of snippetWords tokens with the most hits.
	best, bestN, n := 0, -1, 0
	for i := range toks {
		if hit[i] {
			n++
		}
		if i >= snippetWords && hit[i-snippetWords] {
			n--
		}
		if i >= snippetWords-1 || i == len(toks)-1 {
			if n > bestN {
				bestN, best = n, max(0, i-snippetWords+1)
			}
		}
	}
	// Start a little before the first hit of the window, for context.
	first := best
	for first < len(toks) && first < best+snippetWords && !hit[first] {
		first++
	}
	if first < len(toks) && hit[first] {
		best = max(0, first-6)
	}
	last := min(len(toks)-1, best+snippetWords-1)
	var b strings.Builder
	if best > 0 {
		b.WriteString("…")
	}
	pos := toks[best].start
	for i := best; i <= last; i++ {
		t := toks[i]
		b.WriteString(collapseSpace(text[pos:t.start]))
		if hit[i] {
			b.WriteString("[" + text[t.start:t.end] + "]")
		} else {
			b.WriteString(text[t.start:t.end])
		}
		pos = t.end
	}
	if last < len(toks)-1 {
		b.WriteString("…")
	} else if pos < len(text) {
		b.WriteString(strings.TrimRightFunc(collapseSpace(text[pos:]), unicode.IsSpace))
	}
	return b.String()
}

// FuzzSnippet checks Snippet against snippetReference.
func FuzzSnippet(f *testing.F) {
	long := strings.Repeat("The president said on Monday that the “border” plan would go ahead. ", 30)
	for _, c := range []struct{ text, query string }{
		{"The mayor said the harbour plan would go ahead.", "harbour"},
		{long + " The senate objected. " + long, "senate"},
		{long, "border OR plan"},
		{long + "Café culture, cafés and CAFE.", "cafe*"},
		{"", "x"},
		{"no match here at all", "absent"},
		{"a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n o p q r s t u v w x y z hit", "hit"},
	} {
		f.Add(c.text, c.query)
	}
	f.Fuzz(func(t *testing.T, text, query string) {
		if !utf8.ValidString(text) {
			return
		}
		q, err := ParseQuery(query)
		if err != nil {
			return
		}
		if got, want := Snippet(text, q), snippetReference(text, q); got != want {
			t.Errorf("Snippet(%q, %q) =\n%q\nwant\n%q", text, query, got, want)
		}
	})
}
