// Package store implements sayso.Store over database/sql: all of sayso's
// SQL, written once, with a small Dialect per database engine for what
// differs (placeholders, full-text search, migrations). It imports no
// driver; store/sqlite and (later) store/postgres open a database and hand
// it to New with their dialect.
//
// Each public method runs in one transaction. Raw pages are kept
// compressed (zstd) so that everything can be re-read when extraction or
// attribution improve; article text is stored once — blocks, attribution
// spans and claims are code-point offsets into it, and the full-text index
// reads it as external content.
//
// The behaviour every engine must show is tested by store/storetest.
package store
