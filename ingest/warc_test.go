package ingest_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nlnwa/gowarc/v3"
	"github.com/sayso-news/sayso/ingest"
	"github.com/sayso-news/sayso/internal/fakesite"
)

func TestWARC(t *testing.T) {
	recs := []warcRecord{
		{kind: gowarc.Warcinfo, raw: "software: sayso-test\r\nformat: WARC File Format 1.1\r\n"},
		{kind: gowarc.Request, uri: "https://porthaven.example/news/0", raw: "GET /news/0 HTTP/1.1\r\nHost: porthaven.example\r\n\r\n"},
		{uri: "https://porthaven.example/news/0", raw: response("200 OK", "text/html; charset=utf-8", fakesite.ArticleHTML(0))},
		{uri: "https://porthaven.example/news/1", raw: response("200 OK", "text/html", fakesite.ArticleHTML(1))},
		{uri: "https://porthaven.example/news/2", raw: response("200 OK", "text/html", string(gzipBytes([]byte(fakesite.ArticleHTML(2)))), "Content-Encoding: gzip")},
		{uri: "https://porthaven.example/news/3", raw: response("200 OK", "text/html", chunked(fakesite.ArticleHTML(3)), "Transfer-Encoding: chunked")},
		{uri: "https://porthaven.example/logo.png", raw: response("200 OK", "image/png", "\x89PNG\r\n\x1a\n")},
		{uri: "https://porthaven.example/missing", raw: response("404 Not Found", "text/html", "<p>not found</p>")},
		{uri: "https://porthaven.example/news", raw: response("200 OK", "text/html", fakesite.ListingHTML)},
		{uri: "https://porthaven.example/news/4", raw: response("200 OK", "text/html", fakesite.ArticleHTML(4))},
	}
	for _, gz := range []bool{true, false} {
		t.Run(fmt.Sprintf("gzip=%v", gz), func(t *testing.T) {
			e := newEnv(t)
			path := filepath.Join(e.dir, "crawl.warc")
			if gz {
				path += ".gz"
			}
			writeFile(t, path, encodeWARC(t, recs, gz))
			sum := e.run(t, e.config(t), path)
			check(t, sum, ingest.Summary{Read: 6, Stored: 6, Articles: 5, NoArticle: 1, Skipped: 2})
			a, err := e.store.Article(context.Background(), "https://porthaven.example/news/3")
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(a.Article.Text(), "Story number 3.") || a.Source != "warc "+path {
				t.Errorf("chunked record read as %.100q from %q", a.Article.Text(), a.Source)
			}
			if a.FetchedAt.Format(time.RFC3339) != "2024-03-05T10:00:05Z" {
				t.Errorf("FetchedAt = %v, want the record's WARC-Date", a.FetchedAt)
			}
		})
	}
}

func TestTruncatedWARC(t *testing.T) {
	recs := []warcRecord{
		{uri: "https://porthaven.example/news/0", raw: response("200 OK", "text/html", fakesite.ArticleHTML(0))},
		{uri: "https://porthaven.example/news/1", raw: response("200 OK", "text/html", fakesite.ArticleHTML(1))},
		{uri: "https://porthaven.example/news/2", raw: response("200 OK", "text/html", fakesite.ArticleHTML(2))},
	}
	for _, gz := range []bool{true, false} {
		t.Run(fmt.Sprintf("gzip=%v", gz), func(t *testing.T) {
			e := newEnv(t)
			full := encodeWARC(t, recs, gz)
			last := len(encodeWARC(t, recs[2:], gz))
			path := filepath.Join(e.dir, "cut.warc")
			if gz {
				path += ".gz"
			}
			// Cut the last record in the middle.
			writeFile(t, path, full[:len(full)-last/2])
			sum := e.run(t, e.config(t), path)
			check(t, sum, ingest.Summary{Read: 2, Stored: 2, Articles: 2, Failed: 1})
			reasons := sum.Reasons()
			if len(reasons) == 0 || !strings.Contains(reasons[0].Example, "record 3") {
				t.Errorf("reasons = %+v, want the truncated record 3 named", reasons)
			}
		})
	}
}

// warcRecord is a record for writeWARC: an HTTP response (or, with kind
// set, another record type) captured from uri.
type warcRecord struct {
	kind gowarc.RecordType
	uri  string
	raw  string // the HTTP message as recorded
}

// response returns the raw HTTP response carrying body.
func response(status, contentType, body string, extra ...string) string {
	h := "HTTP/1.1 " + status + "\r\nContent-Type: " + contentType + "\r\n"
	for _, e := range extra {
		h += e + "\r\n"
	}
	if !strings.Contains(strings.Join(extra, ""), "Transfer-Encoding") {
		h += fmt.Sprintf("Content-Length: %d\r\n", len(body))
	}
	return h + "\r\n" + body
}

// encodeWARC returns the records as a WARC file, each record in its own
// gzip member when gz is set (the CC-NEWS layout).
func encodeWARC(t testing.TB, recs []warcRecord, gz bool) []byte {
	t.Helper()
	var out bytes.Buffer
	m := gowarc.NewMarshaler()
	for i, r := range recs {
		kind := r.kind
		if kind == 0 {
			kind = gowarc.Response
		}
		b := gowarc.NewRecordBuilder(kind, gowarc.WithAddMissingDigest(true), gowarc.WithAddMissingRecordId(true),
			gowarc.WithAddMissingContentLength(true))
		if _, err := b.WriteString(r.raw); err != nil {
			t.Fatal(err)
		}
		b.AddWarcHeader(gowarc.WarcDate, fmt.Sprintf("2024-03-05T10:%02d:%02dZ", i/60%60, i%60))
		if r.uri != "" {
			b.AddWarcHeader(gowarc.WarcTargetURI, r.uri)
		}
		switch kind {
		case gowarc.Response:
			b.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=response")
		case gowarc.Request:
			b.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=request")
		case gowarc.Warcinfo:
			b.AddWarcHeader(gowarc.ContentType, "application/warc-fields")
		}
		rec, _, err := b.Build()
		if err != nil {
			t.Fatalf("build record %d: %v", i, err)
		}
		var buf bytes.Buffer
		if _, _, err := m.Marshal(&buf, rec, 0); err != nil {
			t.Fatalf("marshal record %d: %v", i, err)
		}
		rec.Close()
		if gz {
			zw := gzip.NewWriter(&out)
			zw.Write(buf.Bytes())
			zw.Close()
		} else {
			out.Write(buf.Bytes())
		}
	}
	return out.Bytes()
}

func writeFile(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func gzipBytes(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

// chunked encodes body with HTTP/1.1 chunked transfer coding.
func chunked(body string) string {
	var b strings.Builder
	for len(body) > 0 {
		n := min(len(body), 500)
		fmt.Fprintf(&b, "%x\r\n%s\r\n", n, body[:n])
		body = body[n:]
	}
	b.WriteString("0\r\n\r\n")
	return b.String()
}
