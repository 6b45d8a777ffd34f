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
	dir := filepath.Join(dataDir(), "extraction", extraction.Scrapinghub)
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

// TestDiagnose prints diagnostics on the tuning sets when asked by its
// flags (see diag_test.go), and is skipped otherwise: quality floors are
// held by eval/extraction's tests. wcxb-dev's set-aside check is never
// loaded here, so no page of it can be looked at one by one.
func TestDiagnose(t *testing.T) {
	if *diag == 0 && *showBlocks == "" && *dumpScores == "" && !*showCauses && *outDir == "" {
		t.Skip("diagnostics only: run with -diag N, -blocks PREFIX, -dump FILE, -out DIR or -causes")
	}
	if _, err := os.Stat(filepath.Join(dataDir(), "extraction")); err != nil {
		t.Skipf("shared evaluation data absent at %s (set SAYSO_DATA): %v", dataDir(), err)
	}
	sets, err := extraction.PublicSets(dataDir())
	if err != nil {
		t.Fatal(err)
	}
	var dump strings.Builder
	for _, s := range sets {
		if !extraction.Tuning(s.Name) || !strings.Contains(s.Name, *diagSet) {
			continue
		}
		if *showBlocks != "" {
			for _, p := range s.Pages {
				if strings.HasPrefix(p.ID, *showBlocks) {
					printBlocks(p.HTML)
				}
			}
			continue
		}
		r := extraction.Evaluate(context.Background(), s.Pages, bodyText)
		r.Name = s.Name
		var b strings.Builder
		r.Print(&b)
		t.Log(b.String())
		if *diag > 0 {
			printDiag(r, *diag)
		}
		if *showCauses {
			var cs causes
			for i, res := range r.Results {
				cs.add(s.Pages[i].HTML, res.Truth, res.Predicted)
			}
			cs.print(s.Name)
		}
		writeScores(&dump, r)
		if *outDir != "" {
			for _, res := range r.Results {
				base := filepath.Join(*outDir, res.ID)
				if err := os.WriteFile(base+".out.txt", []byte(res.Predicted), 0o644); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(base+".truth.txt", []byte(res.Truth), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	if *dumpScores != "" {
		if err := os.WriteFile(*dumpScores, []byte(dump.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
