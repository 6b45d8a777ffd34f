package attrib

import (
	"strings"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/internal/textnorm"
)

// personNouns are lower-case heads of noun phrases that describe a person
// by role or standing ("the New York businessman", "the Indiana
// governor"), beside the title words.
var personNouns = map[string]bool{
	"businessman": true, "businesswoman": true, "billionaire": true, "mogul": true, "tycoon": true,
	"nominee": true, "candidate": true, "lawmaker": true, "congressman": true, "congresswoman": true,
	"legislator": true, "politician": true, "incumbent": true, "challenger": true, "democrat": true,
	"republican": true, "chair": true, "chairman": true, "chairwoman": true, "executive": true,
	"star": true, "host": true, "lady": true, "mother": true, "father": true, "wife": true,
	"husband": true, "son": true, "daughter": true, "veteran": true, "activist": true,
	"economist": true, "physician": true, "doctor": true, "attorney": true, "lawyer": true,
	"official": true, "diplomat": true, "leader": true, "frontrunner": true, "writer": true,
	"columnist": true, "journalist": true, "scholar": true, "expert": true, "founder": true,
	"owner": true, "developer": true, "investor": true, "senator": true, "governor": true,
	"mayor": true, "president": true, "minister": true, "secretary": true, "spokesman": true,
	"spokeswoman": true, "spokesperson": true, "strategist": true, "adviser": true, "advisor": true,
	"general": true, "admiral": true, "judge": true, "justice": true, "prosecutor": true,
	"representative": true, "delegate": true, "commissioner": true, "director": true,
	"ambassador": true, "chancellor": true, "premier": true, "king": true, "queen": true,
	"author": true, "analyst": true, "professor": true, "pollster": true, "manager": true,
	"officer": true, "sheriff": true, "chief": true, "speaker": true, "envoy": true,
}

// nominalLookback bounds how many earlier mentions a nominal searches for
// the holder of its role: a long article introduces its people once, far
// from where "the governor" speaks; the bound keeps hostile input linear.
const nominalLookback = 2000

// rankQualifiers change which office a title names: the vice president is
// not the president.
var rankQualifiers = map[string]bool{
	"vice": true, "deputy": true, "assistant": true, "lieutenant": true, "under": true,
	"associate": true, "vice-presidential": true,
}

// roleTable holds, for each person entity of an article, the roles the
// text gives them: titles before the name ("Gov. Mike Pence"),
// lower-case descriptions before it ("presidential nominee Donald
// Trump") and appositions ("Hillary Clinton, the former secretary of
// state,"), each in lower-case words with abbreviations expanded.
type roleTable map[int][][]string

// buildRoles reads the roles of every person entity of ix in d.
func buildRoles(d *document, ix *entityIndex) roleTable {
	t := roleTable{}
	add := func(c int, ws []string) {
		var out []string
		for _, w := range ws {
			w = strings.Trim(w, ",.;:’'\"()")
			if w == "" {
				continue
			}
			out = append(out, w)
			out = append(out, titleAbbrev[w+"."]...)
			out = append(out, titleAbbrev[w]...)
		}
		if len(out) > 0 {
			t[c] = append(t[c], out)
		}
	}
	for k, m := range ix.mentions {
		c := ix.canon[k]
		if ix.mentions[c].typ != sayso.Person {
			continue
		}
		if m.role != "" {
			add(c, strings.Fields(strings.ToLower(m.role)))
		}
		// Lower-case words just before the name.
		var before []string
		for i := m.first - 1; i >= 0 && i >= m.first-4; i-- {
			if d.toks[i].Kind != textnorm.Word || d.toks[i].Newlines > 0 && i < m.first-1 {
				break
			}
			if _, closed := closedClass[d.low[i]]; closed {
				break
			}
			before = append([]string{d.low[i]}, before...)
		}
		if len(before) > 0 {
			add(c, before)
		}
		// An apposition after the name: ", the former secretary of state,".
		if i := m.last + 1; i+1 < len(d.toks) && d.low[i] == "," {
			var app []string
			closed := false
			for j := i + 1; j < len(d.toks) && j <= i+10; j++ {
				if d.low[j] == "," {
					closed = true // an apposition ends with a comma
					break
				}
				if d.low[j] == "." || d.toks[j].Kind == textnorm.Punct && d.low[j] != "-" {
					break
				}
				app = append(app, d.low[j])
			}
			if closed && len(app) > 1 && (app[0] == "the" || app[0] == "a" || app[0] == "an" || app[1] == "’s" || app[1] == "'s") {
				add(c, app)
			}
		}
		// A description before the name: "The minister of the economy,
		// Mr. Guajardo Villarreal".
		if i := m.first - 1; i > 0 && d.low[i] == "," {
			j := i - 1
			for j > 0 && j > i-10 && d.low[j] != "," && d.toks[j].Kind != textnorm.Punct && int(d.sent[j]) == int(d.sent[i]) {
				j--
			}
			if d.low[j] == "," || d.toks[j].Kind == textnorm.Punct || int(d.sent[j]) != int(d.sent[i]) {
				j++
			}
			if j < i && (d.low[j] == "the" || d.low[j] == "a") {
				var app []string
				for q := j; q < i; q++ {
					app = append(app, d.low[q])
				}
				add(c, app)
			}
		}
	}
	return t
}

// holds reports whether role words ws give the office head, as a phrase
// with qualifiers np: "president" is held by "president" but not by
// "vice president" unless np says "vice" too.
func holds(ws []string, head string, np []string) bool {
	for i, w := range ws {
		if w != head {
			continue
		}
		if i > 0 && rankQualifiers[ws[i-1]] && !contains(np, ws[i-1]) {
			continue
		}
		return true
	}
	return false
}

// nominal resolves a definite noun phrase headed by a person noun ("the
// Indiana governor", "the New York businessman", "Obama's former
// strategist") to the latest person the text gave that role; without one,
// a phrase that names no one else goes to the most mentioned person so far
// whose gender agrees. It reports false when s is not such a phrase.
func (r *resolver) nominal(s span) (*sayso.Speaker, bool) {
	d := r.d
	first := s.first
	switch {
	case d.low[first] == "the":
		first++
	case first+1 < s.last && (d.low[first+1] == "’s" || d.low[first+1] == "'s"):
		first += 2
	case s.last-s.first < 4 && (partyWords[d.low[first]] || nationalities[d.low[first]]):
		// "Republican presidential nominee", "GOP nominee" with no
		// article, as headlines and ledes write them.
	default:
		return nil, false
	}
	last := s.last
	for last > first && d.toks[last].Kind != textnorm.Word {
		last--
	}
	var np []string
	for i := first; i <= last; i++ {
		if d.toks[i].Kind == textnorm.Word {
			np = append(np, d.low[i])
		}
	}
	head := headWord(np)
	if head == "" || !personNouns[head] {
		return nil, false
	}
	hi := -1
	for i := first; i <= last; i++ {
		if d.low[i] == head {
			hi = i
			break
		}
	}
	if hi < 0 || isCapitalised(d.toks[hi].Text) && hi != d.sents[d.sent[hi]].First {
		return nil, false // "the President" in a name, "the Senate"
	}
	// A name after the head is the speaker's own ("the spokesman, Paul
	// Varga"): not a nominal.
	for _, k := range r.mentionsIn(hi+1, s.last) {
		if r.ix.mentions[k].first > hi {
			return nil, false
		}
	}
	if r.roles == nil {
		r.roles = buildRoles(d, r.ix)
	}
	end := r.before(s.first)
	var mostSeen, most = -1, 0
	seen := map[int]int{}
	g := genderUnknown
	if maleWords[head] {
		g = genderMale
	} else if femaleWords[head] || head == "lady" {
		g = genderFemale
	}
	for k := end - 1; k >= 0 && k >= end-nominalLookback; k-- {
		m := r.ix.mentions[k]
		c := r.ix.canon[k]
		if m.last >= s.first || r.ix.mentions[c].typ != sayso.Person {
			continue
		}
		for _, ws := range r.roles[c] {
			if holds(ws, head, np) {
				return r.named(k, "", sayso.ResolvedTitle), true
			}
		}
		if d.quote[m.first]&qIn == 0 && compatible(r.ix.gender[c], g) {
			seen[c]++
			if seen[c] > most || seen[c] == most {
				mostSeen, most = k, seen[c]
			}
		}
	}
	role := d.text[d.toks[first].ByteStart:d.toks[last].ByteEnd]
	if k := r.salientPerson(s.first, g); k >= 0 {
		return r.named(k, role, sayso.ResolvedTitle), true
	}
	if mostSeen >= 0 && !titleWords[head] {
		return r.named(mostSeen, role, sayso.ResolvedTitle), true
	}
	return nil, false
}
