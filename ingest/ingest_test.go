package ingest_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/attrib"
	"github.com/sayso-news/sayso/extract"
	"github.com/sayso-news/sayso/fetch"
	"github.com/sayso-news/sayso/ingest"
	"github.com/sayso-news/sayso/internal/fakesite"
	"github.com/sayso-news/sayso/store/sqlite"
)

type env struct {
	store sayso.Store
	site  *fakesite.Site
	log   bytes.Buffer
	dir   string
}

func newEnv(t *testing.T) *env {
	t.Helper()
	e := &env{dir: t.TempDir()}
	s, err := sqlite.Open(context.Background(), filepath.Join(e.dir, "sayso.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	e.store = s
	e.site = fakesite.New()
	t.Cleanup(e.site.Close)
	return e
}

func analyzer(t testing.TB) ingest.AnalyzeFunc {
	a, err := attrib.New()
	if err != nil {
		t.Fatal(err)
	}
	return a.Analyze
}

// config is a loopback configuration with the real extractor and analyzer.
func (e *env) config(t testing.TB) ingest.Config {
	return ingest.Config{
		Store: e.store,
		Fetcher: fetch.New(fetch.Options{AllowPrivate: true, HostInterval: -1, RetryBase: time.Millisecond,
			MaxBytes: 4 << 20, Timeout: 5 * time.Second, Retries: 1}),
		Extract: extract.FromPage,
		Analyze: analyzer(t),
		Log:     slog.New(slog.NewTextHandler(&e.log, nil)),
	}
}

func (e *env) run(t *testing.T, cfg ingest.Config, sources ...string) *ingest.Summary {
	t.Helper()
	in, err := ingest.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := in.Run(context.Background(), sources)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return sum
}

// check compares the summary's main counts.
func check(t *testing.T, sum *ingest.Summary, want ingest.Summary) {
	t.Helper()
	got := ingest.Summary{Fetched: sum.Fetched, Read: sum.Read, Stored: sum.Stored, Articles: sum.Articles,
		NoArticle: sum.NoArticle, ExtractFailed: sum.ExtractFailed, Duplicates: sum.Duplicates, Failed: sum.Failed, Skipped: sum.Skipped}
	if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", want) {
		var b bytes.Buffer
		sum.Write(&b)
		t.Errorf("summary counts\n got %+v\nwant %+v\n%s", got, want, b.String())
	}
}

// pageFolder writes n article pages (fakesite.ArticleHTML) into a new
// folder and returns it.
func (e *env) pageFolder(t *testing.T, n int) string {
	t.Helper()
	dir, err := os.MkdirTemp(e.dir, "pages")
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("%04d.html", i)), []byte(fakesite.ArticleHTML(i)))
	}
	return dir
}

func (e *env) stats(t *testing.T) sayso.StoreStats {
	t.Helper()
	st, err := e.store.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestFolder(t *testing.T) {
	e := newEnv(t)
	dir := filepath.Join(e.dir, "pages")
	os.MkdirAll(filepath.Join(dir, "2024", "03"), 0o755)
	for i := range 5 {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("story-%d.html", i)), []byte(fakesite.ArticleHTML(i)))
	}
	writeFile(t, filepath.Join(dir, "2024", "03", "story-5.html.gz"), gzipBytes([]byte(fakesite.ArticleHTML(5))))
	writeFile(t, filepath.Join(dir, "2024", "index.htm"), []byte(fakesite.ListingHTML))
	writeFile(t, filepath.Join(dir, "notes.txt"), []byte("not a page"))
	writeFile(t, filepath.Join(dir, "story-copy.html"), []byte(fakesite.ArticleHTML(0))) // same bytes as story-0

	sum := e.run(t, e.config(t), dir)
	check(t, sum, ingest.Summary{Read: 8, Stored: 7, Articles: 6, NoArticle: 1, Duplicates: 1})
	if st := e.stats(t); st.Articles != 6 {
		t.Errorf("store stats = %+v, want 6 articles", st)
	}
	// An article read from a file keeps its text and metadata.
	a, err := e.store.Article(context.Background(), "file://"+filepath.ToSlash(filepath.Join(dir, "story-1.html")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Article.Title, "Skarvik") || !strings.Contains(a.Article.Text(), "Ferry fares will rise") {
		t.Errorf("article = %q: %.80q", a.Article.Title, a.Article.Text())
	}
	// It was attributed (what attribution finds is attrib's business).
	if a.Analysis == nil || a.AnalyzerVersion == "" || a.AnalysisError != "" {
		t.Errorf("analysis = %v, version %q, error %q", a.Analysis, a.AnalyzerVersion, a.AnalysisError)
	}

	// Running again stores nothing new.
	sum = e.run(t, e.config(t), dir)
	check(t, sum, ingest.Summary{Duplicates: 8})
}

func TestFeedAndSitemaps(t *testing.T) {
	e := newEnv(t)
	for i := range 6 {
		e.site.HTML(fmt.Sprintf("/news/%d", i), fakesite.ArticleHTML(i))
	}
	e.site.Robots("User-agent: *\nDisallow: /private/\n")
	e.site.Page("/rss.xml", "application/rss+xml", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title>
<item><title>Zero</title><link>`+e.site.URL("/news/0")+`</link></item>
<item><title>One</title><link>/news/1</link></item>
<item><title>One again</title><link>/news/1?utm_source=rss</link></item>
</channel></rss>`))
	e.site.Page("/sitemap_index.xml", "application/xml", []byte(`<?xml version="1.0"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>`+e.site.URL("/sitemap-news.xml")+`</loc></sitemap>
<sitemap><loc>/sitemap-old.xml.gz</loc></sitemap></sitemapindex>`))
	e.site.Page("/sitemap-news.xml", "application/xml", []byte(`<?xml version="1.0"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>/news/2</loc><news:news><news:publication_date>2024-03-05</news:publication_date><news:title>Two</news:title></news:news></url>
<url><loc>/news/3</loc></url></urlset>`))
	e.site.Page("/sitemap-old.xml.gz", "application/gzip", gzipBytes([]byte(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>/news/4</loc></url><url><loc>/news/0</loc></url></urlset>`)))

	sum := e.run(t, e.config(t), e.site.URL("/rss.xml"), e.site.URL("/sitemap_index.xml"))
	check(t, sum, ingest.Summary{Fetched: 5, Stored: 5, Articles: 5})
	if e.site.Hits("/news/1") != 1 || e.site.Hits("/news/0") != 1 {
		t.Errorf("pages fetched more than once: /news/0 %d, /news/1 %d", e.site.Hits("/news/0"), e.site.Hits("/news/1"))
	}
	a, err := e.store.Article(context.Background(), e.site.URL("/news/2"))
	if err != nil {
		t.Fatal(err)
	}
	if a.Outlet != "127.0.0.1" || a.Source != "sitemap "+e.site.URL("/sitemap-news.xml") {
		t.Errorf("article from the news sitemap: outlet %q, source %q", a.Outlet, a.Source)
	}

	// A second run makes conditional requests: the feed and sitemaps are
	// unchanged (304), so no page is fetched again.
	sum = e.run(t, e.config(t), e.site.URL("/rss.xml"), e.site.URL("/sitemap_index.xml"))
	check(t, sum, ingest.Summary{})
	if n := e.site.Hits("/rss.xml"); n != 2 {
		t.Errorf("feed requested %d times, want 2", n)
	}
	for i := range 5 {
		if n := e.site.Hits(fmt.Sprintf("/news/%d", i)); n != 1 {
			t.Errorf("/news/%d requested %d times, want once", i, n)
		}
	}
}

func TestBadInput(t *testing.T) {
	e := newEnv(t)
	good := fakesite.New()
	defer good.Close()
	good.HTML("/news/ok", fakesite.ArticleHTML(7))
	e.site.Status("/gone", http.StatusNotFound)
	e.site.Endless("/huge", 5<<30, false)
	e.site.GzipBomb("/bomb", 5<<30)
	e.site.Page("/bad.xml", "application/rss+xml", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</item></channel></rss>`))
	closed := fakesite.New()
	deadHost := closed.URL("/news/1")
	closed.Close()
	denied := fakesite.New()
	defer denied.Close()
	denied.Robots("User-agent: *\nDisallow: /\n")
	denied.HTML("/news/1", fakesite.ArticleHTML(1))

	cut := encodeWARC(t, []warcRecord{
		{uri: "https://porthaven.example/news/0", raw: response("200 OK", "text/html", fakesite.ArticleHTML(0))},
		{uri: "https://porthaven.example/news/1", raw: response("200 OK", "text/html", fakesite.ArticleHTML(1))},
	}, true)
	warcPath := filepath.Join(e.dir, "cut.warc.gz")
	writeFile(t, warcPath, cut[:len(cut)-300])

	list := filepath.Join(e.dir, "urls.txt")
	writeFile(t, list, []byte("# bad input, one per line\n"+deadHost+"\n"+e.site.URL("/gone")+"\n"+e.site.URL("/huge")+"\n"+
		e.site.URL("/bomb")+"\n"+denied.URL("/news/1")+"\nnot a url\n"+good.URL("/news/ok")+"\n"))

	start := time.Now()
	sum := e.run(t, e.config(t), list, e.site.URL("/bad.xml"), warcPath, filepath.Join(e.dir, "missing.html"), "ftp://x.example/")
	check(t, sum, ingest.Summary{Fetched: 1, Read: 1, Stored: 2, Articles: 2, Failed: 10})
	if d := time.Since(start); d > 60*time.Second {
		t.Errorf("bad inputs took %s", d)
	}
	var b bytes.Buffer
	sum.Write(&b)
	report := b.String()
	for _, want := range []string{
		"connection refused",          // unreachable host
		"404",                         // not found
		"over the 4194304-byte limit", // 5 GB body and gzip bomb
		"invalid XML",                 // feed
		"record 2",                    // truncated WARC record
		"robots.txt",                  // disallowed
		"not an http(s) URL",          // bad list line
		"no such file",                // missing file
	} {
		if !strings.Contains(report, want) && !strings.Contains(e.log.String(), want) {
			t.Errorf("neither the summary nor the log mentions %q\n%s\n%s", want, report, e.log.String())
		}
	}
	t.Log("\n" + report)
}

func TestURLListFromStdin(t *testing.T) {
	e := newEnv(t)
	for i := range 3 {
		e.site.HTML(fmt.Sprintf("/news/%d", i), fakesite.ArticleHTML(i))
	}
	cfg := e.config(t)
	cfg.Stdin = strings.NewReader(e.site.URL("/news/0") + "\n\n  " + e.site.URL("/news/1") + "  \n" + e.site.URL("/news/2") + "\n" + e.site.URL("/news/0") + "\n")
	sum := e.run(t, cfg, "-")
	check(t, sum, ingest.Summary{Fetched: 3, Stored: 3, Articles: 3})
}

func TestFailuresAndReprocess(t *testing.T) {
	e := newEnv(t)
	dir := e.pageFolder(t, 4)
	cfg := e.config(t)
	// An extractor that is broken for one page and panics on another.
	cfg.Extract = func(p *sayso.Page) (*sayso.Article, error) {
		switch {
		case strings.HasSuffix(p.URL, "/0001.html"):
			return nil, errors.New("extractor bug")
		case strings.HasSuffix(p.URL, "/0002.html"):
			panic("extractor panic")
		}
		return extract.FromPage(p)
	}
	cfg.Analyze = func(ctx context.Context, text string) (*sayso.Analysis, error) {
		return nil, errors.New("model missing")
	}
	sum := e.run(t, cfg, dir)
	check(t, sum, ingest.Summary{Read: 4, Stored: 4, Articles: 2, ExtractFailed: 2})
	if sum.AttributionFailed != 2 {
		t.Errorf("AttributionFailed = %d, want 2", sum.AttributionFailed)
	}
	if st := e.stats(t); st.Failed != 2 || st.Attributions != 0 {
		t.Errorf("stats = %+v", st)
	}

	// Reprocessing with working parts fixes everything, keeping page ids.
	in, err := ingest.New(e.config(t))
	if err != nil {
		t.Fatal(err)
	}
	sum, err = in.Reprocess(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	check(t, sum, ingest.Summary{Read: 4, Stored: 4, Articles: 4})
	if st := e.stats(t); st.Articles != 4 || st.Failed != 0 || st.Pages != 4 {
		t.Errorf("stats after reprocess = %+v", st)
	}
	// Only failed pages: nothing left to do.
	sum, err = in.Reprocess(context.Background(), func(p *sayso.StoredPage) bool { return p.State != sayso.StateArticle })
	if err != nil {
		t.Fatal(err)
	}
	check(t, sum, ingest.Summary{})
}

func TestCancel(t *testing.T) {
	e := newEnv(t)
	e.site.Slow("/slow", time.Minute, fakesite.ArticleHTML(0))
	in, err := ingest.New(e.config(t))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := in.Run(ctx, []string{e.site.URL("/slow")})
		done <- err
	}()
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Run after cancel = %v, want context.Canceled", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Run did not stop after cancel")
	}
}

// brokenStore is a store whose writes fail, like a full disk.
type brokenStore struct{ sayso.Store }

func (brokenStore) Save(ctx context.Context, recs []*sayso.Record) ([]sayso.SaveResult, error) {
	return nil, sayso.Errorf(sayso.EUNAVAILABLE, "save: disk full")
}

func TestStoreFailureStopsTheRun(t *testing.T) {
	e := newEnv(t)
	dir := e.pageFolder(t, 200)
	cfg := e.config(t)
	cfg.Store = brokenStore{e.store}
	cfg.BatchSize = 4
	in, err := ingest.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := in.Run(context.Background(), []string{dir})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("Run = %v, want the store's error", err)
	}
	if sum.Read >= 200 {
		t.Errorf("read %d pages after the store failed; the run should stop", sum.Read)
	}
}

func TestFeedRetriedAfterFailure(t *testing.T) {
	e := newEnv(t)
	e.site.HTML("/news/0", fakesite.ArticleHTML(0))
	// Down for the first run (one attempt and one retry), up after.
	e.site.Flaky("/news/1", 2, http.StatusServiceUnavailable, "", fakesite.ArticleHTML(1))
	e.site.Page("/rss.xml", "application/rss+xml", []byte(`<rss version="2.0"><channel>
<item><link>/news/0</link></item><item><link>/news/1</link></item></channel></rss>`))
	sum := e.run(t, e.config(t), e.site.URL("/rss.xml"))
	check(t, sum, ingest.Summary{Fetched: 1, Stored: 1, Articles: 1, Failed: 1})
	// The failed item is retried: the feed is read in full again, not
	// answered 304 from the validators of the failed run.
	sum = e.run(t, e.config(t), e.site.URL("/rss.xml"))
	check(t, sum, ingest.Summary{Fetched: 1, Stored: 1, Articles: 1, Duplicates: 1})
	// Now everything is stored: the next run is a conditional GET.
	sum = e.run(t, e.config(t), e.site.URL("/rss.xml"))
	check(t, sum, ingest.Summary{})
}

func TestSmallMemoryBudget(t *testing.T) {
	e := newEnv(t)
	dir := e.pageFolder(t, 30)
	cfg := e.config(t)
	cfg.MemoryBudget = 1000 // smaller than any page: one body at a time
	sum := e.run(t, cfg, dir)
	check(t, sum, ingest.Summary{Read: 30, Stored: 30, Articles: 30})
	in, err := ingest.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	sum, err = in.Reprocess(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	check(t, sum, ingest.Summary{Read: 30, Stored: 30, Articles: 30})
}

// TestStopKeepsFinishedWork stops a run half-way, as Ctrl-C does, and
// checks that every page read in full was stored (none with an attribution
// cut short), that nothing is reported as failed, and that running again
// finishes the corpus.
func TestStopKeepsFinishedWork(t *testing.T) {
	e := newEnv(t)
	const n = 60
	dir := e.pageFolder(t, n)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cfg := e.config(t)
	cfg.Workers, cfg.BatchSize = 2, 4
	cfg.Progress = func(s ingest.Summary) {
		if s.Stored >= 8 {
			cancel() // the user presses Ctrl-C
		}
	}
	in, err := ingest.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := in.Run(ctx, []string{dir})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Run = %v, want context.Canceled", err)
	}
	if sum.Failed != 0 || sum.Stored >= n {
		t.Errorf("stopped run: %d stored, %d failed; want fewer than %d stored and no failures", sum.Stored, sum.Failed, n)
	}
	if st := e.stats(t); st.Articles != sum.Articles {
		t.Errorf("the store holds %d articles, the summary counts %d stored", st.Articles, sum.Articles)
	}
	checkAttributed := func(want int) {
		t.Helper()
		arts, err := e.store.Articles(context.Background(), 0, 1000)
		if err != nil {
			t.Fatal(err)
		}
		if len(arts) != want {
			t.Errorf("%d articles stored, want %d", len(arts), want)
		}
		for _, a := range arts {
			if a.Analysis == nil || a.AnalysisError != "" {
				t.Errorf("article %d stored without its attribution: %q", a.ID, a.AnalysisError)
			}
		}
	}
	checkAttributed(sum.Articles)

	sum = e.run(t, e.config(t), dir)
	if sum.Failed != 0 || sum.Interrupted != 0 {
		t.Errorf("rerun: %d failed, %d interrupted", sum.Failed, sum.Interrupted)
	}
	checkAttributed(n)
}

// TestSitemapBounds checks that sitemap indexes cannot make a run endless:
// an index naming itself or an ancestor is not read again, and the depth
// and number of child sitemaps followed are bounded.
func TestSitemapBounds(t *testing.T) {
	index := func(locs ...string) []byte {
		var b strings.Builder
		b.WriteString(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
		for _, l := range locs {
			b.WriteString("<sitemap><loc>" + l + "</loc></sitemap>")
		}
		return []byte(b.String() + "</sitemapindex>")
	}
	urlset := func(locs ...string) []byte {
		var b strings.Builder
		b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
		for _, l := range locs {
			b.WriteString("<url><loc>" + l + "</loc></url>")
		}
		return []byte(b.String() + "</urlset>")
	}
	tests := []struct {
		name     string
		docs     map[string][]byte
		maxDepth int
		max      int
		want     ingest.Summary
		reason   string // in the failure, when one is expected
		once     []string
	}{
		{"cycle", map[string][]byte{
			"/index.xml": index("/index.xml", "/a.xml"),
			"/a.xml":     index("/index.xml?utm_source=x", "/b.xml"),
			"/b.xml":     urlset("/news/0"),
		}, 0, 0, ingest.Summary{Fetched: 1, Stored: 1, Articles: 1}, "", []string{"/index.xml", "/a.xml", "/b.xml"}},
		{"too many children", map[string][]byte{
			"/index.xml": index("/s0.xml", "/s1.xml", "/s2.xml", "/s3.xml"),
			"/s0.xml":    urlset("/news/0"),
			"/s1.xml":    urlset("/news/1"),
			"/s2.xml":    urlset("/news/2"),
			"/s3.xml":    urlset("/news/3"),
		}, 0, 2, ingest.Summary{Fetched: 2, Stored: 2, Articles: 2, Failed: 1}, "more than 2 child sitemaps", nil},
		{"too deep", map[string][]byte{
			"/index.xml": index("/d1.xml"),
			"/d1.xml":    index("/d2.xml"),
			"/d2.xml":    index("/d3.xml"),
			"/d3.xml":    urlset("/news/0"),
		}, 2, 0, ingest.Summary{Failed: 1}, "nested deeper than 2", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t)
			for i := range 4 {
				e.site.HTML(fmt.Sprintf("/news/%d", i), fakesite.ArticleHTML(i))
			}
			for path, doc := range tt.docs {
				e.site.Page(path, "application/xml", doc)
			}
			cfg := e.config(t)
			cfg.MaxSitemapDepth, cfg.MaxSitemaps = tt.maxDepth, tt.max
			sum := e.run(t, cfg, e.site.URL("/index.xml"))
			check(t, sum, tt.want)
			if tt.reason != "" {
				if r := sum.Reasons(); len(r) != 1 || !strings.Contains(r[0].Example, tt.reason) {
					t.Errorf("reasons = %+v, want one saying %q", r, tt.reason)
				}
			}
			for _, path := range tt.once {
				if n := e.site.Hits(path); n != 1 {
					t.Errorf("%s fetched %d times, want once", path, n)
				}
			}
		})
	}
}
