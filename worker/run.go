package worker

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/feed"
	"github.com/sayso-news/sayso/ingest"
	"github.com/sayso-news/sayso/store"
	"github.com/sayso-news/sayso/store/postgres"
)

// Defaults for Config fields left zero.
const (
	// DefaultConcurrency is the jobs one worker runs at once: fetches wait
	// on the network and on host slots, so a few more than the cores.
	DefaultConcurrency = 8
	// DefaultJobTimeout bounds one job: a WARC part or a page, with its
	// retries and its wait for a host slot.
	DefaultJobTimeout = 10 * time.Minute
	// DefaultRescueAfter is how long a job may stay running before it is
	// taken to be lost with its worker and run again (River's rescuer
	// looks every 30 seconds).
	DefaultRescueAfter = DefaultJobTimeout + time.Minute
	// DefaultPollInterval is how often an idle worker looks for jobs
	// (River also hears of new jobs at once through LISTEN/NOTIFY).
	DefaultPollInterval = time.Second
	// maxSlotWait is the longest a job waits for its host's request slot
	// before it is snoozed, freeing the worker for other hosts.
	maxSlotWait = 10 * time.Second
)

// Config assembles a worker.
type Config struct {
	// Pool is the job queue's connection pool (Connect).
	Pool *pgxpool.Pool
	// Store is the corpus, opened by postgres.Open on the same database.
	Store *store.Store
	// Ingest is the ingestion configuration every job starts from (Store
	// is set from Store).
	Ingest ingest.Config
	// HostInterval spaces requests to one host across all workers; zero
	// or less does not space them.
	HostInterval time.Duration
	// Concurrency is the jobs run at once by this worker.
	Concurrency int
	// PollInterval, JobTimeout and RescueAfter tune River (see the
	// defaults); tests shorten them.
	PollInterval, JobTimeout, RescueAfter time.Duration
	// Log receives a line per job failure; slog.Default() when nil.
	Log *slog.Logger
}

// Run works jobs until ctx ends, then stops taking new ones and waits for
// those running to finish, for JobTimeout at most (a job cut short is run
// again later, by this worker or another). Errors: EINVALID for an
// incomplete Config, and those of starting and stopping the queue client.
func Run(ctx context.Context, cfg Config) error {
	if cfg.Pool == nil || cfg.Store == nil || cfg.Ingest.Extract == nil {
		return sayso.Errorf(sayso.EINVALID, "worker: a pool, a store and an extractor are needed")
	}
	cfg.Concurrency = cmpOr(cfg.Concurrency, DefaultConcurrency)
	cfg.PollInterval = cmpOr(cfg.PollInterval, DefaultPollInterval)
	cfg.JobTimeout = cmpOr(cfg.JobTimeout, DefaultJobTimeout)
	cfg.RescueAfter = cmpOr(cfg.RescueAfter, cfg.JobTimeout+time.Minute)
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	cfg.Ingest.Store = cfg.Store
	if cfg.Ingest.Log == nil {
		cfg.Ingest.Log = cfg.Log
	}
	w := &jobs{cfg: cfg, slots: postgres.NewHostSlots(cfg.Store.DB())}
	workers := river.NewWorkers()
	river.AddWorker(workers, river.WorkFunc(w.fetch))
	river.AddWorker(workers, river.WorkFunc(w.feed))
	river.AddWorker(workers, river.WorkFunc(w.warc))
	river.AddWorker(workers, river.WorkFunc(w.warcPart))
	river.AddWorker(workers, river.WorkFunc(w.reprocess))
	river.AddWorker(workers, river.WorkFunc(w.reindex))
	client, err := river.NewClient(riverpgxv5.New(cfg.Pool), &river.Config{
		Queues:               map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: cfg.Concurrency}},
		Workers:              workers,
		FetchPollInterval:    cfg.PollInterval,
		FetchCooldown:        min(cfg.PollInterval, river.FetchCooldownDefault),
		JobTimeout:           cfg.JobTimeout,
		RescueStuckJobsAfter: cfg.RescueAfter,
		Logger:               cfg.Log.With("component", "river"),
	})
	if err != nil {
		return fmt.Errorf("worker: %w", err)
	}
	w.client = client
	if err := client.Start(ctx); err != nil {
		return fmt.Errorf("worker: start: %w", err)
	}
	<-ctx.Done()
	stopCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), cfg.JobTimeout)
	defer cancel()
	if err := client.Stop(stopCtx); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("worker: stop: %w", err)
	}
	return nil
}

func cmpOr[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

// jobs holds what the job functions share.
type jobs struct {
	cfg    Config
	slots  *postgres.HostSlots
	client *river.Client[pgx.Tx]
}

// ingester returns an Ingester for one job.
func (w *jobs) ingester() (*ingest.Ingester, error) {
	return ingest.New(w.cfg.Ingest)
}

// finish turns an ingestion's outcome into the job's: per-page failures
// are counted and logged, not retried (a 404 stays a 404); a store that
// fails makes the job run again.
func (w *jobs) finish(what string, sum *ingest.Summary, err error) error {
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if sum != nil && sum.Failed > 0 {
		w.cfg.Log.Info("job done with failures", "job", what, "failed", sum.Failed, "stored", sum.Stored)
	}
	return nil
}

// fetch ingests one source. A URL first takes its host's request slot,
// shared by all workers (the job is snoozed when the slot is far off); a
// page already stored is skipped by the ingester without a request.
func (w *jobs) fetch(ctx context.Context, job *river.Job[FetchArgs]) error {
	src := job.Args.Source
	if isURL(src) {
		known, err := w.cfg.Store.Known(ctx, []string{src})
		if err != nil {
			return fmt.Errorf("fetch %s: %w", src, err)
		}
		if !known[0] {
			if err := w.polite(ctx, src); err != nil {
				var busy *slotBusy
				if errors.As(err, &busy) {
					return river.JobSnooze(busy.wait)
				}
				return err
			}
		}
	}
	in, err := w.ingester()
	if err != nil {
		return err
	}
	sum, err := in.Run(ctx, []string{src})
	return w.finish("fetch "+src, sum, err)
}

func (w *jobs) warcPart(ctx context.Context, job *river.Job[WARCPartArgs]) error {
	in, err := w.ingester()
	if err != nil {
		return err
	}
	a := job.Args
	sum, err := in.WARCRange(a.From, a.Count).Run(ctx, []string{a.Path})
	return w.finish(fmt.Sprintf("warc %s records %d-%d", a.Path, a.From, a.From+a.Count-1), sum, err)
}

func (w *jobs) warc(ctx context.Context, job *river.Job[WARCArgs]) error {
	n, err := ingest.CountWARCRecords(ctx, job.Args.Path)
	if err != nil && n == 0 {
		return river.JobCancel(fmt.Errorf("warc %s: %w", job.Args.Path, err))
	}
	size := cmpOr(job.Args.PartSize, DefaultPartSize)
	var parts []river.JobArgs
	for from := 0; from < n; from += size {
		parts = append(parts, WARCPartArgs{Path: job.Args.Path, From: from, Count: size})
	}
	if _, err := insertMany(ctx, w.client, parts); err != nil {
		return err
	}
	return nil
}

func (w *jobs) feed(ctx context.Context, job *river.Job[FeedArgs]) error {
	u := job.Args.URL
	if w.cfg.Ingest.Fetcher == nil {
		return river.JobCancel(fmt.Errorf("feed %s: no fetcher", u))
	}
	if err := w.polite(ctx, u); err != nil {
		var busy *slotBusy
		if errors.As(err, &busy) {
			return river.JobSnooze(busy.wait)
		}
		return err
	}
	v, _ := w.cfg.Store.FeedState(ctx, u)
	var page *sayso.Page
	var err error
	if cf, ok := w.cfg.Ingest.Fetcher.(sayso.ConditionalFetcher); ok && !v.IsZero() {
		page, err = cf.FetchIfModified(ctx, u, v)
	} else {
		page, err = w.cfg.Ingest.Fetcher.Fetch(ctx, u)
	}
	switch {
	case errors.Is(err, sayso.ErrNotModified):
		return nil
	case err != nil:
		return fmt.Errorf("feed %s: %w", u, err)
	}
	doc := page.FinalURL
	if doc == "" {
		doc = u
	}
	parsed, err := feed.Parse(page.Body, doc)
	if err != nil {
		return river.JobCancel(fmt.Errorf("feed %s: %w", u, err))
	}
	var next []river.JobArgs
	for _, e := range parsed.Entries {
		next = append(next, FetchArgs{Source: e.URL})
	}
	if job.Args.Depth+1 < ingest.DefaultMaxSitemapDepth {
		for _, s := range parsed.Sitemaps {
			next = append(next, FeedArgs{URL: s, Depth: job.Args.Depth + 1})
		}
	}
	if _, err := insertMany(ctx, w.client, next); err != nil {
		return err
	}
	return w.cfg.Store.SetFeedState(ctx, u, sayso.Validators{ETag: page.Header.Get("ETag"), LastModified: page.Header.Get("Last-Modified")})
}

func (w *jobs) reprocess(ctx context.Context, job *river.Job[ReprocessArgs]) error {
	in, err := w.ingester()
	if err != nil {
		return err
	}
	a := job.Args
	var keep func(*sayso.StoredPage) bool
	if a.State != "" {
		keep = func(p *sayso.StoredPage) bool { return p.State == a.State }
	}
	sum, err := in.PageRange(a.From, a.To).Reprocess(ctx, keep)
	return w.finish(fmt.Sprintf("reprocess pages %d-%d", a.From, a.To), sum, err)
}

func (w *jobs) reindex(ctx context.Context, job *river.Job[ReindexArgs]) error {
	return w.cfg.Store.Reindex(ctx, nil)
}

// isURL reports whether a source is an http(s) URL.
func isURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// hostOf returns the host a request to u goes to.
func hostOf(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return p.Hostname()
}
