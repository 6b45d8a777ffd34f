package syntax

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/sayso-news/sayso/internal/benchdata"
	"github.com/sayso-news/sayso/syntax"
)

func dataDir(t testing.TB) string {
	t.Helper()
	data := benchdata.DataDir()
	if _, err := os.Stat(filepath.Join(data, "syntax", "ud-english-ewt", "dev.conllu")); err != nil {
		t.Skipf("UD English not found under %s (the shared data is absent; set SAYSO_DATA): %v", data, err)
	}
	return data
}

// TestFloors keeps the embedded model's accuracy from silently dropping:
// each floor sits just under the figure measured when the model was made.
func TestFloors(t *testing.T) {
	data := dataDir(t)
	m, err := syntax.DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	floors := map[string]struct{ upos, las float64 }{
		"EWT dev":  {0.948, 0.814},
		"EWT test": {0.952, 0.820},
		"GUM dev":  {0.964, 0.818},
	}
	for _, set := range EvalSets(data) {
		sc, err := Evaluate(context.Background(), m, set)
		if err != nil {
			t.Fatal(err)
		}
		upos, _, las := sc.Accuracy()
		f := floors[set.Name]
		if upos < f.upos || las < f.las {
			t.Errorf("%s: UPOS %.4f (floor %.3f), LAS %.4f (floor %.3f)", set.Name, upos, f.upos, las, f.las)
		}
		if sc.Mismatched > 0 {
			t.Errorf("%s: %d sentences not scored", set.Name, sc.Mismatched)
		}
	}
}
