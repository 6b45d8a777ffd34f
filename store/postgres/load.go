package postgres

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/sayso-news/sayso/store"
)

var _ store.BulkLoader = Dialect{}

// withConn runs fn on the pgx connection under conn.
func withConn(conn *sql.Conn, fn func(*pgx.Conn) error) error {
	return conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("not a pgx connection: %T", dc)
		}
		return fn(c.Conn())
	})
}

// LoadRows copies the rows into table with the COPY protocol.
func (Dialect) LoadRows(ctx context.Context, conn *sql.Conn, table string, cols []string, next func() ([]any, error)) (int64, error) {
	var n int64
	err := withConn(conn, func(c *pgx.Conn) error {
		var err error
		n, err = c.CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromFunc(next))
		return err
	})
	return n, err
}

// stage copies rows of (id, body) or (id, title, body) into a temporary
// table, made empty first, that lives until the transaction ends.
func stage(ctx context.Context, conn *sql.Conn, table string, cols []string, rows [][]any) error {
	defs := "id BIGINT, title TEXT, body TEXT"
	if len(cols) == 2 {
		defs = "id BIGINT, body TEXT"
	}
	if _, err := conn.ExecContext(ctx, `CREATE TEMP TABLE IF NOT EXISTS `+table+` (`+defs+`) ON COMMIT DROP`); err != nil {
		return fmt.Errorf("stage: %w", err)
	}
	if _, err := conn.ExecContext(ctx, `TRUNCATE `+table); err != nil {
		return fmt.Errorf("stage: %w", err)
	}
	return withConn(conn, func(c *pgx.Conn) error {
		if _, err := c.CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromRows(rows)); err != nil {
			return fmt.Errorf("stage: %w", err)
		}
		return nil
	})
}

// LoadArticleIndex stages the articles and indexes them with one
// statement, as IndexArticle does each.
func (Dialect) LoadArticleIndex(ctx context.Context, conn *sql.Conn, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	if err := stage(ctx, conn, "sayso_load_articles", []string{"id", "title", "body"}, rows); err != nil {
		return err
	}
	_, err := conn.ExecContext(ctx, `WITH c AS MATERIALIZED (
			SELECT l.id, l.title, l.body, sayso_ts_config(a.language) AS cfg
			FROM sayso_load_articles l LEFT JOIN articles a ON a.id = l.id),
		used AS (INSERT INTO fts_configs (cfg) SELECT DISTINCT cfg FROM c ON CONFLICT DO NOTHING)
		INSERT INTO articles_fts (id, cfg, doc)
		SELECT id, cfg, setweight(to_tsvector(cfg, sayso_ts_text(title)), 'A') || setweight(to_tsvector(cfg, sayso_ts_text(body)), 'B') FROM c`)
	if err != nil {
		return fmt.Errorf("index articles: %w", err)
	}
	return nil
}

// LoadQuoteIndex stages the attributions' contents and indexes them with
// one statement, each in its article's configuration as IndexQuote does,
// looking the configuration up once an article.
func (Dialect) LoadQuoteIndex(ctx context.Context, conn *sql.Conn, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	if err := stage(ctx, conn, "sayso_load_quotes", []string{"id", "body"}, rows); err != nil {
		return err
	}
	_, err := conn.ExecContext(ctx, `WITH arts AS MATERIALIZED (
			SELECT a.id, sayso_ts_config(a.language) AS cfg FROM articles a
			WHERE a.id IN (SELECT DISTINCT id / 1024 FROM sayso_load_quotes)),
		c AS MATERIALIZED (
			SELECT l.id, l.body, coalesce(arts.cfg, 'sayso_simple'::regconfig) AS cfg
			FROM sayso_load_quotes l LEFT JOIN arts ON arts.id = l.id / 1024)
		INSERT INTO quotes_fts (id, cfg, doc) SELECT id, cfg, to_tsvector(cfg, sayso_ts_text(body)) FROM c`)
	if err != nil {
		return fmt.Errorf("index quotes: %w", err)
	}
	return nil
}

// AfterLoad moves the identity sequences of tables (those of outlets,
// pages and speakers) past the copied ids, so that the next row stored
// takes a new one.
func (Dialect) AfterLoad(ctx context.Context, conn *sql.Conn, tables []string) error {
	rows, err := conn.QueryContext(ctx, `SELECT table_name, column_name FROM information_schema.columns
		WHERE table_schema = current_schema() AND is_identity = 'YES' AND table_name = ANY ($1)`, tables)
	if err != nil {
		return fmt.Errorf("sequences: %w", err)
	}
	type column struct{ table, name string }
	var cols []column
	for rows.Next() {
		var c column
		if err := rows.Scan(&c.table, &c.name); err != nil {
			rows.Close()
			return fmt.Errorf("sequences: %w", err)
		}
		cols = append(cols, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sequences: %w", err)
	}
	for _, c := range cols {
		id := pgx.Identifier{c.name}.Sanitize()
		if _, err := conn.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence($1, $2), coalesce(max(`+id+`), 0) + 1, false) FROM `+pgx.Identifier{c.table}.Sanitize(),
			c.table, c.name); err != nil {
			return fmt.Errorf("sequence of %s.%s: %w", c.table, c.name, err)
		}
	}
	return nil
}
