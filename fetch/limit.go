package fetch

import (
	"context"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// hostLimits holds one rate limiter per host.
type hostLimits struct {
	interval time.Duration

	mu       sync.Mutex
	limiters map[string]*rate.Limiter
}

func newHostLimits(interval time.Duration) *hostLimits {
	return &hostLimits{interval: interval, limiters: map[string]*rate.Limiter{}}
}

// maxHosts bounds the limiter map; past it, idle entries are dropped (a
// crawl of a sitemap index can name many thousands of hosts).
const maxHosts = 10000

func (h *hostLimits) limiter(host string) *rate.Limiter {
	host = strings.ToLower(host)
	h.mu.Lock()
	defer h.mu.Unlock()
	l := h.limiters[host]
	if l == nil {
		if len(h.limiters) >= maxHosts {
			now := time.Now()
			for k, v := range h.limiters {
				if v.TokensAt(now) >= float64(v.Burst()) {
					delete(h.limiters, k)
				}
			}
		}
		l = rate.NewLimiter(rate.Every(h.interval), 1)
		h.limiters[host] = l
	}
	return l
}

// wait blocks until a request to host may start.
func (h *hostLimits) wait(ctx context.Context, host string) error {
	if h.interval < 0 {
		return nil
	}
	return h.limiter(host).Wait(ctx)
}

// slowDown lengthens host's interval to at least d (a Crawl-delay).
func (h *hostLimits) slowDown(host string, d time.Duration) {
	if h.interval < 0 || d <= h.interval {
		return
	}
	host = strings.ToLower(host)
	h.mu.Lock()
	defer h.mu.Unlock()
	if l := h.limiters[host]; l != nil && rate.Every(d) >= l.Limit() {
		return
	}
	// A fresh limiter whose one token is spent now: the request that read
	// the delay (robots.txt) counts, so the next request waits d.
	l := rate.NewLimiter(rate.Every(d), 1)
	l.Allow()
	h.limiters[host] = l
}
