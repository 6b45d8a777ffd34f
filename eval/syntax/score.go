package syntax

import (
	"fmt"
	"io"
	"strings"

	"github.com/sayso-news/sayso/syntax"
)

// Scores counts agreement between a parse and the gold annotation over the
// same words, as the CoNLL 2018 shared task's evaluation does with gold
// tokenization: every word counts, punctuation included; LAS compares the
// universal part of the relation ("nsubj" for "nsubj:pass"), and LASFull
// the whole relation.
type Scores struct {
	Words                         int
	UPOS, XPOS, UAS, LAS, LASFull int
	// Sentences counts sentences; Mismatched those whose words differ
	// between gold and parse (not scored).
	Sentences, Mismatched int
}

// Add scores one parsed sentence against its gold form.
func (s *Scores) Add(gold *syntax.Sentence, pred *syntax.Tree) {
	s.Sentences++
	if len(gold.Words) != pred.Len() {
		s.Mismatched++
		return
	}
	for i, g := range gold.Words {
		s.Words++
		if syntax.ParseUPOS(g.UPOS) == pred.UPOS[i] {
			s.UPOS++
		}
		if g.XPOS == pred.XPOS[i] {
			s.XPOS++
		}
		if g.Head == pred.Head[i] {
			s.UAS++
			gr := syntax.ParseRel(g.Deprel)
			if gr.Universal() == pred.Rel[i].Universal() {
				s.LAS++
			}
			if g.Deprel == pred.Rel[i].String() {
				s.LASFull++
			}
		}
	}
}

func share(a, n int) float64 {
	if n == 0 {
		return 0
	}
	return float64(a) / float64(n)
}

// Accuracy returns UPOS, UAS and LAS as shares of the words.
func (s *Scores) Accuracy() (upos, uas, las float64) {
	return share(s.UPOS, s.Words), share(s.UAS, s.Words), share(s.LAS, s.Words)
}

// Print writes one line of the scores, named name.
func (s *Scores) Print(w io.Writer, name string) {
	fmt.Fprintf(w, "%-10s %6d words  UPOS %.4f  XPOS %.4f  UAS %.4f  LAS %.4f  (with subtypes %.4f)",
		name, s.Words, share(s.UPOS, s.Words), share(s.XPOS, s.Words), share(s.UAS, s.Words),
		share(s.LAS, s.Words), share(s.LASFull, s.Words))
	if s.Mismatched > 0 {
		fmt.Fprintf(w, "  [%d sentences not scored]", s.Mismatched)
	}
	fmt.Fprintln(w, strings.Repeat("", 0))
}
