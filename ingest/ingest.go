package ingest

import (
	"context"
	"io"
	"log/slog"
	"runtime"
	"sync"
	"time"

	"github.com/sayso-news/sayso"
)

// ExtractFunc reads the article on a page; extract.FromPage fits. It
// returns an error of code sayso.ENOARTICLE when the page carries none.
type ExtractFunc func(*sayso.Page) (*sayso.Article, error)

// AnalyzeFunc reads attributions in an article's text; the attrib
// Analyzer's Analyze method fits. It must be safe for concurrent use.
type AnalyzeFunc func(ctx context.Context, text string) (*sayso.Analysis, error)

// Defaults for Config fields left zero.
const (
	// DefaultFetchers is the number of concurrent fetches; fetching waits on
	// the network and on per-host rate limits, not on the CPU.
	DefaultFetchers = 16
	// DefaultBatchSize is the records per store transaction: large enough
	// that commits (an fsync each) cost little per page, small enough that
	// a crash loses at most a second of work.
	DefaultBatchSize = 64
	// DefaultMaxPageBytes bounds a page read from a file or a WARC record,
	// like the fetcher's cap on the network.
	DefaultMaxPageBytes = 20 << 20
	// DefaultMaxSitemapDepth bounds sitemap-index recursion; real sites
	// nest at most two levels.
	DefaultMaxSitemapDepth = 3
	// DefaultMaxSitemaps bounds the child sitemaps followed from one
	// source argument, all levels together: a large news site splits its
	// archive into a few hundred, and a hostile index cannot make a run
	// endless (each child may list 50,000 pages).
	DefaultMaxSitemaps = 1000
	// DefaultMemoryBudget bounds the page bodies held in the pipeline at
	// once: thousands of ordinary pages, a dozen of the largest, and with
	// the attribution model well under half a gigabyte in all.
	DefaultMemoryBudget = 192 << 20
	// flushInterval is how long a partial batch waits for more records, so
	// a slow trickle of pages is still committed promptly.
	flushInterval = 500 * time.Millisecond
	// progressInterval spaces progress log lines when no progress
	// callback is given.
	progressInterval = 5 * time.Second
)

// Config assembles an Ingester. Store and Extract are required.
type Config struct {
	Store sayso.Store
	// Fetcher fetches URL sources; without one they fail. A
	// sayso.ConditionalFetcher also makes conditional GETs of feeds.
	Fetcher sayso.Fetcher
	Extract ExtractFunc
	// Analyze attributes articles; nil skips attribution.
	Analyze         AnalyzeFunc
	AnalyzerVersion string
	// Workers extract and attribute in parallel; GOMAXPROCS by default.
	Workers int
	// Fetchers is the number of concurrent fetches.
	Fetchers int
	// BatchSize is the number of records per store transaction.
	BatchSize int
	// MaxPageBytes bounds pages read from files and WARC records.
	MaxPageBytes int64
	// MaxSitemapDepth bounds sitemap-index recursion.
	MaxSitemapDepth int
	// MaxSitemaps bounds the child sitemaps followed from one source.
	MaxSitemaps int
	// MemoryBudget bounds the bytes of page bodies in the pipeline.
	MemoryBudget int64
	// Stdin is read for the source "-" (a list of URLs).
	Stdin io.Reader
	// Log receives one line per failure and progress lines; slog.Default()
	// when nil.
	Log *slog.Logger
	// Progress, when set, is called from one goroutine after every page
	// with the running totals; progress lines are then not logged.
	Progress func(Summary)
	// Now is the clock; time.Now when nil.
	Now func() time.Time
}

// Ingester runs ingestion with a Config.
type Ingester struct {
	cfg Config
	// warc, when count > 0, limits WARC sources to a range of their
	// records (see WARCRange).
	warc warcRange
	// pages, when to > 0, limits Reprocess to a range of page ids.
	pages pageRange
}

// New validates cfg, fills defaults and returns an Ingester. It returns an
// EINVALID error when Store or Extract is missing.
func New(cfg Config) (*Ingester, error) {
	if cfg.Store == nil {
		return nil, sayso.Errorf(sayso.EINVALID, "ingest: no store")
	}
	if cfg.Extract == nil {
		return nil, sayso.Errorf(sayso.EINVALID, "ingest: no extractor")
	}
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	if cfg.Fetchers <= 0 {
		cfg.Fetchers = DefaultFetchers
	}
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = DefaultBatchSize
	}
	if cfg.MaxPageBytes <= 0 {
		cfg.MaxPageBytes = DefaultMaxPageBytes
	}
	if cfg.MaxSitemapDepth <= 0 {
		cfg.MaxSitemapDepth = DefaultMaxSitemapDepth
	}
	if cfg.MaxSitemaps <= 0 {
		cfg.MaxSitemaps = DefaultMaxSitemaps
	}
	if cfg.MemoryBudget <= 0 {
		cfg.MemoryBudget = DefaultMemoryBudget
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.AnalyzerVersion == "" {
		cfg.AnalyzerVersion = sayso.Version
	}
	return &Ingester{cfg: cfg}, nil
}

// item is one page to read: fetched already (page set) or to fetch (url).
type item struct {
	url    string
	page   *sayso.Page
	source string
	// held is the budget the page's body holds.
	held int64
}

// result is what happened to one item before storing.
type result struct {
	rec *sayso.Record // nil when nothing is to be stored
	// fail is a failure that prevents storing (fetch or read errors);
	// stage names where.
	fail  error
	stage string
	url   string
	// dup marks an address known before fetching.
	dup bool
	// extractErr and analyzeErr say why reading the page fell short.
	extractErr, analyzeErr error
	// fetched marks a page fetched over the network.
	fetched bool
	// skipped marks a WARC record that is not a page.
	skipped bool
	// interrupted marks a page whose reading the end of the run's context
	// cut short: it is neither stored nor counted as a failure.
	interrupted bool
	// held is the budget the page's body holds until it is stored.
	held int64
}

// Run ingests sources and returns the summary. Per-page and per-source
// failures are counted in the summary, not returned; Run returns an error
// only when the store fails for good or ctx ends (with the summary so far).
//
// When ctx ends, Run stops taking new pages but stores every page already
// read in full, so that stopping a run (Ctrl-C) loses no finished work;
// pages caught half-way are counted as Interrupted and left to the next run.
func (in *Ingester) Run(ctx context.Context, sources []string) (*Summary, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	sum := newSummary(in.cfg.Now())
	sum.Sources = len(sources)
	items := make(chan item, in.cfg.Fetchers)
	pages := make(chan result, in.cfg.Workers)
	results := make(chan result, 2*in.cfg.Workers)
	feeds := &feedStates{}
	mem := newBudget(in.cfg.MemoryBudget)

	// Producer: sources → items.
	var produced sync.WaitGroup
	produced.Go(func() {
		defer close(items)
		p := &producer{in: in, out: items, results: results, feeds: feeds, seen: newSeenSet(), mem: mem}
		p.run(ctx, sources)
	})

	// Fetchers: items → pages (or failures), duplicates skipped.
	var fetched sync.WaitGroup
	for range in.cfg.Fetchers {
		fetched.Go(func() {
			for it := range items {
				r := in.fetchItem(ctx, it, mem)
				if r.rec != nil {
					pages <- r
				} else {
					results <- r
				}
			}
		})
	}
	go func() { fetched.Wait(); close(pages) }()

	// Readers: pages → records; then the writer stores them.
	read := in.startReaders(ctx, pages, results)
	go func() { produced.Wait(); read.Wait(); close(results) }()
	err := in.store(ctx, cancel, results, sum, mem)
	if err == nil && ctx.Err() == nil && sum.Failed == 0 {
		// The run completed and nothing failed: the feeds' items are all
		// stored, so their validators can be kept for a conditional GET
		// next time. (After a failure the feeds are read again in full, so
		// that the failed items are retried.)
		for _, f := range feeds.all() {
			if serr := in.cfg.Store.SetFeedState(context.WithoutCancel(ctx), f.url, f.v); serr != nil {
				in.cfg.Log.Warn("keep feed validators", "url", f.url, "err", serr)
			}
		}
	}
	return sum, in.finalErr(ctx, err)
}

// startReaders starts the workers that extract and attribute pages, each
// sending its result on. The returned group is done when pages is closed
// and drained. Once ctx ends, pages are passed on unread, as interrupted.
func (in *Ingester) startReaders(ctx context.Context, pages <-chan result, results chan<- result) *sync.WaitGroup {
	var wg sync.WaitGroup
	for range in.cfg.Workers {
		wg.Go(func() {
			for r := range pages {
				if ctx.Err() == nil {
					in.read(ctx, &r)
				}
				// Work cut short by the end of ctx (an attribution that
				// stopped half-way) is not stored: the next run redoes it.
				r.interrupted = ctx.Err() != nil && (r.analyzeErr != nil || r.rec.State == "")
				results <- r
			}
		})
	}
	return &wg
}

// store runs the writer until results is closed. When the store fails for
// good it cancels the run and drains results so that every stage ends.
func (in *Ingester) store(ctx context.Context, cancel context.CancelFunc, results <-chan result, sum *Summary, mem *budget) error {
	err := in.write(ctx, results, sum, mem)
	if err != nil {
		cancel()
		for range results {
		}
	}
	sum.Elapsed = in.cfg.Now().Sub(sum.started)
	return err
}

// finalErr is what Run and Reprocess return: the store's error, else an
// interruption by ctx (wrapping ctx's error), else nil.
func (in *Ingester) finalErr(ctx context.Context, err error) error {
	if err != nil {
		return err
	}
	if ctx.Err() != nil {
		return sayso.Errorf(sayso.EUNAVAILABLE, "ingest interrupted: %w", context.Cause(ctx))
	}
	return nil
}

// fetchItem fetches an item's page unless its address is already stored.
func (in *Ingester) fetchItem(ctx context.Context, it item, mem *budget) (r result) {
	r = result{url: it.url, stage: "fetch", held: it.held}
	defer func() {
		if r.rec == nil {
			// Nothing goes on to be stored: the body is let go.
			mem.release(r.held)
			r.held = 0
		}
	}()
	if it.url != "" {
		known, err := in.cfg.Store.Known(ctx, []string{it.url})
		if err != nil {
			r.fail, r.stage = err, "store"
			return r
		}
		if known[0] {
			r.dup = true
			return r
		}
	}
	p := it.page
	if p == nil {
		if in.cfg.Fetcher == nil {
			r.fail = sayso.Errorf(sayso.EINVALID, "fetch %s: no fetcher configured", it.url)
			return r
		}
		var err error
		p, err = in.cfg.Fetcher.Fetch(ctx, it.url)
		if err != nil {
			r.fail = err
			return r
		}
		r.fetched = true
		if !mem.acquire(ctx, int64(len(p.Body))) {
			r.fail = ctx.Err()
			return r
		}
		r.held = int64(len(p.Body))
		if p.FinalURL != "" && p.FinalURL != p.URL {
			// A redirect to an address already stored is a duplicate too.
			if known, err := in.cfg.Store.Known(ctx, []string{p.FinalURL}); err == nil && known[0] {
				r.dup = true
				return r
			}
		}
	}
	r.rec = &sayso.Record{Page: p, Source: it.source}
	return r
}

// read extracts and attributes r's page, filling its record in. Failures
// are recorded in the record too (the raw page is stored either way, for
// reprocessing).
func (in *Ingester) read(ctx context.Context, r *result) {
	rec := r.rec
	art, err := safeExtract(in.cfg.Extract, rec.Page)
	switch {
	case err == nil && art == nil:
		err = sayso.Errorf(sayso.ENOARTICLE, "extractor returned no article")
		fallthrough
	case err != nil:
		rec.State = sayso.StateFailed
		if sayso.ErrorCodeOf(err) == sayso.ENOARTICLE {
			rec.State = sayso.StateNoArticle
		}
		rec.Error = err.Error()
		r.extractErr = err
		return
	}
	rec.State, rec.Article = sayso.StateArticle, art
	if in.cfg.Analyze == nil {
		return
	}
	an, err := safeAnalyze(ctx, in.cfg.Analyze, art.Text())
	if err != nil {
		rec.Error = "attribution: " + err.Error()
		r.analyzeErr = err
		return
	}
	rec.Analysis, rec.AnalyzerVersion = an, in.cfg.AnalyzerVersion
}

// safeExtract turns a panic in the extractor into an error, so one hostile
// page cannot stop a run.
func safeExtract(f ExtractFunc, p *sayso.Page) (a *sayso.Article, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = sayso.Errorf(sayso.EINTERNAL, "extract panicked: %v", v)
		}
	}()
	return f(p)
}

func safeAnalyze(ctx context.Context, f AnalyzeFunc, text string) (a *sayso.Analysis, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = sayso.Errorf(sayso.EINTERNAL, "attribution panicked: %v", v)
		}
	}()
	return f(ctx, text)
}
