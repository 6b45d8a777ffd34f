package attrib

import (
	"strings"
	"unicode/utf8"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/internal/textnorm"
)

// minClaimWords is the fewest words an unattributed claim has: shorter
// sentences are headlines, datelines, credits and fragments more often than
// assertions.
const minClaimWords = 6

// claims returns the sentences the author asserts in their own voice: ending
// in a period or exclamation mark, of at least minClaimWords words, outside
// quotations, and touching no attribution.
func (d *document) claims(links []link) []sayso.Claim {
	used := make([]bool, len(d.toks))
	mark := func(s span) {
		for i := s.first; i <= s.last; i++ {
			used[i] = true
		}
	}
	for _, l := range links {
		if l.cue != nil {
			mark(*l.cue)
		}
		if l.source != nil {
			mark(*l.source)
		}
		for _, c := range l.contents {
			mark(c)
		}
	}
	var out []sayso.Claim
	for _, s := range d.sents {
		last := d.low[s.Last]
		lastTok := s.Last
		for lastTok > s.First && d.toks[lastTok].Kind == textnorm.Quote {
			lastTok--
			last = d.low[lastTok]
		}
		if last != "." && last != "!" {
			continue
		}
		words, touched, quoted, junk := 0, false, true, false
		for i := s.First; i <= s.Last; i++ {
			if strings.ContainsRune(d.toks[i].Text, utf8.RuneError) {
				junk = true
			}
			if used[i] {
				touched = true
				break
			}
			if d.toks[i].Kind == textnorm.Word {
				words++
			}
			if d.quote[i]&qIn == 0 && d.toks[i].Kind != textnorm.Quote {
				quoted = false
			}
		}
		// Prose is mostly words; a sentence that is mostly marks and
		// symbols is debris (code, tables, binary) and asserts nothing.
		if touched || quoted || junk || words < minClaimWords || 5*words < 3*(s.Last-s.First+1) {
			continue
		}
		a, b := d.toks[s.First], d.toks[s.Last]
		out = append(out, sayso.Claim{Text: d.text[a.ByteStart:b.ByteEnd], Span: sayso.Span{Start: a.Start, End: b.End}})
	}
	return out
}
