package main

import (
	"context"
	"log/slog"
	"runtime"
	"time"

	"github.com/riverqueue/river"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/extract"
	"github.com/sayso-news/sayso/fetch"
	"github.com/sayso-news/sayso/ingest"
	"github.com/sayso-news/sayso/store"
	"github.com/sayso-news/sayso/store/postgres"
	"github.com/sayso-news/sayso/worker"
)

func runWorker(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "worker", "",
		"Work ingestion jobs from the queue kept in the PostgreSQL corpus database\n"+
			"(--db postgres://… or $SAYSO_DB), filled by \"sayso ingest --enqueue\": fetch a\n"+
			"page, poll a feed, share out a WARC file, reprocess a page, rebuild the\n"+
			"provenance indexes. Run as many workers as wanted, on this machine or others;\n"+
			"a job whose worker dies is run again by another (at least once), and a page\n"+
			"is never stored twice. Requests to one host are spaced across all workers.\n"+
			"Ctrl-C finishes the jobs running, then stops.")
	db := dbFlag(e, fs)
	allowPrivate := fs.Bool("allow-private", false, "allow fetching from private, loopback and link-local addresses")
	ua := fs.String("user-agent", fetch.DefaultUserAgent, "the User-Agent sent, also matched against robots.txt")
	rate := fs.Float64("rate", 1, "requests per second to one host, all workers together")
	concurrency := fs.Int("concurrency", 2*runtime.GOMAXPROCS(0), "jobs run at once by this worker")
	timeout := fs.Duration("timeout", fetch.DefaultTimeout, "time limit for one request, body included")
	maxBytes := fs.Int64("max-bytes", fetch.DefaultMaxBytes, "largest page `size` read, after decompression")
	retries := fs.Int("retries", fetch.DefaultRetries, "retries on 5xx, 429 and network errors")
	ignoreRobots := fs.Bool("ignore-robots", false, "do not read robots.txt (only for sites you run)")
	af := addAttribFlags(fs)
	poll := fs.Duration("poll", worker.DefaultPollInterval, "how often an idle worker looks for jobs")
	jobTimeout := fs.Duration("job-timeout", worker.DefaultJobTimeout, "time limit for one job")
	rescue := fs.Duration("rescue-after", worker.DefaultRescueAfter, "a job running longer is taken as lost with its worker and run again (more than --job-timeout)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"worker takes no arguments (enqueue sources with \"sayso ingest --enqueue\")"}
	}
	if !postgres.IsURL(*db) {
		return usageError{"worker needs a PostgreSQL database: --db postgres://… (or $SAYSO_DB)"}
	}
	if *rate <= 0 || *concurrency <= 0 || *maxBytes <= 0 || *poll <= 0 || *jobTimeout <= 0 || *rescue <= *jobTimeout {
		return usageError{"--rate, --concurrency, --max-bytes, --poll and --job-timeout must be positive, and --rescue-after more than --job-timeout"}
	}
	if *retries == 0 {
		*retries = -1
	}
	s, err := openStore(ctx, *db, true)
	if err != nil {
		return err
	}
	defer s.Close()
	pool, err := worker.Connect(ctx, *db)
	if err != nil {
		return sayso.Errorf(sayso.EUNAVAILABLE, "%w", err)
	}
	defer pool.Close()
	interval := time.Duration(float64(time.Second) / *rate)
	cfg := ingest.Config{
		Fetcher: fetch.New(fetch.Options{UserAgent: *ua, Timeout: *timeout, MaxBytes: *maxBytes, AllowPrivate: *allowPrivate,
			HostInterval: interval, MaxConcurrent: *concurrency, IgnoreRobots: *ignoreRobots, Retries: *retries}),
		Extract:      extract.FromPage,
		Workers:      1, // jobs run side by side; each reads its pages in turn
		Fetchers:     1,
		MaxPageBytes: *maxBytes,
		Log:          e.log,
	}
	if !*af.none {
		a, err := analyzer("", *af.fast)
		if err != nil {
			return err
		}
		cfg.Analyze = a.Analyze
	}
	e.log.Info("worker started", slog.String("db", postgres.Redact(*db)), slog.Int("concurrency", *concurrency))
	return worker.Run(ctx, worker.Config{Pool: pool, Store: s, Ingest: cfg, HostInterval: interval,
		Concurrency: *concurrency, PollInterval: *poll, JobTimeout: *jobTimeout, RescueAfter: *rescue, Log: e.log})
}

// runEnqueue adds jobs for sources to the queue of the PostgreSQL database
// db, for "sayso worker" processes to work.
func runEnqueue(ctx context.Context, e *env, db string, sources []string, feeds bool) error {
	jobs, err := worker.SourceJobs(sources, e.stdin, feeds)
	if err != nil {
		return err
	}
	return enqueueJobs(ctx, e, db, func(*store.Store) ([]river.JobArgs, error) { return jobs, nil })
}

// enqueueReprocess queues the reprocessing of the stored pages in state
// (all when empty).
func enqueueReprocess(ctx context.Context, e *env, db string, state sayso.PageState) error {
	return enqueueJobs(ctx, e, db, func(s *store.Store) ([]river.JobArgs, error) {
		return worker.ReprocessJobs(ctx, s.DB(), state)
	})
}

// enqueueJobs opens the store of the PostgreSQL database db (making or
// migrating its schema, so that workers started later find it) and adds
// the jobs that jobsOf returns to its queue.
func enqueueJobs(ctx context.Context, e *env, db string, jobsOf func(*store.Store) ([]river.JobArgs, error)) error {
	if !postgres.IsURL(db) {
		return usageError{"--enqueue needs a PostgreSQL database: --db postgres://… (or $SAYSO_DB)"}
	}
	s, err := openStore(ctx, db, true)
	if err != nil {
		return err
	}
	jobs, err := jobsOf(s)
	s.Close()
	if err != nil {
		return err
	}
	pool, err := worker.Connect(ctx, db)
	if err != nil {
		return sayso.Errorf(sayso.EUNAVAILABLE, "%w", err)
	}
	defer pool.Close()
	ins, err := worker.NewInserter(pool)
	if err != nil {
		return err
	}
	added, err := ins.Insert(ctx, jobs)
	if err != nil {
		return sayso.Errorf(sayso.EUNAVAILABLE, "%w", err)
	}
	e.log.Info("enqueued", slog.Int("jobs", added), slog.Int("already queued", len(jobs)-added))
	return nil
}
