package attrib

import "github.com/sayso-news/sayso/internal/textnorm"

// Word classes: a coarse, hand-made stand-in for parts of speech, so that
// features generalise over words the training data saw rarely ("a cue
// followed by a pronoun", "a capitalised word before a colon").
const (
	wcOther = iota
	wcPron
	wcDet
	wcAux
	wcPrep
	wcConj
	wcThat
	wcCap
	wcNum
	wcComma
	wcColon
	wcQuote
	wcEnd
	wcDash
	wcPunct
	wcTitle
	wcBoundary
)

var closedClass = map[string]uint8{
	"he": wcPron, "she": wcPron, "they": wcPron, "it": wcPron, "i": wcPron, "we": wcPron, "you": wcPron,
	"him": wcPron, "her": wcPron, "them": wcPron, "us": wcPron, "me": wcPron, "who": wcPron,
	"his": wcDet, "their": wcDet, "its": wcDet, "our": wcDet, "my": wcDet, "your": wcDet,
	"the": wcDet, "a": wcDet, "an": wcDet, "this": wcDet, "these": wcDet, "those": wcDet,
	"some": wcDet, "many": wcDet, "several": wcDet, "other": wcDet, "another": wcDet,
	"is": wcAux, "was": wcAux, "are": wcAux, "were": wcAux, "be": wcAux, "been": wcAux,
	"has": wcAux, "have": wcAux, "had": wcAux, "will": wcAux, "would": wcAux, "could": wcAux,
	"can": wcAux, "may": wcAux, "might": wcAux, "should": wcAux, "must": wcAux, "did": wcAux,
	"does": wcAux, "do": wcAux, "not": wcAux, "also": wcAux,
	"in": wcPrep, "on": wcPrep, "at": wcPrep, "to": wcPrep, "for": wcPrep, "of": wcPrep,
	"with": wcPrep, "by": wcPrep, "from": wcPrep, "about": wcPrep, "into": wcPrep,
	"during": wcPrep, "after": wcPrep, "before": wcPrep, "over": wcPrep, "according": wcPrep,
	"and": wcConj, "or": wcConj, "but": wcConj, "while": wcConj, "although": wcConj,
	"because": wcConj, "if": wcConj, "when": wcConj, "as": wcConj,
	"that": wcThat, "whether": wcThat,
}

// wordClass returns the class of token i of d.
func (d *document) wordClass(i int) int {
	if i < 0 || i >= len(d.toks) {
		return wcBoundary
	}
	if d.class != nil {
		return int(d.class[i])
	}
	return d.computeClass(i)
}

// computeClass works out the class of token i.
func (d *document) computeClass(i int) int {
	if c, ok := closedClass[d.low[i]]; ok {
		return int(c)
	}
	t := d.toks[i]
	switch t.Kind {
	case textnorm.Number:
		return wcNum
	case textnorm.Quote:
		return wcQuote
	case textnorm.Punct:
		switch t.Text {
		case ",":
			return wcComma
		case ":":
			return wcColon
		case ".", "?", "!":
			return wcEnd
		case "—", "–", "-", "--", "―":
			return wcDash
		}
		return wcPunct
	}
	if isCapitalised(t.Text) {
		if textnorm.IsTitle(t.Text[:len(t.Text)-boolInt(t.Text[len(t.Text)-1] == '.')]) {
			return wcTitle
		}
		return wcCap
	}
	return wcOther
}
