package attrib

import (
	"strings"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/internal/textnorm"
)

// Rules that read the layout of news: quotes signed with a dash and the
// speaker turns of transcripts.

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
		if i, j, ok := d.colonOpener(p); ok {
			if name := d.text[d.toks[i].ByteStart:d.toks[j-1].ByteEnd]; isAcronym(name) && !notSpeakers[strings.ToLower(name)] {
				turns[strings.ToLower(name)]++
			}
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
		i, j, ok := d.colonOpener(p)
		if !ok || !people[strings.Join(d.low[i:j], " ")] {
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

// notSpeakers are labels that open paragraphs with a colon without anyone
// speaking.
var notSpeakers = map[string]bool{
	"update": true, "updated": true, "correction": true, "clarification": true, "byline": true,
	"video": true, "photo": true, "photos": true, "watch": true, "read": true, "related": true,
	"note": true, "breaking": true, "source": true, "sources": true, "credit": true,
	"advertisement": true, "exclusive": true, "analysis": true, "opinion": true, "q": true,
	"a": true, "previously": true, "listen": true, "see": true, "also": true, "more": true,
}

// colonOpener finds one to three capitalised words before a colon opening
// paragraph p (after an optional quotation mark): the words are tokens
// [first, colon), the colon is token colon.
func (d *document) colonOpener(p [2]int) (first, colon int, ok bool) {
	i := p[0]
	if i < p[1] && d.toks[i].Kind == textnorm.Quote {
		i++
	}
	j := i
	for j < p[1] && j-i < 3 && d.toks[j].Kind == textnorm.Word && isCapitalised(d.toks[j].Text) {
		j++
	}
	if j == i || j+1 >= p[1] || d.low[j] != ":" {
		return 0, 0, false
	}
	return i, j, true
}
