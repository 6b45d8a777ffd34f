package dates

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sayso-news/sayso/extract"
)

var verbose = flag.Bool("dates.errors", false, "print every page the metadata reader gets wrong, with its evidence")

// dataDir returns the mediacloud-2020 folder: $SAYSO_DATA/dates/mediacloud-2020
// or ../../../shared/data/dates/mediacloud-2020 from this package.
func dataDir(t testing.TB) string {
	base := os.Getenv("SAYSO_DATA")
	if base == "" {
		base = filepath.Join("..", "..", "..", "shared", "data")
	}
	dir := filepath.Join(base, "dates", "mediacloud-2020")
	if _, err := os.Stat(filepath.Join(dir, "ground-truth.json")); err != nil {
		t.Skipf("mediacloud-2020 date set absent at %s (set SAYSO_DATA): %v", dir, err)
	}
	return dir
}

// TestFloors holds sayso's date accuracy on mediacloud-2020 just under the
// figure reached, so that quality never silently drops.
func TestFloors(t *testing.T) {
	pages, err := Load(dataDir(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 200 {
		t.Fatalf("loaded %d pages, want 200", len(pages))
	}
	r := Evaluate(context.Background(), pages, MetadataReader)
	var b strings.Builder
	r.Print(&b)
	if *verbose {
		printDiagnosis(&b, r, pages)
	}
	t.Log("\n" + b.String())
	const floor = 0.925
	if r.Accuracy < floor {
		t.Errorf("exact-day accuracy %.3f fell below the floor %.3f", r.Accuracy, floor)
	}
}

// printDiagnosis writes each page the reader got wrong with every date
// candidate metadata considered, to find general causes of error.
func printDiagnosis(w io.Writer, r *Report, pages []Page) {
	byFile := map[string]Page{}
	for _, p := range pages {
		byFile[p.File] = p
	}
	for _, res := range r.Results {
		if res.Outcome == Correct {
			continue
		}
		one := &Report{Results: []PageResult{res}}
		one.PrintErrors(w)
		p := byFile[res.File]
		md, err := extract.Options{}.MetadataFromBytes(p.HTML, p.URL)
		if err != nil {
			fmt.Fprintf(w, "    %v\n", err)
			continue
		}
		for _, c := range md.Candidates {
			if c.Field == "published" || c.Field == "modified" {
				fmt.Fprintf(w, "    %s %s %s\n", c.Field, c.Value, c.Evidence)
			}
		}
	}
}
