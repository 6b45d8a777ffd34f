package extraction

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/sayso-news/sayso/eval/internal/evalfiles"
)

// Page is one benchmark page: its identifier, address, raw HTML and the
// hand-checked article body, with the language and publication day the set
// gives (fundus and wcxb-dev; "" where it gives none).
type Page struct {
	ID    string
	URL   string
	HTML  []byte
	Truth string
	// Lang is the page's language as the set labels it ("de", "en"…).
	Lang string
	// Date is the publication day as the set gives it, "YYYY-MM-DD".
	Date string
}

// Extractor returns the plain-text article body of one page.
type Extractor func(html []byte, pageURL string) (string, error)

// Load reads one body set from dir (an extraction/<set> folder, such as
// scrapinghub, wcxb-dev or fundus): ground-truth.json ({id: {articleBody,
// url, lang, date}}) and html/<id>.html.gz. Pages come back sorted by ID.
// It returns an error when the folder, the truth file or a page is missing
// or unreadable, or an id would name a file outside html/.
func Load(dir string) ([]Page, error) {
	name := filepath.Base(dir)
	var truth map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
		Lang        string `json:"lang"`
		Date        string `json:"date"`
	}
	if err := evalfiles.ReadJSON(filepath.Join(dir, "ground-truth.json"), &truth); err != nil {
		return nil, fmt.Errorf("load %s: %w", name, err)
	}
	pages := make([]Page, 0, len(truth))
	for id, t := range truth {
		if id == "" || strings.ContainsAny(id, `/\`) || strings.HasPrefix(id, ".") {
			return nil, fmt.Errorf("load %s: bad page id %q", name, id)
		}
		html, err := evalfiles.ReadGzip(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			return nil, fmt.Errorf("load %s page %s: %w", name, id, err)
		}
		pages = append(pages, Page{ID: id, URL: t.URL, HTML: html, Truth: t.ArticleBody, Lang: t.Lang, Date: t.Date})
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].ID < pages[j].ID })
	return pages, nil
}

// PageResult is one page's outcome.
type PageResult struct {
	ID   string
	URL  string
	Lang string
	Score
	// Predicted is the extractor's text; Err its error, if any (scored as an
	// empty prediction).
	Predicted string
	Err       error
	Truth     string
}

// Report is the benchmark's summary of one extractor over a set of pages.
type Report struct {
	// Name names the set, for Print; "" prints as "pages".
	Name string
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
		r.Results = append(r.Results, PageResult{ID: p.ID, URL: p.URL, Lang: p.Lang, Score: Compare(p.Truth, text), Predicted: text, Err: err, Truth: p.Truth})
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
	name := r.Name
	if name == "" {
		name = "pages"
	}
	fmt.Fprintf(w, "%s: %d pages  F1 %.3f  precision %.3f  recall %.3f  accuracy %.3f  failed %d\n",
		name, r.Pages, r.F1, r.Precision, r.Recall, r.Accuracy, r.Failed)
	if s := r.Elapsed.Seconds(); s > 0 {
		fmt.Fprintf(w, "%s: %.0f pages/s  %.1f MB/s (extractor time only, one goroutine)\n",
			name, float64(r.Pages)/s, float64(r.Bytes)/1e6/s)
	}
}

// Merge returns one report over the results of several, as if their pages
// had been scored in one run (the figures are recomputed from the pages,
// not averaged).
func Merge(name string, reports ...*Report) *Report {
	m := &Report{Name: name}
	for _, r := range reports {
		m.Results = append(m.Results, r.Results...)
		m.Failed += r.Failed
		m.Bytes += r.Bytes
		m.Elapsed += r.Elapsed
	}
	m.summarise()
	return m
}

// Group splits a report by a key of its pages (their language, say) and
// returns one report per key, named after it, scored over its own pages.
// Speed figures are not split: the groups carry none.
func (r *Report) Group(key func(PageResult) string) map[string]*Report {
	out := map[string]*Report{}
	for _, res := range r.Results {
		k := key(res)
		g := out[k]
		if g == nil {
			g = &Report{Name: k}
			out[k] = g
		}
		g.Results = append(g.Results, res)
		if res.Err != nil {
			g.Failed++
		}
	}
	for _, g := range out {
		g.summarise()
	}
	return out
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
