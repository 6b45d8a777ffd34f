package ingest

import (
	"context"
	"fmt"
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
	// held is the budget the page's body holds until it is stored.
	held int64
}

// Run ingests sources and returns the summary. Per-page and per-source
// failures are counted in the summary, not returned; Run returns an error
// only when the store fails for good or ctx ends (with the summary so far).
func (in *Ingester) Run(ctx context.Context, sources []string) (*Summary, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	sum := newSummary(in.cfg.Now())
	sum.Sources = len(sources)
	items := make(chan item, in.cfg.Fetchers)
	results := make(chan result, 2*in.cfg.Workers)
	feeds := &feedStates{}
	mem := newBudget(in.cfg.MemoryBudget)

	// Producer: sources → items.
	var produceWG sync.WaitGroup
	produceWG.Add(1)
	go func() {
		defer produceWG.Done()
		defer close(items)
		p := &producer{in: in, out: items, results: results, feeds: feeds, seen: newSeenSet(), mem: mem}
		p.run(ctx, sources)
	}()

	// Fetchers: items → pages (or failures), duplicates skipped.
	pages := make(chan result, in.cfg.Workers)
	var fetchWG sync.WaitGroup
	for range in.cfg.Fetchers {
		fetchWG.Add(1)
		go func() {
			defer fetchWG.Done()
			for it := range items {
				r := in.fetchItem(ctx, it, mem)
				if r.rec != nil {
					pages <- r
				} else {
					results <- r
				}
			}
		}()
	}
	go func() { fetchWG.Wait(); close(pages) }()

	// Readers: pages → records.
	var readWG sync.WaitGroup
	for range in.cfg.Workers {
		readWG.Add(1)
		go func() {
			defer readWG.Done()
			for r := range pages {
				in.read(ctx, &r)
				results <- r
			}
		}()
	}
	go func() { produceWG.Wait(); readWG.Wait(); close(results) }()

	// Writer: records → store, in batches.
	err := in.write(ctx, results, sum, mem)
	if err != nil {
		cancel()
		for range results {
		}
	}
	sum.Elapsed = in.cfg.Now().Sub(sum.started)
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
	if err == nil {
		err = ctx.Err()
	}
	return sum, err
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

// write stores results in batches and keeps the summary. It returns an
// error only when the store fails for good. Batches are saved by a second
// goroutine while the next one fills, so readers never wait for a commit.
func (in *Ingester) write(ctx context.Context, results <-chan result, sum *Summary, mem *budget) error {
	var mu sync.Mutex // guards sum and lastLog
	lastLog := in.cfg.Now()
	report := func() { // with mu held
		if in.cfg.Progress != nil {
			in.cfg.Progress(*sum)
			return
		}
		if now := in.cfg.Now(); now.Sub(lastLog) >= progressInterval {
			lastLog = now
			in.cfg.Log.Info("progress", "stored", sum.Stored, "articles", sum.Articles, "duplicates", sum.Duplicates,
				"no_article", sum.NoArticle, "failed", sum.Failed)
		}
	}

	batches := make(chan []result, 1)
	saved := make(chan error, 1)
	failed := make(chan struct{}) // closed when the store fails for good
	go func() {
		var err error
		for b := range batches {
			if err == nil {
				if err = in.save(ctx, b, sum, &mu); err != nil {
					close(failed)
				}
				mu.Lock()
				report()
				mu.Unlock()
			}
			for _, r := range b {
				mem.release(r.held)
			}
		}
		saved <- err
	}()
	// finish hands over the last batch and waits for the saver.
	var batch []result
	var batchBytes int64
	// A batch is also handed over when its bodies fill a quarter of the
	// memory budget, so that two batches leave half of it to the readers.
	maxBatchBytes := in.cfg.MemoryBudget / 4
	finish := func() error {
		if len(batch) > 0 {
			batches <- batch
		}
		close(batches)
		return <-saved
	}

	timer := time.NewTimer(flushInterval)
	defer timer.Stop()
	for {
		select {
		case <-failed:
			return finish()
		case r, ok := <-results:
			if !ok {
				return finish()
			}
			mu.Lock()
			switch {
			case r.skipped:
				sum.Skipped++
			case r.dup:
				sum.Duplicates++
				report()
			case r.fail != nil:
				sum.fail(r.stage, r.fail)
				in.cfg.Log.Warn("failed", "stage", r.stage, "url", r.url, "err", r.fail)
				report()
			default:
				if r.fetched {
					sum.Fetched++
				} else {
					sum.Read++
				}
				batch = append(batch, r)
				batchBytes += r.held
			}
			mu.Unlock()
			if len(batch) < in.cfg.BatchSize && batchBytes < maxBatchBytes {
				continue
			}
		case <-timer.C:
			timer.Reset(flushInterval)
			if len(batch) == 0 {
				continue
			}
		}
		// Hand the batch over; this waits only while the previous one is
		// still being saved.
		select {
		case batches <- batch:
			batch, batchBytes = nil, 0
		case <-failed:
			return finish()
		}
	}
}

// save stores a batch in one transaction. When the transaction fails, the
// records are saved one by one so that one bad record cannot sink the
// others; if every one fails, the store is broken and the error returned.
func (in *Ingester) save(ctx context.Context, batch []result, sum *Summary, mu *sync.Mutex) error {
	recs := make([]*sayso.Record, len(batch))
	for i, r := range batch {
		recs[i] = r.rec
	}
	res, err := in.cfg.Store.Save(ctx, recs)
	mu.Lock()
	defer mu.Unlock()
	if err == nil {
		for i, r := range res {
			in.count(batch[i], r, sum)
		}
		return nil
	}
	if ctx.Err() != nil || len(batch) == 1 {
		sum.fail("store", err)
		return fmt.Errorf("store: %w", err)
	}
	failed := 0
	var last error
	for _, r := range batch {
		mu.Unlock()
		res, err := in.cfg.Store.Save(ctx, []*sayso.Record{r.rec})
		mu.Lock()
		if err != nil {
			failed++
			last = err
			sum.fail("store", err)
			in.cfg.Log.Warn("failed", "stage", "store", "url", r.url, "err", err)
			continue
		}
		in.count(r, res[0], sum)
	}
	if failed == len(batch) {
		return fmt.Errorf("store: %w", last)
	}
	return nil
}

func (in *Ingester) count(r result, res sayso.SaveResult, sum *Summary) {
	rec := r.rec
	switch res.Outcome {
	case sayso.OutcomeDuplicateURL, sayso.OutcomeDuplicateContent:
		sum.Duplicates++
		return
	}
	sum.Stored++
	switch rec.State {
	case sayso.StateArticle:
		sum.Articles++
		if r.analyzeErr != nil {
			sum.AttributionFailed++
			sum.reason("attribute", r.analyzeErr)
		}
	case sayso.StateNoArticle:
		sum.NoArticle++
		sum.reason("extract", r.extractErr)
	default:
		sum.ExtractFailed++
		sum.reason("extract", r.extractErr)
		in.cfg.Log.Warn("extraction failed", "url", rec.Page.URL, "err", rec.Error)
	}
}
