package web_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/web"
)

// slowCorpus blocks Stats until release is closed, whatever its
// context says, so that the request holds its slot.
type slowCorpus struct {
	web.Corpus
	entered chan struct{}
	release chan struct{}
}

func (c *slowCorpus) Stats(ctx context.Context) (sayso.StoreStats, error) {
	c.entered <- struct{}{}
	<-c.release
	return c.Corpus.Stats(ctx)
}

// TestMaxInFlight: beyond MaxInFlight requests at once, the next waits
// its turn and fails with 503 when its time is up, while static files
// are served regardless.
func TestMaxInFlight(t *testing.T) {
	d := demoCorpus(t)
	c := &slowCorpus{Corpus: d.store, entered: make(chan struct{}, 1), release: make(chan struct{})}
	srv, err := web.New(web.Config{Corpus: c, Addr: "127.0.0.1:0", MaxInFlight: 1, Timeout: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	first := make(chan int, 1)
	go func() {
		res, _ := get(t, srv, "/api/v1/stats")
		first <- res.StatusCode
	}()
	<-c.entered // the first request holds the only slot
	if res, _ := get(t, srv, "/static/app.css"); res.StatusCode != http.StatusOK {
		t.Errorf("static file while busy: %d", res.StatusCode)
	}
	res, body := get(t, srv, "/api/v1/search?q=river")
	if res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("request beyond the limit: %d %s", res.StatusCode, body)
	}
	close(c.release)
	if code := <-first; code != http.StatusServiceUnavailable && code != http.StatusOK {
		t.Errorf("first request: %d", code)
	}
}
