package attrib

import (
	"strings"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/syntax"
)

// gender is what the text tells of a person's gender: unknown, or the
// gender its honorifics, titles, given name and pronouns point to.
type gender int8

const (
	genderUnknown gender = iota
	genderMale
	genderFemale
)

// pronounGender returns the gender of a third-person pronoun.
func pronounGender(w string) gender {
	switch {
	case malePronouns[w] || w == "his" || w == "himself":
		return genderMale
	case femalePronouns[w] || w == "hers" || w == "herself":
		return genderFemale
	}
	return genderUnknown
}

// compatible reports whether an entity of gender g may be referred to by
// a pronoun of gender p.
func compatible(g, p gender) bool {
	return g == genderUnknown || p == genderUnknown || g == p
}

// mentionGender reads a mention's gender from its role ("Mr.",
// "spokeswoman", "Mrs.") and its given name.
func mentionGender(m mention) gender {
	for _, w := range strings.Fields(strings.ToLower(m.role)) {
		switch {
		case maleWords[w]:
			return genderMale
		case femaleWords[w]:
			return genderFemale
		}
	}
	if strings.Contains(strings.ToLower(m.role), "first lady") {
		return genderFemale
	}
	given := strings.ToLower(strings.Fields(m.name + " ")[0])
	if strings.Count(m.name, " ") == 0 {
		return genderUnknown // a surname alone
	}
	switch {
	case maleNames[given]:
		return genderMale
	case femaleNames[given]:
		return genderFemale
	}
	return genderUnknown
}

// setGenders fills ix.gender for every person entity from its mentions,
// then from the pronouns that follow a lone person in a sentence ("Roe
// said she …").
func (ix *entityIndex) setGenders(d *document) {
	ix.gender = map[int]gender{}
	for i, m := range ix.mentions {
		c := ix.canon[i]
		if ix.mentions[c].typ != sayso.Person || ix.gender[c] != genderUnknown {
			continue
		}
		ix.gender[c] = mentionGender(m)
	}
	// A sentence naming one person, and later in it a gendered pronoun,
	// tells that person's gender when nothing else did.
	k := 0
	for si, s := range d.sents {
		only, n := -1, 0
		for ; k < len(ix.mentions) && ix.mentions[k].first <= s.Last; k++ {
			c := ix.canon[k]
			if ix.mentions[c].typ == sayso.Person && c != only {
				only = c
				n++
			}
		}
		if n != 1 || ix.gender[only] != genderUnknown {
			continue
		}
		_ = si
		for i := s.First; i <= s.Last; i++ {
			if g := pronounGender(d.low[i]); g != genderUnknown && d.quote[i]&qIn == 0 {
				ix.gender[only] = g
				break
			}
		}
	}
}

// isSubject reports whether mention m is the subject of its sentence's
// main clause: the token that heads it hangs as a subject from the root
// in the parse, or, without a parse, it opens its sentence.
func (d *document) isSubject(m mention) bool {
	if d.syn != nil {
		for i := m.first; i <= m.last; i++ {
			if h := d.syn.head[i]; h < int32(m.first) || h > int32(m.last) {
				r := d.syn.rel[i]
				return (r == syntax.Nsubj || r == syntax.NsubjPass) && h >= 0 && d.syn.head[h] < 0
			}
		}
		return false
	}
	return m.first == d.sents[d.sent[m.first]].First
}
