package extraction

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"time"

	"github.com/sayso-news/sayso/eval/internal/evalfiles"
)

// Page is one benchmark page: its identifier, address, raw HTML and the
// hand-checked article body.
type Page struct {
	ID    string
	URL   string
	HTML  []byte
	Truth string
}

// Extractor returns the plain-text article body of one page.
type Extractor func(html []byte, pageURL string) (string, error)

// Load reads the benchmark from dir (the extraction/scrapinghub folder):
// ground-truth.json and html/<id>.html.gz. Pages come back sorted by ID. It
// returns an error when the folder, the truth file or a page is missing or
// unreadable.
func Load(dir string) ([]Page, error) {
	var truth map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := evalfiles.ReadJSON(filepath.Join(dir, "ground-truth.json"), &truth); err != nil {
		return nil, fmt.Errorf("load scrapinghub: %w", err)
	}
	pages := make([]Page, 0, len(truth))
	for id, t := range truth {
		html, err := evalfiles.ReadGzip(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			return nil, fmt.Errorf("load scrapinghub page %s: %w", id, err)
		}
		pages = append(pages, Page{ID: id, URL: t.URL, HTML: html, Truth: t.ArticleBody})
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].ID < pages[j].ID })
	return pages, nil
}

// PageResult is one page's outcome.
type PageResult struct {
	ID  string
	URL string
	Score
	// Predicted is the extractor's text; Err its error, if any (scored as an
	// empty prediction).
	Predicted string
	Err       error
	Truth     string
}

// Report is the benchmark's summary of one extractor over a set of pages.
type Report struct {
	// Pages counts the pages scored.
	Pages int
	// Precision, Recall, F1 and Accuracy are the benchmark's figures (see
	// the package comment).
	Precision, Recall, F1, Accuracy float64
	// Failed counts pages where the extractor returned an error.
	Failed int
	// Bytes is the total HTML size; Elapsed the time spent in the extractor.
	Bytes   int64
	Elapsed time.Duration
	// Results holds each page's outcome, in the order of the pages.
	Results []PageResult
}

// Evaluate runs x over pages, one at a time, and scores it with the
// benchmark's metric. An extractor error counts as an empty prediction.
// It stops early, scoring only the pages done, when ctx is cancelled.
func Evaluate(ctx context.Context, pages []Page, x Extractor) *Report {
	r := &Report{}
	for _, p := range pages {
		if ctx.Err() != nil {
			break
		}
		start := time.Now()
		text, err := x(p.HTML, p.URL)
		r.Elapsed += time.Since(start)
		r.Bytes += int64(len(p.HTML))
		if err != nil {
			r.Failed++
			text = ""
		}
		r.Results = append(r.Results, PageResult{ID: p.ID, URL: p.URL, Score: Compare(p.Truth, text), Predicted: text, Err: err, Truth: p.Truth})
	}
	r.summarise()
	return r
}

func (r *Report) summarise() {
	r.Pages = len(r.Results)
	var ps, rs []float64
	exact := 0
	for _, res := range r.Results {
		if v, ok := res.Precision(); ok {
			ps = append(ps, v)
		}
		if v, ok := res.Recall(); ok {
			rs = append(rs, v)
		}
		if res.Exact {
			exact++
		}
	}
	r.Precision, r.Recall = mean(ps), mean(rs)
	if r.Precision+r.Recall > 0 {
		r.F1 = 2 * r.Precision * r.Recall / (r.Precision + r.Recall)
	}
	if r.Pages > 0 {
		r.Accuracy = float64(exact) / float64(r.Pages)
	}
}

func mean(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	var s float64
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}

// Print writes the summary: pages, F1, precision, recall, accuracy,
// failures and throughput.
func (r *Report) Print(w io.Writer) {
	fmt.Fprintf(w, "scrapinghub: %d pages  F1 %.3f  precision %.3f  recall %.3f  accuracy %.3f  failed %d\n",
		r.Pages, r.F1, r.Precision, r.Recall, r.Accuracy, r.Failed)
	if s := r.Elapsed.Seconds(); s > 0 {
		fmt.Fprintf(w, "scrapinghub: %.0f pages/s  %.1f MB/s (extractor time only, one goroutine)\n",
			float64(r.Pages)/s, float64(r.Bytes)/1e6/s)
	}
}

// Worst returns the n results with the lowest per-page F1, worst first, for
// diagnosis.
func (r *Report) Worst(n int) []PageResult {
	res := append([]PageResult(nil), r.Results...)
	sort.SliceStable(res, func(i, j int) bool { return res[i].F1() < res[j].F1() })
	if n < len(res) {
		res = res[:n]
	}
	return res
}

// F1 returns the page's own F1 (0 when undefined).
func (s Score) F1() float64 {
	p, _ := s.Precision()
	rc, _ := s.Recall()
	if p+rc == 0 {
		return 0
	}
	return 2 * p * rc / (p + rc)
}
