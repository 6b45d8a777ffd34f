// Package sqlite opens a sayso store in one SQLite file through the pure-Go
// driver modernc.org/sqlite (no cgo): write-ahead logging, foreign keys,
// a busy timeout, FTS5 for full-text search.
package sqlite
