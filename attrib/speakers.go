package attrib

import (
	"sort"
	"strings"

	"github.com/sayso-news/sayso/internal/textnorm"

	"github.com/sayso-news/sayso"
)

var (
	malePronouns   = map[string]bool{"he": true, "him": true}
	femalePronouns = map[string]bool{"she": true, "her": true}
	pluralPronouns = map[string]bool{"they": true, "them": true}
	// firstPerson sources speak for the author or an unnamed collective.
	firstPerson = map[string]bool{"i": true, "we": true, "me": true, "us": true}
	relatives   = map[string]bool{"who": true, "which": true, "that": true}
)

// anonymousWords mark sourcing that withholds a name ("a source", "people
// familiar with the matter", "an official who spoke on condition …").
var anonymousWords = map[string]bool{
	"source": true, "sources": true, "official": true, "officials": true, "aide": true,
	"aides": true, "familiar": true, "anonymous": true, "anonymity": true, "insider": true,
	"insiders": true, "person": true, "people": true, "someone": true, "diplomat": true,
	"diplomats": true,
}

// documentWords mark sources that are texts rather than people.
var documentWords = map[string]bool{
	"report": true, "study": true, "poll": true, "polls": true, "survey": true, "surveys": true,
	"statement": true, "letter": true, "memo": true, "book": true, "article": true,
	"analysis": true, "data": true, "documents": true, "document": true, "records": true,
	"filing": true, "lawsuit": true, "complaint": true, "website": true, "tweet": true,
	"tweets": true, "post": true, "ad": true, "video": true, "editorial": true, "release": true,
	"indictment": true, "ruling": true, "transcript": true, "email": true, "emails": true,
	"estimate": true, "estimates": true, "figures": true, "numbers": true, "projection": true,
	"projections": true, "forecast": true, "count": true, "tally": true, "census": true,
	"research": true, "findings": true, "review": true, "audit": true, "investigation": true,
}

// resolver ties attribution sources to entities.
type resolver struct {
	d  *document
	ix *entityIndex
	// roles is the article's table of person roles, built on first use.
	roles roleTable
	// prevEnd is the last token of the previous attribution with a
	// speaker, -1 before the first.
	prevEnd int
}

// mentionsIn returns the indexes of the mentions inside tokens [i, j].
func (r *resolver) mentionsIn(i, j int) []int {
	var out []int
	ms := r.ix.mentions
	k := sort.Search(len(ms), func(k int) bool { return ms[k].first >= i })
	for ; k < len(ms) && ms[k].first <= j; k++ {
		if ms[k].last <= j {
			out = append(out, k)
		}
	}
	return out
}

// before returns the index of the first mention starting at or after token
// i: mentions before it are the candidates for an antecedent.
func (r *resolver) before(i int) int {
	ms := r.ix.mentions
	return sort.Search(len(ms), func(k int) bool { return ms[k].first >= i })
}

// speaker resolves the source of link l, given the speaker of the
// attribution before it.
func (r *resolver) speaker(l link, prev *sayso.Speaker) *sayso.Speaker {
	if sp := r.quotedBy(l); sp != nil {
		return sp
	}
	if l.source == nil {
		if l.continuation && prev != nil {
			return r.carried(l.start(), r.prevEnd, prev)
		}
		return nil
	}
	d := r.d
	s := r.widen(*l.source)
	text := d.text[d.toks[s.first].ByteStart:d.toks[s.last].ByteEnd]
	first := d.low[s.first]
	if s.first == s.last || (s.last == s.first+1 && d.low[s.last] == "’s") {
		switch {
		case malePronouns[first] || femalePronouns[first]:
			return r.pronoun(s.first, prev, sayso.Person)
		case pluralPronouns[first]:
			return r.pronoun(s.first, prev, sayso.Group)
		case first == "it":
			return r.pronoun(s.first, prev, sayso.Organisation)
		case relatives[first]:
			if k := r.lastMentionBefore(s.first, ""); k >= 0 {
				return r.named(k, "", sayso.ResolvedPronoun)
			}
		case firstPerson[first]:
			typ := sayso.Person
			if first == "we" || first == "us" {
				typ = sayso.Group
			}
			return &sayso.Speaker{Name: text, Type: typ, Resolution: sayso.Unresolved}
		}
	}
	if sp, ok := r.nominal(s); ok {
		return sp
	}
	words := strings.Fields(strings.ToLower(text))
	head := headWord(words)
	// Plural common-noun heads are groups even when a name qualifies them:
	// "the top officials in the Biden administration".
	if head != "" && !r.capitalisedWord(s, head) {
		switch {
		case anonymousWords[head] && isIndefinite(words):
			return &sayso.Speaker{Name: text, Type: sayso.Anonymous, Resolution: sayso.Unresolved}
		case documentWords[head]:
			name, _, _ := strings.Cut(text, ",") // "the report, published by …"
			return &sayso.Speaker{Name: trimDeterminer(name), Type: sayso.Document, Resolution: sayso.Unresolved}
		case strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss") && !r.namesIn(s, head):
			typ := sayso.Group
			if anonymousWords[head] {
				typ = sayso.Anonymous
			}
			return &sayso.Speaker{Name: trimDeterminer(text), Type: typ, Resolution: sayso.Unresolved}
		case strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss") && words[0] == "the" && !isCapitalised(d.toks[s.first+1].Text):
			return &sayso.Speaker{Name: trimDeterminer(text), Type: sayso.Group, Resolution: sayso.Unresolved}
		}
	}
	if len(words) >= 2 && titleWords[head] && !r.capitalisedWord(s, head) && !r.personIn(s) {
		return r.titleHolder(s, text, words, head)
	}
	if sp := r.jointNames(s); sp != nil {
		return sp
	}
	if ms, k := r.headMention(s); k >= 0 {
		role := strings.TrimSpace(strings.Trim(d.text[d.toks[s.first].ByteStart:d.toks[r.ix.mentions[k].first].ByteStart], " ,"))
		role = trimDeterminer(role)
		if mr := r.ix.mentions[k].role; mr != "" {
			role = strings.TrimSpace(role + " " + mr)
		}
		if first, apposition, ok := r.appositive(s, ms[0]); ok {
			// "Dmitry Peskov, the Kremlin's spokesman": the name
			// first, then what it is.
			k, role = first, trimDeterminer(apposition)
			if mr := r.ix.mentions[k].role; mr != "" {
				role = mr + ", " + role
			}
		}
		res := sayso.ResolvedNamed
		if r.ix.canon[k] != k {
			res = sayso.ResolvedEarlierMention
		}
		return r.named(k, role, res)
	}
	// A name in a headline, where mentions are not collected.
	if allCapitalised(d, s) {
		if m, ok := d.newMention(s.first, s.last); ok {
			return &sayso.Speaker{Name: m.name, Type: m.typ, Role: m.role, Resolution: sayso.ResolvedNamed}
		}
	}
	// A definite nominal with a title: "the spokesman", "the senator".
	if len(words) >= 2 && words[0] == "the" {
		for _, w := range words[1:] {
			if titleWords[w] {
				if k := r.lastMentionBefore(s.first, w); k >= 0 {
					sp := r.named(k, "", sayso.ResolvedTitle)
					return sp
				}
			}
		}
		if orgWords[head] {
			if k := r.lastOfType(s.first, sayso.Organisation); k >= 0 {
				return r.named(k, "", sayso.ResolvedTitle)
			}
			return &sayso.Speaker{Name: text, Type: sayso.Organisation, Resolution: sayso.Unresolved}
		}
	}
	typ := sayso.Person
	if orgWords[head] {
		typ = sayso.Organisation
	} else if head != "" && isIndefinite(words) && len(r.mentionsIn(s.first, s.last)) == 0 && !isCapitalised(d.toks[s.last].Text) {
		// Any other unnamed individual or set of individuals: "a
		// friend", "one questioner", "several environmental groups".
		typ = sayso.Anonymous
	}
	return &sayso.Speaker{Name: trimDeterminer(text), Type: typ, Resolution: sayso.Unresolved}
}

// spokesWords are the heads of unnamed spokespeople, who speak for the
// organisation they are named with.
var spokesWords = map[string]bool{
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "representative": true,
	"official": true, "officials": true, "aide": true,
}

// widen extends source s to the whole of a name it cuts: a source "Ivans"
// inside the mention "Dainis Ivans" is that mention.
func (r *resolver) widen(s span) span {
	ms := r.ix.mentions
	k := r.before(s.first + 1)
	for _, j := range []int{k - 1, k} {
		if j < 0 || j >= len(ms) {
			continue
		}
		m := ms[j]
		if m.first <= s.last && m.last >= s.first {
			s.first, s.last = min(s.first, m.first), max(s.last, m.last)
		}
	}
	return s
}

// titleHolder resolves a source headed by a title and naming no person:
// the holder of that title.
func (r *resolver) titleHolder(s span, text string, words []string, head string) *sayso.Speaker {
	if words[0] != "the" {
		// An unnamed spokesperson of a named organisation speaks for it:
		// "a Kremlin spokesman", "a spokeswoman for the ministry".
		if spokesWords[head] {
			for _, k := range r.mentionsIn(s.first, s.last) {
				if c := r.ix.canon[k]; r.ix.mentions[c].typ == sayso.Organisation {
					return r.named(k, "unnamed "+head, sayso.ResolvedTitle)
				}
			}
		}
		// An unnamed holder of a title, new to the text: "a Kremlin
		// spokesman", "Putin's spokesman".
		name := strings.TrimSpace(text)
		if words[0] == "a" || words[0] == "an" {
			name = strings.TrimSpace(name[len(words[0]):])
		}
		return &sayso.Speaker{Name: name, Type: sayso.Person, Resolution: sayso.Unresolved}
	}
	// A definite nominal headed by a title, maybe with a name qualifying
	// it ("the Kremlin spokesman", "the chancellor"): the person last
	// named with that title, else the last person named with no title
	// known, who the nominal then describes.
	if k := r.lastMentionBefore(s.first, head); k >= 0 {
		return r.named(k, "", sayso.ResolvedTitle)
	}
	role := trimDeterminer(text)
	if k := r.lastUntitledPerson(s.first); k >= 0 {
		return r.named(k, role, sayso.ResolvedTitle)
	}
	return &sayso.Speaker{Name: role, Type: sayso.Person, Resolution: sayso.Unresolved}
}

// namesIn reports whether the head word of source s is part of a name,
// counting no lone capitalised word opening the sentence ("Experts warn
// …", "Republicans in the Senate said …").
func (r *resolver) namesIn(s span, head string) bool {
	for _, k := range r.mentionsIn(s.first, s.last) {
		m := r.ix.mentions[k]
		if m.first == m.last && m.first == r.d.sents[r.d.sent[m.first]].First {
			continue
		}
		for i := m.first; i <= m.last; i++ {
			if r.d.low[i] == head {
				return true
			}
		}
	}
	return false
}

// personIn reports whether source s names a person, other than as a
// possessor ("Putin's spokesman").
func (r *resolver) personIn(s span) bool {
	for _, k := range r.mentionsIn(s.first, s.last) {
		m := r.ix.mentions[k]
		if next := m.last + 1; next <= s.last && (r.d.low[next] == "’s" || r.d.low[next] == "'s") {
			continue
		}
		if r.ix.mentions[r.ix.canon[k]].typ == sayso.Person {
			return true
		}
	}
	return false
}

// capitalisedWord reports whether word (lower case) is written capitalised
// inside span s, not counting the capital a sentence starts with
// ("Officials said").
func (r *resolver) capitalisedWord(s span, word string) bool {
	for i := s.first; i <= s.last; i++ {
		if r.d.low[i] == word {
			return isCapitalised(r.d.toks[i].Text) && i != r.d.sents[r.d.sent[i]].First
		}
	}
	return false
}

// named returns the speaker of mention k.
func (r *resolver) named(k int, role string, res sayso.Resolution) *sayso.Speaker {
	c := r.ix.canon[k]
	cm := r.ix.mentions[c]
	if role == "" {
		role = r.ix.roles[c]
	}
	return &sayso.Speaker{Name: r.ix.name(c), Type: cm.typ, Role: role, Resolution: res}
}

// pronoun resolves a pronoun at token i: a person pronoun to the
// previous attribution's speaker when the gender the text gives them
// agrees, else to the most salient earlier person that agrees (see
// salientPerson); other pronouns to the previous speaker when its type
// fits, else to the latest mention of that type.
func (r *resolver) pronoun(i int, prev *sayso.Speaker, typ sayso.SpeakerType) *sayso.Speaker {
	fits := func(t sayso.SpeakerType) bool {
		if typ == sayso.Group {
			return t == sayso.Group || t == sayso.Organisation
		}
		return t == typ
	}
	if typ == sayso.Person {
		g := pronounGender(r.d.low[i])
		if prev != nil && prev.Type == sayso.Person && prev.Resolution != sayso.Unresolved && compatible(r.genderOfName(prev.Name), g) && !r.newPersonSince(i, prev.Name, g) {
			sp := *prev
			sp.Resolution = sayso.ResolvedPronoun
			return &sp
		}
		if k := r.salientPerson(i, g); k >= 0 {
			if c := r.ix.canon[k]; r.ix.gender[c] == genderUnknown && g != genderUnknown {
				r.ix.gender[c] = g // the text's own cue, for later pronouns
			}
			return r.named(k, "", sayso.ResolvedPronoun)
		}
		return &sayso.Speaker{Name: r.d.toks[i].Text, Type: typ, Resolution: sayso.Unresolved}
	}
	if prev != nil && fits(prev.Type) && prev.Resolution != sayso.Unresolved {
		sp := *prev
		sp.Resolution = sayso.ResolvedPronoun
		return &sp
	}
	if k := r.lastOfType(i, typ); k >= 0 {
		return r.named(k, "", sayso.ResolvedPronoun)
	}
	if typ == sayso.Group {
		if k := r.lastOfType(i, sayso.Organisation); k >= 0 {
			return r.named(k, "", sayso.ResolvedPronoun)
		}
	}
	return &sayso.Speaker{Name: r.d.toks[i].Text, Type: typ, Resolution: sayso.Unresolved}
}

// lastOfType returns the latest mention of typ before token i, or -1.
func (r *resolver) lastOfType(i int, typ sayso.SpeakerType) int {
	end := r.before(i)
	for k := end - 1; k >= 0 && k >= end-maxLookback; k-- {
		m := r.ix.mentions[k]
		if m.last < i && r.ix.mentions[r.ix.canon[k]].typ == typ && r.d.quote[m.first]&qIn == 0 {
			return k
		}
	}
	return -1
}

// lastUntitledPerson returns the latest person mention in the three
// sentences before token i whose role is unknown, or -1.
func (r *resolver) lastUntitledPerson(i int) int {
	end := r.before(i)
	for k := end - 1; k >= 0 && k >= end-maxLookback; k-- {
		m := r.ix.mentions[k]
		if m.last >= i || r.d.quote[m.first]&qIn != 0 {
			continue
		}
		if r.d.sent[i]-r.d.sent[m.first] > 3 {
			return -1
		}
		c := r.ix.canon[k]
		if r.ix.mentions[c].typ == sayso.Person {
			if r.ix.roles[c] != "" || m.role != "" {
				return -1 // the last person named has another title
			}
			return k
		}
	}
	return -1
}

// lastMentionBefore returns the latest mention before token i, whose role
// holds the title word when one is given, or -1.
func (r *resolver) lastMentionBefore(i int, title string) int {
	end := r.before(i)
	for k := end - 1; k >= 0 && k >= end-maxLookback; k-- {
		m := r.ix.mentions[k]
		if m.last >= i {
			continue
		}
		if title == "" {
			return k
		}
		role := strings.ToLower(r.ix.roles[r.ix.canon[k]] + " " + m.role)
		if strings.Contains(role, title) || r.roleNear(m, title) {
			return k
		}
	}
	return -1
}

// roleNear reports whether the title word stands just before mention m
// ("Russian spokesman Dmitry Peskov").
func (r *resolver) roleNear(m mention, title string) bool {
	for i := m.first - 1; i >= 0 && i >= m.first-3; i-- {
		if r.d.low[i] == title {
			return true
		}
	}
	return false
}

// appositive reports whether source s reads "NAME, APPOSITION": mention k
// opens it (after at most a title or determiner) and a comma follows the
// mention. It returns the mention and the apposition's text, without its
// trailing comma.
func (r *resolver) appositive(s span, k int) (int, string, bool) {
	d := r.d
	m := r.ix.mentions[k]
	comma := m.last + 1
	if m.first-s.first > 1 || comma >= s.last || d.low[comma] != "," {
		return 0, "", false
	}
	last := s.last
	for last > comma && (d.low[last] == "," || d.toks[last].Kind == textnorm.Punct) {
		last--
	}
	if last <= comma {
		return 0, "", false
	}
	return k, d.text[d.toks[comma+1].ByteStart:d.toks[last].ByteEnd], true
}

// headWord returns the head noun of a noun phrase in lower-case words: the
// last word before a preposition, a comma or a relative clause.
func headWord(words []string) string {
	head := ""
	for _, w := range words {
		switch w {
		case "of", "in", "at", "for", "from", "with", "on", "by", "who", "that", "which", ",":
			return head
		}
		head = strings.Trim(w, ",.;:’'\"")
		if strings.HasSuffix(w, ",") && head != "" {
			return head // "the report, published by …"
		}
	}
	return head
}

func isIndefinite(words []string) bool {
	switch words[0] {
	case "a", "an", "one", "some", "several", "two", "three", "many", "other", "senior",
		"sources", "officials", "people", "aides", "according":
		return true
	}
	return len(words) == 1
}

// trimDeterminer removes a leading "the" from a name.
func trimDeterminer(s string) string {
	if strings.EqualFold(s, "the") {
		return ""
	}
	if strings.HasPrefix(strings.ToLower(s), "the ") {
		return s[4:]
	}
	return s
}

// allCapitalised reports whether every token of s is a capitalised word.
func allCapitalised(d *document, s span) bool {
	for i := s.first; i <= s.last; i++ {
		if d.toks[i].Kind != textnorm.Word || !isCapitalised(d.toks[i].Text) {
			return false
		}
	}
	return true
}
