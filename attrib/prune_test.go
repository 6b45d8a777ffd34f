package attrib

import (
	"context"
	"os"
	"strconv"
	"testing"

	"github.com/sayso-news/sayso/eval/attribution"
)

// TestPruneExperiment measures pruning the argument ranker of a model file;
// it runs only when SAYSO_PRUNE_MODEL names one.
func TestPruneExperiment(t *testing.T) {
	path := os.Getenv("SAYSO_PRUNE_MODEL")
	if path == "" {
		t.Skip("set SAYSO_PRUNE_MODEL to a model file to measure pruning")
	}
	docs, err := attribution.LoadSplit(polnearDir(t), "dev")
	if err != nil {
		t.Fatal(err)
	}
	for _, thr := range []string{"0", "0.5", "1", "2"} {
		f, _ := os.Open(path)
		m, err := ReadModel(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		v, _ := strconv.ParseFloat(thr, 32)
		for k, r := range m.args.index {
			if w := m.args.w[r]; w <= float32(v) && w >= -float32(v) {
				delete(m.args.index, k)
			}
		}
		m.args.fast = newWeightTable(m.args)
		an := NewWithModel(m)
		var s attribution.Scores
		for _, d := range docs {
			res, _ := an.Analyze(context.Background(), d.Text)
			s.Add(d.Text, d.Attributions, res.Attributions)
		}
		t.Logf("prune args %s: %d features, src %.3f cue %.3f con %.3f len %.3f", thr,
			len(m.args.index), s.Source.F1(), s.Cue.F1(), s.Content.F1(), s.Lenient.F1())
	}
}
