package web

import (
	"strings"
	"unicode"

	"github.com/sayso-news/sayso"
)

// palette is the number of speaker colours (CSS classes sp0…sp7); more
// speakers share them in turn.
const palette = 8

// Parts of an attribution, as CSS classes.
const (
	partContent = "content"
	partSource  = "source"
	partCue     = "cue"
)

// segment is a run of an article's text with one marking.
type segment struct {
	Text string
	// Attr is the attribution number (from 1), 0 for none.
	Attr int
	// Part is source, cue or content; Colour the speaker's colour.
	Part   string
	Colour int
	// Claim marks an unattributed claim of the author; Anon an
	// attribution to an anonymous source.
	Claim bool
	Anon  bool
}

// blockView is one block of an article with its marked runs.
type blockView struct {
	Kind     sayso.BlockKind
	Level    int
	Segments []segment
}

// attrView is one attribution as the article page lists it.
type attrView struct {
	N          int                   `json:"n"`
	Kind       sayso.AttributionKind `json:"kind"`
	Speaker    *sayso.Speaker        `json:"speaker,omitempty"`
	Source     string                `json:"source,omitempty"`
	Cue        string                `json:"cue,omitempty"`
	Content    string                `json:"content"`
	Medium     string                `json:"medium,omitempty"`
	Confidence float64               `json:"confidence"`
	Colour     int                   `json:"-"`
	Anonymous  bool                  `json:"anonymous"`
	// Trace names the quote's trace when other articles print it too.
	Trace *traceLink `json:"trace,omitempty"`
}

// traceLink points from an attribution to its quote's trace.
type traceLink struct {
	ID       int64 `json:"id"`
	Articles int   `json:"articles"`
	Altered  bool  `json:"altered"`
}

// legendItem is a speaker and its colour.
type legendItem struct {
	Name   string
	Colour int
	Count  int
}

// articleView is everything the article page shows.
type articleView struct {
	Stored   *sayso.StoredArticle
	Blocks   []blockView
	Attrs    []attrView
	Legend   []legendItem
	Claims   int
	Anon     int
	Copies   *sayso.CopyCluster
	Traces   []*sayso.QuoteTrace
	IsStored bool // whether the article is stored (analyse shows unstored ones)
}

// speakerName is how an attribution's speaker is named on the page.
func speakerName(a *sayso.Attribution) string {
	if a.Speaker != nil && a.Speaker.Name != "" {
		return a.Speaker.Name
	}
	if a.Source != nil && a.Source.Text != "" {
		return a.Source.Text
	}
	return "unknown source"
}

// buildArticleView marks the attributions and claims of sa in its text
// and links each attribution to the trace of its quote among traces.
func buildArticleView(sa *sayso.StoredArticle, copies *sayso.CopyCluster, traces []*sayso.QuoteTrace) *articleView {
	v := &articleView{Stored: sa, Copies: copies, Traces: traces, IsStored: sa.ID != 0}
	text := []rune(sa.Article.Text())
	attrAt := make([]int32, len(text))
	partAt := make([]uint8, len(text))
	claimAt := make([]bool, len(text))
	parts := []string{"", partContent, partSource, partCue}
	mark := func(spans []sayso.Span, n int, part uint8) {
		for _, sp := range spans {
			for i := max(sp.Start, 0); i < min(sp.End, len(text)); i++ {
				attrAt[i], partAt[i] = int32(n), part
			}
		}
	}
	colours := map[string]int{}
	var an *sayso.Analysis
	if sa.Analysis != nil {
		an = sa.Analysis
	} else {
		an = &sayso.Analysis{}
	}
	printings := printingsIn(sa.ID, traces)
	for i := range an.Attributions {
		a := &an.Attributions[i]
		n := i + 1
		name := speakerName(a)
		c, ok := colours[name]
		if !ok {
			c = len(colours) % palette
			colours[name] = c
			v.Legend = append(v.Legend, legendItem{Name: name, Colour: c})
		}
		for j := range v.Legend {
			if v.Legend[j].Name == name {
				v.Legend[j].Count++
			}
		}
		av := attrView{N: n, Kind: a.Kind, Speaker: a.Speaker, Content: a.Content.Text, Medium: a.Medium,
			Confidence: a.Confidence, Colour: c,
			Anonymous: a.Speaker != nil && a.Speaker.Type == sayso.Anonymous}
		if a.Source != nil {
			av.Source = a.Source.Text
		}
		if a.Cue != nil {
			av.Cue = a.Cue.Text
		}
		if av.Anonymous {
			v.Anon++
		}
		av.Trace = traceOf(a.Content.Text, printings)
		v.Attrs = append(v.Attrs, av)
		mark(a.Content.Spans, n, 1)
		if a.Source != nil {
			mark(a.Source.Spans, n, 2)
		}
		if a.Cue != nil {
			mark(a.Cue.Spans, n, 3)
		}
	}
	for _, c := range an.Claims {
		v.Claims++
		for i := max(c.Span.Start, 0); i < min(c.Span.End, len(text)); i++ {
			claimAt[i] = attrAt[i] == 0
		}
	}
	start := 0
	for _, b := range sa.Article.Blocks {
		end := min(start+len([]rune(b.Text)), len(text))
		bv := blockView{Kind: b.Kind, Level: b.Level}
		for i := start; i < end; {
			j := i + 1
			for j < end && attrAt[j] == attrAt[i] && partAt[j] == partAt[i] && claimAt[j] == claimAt[i] {
				j++
			}
			sg := segment{Text: string(text[i:j]), Attr: int(attrAt[i]), Part: parts[partAt[i]], Claim: claimAt[i]}
			if sg.Attr > 0 {
				sg.Colour = v.Attrs[sg.Attr-1].Colour
				sg.Anon = v.Attrs[sg.Attr-1].Anonymous
			}
			bv.Segments = append(bv.Segments, sg)
			i = j
		}
		v.Blocks = append(v.Blocks, bv)
		start = end + 2
	}
	return v
}

// printing is a quote trace's printing in the article shown, its words
// keyed once for every attribution to be matched against.
type printing struct {
	key   string
	text  string
	trace *sayso.QuoteTrace
}

// printingsIn returns the printings in article id of traces.
func printingsIn(id int64, traces []*sayso.QuoteTrace) []printing {
	var out []printing
	for _, t := range traces {
		for _, ap := range t.Appearances {
			if ap.ArticleID != id {
				continue
			}
			if k := wordKey(ap.Text); k != "" {
				out = append(out, printing{key: k, text: ap.Text, trace: t})
			}
		}
	}
	return out
}

// traceOf finds, among the article's printings, the one that is part of
// content (or holds it) and links to its trace.
func traceOf(content string, printings []printing) *traceLink {
	c := wordKey(content)
	if c == "" {
		return nil
	}
	for _, p := range printings {
		if len(p.text) > 4*len(content)+64 {
			continue
		}
		if strings.Contains(c, p.key) || strings.Contains(p.key, c) {
			t := p.trace
			l := &traceLink{ID: t.ID, Articles: t.Articles()}
			for _, o := range t.Appearances {
				if o.Variant == sayso.VariantAltered || o.Variant == sayso.VariantMisattributed {
					l.Altered = true
				}
			}
			return l
		}
	}
	return nil
}

// wordKey is s's words, lower-cased, one space apart, punctuation dropped.
func wordKey(s string) string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
	if len(f) == 0 {
		return ""
	}
	return " " + strings.Join(f, " ") + " "
}
