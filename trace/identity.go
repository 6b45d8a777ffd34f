package trace

import (
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/sayso-news/sayso"
)

// SpeakerName is one stored speaker name, the unit speaker identities are
// made of.
type SpeakerName struct {
	// ID identifies the name in the store; Name and Type are as stored.
	ID   int64
	Name string
	Type sayso.SpeakerType
}

// Evidence is what the corpus says of a speaker name beyond the name: the
// roles articles give it ("Kremlin spokesman") and the outlets that quote
// it. Transliteration variants of a given name ("Dmitry", "Dmitri") are
// one person only when their evidence overlaps.
type Evidence struct {
	Roles   []string
	Outlets []string
}

// personName is a person's name taken apart for comparison.
type personName struct {
	given   []string // given names, folded, initials as single letters
	surname string   // folded
	suffix  string   // "jr", "sr", "ii", "iii", or ""
}

// nameTitles are honorifics and titles that a stored name may still carry.
var nameTitles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "sir": true, "dame": true,
	"sen": true, "rep": true, "gov": true, "gen": true, "prof": true, "rev": true, "lt": true,
	"col": true, "capt": true, "sgt": true, "adm": true, "president": true, "senator": true,
}

// surnameParticles open multi-word surnames ("de Blasio", "van der Leyen").
var surnameParticles = map[string]bool{
	"de": true, "van": true, "von": true, "der": true, "den": true, "da": true, "di": true,
	"du": true, "la": true, "le": true, "bin": true, "al": true, "del": true, "dos": true,
	"das": true, "ter": true, "ibn": true, "st": true,
}

// fold lower-cases s and strips its diacritics ("François" → "francois").
func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, strings.ToLower(s))
	if err != nil {
		return strings.ToLower(s)
	}
	return out
}

// identWords splits a folded name into words of letters, digits, hyphens
// and apostrophes.
func identWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\''
	})
}

// parsePerson takes a person's name apart: titles dropped, a closing
// Jr./Sr./II/III kept as suffix, the surname with its particles, and the
// given names before it.
func parsePerson(name string) personName {
	ws := identWords(strings.ReplaceAll(fold(name), "’", "'"))
	for len(ws) > 0 && nameTitles[ws[0]] {
		ws = ws[1:]
	}
	var p personName
	if n := len(ws); n > 1 {
		switch ws[n-1] {
		case "jr", "sr", "ii", "iii", "iv":
			p.suffix = ws[n-1]
			ws = ws[:n-1]
		}
	}
	if len(ws) == 0 {
		return p
	}
	s := len(ws) - 1
	for s > 0 && surnameParticles[ws[s-1]] {
		s--
	}
	p.surname = strings.Join(ws[s:], " ")
	p.surname = strings.TrimSuffix(strings.TrimSuffix(p.surname, "'s"), "'")
	p.given = ws[:s]
	return p
}

// IdentityKey returns the key that groups the names that may belong to
// one speaker: for a person the surname (with any Jr./Sr.), for others the
// folded name. Names with different keys are never one speaker.
func IdentityKey(name string, typ sayso.SpeakerType) string {
	if typ == sayso.Person {
		p := parsePerson(name)
		if p.suffix != "" {
			return "p:" + p.surname + "|" + p.suffix
		}
		return "p:" + p.surname
	}
	ws := identWords(fold(name))
	if len(ws) > 1 && ws[0] == "the" {
		ws = ws[1:]
	}
	return string(typ) + ":" + strings.Join(ws, " ")
}

// givenMatch tells how two lists of given names compare.
type givenMatch int

const (
	givenDiffer     givenMatch = iota // different people
	givenSame                         // the same, or one an initial or a subset of the other
	givenVariant                      // spelling variants of one name ("Dmitry", "Dmitri")
	givenUnknownOne                   // one of them has no given name ("Peskov")
)

// compareGiven compares the given names of two person names: the first
// given names must agree (equal, an initial of the other, or a spelling
// variant), and middle names and initials, where both give them, too.
func compareGiven(a, b []string) givenMatch {
	if len(a) == 0 || len(b) == 0 {
		return givenUnknownOne
	}
	res := givenSame
	switch c := compareWord(a[0], b[0]); c {
	case givenDiffer:
		return givenDiffer
	case givenVariant:
		res = givenVariant
	}
	for i := 1; i < len(a) && i < len(b); i++ {
		if compareWord(a[i], b[i]) == givenDiffer {
			return givenDiffer
		}
	}
	return res
}

// compareWord compares two given names: equal, an initial of the other,
// or a variant (same first letter, both four letters or more, at most two
// edits apart: "Dmitry"/"Dmitri", "Mohammed"/"Muhammad").
func compareWord(a, b string) givenMatch {
	switch {
	case a == b:
		return givenSame
	case len(a) == 1 || len(b) == 1:
		if a[0] == b[0] {
			return givenSame
		}
		return givenDiffer
	case a[0] == b[0] && len(a) >= 4 && len(b) >= 4 && editDistance(a, b) <= 2:
		return givenVariant
	}
	return givenDiffer
}

// editDistance is the Levenshtein distance between a and b (bytes; names
// are folded to ASCII letters for the most part).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// shares reports whether two pieces of evidence have a role word or an
// outlet in common.
func shares(a, b Evidence) bool {
	words := map[string]bool{}
	for _, r := range a.Roles {
		for _, w := range identWords(fold(r)) {
			if len(w) > 3 && !roleStop[w] {
				words[w] = true
			}
		}
	}
	for _, r := range b.Roles {
		for _, w := range identWords(fold(r)) {
			if words[w] {
				return true
			}
		}
	}
	for _, o := range a.Outlets {
		for _, p := range b.Outlets {
			if o == p {
				return true
			}
		}
	}
	return false
}

// roleStop are role words too general to tell two people are one.
var roleStop = map[string]bool{
	"former": true, "said": true, "with": true, "from": true, "that": true, "this": true,
}

// Identities groups speaker names into identities: one person's name
// variants ("Dmitry Peskov", "Peskov", "D. Peskov", "Kremlin spokesman
// Dmitry Peskov" stored as "Dmitry Peskov") together, different people
// apart ("Donald Trump" and "Donald Trump Jr.", "Bill Clinton" and
// "Hillary Clinton"). Given-name spelling variants ("Dmitri Peskov")
// join only when evidence(id) of the two shares a role word or an outlet;
// evidence is called for those names only, and may be nil when no
// evidence is at hand. A surname alone joins its group's single full
// name, and stays apart when the group holds several people. Organisations
// and others are one identity per folded name. Each group lists indexes
// into names, sorted; groups are sorted by their first index. The result
// depends only on the set of names and their evidence, not their order.
func Identities(names []SpeakerName, evidence func(id int64) Evidence) [][]int {
	byKey := map[string][]int{}
	var keys []string
	for i, n := range names {
		k := IdentityKey(n.Name, n.Type)
		if _, ok := byKey[k]; !ok {
			keys = append(keys, k)
		}
		byKey[k] = append(byKey[k], i)
	}
	sort.Strings(keys)
	var out [][]int
	for _, k := range keys {
		idx := byKey[k]
		if !strings.HasPrefix(k, "p:") {
			out = append(out, sorted(idx))
			continue
		}
		out = append(out, personGroups(names, idx, evidence)...)
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

// personGroups groups the person names idx, which share a surname key.
func personGroups(names []SpeakerName, idx []int, evidence func(id int64) Evidence) [][]int {
	// Order the names so that the grouping does not depend on input order:
	// fuller names first, then by name and id.
	idx = append([]int(nil), idx...)
	parsed := map[int]personName{}
	for _, i := range idx {
		parsed[i] = parsePerson(names[i].Name)
	}
	sort.Slice(idx, func(a, b int) bool {
		pa, pb := parsed[idx[a]], parsed[idx[b]]
		if len(pa.given) != len(pb.given) {
			return len(pa.given) > len(pb.given)
		}
		if names[idx[a]].Name != names[idx[b]].Name {
			return names[idx[a]].Name < names[idx[b]].Name
		}
		return names[idx[a]].ID < names[idx[b]].ID
	})
	ev := map[int]Evidence{}
	evidenceOf := func(i int) Evidence {
		if e, ok := ev[i]; ok || evidence == nil {
			return e
		}
		ev[i] = evidence(names[i].ID)
		return ev[i]
	}
	var groups [][]int
	var bare []int
	for _, i := range idx {
		p := parsed[i]
		if len(p.given) == 0 {
			bare = append(bare, i)
			continue
		}
		joined := -1
		for g, grp := range groups {
			ok := true
			variant := false
			for _, j := range grp {
				switch compareGiven(p.given, parsed[j].given) {
				case givenDiffer:
					ok = false
				case givenVariant:
					variant = true
				}
			}
			if ok && variant {
				ok = false
				for _, j := range grp {
					if shares(evidenceOf(i), evidenceOf(j)) {
						ok = true
						break
					}
				}
			}
			if ok {
				joined = g
				break
			}
		}
		if joined < 0 {
			groups = append(groups, []int{i})
		} else {
			groups[joined] = append(groups[joined], i)
		}
	}
	switch len(groups) {
	case 0:
		if len(bare) > 0 {
			groups = append(groups, bare)
		}
	case 1:
		groups[0] = append(groups[0], bare...)
	default:
		if len(bare) > 0 {
			groups = append(groups, bare)
		}
	}
	for g := range groups {
		groups[g] = sorted(groups[g])
	}
	return groups
}

func sorted(x []int) []int {
	x = append([]int(nil), x...)
	sort.Ints(x)
	return x
}

// DisplayName returns the name an identity goes by: the fullest of its
// names (most words), the most quoted of those (quotes gives each name's
// count, and may be nil), then the first in alphabetical order.
func DisplayName(names []SpeakerName, group []int, quotes func(i int) int) string {
	best := -1
	for _, i := range group {
		if best < 0 {
			best = i
			continue
		}
		a, b := len(identWords(names[i].Name)), len(identWords(names[best].Name))
		qa, qb := 0, 0
		if quotes != nil {
			qa, qb = quotes(i), quotes(best)
		}
		if a > b || a == b && (qa > qb || qa == qb && names[i].Name < names[best].Name) {
			best = i
		}
	}
	if best < 0 {
		return ""
	}
	return names[best].Name
}
