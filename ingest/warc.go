package ingest

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httputil"
	"strings"
	"time"

	"github.com/nlnwa/gowarc/v3"
	"github.com/sayso-news/sayso"
)

// maxWARCErrors is how many unreadable records in a row end the reading of
// a WARC file: the reader resynchronises on the next record after one bad
// record, but a file that keeps failing is not a WARC file.
const maxWARCErrors = 10

// warc reads the HTTP response records of a WARC or WARC.gz file (Common
// Crawl's CC-NEWS layout) as pages. Records that are not 200 HTML responses
// are skipped; unreadable or truncated records are reported and skipped.
func (p *producer) warc(ctx context.Context, path string) error {
	source := "warc " + path
	r, err := gowarc.NewWarcFileReader(path, 0,
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn),
		gowarc.WithSpecViolationPolicy(gowarc.ErrWarn),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore),
		// Records are kept in memory up to the page cap, then spill to disk.
		gowarc.WithBufferMaxMemBytes(p.in.cfg.MaxPageBytes))
	if err != nil {
		return sayso.Errorf(sayso.EUNAVAILABLE, "%s: %w", source, err)
	}
	defer r.Close()
	bad := 0
	for n := 0; ; n++ {
		if ctx.Err() != nil {
			return nil
		}
		rec, err := r.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			rec.Close()
			p.failSource(ctx, source, sayso.Errorf(sayso.EINVALID, "%s: record %d at offset %d: %w", source, n+1, rec.Offset, err))
			if bad++; bad >= maxWARCErrors || errors.Is(err, io.ErrUnexpectedEOF) {
				return nil
			}
			continue
		}
		bad = 0
		if r := p.in.warc; r.count > 0 && (n < r.from || n >= r.from+r.count) {
			rec.Close()
			if n >= r.from+r.count {
				return nil
			}
			continue
		}
		it, skip, err := p.warcRecord(rec, source)
		rec.Close()
		switch {
		case err != nil:
			p.failSource(ctx, source, sayso.Errorf(sayso.EINVALID, "%s: record %d at offset %d: %w", source, n+1, rec.Offset, err))
		case skip:
			select {
			case p.results <- result{skipped: true}:
			case <-ctx.Done():
				return nil
			}
		case it != nil:
			if !p.emit(ctx, *it) {
				return nil
			}
		}
	}
}

// warcRecord turns a record into an item. It returns skip for records that
// are not pages (requests, metadata, non-HTML or non-200 responses) and an
// error for a response that cannot be read.
func (p *producer) warcRecord(rec gowarc.Record, source string) (it *item, skip bool, err error) {
	wr := rec.WarcRecord
	if wr == nil {
		return nil, false, errors.New("empty record")
	}
	switch wr.Type() {
	case gowarc.Response, gowarc.Resource:
	case gowarc.Warcinfo, gowarc.Request, gowarc.Metadata:
		return nil, false, nil
	default:
		return nil, true, nil
	}
	for _, v := range rec.Validation {
		var cl *gowarc.ContentLengthError
		if errors.As(v, &cl) || strings.Contains(v.Error(), "too few bytes") || strings.Contains(v.Error(), "unexpected end") {
			return nil, false, fmt.Errorf("truncated record: %w", v)
		}
	}
	target := wr.WarcHeader().Get(gowarc.WarcTargetURI)
	target = strings.Trim(strings.TrimSpace(target), "<>")
	if !isURL(target) {
		return nil, true, nil
	}
	date, _ := wr.Date()
	if date.IsZero() {
		date = time.Time{}
	}
	page := &sayso.Page{URL: target, FinalURL: target, FetchedAt: date.UTC(), Header: http.Header{}}
	var body io.Reader
	switch b := wr.Block().(type) {
	case gowarc.HttpResponseBlock:
		page.StatusCode = b.HttpStatusCode()
		if h := b.HttpHeader(); h != nil {
			page.Header = h.Clone()
		}
		if body, err = b.PayloadBytes(); err != nil {
			return nil, false, err
		}
	default:
		if wr.Type() != gowarc.Resource {
			return nil, true, nil
		}
		page.Header.Set("Content-Type", wr.WarcHeader().Get(gowarc.ContentType))
		if body, err = wr.Block().RawBytes(); err != nil {
			return nil, false, err
		}
	}
	if page.StatusCode != 0 && page.StatusCode != http.StatusOK {
		return nil, true, nil
	}
	if ct := strings.ToLower(page.ContentType()); ct != "" && !strings.Contains(ct, "html") {
		return nil, true, nil
	}
	data, err := decodePayload(body, page.Header, p.in.cfg.MaxPageBytes)
	if err != nil {
		return nil, false, err
	}
	page.Body = data
	page.Header.Del("Content-Encoding")
	page.Header.Del("Transfer-Encoding")
	page.Header.Del("Content-Length")
	return &item{url: target, page: page, source: source}, false, nil
}

// decodePayload reads an HTTP payload as recorded, undoing chunked
// transfer coding and gzip or deflate content coding when the recorded
// bytes still carry them (crawlers differ), up to max bytes.
func decodePayload(r io.Reader, h http.Header, max int64) ([]byte, error) {
	br := bufio.NewReader(r)
	var rd io.Reader = br
	if strings.Contains(strings.ToLower(h.Get("Transfer-Encoding")), "chunked") {
		if head, _ := br.Peek(3); len(head) > 0 && isHexDigit(head[0]) {
			rd = httputil.NewChunkedReader(br)
		}
	}
	raw, err := io.ReadAll(io.LimitReader(rd, max+1))
	if err != nil {
		return nil, fmt.Errorf("payload: %w", err)
	}
	if int64(len(raw)) > max {
		return nil, sayso.Errorf(sayso.ETOOLARGE, "payload larger than %d bytes", max)
	}
	var zr io.Reader
	switch enc := strings.ToLower(h.Get("Content-Encoding")); {
	case (enc == "gzip" || enc == "x-gzip") && len(raw) > 2 && raw[0] == 0x1f && raw[1] == 0x8b:
		g, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			return nil, fmt.Errorf("payload gzip: %w", err)
		}
		zr = g
	case enc == "deflate":
		zr = flate.NewReader(bytes.NewReader(raw))
	default:
		return raw, nil
	}
	out, err := io.ReadAll(io.LimitReader(zr, max+1))
	if err != nil {
		return raw, nil // recorded decoded after all
	}
	if int64(len(out)) > max {
		return nil, sayso.Errorf(sayso.ETOOLARGE, "payload larger than %d bytes decompressed", max)
	}
	return out, nil
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
