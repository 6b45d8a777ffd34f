package attrib

import (
	"strings"
	"unicode"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/internal/textnorm"
)

// mention is a name found in the text: tokens [first, last], the name
// itself and any title or role written before it.
type mention struct {
	first, last int
	name        string
	role        string
	typ         sayso.SpeakerType
}

// titleWords are lower-case words that give a role or title before a name:
// "Russian President Vladimir Putin", "Sen. Bernie Sanders".
var titleWords = map[string]bool{
	"president": true, "senator": true, "sen.": true, "rep.": true, "representative": true,
	"gov.": true, "governor": true, "mr.": true, "mrs.": true, "ms.": true, "dr.": true,
	"secretary": true, "director": true, "chairman": true, "chairwoman": true, "minister": true,
	"judge": true, "justice": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"ambassador": true, "gen.": true, "general": true, "adm.": true, "admiral": true,
	"commissioner": true, "mayor": true, "chief": true, "leader": true, "candidate": true,
	"nominee": true, "ceo": true, "founder": true, "professor": true, "prof.": true, "pope": true,
	"king": true, "queen": true, "prince": true, "sheriff": true, "attorney": true, "officer": true,
	"adviser": true, "advisor": true, "aide": true, "analyst": true, "economist": true,
	"reporter": true, "correspondent": true, "editor": true, "host": true, "anchor": true,
	"lawmaker": true, "congressman": true, "congresswoman": true, "speaker": true, "counsel": true,
	"sgt.": true, "lt.": true, "col.": true, "capt.": true, "rev.": true, "frontrunner": true,
	"former": true, "vice": true, "deputy": true, "prime": true, "press": true, "state": true,
	"manager": true, "strategist": true, "pollster": true, "author": true, "historian": true,
	"chancellor": true, "premier": true, "envoy": true, "negotiator": true, "prosecutor": true,
	"lawyer": true, "chairperson": true,
}

// ambiguousTitles are title words that also open names of firms and
// bodies; before a single capitalised word they are taken as part of it.
var ambiguousTitles = map[string]bool{
	"general": true, "state": true, "chief": true, "press": true, "host": true, "king": true,
	"prince": true, "queen": true, "justice": true,
}

// orgWords mark a name as an organisation's.
var orgWords = map[string]bool{
	"kremlin": true, "house": true, "department": true, "ministry": true, "party": true,
	"committee": true, "campaign": true, "court": true, "council": true, "agency": true,
	"service": true, "university": true, "times": true, "post": true, "news": true, "inc.": true,
	"corp.": true, "association": true, "alliance": true, "union": true, "bank": true, "fund": true,
	"commission": true, "senate": true, "congress": true, "administration": true,
	"government": true, "police": true, "office": true, "organization": true, "organisation": true,
	"institute": true, "foundation": true, "network": true, "center": true, "centre": true,
	"pentagon": true, "army": true, "navy": true, "bureau": true, "board": true, "company": true,
	"group": true, "journal": true, "press": true, "cnn": true, "reuters": true, "nato": true,
	"parliament": true, "assembly": true, "council's": true, "league": true, "coalition": true,
}

// places are capitals and countries that stand for their governments when
// they speak ("Moscow said", "Washington wants").
var places = map[string]bool{
	"washington": true, "moscow": true, "beijing": true, "kiev": true, "kyiv": true, "london": true,
	"paris": true, "berlin": true, "tokyo": true, "tehran": true, "pyongyang": true, "jerusalem": true,
	"brussels": true, "ankara": true, "damascus": true, "baghdad": true, "kabul": true, "seoul": true,
	"delhi": true, "islamabad": true, "cairo": true, "riyadh": true, "havana": true, "caracas": true,
	"russia": true, "ukraine": true, "china": true, "iran": true, "israel": true, "france": true,
	"germany": true, "britain": true, "japan": true, "india": true, "pakistan": true, "syria": true,
	"turkey": true, "mexico": true, "canada": true, "america": true, "europe": true, "iraq": true,
	"afghanistan": true, "egypt": true, "cuba": true, "venezuela": true, "brazil": true, "italy": true,
	"spain": true, "poland": true, "us": true, "u.s.": true, "uk": true, "u.k.": true, "eu": true,
}

// sentenceOpeners are capitalised words that open sentences and are not names.
var sentenceOpeners = map[string]bool{
	"however": true, "since": true, "while": true, "although": true, "still": true, "yet": true,
	"meanwhile": true, "instead": true, "indeed": true, "in": true, "on": true, "at": true,
	"after": true, "before": true, "during": true, "when": true, "if": true, "as": true,
	"there": true, "here": true, "what": true, "why": true, "how": true, "who": true,
	"one": true, "two": true, "both": true, "each": true, "every": true, "all": true,
	"last": true, "next": true, "today": true, "yesterday": true, "now": true, "then": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "according": true, "asked": true, "so": true, "not": true,
	"even": true, "also": true, "only": true, "just": true, "because": true, "despite": true,
	"source": true, "sources": true, "this": true, "that": true, "these": true, "those": true,
}

// mentions finds the names in d: runs of capitalised words (joined across
// "of", "for", "and" or "the" inside organisation names), without the
// common words that merely open a sentence, split into a leading title and
// the name proper.
func (d *document) mentions() []mention {
	var out []mention
	n := len(d.toks)
	isCap := func(i int) bool {
		t := d.toks[i]
		if t.Kind != textnorm.Word || !isCapitalised(t.Text) {
			return false
		}
		if _, closed := closedClass[d.low[i]]; closed {
			return false
		}
		if sentenceOpeners[d.low[i]] {
			return false
		}
		return true
	}
	headline := d.headlines()
	for i := 0; i < n; {
		if !isCap(i) || headline[i] {
			i++
			continue
		}
		j := i
		for j+1 < n && d.toks[j+1].Newlines == 0 {
			if isCap(j + 1) {
				j++
				continue
			}
			// "Council of Foreign Relations", "Secretary of State".
			if j+2 < n && (d.low[j+1] == "of" || d.low[j+1] == "for") && isCap(j+2) && d.toks[j+2].Newlines == 0 {
				j += 2
				continue
			}
			break
		}
		out = append(out, d.newMention(i, j))
		i = j + 1
	}
	return out
}

// newMention splits tokens [i, j] into a title and a name and types it.
func (d *document) newMention(i, j int) mention {
	k := i
	for k < j && titleWords[d.low[k]] {
		k++
	}
	if k == i+1 && j == i+1 && ambiguousTitles[d.low[i]] {
		k = i // "General Motors", "State Farm": a name, not a title
	}
	// Nationalities before a title: "Russian President".
	if k == i && k < j && strings.HasSuffix(d.low[k], "an") && titleWords[d.low[k+1]] {
		k++
		for k < j && titleWords[d.low[k]] {
			k++
		}
	}
	// Capitalised words qualifying a title: "Foreign Minister", "New
	// York Governor", "House Speaker".
	if k == i {
		for p := i + 1; p < j && p <= i+3; p++ {
			if titleWords[d.low[p]] && isCapitalised(d.toks[p].Text) {
				k = p + 1
				for k < j && titleWords[d.low[k]] {
					k++
				}
				break
			}
		}
	}
	m := mention{first: i, last: j, name: d.text[d.toks[k].ByteStart:d.toks[j].ByteEnd]}
	if k > i {
		m.role = d.text[d.toks[i].ByteStart:d.toks[k-1].ByteEnd]
	}
	m.typ = nameType(d, k, j)
	return m
}

// nameType guesses whether tokens [i, j] name an organisation or a person.
func nameType(d *document, i, j int) sayso.SpeakerType {
	for k := i; k <= j; k++ {
		if orgWords[d.low[k]] {
			return sayso.Organisation
		}
	}
	if i == j {
		w := d.toks[i].Text
		if places[d.low[i]] || isAcronym(w) {
			return sayso.Organisation
		}
	}
	return sayso.Person
}

// isAcronym reports whether w is an all-capitals word of two or more
// letters ("NATO", "FBI", "U.S.").
func isAcronym(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// maxLookback bounds how many earlier mentions are searched to resolve a
// name, pronoun or title: antecedents in news lie within a few paragraphs,
// and the bound keeps hostile input (pages of capitalised words) linear.
const maxLookback = 300

// entityIndex groups mentions into entities: a name that is the last word
// or a suffix of an earlier, fuller person name is the same person.
type entityIndex struct {
	mentions []mention
	// canon maps a mention index to the index of its canonical mention.
	canon []int
	roles map[int]string // canonical mention → first role seen
}

func buildEntities(d *document) *entityIndex {
	ms := d.mentions()
	ix := &entityIndex{mentions: ms, canon: make([]int, len(ms)), roles: map[int]string{}}
	for i, m := range ms {
		ix.canon[i] = i
		if m.typ == sayso.Person {
			for k := i - 1; k >= 0 && k >= i-maxLookback; k-- {
				p := ms[ix.canon[k]]
				if p.typ == sayso.Person && p.name != m.name && strings.HasSuffix(p.name, " "+m.name) {
					ix.canon[i] = ix.canon[k]
					break
				}
			}
		}
		// A later fuller name makes an earlier bare one its alias too.
		c := ix.canon[i]
		if m.role != "" && ix.roles[c] == "" {
			ix.roles[c] = m.role
		}
	}
	return ix
}

// entities lists the entities with their aliases, in order of first
// mention.
func (ix *entityIndex) entities() []sayso.Entity {
	var out []sayso.Entity
	pos := map[int]int{}
	for i, m := range ix.mentions {
		c := ix.canon[i]
		k, ok := pos[c]
		if !ok {
			cm := ix.mentions[c]
			out = append(out, sayso.Entity{Name: cm.name, Type: cm.typ, Role: ix.roles[c]})
			k = len(out) - 1
			pos[c] = k
		}
		if m.name != out[k].Name && !contains(out[k].Aliases, m.name) {
			out[k].Aliases = append(out[k].Aliases, m.name)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// headlines marks the tokens of title-case paragraphs ("NATO Membership for
// Ukraine Was Always Russia’s Red Line"), where capitals say nothing about
// names.
func (d *document) headlines() []bool {
	out := make([]bool, len(d.toks))
	for _, p := range paragraphs(d) {
		words, caps := 0, 0
		for i := p[0]; i < p[1]; i++ {
			if d.toks[i].Kind != textnorm.Word {
				continue
			}
			words++
			if isCapitalised(d.toks[i].Text) {
				caps++
			}
		}
		// Three quarters capitalised: prose rarely gets there, titles do.
		if words >= 4 && caps*4 >= words*3 {
			for i := p[0]; i < p[1]; i++ {
				out[i] = true
			}
		}
	}
	return out
}
