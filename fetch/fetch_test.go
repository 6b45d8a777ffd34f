package fetch_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/fetch"
	"github.com/sayso-news/sayso/internal/fakesite"
)

const article = `<!doctype html><html><head><title>Harbour vote</title></head>
<body><article><p>The council voted on Tuesday, officials said.</p></article></body></html>`

// testOptions are fast settings for loopback tests.
func testOptions() fetch.Options {
	return fetch.Options{
		AllowPrivate: true,
		HostInterval: -1,
		RetryBase:    time.Millisecond,
		Timeout:      5 * time.Second,
	}
}

func newSite(t *testing.T) *fakesite.Site {
	t.Helper()
	s := fakesite.New()
	t.Cleanup(s.Close)
	return s
}

func TestFetchPage(t *testing.T) {
	site := newSite(t)
	site.HTML("/news/a.html", article)
	site.Redirect("/old", "/news/a.html", http.StatusMovedPermanently)
	c := fetch.New(testOptions())

	p, err := c.Fetch(context.Background(), site.URL("/old"))
	if err != nil {
		t.Fatal(err)
	}
	if string(p.Body) != article {
		t.Errorf("body = %q, want the page (gzip transfer decoded)", p.Body)
	}
	if p.URL != site.URL("/old") || p.FinalURL != site.URL("/news/a.html") {
		t.Errorf("URL = %s, FinalURL = %s", p.URL, p.FinalURL)
	}
	if len(p.Redirects) != 1 || p.Redirects[0] != site.URL("/old") {
		t.Errorf("Redirects = %v", p.Redirects)
	}
	if p.StatusCode != 200 || !strings.HasPrefix(p.ContentType(), "text/html") {
		t.Errorf("status %d, content type %q", p.StatusCode, p.ContentType())
	}
	if p.Header.Get("Content-Encoding") != "" {
		t.Errorf("Content-Encoding kept after decoding: %q", p.Header.Get("Content-Encoding"))
	}
	if p.FetchedAt.IsZero() {
		t.Error("FetchedAt not set")
	}
}

func TestFetchErrors(t *testing.T) {
	site := newSite(t)
	site.Status("/gone", http.StatusGone)
	site.Status("/teapot", http.StatusTeapot)
	site.Status("/down", http.StatusServiceUnavailable)
	site.Endless("/five-gb-declared", 5<<30, true)
	site.Endless("/five-gb-chunked", 5<<30, false)
	site.GzipBomb("/bomb", 5<<30)
	site.Redirect("/loop", "/loop", http.StatusFound)
	site.Redirect("/to-ftp", "ftp://example.com/x", http.StatusFound)
	site.Slow("/slow", time.Minute, article)

	// A port with nothing listening: the listener is closed at once.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + ln.Addr().String() + "/"
	ln.Close()

	opts := testOptions()
	opts.MaxBytes = 4 << 20
	opts.Retries = 1
	c := fetch.New(opts)
	slowOpts := opts
	slowOpts.Timeout = 200 * time.Millisecond
	slowOpts.Retries = -1

	tests := []struct {
		name   string
		client *fetch.Client
		url    string
		code   sayso.ErrorCode
		msg    string
	}{
		{"404", c, site.URL("/missing"), sayso.ENOTFOUND, "404"},
		{"410", c, site.URL("/gone"), sayso.ENOTFOUND, "410"},
		{"418", c, site.URL("/teapot"), sayso.EUNAVAILABLE, "418"},
		{"503 after retries", c, site.URL("/down"), sayso.EUNAVAILABLE, "503"},
		{"5 GB declared", c, site.URL("/five-gb-declared"), sayso.ETOOLARGE, "limit"},
		{"5 GB streamed", c, site.URL("/five-gb-chunked"), sayso.ETOOLARGE, "limit"},
		{"gzip bomb", c, site.URL("/bomb"), sayso.ETOOLARGE, "limit"},
		{"redirect loop", c, site.URL("/loop"), sayso.EUNAVAILABLE, "redirects"},
		{"redirect to ftp", c, site.URL("/to-ftp"), sayso.EFORBIDDEN, "non-http"},
		{"unreachable", c, closed, sayso.EUNAVAILABLE, "refused"},
		{"timeout", fetch.New(slowOpts), site.URL("/slow"), sayso.EUNAVAILABLE, "timed out"},
		{"not http", c, "mailto:a@b.c", sayso.EINVALID, "not an http"},
		{"relative", c, "/news/a.html", sayso.EINVALID, "not an http"},
		{"garbage", c, "http://[::1", sayso.EINVALID, "fetch"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := tt.client.Fetch(context.Background(), tt.url)
			if err == nil {
				t.Fatalf("got a page of %d bytes, want an error", len(p.Body))
			}
			if got := sayso.ErrorCodeOf(err); got != tt.code {
				t.Errorf("code = %s, want %s (err: %v)", got, tt.code, err)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q does not mention %q", err, tt.msg)
			}
		})
	}
	if got := site.Hits("/down"); got != 2 {
		t.Errorf("/down requested %d times, want 2 (one retry)", got)
	}
}

func TestFetchStatusError(t *testing.T) {
	site := newSite(t)
	c := fetch.New(testOptions())
	_, err := c.Fetch(context.Background(), site.URL("/nothing"))
	var se *fetch.StatusError
	if !errors.As(err, &se) || se.Code != 404 {
		t.Fatalf("errors.As(StatusError) = %v, %v", se, err)
	}
}

func TestFetchRetries(t *testing.T) {
	site := newSite(t)
	site.Flaky("/flaky", 2, http.StatusServiceUnavailable, "", article)
	site.Flaky("/busy", 1, http.StatusTooManyRequests, "0", article)
	site.Flaky("/later", 1, http.StatusTooManyRequests, "3600", article)
	c := fetch.New(testOptions())
	ctx := context.Background()

	if _, err := c.Fetch(ctx, site.URL("/flaky")); err != nil {
		t.Errorf("flaky: %v", err)
	}
	if got := site.Hits("/flaky"); got != 3 {
		t.Errorf("flaky requested %d times, want 3", got)
	}
	if _, err := c.Fetch(ctx, site.URL("/busy")); err != nil {
		t.Errorf("429 then ok: %v", err)
	}
	_, err := c.Fetch(ctx, site.URL("/later"))
	if sayso.ErrorCodeOf(err) != sayso.EUNAVAILABLE || !strings.Contains(err.Error(), "wait 1h0m0s") {
		t.Errorf("Retry-After one hour: err = %v, want EUNAVAILABLE naming the wait", err)
	}
}

func TestRefusesPrivateAddresses(t *testing.T) {
	site := newSite(t)
	site.HTML("/a.html", article)
	opts := testOptions()
	opts.AllowPrivate = false
	c := fetch.New(opts)
	host := site.Host()
	_, port, _ := net.SplitHostPort(host)
	for _, u := range []string{
		site.URL("/a.html"),
		"http://localhost:" + port + "/a.html", // a name that resolves to loopback
		"http://[::1]:" + port + "/a.html",
	} {
		_, err := c.Fetch(context.Background(), u)
		if sayso.ErrorCodeOf(err) != sayso.EFORBIDDEN || !strings.Contains(err.Error(), "non-public address") {
			t.Errorf("%s: err = %v, want EFORBIDDEN non-public address", u, err)
		}
	}
	if n := site.Hits("/a.html"); n != 0 {
		t.Errorf("the private site received %d requests", n)
	}
}

func TestRobots(t *testing.T) {
	site := newSite(t)
	site.Robots("User-agent: *\nDisallow: /private/\n\nUser-agent: sayso\nDisallow: /no-sayso/\n")
	site.HTML("/private/a.html", article)
	site.HTML("/no-sayso/a.html", article)
	site.HTML("/public/a.html", article)
	site.Redirect("/public/jump", "/no-sayso/a.html", http.StatusFound)
	c := fetch.New(testOptions())
	ctx := context.Background()

	if _, err := c.Fetch(ctx, site.URL("/public/a.html")); err != nil {
		t.Errorf("allowed page: %v", err)
	}
	// The sayso group is the most specific match, so /private/ is allowed
	// for sayso and /no-sayso/ is not.
	if _, err := c.Fetch(ctx, site.URL("/private/a.html")); err != nil {
		t.Errorf("page outside the sayso group's rules: %v", err)
	}
	for _, path := range []string{"/no-sayso/a.html", "/public/jump"} {
		_, err := c.Fetch(ctx, site.URL(path))
		if sayso.ErrorCodeOf(err) != sayso.EFORBIDDEN || !strings.Contains(err.Error(), "robots.txt") {
			t.Errorf("%s: err = %v, want EFORBIDDEN by robots.txt", path, err)
		}
	}
	if n := site.Hits("/no-sayso/a.html"); n != 0 {
		t.Errorf("disallowed page requested %d times", n)
	}
	if n := site.Hits("/robots.txt"); n != 1 {
		t.Errorf("robots.txt requested %d times, want once", n)
	}

	ignoring := testOptions()
	ignoring.IgnoreRobots = true
	if _, err := fetch.New(ignoring).Fetch(ctx, site.URL("/no-sayso/a.html")); err != nil {
		t.Errorf("IgnoreRobots: %v", err)
	}
}

func TestRobotsDisallowAll(t *testing.T) {
	site := newSite(t)
	site.Robots("User-agent: *\nDisallow: /\n")
	site.HTML("/a.html", article)
	_, err := fetch.New(testOptions()).Fetch(context.Background(), site.URL("/a.html"))
	if sayso.ErrorCodeOf(err) != sayso.EFORBIDDEN {
		t.Fatalf("err = %v, want EFORBIDDEN", err)
	}
}

func TestRobotsServerError(t *testing.T) {
	site := newSite(t)
	site.Status("/robots.txt", http.StatusInternalServerError)
	site.HTML("/a.html", article)
	_, err := fetch.New(testOptions()).Fetch(context.Background(), site.URL("/a.html"))
	if sayso.ErrorCodeOf(err) != sayso.EFORBIDDEN {
		t.Fatalf("err = %v, want EFORBIDDEN (a 5xx robots.txt disallows all)", err)
	}
}

func TestConditionalGet(t *testing.T) {
	site := newSite(t)
	site.Page("/feed.xml", "application/rss+xml", []byte("<rss version=\"2.0\"><channel></channel></rss>"))
	c := fetch.New(testOptions())
	ctx := context.Background()
	p, err := c.Fetch(ctx, site.URL("/feed.xml"))
	if err != nil {
		t.Fatal(err)
	}
	v := fetch.Validators{ETag: p.Header.Get("ETag"), LastModified: p.Header.Get("Last-Modified")}
	if v.ETag == "" || v.LastModified == "" {
		t.Fatalf("validators missing: %+v", v)
	}
	for _, v := range []fetch.Validators{v, {LastModified: v.LastModified}} {
		_, err = c.FetchIfModified(ctx, site.URL("/feed.xml"), v)
		if !errors.Is(err, fetch.ErrNotModified) {
			t.Errorf("%+v: err = %v, want ErrNotModified", v, err)
		}
	}
	if _, err := c.FetchIfModified(ctx, site.URL("/feed.xml"), fetch.Validators{ETag: `"stale"`}); err != nil {
		t.Errorf("stale ETag: %v", err)
	}
}

func TestHostInterval(t *testing.T) {
	site := newSite(t)
	site.HTML("/a.html", article)
	opts := testOptions()
	opts.HostInterval = 100 * time.Millisecond
	opts.IgnoreRobots = true
	c := fetch.New(opts)
	start := time.Now()
	for range 3 {
		if _, err := c.Fetch(context.Background(), site.URL("/a.html")); err != nil {
			t.Fatal(err)
		}
	}
	// A lower bound only: the limiter guarantees the spacing, whatever the
	// machine's speed.
	if d := time.Since(start); d < 200*time.Millisecond {
		t.Errorf("3 requests took %s, want at least 2 intervals (200ms)", d)
	}
}

func TestContextCancel(t *testing.T) {
	site := newSite(t)
	site.Slow("/slow", time.Minute, article)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := fetch.New(testOptions()).Fetch(ctx, site.URL("/slow"))
	if err == nil {
		t.Fatal("fetch with a cancelled context succeeded")
	}
}

func TestCrawlDelay(t *testing.T) {
	site := newSite(t)
	site.Robots("User-agent: *\nCrawl-delay: 0.3\n")
	site.HTML("/a.html", article)
	opts := testOptions()
	opts.HostInterval = time.Millisecond
	c := fetch.New(opts)
	start := time.Now()
	for range 3 {
		if _, err := c.Fetch(context.Background(), site.URL("/a.html")); err != nil {
			t.Fatal(err)
		}
	}
	// robots.txt and three pages: at least three Crawl-delay gaps. A lower
	// bound only, which the limiter guarantees whatever the machine.
	if d := time.Since(start); d < 900*time.Millisecond {
		t.Errorf("4 requests took %s, want at least 3 × 0.3 s (Crawl-delay)", d)
	}
}

// TestRobotsRedirect follows a robots.txt that redirects within its own
// host (and a loop of them) without applying robots rules to the
// redirects: that once waited forever for the rules being loaded.
func TestRobotsRedirect(t *testing.T) {
	tests := []struct {
		name        string
		setup       func(s *fakesite.Site)
		privateCode sayso.ErrorCode // for /private/a.html; "" means allowed
	}{
		{"same host", func(s *fakesite.Site) {
			s.Redirect("/robots.txt", "/robots-real.txt", http.StatusMovedPermanently)
			s.Page("/robots-real.txt", "text/plain", []byte("User-agent: *\nDisallow: /private/\n"))
		}, sayso.EFORBIDDEN},
		{"loop", func(s *fakesite.Site) {
			s.Redirect("/robots.txt", "/robots-2.txt", http.StatusFound)
			s.Redirect("/robots-2.txt", "/robots.txt", http.StatusFound)
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := newSite(t)
			tt.setup(site)
			site.HTML("/a.html", article)
			site.HTML("/private/a.html", article)
			c := fetch.New(testOptions())
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			if _, err := c.Fetch(ctx, site.URL("/a.html")); err != nil {
				t.Fatalf("allowed page: %v", err)
			}
			_, err := c.Fetch(ctx, site.URL("/private/a.html"))
			if got := sayso.ErrorCodeOf(err); got != tt.privateCode {
				t.Errorf("disallowed page: err = %v, want code %q", err, tt.privateCode)
			}
		})
	}
}

// TestRobotsInterrupted checks that a robots.txt load cut short by its
// caller's context is not remembered as "allow everything".
func TestRobotsInterrupted(t *testing.T) {
	site := newSite(t)
	site.Robots("User-agent: *\nDisallow: /\n")
	site.HTML("/a.html", article)
	c := fetch.New(testOptions())
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.Fetch(cancelled, site.URL("/a.html")); err == nil {
		t.Fatal("fetch with a cancelled context succeeded")
	}
	_, err := c.Fetch(context.Background(), site.URL("/a.html"))
	if sayso.ErrorCodeOf(err) != sayso.EFORBIDDEN {
		t.Errorf("after an interrupted robots.txt load: err = %v, want EFORBIDDEN", err)
	}
}

// TestRobotsLarge checks that a robots.txt over the 500 KiB read is parsed
// up to that point (RFC 9309), not ignored as unreadable.
func TestRobotsLarge(t *testing.T) {
	site := newSite(t)
	site.Robots("User-agent: *\nDisallow: /private/\n" + strings.Repeat("# a comment line to pad the file\n", 20000))
	site.HTML("/private/a.html", article)
	_, err := fetch.New(testOptions()).Fetch(context.Background(), site.URL("/private/a.html"))
	if sayso.ErrorCodeOf(err) != sayso.EFORBIDDEN {
		t.Errorf("err = %v, want EFORBIDDEN by the rule at the start of a 660 KB robots.txt", err)
	}
}
