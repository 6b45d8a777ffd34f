package web_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/sayso-news/sayso/store/sqlite"
	"github.com/sayso-news/sayso/web"
)

// BenchmarkPages times each page kind on the corpus named by
// $SAYSO_CORPUS (made by scripts/mkcorpus), cycling through different
// articles, traces, speakers and words so that no answer repeats;
// without it the benchmark is skipped.
//
//	SAYSO_CORPUS=/tmp/c100k.db go test ./web -run XXX -bench Pages -cpu 1
func BenchmarkPages(b *testing.B) {
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
	srv, err := web.New(web.Config{Corpus: s, Addr: "127.0.0.1:0", Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		b.Fatal(err)
	}
	db := s.DB()
	ids := func(query string) []string {
		rows, err := db.QueryContext(ctx, query)
		if err != nil {
			b.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var v string
			if err := rows.Scan(&v); err != nil {
				b.Fatal(err)
			}
			out = append(out, v)
		}
		return out
	}
	const sample = `(SELECT id FROM articles WHERE id % 997 = 1 LIMIT 100)`
	kinds := []struct {
		name, format string
		vals         []string
	}{
		{"article", "/article/%s", ids(`SELECT id FROM articles WHERE id IN ` + sample)},
		{"quote", "/quote/%s", ids(`SELECT DISTINCT trace FROM quote_units WHERE trace IS NOT NULL AND trace % 997 = 1 LIMIT 100`)},
		{"speaker", "/speaker/%s", ids(`SELECT speaker_id FROM attributions WHERE id % 997 = 3 AND speaker_id IS NOT NULL LIMIT 100`)},
		{"search", "/search?q=%s", []string{"president", "senate", "campaign", "border", "police", "economy", "court", "water", "trade", "health"}},
	}
	for _, k := range kinds {
		if len(k.vals) == 0 {
			b.Fatalf("no %s to ask for", k.name)
		}
		b.Run(k.name, func(b *testing.B) {
			i := 0
			for b.Loop() {
				rec := httptest.NewRecorder()
				srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, fmt.Sprintf(k.format, k.vals[i%len(k.vals)]), nil))
				if rec.Code != http.StatusOK {
					b.Fatalf("%s: status %d", k.name, rec.Code)
				}
				i++
			}
		})
	}
}
