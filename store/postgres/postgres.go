package postgres

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/store"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Advisory lock keys (pg_advisory_lock's bigint space, shared by every
// client of the database): arbitrary constants, "sayso" and a number.
const (
	migrateLockKey = 0x736179736f01
	writeLockKey   = 0x736179736f02
)

// IsURL reports whether dsn names a PostgreSQL database
// ("postgres://…" or "postgresql://…") rather than a file.
func IsURL(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Open connects to the PostgreSQL database at dsn (a postgres:// URL or a
// key=value connection string) and migrates its schema, holding an
// advisory lock while it does so that processes opening the same database
// at once apply each migration once. Errors: EINVALID for an empty dsn,
// EUNAVAILABLE when the server cannot be reached or the schema migrated.
func Open(ctx context.Context, dsn string) (*store.Store, error) {
	if strings.TrimSpace(dsn) == "" {
		return nil, sayso.Errorf(sayso.EINVALID, "open store: empty PostgreSQL address")
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, sayso.Errorf(sayso.EUNAVAILABLE, "open store %s: %w", Redact(dsn), err)
	}
	db.SetMaxOpenConns(16)
	db.SetMaxIdleConns(8)
	db.SetConnMaxIdleTime(5 * time.Minute)
	s, err := migrate(ctx, db)
	if err != nil {
		db.Close()
		return nil, sayso.Errorf(sayso.EUNAVAILABLE, "open store %s: %w", Redact(dsn), err)
	}
	return s, nil
}

// migrate makes the store while holding the migration lock on one
// connection.
func migrate(ctx context.Context, db *sql.DB) (*store.Store, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, int64(migrateLockKey)); err != nil {
		return nil, fmt.Errorf("migration lock: %w", err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, int64(migrateLockKey))
	return store.New(ctx, db, Dialect{})
}

// Redact returns dsn without its password, for messages.
func Redact(dsn string) string {
	if i := strings.Index(dsn, "://"); i >= 0 {
		rest := dsn[i+3:]
		if at := strings.LastIndex(rest[:indexOrLen(rest, '/')], "@"); at >= 0 {
			if c := strings.IndexByte(rest[:at], ':'); c >= 0 {
				return dsn[:i+3] + rest[:c] + ":xxxxx" + rest[at:]
			}
		}
	}
	return dsn
}

func indexOrLen(s string, b byte) int {
	if i := strings.IndexByte(s, b); i >= 0 {
		return i
	}
	return len(s)
}

// Dialect is PostgreSQL's store.Dialect.
type Dialect struct{}

var (
	_ store.Dialect     = Dialect{}
	_ store.WriteLocker = Dialect{}

	_ store.PeriodicMaintainer = Dialect{}
	_ store.JoinOrderKeeper    = Dialect{}
)

// Name returns "postgres".
func (Dialect) Name() string { return "postgres" }

// Migrations returns the embedded schema files.
func (Dialect) Migrations() fs.FS {
	sub, _ := fs.Sub(migrations, "migrations")
	return sub
}

// Rebind numbers the "?" placeholders of query ($1, $2, …), leaving
// those inside quoted strings and identifiers alone.
func (Dialect) Rebind(query string) string {
	if !strings.Contains(query, "?") {
		return query
	}
	var b strings.Builder
	b.Grow(len(query) + 16)
	n := 0
	var quote byte
	for i := 0; i < len(query); i++ {
		c := query[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '?':
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// LockWrites takes the transaction-scoped write lock: writers wait for
// each other, readers never do.
func (Dialect) LockWrites() string {
	return `SELECT pg_advisory_xact_lock(` + strconv.FormatInt(writeLockKey, 10) + `)`
}

// IndexArticle indexes the title (weight A) and body (B) in the
// configuration of the article's language, recording the configuration
// as in use. It runs after the article row is written.
func (Dialect) IndexArticle() string {
	return `WITH c AS (SELECT coalesce((SELECT sayso_ts_config(language) FROM articles WHERE id = $1), 'sayso_simple'::regconfig) AS cfg),
		used AS (INSERT INTO fts_configs (cfg) SELECT cfg FROM c ON CONFLICT DO NOTHING)
		INSERT INTO articles_fts (id, cfg, doc)
		SELECT $1, cfg, setweight(to_tsvector(cfg, sayso_ts_text($2::text)), 'A') || setweight(to_tsvector(cfg, sayso_ts_text($3::text)), 'B') FROM c`
}

// UnindexArticle deletes an article's index row.
func (Dialect) UnindexArticle() string {
	return `DELETE FROM articles_fts WHERE id = $1`
}

// IndexQuote indexes an attribution's content in its article's
// configuration (the article's id is the attribution's divided by 1024).
func (Dialect) IndexQuote() string {
	return `INSERT INTO quotes_fts (id, cfg, doc)
		SELECT $1, cfg, to_tsvector(cfg, sayso_ts_text($2::text))
		FROM (SELECT coalesce((SELECT sayso_ts_config(language) FROM articles WHERE id = $1::bigint / 1024), 'sayso_simple'::regconfig) AS cfg) c`
}

// UnindexQuote deletes an attribution's index row; the content (the second
// argument) is not needed.
func (Dialect) UnindexQuote() string {
	return `DELETE FROM quotes_fts WHERE id = $1 AND $2::text IS NOT DISTINCT FROM $2::text`
}

// SearchWindow is how many of the most recently stored matches are
// ranked, as in the SQLite store (see sqlite.SearchWindow).
const SearchWindow = 2000

// queries parses the match expression (its placeholder given) once in
// each configuration in use.
func queries(arg string) string {
	return `(SELECT cfg, to_tsquery(cfg, ` + arg + `::text) AS q FROM fts_configs)`
}

// SearchArticles ranks with ts_rank, a title word weighing five times a
// body word, over the SearchWindow most recently stored matches.
func (Dialect) SearchArticles() string {
	return `SELECT id, r FROM (
		SELECT f.id, -ts_rank('{0.04, 0.08, 0.2, 1.0}', f.doc, c.q) AS r
		FROM ` + queries("$1") + ` c JOIN articles_fts f ON f.cfg = c.cfg AND f.doc @@ c.q
		ORDER BY f.id DESC LIMIT ` + strconv.Itoa(SearchWindow) + `) w
		ORDER BY r, id DESC LIMIT $2 OFFSET $3`
}

// QuoteMatch selects attributions whose content matches, from the list of
// matches.
func (Dialect) QuoteMatch() string {
	return `t.id IN (SELECT f.id FROM ` + queries("?") + ` c JOIN quotes_fts f ON f.cfg = c.cfg AND f.doc @@ c.q)`
}

// QuoteMatchEach tests one attribution's index row.
func (Dialect) QuoteMatchEach() string {
	return `EXISTS (SELECT 1 FROM quotes_fts f WHERE f.id = t.id AND f.doc @@ to_tsquery(f.cfg, ?::text))`
}

// CountQuotes counts the quote index's matches, up to a bound.
func (Dialect) CountQuotes() string {
	return `SELECT count(*) FROM (SELECT f.id FROM ` + queries("?") + ` c JOIN quotes_fts f ON f.cfg = c.cfg AND f.doc @@ c.q LIMIT ?) x`
}

// KeepJoinOrder makes the transaction's joins run in the order written.
func (Dialect) KeepJoinOrder() string { return `SET LOCAL join_collapse_limit = 1` }

// Maintain returns "": closing a store does not analyze a database that
// may be large (see MaintainEvery).
func (Dialect) Maintain() string { return "" }

// MaintainEvery returns ANALYZE, run after the first 1,000 records a
// process saves and again each time its count doubles, so that the
// planner's statistics follow the corpus's growth even where autovacuum is
// off or behind (it was off on this project's server).
func (Dialect) MaintainEvery() (string, int64) { return "ANALYZE", 1000 }

// Match renders q as to_tsquery input: every word quoted (so that no user
// input is read as an operator) and normalised by the configuration,
// phrases with <->, a prefix with :*, alternatives with |, exclusions
// with !.
func (Dialect) Match(q store.Query) string {
	var parts []string
	for _, c := range q.Clauses {
		alts := make([]string, len(c.Any))
		for i, t := range c.Any {
			words := make([]string, len(t.Words))
			for j, w := range t.Words {
				w = strings.NewReplacer(`'`, `''`, `\`, `\\`).Replace(w)
				words[j] = `'` + w + `'`
			}
			if t.Prefix && len(words) > 0 {
				words[len(words)-1] += ":*"
			}
			s := strings.Join(words, " <-> ")
			if len(words) > 1 {
				s = "(" + s + ")"
			}
			alts[i] = s
		}
		s := strings.Join(alts, " | ")
		if len(alts) > 1 {
			s = "(" + s + ")"
		}
		if c.Not {
			s = "!" + s
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " & ")
}
