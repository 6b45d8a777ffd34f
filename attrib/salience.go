package attrib

import (
	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/internal/textnorm"
)

// pronounWindow is how many sentences back a pronoun's antecedent is
// searched: news rarely refers to a person by pronoun further than that
// without naming them again.
const pronounWindow = 4

// genderOfName returns the gender the text gives the person entity that
// goes by name.
func (r *resolver) genderOfName(name string) gender {
	for c, g := range r.ix.gender {
		if g != genderUnknown && r.ix.name(c) == name {
			return g
		}
	}
	return genderUnknown
}

// salientPerson returns the mention a person pronoun at token i refers to,
// or -1: among person mentions outside quotations whose gender agrees, the
// latest one earlier in the pronoun's sentence, else, sentence by sentence
// backwards, the subject of the sentence (the first agreeing mention when
// none is the subject).
func (r *resolver) salientPerson(i int, g gender) int {
	d := r.d
	end := r.before(i)
	si := int(d.sent[i])
	bySent := -1  // sentence being read
	first := -1   // first agreeing mention of that sentence
	subject := -1 // first agreeing subject of that sentence
	intro := -1   // an agreeing person introduced there with an apposition
	choose := func() int {
		switch {
		case intro >= 0:
			return intro
		case subject >= 0:
			return subject
		}
		return first
	}
	for k := end - 1; k >= 0 && k >= end-maxLookback; k-- {
		m := r.ix.mentions[k]
		if m.last >= i || d.quote[m.first]&qIn != 0 {
			continue
		}
		c := r.ix.canon[k]
		if r.ix.mentions[c].typ != sayso.Person || !compatible(r.ix.gender[c], g) {
			continue
		}
		ms := int(d.sent[m.first])
		if si-ms > pronounWindow {
			break
		}
		if ms == si {
			return k // the latest agreeing person in the pronoun's sentence
		}
		if ms != bySent {
			if bySent >= 0 {
				if k := choose(); k >= 0 {
					return k
				}
			}
			bySent, first, subject, intro = ms, -1, -1, -1
		}
		first = k // walking backwards: ends as the sentence's first
		if d.isSubject(m) {
			subject = k
		}
		if c == k && r.introduced(m) {
			intro = k
		}
	}
	return choose()
}

// newPersonSince reports whether, since the attribution whose speaker is
// name, the text has introduced another person the pronoun at token i
// agrees with, as the subject of a sentence between them: "Roe said …
// Doe, a rival, disagreed. He said …" refers to Doe.
func (r *resolver) newPersonSince(i int, name string, g gender) bool {
	d := r.d
	end := r.before(i)
	si := int(d.sent[i])
	for k := end - 1; k >= 0 && k >= end-maxLookback; k-- {
		m := r.ix.mentions[k]
		if si-int(d.sent[m.first]) > 1 {
			return false
		}
		if d.quote[m.first]&qIn != 0 {
			continue
		}
		c := r.ix.canon[k]
		if r.ix.name(c) == name {
			return false // the previous speaker is named closer
		}
		if r.ix.mentions[c].typ == sayso.Person && g != genderUnknown && r.ix.gender[c] == g && d.isSubject(m) {
			return true
		}
	}
	return false
}

// introduced reports whether mention m, a person's first mention, is
// followed by an apposition that introduces them ("Henry Crespo, president
// of the caucus,"): the person the text brings in is the one it goes on
// about.
func (r *resolver) introduced(m mention) bool {
	d := r.d
	i := m.last + 1
	if i+1 >= len(d.toks) || d.low[i] != "," {
		return false
	}
	w := d.toks[i+1]
	return w.Kind == textnorm.Word && !isCapitalised(w.Text) && d.quote[i+1]&qIn == 0
}
