package feed

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
)

// maxDepth bounds element nesting; a sitemap needs four levels (urlset,
// url, news:news, news:publication), so 32 is generous.
const maxDepth = 32

// parseSitemap streams a sitemap or sitemap index, news extension
// included, through encoding/xml (which bounds nesting depth itself).
func parseSitemap(data []byte, base *url.URL) (*Feed, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = passCharset
	f := &Feed{}
	var (
		path  []string // local names of open elements
		text  strings.Builder
		entry Entry
		news  *time.Time
		lastm *time.Time
	)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			if len(path) >= maxDepth {
				return nil, fmt.Errorf("elements nested deeper than %d", maxDepth)
			}
			path = append(path, name)
			text.Reset()
			if name == "url" || name == "sitemap" {
				entry, news, lastm = Entry{}, nil, nil
			}
		case xml.CharData:
			if text.Len() < 8<<10 {
				text.Write(t)
			}
		case xml.EndElement:
			if len(path) == 0 {
				return nil, fmt.Errorf("unbalanced element </%s>", t.Name.Local)
			}
			name := path[len(path)-1]
			parent := ""
			if len(path) > 1 {
				parent = path[len(path)-2]
			}
			path = path[:len(path)-1]
			value := strings.TrimSpace(text.String())
			switch {
			case name == "loc" && (parent == "url" || parent == "sitemap"):
				entry.URL = resolve(base, value)
			case name == "lastmod":
				lastm = parseW3CDate(value)
			case name == "publication_date":
				news = parseW3CDate(value)
			case name == "title" && parent == "news":
				entry.Title = value
			case name == "url":
				if entry.URL == "" {
					continue
				}
				if len(f.Entries) == MaxEntries {
					f.Truncated = true
					return f, nil
				}
				entry.Published = news
				if entry.Published == nil {
					entry.Published = lastm
				}
				f.Entries = append(f.Entries, entry)
			case name == "sitemap":
				if entry.URL == "" {
					continue
				}
				if len(f.Sitemaps) == MaxEntries {
					f.Truncated = true
					return f, nil
				}
				f.Sitemaps = append(f.Sitemaps, entry.URL)
			}
			text.Reset()
		}
	}
	if len(path) != 0 {
		return nil, fmt.Errorf("document ends inside <%s>", path[len(path)-1])
	}
	return f, nil
}

// parseW3CDate reads the W3C datetime profile sitemaps use, from a bare
// year-month-day to full RFC 3339.
func parseW3CDate(s string) *time.Time {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04Z07:00", "2006-01-02T15:04:05", "2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return &t
		}
	}
	return nil
}
