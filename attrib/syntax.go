package attrib

import (
	"github.com/sayso-news/sayso/syntax"
)

// Syntax: each sentence is tagged and parsed by the syntax package, and
// the tree is mapped back onto sayso's tokens (a token split into several
// UD words, as "don't" into "do n't", takes the word of the group whose
// head lies outside it). The taggers and the argument ranker read from it
// who is the subject of a cue, which clause is its complement, and which
// spans are whole phrases.

// parse is the dependency tree of a document over its tokens.
type parse struct {
	// head is the token index of each token's head, -1 for a sentence's
	// root word.
	head []int32
	rel  []syntax.Rel
	upos []syntax.UPOS
	// kids is a bit set of the argument relations among each token's
	// dependents (see kidBit).
	kids []uint16
	// lo and hi are the first and last token of each token's subtree.
	lo, hi []int32
}

// kidBit returns the bit that records a dependent of relation r in a
// parse's kids, or 0 for relations the features do not read.
func kidBit(r syntax.Rel) uint16 {
	switch r {
	case syntax.Nsubj:
		return 1 << 0
	case syntax.NsubjPass:
		return 1 << 1
	case syntax.Ccomp:
		return 1 << 2
	case syntax.Xcomp:
		return 1 << 3
	case syntax.Parataxis:
		return 1 << 4
	case syntax.Obj:
		return 1 << 5
	case syntax.Iobj:
		return 1 << 6
	case syntax.OblAgent:
		return 1 << 7
	case syntax.Advcl:
		return 1 << 8
	case syntax.Csubj, syntax.CsubjPass:
		return 1 << 9
	case syntax.Obl:
		return 1 << 10
	case syntax.Mark:
		return 1 << 11
	case syntax.Aux, syntax.AuxPass:
		return 1 << 12
	}
	return 0
}

// setSyntax parses every sentence of d with m.
func (d *document) setSyntax(m *syntax.Model) {
	if m == nil {
		return
	}
	n := len(d.toks)
	p := &parse{
		head: make([]int32, n), rel: make([]syntax.Rel, n), upos: make([]syntax.UPOS, n),
		kids: make([]uint16, n), lo: make([]int32, n), hi: make([]int32, n),
	}
	var tree syntax.Tree
	var buf syntax.Buffers
	var forms []string
	for _, s := range d.sents {
		forms = forms[:0]
		for i := s.First; i <= s.Last; i++ {
			forms = append(forms, d.toks[i].Text)
		}
		words, from := syntax.Split(forms)
		m.ParseInto(&tree, words, &buf)
		for k := range words {
			h := tree.Head[k] - 1 // word index of the head, -1 for the root
			if h >= 0 && from[h] == from[k] {
				continue // a head inside the same token
			}
			if k > 0 && from[k-1] == from[k] && wordHeadOutside(tree.Head, from, k-1) {
				continue // the token's first word with a head outside it speaks for it ("was" of "wasn't")
			}
			t := s.First + from[k]
			p.rel[t] = tree.Rel[k]
			p.upos[t] = tree.UPOS[k]
			if h < 0 {
				p.head[t] = -1
			} else {
				p.head[t] = int32(s.First + from[h])
			}
		}
	}
	for i := range n {
		p.lo[i], p.hi[i] = int32(i), int32(i)
		if h := p.head[i]; h >= 0 {
			p.kids[h] |= kidBit(p.rel[i])
		}
	}
	// Subtree yields: children before their heads, by decreasing depth.
	order := make([]int32, 0, n)
	children := make([][]int32, n)
	for i := range n {
		if h := p.head[i]; h >= 0 {
			children[h] = append(children[h], int32(i))
		} else {
			order = append(order, int32(i))
		}
	}
	for k := 0; k < len(order); k++ {
		order = append(order, children[order[k]]...)
	}
	for k := len(order) - 1; k >= 0; k-- {
		i := order[k]
		if h := p.head[i]; h >= 0 {
			p.lo[h] = min(p.lo[h], p.lo[i])
			p.hi[h] = max(p.hi[h], p.hi[i])
		}
	}
	d.syn = p
}

// wordHeadOutside reports whether word k or a word before it of the same
// token has its head outside that token.
func wordHeadOutside(head []int, from []int, k int) bool {
	for ; k >= 0 && from[k] == from[k+1]; k-- {
		if h := head[k] - 1; h < 0 || from[h] != from[k] {
			return true
		}
	}
	return false
}

// underCue finds the nearest ancestor of token i, up to maxCueClimb steps,
// whose head is a likely cue, and returns that cue and the relation of the
// ancestor to it (i itself when i's head is the cue); cue is -1 when there
// is none.
func (d *document) underCue(i int) (cue int, rel syntax.Rel, steps int) {
	p := d.syn
	a := int32(i)
	for steps = 0; steps < maxCueClimb; steps++ {
		h := p.head[a]
		if h < 0 {
			break
		}
		if d.cueProb[h] >= cueCandidate {
			return int(h), p.rel[a], steps
		}
		a = h
	}
	return -1, syntax.NoRel, 0
}

// maxCueClimb bounds the climb from a token to the cue above it: contents
// sit a few clauses below their cue at most, and the bound keeps the
// features linear in the text's length.
const maxCueClimb = 6

// relClass groups relations as the roles of an attribution see them:
// 1 subject, 2 clausal complement, 3 object, 4 agent or oblique, 5 adverbial
// clause, 6 other.
func relClass(r syntax.Rel) int {
	switch r.Universal() {
	case syntax.Nsubj, syntax.Csubj:
		return 1
	case syntax.Ccomp, syntax.Xcomp, syntax.Parataxis:
		return 2
	case syntax.Obj, syntax.Iobj:
		return 3
	case syntax.Obl:
		return 4
	case syntax.Advcl:
		return 5
	case syntax.NoRel:
		return 0
	}
	return 6
}

// cueRel returns how token i's subtree hangs from the cue: its relation
// class when i's head is a token of cue, else 7, or 0 without a parse.
func (d *document) cueRel(i int, cue span) int {
	if d.syn == nil || i < 0 || i >= len(d.toks) {
		return 0
	}
	if h := int(d.syn.head[i]); h >= cue.first && h <= cue.last {
		return relClass(d.syn.rel[i])
	}
	return 7
}

// relAt returns token i's relation, NoRel outside the text or without a
// parse.
func (d *document) relAt(i int) syntax.Rel {
	if d.syn == nil || i < 0 || i >= len(d.toks) {
		return syntax.NoRel
	}
	return d.syn.rel[i]
}

// cueKids returns the argument relations among the dependents of the
// cue's tokens (see kidBit), 0 without a parse.
func (d *document) cueKids(cue span) int {
	if d.syn == nil {
		return 0
	}
	k := 0
	for i := cue.first; i <= cue.last; i++ {
		k |= int(d.syn.kids[i])
	}
	return k
}
