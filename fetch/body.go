package fetch

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/sayso-news/sayso"
)

// readBody reads resp's body, undoing a gzip or deflate Content-Encoding,
// and fails with ETOOLARGE as soon as the decoded bytes pass max — so an
// endless body or a gzip bomb costs at most max bytes of memory. With
// truncate, it returns the first max bytes instead of failing.
func readBody(resp *http.Response, max int64, truncate bool) ([]byte, error) {
	var r io.Reader = resp.Body
	switch enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, fmt.Errorf("gzip body: %w", err)
		}
		defer zr.Close()
		r = zr
	case "deflate":
		// "deflate" is meant to be zlib-wrapped, but some servers send raw
		// DEFLATE; peek at the header to tell.
		br := &peekReader{r: resp.Body}
		head, err := br.peek(2)
		if err != nil {
			return nil, fmt.Errorf("deflate body: %w", err)
		}
		if len(head) == 2 && head[0]&0x0f == 8 && (uint16(head[0])<<8|uint16(head[1]))%31 == 0 {
			zr, err := zlib.NewReader(br)
			if err != nil {
				return nil, fmt.Errorf("deflate body: %w", err)
			}
			defer zr.Close()
			r = zr
		} else {
			fr := flate.NewReader(br)
			defer fr.Close()
			r = fr
		}
	default:
		return nil, sayso.Errorf(sayso.EUNAVAILABLE, "unsupported Content-Encoding %q", enc)
	}
	initial := int64(64 << 10)
	if resp.ContentLength > 0 && resp.Header.Get("Content-Encoding") == "" && resp.ContentLength < max {
		initial = resp.ContentLength + 1
	}
	var buf bytes.Buffer
	buf.Grow(int(min(initial, max+1)))
	n, err := io.Copy(&buf, io.LimitReader(r, max+1))
	if n > max {
		if truncate {
			return buf.Bytes()[:max], nil
		}
		return nil, sayso.Errorf(sayso.ETOOLARGE, "body over the %d-byte limit", max)
	}
	if err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	return buf.Bytes(), nil
}

// peekReader lets readBody look at the first bytes and still read them.
type peekReader struct {
	r    io.Reader
	head []byte
}

func (p *peekReader) peek(n int) ([]byte, error) {
	buf := make([]byte, n)
	m, err := io.ReadFull(p.r, buf)
	p.head = buf[:m]
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		err = nil
	}
	return p.head, err
}

func (p *peekReader) Read(b []byte) (int, error) {
	if len(p.head) > 0 {
		n := copy(b, p.head)
		p.head = p.head[n:]
		return n, nil
	}
	return p.r.Read(b)
}
