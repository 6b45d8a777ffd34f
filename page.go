package sayso

import (
	"context"
	"net/http"
	"time"
)

// Page is a web page as it was fetched or read: the raw bytes and what the
// transport said about them. Nothing in a Page has been interpreted yet, so
// pages can be stored and re-processed when extraction improves.
type Page struct {
	// URL is the address that was asked for.
	URL string `json:"url"`
	// FinalURL is the address after redirects; equal to URL when there were none.
	FinalURL string `json:"final_url"`
	// Redirects lists the intermediate addresses, in order.
	Redirects []string `json:"redirects,omitempty"`
	// StatusCode is the HTTP status, or 0 for pages read from files or WARC
	// records without one.
	StatusCode int `json:"status_code,omitempty"`
	// Header holds the response headers (Content-Type carries the charset).
	Header http.Header `json:"header,omitempty"`
	// Body is the decoded-transfer (not charset-decoded) body.
	Body []byte `json:"-"`
	// FetchedAt is when the page was fetched (or the WARC record's date).
	FetchedAt time.Time `json:"fetched_at"`
}

// ContentType returns the page's Content-Type header, or "" when unknown.
func (p *Page) ContentType() string {
	if p == nil || p.Header == nil {
		return ""
	}
	return p.Header.Get("Content-Type")
}

// Fetcher fetches pages over the network. Implementations bound time, size
// and redirects and refuse what policy forbids; errors carry an ErrorCode.
type Fetcher interface {
	Fetch(ctx context.Context, url string) (*Page, error)
}
