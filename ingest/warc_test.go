package ingest_test

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/nlnwa/gowarc/v3"
)

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
