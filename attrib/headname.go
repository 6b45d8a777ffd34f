package attrib

import (
	"strings"

	"github.com/sayso-news/sayso"
)

// prepositions that put a name outside the head of a source: "Charles
// Rangel of New York", "Peter Morgan of the Sierra Club", "an advocate for
// human rights in Burma".
var namePrepositions = map[string]bool{
	"of": true, "in": true, "at": true, "from": true, "for": true, "on": true, "with": true,
	"by": true, "to": true, "about": true, "against": true, "under": true, "over": true,
}

// headMention picks the mention that names the speaker of source s: the
// last mention of the source's head noun phrase, skipping names in
// parentheses ("(R-Utah)"), after a preposition ("of Maryland"), possessors
// ("Obama's strategist") and anything after the first comma, parenthesis
// or relative pronoun that follows a name (an apposition). It returns the
// source's mentions and the chosen one's index, or -1.
func (r *resolver) headMention(s span) ([]int, int) {
	ms := r.mentionsIn(s.first, s.last)
	d := r.d
	best := -1
	for _, k := range ms {
		m := r.ix.mentions[k]
		if best >= 0 {
			cut := false
			for i := r.ix.mentions[best].last + 1; i < m.first; i++ {
				switch d.low[i] {
				case ",", "(", "who", "which", "that", "—", "–", "-", ";", ":":
					cut = true
				}
			}
			if cut {
				break
			}
		}
		if m.first > s.first {
			p := m.first - 1
			if (d.low[p] == "the" || d.low[p] == "a") && p > s.first {
				p--
			}
			if d.low[p] == "(" || namePrepositions[d.low[p]] {
				continue
			}
		}
		if next := m.last + 1; next < s.last && (d.low[next] == "’s" || d.low[next] == "'s") {
			continue
		}
		best = k
	}
	return ms, best
}

// jointNames resolves a source naming two people jointly ("Neera Tanden
// and Blair Effron") to a group under both names, or returns nil.
func (r *resolver) jointNames(s span) *sayso.Speaker {
	ms := r.mentionsIn(s.first, s.last)
	if len(ms) != 2 {
		return nil
	}
	a, b := r.ix.mentions[ms[0]], r.ix.mentions[ms[1]]
	if a.first != s.first && !(a.first == s.first+1 && r.d.low[s.first] == "the") {
		return nil
	}
	if b.first != a.last+2 || r.d.low[a.last+1] != "and" || b.last != s.last {
		return nil
	}
	ca, cb := r.ix.canon[ms[0]], r.ix.canon[ms[1]]
	if r.ix.mentions[ca].typ != sayso.Person || r.ix.mentions[cb].typ != sayso.Person {
		return nil
	}
	return &sayso.Speaker{Name: strings.Join([]string{r.ix.name(ca), r.ix.name(cb)}, " and "), Type: sayso.Group, Resolution: sayso.ResolvedNamed}
}
