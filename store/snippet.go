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
	matches := wordMatcher(q)
	// One pass over the text keeps the last tokens' starts and hits in a
	// ring and finds the window of snippetWords tokens with the most hits
	// (the first such), without keeping every token: a text of thousands
	// of words costs no allocation.
	const ringSize = 64 // ≥ snippetWords + 6: the window and the context before it
	var ringStart [ringSize]int
	var ringHit [ringSize]bool
	best, bestN, bestFirst, n, k := 0, -1, -1, 0, 0
	for i := 0; ; k++ {
		start, end, ok := nextWord(text, i)
		if !ok {
			break
		}
		i = end
		hit := matches(text[start:end])
		ringStart[k%ringSize], ringHit[k%ringSize] = start, hit
		if hit {
			n++
		}
		if k >= snippetWords && ringHit[(k-snippetWords)%ringSize] {
			n--
		}
		if k >= snippetWords-1 && n > bestN {
			bestN, best, bestFirst = n, k-snippetWords+1, -1
			for j := best; j <= k; j++ {
				if ringHit[j%ringSize] {
					bestFirst = j
					break
				}
			}
		}
	}
	if k == 0 {
		return ""
	}
	if k < snippetWords { // a short text: its window is the whole of it
		best, bestFirst = 0, -1
		for j := 0; j < k; j++ {
			if ringHit[j] {
				bestFirst = j
				break
			}
		}
	}
	// Start a little before the first hit of the window, for context.
	if bestFirst >= 0 {
		best = max(0, bestFirst-6)
	}
	var b strings.Builder
	if best > 0 {
		b.WriteString("…")
	}
	pos := ringStart[best%ringSize]
	if best < k-ringSize {
		// The window's start has left the ring (bestFirst is at most
		// snippetWords+6 tokens before the window's end, but the ring
		// moved on after it): count tokens again to find it.
		pos = 0
		for j := 0; j <= best; j++ {
			start, end, _ := nextWord(text, pos)
			if j == best {
				pos = start
			} else {
				pos = end
			}
		}
	}
	i, shown := pos, 0
	for ; shown < snippetWords; shown++ {
		start, end, ok := nextWord(text, i)
		if !ok {
			break
		}
		b.WriteString(collapseSpace(text[pos:start]))
		if matches(text[start:end]) {
			b.WriteString("[" + text[start:end] + "]")
		} else {
			b.WriteString(text[start:end])
		}
		pos, i = end, end
	}
	if _, _, more := nextWord(text, pos); more {
		b.WriteString("…")
	} else if pos < len(text) {
		b.WriteString(strings.TrimRightFunc(collapseSpace(text[pos:]), unicode.IsSpace))
	}
	return b.String()
}

// wordMatcher returns a test of whether a word of a text is one the
// query q looks for (a prefix, for its prefix terms), as the index's
// tokenizer folds case and diacritics; negated terms never match.
func wordMatcher(q Query) func(w string) bool {
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
	return func(w string) bool {
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
}

// nextWord returns the byte range of the first word of text at or after
// i: a run of letters, digits and combining marks.
func nextWord(text string, i int) (start, end int, ok bool) {
	for i < len(text) { // separators
		if c := text[i]; c < utf8.RuneSelf {
			if asciiWord[c] {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			break
		}
		i += size
	}
	if i >= len(text) {
		return 0, 0, false
	}
	start = i
	for i < len(text) { // the word
		if c := text[i]; c < utf8.RuneSelf {
			if !asciiWord[c] {
				return start, i, true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			return start, i, true
		}
		i += size
	}
	return start, len(text), true
}

// isWordRune reports whether r is part of a word.
func isWordRune(r rune) bool {
	if 0x2000 <= r && r <= 0x206f {
		// General Punctuation (curly quotes, dashes, ellipses: common in
		// news text) holds no letter, digit or mark.
		return false
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r)
}

// asciiWord tells the ASCII bytes that are part of words: letters and
// digits.
var asciiWord = func() (w [utf8.RuneSelf]bool) {
	for c := range w {
		w[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return w
}()

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
