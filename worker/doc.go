// Package worker runs ingestion as jobs on a queue kept in PostgreSQL by
// River (github.com/riverqueue/river), so that any number of processes,
// on one machine or many, share the work around one corpus: fetch a page,
// poll a feed or sitemap (its entries become fetch jobs), share a WARC
// file out in ranges of records, reprocess a stored page, rebuild the
// provenance indexes.
//
// Delivery is at least once: a job whose worker dies is taken up again by
// another once River rescues it. Jobs are idempotent because the store
// is: a page already stored under its address or its bytes is skipped, and
// writers are serialised by the store's advisory lock, so a job run twice,
// or two jobs for one page, never store an article twice. Requests to a
// host are spaced across all workers by the store's host slots
// (postgres.HostSlots), not by each process alone.
//
// The job queue's tables are River's own, migrated by Migrate; the jobs
// call package ingest, which is why they live here rather than under
// store/postgres.
package worker
