// Package ingest is sayso's corpus-building use case: sources (URLs, URL
// lists, feeds, sitemaps, WARC files, folders of HTML) are expanded into
// pages, each page fetched, extracted, attributed and stored.
//
// The pipeline streams with bounded memory: a producer expands sources, a
// pool of fetchers (I/O-bound) fetches, a pool of readers, one per core,
// extracts and attributes, and one writer stores records in batched
// transactions. Every stage is bounded by small channels, so a 5 GB WARC
// file costs no more memory than a small one.
//
// Runs are idempotent and crash-safe: addresses already stored are skipped
// before fetching, the store refuses duplicates by address and content,
// and a batch is committed atomically — so after a kill -9, running the
// same command again completes the work without losing or duplicating
// anything. A run whose context ends (Ctrl-C) stops taking pages but
// still stores those it has read in full; only work cut short is left to
// the next run. Feed validators (ETag, Last-Modified) are saved only when a
// run completes, so an interrupted run re-reads its feeds.
//
// One bad input never stops a run: failures are counted with their reasons
// in the Summary and logged, and the run goes on.
//
// The package reaches the network and the database only through the
// sayso.Fetcher and sayso.Store interfaces, and extraction and attribution
// through functions, so cmd/sayso picks the concrete parts.
package ingest
