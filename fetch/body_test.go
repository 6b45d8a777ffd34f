package fetch

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"io"
	"net/http"
	"testing"

	"github.com/sayso-news/sayso"
)

func encode(t testing.TB, enc string, data []byte) []byte {
	var b bytes.Buffer
	var w io.WriteCloser
	switch enc {
	case "gzip":
		w = gzip.NewWriter(&b)
	case "deflate":
		w = zlib.NewWriter(&b)
	case "raw-deflate":
		w, _ = flate.NewWriter(&b, flate.DefaultCompression)
	default:
		return data
	}
	w.Write(data)
	w.Close()
	return b.Bytes()
}

func response(enc string, body []byte) *http.Response {
	h := http.Header{}
	switch enc {
	case "gzip":
		h.Set("Content-Encoding", "gzip")
	case "deflate", "raw-deflate":
		h.Set("Content-Encoding", "deflate")
	case "br":
		h.Set("Content-Encoding", "br")
	}
	return &http.Response{Header: h, Body: io.NopCloser(bytes.NewReader(body)), ContentLength: -1}
}

func TestReadBody(t *testing.T) {
	page := bytes.Repeat([]byte("<p>The council met.</p>\n"), 100)
	for _, enc := range []string{"identity", "gzip", "deflate", "raw-deflate"} {
		got, err := readBody(response(enc, encode(t, enc, page)), 1<<20, false)
		if err != nil || !bytes.Equal(got, page) {
			t.Errorf("%s: %v, %d bytes", enc, err, len(got))
		}
		_, err = readBody(response(enc, encode(t, enc, page)), int64(len(page)-1), false)
		if sayso.ErrorCodeOf(err) != sayso.ETOOLARGE {
			t.Errorf("%s over the cap: err = %v, want ETOOLARGE", enc, err)
		}
		got, err = readBody(response(enc, encode(t, enc, page)), 100, true)
		if err != nil || !bytes.Equal(got, page[:100]) {
			t.Errorf("%s truncated: %v, %q", enc, err, got)
		}
	}
	if _, err := readBody(response("br", page), 1<<20, false); sayso.ErrorCodeOf(err) != sayso.EUNAVAILABLE {
		t.Errorf("unsupported encoding: %v", err)
	}
	if _, err := readBody(response("gzip", page), 1<<20, false); err == nil {
		t.Error("plain bytes labelled gzip: no error")
	}
}

func FuzzReadBody(f *testing.F) {
	page := []byte("<p>hello</p>")
	for _, enc := range []string{"identity", "gzip", "deflate", "raw-deflate"} {
		f.Add(enc, encode(f, enc, page))
	}
	f.Fuzz(func(t *testing.T, enc string, data []byte) {
		const max = 1 << 16
		got, err := readBody(response(enc, data), max, len(data)%2 == 0)
		if err == nil && len(got) > max {
			t.Fatalf("%d bytes read past the %d cap", len(got), max)
		}
	})
}
