package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/sayso-news/sayso"
)

// WalkArticlesForQuotes makes Quotes always walk the articles newest
// first, and DriveQuotesByFilter makes it start from a filter's matches
// whenever it can, so that tests run every plan on small data.
func WalkArticlesForQuotes(s *Store) { s.quotePlans = walkArticles }

// DriveQuotesByFilter: see WalkArticlesForQuotes.
func DriveQuotesByFilter(s *Store) { s.quotePlans = driveByFilter }

// SetProvenanceClock makes s time its provenance step with clock.
func SetProvenanceClock(s *Store, clock func() time.Duration) { s.provClock = clock }

// ProvenanceTimes saves recs in one transaction, as Save does, and
// returns the time each record spent in the provenance indexes.
func ProvenanceTimes(ctx context.Context, s *Store, recs []*sayso.Record) ([]time.Duration, error) {
	out := make([]time.Duration, len(recs))
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	w := &writer{s: s, tx: tx, ctx: ctx, stmts: map[string]*sql.Stmt{}, newSpeakers: map[speakerKey]int64{}}
	defer w.close()
	for i, r := range recs {
		before := w.provTime
		if _, err := w.save(r); err != nil {
			return nil, err
		}
		out[i] = w.provTime - before
	}
	if err := w.flushIndex(); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	s.speakers.addAll(w.newSpeakers)
	return out, nil
}
