package fetch

import (
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// backoff returns the wait before retry number attempt+1: base doubled per
// attempt, with up to 50% random jitter so that many clients do not retry
// in step.
func backoff(base time.Duration, attempt int) time.Duration {
	d := base << min(attempt, 16)
	return d + time.Duration(rand.Int64N(int64(d)/2+1))
}

// parseRetryAfter reads a Retry-After header (seconds or an HTTP date). It
// returns 0 when the header is absent or unreadable, meaning "use the
// default backoff".
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs <= 0 {
			return 0
		}
		if secs > 1<<31 {
			secs = 1 << 31
		}
		return time.Duration(secs) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}
