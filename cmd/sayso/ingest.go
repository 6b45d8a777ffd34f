package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"runtime"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/attrib"
	"github.com/sayso-news/sayso/extract"
	"github.com/sayso-news/sayso/fetch"
	"github.com/sayso-news/sayso/ingest"
	"github.com/sayso-news/sayso/store"
	"github.com/sayso-news/sayso/store/sqlite"
)

// defaultDB is the store file used when neither --db nor $SAYSO_DB is set.
const defaultDB = "sayso.db"

// dbFlag adds the --db flag shared by the corpus commands.
func dbFlag(e *env, fs interface {
	String(name, value, usage string) *string
}) *string {
	def := e.getenv("SAYSO_DB")
	if def == "" {
		def = defaultDB
	}
	return fs.String("db", def, "the corpus database `file` (default $SAYSO_DB, else ./"+defaultDB+")")
}

// openStore opens the SQLite store at path; the query commands refuse to
// create a new, empty one.
func openStore(ctx context.Context, path string, create bool) (*store.Store, error) {
	if !create {
		if _, err := os.Stat(path); err != nil {
			return nil, sayso.Errorf(sayso.ENOTFOUND, "no corpus database at %s (run \"sayso ingest\" first, or pass --db)", path)
		}
	}
	return sqlite.Open(ctx, path)
}

// isTerminal reports whether w is a terminal, for the progress bar.
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// progress returns the ingest progress callback: a progress bar on a
// terminal, nil (slog progress lines) otherwise.
func progress(e *env, verb string) (func(ingest.Summary), func()) {
	if !isTerminal(e.stderr) {
		return nil, func() {}
	}
	bar := progressbar.NewOptions(-1,
		progressbar.OptionSetWriter(e.stderr),
		progressbar.OptionSetDescription(verb),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("pages"),
		progressbar.OptionThrottle(200*time.Millisecond),
		progressbar.OptionSpinnerType(14),
		progressbar.OptionClearOnFinish(),
	)
	return func(s ingest.Summary) {
			bar.Describe(fmt.Sprintf("%s: %d stored, %d duplicate, %d not article, %d failed",
				verb, s.Stored, s.Duplicates, s.NoArticle, s.Failed+s.ExtractFailed))
			bar.Set(s.Fetched + s.Read + s.Duplicates + s.Failed)
		}, func() {
			bar.Finish()
			fmt.Fprintln(e.stderr)
		}
}

// readers returns the extractor and, unless disabled, the analyzer.
func readers(noAttrib bool) (ingest.ExtractFunc, ingest.AnalyzeFunc, error) {
	if noAttrib {
		return extract.FromPage, nil, nil
	}
	a, err := attrib.New()
	if err != nil {
		return nil, nil, fmt.Errorf("load attribution model: %w", err)
	}
	return extract.FromPage, a.Analyze, nil
}

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
	noAttrib := fs.Bool("no-attrib", false, "store articles without attributing them")
	ignoreRobots := fs.Bool("ignore-robots", false, "do not read robots.txt (only for sites you run)")
	batch := fs.Int("batch", ingest.DefaultBatchSize, "pages stored per transaction")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"no SOURCE given"}
	}
	if *rate <= 0 || *concurrency <= 0 || *workers <= 0 || *maxBytes <= 0 || *batch <= 0 {
		return usageError{"--rate, --concurrency, --workers, --max-bytes and --batch must be positive"}
	}
	s, err := openStore(ctx, *db, true)
	if err != nil {
		return err
	}
	defer s.Close()
	ex, an, err := readers(*noAttrib)
	if err != nil {
		return err
	}
	if *retries == 0 {
		*retries = -1 // fetch.Options: 0 means the default
	}
	fetcher := fetch.New(fetch.Options{
		UserAgent: *ua, Timeout: *timeout, MaxBytes: *maxBytes, AllowPrivate: *allowPrivate,
		HostInterval: time.Duration(float64(time.Second) / *rate), MaxConcurrent: *concurrency,
		IgnoreRobots: *ignoreRobots, Retries: *retries,
	})
	report, finish := progress(e, "ingest")
	in, err := ingest.New(ingest.Config{
		Store: s, Fetcher: fetcher, Extract: ex, Analyze: an, Workers: *workers, Fetchers: *concurrency,
		BatchSize: *batch, MaxPageBytes: *maxBytes, Stdin: e.stdin, Log: e.log, Progress: report,
	})
	if err != nil {
		return err
	}
	e.log.Info("ingest started", slog.String("db", *db), slog.Int("sources", fs.NArg()))
	sum, err := in.Run(ctx, fs.Args())
	finish()
	sum.Write(e.stdout)
	if err != nil {
		return err
	}
	if sum.Failed > 0 {
		return batchError{failed: sum.Failed, total: sum.Failed + sum.Fetched + sum.Read + sum.Duplicates}
	}
	return nil
}
