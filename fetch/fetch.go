package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/sayso-news/sayso"
)

// Defaults used when an Options field is zero.
const (
	// DefaultTimeout bounds one attempt, body included; news pages that need
	// longer than this are usually stuck rather than slow.
	DefaultTimeout = 30 * time.Second
	// DefaultMaxBytes caps a body after decompression; the largest real news
	// pages are a few megabytes, so 20 MiB leaves room and still bounds memory.
	DefaultMaxBytes = 20 << 20
	// DefaultMaxRedirects follows the browsers' spirit (they allow ~20) but
	// stops sooner, since news URLs rarely need more than two hops.
	DefaultMaxRedirects = 10
	// DefaultHostInterval is the minimum time between two requests to one
	// host: one request a second is the usual polite crawling rate.
	DefaultHostInterval = time.Second
	// DefaultMaxConcurrent bounds open requests across all hosts.
	DefaultMaxConcurrent = 16
	// DefaultRetries is how many times a 5xx, 429 or transient network error
	// is retried; two retries ride out brief overloads without hammering.
	DefaultRetries = 2
	// DefaultRetryBase is the first backoff delay; it doubles on each retry.
	DefaultRetryBase = time.Second
	// DefaultMaxRetryWait caps a single wait (backoff or Retry-After); a
	// server asking for longer is treated as unavailable instead.
	DefaultMaxRetryWait = 30 * time.Second
	// DefaultMaxCrawlDelay caps a robots.txt Crawl-delay, so one site cannot
	// stall a run for hours.
	DefaultMaxCrawlDelay = 30 * time.Second
	// maxRobotsBytes caps robots.txt; Google reads only the first 500 KiB.
	maxRobotsBytes = 500 << 10
)

// DefaultUserAgent identifies sayso to the sites it reads.
var DefaultUserAgent = "sayso/" + sayso.Version + " (+https://github.com/sayso-news/sayso)"

// Options configures a Client. The zero value gives polite defaults.
type Options struct {
	// UserAgent is sent with every request; DefaultUserAgent when empty.
	// Its product token (before the first "/") is matched against
	// robots.txt groups.
	UserAgent string
	// Timeout bounds one attempt, from dial to the last body byte.
	Timeout time.Duration
	// MaxBytes caps the body after decompression; a larger body fails with
	// sayso.ETOOLARGE. It also bounds gzip bombs.
	MaxBytes int64
	// MaxRedirects is the number of redirects followed; negative means none.
	MaxRedirects int
	// AllowPrivate permits private, loopback, link-local and other
	// non-public addresses (needed for tests on 127.0.0.1).
	AllowPrivate bool
	// HostInterval is the minimum time between requests to one host;
	// negative disables the per-host limit. A robots.txt Crawl-delay
	// lengthens it for that host.
	HostInterval time.Duration
	// MaxConcurrent bounds requests in flight across all hosts.
	MaxConcurrent int
	// IgnoreRobots skips robots.txt. Leave it false when crawling others' sites.
	IgnoreRobots bool
	// Retries is how many times a 5xx, 429 or transient network failure is
	// retried; negative means never.
	Retries int
	// RetryBase is the first backoff delay, doubled on each retry.
	RetryBase time.Duration
	// MaxRetryWait caps one wait; a longer Retry-After fails the fetch.
	MaxRetryWait time.Duration
	// MaxCrawlDelay caps a robots.txt Crawl-delay.
	MaxCrawlDelay time.Duration
	// Now returns the current time (for Page.FetchedAt); time.Now when nil.
	Now func() time.Time
}

func (o Options) withDefaults() Options {
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxRedirects == 0 {
		o.MaxRedirects = DefaultMaxRedirects
	}
	if o.HostInterval == 0 {
		o.HostInterval = DefaultHostInterval
	}
	if o.MaxConcurrent <= 0 {
		o.MaxConcurrent = DefaultMaxConcurrent
	}
	if o.Retries == 0 {
		o.Retries = DefaultRetries
	}
	if o.RetryBase <= 0 {
		o.RetryBase = DefaultRetryBase
	}
	if o.MaxRetryWait <= 0 {
		o.MaxRetryWait = DefaultMaxRetryWait
	}
	if o.MaxCrawlDelay <= 0 {
		o.MaxCrawlDelay = DefaultMaxCrawlDelay
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// Client fetches pages. It is safe for concurrent use; create one per run
// so that rate limits and robots.txt rules are shared.
type Client struct {
	opts   Options
	http   *http.Client
	sem    chan struct{}
	hosts  *hostLimits
	robots *robotsCache
}

// New returns a Client configured by opts.
func New(opts Options) *Client {
	return newClient(opts, isPublicAddrPort)
}

// newClient returns a Client whose dialer accepts only the addresses public
// accepts, unless opts allow private ones (tests pass their own policy).
func newClient(opts Options, public func(netip.AddrPort) bool) *Client {
	opts = opts.withDefaults()
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if !opts.AllowPrivate {
		dialer.Control = refusePrivate(public)
	}
	transport := &http.Transport{
		// No proxy: the address check must see the real destination.
		Proxy:                 nil,
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   4,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: opts.Timeout,
		// Decompression is done here, under the size cap.
		DisableCompression: true,
		// Bound the header block: hostile servers can send endless headers.
		MaxResponseHeaderBytes: 1 << 20,
	}
	c := &Client{
		opts:  opts,
		sem:   make(chan struct{}, opts.MaxConcurrent),
		hosts: newHostLimits(opts.HostInterval),
	}
	c.http = &http.Client{
		Transport:     transport,
		CheckRedirect: c.checkRedirect,
	}
	c.robots = newRobotsCache(c)
	return c
}

// Validators are the cache validators of an earlier response, sent back in
// a conditional GET.
type Validators = sayso.Validators

// ErrNotModified is returned (wrapped) by FetchIfModified when the server
// answers 304 Not Modified: the caller's copy is current.
var ErrNotModified = sayso.ErrNotModified

// Client implements sayso.ConditionalFetcher.
var _ sayso.ConditionalFetcher = (*Client)(nil)

// Fetch fetches rawURL and returns the page. Errors are *sayso.Error values:
// EINVALID for a URL that is not absolute http(s), EFORBIDDEN when
// robots.txt or the address policy refuses it, ENOTFOUND for 404 and 410,
// ETOOLARGE for a body over MaxBytes, EUNAVAILABLE for network failures,
// timeouts, too many redirects and other error statuses (after retries).
func (c *Client) Fetch(ctx context.Context, rawURL string) (*sayso.Page, error) {
	return c.FetchIfModified(ctx, rawURL, Validators{})
}

// FetchIfModified is Fetch with a conditional GET: when v is not empty and
// the server answers 304 Not Modified, it returns ErrNotModified (wrapped).
// The returned page's Header carries the new ETag and Last-Modified.
func (c *Client) FetchIfModified(ctx context.Context, rawURL string, v Validators) (*sayso.Page, error) {
	u, err := parseURL(rawURL)
	if err != nil {
		return nil, err
	}
	if !c.opts.IgnoreRobots {
		if err := c.robots.allowed(ctx, u); err != nil {
			return nil, err
		}
	}
	return c.get(ctx, u, request{v: v, maxBytes: c.opts.MaxBytes, limited: true})
}

// StatusError is the cause of a fetch that failed on an HTTP status; it
// is wrapped in a *sayso.Error, so use errors.As to read it.
type StatusError struct {
	// Code is the final HTTP status code.
	Code int
}

// Error returns "HTTP 404 Not Found" and the like.
func (e *StatusError) Error() string {
	return fmt.Sprintf("HTTP %d %s", e.Code, http.StatusText(e.Code))
}

// parseURL accepts only absolute http and https URLs with a host.
func parseURL(rawURL string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil {
		return nil, sayso.Errorf(sayso.EINVALID, "fetch %q: %w", rawURL, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, sayso.Errorf(sayso.EINVALID, "fetch %q: not an http(s) URL", rawURL)
	}
	if u.Host == "" {
		return nil, sayso.Errorf(sayso.EINVALID, "fetch %q: no host", rawURL)
	}
	u.Fragment = ""
	return u, nil
}

// request is what a fetch asks for besides its address.
type request struct {
	// v, when not zero, makes the request conditional.
	v Validators
	// maxBytes caps the body after decompression.
	maxBytes int64
	// limited requests take a slot of the concurrency limit. Robots.txt
	// requests do not, since they are made while a page request that
	// redirected holds one.
	limited bool
	// truncate keeps the first maxBytes of a longer body instead of
	// failing with ETOOLARGE.
	truncate bool
}

// get fetches u with retries, the host rate limit and, for limited
// requests, the concurrency limit.
func (c *Client) get(ctx context.Context, u *url.URL, req request) (*sayso.Page, error) {
	var lastErr error
	for attempt := 0; ; attempt++ {
		page, retryAfter, err := c.attempt(ctx, u, req)
		if err == nil {
			return page, nil
		}
		lastErr = err
		if retryAfter < 0 || attempt >= c.opts.Retries || c.opts.Retries < 0 {
			return nil, lastErr
		}
		wait := backoff(c.opts.RetryBase, attempt)
		if retryAfter > 0 {
			wait = retryAfter
		}
		if wait > c.opts.MaxRetryWait {
			return nil, sayso.Errorf(sayso.EUNAVAILABLE, "%w (server asks to wait %s, more than %s)", lastErr, wait.Round(time.Second), c.opts.MaxRetryWait)
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, sayso.Errorf(sayso.EUNAVAILABLE, "%w (gave up: %v)", lastErr, ctx.Err())
		case <-t.C:
		}
	}
}

// attempt makes one request. retry is negative when the failure is final,
// zero to retry after the default backoff, positive to retry after that long.
func (c *Client) attempt(ctx context.Context, u *url.URL, r request) (page *sayso.Page, retry time.Duration, err error) {
	if err := c.hosts.wait(ctx, u.Host); err != nil {
		return nil, -1, sayso.Errorf(sayso.EUNAVAILABLE, "fetch %s: %w", u, err)
	}
	if r.limited {
		select {
		case c.sem <- struct{}{}:
		case <-ctx.Done():
			return nil, -1, sayso.Errorf(sayso.EUNAVAILABLE, "fetch %s: %w", u, ctx.Err())
		}
		defer func() { <-c.sem }()
	}

	ctx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
	defer cancel()
	var chain redirectChain
	req, err := http.NewRequestWithContext(withChain(ctx, &chain), http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, -1, sayso.Errorf(sayso.EINVALID, "fetch %s: %w", u, err)
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
	req.Header.Set("Accept-Encoding", "gzip, deflate")
	if r.v.ETag != "" {
		req.Header.Set("If-None-Match", r.v.ETag)
	}
	if r.v.LastModified != "" {
		req.Header.Set("If-Modified-Since", r.v.LastModified)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, transportRetry(err), transportError(u, err)
	}
	defer resp.Body.Close()

	switch code := resp.StatusCode; {
	case code == http.StatusNotModified:
		return nil, -1, fmt.Errorf("fetch %s: %w", u, ErrNotModified)
	case code == http.StatusNotFound || code == http.StatusGone:
		return nil, -1, sayso.Errorf(sayso.ENOTFOUND, "fetch %s: %w", u, &StatusError{Code: code})
	case code == http.StatusTooManyRequests || code >= 500:
		retry := parseRetryAfter(resp.Header.Get("Retry-After"), c.opts.Now())
		return nil, retry, sayso.Errorf(sayso.EUNAVAILABLE, "fetch %s: %w", u, &StatusError{Code: code})
	case code < 200 || code > 299:
		return nil, -1, sayso.Errorf(sayso.EUNAVAILABLE, "fetch %s: %w", u, &StatusError{Code: code})
	}
	if !r.truncate && resp.ContentLength > 0 && resp.Header.Get("Content-Encoding") == "" && resp.ContentLength > r.maxBytes {
		return nil, -1, sayso.Errorf(sayso.ETOOLARGE, "fetch %s: body of %d bytes is over the %d-byte limit", u, resp.ContentLength, r.maxBytes)
	}
	body, err := readBody(resp, r.maxBytes, r.truncate)
	if err != nil {
		var se *sayso.Error
		if errors.As(err, &se) {
			return nil, -1, sayso.Errorf(se.Code, "fetch %s: %w", u, err)
		}
		return nil, transportRetry(err), transportError(u, err)
	}
	header := resp.Header.Clone()
	header.Del("Content-Encoding")
	header.Del("Content-Length")
	return &sayso.Page{
		URL:        u.String(),
		FinalURL:   resp.Request.URL.String(),
		Redirects:  chain.urls,
		StatusCode: resp.StatusCode,
		Header:     header,
		Body:       body,
		FetchedAt:  c.opts.Now().UTC(),
	}, 0, nil
}

// redirectChain collects the addresses a request passed through.
type redirectChain struct {
	mu   sync.Mutex
	urls []string
}

type chainKey struct{}

func withChain(ctx context.Context, c *redirectChain) context.Context {
	return context.WithValue(ctx, chainKey{}, c)
}

// checkRedirect enforces the redirect limit and scheme, records the chain
// and applies robots.txt to each new target (but not to the redirects of
// robots.txt itself). The address policy is applied when the new
// connection is dialled.
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > c.opts.MaxRedirects || c.opts.MaxRedirects < 0 {
		return sayso.Errorf(sayso.EUNAVAILABLE, "stopped after %d redirects", len(via)-1)
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return sayso.Errorf(sayso.EFORBIDDEN, "redirect to non-http URL %s refused", req.URL)
	}
	if ch, ok := req.Context().Value(chainKey{}).(*redirectChain); ok {
		ch.mu.Lock()
		ch.urls = append(ch.urls, via[len(via)-1].URL.String())
		ch.mu.Unlock()
	}
	if !c.opts.IgnoreRobots && !isRobotsFetch(req.Context()) {
		if err := c.robots.allowed(req.Context(), req.URL); err != nil {
			return err
		}
	}
	return nil
}

// transportError classifies a failure of the request itself.
func transportError(u *url.URL, err error) error {
	var se *sayso.Error
	if errors.As(err, &se) {
		return sayso.Errorf(se.Code, "fetch %s: %w", u, se)
	}
	var pe *privateAddrError
	if errors.As(err, &pe) {
		return sayso.Errorf(sayso.EFORBIDDEN, "fetch %s: %w", u, pe)
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return sayso.Errorf(sayso.EUNAVAILABLE, "fetch %s: timed out: %w", u, err)
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return sayso.Errorf(sayso.EUNAVAILABLE, "fetch %s: host not found: %w", u, err)
	}
	return sayso.Errorf(sayso.EUNAVAILABLE, "fetch %s: %w", u, err)
}

// transportRetry says whether a transport failure is worth retrying: not
// when policy refused it, the caller gave up, or the name does not resolve.
func transportRetry(err error) time.Duration {
	var se *sayso.Error
	var pe *privateAddrError
	var dnsErr *net.DNSError
	switch {
	case errors.As(err, &se), errors.As(err, &pe), errors.Is(err, context.Canceled):
		return -1
	case errors.As(err, &dnsErr) && dnsErr.IsNotFound:
		return -1
	}
	return 0
}
