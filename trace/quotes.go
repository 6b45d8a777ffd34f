package trace

import (
	"strings"
	"unicode/utf8"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/internal/textnorm"
)

// Bounds on quotes.
const (
	// MinRun is the number of words in a row two printings of a quote
	// share at least, and so the fewest words a traced quote has: six
	// words in a row rarely meet by chance outside a quotation, and the
	// shortest passages worth tracing ("ruled out for the foreseeable
	// future") have them.
	MinRun = 6
	// MaxQuoteWords bounds the words of a quote that are compared: a
	// speech pasted between two marks costs no more than a paragraph.
	MaxQuoteWords = 300
	// MaxQuotes bounds the quotes read from one text.
	MaxQuotes = 1000
)

// Quote is a passage of a text between quotation marks, with its
// normalised words.
type Quote struct {
	// Start and End are the code-point offsets of the quoted words in the
	// text, marks excluded.
	Start, End int
	// Text is the passage as printed, marks excluded.
	Text string
	// Words are the normalised words (lower-cased letters and digits);
	// Surface the same words as printed. Bracketed insertions are left
	// out.
	Words   []string
	Surface []string
	// Cuts lists the indexes of Words before which the text marks a cut
	// with "…" or "...".
	Cuts []int
	// Speaker is who the text's attributions say spoke the passage, ""
	// when none names a speaker; Attribution is the index of that
	// attribution, -1 when none.
	Speaker     string
	Attribution int
	// Named reports that the speaker is named where the quote is
	// printed (not found through a pronoun or a title), so that a
	// different name elsewhere tells of a misattribution rather than of
	// context read differently.
	Named bool
}

// Quotes returns the passages of text between quotation marks that have
// at least MinRun words, in order. Double marks make quotations; single
// marks do only outside double ones (a quote within a quote belongs to
// the outer one). A quotation left open at the end of a paragraph ends
// there. Each takes the speaker of the direct or mixed attribution whose
// content overlaps it most. A quote's words are those ParseQuote reads in
// its Text, so that a stored quote read again from its span is the same.
func Quotes(text string, attrs []sayso.Attribution) []Quote {
	toks := textnorm.Tokenize(text)
	qs := textnorm.Quotations(toks)
	var out []Quote
	for k, q := range qs {
		if !q.Double && insideDouble(qs, k) {
			continue
		}
		first, last := q.Open+1, q.Last
		if q.Close >= 0 {
			last = q.Close - 1
		}
		if last < first {
			continue
		}
		start, end, ok := passage(toks[first : last+1])
		if !ok {
			continue
		}
		u := ParseQuote(text[toks[start+first].ByteStart:toks[end+first].ByteEnd])
		if len(u.Words) < MinRun {
			continue
		}
		u.Start, u.End = toks[start+first].Start, toks[end+first].End
		u.Attribution = attributionOf(u.Start, u.End, attrs)
		if u.Attribution >= 0 {
			sp := attrs[u.Attribution].Speaker
			u.Speaker, u.Named = sp.Name, NamedHere(sp.Resolution)
		}
		out = append(out, u)
		if len(out) == MaxQuotes {
			break
		}
	}
	return out
}

// ParseQuote reads a passage given on its own (a stored quote's text, or
// words to look for): marks, punctuation and bracketed insertions are
// dropped and "…" marks a cut. Start and End span the whole of s.
func ParseQuote(s string) Quote {
	u := Quote{Text: s, End: utf8.RuneCountInString(s), Attribution: -1}
	bracket := false
	for _, t := range textnorm.Tokenize(s) {
		switch {
		case t.Kind == textnorm.Punct && (t.Text == "[" || t.Text == "{"):
			bracket = true
		case t.Kind == textnorm.Punct && (t.Text == "]" || t.Text == "}"):
			bracket = false
		case bracket:
		case t.Kind == textnorm.Word && !t.Space && clitic(t.Text) && len(u.Words) > 0:
			// "He's", "they're": one word, as they are printed.
			u.Words[len(u.Words)-1] += normWord(t.Text)
			u.Surface[len(u.Surface)-1] += t.Text
		case t.Kind == textnorm.Word || t.Kind == textnorm.Number:
			if len(u.Words) == MaxQuoteWords {
				continue
			}
			if w := normWord(t.Text); w != "" {
				u.Words = append(u.Words, w)
				u.Surface = append(u.Surface, t.Text)
			}
		case t.Kind == textnorm.Punct && (strings.Contains(t.Text, "…") || strings.Contains(t.Text, "...")):
			if n := len(u.Words); len(u.Cuts) == 0 || u.Cuts[len(u.Cuts)-1] != n {
				u.Cuts = append(u.Cuts, n)
			}
		}
	}
	return u
}

// NamedHere reports whether a speaker resolved this way is named where
// the quote is printed.
func NamedHere(r sayso.Resolution) bool {
	return r == sayso.ResolvedNamed || r == sayso.ResolvedEarlierMention
}

// clitic reports a token the tokenizer splits off a word: "'s", "’re".
func clitic(s string) bool { return strings.HasPrefix(s, "'") || strings.HasPrefix(s, "’") }

// insideDouble reports whether quotation k lies inside a double one.
func insideDouble(qs []textnorm.Quotation, k int) bool {
	for _, d := range qs {
		if d.Double && d.Open < qs[k].Open && qs[k].Last <= d.Last {
			return true
		}
	}
	return false
}

// passage returns the first and last token of a quotation's passage:
// marks and the punctuation that joins it to its cue ("…,” he said") left
// out. ok is false when nothing is left.
func passage(toks []textnorm.Token) (a, b int, ok bool) {
	a, b = 0, len(toks)-1
	for a <= b && (toks[a].Kind == textnorm.Quote || edgePunct(toks[a].Text)) {
		a++
	}
	for b >= a && (toks[b].Kind == textnorm.Quote || edgePunct(toks[b].Text)) {
		b--
	}
	return a, b, a <= b
}

// edgePunct reports punctuation that a quotation's edge drops from the
// passage shown: the comma before "he said" and its kin.
func edgePunct(s string) bool { return s == "," || s == ";" || s == ":" || s == "-" || s == "—" }

// attributionOf returns the index of the direct or mixed attribution
// with a named speaker whose content overlaps [start, end) most, -1 when
// none does.
func attributionOf(start, end int, attrs []sayso.Attribution) int {
	best, idx := 0, -1
	for i, a := range attrs {
		if a.Kind == sayso.Indirect || a.Speaker == nil || a.Speaker.Name == "" {
			continue
		}
		n := 0
		for _, sp := range a.Content.Spans {
			n += max(0, min(end, sp.End)-max(start, sp.Start))
		}
		if n > best {
			best, idx = n, i
		}
	}
	return idx
}
