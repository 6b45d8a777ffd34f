package store

import (
	"context"
	"database/sql"
	"fmt"
)

// WriteLocker is implemented by a Dialect whose write transactions run
// side by side (PostgreSQL): LockWrites is a statement, run first in every
// write transaction, that waits until no other writer holds the lock and
// holds it until the transaction ends. Writers are serialised so that the
// provenance indexes (a new article's copies and quotes are looked up in
// them, then merged in) and the duplicate checks by address see every
// article committed before, whichever process stored it. SQLite, which has
// one writer at a time, needs none.
type WriteLocker interface {
	LockWrites() string
}

// lockWrites runs the dialect's LockWrites statement in tx, if it has one.
func (s *Store) lockWrites(ctx context.Context, tx *sql.Tx) error {
	l, ok := s.d.(WriteLocker)
	if !ok {
		return nil
	}
	if _, err := tx.ExecContext(ctx, l.LockWrites()); err != nil {
		return fmt.Errorf("lock writes: %w", err)
	}
	return nil
}
