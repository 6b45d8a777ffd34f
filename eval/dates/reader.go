package dates

import (
	"bytes"
	"fmt"
	"net/url"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/transform"

	"github.com/sayso-news/sayso/extract/metadata"
)

// sniffLen is how much of a page is searched for a charset declaration; the
// HTML standard says 1024 bytes, but real pages put a long <head> of
// scripts before their <meta charset>.
const sniffLen = 16 << 10

// ReadMetadata decodes a page's charset (byte-order mark, <meta>
// declaration, else UTF-8 or windows-1252 by sniffing), parses it and
// returns sayso's metadata reading of it. It returns an error when the page
// cannot be decoded or parsed.
func ReadMetadata(page []byte, pageURL string) (*metadata.Metadata, error) {
	head := page
	if len(head) > sniffLen {
		head = head[:sniffLen]
	}
	enc, _, _ := charset.DetermineEncoding(head, "")
	decoded, _, err := transform.Bytes(enc.NewDecoder(), page)
	if err != nil {
		return nil, fmt.Errorf("decode %s: %w", pageURL, err)
	}
	doc, err := html.Parse(bytes.NewReader(decoded))
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", pageURL, err)
	}
	var u *url.URL
	if pageURL != "" {
		u, _ = url.Parse(pageURL)
	}
	return metadata.Read(doc, u), nil
}

// MetadataReader is sayso's DateReader: the published date that
// extract/metadata chooses, which is the value extract copies into
// Article.Published. It reads metadata directly rather than through
// extract.FromReader so that a page without an article body (a video page,
// a gallery) still yields its date.
func MetadataReader(page []byte, pageURL string) (*time.Time, error) {
	md, err := ReadMetadata(page, pageURL)
	if err != nil {
		return nil, err
	}
	return md.Published, nil
}
