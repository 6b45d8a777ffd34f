package postgres_test

import (
	"context"
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
		if err != nil || v != 5 {
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
