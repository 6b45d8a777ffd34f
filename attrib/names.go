package attrib

import (
	"strings"
	"unicode"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/internal/textnorm"
	"github.com/sayso-news/sayso/syntax"
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
	"authority": true, "firm": true, "corporation": true, "federation": true, "tribunal": true,
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
	// The states of the United States, which news names as often as
	// countries and which are never people.
	"alabama": true, "alaska": true, "arizona": true, "arkansas": true, "california": true,
	"colorado": true, "connecticut": true, "delaware": true, "florida": true,
	"hawaii": true, "idaho": true, "illinois": true, "indiana": true, "iowa": true, "kansas": true,
	"kentucky": true, "louisiana": true, "maine": true, "maryland": true, "massachusetts": true,
	"michigan": true, "minnesota": true, "mississippi": true, "missouri": true, "montana": true,
	"nebraska": true, "nevada": true, "ohio": true, "oklahoma": true, "oregon": true,
	"pennsylvania": true, "tennessee": true, "texas": true, "utah": true, "vermont": true,
	"virginia": true, "wisconsin": true, "wyoming": true,
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
			// "Council of Foreign Relations", "Secretary of State", but
			// not "Charles Rangel of New York": only an organisation or a
			// title is joined to what follows "of".
			if j+2 < n && (d.low[j+1] == "of" || d.low[j+1] == "for" || d.low[j+1] == "on") && isCap(j+2) && d.toks[j+2].Newlines == 0 &&
				(orgWords[d.low[j]] || titleWords[d.low[j]] || d.orgIn(i, j)) {
				j += 2
				continue
			}
			// "Bill de Blasio", "Ursula von der Leyen".
			if p := d.particlesAfter(j); p > 0 && j+p+1 < n && isCap(j+p+1) && d.toks[j+p+1].Newlines == 0 {
				j += p + 1
				continue
			}
			break
		}
		if d.partyLabel(i, j) {
			i = j + 1
			continue
		}
		if m, ok := d.newMention(i, j); ok {
			out = append(out, m)
		}
		i = j + 1
	}
	return out
}

// orgIn reports whether tokens [i, j] hold an organisation word.
func (d *document) orgIn(i, j int) bool {
	for k := i; k <= j; k++ {
		if orgWords[d.low[k]] {
			return true
		}
	}
	return false
}

// partyLabel reports whether tokens [i, j] are a party-and-state label in
// parentheses after a name ("(R-Utah)", "(D-Mo.)", "(D)"), which names
// nobody.
func (d *document) partyLabel(i, j int) bool {
	if i == 0 || d.low[i-1] != "(" {
		return false
	}
	w := d.toks[i].Text
	return len(w) == 1 || len(w) > 2 && w[1] == '-' && strings.IndexByte("DRIG", w[0]) >= 0
}

// orgOrPlaceIn reports whether tokens [i, j] hold an organisation word, a
// place or an acronym: words that do not open a person's name.
func (d *document) orgOrPlaceIn(i, j int) bool {
	for k := i; k <= j; k++ {
		if orgWords[d.low[k]] || places[d.low[k]] || isAcronym(d.toks[k].Text) {
			return true
		}
	}
	return false
}

// noProperNoun reports whether the tagger reads none of tokens [i, j] as a
// proper noun (false without a parse).
func (d *document) noProperNoun(i, j int) bool {
	if d.syn == nil {
		return false
	}
	for k := i; k <= j; k++ {
		if d.syn.upos[k] == syntax.PROPN {
			return false
		}
	}
	return true
}

// particlesAfter counts the lower-case name particles right after token j
// ("de", "von der"), at most two.
func (d *document) particlesAfter(j int) int {
	p := 0
	for p < 2 && j+p+1 < len(d.toks) && nameParticles[d.toks[j+p+1].Text] && d.toks[j+p+1].Newlines == 0 {
		p++
	}
	return p
}

// roleWord reports whether the lower-case word w, capitalised before a
// name, belongs to the role rather than the name: a title, a party label,
// a nationality or a description ("Democrat", "Latvian", "Rival").
func roleWord(w string) bool {
	return titleWords[w] || partyWords[w] || nationalities[w] || descriptorWords[w] || titleAbbrev[w] != nil
}

// newMention splits tokens [i, j] into a role and a name and types it.
// It reports false when the tokens name nobody: a lone month, number,
// party label or nationality ("July", "Sixty", "Republican", "Russian").
func (d *document) newMention(i, j int) (mention, bool) {
	if i == j && (neverNames[d.low[i]] || partyWords[d.low[i]] || nationalities[d.low[i]] || descriptorWords[d.low[i]]) {
		return mention{}, false
	}
	// A lone capitalised word opening a sentence that the tagger reads as
	// an interjection, an adverb, a verb, an adjective or a function word
	// is nobody ("Oh", "No", "Baiting", "True").
	if i == j && d.syn != nil && i == d.sents[d.sent[i]].First && !isAcronym(d.toks[i].Text) {
		switch d.syn.upos[i] {
		case syntax.INTJ, syntax.ADV, syntax.ADP, syntax.CCONJ, syntax.SCONJ, syntax.DET, syntax.PRON, syntax.AUX, syntax.PART, syntax.VERB, syntax.ADJ:
			return mention{}, false
		}
	}
	k := i
	for k < j && titleWords[d.low[k]] {
		k++
	}
	if k == i+1 && j == i+1 && ambiguousTitles[d.low[i]] {
		k = i // "General Motors", "State Farm": a name, not a title
	}
	// Capitalised words qualifying a title: "Foreign Minister", "New
	// York Governor", "Retired U.S. Air Force Gen.", "Secretary of
	// State": the role runs to the last role word that still leaves a
	// name of capitalised words after it.
	for p := j - 1; p >= k; p-- {
		if !roleWord(d.low[p]) {
			continue
		}
		if d.orgIn(p+1, j) || ambiguousTitles[d.low[p]] && p == i && p == j-1 {
			break // "State Department", "General Motors"
		}
		k = p + 1
		break
	}
	// Party labels, nationalities and descriptions before a name:
	// "Democrat Jane Roe", "Rival Hillary Clinton".
	for k < j && (partyWords[d.low[k]] || nationalities[d.low[k]] || descriptorWords[d.low[k]]) {
		k++
	}
	// A known given name inside a longer run starts the name: "House
	// Newt Gingrich", "Fox News Chris Wallace".
	for q := k + 1; q < j; q++ {
		if (maleNames[d.low[q]] || femaleNames[d.low[q]]) && (d.orgOrPlaceIn(k, q-1) || d.noProperNoun(k, q-1)) {
			k = q
			break
		}
	}
	// A leading word the tagger reads as an adjective or a verb
	// describes the person ("Crooked Hillary Clinton"), when a name of
	// two words or more follows.
	for d.syn != nil && k+2 <= j && (d.syn.upos[k] == syntax.ADJ || d.syn.upos[k] == syntax.VERB) &&
		!maleNames[d.low[k]] && !femaleNames[d.low[k]] && nameType(d, k+1, j) == sayso.Person {
		k++
	}
	m := mention{first: i, last: j, name: d.text[d.toks[k].ByteStart:d.toks[j].ByteEnd]}
	if k > i {
		m.role = d.text[d.toks[i].ByteStart:d.toks[k-1].ByteEnd]
	}
	m.typ = nameType(d, k, j)
	return m, true
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
	// Five capitalised words or more that open with no given name are a
	// body's name ("Food Standards Australia New Zealand"): people's names
	// that long start with a given name ("Martin Luther King Jr.", "Aung San Suu Kyi" has four).
	if words := j - i + 1; words >= 5 && !maleNames[d.low[i]] && !femaleNames[d.low[i]] {
		return sayso.Organisation
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
	// display is the name an entity goes by, when it differs from its
	// canonical mention's ("Hillary Clinton" over a first "Crooked
	// Hillary Clinton").
	display map[int]string
	// gender is what the text tells of each person entity's gender.
	gender map[int]gender
}

func buildEntities(d *document) *entityIndex {
	ms := d.mentions()
	ix := &entityIndex{mentions: ms, canon: make([]int, len(ms)), roles: map[int]string{}, display: map[int]string{}}
	pc := &personCache{count: map[int]int{}, last: map[int]int{}, cmp: make([]string, len(ms)), suffix: make([]string, len(ms))}
	for i, m := range ms {
		ix.canon[i] = i
		if m.typ == sayso.Person || isAcronym(m.name) && !strings.Contains(m.name, ".") {
			pc.cmp[i], pc.suffix[i] = comparable(m.name), nameSuffix(m.name)
			ix.canon[i] = ix.samePerson(i, pc)
		}
		if ix.canon[i] == i && m.typ == sayso.Organisation {
			ix.canon[i] = ix.sameOrganisation(i)
		}
		c := ix.canon[i]
		pc.count[c]++
		if ms[c].typ == sayso.Person {
			if _, ok := pc.last[c]; !ok {
				pc.persons = append(pc.persons, c)
			}
			pc.last[c] = i
		}
		if m.role != "" && ix.roles[c] == "" {
			ix.roles[c] = m.role
		}
	}
	ix.setDisplay()
	ix.setGenders(d)
	return ix
}

// personCache holds what samePerson reads of the mentions before the one
// it resolves: each person entity's mention count and latest mention, the
// person entities in order of introduction, and each mention's folded
// name and suffix, computed once.
type personCache struct {
	count, last map[int]int
	persons     []int
	cmp, suffix []string
}

// samePerson returns the canonical mention of the person mention i names
// again, or i itself: an earlier person, mentioned within maxLookback
// mentions, whose name ends with it, compared without case ("Clinton",
// "CLINTON", "de Blasio"). When several earlier people share that
// surname, the most mentioned so far is taken, the first introduced on a
// tie, unless an honorific tells them apart ("Mrs. Clinton").
func (ix *entityIndex) samePerson(i int, pc *personCache) int {
	m := ix.mentions[i]
	low, suf := pc.cmp[i], pc.suffix[i]
	best := -1
	want := genderUnknown
	if m.role != "" {
		for _, w := range strings.Fields(strings.ToLower(m.role)) {
			if maleWords[w] {
				want = genderMale
			} else if femaleWords[w] {
				want = genderFemale
			}
		}
	}
	same := -1
	for _, c := range pc.persons {
		if pc.last[c] < i-maxLookback {
			continue
		}
		pl := pc.cmp[c]
		if pl == low {
			if pc.suffix[c] == suf && (same < 0 || pc.last[c] > pc.last[same]) {
				same = c // the same name again ("Peskov" after "Peskov")
			}
			continue
		}
		if !strings.HasSuffix(pl, " "+low) {
			continue
		}
		if (strings.Contains(low, " ") || suf != "") && pc.suffix[c] != suf {
			continue // "Donald Grey" is not "Donald Grey Jr."
		}
		if want != genderUnknown {
			if g := mentionGender(ix.mentions[c]); g != genderUnknown && g != want {
				continue
			}
		}
		if best < 0 || pc.count[c] > pc.count[best] || pc.count[c] == pc.count[best] && c < best {
			best = c
		}
	}
	switch {
	case best >= 0:
		return best
	case same >= 0:
		return same
	}
	return i
}

// comparable folds a name for comparison: lower case, one apostrophe,
// without a closing "Jr." or "Sr." ("Joseph R. Biden Jr." ends with
// "Biden").
func comparable(name string) string {
	s := strings.ToLower(strings.ReplaceAll(name, "’", "'"))
	for _, suf := range []string{", jr.", " jr.", " jr", ", sr.", " sr.", " sr", " iii", " ii"} {
		if strings.HasSuffix(s, suf) {
			return s[:len(s)-len(suf)]
		}
	}
	return s
}

// nameSuffix returns the generational suffix closing a name ("jr", "sr",
// "ii", "iii"), or "".
func nameSuffix(name string) string {
	s := strings.ToLower(name)
	for _, suf := range []string{"jr.", "jr", "sr.", "sr", "iii", "ii"} {
		if strings.HasSuffix(s, " "+suf) || strings.HasSuffix(s, ","+suf) {
			return strings.TrimSuffix(suf, ".")
		}
	}
	return ""
}

// sameOrganisation returns the canonical mention of an earlier
// organisation that mention i names again, or i: an acronym of its
// initials ("IMF" for "International Monetary Fund", "AROS" for "Alliance
// to Reclaim Our Schools"), or the end of its name in two words or more
// ("Security Council").
func (ix *entityIndex) sameOrganisation(i int) int {
	m := ix.mentions[i]
	acr := isAcronym(m.name) && !strings.Contains(m.name, ".")
	low := comparable(m.name)
	if !acr && !strings.Contains(low, " ") {
		return i
	}
	for k := i - 1; k >= 0 && k >= i-maxLookback; k-- {
		c := ix.canon[k]
		p := ix.mentions[c]
		if p.typ != sayso.Organisation || c == i {
			continue
		}
		if acr && initials(p.name) == m.name || !acr && strings.HasSuffix(comparable(p.name), " "+low) {
			return c
		}
	}
	return i
}

// initials returns the capital initials of a name's words, skipping short
// function words ("of", "the", "to", "and").
func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		switch strings.ToLower(w) {
		case "of", "the", "to", "and", "for", "on", "in", "&":
			continue
		}
		r := []rune(w)[0]
		if !unicode.IsUpper(r) {
			return ""
		}
		b.WriteRune(r)
	}
	return b.String()
}

// setDisplay names each entity by its fullest name, as the speaker
// guideline asks: the longest of its names, the most frequent on a tie.
func (ix *entityIndex) setDisplay() {
	freq := map[int]map[string]int{}
	for i, m := range ix.mentions {
		c := ix.canon[i]
		if freq[c] == nil {
			freq[c] = map[string]int{}
		}
		freq[c][m.name]++
	}
	for c, f := range freq {
		best, n := ix.mentions[c].name, f[ix.mentions[c].name]
		for name, k := range f {
			if len(name) > len(best) || len(name) == len(best) && (k > n || k == n && name < best) {
				best, n = name, k
			}
		}
		if best != ix.mentions[c].name {
			ix.display[c] = best
		}
	}
}

// name returns the name entity c goes by.
func (ix *entityIndex) name(c int) string {
	if n, ok := ix.display[c]; ok {
		return n
	}
	return ix.mentions[c].name
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
			out = append(out, sayso.Entity{Name: ix.name(c), Type: cm.typ, Role: ix.roles[c]})
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
