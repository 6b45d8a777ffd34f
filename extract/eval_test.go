package extract

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sayso-news/sayso/eval/extraction"
)

// dataDir returns the shared evaluation data folder: $SAYSO_DATA or
// ../shared/data beside the repository root.
func dataDir() string {
	if d := os.Getenv("SAYSO_DATA"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "shared", "data")
}

func loadScrapinghub(tb testing.TB) []extraction.Page {
	tb.Helper()
	dir := filepath.Join(dataDir(), "extraction", "scrapinghub")
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("scrapinghub benchmark absent at %s (set SAYSO_DATA): %v", dir, err)
	}
	pages, err := extraction.Load(dir)
	if err != nil {
		tb.Fatal(err)
	}
	return pages
}

// bodyText is the extraction.Extractor for sayso: the article body as plain
// text, blocks separated by blank lines.
func bodyText(page []byte, pageURL string) (string, error) {
	a, err := FromReader(bytes.NewReader(page), pageURL)
	if err != nil {
		return "", err
	}
	return a.Text(), nil
}

// Floors sit just under the figures reached, so that quality never drops
// silently; raise them when extraction improves.
const (
	floorF1        = 0.979
	floorPrecision = 0.981
)

// TestScrapinghubFloors holds extraction quality on the scrapinghub
// benchmark just under the figures reached (F1 0.981, precision 0.983).
func TestScrapinghubFloors(t *testing.T) {
	pages := loadScrapinghub(t)
	r := extraction.Evaluate(context.Background(), pages, bodyText)
	var b strings.Builder
	r.Print(&b)
	t.Log(b.String())
	if r.F1 < floorF1 || r.Precision < floorPrecision {
		t.Errorf("scrapinghub F1 %.4f precision %.4f, below floors %.3f / %.3f", r.F1, r.Precision, floorF1, floorPrecision)
	}
	if *diag > 0 {
		printDiag(r, *diag)
	}
	if *showBlocks != "" {
		for _, p := range pages {
			if strings.HasPrefix(p.ID, *showBlocks) {
				printBlocks(p.HTML)
			}
		}
	}
}
