package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"testing"
)

// FuzzWARC feeds arbitrary bytes to the WARC reader as a file: it must
// report, skip or read records, never panic or hang.
func FuzzWARC(f *testing.F) {
	rec := "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/a\r\n" +
		"WARC-Date: 2024-03-05T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:12345678-1234-1234-1234-123456789012>\r\n" +
		"Content-Type: application/http;msgtype=response\r\nContent-Length: 80\r\n\r\n" +
		"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 17\r\n\r\n<p>Hello world</p>\r\n\r\n"
	f.Add([]byte(rec))
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(rec))
	zw.Close()
	f.Add(gz.Bytes())
	f.Add([]byte("WARC/1.0\r\n\r\n"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "fuzz.warc")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		in := &Ingester{cfg: Config{MaxPageBytes: 1 << 20, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}}
		items := make(chan item)
		results := make(chan result)
		p := &producer{in: in, out: items, results: results, feeds: &feedStates{}, seen: newSeenSet()}
		done := make(chan struct{})
		go func() {
			defer close(done)
			p.warc(context.Background(), path)
		}()
		for {
			select {
			case it := <-items:
				if it.page == nil || !isURL(it.url) {
					t.Fatalf("item without a page or an http(s) URL: %+v", it)
				}
			case <-results:
			case <-done:
				return
			}
		}
	})
}

func TestDecodePayload(t *testing.T) {
	body := "<p>" + string(bytes.Repeat([]byte("news "), 300)) + "</p>"
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(body))
	zw.Close()
	chunked := "10\r\n" + body[:16] + "\r\n" + "0\r\n\r\n"
	tests := []struct {
		name   string
		raw    string
		header map[string]string
		want   string
		errs   bool
	}{
		{"identity", body, nil, body, false},
		{"gzip", gz.String(), map[string]string{"Content-Encoding": "gzip"}, body, false},
		{"gzip header, plain bytes", body, map[string]string{"Content-Encoding": "gzip"}, body, false},
		{"chunked", chunked, map[string]string{"Transfer-Encoding": "chunked"}, body[:16], false},
		{"chunked header, plain bytes", body, map[string]string{"Transfer-Encoding": "chunked"}, body, false},
		{"too large", body + body, nil, "", true},
	}
	for _, tt := range tests {
		h := http.Header{}
		for k, v := range tt.header {
			h.Set(k, v)
		}
		max := int64(len(body))
		got, err := decodePayload(bytes.NewReader([]byte(tt.raw)), h, max)
		if (err != nil) != tt.errs {
			t.Errorf("%s: err = %v", tt.name, err)
			continue
		}
		if !tt.errs && string(got) != tt.want {
			t.Errorf("%s: got %.40q…, want %.40q…", tt.name, got, tt.want)
		}
	}
}
