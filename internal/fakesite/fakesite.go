package fakesite

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"time"
)

// Site is a running loopback server. Register content with its methods
// before or while clients fetch; every method is safe for concurrent use.
type Site struct {
	srv *httptest.Server

	mu     sync.Mutex
	routes map[string]http.Handler
	hits   map[string]int
}

// New starts a Site on 127.0.0.1 and returns it. Call Close when done (a
// test can pass it to t.Cleanup).
func New() *Site {
	s := &Site{routes: map[string]http.Handler{}, hits: map[string]int{}}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// Close shuts the server down, interrupting any endless response.
func (s *Site) Close() {
	s.srv.CloseClientConnections()
	s.srv.Close()
}

// URL returns the absolute address of path on the site, e.g.
// URL("/a.html") = "http://127.0.0.1:PORT/a.html".
func (s *Site) URL(path string) string { return s.srv.URL + path }

// Host returns the site's host:port.
func (s *Site) Host() string { return s.srv.Listener.Addr().String() }

// Hits returns how many requests path has received.
func (s *Site) Hits(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// Handle serves path with h.
func (s *Site) Handle(path string, h http.Handler) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.routes[path] = h
}

func (s *Site) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.hits[r.URL.Path]++
	h := s.routes[r.URL.Path]
	s.mu.Unlock()
	if h == nil {
		http.NotFound(w, r)
		return
	}
	h.ServeHTTP(w, r)
}

// Page serves body at path with the given Content-Type, a strong ETag and a
// Last-Modified date, answering conditional requests with 304 Not Modified
// and honouring Accept-Encoding: gzip.
func (s *Site) Page(path, contentType string, body []byte) {
	sum := sha256.Sum256(body)
	etag := `"` + hex.EncodeToString(sum[:8]) + `"`
	modified := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	s.Handle(path, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", modified.Format(http.TimeFormat))
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		if ims, err := http.ParseTime(r.Header.Get("If-Modified-Since")); err == nil && r.Header.Get("If-None-Match") == "" && !modified.After(ims) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		if acceptsGzip(r) {
			var buf bytes.Buffer
			zw := gzip.NewWriter(&buf)
			zw.Write(body)
			zw.Close()
			w.Header().Set("Content-Encoding", "gzip")
			w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
			w.Write(buf.Bytes())
			return
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.Write(body)
	}))
}

// HTML serves an HTML page at path.
func (s *Site) HTML(path, html string) {
	s.Page(path, "text/html; charset=utf-8", []byte(html))
}

// Robots serves text as /robots.txt.
func (s *Site) Robots(text string) {
	s.Page("/robots.txt", "text/plain; charset=utf-8", []byte(text))
}

// Status answers every request to path with code and a short body.
func (s *Site) Status(path string, code int) {
	s.Handle(path, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, http.StatusText(code), code)
	}))
}

// Redirect answers requests to path with a redirect of the given code to
// target (absolute or relative).
func (s *Site) Redirect(path, target string, code int) {
	s.Handle(path, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target, code)
	}))
}

// Flaky answers the first failures requests to path with code (and a
// Retry-After header when retryAfter is not empty), then serves the HTML page
// html.
func (s *Site) Flaky(path string, failures, code int, retryAfter, html string) {
	var mu sync.Mutex
	n := 0
	s.Handle(path, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		n++
		fail := n <= failures
		mu.Unlock()
		if fail {
			if retryAfter != "" {
				w.Header().Set("Retry-After", retryAfter)
			}
			http.Error(w, http.StatusText(code), code)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, html)
	}))
}

// Endless serves at path an HTML body of the declared size that is streamed
// until the client stops reading or size bytes have been sent. With
// declare, the Content-Length header announces the size; without it the
// body is chunked, so only counting bytes can stop it. Use it for the
// "5 GB page".
func (s *Site) Endless(path string, size int64, declare bool) {
	chunk := bytes.Repeat([]byte("<p>endless filler text for a hostile page</p>\n"), 1400)
	s.Handle(path, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if declare {
			w.Header().Set("Content-Length", strconv.FormatInt(size, 10))
		}
		io.WriteString(w, "<!doctype html><html><body>")
		sent := int64(27)
		for sent < size {
			if err := r.Context().Err(); err != nil {
				return
			}
			c := chunk
			if rest := size - sent; rest < int64(len(c)) {
				c = c[:rest]
			}
			n, err := w.Write(c)
			sent += int64(n)
			if err != nil {
				return
			}
		}
	}))
}

// GzipBomb serves at path a gzip-encoded response (Content-Encoding: gzip)
// whose few megabytes of transfer decompress to size bytes of zeros: many
// copies of one small gzip member, which gzip readers concatenate.
func (s *Site) GzipBomb(path string, size int64) {
	const member = 1 << 20 // each member inflates to 1 MiB, compressing ~1000:1
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(make([]byte, member))
	zw.Close()
	one := buf.Bytes()
	copies := (size + member - 1) / member
	s.Handle(path, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Content-Length", strconv.FormatInt(copies*int64(len(one)), 10))
		for i := int64(0); i < copies; i++ {
			if _, err := w.Write(one); err != nil {
				return
			}
		}
	}))
}

// Slow waits delay (or until the client gives up) before answering path
// with an HTML page.
func (s *Site) Slow(path string, delay time.Duration, html string) {
	s.Handle(path, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t := time.NewTimer(delay)
		defer t.Stop()
		select {
		case <-t.C:
		case <-r.Context().Done():
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, html)
	}))
}

// String describes the site for test logs.
func (s *Site) String() string { return fmt.Sprintf("fakesite(%s)", s.srv.URL) }

func acceptsGzip(r *http.Request) bool {
	for _, v := range r.Header.Values("Accept-Encoding") {
		if bytes.Contains([]byte(v), []byte("gzip")) {
			return true
		}
	}
	return false
}
