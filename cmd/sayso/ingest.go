package main

import (
	"context"
	"log/slog"
	"runtime"
	"time"

	"github.com/sayso-news/sayso/fetch"
	"github.com/sayso-news/sayso/ingest"
	"github.com/sayso-news/sayso/store/postgres"
)

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "ingest", "SOURCE...",
		"Fetch, extract, attribute and store pages into the corpus database. A SOURCE is\n"+
			"a URL (a page, an RSS/Atom/JSON feed, a sitemap or sitemap index), a file of\n"+
			"URLs (one per line, # comments) or - for standard input, a local feed or\n"+
			"sitemap file, a WARC or WARC.gz file (CC-NEWS layout), an .html(.gz) file or a\n"+
			"folder of them. Addresses and contents already stored are skipped, so an\n"+
			"interrupted run can simply be run again. Fetching honours robots.txt and\n"+
			"Crawl-delay, waits between requests to one host and refuses private addresses.\n"+
			"A summary with failure reasons ends the run; the exit code is 2 when some\n"+
			"inputs failed.")
	db := dbFlag(e, fs)
	allowPrivate := fs.Bool("allow-private", false, "allow fetching from private, loopback and link-local addresses")
	ua := fs.String("user-agent", fetch.DefaultUserAgent, "the User-Agent sent, also matched against robots.txt")
	rate := fs.Float64("rate", 1, "requests per second to one host (robots.txt Crawl-delay can lower it)")
	concurrency := fs.Int("concurrency", ingest.DefaultFetchers, "requests in flight across all hosts")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "pages extracted and attributed in parallel")
	timeout := fs.Duration("timeout", fetch.DefaultTimeout, "time limit for one request, body included")
	maxBytes := fs.Int64("max-bytes", fetch.DefaultMaxBytes, "largest page `size` read, after decompression")
	retries := fs.Int("retries", fetch.DefaultRetries, "retries on 5xx, 429 and network errors")
	af := addAttribFlags(fs)
	ignoreRobots := fs.Bool("ignore-robots", false, "do not read robots.txt (only for sites you run)")
	batch := fs.Int("batch", ingest.DefaultBatchSize, "pages stored per transaction")
	enqueue := fs.Bool("enqueue", false, "with a postgres:// --db: queue the sources as jobs for \"sayso worker\" instead")
	feeds := fs.Bool("feeds", false, "with --enqueue: the URLs are feeds or sitemaps, polled by one job each, whose entries become jobs")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"no SOURCE given"}
	}
	if *enqueue {
		return runEnqueue(ctx, e, *db, fs.Args(), *feeds)
	}
	if *rate <= 0 || *concurrency <= 0 || *workers <= 0 || *maxBytes <= 0 || *batch <= 0 {
		return usageError{"--rate, --concurrency, --workers, --max-bytes and --batch must be positive"}
	}
	if *retries == 0 {
		*retries = -1 // fetch.Options: 0 means the default
	}
	fetcher := fetch.New(fetch.Options{
		UserAgent: *ua, Timeout: *timeout, MaxBytes: *maxBytes, AllowPrivate: *allowPrivate,
		HostInterval: time.Duration(float64(time.Second) / *rate), MaxConcurrent: *concurrency,
		IgnoreRobots: *ignoreRobots, Retries: *retries,
	})
	cfg := ingest.Config{Fetcher: fetcher, Workers: *workers, Fetchers: *concurrency, BatchSize: *batch,
		MaxPageBytes: *maxBytes, Stdin: e.stdin}
	e.log.Info("ingest started", slog.String("db", postgres.Redact(*db)), slog.Int("sources", fs.NArg()))
	sum, err := runIngester(ctx, e, *db, true, af, "ingest", cfg,
		func(ctx context.Context, in *ingest.Ingester) (*ingest.Summary, error) { return in.Run(ctx, fs.Args()) })
	if err != nil {
		return err
	}
	if sum.Failed > 0 {
		return batchError{failed: sum.Failed, total: sum.Failed + sum.Fetched + sum.Read + sum.Duplicates}
	}
	return nil
}
