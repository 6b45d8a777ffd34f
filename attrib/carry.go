package attrib

import "github.com/sayso-news/sayso"

// end returns the last token of link l.
func (l link) end() int {
	e := -1
	if l.cue != nil {
		e = l.cue.last
	}
	if l.source != nil && l.source.last > e {
		e = l.source.last
	}
	for _, c := range l.contents {
		if c.last > e {
			e = c.last
		}
	}
	return e
}

// carried resolves a continuation quote (no cue of its own) starting at
// token start, after an attribution ending at token prevEnd whose speaker
// is prev: to the person the text introduced in between as the subject of
// a sentence outside quotation marks ("Tom Reed, the mayor, answered on
// Tuesday. ¶ “We have nothing to hide.”"), else to prev.
func (r *resolver) carried(start, prevEnd int, prev *sayso.Speaker) *sayso.Speaker {
	d := r.d
	end := r.before(start)
	for k := end - 1; k >= 0 && k >= end-maxLookback; k-- {
		m := r.ix.mentions[k]
		if m.first <= prevEnd {
			break
		}
		c := r.ix.canon[k]
		if d.quote[m.first]&qIn != 0 || r.ix.mentions[c].typ != sayso.Person || !d.isSubject(m) {
			continue
		}
		if prev != nil && r.ix.name(c) == prev.Name {
			break
		}
		return r.named(k, "", sayso.ResolvedCarriedOver)
	}
	if prev == nil {
		return nil
	}
	sp := *prev
	sp.Resolution = sayso.ResolvedCarriedOver
	return &sp
}

// quotedBy reports whether an attribution whose cue is "quoted" or
// "cited" and whose content opens with a name followed by "as saying"
// ("a website quoted Paula Stone as saying …") relays that person's words,
// and returns the person: the medium is a channel, the speaker the
// utterer.
func (r *resolver) quotedBy(l link) *sayso.Speaker {
	if l.cue == nil || len(l.contents) == 0 {
		return nil
	}
	d := r.d
	switch d.low[l.cue.last] {
	case "quoted", "quotes", "quoting", "cited", "cites", "citing":
	default:
		return nil
	}
	c := l.contents[0]
	ms := r.mentionsIn(c.first, c.last)
	if len(ms) == 0 {
		return nil
	}
	m := r.ix.mentions[ms[0]]
	if m.first > c.first+1 || m.last+2 > c.last || d.low[m.last+1] != "as" {
		return nil
	}
	switch d.low[m.last+2] {
	case "saying", "telling", "writing", "stating", "calling", "describing":
		return r.named(ms[0], "", sayso.ResolvedNamed)
	}
	return nil
}
