package attrib

import (
	"strings"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/internal/textnorm"
)

// Rules applied after the ranker, for constructions PolNeAR annotates
// rarely enough that the models miss them, but that news uses often.

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
	// Skip an opening adverbial: "However,", "In 2019,".
	for k := s.First; k < cue.first && k < s.First+5; k++ {
		if d.low[k] == "," {
			i = k + 1
			break
		}
	}
	if i >= cue.first || d.quote[i]&qIn != 0 {
		return span{}, false
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
	busy := make([]bool, len(d.sents))
	for _, l := range links {
		for _, s := range l.spans() {
			for i := d.sent[s.first]; i <= d.sent[s.last]; i++ {
				busy[i] = true
			}
		}
	}
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

// isDash reports whether s is a dash that may introduce a signature.
func isDash(s string) bool {
	switch s {
	case "―", "—", "–", "--":
		return true
	}
	return false
}

// dashSignatures finds quotes signed with a dash and a name, "“…” ― Name"
// or "— Name, role" on the next line, the way vox-pop pieces, epigraphs and
// pull quotes attribute them, and returns the links they make: new ones,
// or continuation quotes given their cue and source.
func (d *document) dashSignatures(links []link) []link {
	owner := make([]int, len(d.toks))
	for i := range owner {
		owner[i] = -1
	}
	for k, l := range links {
		for _, s := range l.spans() {
			for i := s.first; i <= s.last; i++ {
				owner[i] = k
			}
		}
	}
	var out []link
	for i := 1; i+1 < len(d.toks); i++ {
		if !isDash(d.low[i]) || !isCapitalised(d.toks[i+1].Text) || d.toks[i+1].Kind != textnorm.Word || d.toks[i+1].Newlines > 0 {
			continue
		}
		prev := i - 1
		for prev > 0 && isTrailingPunct(d.low[prev]) {
			prev--
		}
		q := d.qid[prev]
		if q < 0 || d.quotes[q].Last != prev || d.toks[prev].Kind != textnorm.Quote {
			continue
		}
		// The name: capitalised words (initials included) up to a comma,
		// a quotation mark, a sentence end or the line's end.
		end := i + 1
		for end+1 < len(d.toks) && end-i < 5 && d.toks[end+1].Newlines == 0 &&
			d.toks[end+1].Kind == textnorm.Word && isCapitalised(d.toks[end+1].Text) {
			end++
		}
		if owner[i] >= 0 || owner[i+1] >= 0 {
			continue
		}
		qt := d.quotes[q]
		content := span{qt.Open, qt.Last, labelContent}
		cue := span{i, i, labelCue}
		src := span{i + 1, end, labelSource}
		if k := owner[qt.Open]; k >= 0 {
			if links[k].cue == nil {
				links[k].cue, links[k].source, links[k].continuation = &cue, &src, false
			}
			continue
		}
		out = append(out, link{cue: &cue, source: &src, contents: []span{content}})
	}
	return out
}

// transcriptLines reads paragraphs of transcripts and interviews, "PENCE:
// Well, look…" or "Sanders: Endorsements prove…", as attributions when the
// name before the colon is a person the text names elsewhere (a surname or
// a full name, in any case): source the name, cue the colon, content the
// rest of the paragraph without a final period. Links the models made
// inside such a paragraph give way to it.
func (d *document) transcriptLines(links []link, ix *entityIndex) []link {
	people := map[string]bool{}
	for _, m := range ix.mentions {
		if m.typ != sayso.Person {
			continue
		}
		words := strings.Fields(strings.ToLower(m.name))
		if len(words) >= 2 {
			people[words[len(words)-1]] = true
			people[strings.Join(words, " ")] = true
		}
	}
	// Names in capitals that open two or more paragraphs with a colon are
	// a transcript's speakers ("WALLACE: …", "PENCE: …"), whether or not the
	// text names them elsewhere; labels such as "UPDATE:" are not.
	turns := map[string]int{}
	for _, p := range paragraphs(d) {
		if name, ok := d.colonOpener(p); ok && isAcronym(name) && !notSpeakers[strings.ToLower(name)] {
			turns[strings.ToLower(name)]++
		}
	}
	for name, n := range turns {
		if n >= 2 {
			people[name] = true
		}
	}
	if len(people) == 0 {
		return links
	}
	var lines []link
	inLine := make([]bool, len(d.toks))
	for _, p := range paragraphs(d) {
		i := p[0]
		if i < p[1] && d.toks[i].Kind == textnorm.Quote {
			i++
		}
		j := i
		for j < p[1] && j-i < 3 && d.toks[j].Kind == textnorm.Word && isCapitalised(d.toks[j].Text) {
			j++
		}
		if j == i || j+1 >= p[1] || d.low[j] != ":" || !people[strings.Join(d.low[i:j], " ")] {
			continue
		}
		last := p[1] - 1
		if d.low[last] == "." && last > j+1 {
			last--
		}
		for k := p[0]; k < p[1]; k++ {
			inLine[k] = true
		}
		src, cue := span{i, j - 1, labelSource}, span{j, j, labelCue}
		lines = append(lines, link{source: &src, cue: &cue, contents: []span{{j + 1, last, labelContent}}})
	}
	if len(lines) == 0 {
		return links
	}
	kept := links[:0]
	for _, l := range links {
		inside := false
		for _, s := range l.spans() {
			if inLine[s.first] {
				inside = true
			}
		}
		if !inside {
			kept = append(kept, l)
		}
	}
	return append(kept, lines...)
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

// notSpeakers are labels that open paragraphs with a colon without anyone
// speaking.
var notSpeakers = map[string]bool{
	"update": true, "updated": true, "correction": true, "clarification": true, "byline": true,
	"video": true, "photo": true, "photos": true, "watch": true, "read": true, "related": true,
	"note": true, "breaking": true, "source": true, "sources": true, "credit": true,
	"advertisement": true, "exclusive": true, "analysis": true, "opinion": true, "q": true,
	"a": true, "previously": true, "listen": true, "see": true, "also": true, "more": true,
}

// colonOpener returns the words before a colon opening paragraph p (after
// an optional quotation mark), when one to three capitalised words stand
// there.
func (d *document) colonOpener(p [2]int) (string, bool) {
	i := p[0]
	if i < p[1] && d.toks[i].Kind == textnorm.Quote {
		i++
	}
	j := i
	for j < p[1] && j-i < 3 && d.toks[j].Kind == textnorm.Word && isCapitalised(d.toks[j].Text) {
		j++
	}
	if j == i || j+1 >= p[1] || d.low[j] != ":" {
		return "", false
	}
	return d.text[d.toks[i].ByteStart:d.toks[j-1].ByteEnd], true
}

// asClauses reads "As X explains (in his book Y), CLAUSE." — the
// ascriptive "as" — in sentences without any attribution: source X, cue the
// verb group, content the clause after the comma to the sentence's end.
// The verb must be one the cue lexicon knows.
func (d *document) asClauses(links []link) []link {
	busy := make([]bool, len(d.sents))
	for _, l := range links {
		for _, s := range l.spans() {
			for i := d.sent[s.first]; i <= d.sent[s.last]; i++ {
				busy[i] = true
			}
		}
	}
	var out []link
	for si, s := range d.sents {
		if busy[si] || d.low[s.First] != "as" || s.Last-s.First < 6 {
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
		src := span{s.First + 1, v - 1, labelSource}
		cue := span{v, v, labelCue}
		out = append(out, link{cue: &cue, source: &src, contents: []span{{comma + 1, last, labelContent}}})
	}
	return out
}
