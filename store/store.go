package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/sayso-news/sayso"
)

// Store is a sayso.Store over a database/sql handle and a Dialect.
type Store struct {
	db *sql.DB
	d  Dialect
	// now is the clock, injected for tests.
	now func() time.Time
	// speakers caches committed speaker ids.
	speakers speakerCache
	// speakerNames and outletNames hold the names FindSpeakers and
	// FindOutlets look in.
	speakerNames *nameList[speakerName]
	outletNames  *nameList[outletName]
	// commits counts the write transactions this Store committed.
	commits atomic.Int64
	// saved counts the records Save committed, and nextMaintain is the
	// count at which a PeriodicMaintainer dialect's statement runs next.
	saved, nextMaintain atomic.Int64
	// quoteScanMin is DefaultQuoteScanMin.
	quoteScanMin int
	// quotePlans is zero, choosing plans by cost; tests force them.
	quotePlans quotePlanChoice
	// provClock, when set, times the provenance step instead of the wall
	// clock (benchmarks set a thread's CPU time).
	provClock func() time.Duration
}

var _ sayso.Store = (*Store)(nil)

// New returns a Store over db, migrating its schema to the latest version
// first. The Store owns db: Close closes it. Errors come from applying a
// migration.
func New(ctx context.Context, db *sql.DB, d Dialect) (*Store, error) {
	s := &Store{db: db, d: d, now: time.Now, quoteScanMin: DefaultQuoteScanMin,
		speakerNames: newSpeakerNames(), outletNames: newOutletNames()}
	if err := s.migrate(ctx); err != nil {
		return nil, err
	}
	if err := s.initProvenance(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// DB returns the underlying handle, for engine-specific maintenance.
func (s *Store) DB() *sql.DB { return s.db }

// Close runs the dialect's maintenance statement if the store has written,
// then closes the database.
func (s *Store) Close() error {
	if s.commits.Load() > 0 {
		if m := s.d.Maintain(); m != "" {
			if _, err := s.db.Exec(m); err != nil {
				s.db.Close()
				return fmt.Errorf("close: %w", err)
			}
		}
	}
	return s.db.Close()
}

// q rebinds a query for the dialect.
func (s *Store) q(query string) string { return s.d.Rebind(query) }

// migrate applies the dialect's migrations that are not yet recorded in
// schema_migrations, each in its own transaction. An up-to-date database
// is only read, so opening one never waits for another process's writes.
func (s *Store) migrate(ctx context.Context) error {
	applied, err := s.appliedMigrations(ctx)
	if err != nil {
		if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		applied = map[int]bool{}
	}
	names, err := fs.Glob(s.d.Migrations(), "*.sql")
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	sort.Strings(names)
	for _, name := range names {
		num, _, ok := strings.Cut(name, "_")
		version, err := strconv.Atoi(num)
		if !ok || err != nil {
			return fmt.Errorf("migrate: file %s is not named NNNN_name.sql", name)
		}
		if applied[version] {
			continue
		}
		if err := s.applyMigration(ctx, version, name); err != nil {
			return fmt.Errorf("migrate %s: %w", name, err)
		}
	}
	return nil
}

// appliedMigrations returns the recorded migration versions; an error
// means the table does not exist yet.
func (s *Store) appliedMigrations(ctx context.Context) (map[int]bool, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int]bool{}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out[v] = true
	}
	return out, rows.Err()
}

func (s *Store) applyMigration(ctx context.Context, version int, name string) error {
	body, err := fs.ReadFile(s.d.Migrations(), name)
	if err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// Another process may have applied it meanwhile.
	var n int
	if err := tx.QueryRowContext(ctx, s.q(`SELECT count(*) FROM schema_migrations WHERE version = ?`), version).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`),
		version, name, s.now().UnixMilli()); err != nil {
		return err
	}
	return tx.Commit()
}

// SchemaVersion returns the highest applied migration.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&v)
	return int(v.Int64), err
}

// readTx runs fn in a read-only transaction.
func (s *Store) readTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return internal(err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return nil
}

// internal wraps an unexpected database error.
func internal(err error) error {
	if err == nil {
		return nil
	}
	var se *sayso.Error
	if errors.As(err, &se) {
		return err
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return sayso.Errorf(sayso.EUNAVAILABLE, "store: %w", err)
	}
	return sayso.Errorf(sayso.EINTERNAL, "store: %w", err)
}
