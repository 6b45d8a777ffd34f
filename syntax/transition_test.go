package syntax

import (
	"slices"
	"testing"
)

func TestProjectivize(t *testing.T) {
	// 1 → 3 crosses 2 → 4 (word 2 hangs from 4, over 3's arc to 1).
	heads := []int32{-1, 0, 4, 1, 1}
	got := projectivize(heads)
	if shortestCrossing(got) >= 0 {
		t.Fatalf("still non-projective: %v", got)
	}
	proj := []int32{-1, 2, 0, 2, 3}
	if got := projectivize(proj); !slices.Equal(got, proj) {
		t.Errorf("a projective tree changed: %v", got)
	}
}

// TestOracleReachesGold follows the dynamic oracle's zero-cost moves from
// the start and checks that the tree built is the gold one, for projective
// trees of several shapes.
func TestOracleReachesGold(t *testing.T) {
	for _, gold := range [][]int32{
		{-1, 0},
		{-1, 2, 0, 2},
		{-1, 2, 0, 4, 2, 2},
		{-1, 3, 3, 0, 3, 6, 4, 3},
		{-1, 0, 1, 2, 3, 4},
		{-1, 5, 5, 5, 5, 0},
	} {
		s := newState(len(gold) - 1)
		var cost [numMoves]int
		for steps := 0; !s.done(); steps++ {
			if steps > 4*len(gold) {
				t.Fatalf("%v: no end", gold)
			}
			s.costs(gold, &cost)
			m := -1
			for k := range numMoves {
				if s.allowed(k) && cost[k] == 0 {
					m = k
					break
				}
			}
			if m < 0 {
				t.Fatalf("%v: no zero-cost move at %v", gold, s.stack)
			}
			s.apply(m, Dep)
		}
		if !slices.Equal(s.head, gold) {
			t.Errorf("oracle built %v, want %v", s.head, gold)
		}
	}
}

func TestSplit(t *testing.T) {
	for _, c := range []struct {
		in, want []string
	}{
		{[]string{"I", "don't", "know"}, []string{"I", "do", "n't", "know"}},
		{[]string{"can’t"}, []string{"ca", "n’t"}},
		{[]string{"cannot", "anti-war"}, []string{"can", "not", "anti", "-", "war"}},
		{[]string{"U.S.-led", "-", "http://a-b.c"}, []string{"U.S.", "-", "led", "-", "http://a-b.c"}},
		{[]string{"n't", "gonna"}, []string{"n't", "gon", "na"}},
	} {
		got, from := Split(c.in)
		if !slices.Equal(got, c.want) {
			t.Errorf("Split(%q) = %q, want %q", c.in, got, c.want)
		}
		if len(from) != len(got) || (len(from) > 0 && from[len(from)-1] != len(c.in)-1) {
			t.Errorf("Split(%q): from = %v", c.in, from)
		}
	}
}

func TestRelNames(t *testing.T) {
	for r := Rel(1); r < numRels; r++ {
		if ParseRel(r.String()) != r {
			t.Errorf("ParseRel(%q) = %v", r.String(), ParseRel(r.String()))
		}
	}
	if NsubjPass.Universal() != Nsubj || Nsubj.Universal() != Nsubj {
		t.Error("Universal of nsubj:pass")
	}
	if ParseRel("obl:unknown") != Obl || ParseRel("nonsense") != Dep {
		t.Error("fallbacks of ParseRel")
	}
	for u := UPOS(1); u < numUPOS; u++ {
		if ParseUPOS(u.String()) != u {
			t.Errorf("ParseUPOS(%q)", u.String())
		}
	}
}
