package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/trace"
)

// reindexBatch is the number of articles indexed per transaction.
const reindexBatch = 200

// provenanceTables are the tables of the provenance indexes.
var provenanceTables = []string{"copy_docs", "copy_bands", "copy_members", "copy_clusters", "quote_units", "quote_grams"}

// Reindex implements sayso.Store: it empties the provenance indexes and
// builds them again from the stored articles, in id order, a batch per
// transaction, calling progress (when not nil) after each. Until it ends,
// provenance queries say the indexes are being rebuilt; an interrupted
// rebuild is started over by the next. When a migration changed how the
// full-text index reads text, the articles' rows in it are made again too.
func (s *Store) Reindex(ctx context.Context, progress func(done, total int)) error {
	var total int
	var textStale bool
	err := s.writeTx(ctx, func(w *writer) error {
		var n int
		if err := w.tx.QueryRowContext(ctx, s.q(`SELECT count(*) FROM trace_state WHERE key = ?`), textStaleKey).Scan(&n); err != nil {
			return err
		}
		textStale = n > 0
		for _, t := range provenanceTables {
			if err := w.exec(`DELETE FROM ` + t); err != nil {
				return err
			}
		}
		if err := w.setState(traceStaleKey, "a rebuild was started and has not finished"); err != nil {
			return err
		}
		if err := w.setState(traceVersionKey, strconv.Itoa(trace.Version)); err != nil {
			return err
		}
		return w.tx.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&total)
	})
	if err != nil {
		return internal(fmt.Errorf("reindex: %w", err))
	}
	done := 0
	after := int64(0)
	for {
		var n int
		err := s.writeTx(ctx, func(w *writer) error {
			ids, err := listIDs(ctx, w.tx, s.q(`SELECT id FROM articles WHERE id > ? ORDER BY id LIMIT ?`), after, reindexBatch)
			if err != nil {
				return err
			}
			for _, id := range ids {
				text, attrs, err := w.indexInput(id)
				if err != nil {
					return err
				}
				if err := w.indexProvenance(id, text, attrs); err != nil {
					return fmt.Errorf("article %d: %w", id, err)
				}
				if textStale {
					if err := w.reindexText(id, text); err != nil {
						return fmt.Errorf("article %d: full-text index: %w", id, err)
					}
				}
				after = id
			}
			n = len(ids)
			return nil
		})
		if err != nil {
			return internal(fmt.Errorf("reindex after article %d: %w", after, err))
		}
		if n == 0 {
			break
		}
		done += n
		if progress != nil {
			progress(done, total)
		}
	}
	err = s.writeTx(ctx, func(w *writer) error {
		if err := w.reindexIdentities(); err != nil {
			return fmt.Errorf("speaker identities: %w", err)
		}
		return w.exec(`DELETE FROM trace_state WHERE key IN (?, ?)`, traceStaleKey, textStaleKey)
	})
	if err != nil {
		return internal(fmt.Errorf("reindex: %w", err))
	}
	return nil
}

// writeTx runs fn in a write transaction with a writer.
func (s *Store) writeTx(ctx context.Context, fn func(*writer) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := s.lockWrites(ctx, tx); err != nil {
		return err
	}
	w := &writer{s: s, tx: tx, ctx: ctx, stmts: map[string]*sql.Stmt{}, newSpeakers: map[speakerKey]int64{}}
	defer w.close()
	if err := fn(w); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	s.speakers.addAll(w.newSpeakers)
	s.commits.Add(1)
	return nil
}

// setState records a key of trace_state.
func (w *writer) setState(key, value string) error {
	return w.exec(`INSERT INTO trace_state (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
}

// indexInput reads what indexing a stored article needs: its text and
// its attributions' kinds, content spans and speakers, as Save had them.
func (w *writer) indexInput(id int64) (string, []sayso.Attribution, error) {
	text, err := w.text(id)
	if err != nil {
		return "", nil, err
	}
	lo, hi := attributionRange(id, id)
	rows, err := w.tx.QueryContext(w.ctx, w.s.q(`SELECT t.kind, s.name, coalesce(s.type, t.speaker_type), t.role,
		t.resolution, t.content_spans FROM attributions t LEFT JOIN speakers s ON s.id = t.speaker_id
		WHERE t.id BETWEEN ? AND ? ORDER BY t.id`), lo, hi)
	if err != nil {
		return "", nil, err
	}
	defer rows.Close()
	var attrs []sayso.Attribution
	for rows.Next() {
		var kind, spans string
		var name, typ, role, resolution sql.NullString
		if err := rows.Scan(&kind, &name, &typ, &role, &resolution, &spans); err != nil {
			return "", nil, err
		}
		a := sayso.Attribution{Kind: sayso.AttributionKind(kind)}
		if name.Valid || typ.Valid || role.Valid || resolution.Valid {
			a.Speaker = &sayso.Speaker{Name: name.String, Type: sayso.SpeakerType(typ.String),
				Resolution: sayso.Resolution(resolution.String)}
		}
		if a.Content.Spans, err = decodeSpans(spans); err != nil {
			return "", nil, fmt.Errorf("article %d attribution: %w", id, err)
		}
		attrs = append(attrs, a)
	}
	return text, attrs, rows.Err()
}

// reindexText replaces the full-text index rows of article id, whose text
// is given, and of its attributions.
func (w *writer) reindexText(id int64, text string) error {
	var title string
	if err := w.tx.QueryRowContext(w.ctx, w.s.q(`SELECT title FROM articles WHERE id = ?`), id).Scan(&title); err != nil {
		return err
	}
	if err := w.exec(w.s.d.UnindexArticle(), id); err != nil {
		return err
	}
	if err := w.exec(w.s.d.IndexArticle(), id, title, text); err != nil {
		return err
	}
	lo, hi := attributionRange(id, id)
	rows, err := w.tx.QueryContext(w.ctx, w.s.q(`SELECT id, content_spans, content_text FROM attributions
		WHERE id BETWEEN ? AND ? ORDER BY id`), lo, hi)
	if err != nil {
		return err
	}
	rt := newRuneText(text)
	type quote struct {
		id      int64
		content string
	}
	var quotes []quote
	for rows.Next() {
		var q quote
		var spans string
		var ctext *string
		if err := rows.Scan(&q.id, &spans, &ctext); err != nil {
			rows.Close()
			return err
		}
		seg, err := segmentFrom(rt, &spans, ctext)
		if err != nil {
			rows.Close()
			return fmt.Errorf("attribution %d: %w", q.id, err)
		}
		q.content = seg.Text
		quotes = append(quotes, q)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, q := range quotes {
		if err := w.exec(w.s.d.UnindexQuote(), q.id, q.content); err != nil {
			return err
		}
		if err := w.exec(w.s.d.IndexQuote(), q.id, q.content); err != nil {
			return err
		}
	}
	return nil
}
