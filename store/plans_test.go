package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/store"
	"github.com/sayso-news/sayso/store/sqlite"
	"github.com/sayso-news/sayso/store/storetest"
)

// TestQuotesWalkingArticles runs the behaviour suite with Quotes always
// walking the articles newest first, the plan for filters that match many
// attributions; store/sqlite's run covers the plans driven by a filter.
func TestQuotesWalkingArticles(t *testing.T) {
	storetest.Run(t, func(t *testing.T) sayso.Store {
		s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "sayso.db"))
		if err != nil {
			t.Fatal(err)
		}
		store.SetQuoteScanMin(s, 0)
		return s
	})
}
