package extraction_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sayso-news/sayso/eval/extraction"
	"github.com/sayso-news/sayso/extract"
)

// dataDir returns the shared evaluation data: $SAYSO_DATA, else
// ../shared/data beside the repository root.
func dataDir() string {
	if d := os.Getenv("SAYSO_DATA"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "..", "shared", "data")
}

// floors sit just under the figures sayso reaches on each public body set
// (F1 and precision), so that quality never drops silently; raise them when
// extraction improves. fundus languages with five pages or more have their
// own F1 floor.
var floors = map[string]struct{ f1, precision float64 }{
	extraction.Scrapinghub: {0.977, 0.977},
	extraction.WCXBTune:    {0.949, 0.950},
	extraction.WCXBCheck:   {0.935, 0.934},
	extraction.Fundus:      {0.957, 0.945},
}

var langFloors = map[string]float64{"?": 0.960, "de": 0.957, "en": 0.961, "es": 0.977, "ja": 0.895, "fr": 0.978}

// TestFloors holds sayso's body extraction on every public set just under
// the figures reached.
func TestFloors(t *testing.T) {
	if _, err := os.Stat(filepath.Join(dataDir(), "extraction")); err != nil {
		t.Skipf("shared evaluation data absent at %s (set SAYSO_DATA): %v", dataDir(), err)
	}
	sets, err := extraction.PublicSets(dataDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sets {
		r := extraction.Evaluate(context.Background(), s.Pages, func(page []byte, pageURL string) (string, error) {
			a, err := extract.FromReader(bytes.NewReader(page), pageURL)
			if err != nil {
				return "", err
			}
			return a.Text(), nil
		})
		r.Name = s.Name
		var b strings.Builder
		r.Print(&b)
		t.Log(strings.TrimSpace(b.String()))
		f, ok := floors[s.Name]
		if !ok {
			t.Errorf("set %s has no floor", s.Name)
			continue
		}
		if r.F1 < f.f1 || r.Precision < f.precision {
			t.Errorf("%s: F1 %.4f precision %.4f, below floors %.3f / %.3f", s.Name, r.F1, r.Precision, f.f1, f.precision)
		}
		if s.Name != extraction.Fundus {
			continue
		}
		for lang, g := range r.Group(func(p extraction.PageResult) string { return p.Lang }) {
			if g.Pages < 5 {
				continue
			}
			floor, ok := langFloors[lang]
			if !ok {
				t.Errorf("fundus language %s (%d pages) has no floor", lang, g.Pages)
				continue
			}
			if g.F1 < floor {
				t.Errorf("fundus %s: F1 %.4f below the floor %.3f", lang, g.F1, floor)
			}
		}
	}
}
