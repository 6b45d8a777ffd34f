package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/sayso-news/sayso"
)

// copyTables are the tables Copy copies, each after the tables it
// references. The full-text indexes are not among them: their form is the
// engine's own, so Copy builds the destination's from the copied articles
// as Save would.
var copyTables = []string{
	"outlets", "pages", "raw_pages", "urls", "articles", "blocks", "links", "credits",
	"speakers", "speaker_identities", "attributions", "mentions", "claims", "cited_works", "feeds",
	"copy_docs", "copy_bands", "copy_members", "copy_clusters", "quote_units", "quote_grams",
	"trace_state",
}

// copyStateTable is the one table of copyTables that a new store already
// fills (with the version of the provenance indexes): Copy replaces its
// rows with the source's.
const copyStateTable = "trace_state"

// copyIndexChunk is how many articles the full-text step reads and indexes
// at a time.
const copyIndexChunk = 256

// copyLogEvery is how often Copy logs its progress within a table.
const copyLogEvery = 10 * time.Second

// BulkLoader is implemented by a Dialect whose engine loads many rows
// faster through a protocol of its own than through INSERT statements
// (PostgreSQL's COPY). Copy uses it when it is the destination's dialect.
// Each method runs on conn, inside the transaction open on it.
type BulkLoader interface {
	// LoadRows inserts the rows that next returns, until it returns a nil
	// row, into table's columns, and returns how many it inserted.
	LoadRows(ctx context.Context, conn *sql.Conn, table string, cols []string, next func() ([]any, error)) (int64, error)
	// LoadArticleIndex adds articles, rows of (id, title, text), to the
	// full-text index, as IndexArticle does one at a time.
	LoadArticleIndex(ctx context.Context, conn *sql.Conn, rows [][]any) error
	// LoadQuoteIndex adds attributions, rows of (id, content), to the quote
	// index, as IndexQuote does one at a time.
	LoadQuoteIndex(ctx context.Context, conn *sql.Conn, rows [][]any) error
	// AfterLoad runs once every row of tables is in: for instance to move
	// the engine's id sequences past the copied ids.
	AfterLoad(ctx context.Context, conn *sql.Conn, tables []string) error
}

// CopiedTable is how many rows Copy copied into one table.
type CopiedTable struct {
	Table string
	Rows  int64
}

// Copy copies the corpus in src into dst, which must hold no pages,
// articles, speakers, feeds or provenance rows (a store just created):
// every table's rows as stored, so that page, article, speaker and quote
// ids, the provenance indexes, copy clusters and quote traces are the same
// in both, and then dst's full-text indexes, built from the copied
// articles as Save builds them. This moves a corpus between engines (a
// SQLite file into PostgreSQL when one machine no longer suffices) without
// analysing or tracing anything again.
//
// src is read in one read-only transaction (a consistent snapshot, even
// while other processes write to it) and dst written in one transaction,
// so a copy that fails or whose ctx is cancelled leaves dst empty. Rows
// are streamed: memory does not grow with the corpus. Progress is logged
// to log at Info level. Errors: ECONFLICT when dst is not empty,
// EUNAVAILABLE when ctx ends, EINTERNAL for database errors.
func Copy(ctx context.Context, dst, src *Store, log *slog.Logger) ([]CopiedTable, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	var copied []CopiedTable
	err := src.readTx(ctx, func(stx *sql.Tx) error {
		var err error
		copied, err = dst.load(ctx, src, stx, log)
		return err
	})
	if err != nil {
		return nil, internal(fmt.Errorf("copy: %w", err))
	}
	dst.commits.Add(1)
	if m, ok := dst.d.(PeriodicMaintainer); ok {
		stmt, _ := m.MaintainEvery()
		if _, err := dst.db.ExecContext(ctx, stmt); err != nil {
			return nil, internal(fmt.Errorf("copy: %w", err))
		}
	}
	return copied, nil
}

// load writes the tables read through stx into s, in one transaction.
func (s *Store) load(ctx context.Context, src *Store, stx *sql.Tx, log *slog.Logger) ([]CopiedTable, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	if err := s.lockWrites(ctx, tx); err != nil {
		return nil, err
	}
	for _, t := range copyTables {
		if t == copyStateTable {
			continue
		}
		var one int
		err := tx.QueryRowContext(ctx, `SELECT 1 FROM `+t+` LIMIT 1`).Scan(&one)
		if err == nil {
			return nil, sayso.Errorf(sayso.ECONFLICT, "the destination is not empty (table %s has rows)", t)
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("check %s: %w", t, err)
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM `+copyStateTable); err != nil {
		return nil, fmt.Errorf("clear %s: %w", copyStateTable, err)
	}
	bulk, _ := s.d.(BulkLoader)
	w := &writer{s: s, tx: tx, ctx: ctx, stmts: map[string]*sql.Stmt{}}
	defer w.close()
	var copied []CopiedTable
	for _, t := range copyTables {
		start := time.Now()
		n, err := s.loadTable(ctx, conn, w, bulk, stx, t, log)
		if err != nil {
			return nil, fmt.Errorf("copy %s: %w", t, err)
		}
		log.Info("copied", "table", t, "rows", n, "took", time.Since(start).Round(time.Millisecond))
		copied = append(copied, CopiedTable{Table: t, Rows: n})
	}
	// The destination's full-text index is made now, whatever the
	// source's state.
	if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM `+copyStateTable+` WHERE key = ?`), textStaleKey); err != nil {
		return nil, fmt.Errorf("copy %s: %w", copyStateTable, err)
	}
	start := time.Now()
	if err := s.loadIndexes(ctx, conn, w, bulk, src, stx, log); err != nil {
		return nil, fmt.Errorf("copy: full-text index: %w", err)
	}
	log.Info("indexed", "took", time.Since(start).Round(time.Millisecond))
	if bulk != nil {
		if err := bulk.AfterLoad(ctx, conn, copyTables); err != nil {
			return nil, fmt.Errorf("copy: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("commit: %w", err)
	}
	return copied, nil
}

// loadTable streams table's rows from stx into s and returns how many.
func (s *Store) loadTable(ctx context.Context, conn *sql.Conn, w *writer, bulk BulkLoader, stx *sql.Tx, table string, log *slog.Logger) (int64, error) {
	rows, err := stx.QueryContext(ctx, `SELECT * FROM `+table)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return 0, err
	}
	var n int64
	last := time.Now()
	next := func() ([]any, error) {
		if !rows.Next() {
			return nil, rows.Err()
		}
		row := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range row {
			ptrs[i] = &row[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		n++
		if now := time.Now(); now.Sub(last) >= copyLogEvery {
			last = now
			log.Info("copying", "table", table, "rows", n)
		}
		return row, nil
	}
	if bulk != nil {
		if _, err := bulk.LoadRows(ctx, conn, table, cols, next); err != nil {
			return n, err
		}
		return n, rows.Close()
	}
	quoted := make([]string, len(cols))
	for i, c := range cols {
		quoted[i] = `"` + c + `"`
	}
	batch := make([][]any, 0, maxRowsPerInsert)
	for {
		row, err := next()
		if err != nil {
			return n, err
		}
		if row != nil {
			batch = append(batch, row)
		}
		if len(batch) == maxRowsPerInsert || (row == nil && len(batch) > 0) {
			if err := w.insertRows(table, quoted, batch); err != nil {
				return n, err
			}
			batch = batch[:0]
		}
		if row == nil {
			return n, rows.Close()
		}
	}
}

// loadIndexes builds s's full-text indexes from the articles and
// attributions of src read through stx, copyIndexChunk articles at a time.
func (s *Store) loadIndexes(ctx context.Context, conn *sql.Conn, w *writer, bulk BulkLoader, src *Store, stx *sql.Tx, log *slog.Logger) error {
	var after int64 = -1
	var done int
	last := time.Now()
	for {
		arts, texts, err := src.indexChunk(ctx, stx, after)
		if err != nil {
			return err
		}
		if len(arts) == 0 {
			return nil
		}
		first := arts[0][0].(int64)
		after = arts[len(arts)-1][0].(int64)
		quotes, err := src.quoteContents(ctx, stx, first, after, texts)
		if err != nil {
			return err
		}
		if bulk != nil {
			if err := bulk.LoadArticleIndex(ctx, conn, arts); err != nil {
				return err
			}
			if err := bulk.LoadQuoteIndex(ctx, conn, quotes); err != nil {
				return err
			}
		} else {
			for _, a := range arts {
				if err := w.exec(s.d.IndexArticle(), a...); err != nil {
					return err
				}
			}
			for _, q := range quotes {
				if err := w.exec(s.d.IndexQuote(), q...); err != nil {
					return err
				}
			}
		}
		done += len(arts)
		if now := time.Now(); now.Sub(last) >= copyLogEvery {
			last = now
			log.Info("indexing", "articles", done)
		}
	}
}

// indexChunk reads the next copyIndexChunk articles after id after: rows
// of (id, title, text) and their texts by id.
func (s *Store) indexChunk(ctx context.Context, stx *sql.Tx, after int64) ([][]any, map[int64]runeText, error) {
	rows, err := stx.QueryContext(ctx, s.q(`SELECT id, title, text FROM articles WHERE id > ? ORDER BY id LIMIT ?`), after, copyIndexChunk)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var arts [][]any
	texts := map[int64]runeText{}
	for rows.Next() {
		var id int64
		var title string
		var blob []byte
		if err := rows.Scan(&id, &title, &blob); err != nil {
			return nil, nil, err
		}
		text, err := decompress(blob)
		if err != nil {
			return nil, nil, fmt.Errorf("article %d: %w", id, err)
		}
		arts = append(arts, []any{id, title, string(text)})
		texts[id] = newRuneText(string(text))
	}
	return arts, texts, rows.Err()
}

// quoteContents returns rows of (id, content) for the attributions of the
// articles first to last, whose texts are given.
func (s *Store) quoteContents(ctx context.Context, stx *sql.Tx, first, last int64, texts map[int64]runeText) ([][]any, error) {
	rows, err := stx.QueryContext(ctx, s.q(`SELECT id, article_id, content_spans, content_text FROM attributions
		WHERE id >= ? AND id < ? ORDER BY id`), first*maxAttributions, (last+1)*maxAttributions)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][]any
	for rows.Next() {
		var id, article int64
		var spans string
		var text *string
		if err := rows.Scan(&id, &article, &spans, &text); err != nil {
			return nil, err
		}
		seg, err := segmentFrom(texts[article], &spans, text)
		if err != nil {
			return nil, fmt.Errorf("attribution %d: %w", id, err)
		}
		out = append(out, []any{id, seg.Text})
	}
	return out, rows.Err()
}
