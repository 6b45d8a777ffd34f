package sqlite_test

import (
	"context"
	"path/filepath"
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
		if err != nil || v != 1 {
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
