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

// Bounds of the in-memory speaker names: beyond maxNamesInMemory speakers
// FindSpeakers asks the database instead; the whole list is read again
// every namesReload, so that speakers committed out of id order by
// concurrent PostgreSQL writers are never missed for longer.
const (
	maxNamesInMemory = 1 << 20
	namesReload      = 5 * time.Minute
)

// speakerNames holds every named speaker's name in memory for FindSpeakers:
// a substring look-up over the speakers table (LIKE '%text%') reads every
// row, a third of a search page's time on a large corpus, while a scan
// of the names in memory takes microseconds. Speakers are never deleted or
// renamed, so the list is brought up to date by reading the ids above the
// greatest one it holds.
type speakerNames struct {
	mu     sync.Mutex
	maxID  int64
	loaded time.Time
	names  []speakerName
	// tooMany is set once the speakers outnumber maxNamesInMemory.
	tooMany bool
}

// speakerName is one speaker, its name lower-cased for matching.
type speakerName struct {
	ref   sayso.SpeakerRef
	lower string
}

// find returns up to limit speakers whose lower-cased name contains
// text (lower-cased), shortest names first, after reading the speakers
// stored since the last call; ok is false when there are too many to hold.
func (n *speakerNames) find(ctx context.Context, s *Store, text string, limit int) (out []sayso.SpeakerRef, ok bool, err error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.tooMany {
		return nil, false, nil
	}
	if now := s.now(); now.Sub(n.loaded) > namesReload {
		n.maxID, n.names, n.loaded = 0, n.names[:0], now
	}
	if err := n.update(ctx, s); err != nil {
		return nil, false, err
	}
	if n.tooMany {
		n.names = nil
		return nil, false, nil
	}
	text = strings.ToLower(text)
	var hits []sayso.SpeakerRef
	for _, sn := range n.names {
		if strings.Contains(sn.lower, text) {
			hits = append(hits, sn.ref)
		}
	}
	slices.SortFunc(hits, func(a, b sayso.SpeakerRef) int {
		return cmp.Or(cmp.Compare(len(a.Name), len(b.Name)), strings.Compare(a.Name, b.Name))
	})
	return hits[:min(limit, len(hits))], true, nil
}

// update reads the named speakers with ids above n.maxID.
func (n *speakerNames) update(ctx context.Context, s *Store) error {
	return s.readTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, s.q(`SELECT id, name, type FROM speakers WHERE id > ? ORDER BY id`), n.maxID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var sn speakerName
			var typ string
			if err := rows.Scan(&sn.ref.ID, &sn.ref.Name, &typ); err != nil {
				return err
			}
			n.maxID = sn.ref.ID
			if sn.ref.Name == "" {
				continue
			}
			if len(n.names) >= maxNamesInMemory {
				n.tooMany = true
				return nil
			}
			sn.ref.Type = sayso.SpeakerType(typ)
			sn.lower = strings.ToLower(sn.ref.Name)
			n.names = append(n.names, sn)
		}
		return rows.Err()
	})
}
