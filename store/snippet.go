package store

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// snippetWords is the length of a snippet in words: about two lines of a
// terminal, enough to judge a hit.
const snippetWords = 28

// Snippet returns an excerpt of text around the first place where the most
// query words occur, with matched words marked [like this]. It falls back
// to the beginning of the text.
func Snippet(text string, q Query) string {
	var words, prefixes []string
	for _, c := range q.Clauses {
		if c.Not {
			continue
		}
		for _, t := range c.Any {
			for i, w := range t.Words {
				if t.Prefix && i == len(t.Words)-1 {
					prefixes = append(prefixes, w)
				} else {
					words = append(words, w)
				}
			}
		}
	}
	matches := func(w string) bool {
		if isASCII(w) {
			// Without allocating: the query words are folded already, and
			// folding ASCII is lower-casing it.
			for _, x := range words {
				if len(w) == len(x) && strings.EqualFold(w, x) {
					return true
				}
			}
			for _, p := range prefixes {
				if len(w) >= len(p) && strings.EqualFold(w[:len(p)], p) {
					return true
				}
			}
			return false
		}
		lw := fold(w)
		for _, x := range words {
			if lw == x {
				return true
			}
		}
		for _, p := range prefixes {
			if strings.HasPrefix(lw, p) {
				return true
			}
		}
		return false
	}
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

// collapseSpace turns runs of white space (paragraph breaks) into one space.
func collapseSpace(s string) string {
	if !strings.ContainsFunc(s, unicode.IsSpace) {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// fold lower-cases s and strips its diacritics, as the index's tokenizer
// does, so that "CAFE" matches "café".
func fold(s string) string {
	s = strings.ToLower(s)
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
