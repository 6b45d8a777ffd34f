package store_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/store"
	"github.com/sayso-news/sayso/store/sqlite"
	"github.com/sayso-news/sayso/store/storetest"
)

// TestQuotePlans runs the behaviour suite with Quotes forced to each of
// its plans, which the suite's small data would not all choose: walking
// the articles newest first, and starting from the rarest filter.
func TestQuotePlans(t *testing.T) {
	for name, force := range map[string]func(*store.Store){
		"walk articles":   store.WalkArticlesForQuotes,
		"drive by filter": store.DriveQuotesByFilter,
	} {
		t.Run(name, func(t *testing.T) {
			storetest.Run(t, func(t *testing.T) sayso.Store {
				s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "sayso.db"))
				if err != nil {
					t.Fatal(err)
				}
				force(s)
				return s
			})
		})
	}
}

// BenchmarkQuotePlans times each plan of a few quote listings on the
// corpus named by $SAYSO_CORPUS (made by scripts/mkcorpus), to check the
// planner's cost estimates; without it the benchmark is skipped.
//
//	SAYSO_CORPUS=/tmp/corpus.db go test ./store -run XXX -bench QuotePlans -benchtime 3x
func BenchmarkQuotePlans(b *testing.B) {
	path := os.Getenv("SAYSO_CORPUS")
	if path == "" {
		b.Skip("set SAYSO_CORPUS to a corpus database (see scripts/mkcorpus)")
	}
	queries := map[string]sayso.QuoteQuery{
		"common word":        {Text: "said"},
		"rare word":          {Text: "Benghazi"},
		"speaker":            {Speaker: "trump"},
		"outlet":             {Outlet: "wash-post-15.example"},
		"outlet+common word": {Outlet: "wash-post-15.example", Text: "the"},
		"speaker+word":       {Speaker: "clinton", Text: "said"},
	}
	for _, plan := range []struct {
		name  string
		force func(*store.Store)
	}{{"cheapest", func(*store.Store) {}}, {"walk", store.WalkArticlesForQuotes}, {"drive", store.DriveQuotesByFilter}} {
		s, err := sqlite.Open(context.Background(), path)
		if err != nil {
			b.Fatal(err)
		}
		plan.force(s)
		for name, q := range queries {
			b.Run(plan.name+"/"+name, func(b *testing.B) {
				for b.Loop() {
					if _, err := s.Quotes(context.Background(), q); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
		s.Close()
	}
}
