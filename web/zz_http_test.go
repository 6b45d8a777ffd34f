package web_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"testing"

	"github.com/sayso-news/sayso/store/sqlite"
	"github.com/sayso-news/sayso/web"
)

func BenchmarkZZHTTP(b *testing.B) {
	path := os.Getenv("SAYSO_CORPUS")
	ctx := context.Background()
	s, _ := sqlite.Open(ctx, path)
	defer s.Close()
	srv, _ := web.New(web.Config{Corpus: s, Addr: "127.0.0.1:0", Log: slog.New(slog.DiscardHandler)})
	ts := httptest.NewServer(srv)
	defer ts.Close()
	db := s.DB()
	var paths []string
	rows, _ := db.QueryContext(ctx, `SELECT id FROM articles WHERE id % 997 = 1 LIMIT 100`)
	for rows.Next() {
		var v int
		rows.Scan(&v)
		paths = append(paths, fmt.Sprintf("/article/%d", v))
	}
	rows.Close()
	rows, _ = db.QueryContext(ctx, `SELECT DISTINCT trace FROM quote_units WHERE trace IS NOT NULL AND trace % 997 = 1 LIMIT 100`)
	for rows.Next() {
		var v int
		rows.Scan(&v)
		paths = append(paths, fmt.Sprintf("/quote/%d", v))
	}
	rows.Close()
	rows, _ = db.QueryContext(ctx, `SELECT speaker_id FROM attributions WHERE id % 997 = 3 AND speaker_id IS NOT NULL LIMIT 100`)
	for rows.Next() {
		var v int
		rows.Scan(&v)
		paths = append(paths, fmt.Sprintf("/speaker/%d", v))
	}
	rows.Close()
	for _, w := range []string{"president", "senate", "campaign", "border", "police", "economy", "court", "water", "trade", "health"} {
		for range 10 {
			paths = append(paths, "/search?q="+w)
		}
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 50}}
	b.ResetTimer()
	var mu sync.Mutex
	i := 0
	var wg sync.WaitGroup
	for range 50 {
		wg.Go(func() {
			for {
				mu.Lock()
				if i >= b.N {
					mu.Unlock()
					return
				}
				p := paths[(i*7919)%len(paths)]
				i++
				mu.Unlock()
				res, err := client.Get(ts.URL + p)
				if err != nil {
					b.Error(err)
					return
				}
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
			}
		})
	}
	wg.Wait()
}
