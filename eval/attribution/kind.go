package attribution

import (
	"sort"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/internal/textnorm"
)

// KindOf classifies content of text by its quotation marks: direct when
// every piece is a quotation (opens with a quotation mark and closes with one
// save trailing punctuation, or opens with one and runs on into a next piece
// that opens with one, as a quote spanning paragraphs does), mixed when some
// quotation lies inside, indirect otherwise. Apostrophes are not quotation
// marks (textnorm.Quotations tells them apart).
func KindOf(text string, ix *textnorm.Index, content []sayso.Span) sayso.AttributionKind {
	if len(content) == 0 {
		return sayso.Indirect
	}
	allQuoted, anyQuote := true, false
	for i, s := range content {
		toks := textnorm.Tokenize(ix.Slice(text, s.Start, s.End))
		if len(toks) == 0 {
			continue
		}
		opens := isOpeningMark(toks[0])
		closes := false
		for j := len(toks) - 1; j > 0; j-- {
			t := toks[j]
			if t.Kind == textnorm.Punct && isTrailingPunct(t.Text) {
				continue
			}
			closes = t.Kind == textnorm.Quote && !textnorm.QuoteClassString(t.Text).Opening()
			break
		}
		runsOn := false
		if i+1 < len(content) {
			next := textnorm.Tokenize(ix.Slice(text, content[i+1].Start, content[i+1].End))
			runsOn = len(next) > 0 && isOpeningMark(next[0])
		}
		quoted := opens && (closes || runsOn)
		if !quoted {
			allQuoted = false
		}
		if quoted || len(textnorm.Quotations(toks)) > 0 {
			anyQuote = true
		}
	}
	switch {
	case allQuoted:
		return sayso.Direct
	case anyQuote:
		return sayso.Mixed
	}
	return sayso.Indirect
}

func isOpeningMark(t textnorm.Token) bool {
	return t.Kind == textnorm.Quote && !textnorm.QuoteClassString(t.Text).Closing()
}

func isTrailingPunct(s string) bool {
	switch s {
	case ".", ",", ";", ":", "!", "?", "...", "…", "-", "—", "–":
		return true
	}
	return false
}

// PolNeARView returns attributions as PolNeAR annotates them: a continuation
// quote (no cue and no source of its own) is folded into the attribution
// before it as further content pieces. The input is not modified; the
// result is in text order.
func PolNeARView(atts []sayso.Attribution) []sayso.Attribution {
	sorted := append([]sayso.Attribution(nil), atts...)
	sort.SliceStable(sorted, func(i, j int) bool { return firstStart(sorted[i]) < firstStart(sorted[j]) })
	var out []sayso.Attribution
	for _, a := range sorted {
		if len(a.Content.Spans) == 0 {
			continue
		}
		if a.Cue == nil && a.Source == nil && len(out) > 0 {
			prev := &out[len(out)-1]
			c := mergeSegment(&prev.Content, &a.Content)
			prev.Content = *c
			continue
		}
		a.Content.Spans = append([]sayso.Span(nil), a.Content.Spans...)
		out = append(out, a)
	}
	return out
}
