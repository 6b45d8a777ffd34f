package attrib

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/eval/attribution"
)

func polnearDir(t testing.TB) string {
	t.Helper()
	data := os.Getenv("SAYSO_DATA")
	if data == "" {
		data = filepath.Join("..", "..", "shared", "data")
	}
	dir := filepath.Join(data, "attribution", "polnear")
	if _, err := os.Stat(filepath.Join(dir, "metadata.tsv")); err != nil {
		t.Skipf("PolNeAR not found at %s (the shared data is absent; set SAYSO_DATA): %v", dir, err)
	}
	return dir
}

// TestOracle scores gold tags put through span decoding and linking: the
// ceiling that tokenization and linking leave to the taggers. It checks the
// ceiling stays high, so a regression in tokenization or linking shows.
func TestOracle(t *testing.T) {
	docs, err := attribution.LoadSplit(polnearDir(t), "dev")
	if err != nil {
		t.Fatal(err)
	}
	var s attribution.Scores
	for _, doc := range docs {
		d := newDocument(doc.Text, nil)
		tags := goldTags(d, doc.Attributions)
		links := linkSpans(d, spansOf(d, tags))
		var atts []sayso.Attribution = d.attributions(links, buildEntities(d), nil)
		s.Add(doc.Text, doc.Attributions, atts)
	}
	if testing.Verbose() {
		s.Print(os.Stdout)
	}
	for name, c := range map[string]attribution.PRF{"source": s.Source, "cue": s.Cue, "content": s.Content} {
		if c.F1() < 0.97 {
			t.Errorf("oracle %s F1 = %.3f, want >= 0.97", name, c.F1())
		}
	}
	if s.Lenient.F1() < 0.9 {
		t.Errorf("oracle lenient F1 = %.3f, want >= 0.9", s.Lenient.F1())
	}
}
