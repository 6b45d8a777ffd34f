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

	"github.com/sayso-news/sayso/eval/extraction"
	"github.com/sayso-news/sayso/extract"
)

var (
	verbose  = flag.Bool("dates.errors", false, "print every page of the tuning sets the metadata reader gets wrong, with its evidence")
	dumpFile = flag.String("dates.dump", "", "score only the tuning sets and write each page's set, file, outcome and day to `file`, to compare runs")
)

// dataDir returns the shared evaluation data folder: $SAYSO_DATA, else
// ../../../shared/data from this package. It skips the test when the data
// is absent.
func dataDir(t testing.TB) string {
	base := os.Getenv("SAYSO_DATA")
	if base == "" {
		base = filepath.Join("..", "..", "..", "shared", "data")
	}
	if _, err := os.Stat(filepath.Join(base, "dates", MediaCloud, "ground-truth.json")); err != nil {
		t.Skipf("shared date sets absent at %s (set SAYSO_DATA): %v", base, err)
	}
	return base
}

// floors sit just under sayso's exact-day accuracy on each public date set,
// so that quality never silently drops; raise them when dates improve.
var floors = map[string]float64{
	MediaCloud:           0.915,
	extraction.WCXBTune:  0.890,
	extraction.WCXBCheck: 0.865,
	extraction.Fundus:    0.992,
}

// TestFloors holds sayso's date accuracy on every public date set just
// under the figure reached. -dates.errors prints the pages of the tuning
// sets it gets wrong, with every candidate considered.
func TestFloors(t *testing.T) {
	base := dataDir(t)
	bodies, err := extraction.PublicSets(base)
	if err != nil {
		t.Fatal(err)
	}
	sets, err := PublicSets(base, bodies)
	if err != nil {
		t.Fatal(err)
	}
	var dump strings.Builder
	for _, s := range sets {
		if *dumpFile != "" && !extraction.Tuning(s.Name) {
			continue
		}
		r := Evaluate(context.Background(), s.Pages, MetadataReader)
		for _, res := range r.Results {
			got := "none"
			if res.Got != nil {
				got = Day(*res.Got)
			}
			fmt.Fprintf(&dump, "%s\t%s\t%s\t%s\n", s.Name, res.File, res.Outcome, got)
		}
		r.Name = s.Name
		var b strings.Builder
		r.Print(&b)
		if *verbose && extraction.Tuning(s.Name) {
			printDiagnosis(&b, r, s.Pages)
		}
		t.Log(strings.TrimSpace(b.String()))
		floor, ok := floors[s.Name]
		if !ok {
			t.Errorf("date set %s has no floor", s.Name)
			continue
		}
		if r.Accuracy < floor {
			t.Errorf("%s: exact-day accuracy %.3f fell below the floor %.3f", s.Name, r.Accuracy, floor)
		}
	}
	if *dumpFile != "" {
		if err := os.WriteFile(*dumpFile, []byte(dump.String()), 0o644); err != nil {
			t.Fatal(err)
		}
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
