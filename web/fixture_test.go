package web_test

import (
	"context"
	"log/slog"
	"path/filepath"
	"sync"
	"testing"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/attrib"
	"github.com/sayso-news/sayso/extract"
	"github.com/sayso-news/sayso/internal/democorpus"
	"github.com/sayso-news/sayso/store"
	"github.com/sayso-news/sayso/store/sqlite"
	"github.com/sayso-news/sayso/web"
)

// demo is the sample corpus, built once for all tests in a real SQLite
// file with the real extractor and attribution model.
type demo struct {
	store    *store.Store
	analyzer *attrib.Analyzer
	results  []sayso.SaveResult
	// wire is the wire story, copy its syndicated copy, trace the id of
	// the mayor's travelling quote.
	wire, copy, trace int64
}

var (
	demoOnce sync.Once
	demoData *demo
	demoErr  error
	demoDir  string
)

// demoCorpus returns the shared sample corpus.
func demoCorpus(t *testing.T) *demo {
	t.Helper()
	demoOnce.Do(func() {
		ctx := context.Background()
		an, err := attrib.New()
		if err != nil {
			demoErr = err
			return
		}
		s, err := sqlite.Open(ctx, filepath.Join(demoDir, "demo.db"))
		if err != nil {
			demoErr = err
			return
		}
		res, err := democorpus.Build(ctx, s, extract.FromPage, an.Analyze, sayso.Version)
		if err != nil {
			demoErr = err
			return
		}
		ts, err := s.TraceQuote(ctx, "We will not let a single family drink from that river", 1)
		if err != nil || len(ts) == 0 {
			demoErr = err
			if err == nil {
				demoErr = sayso.Errorf(sayso.ENOTFOUND, "the mayor's quote has no trace")
			}
			return
		}
		demoData = &demo{store: s, analyzer: an, results: res, wire: res[1].ArticleID, copy: res[2].ArticleID, trace: ts[0].ID}
	})
	if demoErr != nil {
		t.Fatalf("demo corpus: %v", demoErr)
	}
	return demoData
}

// newServer returns a server over the demo corpus with cfg's other fields.
func newServer(t *testing.T, cfg web.Config) *web.Server {
	t.Helper()
	d := demoCorpus(t)
	cfg.Corpus = d.store
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1:0"
	}
	cfg.Extract = extract.FromPage
	cfg.Analyze = d.analyzer.Analyze
	srv, err := web.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return srv
}

// freshServer returns a server over a new, empty store of its own, for
// tests that write.
func freshServer(t *testing.T, cfg web.Config) (*web.Server, *store.Store) {
	t.Helper()
	d := demoCorpus(t)
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "fresh.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	cfg.Corpus = s
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1:0"
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	cfg.Extract = extract.FromPage
	cfg.Analyze = d.analyzer.Analyze
	srv, err := web.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return srv, s
}
