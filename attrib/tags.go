package attrib

import (
	"github.com/sayso-news/sayso"
)

// label is what a token belongs to.
type label uint8

// Labels.
const (
	labelO label = iota
	labelSource
	labelCue
	labelContent
)

// tag is a BIO tag: O, or B/I of a label.
type tag uint8

// numTags is the number of tags: O and B, I for three labels.
const numTags = 7

// Tags.
const (
	tagO tag = iota
	tagBSource
	tagISource
	tagBCue
	tagICue
	tagBContent
	tagIContent
)

var tagNames = [numTags]string{"O", "B-SRC", "I-SRC", "B-CUE", "I-CUE", "B-CON", "I-CON"}

func (t tag) String() string { return tagNames[t] }

// label returns the label of t.
func (t tag) label() label {
	if t == tagO {
		return labelO
	}
	return label((t + 1) / 2)
}

// begins reports whether t starts a span.
func (t tag) begins() bool { return t != tagO && t%2 == 1 }

func beginTag(l label) tag  { return tag(2*l - 1) }
func insideTag(l label) tag { return tag(2 * l) }

// allowed reports whether tag b may follow tag a: I-X only after B-X or I-X.
func allowed(a, b tag) bool {
	if b == tagO || b.begins() {
		return true
	}
	return a != tagO && a.label() == b.label()
}

// span is a run of tokens [first, last] with one label.
type span struct {
	first, last int
	label       label
}

// spansOf turns tags into spans, cutting at paragraph breaks.
func spansOf(d *document, tags []tag) []span {
	var out []span
	for i := 0; i < len(tags); i++ {
		t := tags[i]
		if t == tagO {
			continue
		}
		j := i
		for j+1 < len(tags) && tags[j+1] == insideTag(t.label()) && d.toks[j+1].Newlines == 0 {
			j++
		}
		out = append(out, span{i, j, t.label()})
		i = j
	}
	return out
}

// goldTags assigns tags to d's tokens from gold attributions: a token takes
// the label of the piece that covers most of it, and B where the piece
// starts. Cues win over sources and sources over contents where gold pieces
// overlap, which PolNeAR almost never does.
func goldTags(d *document, atts []sayso.Attribution) []tag {
	tags := make([]tag, len(d.toks))
	type piece struct {
		s sayso.Span
		l label
	}
	var pieces []piece
	for _, a := range atts {
		for _, s := range a.Content.Spans {
			pieces = append(pieces, piece{s, labelContent})
		}
		if a.Source != nil {
			for _, s := range a.Source.Spans {
				pieces = append(pieces, piece{s, labelSource})
			}
		}
		if a.Cue != nil {
			for _, s := range a.Cue.Spans {
				pieces = append(pieces, piece{s, labelCue})
			}
		}
	}
	owner := make([]label, len(d.toks))
	start := make([]int, len(d.toks)) // piece start owning the token
	for _, p := range pieces {
		lo := tokenAtOrAfter(d, p.s.Start)
		for i := lo; i < len(d.toks) && d.toks[i].Start < p.s.End; i++ {
			t := d.toks[i]
			ov := min(t.End, p.s.End) - max(t.Start, p.s.Start)
			if 2*ov < t.End-t.Start {
				continue
			}
			if owner[i] == labelO || (p.l != labelContent && p.l < owner[i]) || p.l == labelCue {
				owner[i] = p.l
				start[i] = p.s.Start
			}
		}
	}
	for i := range tags {
		if owner[i] == labelO {
			continue
		}
		if i > 0 && owner[i-1] == owner[i] && start[i-1] == start[i] && d.toks[i].Newlines == 0 {
			tags[i] = insideTag(owner[i])
		} else {
			tags[i] = beginTag(owner[i])
		}
	}
	return tags
}

// tokenAtOrAfter returns the index of the first token ending after code
// point cp.
func tokenAtOrAfter(d *document, cp int) int {
	lo, hi := 0, len(d.toks)
	for lo < hi {
		mid := (lo + hi) / 2
		if d.toks[mid].End <= cp {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}
