package web_test

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/extract"
	"github.com/sayso-news/sayso/internal/democorpus"
	"github.com/sayso-news/sayso/store/postgres"
	"github.com/sayso-news/sayso/store/postgres/pgtest"
	"github.com/sayso-news/sayso/web"
)

// TestPagesOnPostgres serves the demo corpus from a PostgreSQL store
// (when $SAYSO_TEST_POSTGRES names a server): every page and API answer
// works on both engines.
func TestPagesOnPostgres(t *testing.T) {
	dsn := pgtest.NewDatabase(t)
	d := demoCorpus(t)
	ctx := context.Background()
	s, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err := democorpus.Build(ctx, s, extract.FromPage, d.analyzer.Analyze, sayso.Version)
	if err != nil {
		t.Fatal(err)
	}
	ts, err := s.TraceQuote(ctx, "We will not let a single family drink from that river", 1)
	if err != nil || len(ts) == 0 {
		t.Fatalf("trace of the mayor's quote: %v", err)
	}
	sp, err := s.FindSpeakers(ctx, "okafor", 1)
	if err != nil || len(sp) == 0 {
		t.Fatalf("speaker Okafor: %v", err)
	}
	srv, err := web.New(web.Config{Corpus: s, Addr: "127.0.0.1:0", Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		"/":                              "12 articles",
		"/search?q=Okafor":               "Ines Okafor",
		"/search?q=river&sort=relevance": "Marrowby",
		"/search?speaker=Varga&outlet=northwire.example":                 "Tomas Varga",
		fmt.Sprintf("/article/%d", res[1].ArticleID):                     "Trace this quote",
		fmt.Sprintf("/quote/%d", ts[0].ID):                               "variant altered",
		fmt.Sprintf("/speaker/%d", sp[0].ID):                             "Statements over time",
		"/outlet/dailyledger.example":                                    "Copies from: <a",
		"/api/v1/export/quotes?speaker=Okafor&format=csv":                "Ines Okafor",
		fmt.Sprintf("/api/v1/articles/%d/annotations", res[1].ArticleID): "TextPositionSelector",
	} {
		r, body := get(t, srv, path)
		if r.StatusCode != 200 || !strings.Contains(body, want) {
			t.Errorf("%s: status %d, want %q in:\n%.1000s", path, r.StatusCode, want, body)
		}
	}
}
