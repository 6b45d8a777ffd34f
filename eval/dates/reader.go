package dates

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/transform"

	"github.com/sayso-news/sayso/extract"
	"github.com/sayso-news/sayso/extract/metadata"
)

// metaScanLen is how much of a page is searched for a <meta> charset
// declaration: the HTML standard says 1024 bytes, but real pages put long
// scripts and styles before it.
const metaScanLen = 64 << 10

var metaCharsetRE = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)`)

// decode returns page as UTF-8: a byte-order mark, else valid UTF-8 as it
// is, else the charset a <meta> declares in the first 64 KiB, else the
// HTML standard's sniffing (windows-1252 by default).
func decode(page []byte) ([]byte, error) {
	head := page
	if len(head) > metaScanLen {
		head = head[:metaScanLen]
	}
	enc, _, certain := charset.DetermineEncoding(head, "")
	if !certain {
		if utf8.Valid(page) {
			return page, nil
		}
		if m := metaCharsetRE.FindSubmatch(head); m != nil {
			if e, _ := charset.Lookup(string(m[1])); e != nil {
				enc = e
			}
		}
	}
	out, _, err := transform.Bytes(enc.NewDecoder(), page)
	return out, err
}

// ReadMetadata decodes a page's charset (byte-order mark, valid UTF-8, a
// <meta> declaration, else windows-1252), parses it and returns sayso's
// metadata reading of it. It returns an error when the page cannot be
// decoded or parsed.
func ReadMetadata(page []byte, pageURL string) (*metadata.Metadata, error) {
	decoded, err := decode(page)
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

// MetadataReader is sayso's DateReader: what the product outputs, the
// Article.Published of extract.FromReader (which copies the date
// extract/metadata chooses). A page extract finds no article on (a video
// page, a gallery, a listing) still has a publication date, so for those
// the metadata is read directly.
func MetadataReader(page []byte, pageURL string) (*time.Time, error) {
	a, err := extract.FromReader(bytes.NewReader(page), pageURL)
	if err == nil {
		return a.Published, nil
	}
	if !errors.Is(err, extract.ErrNoArticle) {
		return nil, err
	}
	md, err := ReadMetadata(page, pageURL)
	if err != nil {
		return nil, err
	}
	return md.Published, nil
}
