package fetch

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"sync"

	"github.com/sayso-news/sayso"
	"github.com/temoto/robotstxt"
)

// robotsCache fetches each host's robots.txt once per Client and answers
// whether a URL may be fetched.
type robotsCache struct {
	c     *Client
	agent string

	mu    sync.Mutex
	hosts map[string]*robotsEntry
}

// robotsEntry is one host's rules. The caller that creates it loads them
// and closes ready; others wait. An entry whose load was interrupted by
// its caller's context is dropped and marked retry, so that the rules are
// loaded again rather than remembered as "allow everything".
type robotsEntry struct {
	ready chan struct{}
	data  *robotstxt.RobotsData
	retry bool
}

func newRobotsCache(c *Client) *robotsCache {
	agent := c.opts.UserAgent
	if i := strings.IndexAny(agent, "/ "); i > 0 {
		agent = agent[:i]
	}
	return &robotsCache{c: c, agent: agent, hosts: map[string]*robotsEntry{}}
}

// robotsFetchKey marks the context of a robots.txt request, whose
// redirects robots rules do not apply to (RFC 9309, section 2.3.1.2):
// checking them would wait for the very rules being loaded.
type robotsFetchKey struct{}

func isRobotsFetch(ctx context.Context) bool { return ctx.Value(robotsFetchKey{}) != nil }

// allowed returns nil when robots.txt lets the client fetch u, an
// EFORBIDDEN error when it does not, and an EUNAVAILABLE error when ctx
// ends first. The first call for a host fetches its robots.txt and applies
// its Crawl-delay to the host's rate limit.
func (rc *robotsCache) allowed(ctx context.Context, u *url.URL) error {
	e, err := rc.entry(ctx, u)
	if err != nil {
		return err
	}
	if e.data == nil {
		return nil
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	if !e.data.TestAgent(path, rc.agent) {
		return sayso.Errorf(sayso.EFORBIDDEN, "fetch %s: disallowed by robots.txt", u)
	}
	return nil
}

// entry returns u's host's loaded rules, loading them or waiting for the
// caller that does.
func (rc *robotsCache) entry(ctx context.Context, u *url.URL) (*robotsEntry, error) {
	key := u.Scheme + "://" + strings.ToLower(u.Host)
	for {
		rc.mu.Lock()
		e := rc.hosts[key]
		load := e == nil
		if load {
			if len(rc.hosts) >= maxHosts {
				rc.hosts = map[string]*robotsEntry{}
			}
			e = &robotsEntry{ready: make(chan struct{})}
			rc.hosts[key] = e
		}
		rc.mu.Unlock()
		if load {
			e.data = rc.load(ctx, key, u.Host)
			if ctx.Err() != nil {
				rc.mu.Lock()
				if rc.hosts[key] == e {
					delete(rc.hosts, key)
				}
				rc.mu.Unlock()
				e.retry = true
				close(e.ready)
				return nil, sayso.Errorf(sayso.EUNAVAILABLE, "fetch %s: robots.txt: %w", u, ctx.Err())
			}
			close(e.ready)
			return e, nil
		}
		select {
		case <-e.ready:
		case <-ctx.Done():
			return nil, sayso.Errorf(sayso.EUNAVAILABLE, "fetch %s: waiting for robots.txt: %w", u, ctx.Err())
		}
		if !e.retry {
			return e, nil
		}
	}
}

// load fetches and parses robots.txt. A missing or unreadable robots.txt
// allows everything (nil), as do network failures: the page fetch that
// follows will report those itself. A 5xx answer disallows everything, as
// the robots exclusion standard (RFC 9309) asks.
func (rc *robotsCache) load(ctx context.Context, base, host string) *robotstxt.RobotsData {
	ru, err := url.Parse(base + "/robots.txt")
	if err != nil {
		return nil
	}
	// Only the first maxRobotsBytes are read and parsed, as RFC 9309 allows.
	page, err := rc.c.get(context.WithValue(ctx, robotsFetchKey{}, true), ru, request{maxBytes: maxRobotsBytes, truncate: true})
	status := 0
	var body []byte
	switch {
	case err == nil:
		status, body = page.StatusCode, page.Body
	case sayso.ErrorCodeOf(err) == sayso.ENOTFOUND:
		return nil
	default:
		var se *StatusError
		if errors.As(err, &se) && se.Code >= 500 {
			status = se.Code
		} else {
			return nil
		}
	}
	data, err := robotstxt.FromStatusAndBytes(status, body)
	if err != nil {
		return nil
	}
	if g := data.FindGroup(rc.agent); g != nil && g.CrawlDelay > 0 {
		rc.c.hosts.slowDown(host, min(g.CrawlDelay, rc.c.opts.MaxCrawlDelay))
	}
	return data
}
