package attrib

import (
	"strings"
	"testing"
)

// TestKmeansWords checks that words used in the same contexts share a
// cluster and that clustering is deterministic for a seed.
func TestKmeansWords(t *testing.T) {
	var b strings.Builder
	for i := range 40 {
		// Verbs of saying between a name and "that"; nouns between "the"
		// and "of". Context words repeat so they enter the context list.
		for _, v := range []string{"said", "stated", "claimed"} {
			b.WriteString("Smith " + v + " that the plan of the city failed . ")
		}
		for _, n := range []string{"plan", "budget", "mayor"} {
			b.WriteString("the " + n + " of the city rose . ")
		}
		_ = i
	}
	d := newDocument(b.String(), nil)
	run := func() map[string]uint16 { return kmeansWords([]*document{d}, 3, 7) }
	a := run()
	if a["said"] != a["stated"] || a["said"] != a["claimed"] {
		t.Errorf("verbs of saying split: %v", a)
	}
	if a["said"] == a["the"] {
		t.Errorf("verbs and determiners in one cluster: %v", a)
	}
	b2 := run()
	for w, c := range a {
		if b2[w] != c {
			t.Fatalf("clustering not deterministic: %q in %d then %d", w, c, b2[w])
		}
	}
}
