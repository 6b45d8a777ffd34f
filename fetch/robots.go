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

type robotsEntry struct {
	once sync.Once
	data *robotstxt.RobotsData
}

func newRobotsCache(c *Client) *robotsCache {
	agent := c.opts.UserAgent
	if i := strings.IndexAny(agent, "/ "); i > 0 {
		agent = agent[:i]
	}
	return &robotsCache{c: c, agent: agent, hosts: map[string]*robotsEntry{}}
}

// allowed returns nil when robots.txt lets the client fetch u, and an
// EFORBIDDEN error when it does not. The first call for a host fetches its
// robots.txt and applies its Crawl-delay to the host's rate limit.
func (rc *robotsCache) allowed(ctx context.Context, u *url.URL) error {
	key := u.Scheme + "://" + strings.ToLower(u.Host)
	rc.mu.Lock()
	e := rc.hosts[key]
	if e == nil {
		if len(rc.hosts) >= maxHosts {
			rc.hosts = map[string]*robotsEntry{}
		}
		e = &robotsEntry{}
		rc.hosts[key] = e
	}
	rc.mu.Unlock()
	e.once.Do(func() { e.data = rc.load(ctx, key, u.Host) })
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

// load fetches and parses robots.txt. A missing or unreadable robots.txt
// allows everything (nil), as do network failures: the page fetch that
// follows will report those itself. A 5xx answer disallows everything, as
// the robots exclusion standard (RFC 9309) asks.
func (rc *robotsCache) load(ctx context.Context, base, host string) *robotstxt.RobotsData {
	ru, err := url.Parse(base + "/robots.txt")
	if err != nil {
		return nil
	}
	page, err := rc.c.get(ctx, ru, Validators{}, maxRobotsBytes, false)
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
