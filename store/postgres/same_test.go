package postgres_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/store/sqlite"
	"github.com/sayso-news/sayso/store/storetest"
)

// TestSameAsSQLite stores one corpus in both engines: the same search
// hits, quotes, copy clusters and quote traces.
func TestSameAsSQLite(t *testing.T) {
	pg := open(t)
	defer pg.Close()
	lite, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "sayso.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	want := storetest.Describe(t, lite)
	got := storetest.Describe(t, pg)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("PostgreSQL differs from SQLite (-sqlite +postgres):\n%s", diff)
	}
	// The description is not empty: every search but one finds something,
	// and there are clusters and traces.
	if strings.Count(want, ": 0 hits") != 1 || !strings.Contains(want, "cluster ") || !strings.Contains(want, "trace ") {
		t.Errorf("description:\n%s", want)
	}
}

// TestLanguageStemming checks that an article is searched in its
// language's configuration: "strikes" finds the English articles printing
// "strike", and not an article in a language PostgreSQL does not stem.
func TestLanguageStemming(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	defer s.Close()
	recs := storetest.DescribeCorpus()[:2]
	recs[1].Article.Language = "xx"
	if _, err := s.Save(ctx, recs); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		query string
		want  int
	}{{"strikes", 1}, {"strike", 2}, {"walked", 2}, {"walking", 1}, {"commuter", 1}} {
		hits, err := s.Search(ctx, sayso.SearchQuery{Text: tt.query})
		if err != nil || len(hits) != tt.want {
			t.Errorf("Search(%q) = %d hits, %v; want %d", tt.query, len(hits), err, tt.want)
		}
	}
}
