package wordclass

import (
	"maps"
	"testing"
)

func TestKMeans(t *testing.T) {
	var seqs [][]string
	for range 20 {
		seqs = append(seqs,
			[]string{"he", "said", "that"}, []string{"she", "said", "that"},
			[]string{"he", "argued", "that"}, []string{"she", "argued", "that"},
			[]string{"the", "cat", "sat"}, []string{"the", "dog", "sat"})
	}
	cfg := Config{Clusters: 3, MinCount: 5, ContextWords: 20, Rounds: 10, Seed: 1}
	a := KMeans(seqs, cfg)
	if a["said"] != a["argued"] || a["cat"] != a["dog"] || a["said"] == a["cat"] {
		t.Errorf("clusters: %v", a)
	}
	if b := KMeans(seqs, cfg); !maps.Equal(a, b) {
		t.Error("not deterministic for a seed")
	}
	if KMeans(seqs[:1], cfg) != nil {
		t.Error("fewer frequent words than clusters must give nil")
	}
}
