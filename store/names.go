package store

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/sayso-news/sayso"
)

// Bounds of the in-memory name lists: beyond maxNamesInMemory rows the
// look-ups ask the database instead; a list is read whole again every
// namesReload, so that rows committed out of id order by concurrent
// PostgreSQL writers, or renamed by another process, are never missed for
// longer.
const (
	maxNamesInMemory = 1 << 20
	namesReload      = time.Minute
)

// nameList holds the names of a table's rows in memory for look-ups by
// part of a name (FindSpeakers, FindOutlets): LIKE '%text%' reads every
// row, a third of a search page's time on a large corpus, while a scan of
// the names in memory takes microseconds. Rows are never deleted, so the
// list is brought up to date by reading the ids above the greatest it
// holds; a list whose rows can be renamed is read whole again after this
// store saved.
type nameList[T any] struct {
	// query selects the rows with ids above ?, in id order; scan reads
	// one (keep false leaves it out).
	query string
	scan  func(*sql.Rows) (id int64, item T, keep bool, err error)
	// renamed says rows can change after they are stored.
	renamed bool

	mu      sync.Mutex
	maxID   int64
	loaded  time.Time
	commits int64
	items   []T
	tooMany bool
}

// list returns the rows, brought up to date; ok is false when there are
// too many to hold.
func (n *nameList[T]) list(ctx context.Context, s *Store) (items []T, ok bool, err error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.tooMany {
		return nil, false, nil
	}
	now, commits := s.now(), s.commits.Load()
	if now.Sub(n.loaded) > namesReload || n.renamed && commits != n.commits {
		n.maxID, n.items, n.loaded, n.commits = 0, n.items[:0], now, commits
	}
	err = s.readTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, s.q(n.query), n.maxID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			id, item, keep, err := n.scan(rows)
			if err != nil {
				return err
			}
			n.maxID = id
			if !keep {
				continue
			}
			if len(n.items) >= maxNamesInMemory {
				n.tooMany, n.items = true, nil
				return nil
			}
			n.items = append(n.items, item)
		}
		return rows.Err()
	})
	if err != nil || n.tooMany {
		n.maxID, n.items = 0, n.items[:0]
		return nil, false, err
	}
	return n.items, true, nil
}

// speakerName is a named speaker, its name lower-cased for matching.
type speakerName struct {
	ref   sayso.SpeakerRef
	lower string
}

// newSpeakerNames returns the list of named speakers.
func newSpeakerNames() *nameList[speakerName] {
	return &nameList[speakerName]{
		query: `SELECT id, name, type FROM speakers WHERE id > ? ORDER BY id`,
		scan: func(rows *sql.Rows) (int64, speakerName, bool, error) {
			var sn speakerName
			var typ string
			err := rows.Scan(&sn.ref.ID, &sn.ref.Name, &typ)
			sn.ref.Type, sn.lower = sayso.SpeakerType(typ), strings.ToLower(sn.ref.Name)
			return sn.ref.ID, sn, sn.ref.Name != "", err
		},
	}
}

// outletName is an outlet, its host and name lower-cased for matching.
type outletName struct {
	ref              sayso.OutletRef
	lowHost, lowName string
}

// newOutletNames returns the list of outlets, whose names can be learnt
// after they are stored.
func newOutletNames() *nameList[outletName] {
	return &nameList[outletName]{
		query:   `SELECT id, host, name FROM outlets WHERE id > ? ORDER BY id`,
		renamed: true,
		scan: func(rows *sql.Rows) (int64, outletName, bool, error) {
			var id int64
			var on outletName
			err := rows.Scan(&id, &on.ref.Host, &on.ref.Name)
			on.lowHost, on.lowName = strings.ToLower(on.ref.Host), strings.ToLower(on.ref.Name)
			return id, on, true, err
		},
	}
}

// findSpeakers looks text up in the speakers' names in memory: up to
// limit whose name contains it, case-insensitively, shortest names first.
func (s *Store) findSpeakers(ctx context.Context, text string, limit int) ([]sayso.SpeakerRef, bool, error) {
	names, ok, err := s.speakerNames.list(ctx, s)
	if !ok {
		return nil, false, err
	}
	text = strings.ToLower(text)
	var hits []sayso.SpeakerRef
	for _, sn := range names {
		if strings.Contains(sn.lower, text) {
			hits = append(hits, sn.ref)
		}
	}
	slices.SortFunc(hits, func(a, b sayso.SpeakerRef) int {
		return cmp.Or(cmp.Compare(len(a.Name), len(b.Name)), strings.Compare(a.Name, b.Name))
	})
	return hits[:min(limit, len(hits))], true, nil
}

// findOutlets looks text up in the outlets' hosts and names in memory: up
// to limit, shortest hosts first.
func (s *Store) findOutlets(ctx context.Context, text string, limit int) ([]sayso.OutletRef, bool, error) {
	names, ok, err := s.outletNames.list(ctx, s)
	if !ok {
		return nil, false, err
	}
	text = strings.ToLower(text)
	var hits []sayso.OutletRef
	for _, on := range names {
		if strings.Contains(on.lowHost, text) || strings.Contains(on.lowName, text) {
			hits = append(hits, on.ref)
		}
	}
	slices.SortFunc(hits, func(a, b sayso.OutletRef) int {
		return cmp.Or(cmp.Compare(len(a.Host), len(b.Host)), strings.Compare(a.Host, b.Host))
	})
	return hits[:min(limit, len(hits))], true, nil
}
