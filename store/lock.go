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

// PeriodicMaintainer is implemented by a Dialect whose planner statistics
// must be refreshed by the store as it grows (PostgreSQL, where
// autovacuum may be off or late: without statistics, lookups in the
// provenance indexes were planned as full scans and saving slowed tenfold
// by 10,000 articles). MaintainEvery returns the statement and after how
// many records saved by this process it first runs; it runs again each
// time that count doubles.
type PeriodicMaintainer interface {
	MaintainEvery() (stmt string, first int64)
}

// maintainAfterSave runs the dialect's periodic maintenance when the
// records saved by this Store pass the next threshold.
func (s *Store) maintainAfterSave(ctx context.Context, n int) error {
	m, ok := s.d.(PeriodicMaintainer)
	if !ok {
		return nil
	}
	stmt, first := m.MaintainEvery()
	s.nextMaintain.CompareAndSwap(0, first)
	saved := s.saved.Add(int64(n))
	next := s.nextMaintain.Load()
	// One of the concurrent savers passing the threshold runs it.
	if saved < next || !s.nextMaintain.CompareAndSwap(next, max(2*next, saved+1)) {
		return nil
	}
	if _, err := s.db.ExecContext(ctx, stmt); err != nil {
		return fmt.Errorf("maintain: %w", err)
	}
	return nil
}
