// Package store implements sayso.Store over database/sql: all of sayso's
// SQL, written once, with a small Dialect per database engine for what
// differs (placeholders, full-text search, migrations). It imports no
// driver; store/sqlite and store/postgres open a database and hand
// it to New with their dialect.
//
// Each public method runs in one transaction. Raw pages are kept
// compressed (zstd) so that everything can be re-read when extraction or
// attribution improve; article text is stored once — blocks, attribution
// spans and claims are code-point offsets into it, and the full-text index
// reads it as external content.
//
// Save also keeps the provenance indexes (package trace) in the same
// transaction: MinHash signatures and LSH band keys of article bodies,
// copy clusters with their original and its evidence, and the quotes of
// six words or more with their winnowed 4-gram hashes, word keys and
// traces. Clusters and traces are connected components of symmetric
// relations checked on every pair of candidates, and originals are chosen
// from all members, so that they depend only on the set of articles
// stored; Reindex rebuilds them (for a store made before them, or by
// another version of package trace).
//
// The behaviour every engine must show is tested by store/storetest.
package store
