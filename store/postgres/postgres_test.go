package postgres_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/store/postgres"
	"github.com/sayso-news/sayso/store/postgres/pgtest"
	"github.com/sayso-news/sayso/store/storetest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// migrated prepares a template database with the store's schema.
func migrated(ctx context.Context, dsn string) error {
	s, err := postgres.Open(ctx, dsn)
	if err != nil {
		return err
	}
	return s.Close()
}

func open(t *testing.T) sayso.Store {
	t.Helper()
	s, err := postgres.Open(context.Background(), pgtest.NewPrepared(t, migrated))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestStore(t *testing.T) {
	storetest.Run(t, open)
}

func TestReopen(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.NewDatabase(t)
	for range 2 {
		s, err := postgres.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		v, err := s.SchemaVersion(ctx)
		if err != nil || v != 6 {
			t.Errorf("schema version = %d, %v", v, err)
		}
		s.Close()
	}
	if _, err := postgres.Open(ctx, ""); sayso.ErrorCodeOf(err) != sayso.EINVALID {
		t.Errorf("empty address: %v", err)
	}
	if _, err := postgres.Open(ctx, "postgres://postgres@127.0.0.1:1/none?sslmode=disable&connect_timeout=2"); sayso.ErrorCodeOf(err) != sayso.EUNAVAILABLE {
		t.Errorf("no server: %v", err)
	}
}

// TestAnalyzeAsItGrows checks that a store refreshes the planner's
// statistics itself once it has saved a thousand records (autovacuum may
// be off, as it is on this project's server).
func TestAnalyzeAsItGrows(t *testing.T) {
	ctx := context.Background()
	s, err := postgres.Open(ctx, pgtest.NewPrepared(t, migrated))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	analyzed := func() bool {
		var n int
		if err := s.DB().QueryRowContext(ctx, `SELECT count(*) FROM pg_stat_user_tables WHERE relname = 'articles' AND last_analyze IS NOT NULL`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n == 1
	}
	for batch := range 11 {
		if batch == 9 && analyzed() {
			t.Fatal("analyzed before 1,000 records were saved")
		}
		var recs []*sayso.Record
		for i := range 100 {
			u := fmt.Sprintf("https://news.example/%d/%d", batch, i)
			// Pages that could not be read: quick to store, and counted.
			recs = append(recs, &sayso.Record{Page: &sayso.Page{URL: u, FinalURL: u, Body: []byte(u)}, Source: "test",
				State: sayso.StateFailed, Error: "unreadable"})
		}
		if _, err := s.Save(ctx, recs); err != nil {
			t.Fatal(err)
		}
	}
	// pg_stat_user_tables is updated by the statistics collector when the
	// analyzing transaction ends: this connection sees it at its next one.
	if !analyzed() {
		t.Error("not analyzed after 1,100 records")
	}
}
