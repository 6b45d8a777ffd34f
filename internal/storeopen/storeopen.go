// Package storeopen opens a sayso store by its address: a postgres:// URL
// names a PostgreSQL database, anything else a SQLite file. It is the one
// place the command and the measuring scripts choose the engine.
package storeopen

import (
	"context"

	"github.com/sayso-news/sayso/store"
	"github.com/sayso-news/sayso/store/postgres"
	"github.com/sayso-news/sayso/store/sqlite"
)

// Open opens (and migrates) the store at dsn: PostgreSQL for a
// postgres:// or postgresql:// URL, otherwise the SQLite file at that
// path, created if absent.
func Open(ctx context.Context, dsn string) (*store.Store, error) {
	if postgres.IsURL(dsn) {
		return postgres.Open(ctx, dsn)
	}
	return sqlite.Open(ctx, dsn)
}
