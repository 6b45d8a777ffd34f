package attrib

import (
	"bytes"
	"context"
	"os"
	"strconv"
	"testing"

	"github.com/sayso-news/sayso/eval/attribution"
)

// TestPruneExperiment measures pruning thresholds on a model file; it runs
// only when SAYSO_PRUNE_MODEL names one.
func TestPruneExperiment(t *testing.T) {
	path := os.Getenv("SAYSO_PRUNE_MODEL")
	if path == "" {
		t.Skip("set SAYSO_PRUNE_MODEL to a model file to measure pruning")
	}
	docs, err := attribution.LoadSplit(polnearDir(t), "dev")
	if err != nil {
		t.Fatal(err)
	}
	for _, thr := range []string{"0", "0.5", "1", "2", "4"} {
		f, _ := os.Open(path)
		m, err := ReadModel(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		v, _ := strconv.ParseFloat(thr, 32)
		m.Prune(float32(v))
		var buf bytes.Buffer
		m.WriteTo(&buf)
		an := NewWithModel(m)
		var s attribution.Scores
		for _, d := range docs {
			res, _ := an.Analyze(context.Background(), d.Text)
			s.Add(d.Text, d.Attributions, res.Attributions)
		}
		t.Logf("prune %s: %d bytes, features %d/%d, src %.3f cue %.3f con %.3f len %.3f", thr, buf.Len(),
			len(m.taggers[0].index), len(m.taggers[1].index), s.Source.F1(), s.Cue.F1(), s.Content.F1(), s.Lenient.F1())
	}
}
