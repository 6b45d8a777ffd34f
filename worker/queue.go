package worker

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"
)

// migrateLockKey is the advisory lock held while River's tables are
// migrated, so that workers starting together migrate once.
const migrateLockKey = 0x736179736f03

// Connect opens a pgx pool on the database at dsn and migrates River's job
// tables to the version this build uses. Errors come from connecting and
// migrating.
func Connect(ctx context.Context, dsn string) (*pgxpool.Pool, error) {
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("job queue: %w", err)
	}
	if err := migrate(ctx, pool); err != nil {
		pool.Close()
		return nil, fmt.Errorf("job queue: %w", err)
	}
	return pool, nil
}

func migrate(ctx context.Context, pool *pgxpool.Pool) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, int64(migrateLockKey)); err != nil {
		return fmt.Errorf("migration lock: %w", err)
	}
	defer conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, int64(migrateLockKey))
	m, err := rivermigrate.New(riverpgxv5.New(pool), nil)
	if err != nil {
		return err
	}
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("migrate River's tables: %w", err)
	}
	return nil
}

// insertBatch is the jobs inserted by one statement.
const insertBatch = 1000

// Inserter adds jobs to the queue without working any.
type Inserter struct {
	client *river.Client[pgx.Tx]
}

// NewInserter returns an Inserter on pool (from Connect).
func NewInserter(pool *pgxpool.Pool) (*Inserter, error) {
	c, err := river.NewClient(riverpgxv5.New(pool), &river.Config{})
	if err != nil {
		return nil, fmt.Errorf("job queue: %w", err)
	}
	return &Inserter{client: c}, nil
}

// Insert adds jobs in batches and returns how many were new (a unique job
// already queued or kept is not added again).
func (in *Inserter) Insert(ctx context.Context, jobs []river.JobArgs) (int, error) {
	return insertMany(ctx, in.client, jobs)
}

func insertMany(ctx context.Context, c *river.Client[pgx.Tx], jobs []river.JobArgs) (int, error) {
	added := 0
	for len(jobs) > 0 {
		n := min(len(jobs), insertBatch)
		params := make([]river.InsertManyParams, n)
		for i, a := range jobs[:n] {
			params[i] = river.InsertManyParams{Args: a}
		}
		res, err := c.InsertMany(ctx, params)
		if err != nil {
			return added, fmt.Errorf("enqueue: %w", err)
		}
		for _, r := range res {
			if !r.UniqueSkippedAsDuplicate {
				added++
			}
		}
		jobs = jobs[n:]
	}
	return added, nil
}
