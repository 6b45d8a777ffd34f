// Package postgres opens a sayso store in a PostgreSQL database through
// pgx's database/sql adapter: the SQL of package store, written once, runs
// unchanged; this package adds the schema (embedded migrations, applied
// under an advisory lock so that processes starting together migrate
// once), full-text search with tsvector columns under GIN indexes in the
// configuration of each article's language, and a transaction-scoped
// advisory lock that serialises writers, so that many processes share one
// corpus and its copy and quote indexes. It also keeps the per-host
// politeness slots that workers share (HostSlot).
package postgres
