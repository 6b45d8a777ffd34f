package store

import (
	"io/fs"
)

// Dialect is what differs between database engines.
type Dialect interface {
	// Name names the engine ("sqlite", "postgres").
	Name() string
	// Migrations holds the schema as numbered files, "0001_init.sql" and so
	// on, applied in order, each in one transaction.
	Migrations() fs.FS
	// Rebind rewrites a query written with "?" placeholders into the
	// engine's placeholder style.
	Rebind(query string) string

	// IndexArticle is the statement (or "" for none) that adds an article
	// to the full-text index; its arguments are id, title, text.
	IndexArticle() string
	// UnindexArticle removes an article from the full-text index; its
	// argument is the id.
	UnindexArticle() string
	// IndexQuote adds an attribution's content to the quote index; its
	// arguments are id, content.
	IndexQuote() string
	// UnindexQuote removes an attribution from the quote index; its
	// arguments are the id and the indexed content.
	UnindexQuote() string
	// SearchArticles is a query returning (id, rank) of the articles that
	// match the full-text query, best (lowest rank) first; its arguments
	// are the match expression, limit and offset.
	SearchArticles() string
	// QuoteMatch is a condition on attributions alias "t" selecting those
	// whose content matches the full-text query given as its argument,
	// written so that it can drive the query (collect the matches).
	QuoteMatch() string
	// QuoteMatchEach is the same condition written to be tested on each
	// attribution that another part of the query found.
	QuoteMatchEach() string
	// CountQuotes is a query returning how many attributions match the
	// full-text query given as its first argument, counting no further
	// than its second.
	CountQuotes() string
	// Match renders a parsed query in the engine's full-text syntax.
	Match(q Query) string
	// Maintain is a statement (or "") run when a store that has written
	// closes, to keep the planner's statistics fresh.
	Maintain() string
}

// JoinOrderKeeper is implemented by a Dialect whose planner reorders joins
// written with CROSS JOIN, which SQLite runs in the order written. The
// store plans some queries itself (a quote listing walking the articles
// newest first, each attribution tested against the filters) and runs
// KeepJoinOrder in their transaction first, so that the engine follows
// the plan: PostgreSQL, left to choose, joined every match of a common
// word or speaker to every article walked, and took seconds.
type JoinOrderKeeper interface {
	KeepJoinOrder() string
}
