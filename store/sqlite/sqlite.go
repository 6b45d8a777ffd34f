package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"net/url"
	"strconv"
	"strings"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/store"
	sqlitedriver "modernc.org/sqlite"
)

//go:embed migrations/*.sql
var migrations embed.FS

// BusyTimeoutMS is how long a writer waits for another process's write
// transaction before failing; long batches take a few hundred milliseconds,
// so ten seconds rides out contention without hanging forever.
const BusyTimeoutMS = 10000

// Open opens (creating it if needed) the store in the SQLite file at path
// and migrates its schema. Errors: EINVALID for an empty path, EUNAVAILABLE
// when the file cannot be opened or migrated.
func Open(ctx context.Context, path string) (*store.Store, error) {
	if strings.TrimSpace(path) == "" {
		return nil, sayso.Errorf(sayso.EINVALID, "open store: empty path")
	}
	q := url.Values{}
	for _, p := range []string{
		fmt.Sprintf("busy_timeout(%d)", BusyTimeoutMS),
		"journal_mode(WAL)",
		// NORMAL is durable in WAL mode against a killed process; only a
		// power loss can drop the last commits, never corrupt the file.
		"synchronous(NORMAL)",
		"foreign_keys(1)",
		// 64 MiB of page cache per connection keeps FTS index pages hot.
		"cache_size(-65536)",
		// The store's queries are written for its indexes; a temporary
		// index built over millions of rows is never the better plan.
		"automatic_index(0)",
		// Statement journals (kept while a multi-row insert runs, in case
		// it fails half-way) stay in memory instead of temporary files:
		// writing them to disk took a quarter of the time spent keeping
		// the provenance indexes.
		"temp_store(MEMORY)",
		// Reads map the file (its first 2 GB, SQLite's ceiling) instead of
		// copying each page through read(2) into the page cache: a fifth
		// less CPU for the web pages on a 100,000-article corpus, and the
		// mapped pages are the kernel's page cache, shared by every
		// process. The cost SQLite documents: an I/O error on a mapped
		// page (a failing disk, a file truncated by another program) ends
		// the process instead of failing the read.
		"mmap_size(2147418112)",
	} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	db := sql.OpenDB(&connector{dsn: dsn, drv: &sqlitedriver.Driver{}})
	// One writer at a time is SQLite's rule; a few readers can run beside it.
	db.SetMaxOpenConns(4)
	db.SetMaxIdleConns(4)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, sayso.Errorf(sayso.EUNAVAILABLE, "open store %s: %w", path, err)
	}
	s, err := store.New(ctx, db, Dialect{})
	if err != nil {
		db.Close()
		return nil, sayso.Errorf(sayso.EUNAVAILABLE, "open store %s: %w", path, err)
	}
	return s, nil
}

// Dialect is SQLite's store.Dialect: FTS5 for full-text search.
type Dialect struct{}

var _ store.Dialect = Dialect{}

// Name returns "sqlite".
func (Dialect) Name() string { return "sqlite" }

// Migrations returns the embedded schema files.
func (Dialect) Migrations() fs.FS {
	sub, _ := fs.Sub(migrations, "migrations")
	return sub
}

// Rebind returns query unchanged: SQLite takes "?" placeholders.
func (Dialect) Rebind(query string) string { return query }

// IndexArticle inserts into the contentless FTS5 index.
func (Dialect) IndexArticle() string {
	return `INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)`
}

// UnindexArticle deletes from the contentless-delete article index.
func (Dialect) UnindexArticle() string {
	return `DELETE FROM articles_fts WHERE rowid = ?`
}

// IndexQuote inserts into the contentless quote index.
func (Dialect) IndexQuote() string {
	return `INSERT INTO quotes_fts (rowid, content) VALUES (?, ?)`
}

// UnindexQuote uses FTS5's 'delete' command, which takes the indexed content.
func (Dialect) UnindexQuote() string {
	return `INSERT INTO quotes_fts (quotes_fts, rowid, content) VALUES ('delete', ?, ?)`
}

// SearchWindow is how many of the most recently stored matches are ranked
// by relevance. Ranking every match of a word found in half of a million
// articles would take seconds; the newest few thousand are what a reader of
// news wants ranked, and ranking them takes milliseconds. Queries with
// fewer matches are ranked exactly.
const SearchWindow = 2000

// SearchArticles ranks with BM25, titles weighing five times body text (a
// word in the headline says more about what a story is about), over the
// SearchWindow most recently stored matches: the subquery walks the index
// backwards from the newest article and gives the oldest id to rank.
func (Dialect) SearchArticles() string {
	return `SELECT rowid, bm25(articles_fts, 5.0, 1.0) AS r FROM articles_fts
		WHERE articles_fts MATCH ?1 AND rowid >= coalesce((SELECT rowid FROM articles_fts
			WHERE articles_fts MATCH ?1 ORDER BY rowid DESC LIMIT 1 OFFSET ` + strconv.Itoa(SearchWindow-1) + `), 0)
		ORDER BY r LIMIT ?2 OFFSET ?3`
}

// QuoteMatch selects attributions whose content matches, from the list of
// matching rowids.
func (Dialect) QuoteMatch() string {
	return `t.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)`
}

// QuoteMatchEach looks one attribution up in the quote index: FTS5 seeks
// the rowid in the matches instead of listing them all.
func (Dialect) QuoteMatchEach() string {
	return `EXISTS (SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH ? AND rowid = t.id)`
}

// LatestArticleMatches lists the article index's matches from the
// greatest rowid (the latest stored) down, stopping at the limit.
func (Dialect) LatestArticleMatches() string {
	return `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2`
}

// LatestQuoteMatches lists the quote index's matches from the greatest
// rowid down: FTS5 walks its doclists backwards and stops at the limit,
// so a word in a million quotes costs what a rare one does.
func (Dialect) LatestQuoteMatches() string {
	return `SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2`
}

// CountQuotes counts the quote index's matches, up to a bound.
func (Dialect) CountQuotes() string {
	return `SELECT count(*) FROM (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? LIMIT ?) x`
}

// Maintain returns "PRAGMA optimize", which refreshes the statistics of
// the tables whose queries would benefit, cheaply.
func (Dialect) Maintain() string { return "PRAGMA optimize" }

// Match renders q in FTS5 query syntax, every word quoted so that no user
// input is read as an operator.
func (Dialect) Match(q store.Query) string {
	var pos, neg []string
	for _, c := range q.Clauses {
		alts := make([]string, len(c.Any))
		for i, t := range c.Any {
			words := make([]string, len(t.Words))
			for j, w := range t.Words {
				words[j] = `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
			}
			s := strings.Join(words, " + ")
			if t.Prefix {
				s += " *"
			}
			alts[i] = s
		}
		s := strings.Join(alts, " OR ")
		if len(alts) > 1 {
			s = "(" + s + ")"
		}
		if c.Not {
			neg = append(neg, s)
		} else {
			pos = append(pos, s)
		}
	}
	out := strings.Join(pos, " AND ")
	for _, n := range neg {
		out += " NOT " + n
	}
	return out
}
