package worker

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/riverqueue/river"

	"github.com/sayso-news/sayso"
)

// FetchArgs is a job that ingests one source: a page URL (or a feed or
// sitemap URL, read with its entries in this one job), or a file or folder
// of pages that every worker can read at that path.
type FetchArgs struct {
	Source string `json:"source"`
}

// Kind names the job kind in River's table.
func (FetchArgs) Kind() string { return "sayso_fetch" }

// InsertOpts makes a source one job: enqueued again while its job is
// pending, running or kept as completed, it is not added twice.
func (FetchArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// FeedArgs is a job that polls a feed or sitemap (conditional GET when it
// was read before) and enqueues a FetchArgs job for each entry and a
// FeedArgs job for each child sitemap.
type FeedArgs struct {
	URL string `json:"url"`
	// Depth counts sitemap-index levels above this one.
	Depth int `json:"depth,omitempty"`
}

// Kind names the job kind.
func (FeedArgs) Kind() string { return "sayso_feed" }

// WARCArgs is a job that shares a WARC file out: it counts the file's
// records and enqueues a WARCPartArgs job for each range of them.
type WARCArgs struct {
	Path string `json:"path"`
	// PartSize is the records a part takes; DefaultPartSize when zero.
	PartSize int `json:"part_size,omitempty"`
}

// Kind names the job kind.
func (WARCArgs) Kind() string { return "sayso_warc" }

// InsertOpts makes a WARC file one job while it is kept.
func (WARCArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// WARCPartArgs is a job that ingests records From to From+Count-1 of a
// WARC file.
type WARCPartArgs struct {
	Path  string `json:"path"`
	From  int    `json:"from"`
	Count int    `json:"count"`
}

// Kind names the job kind.
func (WARCPartArgs) Kind() string { return "sayso_warc_part" }

// InsertOpts makes each range one job.
func (WARCPartArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// ReprocessArgs is a job that reads stored pages again with this version
// of sayso (their raw bytes are kept), replacing their articles: those
// with ids From through To, in State when it is not empty.
type ReprocessArgs struct {
	From  int64           `json:"from"`
	To    int64           `json:"to"`
	State sayso.PageState `json:"state,omitempty"`
}

// Kind names the job kind.
func (ReprocessArgs) Kind() string { return "sayso_reprocess" }

// ReindexArgs is a job that rebuilds the provenance indexes (copy
// clusters and quote traces) from the stored articles, as "sayso
// reindex" does.
type ReindexArgs struct{}

// Kind names the job kind.
func (ReindexArgs) Kind() string { return "sayso_reindex" }

// DefaultPartSize is the records of a WARC file one job takes: a few
// seconds of work, so that a worker that dies loses little and the
// records are spread over every worker.
const DefaultPartSize = 32

// reprocessSpan is the page ids one reprocess job takes.
const reprocessSpan = 64

// ReprocessJobs returns the jobs that reprocess every stored page (in
// state, when not empty) of the store whose database is db, a job per
// span of page ids.
func ReprocessJobs(ctx context.Context, db *sql.DB, state sayso.PageState) ([]river.JobArgs, error) {
	var last sql.NullInt64
	if err := db.QueryRowContext(ctx, `SELECT max(id) FROM pages`).Scan(&last); err != nil {
		return nil, fmt.Errorf("reprocess jobs: %w", err)
	}
	var jobs []river.JobArgs
	for from := int64(1); from <= last.Int64; from += reprocessSpan {
		jobs = append(jobs, ReprocessArgs{From: from, To: from + reprocessSpan - 1, State: state})
	}
	return jobs, nil
}
