package attrib

import (
	"testing"

	"github.com/sayso-news/sayso/syntax"
)

// TestSetSyntax checks the parse mapped onto sayso's tokens: a token split
// into UD words takes its group's head word, and subtree yields are token
// ranges.
func TestSetSyntax(t *testing.T) {
	m, err := syntax.DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	d := newDocument("Peskov said the Kremlin wasn't ready to talk.", nil)
	d.setSyntax(m)
	at := func(w string) int {
		for i, tk := range d.toks {
			if tk.Text == w {
				return i
			}
		}
		t.Fatalf("no token %q", w)
		return -1
	}
	said, peskov, ready, wasnt := at("said"), at("Peskov"), at("ready"), at("wasn't")
	p := d.syn
	if p.head[said] != -1 {
		t.Errorf("said: head %d, want the root", p.head[said])
	}
	if int(p.head[peskov]) != said || p.rel[peskov] != syntax.Nsubj {
		t.Errorf("Peskov: %v of %d", p.rel[peskov], p.head[peskov])
	}
	if int(p.head[ready]) != said || p.rel[ready] != syntax.Ccomp {
		t.Errorf("ready: %v of %d", p.rel[ready], p.head[ready])
	}
	if int(p.head[wasnt]) != ready || p.rel[wasnt] != syntax.Cop {
		t.Errorf("wasn't: %v of %d, want cop of ready", p.rel[wasnt], p.head[wasnt])
	}
	if lo, hi := int(p.lo[ready]), int(p.hi[ready]); lo != at("the") || hi != at("talk") {
		t.Errorf("ready's subtree: tokens %d-%d", lo, hi)
	}
	if p.kids[said]&kidBit(syntax.Nsubj) == 0 || p.kids[said]&kidBit(syntax.Ccomp) == 0 {
		t.Errorf("said's dependents: %b", p.kids[said])
	}
	d.cueProb[said] = 1
	if cue, rel, _ := d.underCue(at("Kremlin")); cue != said || rel != syntax.Ccomp {
		t.Errorf("Kremlin under cue %d by %v, want said by ccomp", cue, rel)
	}
}
