// Package democorpus holds the sample corpus of "sayso demo": a dozen
// handwritten news pages from six fictional outlets about one story (a
// chemical spill in the fictional town of Marrowby), written for the
// demo and the web tests. Among them: a wire story and its syndicated
// copy with a credit line and a cookie-consent banner, a mayor's quote
// that travels across outlets (once altered, once given to the wrong
// speaker), a minister's quote printed whole and cut, reported speech
// from governments and officials, anonymous sources and an opinion piece
// with the author's own claims. All names, places and outlets are
// invented; the addresses use the reserved .example domain.
package democorpus

import (
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/sayso-news/sayso"
)

//go:embed pages/*.html pages/manifest.json
var pages embed.FS

// Page is one sample page with the address and time it is stored under.
type Page struct {
	File      string    `json:"file"`
	URL       string    `json:"url"`
	FetchedAt time.Time `json:"fetched_at"`
}

// Pages returns the sample pages in publication order.
func Pages() ([]Page, error) {
	b, err := pages.ReadFile("pages/manifest.json")
	if err != nil {
		return nil, fmt.Errorf("demo corpus manifest: %w", err)
	}
	var out []Page
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, fmt.Errorf("demo corpus manifest: %w", err)
	}
	return out, nil
}

// Body returns the HTML of the sample page file.
func Body(file string) ([]byte, error) {
	b, err := pages.ReadFile("pages/" + file)
	if err != nil {
		return nil, fmt.Errorf("demo page %s: %w", file, err)
	}
	return b, nil
}

// Build reads every sample page with extract and analyze, as ingest
// would, and saves them in st, returning one result per page in the
// order of Pages. A page without an article fails the build: the sample
// is known.
func Build(ctx context.Context, st sayso.Store, extract func(*sayso.Page) (*sayso.Article, error),
	analyze func(context.Context, string) (*sayso.Analysis, error), analyzerVersion string) ([]sayso.SaveResult, error) {
	ps, err := Pages()
	if err != nil {
		return nil, err
	}
	var recs []*sayso.Record
	for _, p := range ps {
		body, err := Body(p.File)
		if err != nil {
			return nil, err
		}
		page := &sayso.Page{URL: p.URL, FinalURL: p.URL, StatusCode: http.StatusOK, FetchedAt: p.FetchedAt,
			Header: http.Header{"Content-Type": {"text/html; charset=utf-8"}}, Body: body}
		art, err := extract(page)
		if err != nil {
			return nil, fmt.Errorf("demo page %s: %w", p.File, err)
		}
		rec := &sayso.Record{Page: page, Source: "demo", State: sayso.StateArticle, Article: art}
		if analyze != nil {
			an, err := analyze(ctx, art.Text())
			if err != nil {
				return nil, fmt.Errorf("demo page %s: %w", p.File, err)
			}
			rec.Analysis, rec.AnalyzerVersion = an, analyzerVersion
		}
		recs = append(recs, rec)
	}
	res, err := st.Save(ctx, recs)
	if err != nil {
		return nil, fmt.Errorf("save demo corpus: %w", err)
	}
	return res, nil
}
