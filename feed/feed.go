package feed

import (
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/sayso-news/sayso"
)

// Kind is the format of a feed document.
type Kind string

// Formats Parse recognises.
const (
	RSS          Kind = "rss"
	Atom         Kind = "atom"
	JSON         Kind = "json"
	Sitemap      Kind = "sitemap"
	SitemapIndex Kind = "sitemapindex"
)

// Limits from the sitemap protocol (sitemaps.org), applied to every kind:
// no real feed comes near them, and they bound memory.
const (
	// MaxEntries is the most entries (or child sitemaps) read from one document.
	MaxEntries = 50000
	// MaxSize is the largest document read, after gzip decompression.
	MaxSize = 50 << 20
)

// Entry is one article a feed or sitemap lists.
type Entry struct {
	URL   string
	Title string
	// Published is the entry's publication (or, failing that, update or
	// sitemap lastmod) time, when given.
	Published *time.Time
}

// Feed is a parsed feed or sitemap.
type Feed struct {
	Kind  Kind
	Title string
	// Entries lists the articles, in document order, addresses absolute.
	Entries []Entry
	// Sitemaps lists the child sitemaps of a sitemap index.
	Sitemaps []string
	// Truncated is set when the document listed more than MaxEntries.
	Truncated bool
}

// ErrNotFeed is returned (wrapped, code EINVALID) when a document is not a
// feed or sitemap — an HTML page, for example.
var ErrNotFeed = errors.New("not a feed or sitemap")

// Detect returns the kind of feed data holds, or "" when it is none. It
// looks only at the start of the document (decompressing gzip).
func Detect(data []byte) Kind {
	data = peek(data)
	trimmed := bytes.TrimLeft(data, "\xef\xbb\xbf \t\r\n")
	if len(trimmed) > 0 && trimmed[0] == '{' {
		if bytes.Contains(trimmed[:min(len(trimmed), 4096)], []byte("jsonfeed.org")) {
			return JSON
		}
		return ""
	}
	d := xml.NewDecoder(bytes.NewReader(trimmed))
	d.Strict = false
	d.CharsetReader = passCharset
	for range 64 {
		tok, err := d.Token()
		if err != nil {
			return ""
		}
		if se, ok := tok.(xml.StartElement); ok {
			switch strings.ToLower(se.Name.Local) {
			case "rss", "rdf":
				return RSS
			case "feed":
				return Atom
			case "urlset":
				return Sitemap
			case "sitemapindex":
				return SitemapIndex
			default:
				return ""
			}
		}
	}
	return ""
}

// peek returns the first 8 KiB of data, decompressed if it is gzip.
func peek(data []byte) []byte {
	if isGzip(data) {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil
		}
		buf := make([]byte, 8<<10)
		n, _ := io.ReadFull(zr, buf)
		return buf[:n]
	}
	return data[:min(len(data), 8<<10)]
}

func isGzip(b []byte) bool { return len(b) > 2 && b[0] == 0x1f && b[1] == 0x8b }

// Parse reads a feed or sitemap (gzip-compressed or not) served at
// docURL, which resolves relative addresses. Errors have code EINVALID:
// ErrNotFeed for other documents, malformed XML or JSON, or a document over
// MaxSize; ETOOLARGE is not used, since a truncated read would be malformed.
func Parse(data []byte, docURL string) (*Feed, error) {
	if isGzip(data) {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, sayso.Errorf(sayso.EINVALID, "feed %s: %w", docURL, err)
		}
		plain, err := io.ReadAll(io.LimitReader(zr, MaxSize+1))
		if err != nil {
			return nil, sayso.Errorf(sayso.EINVALID, "feed %s: gzip: %w", docURL, err)
		}
		data = plain
	}
	if len(data) > MaxSize {
		return nil, sayso.Errorf(sayso.EINVALID, "feed %s: larger than %d bytes", docURL, MaxSize)
	}
	base, _ := url.Parse(docURL)
	kind := Detect(data)
	var f *Feed
	var err error
	switch kind {
	case RSS, Atom:
		// gofeed forgives mismatched tags and truncation silently; a feed
		// that is not well-formed XML is reported instead of half-read.
		if err = wellFormed(data); err == nil {
			f, err = parseFeed(data, base)
		}
	case JSON:
		f, err = parseFeed(data, base)
	case Sitemap, SitemapIndex:
		f, err = parseSitemap(data, base)
	default:
		return nil, sayso.Errorf(sayso.EINVALID, "feed %s: %w", docURL, ErrNotFeed)
	}
	if err != nil {
		return nil, sayso.Errorf(sayso.EINVALID, "feed %s: %w", docURL, err)
	}
	f.Kind = kind
	return f, nil
}

// parseFeed reads RSS, Atom and JSON Feed with gofeed.
func parseFeed(data []byte, base *url.URL) (*Feed, error) {
	gf, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	f := &Feed{Title: strings.TrimSpace(gf.Title)}
	for _, it := range gf.Items {
		if it == nil {
			continue
		}
		link := it.Link
		if link == "" && len(it.Links) > 0 {
			link = it.Links[0]
		}
		if link == "" && strings.HasPrefix(it.GUID, "http") {
			link = it.GUID
		}
		u := resolve(base, link)
		if u == "" {
			continue
		}
		if len(f.Entries) == MaxEntries {
			f.Truncated = true
			break
		}
		e := Entry{URL: u, Title: strings.TrimSpace(it.Title), Published: it.PublishedParsed}
		if e.Published == nil {
			e.Published = it.UpdatedParsed
		}
		f.Entries = append(f.Entries, e)
	}
	return f, nil
}

// resolve makes ref absolute against base; "" when ref is empty, not a
// URL, or not http(s).
func resolve(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return ""
	}
	return u.String()
}

// passCharset lets encoding/xml read documents that declare a non-UTF-8
// encoding: addresses are ASCII in practice, and titles are only shown.
func passCharset(label string, input io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin1", "windows-1252":
		return input, nil
	}
	return nil, fmt.Errorf("unsupported charset %q", label)
}

// wellFormed checks that data is well-formed XML, allowing the HTML named
// entities (&nbsp; and friends) that feeds often carry.
func wellFormed(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.Entity = xml.HTMLEntity
	d.CharsetReader = passCharset
	depth := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("invalid XML: %w", err)
		}
		switch tok.(type) {
		case xml.StartElement:
			if depth++; depth > maxFeedDepth {
				return fmt.Errorf("invalid XML: elements nested deeper than %d", maxFeedDepth)
			}
		case xml.EndElement:
			depth--
		}
	}
}

// maxFeedDepth bounds nesting in RSS and Atom, whose items may carry some
// XHTML; real feeds stay far below it.
const maxFeedDepth = 256
