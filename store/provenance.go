package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/trace"
)

// The provenance indexes (copy clusters and quote traces, built by package
// trace) are kept by Save in the same transaction as the article: a new
// article's candidates are looked up, checked and merged into clusters and
// traces; a replaced one is taken out first and what it joined is split
// again if need be. Clusters and traces are the connected components of
// symmetric relations between articles and between quotes, and each
// cluster's original is chosen from all its members, so the indexes
// depend only on the set of articles stored, never on their order.
//
// Concurrent writers must not index at once: SQLite has one writer; an
// engine whose transactions run side by side must serialise Save's
// provenance step (an advisory lock) or two copies saved at the same
// moment would miss each other.

// maxInList bounds the values of one IN list.
const maxInList = 512

// inList returns the placeholders of an IN list for vals and its
// arguments, padded to a power of two with the last value (which changes
// nothing in an IN list) so that few statement shapes are prepared.
func inList[T any](vals []T) (string, []any) {
	n := 1
	for n < len(vals) {
		n *= 2
	}
	args := make([]any, n)
	for i := range n {
		args[i] = vals[min(i, len(vals)-1)]
	}
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", "), args
}

// chunks calls fn with consecutive pieces of vals of at most maxInList.
func chunks[T any](vals []T, fn func([]T) error) error {
	for len(vals) > 0 {
		n := min(len(vals), maxInList)
		if err := fn(vals[:n]); err != nil {
			return err
		}
		vals = vals[n:]
	}
	return nil
}

// eachRow runs a query whose IN list is written "(%s)" over vals, in
// chunks, calling scan on every row. rebind rewrites the placeholders
// for the engine.
func eachRow[T any](ctx context.Context, q queryer, rebind func(string) string, query string, vals []T, scan func(*sql.Rows) error) error {
	return chunks(vals, func(part []T) error {
		list, args := inList(part)
		rows, err := q.QueryContext(ctx, rebind(fmt.Sprintf(query, list)), args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			if err := scan(rows); err != nil {
				return err
			}
		}
		return rows.Err()
	})
}

// queryIDs runs a query returning one integer column with an IN list of
// vals (written "(%s)" in query), in chunks; the rows of all chunks are
// returned.
func queryIDs[T any](ctx context.Context, q queryer, rebind func(string) string, query string, vals []T) ([]int64, error) {
	var out []int64
	err := eachRow(ctx, q, rebind, query, vals, func(rows *sql.Rows) error {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		out = append(out, id)
		return nil
	})
	return out, err
}

// listIDs runs a query returning one integer column.
func listIDs(ctx context.Context, q queryer, query string, args ...any) ([]int64, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// queryer is a transaction or a database: what runs queries.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// QueryContext runs a query in the writer's transaction, prepared once
// per transaction: the writer is a queryer whose repeated look-ups are not
// parsed again each time.
func (w *writer) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := w.stmt(query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// processStart anchors sinceStart.
var processStart = time.Now()

// sinceStart is the wall clock the provenance step is timed with, unless
// a benchmark sets Store.provClock (to a thread's CPU time).
func sinceStart() time.Duration { return time.Since(processStart) }

// provCacheMax bounds the texts and shingle sets a Save keeps in memory.
const provCacheMax = 512

// provCache keeps, within one transaction, the article texts and
// shingle sets already read.
type provCache struct {
	texts    map[int64]string
	shingles map[int64][]uint64
}

// text returns an article's body text, reading it once per transaction.
func (w *writer) text(id int64) (string, error) {
	if t, ok := w.prov.texts[id]; ok {
		return t, nil
	}
	st, err := w.stmt(`SELECT text FROM articles WHERE id = ?`)
	if err != nil {
		return "", err
	}
	var blob []byte
	if err := st.QueryRowContext(w.ctx, id).Scan(&blob); err != nil {
		return "", fmt.Errorf("article %d text: %w", id, err)
	}
	text, err := decompressText(blob)
	if err != nil {
		return "", fmt.Errorf("article %d text: %w", id, err)
	}
	w.remember(id, text)
	return text, nil
}

// remember caches an article's text.
func (w *writer) remember(id int64, text string) {
	if w.prov.texts == nil || len(w.prov.texts) >= provCacheMax {
		w.prov.texts = map[int64]string{}
		w.prov.shingles = map[int64][]uint64{}
	}
	w.prov.texts[id] = text
}

// forget drops an article from the cache (its text is being replaced).
func (w *writer) forget(id int64) {
	delete(w.prov.texts, id)
	delete(w.prov.shingles, id)
}

// shingles returns an article's shingle set, computed once per transaction.
func (w *writer) shingles(id int64) ([]uint64, error) {
	if sh, ok := w.prov.shingles[id]; ok {
		return sh, nil
	}
	t, err := w.text(id)
	if err != nil {
		return nil, err
	}
	sh := trace.Shingles(t)
	w.prov.shingles[id] = sh
	return sh, nil
}

// indexProvenance adds a newly stored article to the copy and quote
// indexes. attrs are its attributions as stored.
func (w *writer) indexProvenance(id int64, text string, attrs []sayso.Attribution) error {
	clock := w.s.provClock
	if clock == nil {
		clock = sinceStart
	}
	start := clock()
	defer func() { w.provTime += clock() - start }()
	w.remember(id, text)
	if err := w.indexCopies(id); err != nil {
		return fmt.Errorf("copy index: %w", err)
	}
	if err := w.indexQuotes(id, text, attrs); err != nil {
		return fmt.Errorf("quote index: %w", err)
	}
	return nil
}

// unindexProvenance takes an article whose text was text out of the copy
// and quote indexes, splitting what it held together.
func (w *writer) unindexProvenance(id int64, text string) error {
	if err := w.unindexCopies(id); err != nil {
		return fmt.Errorf("copy index: %w", err)
	}
	if err := w.unindexQuotes(id, text); err != nil {
		return fmt.Errorf("quote index: %w", err)
	}
	w.forget(id)
	return nil
}

// Keys of trace_state.
const (
	traceVersionKey = "version"
	traceStaleKey   = "stale"
	// textStaleKey is present while articles are stored whose full-text
	// index rows were made by an older form of the index (a migration
	// sets it); Reindex indexes their text again.
	textStaleKey = "text_stale"
)

// initProvenance records the index version in a store that has none yet
// (a new one). A store whose indexes are stale or of another version is
// left for Reindex; queries say so.
func (s *Store) initProvenance(ctx context.Context) error {
	var v string
	err := s.db.QueryRowContext(ctx, s.q(`SELECT value FROM trace_state WHERE key = ?`), traceVersionKey).Scan(&v)
	if err == nil {
		return nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("provenance state: %w", err)
	}
	_, err = s.db.ExecContext(ctx, s.q(`INSERT INTO trace_state (key, value) SELECT ?, ?
		WHERE NOT EXISTS (SELECT 1 FROM trace_state)`), traceVersionKey, strconv.Itoa(trace.Version))
	if err != nil {
		return fmt.Errorf("provenance state: %w", err)
	}
	return nil
}

// provenanceReady returns an ECONFLICT error when the provenance indexes
// do not cover the stored articles: stored before the indexes existed,
// built by another version of sayso, or a rebuild left unfinished.
func (s *Store) provenanceReady(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT key, value FROM trace_state`)
	if err != nil {
		return err
	}
	defer rows.Close()
	state := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return err
		}
		state[k] = v
	}
	if err := rows.Err(); err != nil {
		return err
	}
	switch {
	case state[traceStaleKey] != "":
		return sayso.Errorf(sayso.ECONFLICT, "the provenance indexes are not built (%s): run \"sayso reindex\"", state[traceStaleKey])
	case state[traceVersionKey] != strconv.Itoa(trace.Version):
		return sayso.Errorf(sayso.ECONFLICT, "the provenance indexes were built by another version of sayso (index version %q, this one %d): run \"sayso reindex\"",
			state[traceVersionKey], trace.Version)
	}
	return nil
}

// provenanceRef returns the id of the article ref names (see articleRef),
// once the provenance indexes are known to cover the store.
func (s *Store) provenanceRef(ctx context.Context, tx *sql.Tx, ref string) (int64, error) {
	id, err := s.articleRef(ctx, tx, ref)
	if err != nil {
		return 0, err
	}
	return id, s.provenanceReady(ctx, tx)
}
