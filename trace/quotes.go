package trace

import (
	"strings"

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
	// when none does.
	Speaker string
}

// Quotes returns the passages of text between quotation marks that have
// at least MinRun words, in order. Double marks make quotations; single
// marks do only outside double ones (a quote within a quote belongs to
// the outer one). A quotation left open at the end of a paragraph ends
// there. Each takes the speaker of the direct or mixed attribution whose
// content overlaps it most.
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
		u := quoteOf(text, toks[first:last+1])
		if len(u.Words) < MinRun {
			continue
		}
		u.Speaker = speakerOf(u.Start, u.End, attrs)
		out = append(out, u)
		if len(out) == MaxQuotes {
			break
		}
	}
	return out
}

// insideDouble reports whether quotation k lies inside a double one.
func insideDouble(qs []textnorm.Quotation, k int) bool {
	for _, d := range qs {
		if d.Double && d.Open < qs[k].Open && qs[k].Last <= d.Last {
			return true
		}
	}
	return false
}

// quoteOf reads the words of the tokens of a quotation.
func quoteOf(text string, toks []textnorm.Token) Quote {
	// Trim marks and punctuation at the edges from the span shown.
	a, b := 0, len(toks)-1
	for a < b && (toks[a].Kind == textnorm.Quote || edgePunct(toks[a].Text)) {
		a++
	}
	for b > a && (toks[b].Kind == textnorm.Quote || edgePunct(toks[b].Text)) {
		b--
	}
	u := Quote{Start: toks[a].Start, End: toks[b].End, Text: text[toks[a].ByteStart:toks[b].ByteEnd]}
	bracket := false
	for _, t := range toks {
		switch {
		case t.Kind == textnorm.Punct && (t.Text == "[" || t.Text == "{"):
			bracket = true
		case t.Kind == textnorm.Punct && (t.Text == "]" || t.Text == "}"):
			bracket = false
		case bracket:
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

// edgePunct reports punctuation that a quotation's edge drops from the
// passage shown: the comma before "he said" and its kin.
func edgePunct(s string) bool { return s == "," || s == ";" || s == ":" || s == "-" || s == "—" }

// speakerOf returns the speaker's name of the direct or mixed attribution
// whose content overlaps [start, end) most.
func speakerOf(start, end int, attrs []sayso.Attribution) string {
	best, name := 0, ""
	for _, a := range attrs {
		if a.Kind == sayso.Indirect || a.Speaker == nil {
			continue
		}
		n := 0
		for _, sp := range a.Content.Spans {
			n += max(0, min(end, sp.End)-max(start, sp.Start))
		}
		if n > best {
			best, name = n, a.Speaker.Name
		}
	}
	return name
}

// hasCut reports whether the quote marks a cut before word i.
func (q *Quote) hasCut(i int) bool {
	for _, c := range q.Cuts {
		if c == i {
			return true
		}
	}
	return false
}

// ParseQuote reads words given on their own (a quote to look for) as a
// Quote: marks, punctuation and bracketed insertions are dropped and "…"
// marks a cut.
func ParseQuote(s string) Quote {
	toks := textnorm.Tokenize(s)
	if len(toks) == 0 {
		return Quote{}
	}
	return quoteOf(s, toks)
}
