package attrib

import (
	"strings"

	"github.com/sayso-news/sayso/internal/textnorm"
)

// Rules that read clause patterns the models miss: participial and
// infinitive complements, that-clauses and the ascriptive "as".

// subjectOfParticiple gives a source to a participial cue with none: in
// "Moscow protested …, arguing that …" the one arguing is the subject of
// the sentence. It returns the subject's span, or false.
func (d *document) subjectOfParticiple(cue span) (span, bool) {
	w := d.low[cue.first]
	if !strings.HasSuffix(w, "ing") || cue.first == 0 || d.low[cue.first-1] != "," {
		return span{}, false
	}
	s := d.sents[d.sent[cue.first]]
	i := s.First
	// Skip an opening adverbial: "However,", "In 2019,", "During the
	// debate on Monday,": a short one, or any that opens with a
	// preposition or a conjunction, up to its comma.
	reach := s.First + 5
	if c := d.wordClass(s.First); c == wcPrep || c == wcConj {
		reach = cue.first - 1
	}
	for k := s.First; k < cue.first && k < reach; k++ {
		if d.low[k] == "," {
			i = k + 1
			break
		}
	}
	if i >= cue.first || d.quote[i]&qIn != 0 {
		return span{}, false
	}
	switch d.wordClass(i) {
	case wcPrep, wcConj, wcThat:
		return span{}, false
	case wcDet:
		if d.low[i] != "the" && (i+1 >= cue.first || !isCapitalised(d.toks[i+1].Text)) {
			return span{}, false
		}
	}
	if closedClass[d.low[i]] == wcPron && d.wordClass(i) == wcPron {
		return span{i, i, labelSource}, true
	}
	j := i
	if d.low[j] == "the" {
		j++
	}
	k := j
	for k < cue.first && d.toks[k].Kind == 1 && isCapitalised(d.toks[k].Text) {
		k++
	}
	if k == j || k-j > 4 {
		return span{}, false
	}
	return span{i, k - 1, labelSource}, true
}

// weakCue is the lexicon probability above which a verb before a
// that-clause is taken as a cue when the tagger found none in the sentence:
// a that-clause after a verb that is ever a cue is almost always reported
// speech or thought.
const weakCue = 0.03

// cueVerbGroup are words that join a cue verb's group: auxiliaries,
// negation and the "to" of "pretended not to understand".
var cueVerbGroup = map[string]bool{
	"to": true, "not": true, "n't": true, "never": true, "also": true, "has": true, "have": true,
	"had": true, "is": true, "was": true, "were": true, "are": true, "been": true, "be": true,
	"will": true, "would": true, "could": true, "should": true, "may": true, "might": true,
	"did": true, "does": true, "do": true,
}

// thatClauses finds "SUBJECT VERB that CLAUSE" in sentences without any
// attribution, where VERB is ever a cue, and "SUBJECT VERB to INFINITIVE"
// where VERB is one of intention: the tagger misses rare cue verbs that a
// that-clause makes plain ("pretended not to understand that …") and
// intentions it was unsure of ("has been promising to add …").
func (d *document) thatClauses(links []link) []link {
	busy := d.busySentences(links)
	var out []link
	for si, s := range d.sents {
		if busy[si] {
			continue
		}
		for k := s.First + 2; k < s.Last-2; k++ {
			if d.quote[k]&(qIn|qSingle) != 0 {
				continue
			}
			v := k - 1
			switch {
			case d.low[k] == "that":
				if d.toks[v].Kind != 1 || d.wordClass(v) != wcOther || d.cueProb[v] < weakCue {
					continue
				}
			case d.low[k] == "to" && intentionStems[d.lemma[v]] && d.wordClass(k+1) == wcOther:
				// An intention with its infinitive: "has been promising to
				// add", "wants to leave".
			default:
				continue
			}
			first := v
			for first-1 > s.First && cueVerbGroup[d.low[first-1]] {
				first--
			}
			// "pretended not to understand": a verb before "(not) to".
			if d.low[first] == "not" || d.low[first] == "to" {
				if first-1 > s.First && d.wordClass(first-1) == wcOther && !isCapitalised(d.toks[first-1].Text) {
					first--
				}
			}
			subj, ok := d.subjectBefore(s, first)
			if !ok {
				break
			}
			last := s.Last
			for last > k && (isTrailingPunct(d.low[last]) || d.toks[last].Kind == 3) {
				last--
			}
			cue := span{first, v, labelCue}
			out = append(out, link{cue: &cue, source: &subj, contents: []span{{k, last, labelContent}}})
			break
		}
	}
	return out
}

// subjectBefore returns the noun phrase from the start of sentence s
// (after an opening adverbial such as "However,") to just before token end,
// when it is short, has no comma, and starts like a noun phrase.
func (d *document) subjectBefore(s textnorm.Sentence, end int) (span, bool) {
	i := s.First
	for k := s.First; k < end && k < s.First+5; k++ {
		if d.low[k] == "," {
			i = k + 1
			break
		}
	}
	if end-i < 1 || end-i > 12 {
		return span{}, false
	}
	for k := i; k < end; k++ {
		if d.low[k] == "," || d.toks[k].Kind == 3 {
			return span{}, false
		}
	}
	switch d.wordClass(i) {
	case wcDet, wcPron, wcCap, wcTitle:
	default:
		return span{}, false
	}
	return span{i, end - 1, labelSource}, true
}

// intentionStems are stems of verbs of intention that PolNeAR annotates as
// cues with the infinitive as content ("seeking to get Washington to …").
var intentionStems = map[string]bool{
	"seek": true, "hop": true, "try": true, "aim": true, "want": true, "vow": true,
	"promis": true, "plan": true, "intend": true, "threaten": true, "attempt": true,
	"striv": true, "push": true, "hope": true, "tri": true,
}

// intentions finds participial intentions the models missed: "…, seeking to
// X" becomes an attribution with the sentence's subject as source, the
// participle as cue and "to X" to the end of the sentence as content.
func (d *document) intentions(links []link) []link {
	used := make([]bool, len(d.toks))
	for _, l := range links {
		for _, s := range l.spans() {
			for i := s.first; i <= s.last; i++ {
				used[i] = true
			}
		}
	}
	var out []link
	for k := 1; k+2 < len(d.toks); k++ {
		if used[k] || d.low[k-1] != "," || d.low[k+1] != "to" || !strings.HasSuffix(d.low[k], "ing") ||
			!intentionStems[d.lemma[k]] || d.quote[k]&qIn != 0 {
			continue
		}
		cue := span{k, k, labelCue}
		src, ok := d.subjectOfParticiple(cue)
		if !ok {
			continue
		}
		s := d.sents[d.sent[k]]
		last := s.Last
		for last > k+1 && (isTrailingPunct(d.low[last]) || d.toks[last].Kind == textnorm.Quote) {
			last--
		}
		free := true
		for i := k + 1; i <= last; i++ {
			if used[i] {
				free = false
				break
			}
		}
		if !free || last <= k+1 {
			continue
		}
		out = append(out, link{cue: &cue, source: &src, contents: []span{{k + 1, last, labelContent}}})
	}
	return out
}

// asClauses reads "As X explains (in his book Y), CLAUSE." — the
// ascriptive "as": source X, cue the verb group, content the clause after
// the comma to the sentence's end, unless another attribution touches the
// "As X explains," frame. The verb must be one the cue lexicon knows.
func (d *document) asClauses(links []link) []link {
	var out []link
	for _, s := range d.sents {
		if d.low[s.First] != "as" || s.Last-s.First < 6 {
			continue
		}
		// The source: a short run up to a verb the lexicon knows.
		v := -1
		for k := s.First + 2; k < s.Last && k <= s.First+8; k++ {
			if d.low[k] == "," {
				break
			}
			if d.toks[k].Kind == 1 && !isCapitalised(d.toks[k].Text) && d.wordClass(k) == wcOther && d.cueProb[k] >= cueCandidate {
				v = k
				break
			}
		}
		if v < 0 {
			continue
		}
		comma := -1
		for k := v + 1; k < s.Last && k <= v+40; k++ {
			if d.low[k] == "," {
				comma = k
				break
			}
		}
		last := s.Last
		for last > comma && (isTrailingPunct(d.low[last]) || d.toks[last].Kind == textnorm.Quote) {
			last--
		}
		if comma < 0 || last <= comma+2 {
			continue
		}
		// Another attribution of the sentence rules the clause out unless
		// it lies wholly inside the clause's content: attributions nest
		// ("As X explains, officials said that …").
		if d.spansTouch(links, s.First, comma) {
			continue
		}
		src := span{s.First + 1, v - 1, labelSource}
		cue := span{v, v, labelCue}
		out = append(out, link{cue: &cue, source: &src, contents: []span{{comma + 1, last, labelContent}}})
	}
	return out
}

// busySentences marks the sentences that hold a span of one of links.
func (d *document) busySentences(links []link) []bool {
	busy := make([]bool, len(d.sents))
	for _, l := range links {
		for _, s := range l.spans() {
			for i := d.sent[s.first]; i <= d.sent[s.last]; i++ {
				busy[i] = true
			}
		}
	}
	return busy
}

// spansTouch reports whether a span of links overlaps tokens [first, last].
func (d *document) spansTouch(links []link, first, last int) bool {
	for _, l := range links {
		for _, sp := range l.spans() {
			if sp.first <= last && sp.last >= first {
				return true
			}
		}
	}
	return false
}
