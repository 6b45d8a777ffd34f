package attrib

import (
	"sort"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/internal/textnorm"
)

// link is an attribution under construction, in token spans.
type link struct {
	cue      *span
	source   *span
	contents []span
	// continuation marks a quote with no cue of its own.
	continuation bool
	// sourceShared marks a source taken from an earlier cue of the sentence.
	sourceShared bool
	// margin is how far the ranker preferred the content over none; 0 for
	// links made by rule.
	margin float32
}

// maxLinkGap is how many tokens may separate a span from the cue it is
// linked to in a neighbouring sentence: beyond it the two rarely belong
// together.
const maxLinkGap = 40

// gap returns the number of tokens between spans a and b (0 if adjacent or
// overlapping).
func gap(a, b span) int {
	if a.last < b.first {
		return b.first - a.last - 1
	}
	if b.last < a.first {
		return a.first - b.last - 1
	}
	return 0
}

// sentencesOf returns the first and last sentence index of s.
func (d *document) sentencesOf(s span) (int, int) {
	return int(d.sent[s.first]), int(d.sent[s.last])
}

// linkSpans groups tagged spans into attributions: every content and source
// goes to the nearest cue of its sentence(s); a cue with no source of its
// own takes the source of the cue before it in the sentence (a shared
// subject: "He called for X and proposed Y"); content with no cue in reach
// continues the attribution before it (a continuation quote).
func linkSpans(d *document, spans []span) []link {
	var cues, sources, contents []span
	for _, s := range spans {
		switch s.label {
		case labelCue:
			cues = append(cues, s)
		case labelSource:
			sources = append(sources, s)
		case labelContent:
			contents = append(contents, s)
		}
	}
	links := make([]link, len(cues))
	for i := range cues {
		links[i].cue = &cues[i]
	}
	// nearest returns the cue nearest to s sharing a sentence with it, or
	// -1. Content prefers a cue on its left when distances tie, sources a
	// cue on their right.
	nearest := func(s span, preferLeft bool) int {
		a, b := d.sentencesOf(s)
		best, bestGap := -1, 1<<30
		for ci, c := range cues {
			ca, cb := d.sentencesOf(c)
			if cb < a || ca > b {
				continue
			}
			g := gap(s, c)
			if g < bestGap || (g == bestGap && (c.first < s.first) == preferLeft) {
				best, bestGap = ci, g
			}
		}
		return best
	}
	var orphans []span
	for _, s := range contents {
		ci := nearest(s, true)
		if ci < 0 {
			ci = nearbyCue(d, cues, s)
		}
		if ci < 0 {
			orphans = append(orphans, s)
			continue
		}
		links[ci].contents = append(links[ci].contents, s)
	}
	for _, s := range sources {
		ci := nearest(s, false)
		if ci < 0 {
			continue
		}
		if links[ci].source == nil || gap(s, cues[ci]) < gap(*links[ci].source, cues[ci]) {
			ss := s
			links[ci].source = &ss
		}
	}
	// Shared subjects.
	for i := range links {
		if links[i].source != nil || i == 0 {
			continue
		}
		p := links[i-1]
		if p.source != nil && d.sent[p.cue.first] == d.sent[links[i].cue.first] && p.source.last < p.cue.first {
			links[i].source = p.source
			links[i].sourceShared = true
		}
	}
	var out []link
	for _, l := range links {
		if len(l.contents) > 0 {
			out = append(out, l)
		}
	}
	// Orphan contents continue the attribution before them.
	for _, s := range orphans {
		out = append(out, link{contents: []span{s}, continuation: true})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].start() < out[j].start() })
	return out
}

// nearbyCue finds a cue for content s in the sentence just before or after
// it within the paragraph, for "He said:" followed by the quote, or -1.
func nearbyCue(d *document, cues []span, s span) int {
	best, bestGap := -1, maxLinkGap+1
	a, b := d.sentencesOf(s)
	for ci, c := range cues {
		ca, cb := d.sentencesOf(c)
		if cb != a-1 && ca != b+1 {
			continue
		}
		if d.sents[ca].Paragraph != d.sents[a].Paragraph && !(cb == a-1 && endsWithColon(d, c)) {
			continue
		}
		if g := gap(s, c); g < bestGap {
			best, bestGap = ci, g
		}
	}
	return best
}

// endsWithColon reports whether the sentence holding cue c ends in a colon,
// which introduces a quote in the next paragraph.
func endsWithColon(d *document, c span) bool {
	s := d.sents[d.sent[c.last]]
	return d.low[s.Last] == ":"
}

// spans returns every span of l.
func (l link) spans() []span {
	out := append([]span(nil), l.contents...)
	if l.cue != nil {
		out = append(out, *l.cue)
	}
	if l.source != nil {
		out = append(out, *l.source)
	}
	return out
}

func (l link) start() int {
	s := 1 << 30
	if l.cue != nil {
		s = l.cue.first
	}
	if l.source != nil && l.source.first < s {
		s = l.source.first
	}
	for _, c := range l.contents {
		if c.first < s {
			s = c.first
		}
	}
	return s
}

// segmentOf returns the Segment of token spans, in code points.
func (d *document) segmentOf(spans ...span) *sayso.Segment {
	seg := &sayso.Segment{}
	for i, s := range spans {
		a, b := d.toks[s.first], d.toks[s.last]
		if i > 0 {
			seg.Text += " "
		}
		seg.Text += d.text[a.ByteStart:b.ByteEnd]
		seg.Spans = append(seg.Spans, sayso.Span{Start: a.Start, End: b.End})
	}
	return seg
}

// kindOf reads the kind of content from its quotation marks, by the rule
// eval/attribution.KindOf documents: direct when every piece is quoted,
// mixed when some part is, indirect otherwise.
func (d *document) kindOf(contents []span) sayso.AttributionKind {
	all, any := true, false
	for k, s := range contents {
		open := d.quote[s.first]&qOpen != 0 || (d.toks[s.first].Kind == 3 && d.quote[s.first]&qSingle != 0)
		last := s.last
		for last > s.first && isTrailingPunct(d.low[last]) {
			last--
		}
		closed := d.quote[last]&qClose != 0 || (d.toks[last].Kind == 3 && d.quote[last]&qSingle != 0)
		runsOn := k+1 < len(contents) && d.quote[contents[k+1].first]&qOpen != 0
		if open && (closed || runsOn || d.quote[s.last]&qUnclosed != 0) {
			any = true
			continue
		}
		all = false
		for i := s.first; i <= s.last; i++ {
			if d.quote[i]&(qIn|qSingle) != 0 {
				any = true
				break
			}
		}
	}
	switch {
	case all:
		return sayso.Direct
	case any:
		return sayso.Mixed
	}
	return sayso.Indirect
}

func isTrailingPunct(s string) bool {
	switch s {
	case ".", ",", ";", ":", "!", "?", "...", "…", "-", "—", "–":
		return true
	}
	return false
}

// joinOpenedQuotes folds a quote that runs over paragraphs into the
// attribution its last paragraph carries: in
//
//	“The first thing we did was count the votes.
//
//	“Then we counted them again,” the governor said.
//
// the first paragraph, left open and continued, has no cue of its own and
// belongs to the governor's quote rather than to the one before it.
func (d *document) joinOpenedQuotes(links []link) []link {
	out := links[:0]
	for k := 0; k < len(links); k++ {
		l := links[k]
		if l.continuation && len(l.contents) == 1 && k+1 < len(links) && links[k+1].cue != nil &&
			len(links[k+1].contents) > 0 && d.continuesInto(l.contents[0], links[k+1].contents[0]) {
			next := &links[k+1]
			next.contents = append([]span{l.contents[0]}, next.contents...)
			continue
		}
		out = append(out, l)
	}
	return out
}

// continuesInto reports whether content a is a quotation left open at the
// end of its paragraph that the quotation opening content b carries on.
func (d *document) continuesInto(a, b span) bool {
	id := d.qid[a.first]
	if id < 0 || d.quotes[id].Open != a.first || !d.quotes[id].Continues {
		return false
	}
	next := d.quotes[id].Last + 1
	for next < len(d.toks) && next < b.first && d.toks[next].Kind == textnorm.Quote && d.qid[next] < 0 {
		next++
	}
	return next == b.first && d.qid[b.first] >= 0 && d.quotes[d.qid[b.first]].Open == b.first
}
