package attrib

import (
	"strings"

	"github.com/sayso-news/sayso/internal/textnorm"
)

// Rules applied after the ranker, for constructions PolNeAR annotates
// rarely enough that the models miss them, but that news uses often.

// splitMedium handles "X explains in his book Y, Z": when the chosen content
// is the medium, the content is what follows it to the end of the sentence,
// the cue loses a trailing "in", and the medium is returned.
func (d *document) splitMedium(l *link) (medium string, ok bool) {
	if l.cue == nil || len(l.contents) == 0 {
		return "", false
	}
	p := l.cue.last
	if d.low[p] != "in" {
		p++
		if p >= len(d.toks) || d.low[p] != "in" {
			return "", false
		}
	}
	p++
	if p >= len(d.toks) {
		return "", false
	}
	_, end, found := d.citedWork(p)
	if !found && p+1 < len(d.toks) {
		// "in a statement", "in an interview": a channel, not a work.
		if kind, isMedium := mediumNouns[d.low[p+1]]; isMedium && kind == "" || d.low[p+1] == "interview" {
			switch d.low[p] {
			case "a", "an", "his", "her", "their", "its":
				end, found = p+1, true
			}
		}
	}
	if !found || end+2 >= len(d.toks) || d.low[end+1] != "," {
		return "", false
	}
	s := d.sents[d.sent[end]]
	last := s.Last
	for last > end+2 && (isTrailingPunct(d.low[last]) || d.toks[last].Kind == 3) {
		last--
	}
	if last <= end+1 {
		return "", false
	}
	medium = d.text[d.toks[p].ByteStart:d.toks[end].ByteEnd]
	l.contents = []span{{end + 2, last, labelContent}}
	if d.low[l.cue.last] == "in" && l.cue.last > l.cue.first {
		cue := *l.cue
		cue.last--
		l.cue = &cue
	}
	return medium, true
}

// causatives are verbs that make the one they name act: in "led Putin to
// order the invasion" the ordering is the author's account of a cause, not
// an attribution.
var causatives = map[string]bool{
	"lead": true, "caus": true, "forc": true, "push": true, "prompt": true, "driv": true,
	"compel": true, "spur": true, "trigger": true, "provok": true, "help": true, "get": true,
}

// causedAction reports whether cue is an infinitive after a causative verb
// and its object: "led Putin to order".
func (d *document) causedAction(cue span, source *span) bool {
	to := cue.first
	if d.low[to] != "to" {
		to--
	}
	if to < 1 || d.low[to] != "to" {
		return false
	}
	k := to - 1
	if source != nil && source.last == k {
		k = source.first - 1
	} else {
		for k > 0 && k > to-4 && d.wordClass(k) != wcOther {
			k--
		}
	}
	return k >= 0 && causatives[d.lemma[k]]
}

// causesObject reports whether l reads "pushed Putin to invade": a
// causative verb as the cue, its content an object and an infinitive, which
// is the author's account of a cause, not an attribution.
func (d *document) causesObject(l link) bool {
	if l.cue == nil || len(l.contents) == 0 || !causatives[d.lemma[l.cue.last]] {
		return false
	}
	c := l.contents[0]
	if c.first != l.cue.last+1 || d.low[c.first] == "to" {
		return false
	}
	for k := c.first + 1; k <= c.last && k <= c.first+6; k++ {
		if d.low[k] == "to" {
			return k+1 <= c.last && d.wordClass(k+1) == wcOther
		}
		if d.low[k] == "," || d.wordClass(k) == wcThat {
			return false
		}
	}
	return false
}

// accordingTo sets the source and content of an "according to" cue by the
// construction's fixed shape: "According to X, Y." (X up to the comma) or
// "Y, according to X." (X to the sentence's end). It reports whether the
// shape was found.
func (d *document) accordingTo(l *link) bool {
	if l.cue == nil || l.cue.last == l.cue.first || d.low[l.cue.last] != "to" || d.low[l.cue.last-1] != "according" {
		return false
	}
	s := d.sents[d.sent[l.cue.first]]
	last := s.Last
	for last > l.cue.last && (isTrailingPunct(d.low[last]) || d.toks[last].Kind == textnorm.Quote) {
		last--
	}
	if l.cue.last-1 == s.First || (l.cue.last-2 >= s.First && d.low[l.cue.last-2] == ",") && l.cue.last-2 == s.First {
		// "According to X, Y."
		for k := l.cue.last + 1; k < last && k <= l.cue.last+13; k++ {
			if d.low[k] == "," {
				if k == l.cue.last+1 {
					return false
				}
				src := span{l.cue.last + 1, k - 1, labelSource}
				l.source = &src
				l.contents = []span{{k + 1, last, labelContent}}
				return true
			}
		}
		return false
	}
	if l.cue.first-1 > s.First && d.low[l.cue.first-1] == "," && last > l.cue.last && last-l.cue.last <= 13 {
		// "Y, according to X."
		first := s.First
		for first < l.cue.first-1 && d.toks[first].Kind == textnorm.Quote {
			first++
		}
		src := span{l.cue.last + 1, last, labelSource}
		l.source = &src
		l.contents = []span{{first, l.cue.first - 2, labelContent}}
		return true
	}
	return false
}

// beForms are the forms of "be" that make a passive with a participle.
var beForms = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true,
}

// passiveBy sets the source and content of a passive cue with its agent,
// by the construction's fixed shape: "It was announced by the ministry
// that X." (content: the that-clause) and "X, it was announced by the
// ministry." (content: what stands before the comma). It reports whether
// the shape was found.
func (d *document) passiveBy(l *link) bool {
	if l.cue == nil {
		return false
	}
	cue := *l.cue
	by := cue.last + 1
	for k := cue.first + 1; k <= cue.last; k++ {
		if d.low[k] == "by" {
			// The tagger took the agent into the cue: "was reported by
			// the BBC".
			by, cue.last = k, k-1
			break
		}
	}
	if by+1 >= len(d.toks) || d.low[by] != "by" || !d.passive(cue) {
		return false
	}
	it := cue.first - 1
	if it < 0 || d.low[it] != "it" {
		return false
	}
	s := d.sents[d.sent[by]]
	last := s.Last
	for last > by && (isTrailingPunct(d.low[last]) || d.toks[last].Kind == textnorm.Quote) {
		last--
	}
	end := by + 1
	for end <= last && end-by <= 10 && d.low[end] != "that" && d.low[end] != "," {
		end++
	}
	if end == by+1 {
		return false
	}
	src := span{by + 1, end - 1, labelSource}
	switch {
	case end < last && d.low[end] == "that" && it == s.First:
		// "It was announced by X that Y."
		l.cue, l.source = &cue, &src
		l.contents = []span{{end, last, labelContent}}
		return true
	case end > last && it-1 > s.First && d.low[it-1] == ",":
		// "Y, it was announced by X."
		first := s.First
		for first < it-1 && d.toks[first].Kind == textnorm.Quote {
			first++
		}
		l.cue, l.source = &cue, &src
		l.contents = []span{{first, it - 2, labelContent}}
		return true
	}
	return false
}

// passive reports whether cue is a passive verb group: a form of "be"
// followed by a participle ("was announced", "has been reported").
func (d *document) passive(cue span) bool {
	w := d.low[cue.last]
	if !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "en") && !strings.HasSuffix(w, "wn") && w != "said" && w != "told" {
		return false
	}
	for i := cue.first; i < cue.last; i++ {
		if beForms[d.low[i]] {
			return true
		}
	}
	return false
}
