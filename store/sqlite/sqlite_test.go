package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/store/sqlite"
	"github.com/sayso-news/sayso/store/storetest"
)

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) sayso.Store {
		s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "sayso.db"))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sayso.db")
	for range 2 {
		s, err := sqlite.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		v, err := s.SchemaVersion(ctx)
		if err != nil || v != 4 {
			t.Errorf("schema version = %d, %v", v, err)
		}
		s.Close()
	}
	if _, err := sqlite.Open(ctx, ""); sayso.ErrorCodeOf(err) != sayso.EINVALID {
		t.Errorf("empty path: %v", err)
	}
	if _, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "missing-dir", "x.db")); sayso.ErrorCodeOf(err) != sayso.EUNAVAILABLE {
		t.Errorf("missing directory: %v", err)
	}
}

// TestSearchWindow checks that a query with more matches than
// SearchWindow ranks the most recently stored ones, and ranks exactly when
// it has fewer.
func TestSearchWindow(t *testing.T) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "sayso.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	n := sqlite.SearchWindow + 100
	var recs []*sayso.Record
	for i := range n {
		title := fmt.Sprintf("Report %d", i)
		if i == 0 {
			title = "Rare0 in the title" // the best match for "rare0", but the oldest
		}
		url := fmt.Sprintf("https://news.example/%d", i)
		recs = append(recs, &sayso.Record{
			Page:   &sayso.Page{URL: url, FinalURL: url, Body: []byte(url)},
			Source: "test", State: sayso.StateArticle,
			Article: &sayso.Article{URL: url, Title: title, ExtractorVersion: "t",
				Blocks: []sayso.Block{{Kind: sayso.BlockParagraph, Text: fmt.Sprintf("The tides report number %d, rare%d.", i, i%7)}}},
		})
	}
	if _, err := s.Save(ctx, recs); err != nil {
		t.Fatal(err)
	}
	hits, err := s.Search(ctx, sayso.SearchQuery{Text: "tides", Limit: 5})
	if err != nil || len(hits) != 5 {
		t.Fatalf("hits = %v, %v", hits, err)
	}
	for _, h := range hits {
		if h.ArticleID <= int64(n-sqlite.SearchWindow) {
			t.Errorf("hit %d (%s) is older than the %d newest matches", h.ArticleID, h.Title, sqlite.SearchWindow)
		}
	}
	// Fewer matches than the window: ranked over all, so the oldest
	// article, whose title matches best, comes first.
	hits, err = s.Search(ctx, sayso.SearchQuery{Text: "rare0", Limit: 5})
	if err != nil || len(hits) == 0 || hits[0].Title != "Rare0 in the title" {
		t.Errorf("exact ranking: %v, %v", hits, err)
	}
}

// BenchmarkSearch times full-text searches on the corpus named by
// $SAYSO_CORPUS (for example one made by scripts/mkcorpus); without it the
// benchmark is skipped.
//
//	go run ./scripts/mkcorpus -db /tmp/corpus.db -n 100000
//	SAYSO_CORPUS=/tmp/corpus.db go test ./store/sqlite -run XXX -bench Search
func BenchmarkSearch(b *testing.B) {
	path := os.Getenv("SAYSO_CORPUS")
	if path == "" {
		b.Skip("set SAYSO_CORPUS to a corpus database (see scripts/mkcorpus)")
	}
	ctx := context.Background()
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for _, q := range []string{"Trump", `"health care"`, "Sanders OR Cruz", "said president", "econom*", "Benghazi"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Search(ctx, sayso.SearchQuery{Text: q}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestProvenanceUpgrade opens a store made before the provenance indexes
// existed: queries ask for a rebuild, and Reindex builds the indexes of
// the articles stored.
func TestProvenanceUpgrade(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sayso.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Save(ctx, storetest.ProvenanceCorpus()); err != nil {
		t.Fatal(err)
	}
	want := storetest.ProvenanceSummary(t, s)
	// Make it a store of the version before: no provenance tables.
	for _, stmt := range []string{`DROP TABLE copy_docs`, `DROP TABLE copy_bands`, `DROP TABLE copy_members`,
		`DROP TABLE copy_clusters`, `DROP TABLE quote_units`, `DROP TABLE quote_grams`, `DROP TABLE trace_state`,
		`DELETE FROM schema_migrations WHERE version = 3`} {
		if _, err := s.DB().ExecContext(ctx, stmt); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()

	s, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Copies(ctx, "1"); sayso.ErrorCodeOf(err) != sayso.ECONFLICT || !strings.Contains(err.Error(), "sayso reindex") {
		t.Fatalf("Copies before reindexing: %v, want ECONFLICT naming sayso reindex", err)
	}
	if _, err := s.QuoteTraces(ctx, 0, 10); sayso.ErrorCodeOf(err) != sayso.ECONFLICT {
		t.Fatalf("QuoteTraces before reindexing: %v, want ECONFLICT", err)
	}
	var calls, last int
	if err := s.Reindex(ctx, func(done, total int) { calls++; last = done }); err != nil {
		t.Fatal(err)
	}
	if calls == 0 || last != 6 {
		t.Errorf("progress: %d calls, last %d; want 6 articles done", calls, last)
	}
	if got := storetest.ProvenanceSummary(t, s); got != want {
		t.Errorf("after reindexing:\n%s\nwant\n%s", got, want)
	}
}
