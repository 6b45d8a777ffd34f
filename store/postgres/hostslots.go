package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// HostSlots spaces requests to each host across every process sharing the
// database (table host_slots): a request reserves the host's next free
// slot, at least an interval after the previous one, by the database's
// clock, so that workers on several machines stay as polite together as
// one process is alone.
type HostSlots struct {
	db *sql.DB
}

// NewHostSlots returns the slots kept in the database db (a store opened
// by Open: its DB method).
func NewHostSlots(db *sql.DB) *HostSlots { return &HostSlots{db: db} }

// reserveSlot moves the host's next slot an interval past the later of
// now and the slot, unless the slot is further away than the longest
// wait, and returns how long to wait for the reserved slot (no row when
// none was reserved).
const reserveSlot = `WITH now AS (SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint AS ms)
	INSERT INTO host_slots AS h (host, next_at) SELECT $1, ms + $2 FROM now
	ON CONFLICT (host) DO UPDATE SET next_at = greatest(h.next_at, (SELECT ms FROM now)) + $2
		WHERE h.next_at <= (SELECT ms FROM now) + $3
	RETURNING greatest(h.next_at - $2 - (SELECT ms FROM now), 0)`

// Reserve reserves the next request slot for host, interval after the one
// before, and returns how long to wait before making the request. When
// the slot would be more than maxWait away, nothing is reserved and ok is
// false: the caller should come back later (a job is snoozed) rather than
// hold a worker. Errors come from the database.
func (h *HostSlots) Reserve(ctx context.Context, host string, interval, maxWait time.Duration) (wait time.Duration, ok bool, err error) {
	var ms int64
	err = h.db.QueryRowContext(ctx, reserveSlot, host, interval.Milliseconds(), maxWait.Milliseconds()).Scan(&ms)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("reserve a request slot for %s: %w", host, err)
	}
	return time.Duration(ms) * time.Millisecond, true, nil
}
