package syntax

// UPOS is a universal part-of-speech tag.
type UPOS uint8

// The seventeen universal part-of-speech tags of UD, and NoUPOS for a word
// not tagged.
const (
	NoUPOS UPOS = iota
	ADJ
	ADP
	ADV
	AUX
	CCONJ
	DET
	INTJ
	NOUN
	NUM
	PART
	PRON
	PROPN
	PUNCT
	SCONJ
	SYM
	VERB
	X
	numUPOS
)

var uposNames = [numUPOS]string{"", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN",
	"NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"}

// String returns the tag's UD name ("NOUN"), or "" for NoUPOS.
func (u UPOS) String() string {
	if u < numUPOS {
		return uposNames[u]
	}
	return ""
}

// ParseUPOS returns the tag named s, or NoUPOS.
func ParseUPOS(s string) UPOS {
	for i, n := range uposNames {
		if n == s && i > 0 {
			return UPOS(i)
		}
	}
	return NoUPOS
}

// Rel is a dependency relation of UD English, subtypes included.
type Rel uint8

// The relations of UD English (universal relations and the subtypes the
// English treebanks use). NoRel marks a word without a head (and the root
// position); Root is the relation of the sentence's head word.
const (
	NoRel Rel = iota
	Acl
	AclRelcl
	Advcl
	AdvclRelcl
	Advmod
	Amod
	Appos
	Aux
	AuxPass
	Case
	Cc
	CcPreconj
	Ccomp
	Clf
	Compound
	CompoundPrt
	Conj
	Cop
	Csubj
	CsubjOuter
	CsubjPass
	Dep
	Det
	DetPredet
	Discourse
	Dislocated
	Expl
	Fixed
	Flat
	Goeswith
	Iobj
	List
	Mark
	Nmod
	NmodDesc
	NmodPoss
	NmodUnmarked
	NmodTmod
	NmodNpmod
	Nsubj
	NsubjOuter
	NsubjPass
	Nummod
	Obj
	Obl
	OblAgent
	OblUnmarked
	OblTmod
	OblNpmod
	Orphan
	Parataxis
	Punct
	Reparandum
	Root
	Vocative
	Xcomp
	numRels
)

var relNames = [numRels]string{"", "acl", "acl:relcl", "advcl", "advcl:relcl", "advmod", "amod",
	"appos", "aux", "aux:pass", "case", "cc", "cc:preconj", "ccomp", "clf", "compound",
	"compound:prt", "conj", "cop", "csubj", "csubj:outer", "csubj:pass", "dep", "det",
	"det:predet", "discourse", "dislocated", "expl", "fixed", "flat", "goeswith", "iobj", "list",
	"mark", "nmod", "nmod:desc", "nmod:poss", "nmod:unmarked", "nmod:tmod", "nmod:npmod", "nsubj",
	"nsubj:outer", "nsubj:pass", "nummod", "obj", "obl", "obl:agent", "obl:unmarked", "obl:tmod",
	"obl:npmod", "orphan", "parataxis", "punct", "reparandum", "root", "vocative", "xcomp"}

// String returns the relation's UD name ("nsubj:pass"), or "" for NoRel.
func (r Rel) String() string {
	if r < numRels {
		return relNames[r]
	}
	return ""
}

// Universal returns the relation without its subtype (Nsubj for NsubjPass).
func (r Rel) Universal() Rel { return universalRel[r] }

var universalRel = func() (u [numRels]Rel) {
	for i, n := range relNames {
		u[i] = Rel(i)
		for j, m := range relNames {
			if j > 0 && len(m) < len(n) && n[:len(m)] == m && n[len(m)] == ':' {
				u[i] = Rel(j)
			}
		}
	}
	return u
}()

// ParseRel returns the relation named s; a subtype it does not know falls
// back to its universal relation, and an unknown relation to Dep.
func ParseRel(s string) Rel {
	for i, n := range relNames {
		if n == s && i > 0 {
			return Rel(i)
		}
	}
	for k := 0; k < len(s); k++ {
		if s[k] == ':' {
			return ParseRel(s[:k])
		}
	}
	return Dep
}
