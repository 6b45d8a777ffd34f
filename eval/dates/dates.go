package dates

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

// Page is one page of the set: its address, its file name in html/ (without
// .gz), its raw bytes (any charset) and the true publication day at
// midnight UTC, or nil when the page gives none and "no date" is right.
type Page struct {
	URL, File string
	HTML      []byte
	Want      *time.Time
}

// DateReader returns the publication date of one page, or nil when it finds
// none. An error counts as "no date".
type DateReader func(html []byte, pageURL string) (*time.Time, error)

// MediaCloud is the name of the date set under dates/.
const MediaCloud = "mediacloud-2020"

// Load reads the set from dir (the dates/mediacloud-2020 folder):
// ground-truth.json and html/<file>.gz. Pages come back sorted by file
// name. It returns an error when the folder, the truth file or a page is
// missing or unreadable, or a truth date is malformed.
func Load(dir string) ([]Page, error) {
	var truth map[string]struct {
		File string  `json:"file"`
		Date *string `json:"date"`
	}
	if err := evalfiles.ReadJSON(filepath.Join(dir, "ground-truth.json"), &truth); err != nil {
		return nil, fmt.Errorf("load mediacloud dates: %w", err)
	}
	pages := make([]Page, 0, len(truth))
	for u, t := range truth {
		if t.File == "" || strings.ContainsAny(t.File, `/\`) {
			return nil, fmt.Errorf("load mediacloud dates: bad file name %q for %s", t.File, u)
		}
		p := Page{URL: u, File: t.File}
		if t.Date != nil {
			d, err := time.Parse("2006-01-02", *t.Date)
			if err != nil {
				return nil, fmt.Errorf("load mediacloud dates: %s: %w", t.File, err)
			}
			p.Want = &d
		}
		var err error
		if p.HTML, err = evalfiles.ReadGzip(filepath.Join(dir, "html", t.File+".gz")); err != nil {
			return nil, fmt.Errorf("load mediacloud page %s: %w", t.File, err)
		}
		pages = append(pages, p)
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].File < pages[j].File })
	return pages, nil
}

// Outcome classifies one page's result.
type Outcome string

// Outcomes of one page.
const (
	// Correct: the predicted day is the truth's, or both are absent.
	Correct Outcome = "correct"
	// Wrong: a day was predicted and differs from the truth (or the truth
	// is "no date").
	Wrong Outcome = "wrong"
	// Missing: no day was predicted but the page has one.
	Missing Outcome = "missing"
)

// PageResult is one page's outcome.
type PageResult struct {
	URL, File string
	// Want is the true day, Got the reader's date (nil for none); Err is
	// the reader's error, if any.
	Want    *time.Time
	Got     *time.Time
	Err     error
	Outcome Outcome
}

// Report summarises one date reader over a set of pages.
type Report struct {
	// Name names the set, for Print; "" prints as "pages".
	Name                           string
	Pages, Correct, Wrong, Missing int
	// Accuracy is Correct / Pages (0 for no pages).
	Accuracy float64
	// Failed counts pages where the reader returned an error (also counted
	// as Missing or Correct, as "no date").
	Failed int
	// Elapsed is the time spent in the reader.
	Elapsed time.Duration
	// Results holds each page's outcome, in the order of the pages.
	Results []PageResult
}

// Day returns the calendar day of t as written: in t's own location. It is
// the comparison Evaluate makes.
func Day(t time.Time) string { return t.Format("2006-01-02") }

// Evaluate runs read over pages, one at a time, and scores exact-day
// accuracy. It stops early, scoring only the pages done, when ctx is
// cancelled.
func Evaluate(ctx context.Context, pages []Page, read DateReader) *Report {
	r := &Report{}
	for _, p := range pages {
		if ctx.Err() != nil {
			break
		}
		start := time.Now()
		got, err := read(p.HTML, p.URL)
		r.Elapsed += time.Since(start)
		res := PageResult{URL: p.URL, File: p.File, Want: p.Want, Err: err}
		if err != nil {
			r.Failed++
			got = nil
		}
		res.Got = got
		switch {
		case got == nil && p.Want == nil:
			res.Outcome = Correct
		case got == nil:
			res.Outcome = Missing
		case p.Want != nil && Day(*got) == Day(*p.Want):
			res.Outcome = Correct
		default:
			res.Outcome = Wrong
		}
		switch res.Outcome {
		case Correct:
			r.Correct++
		case Wrong:
			r.Wrong++
		case Missing:
			r.Missing++
		}
		r.Results = append(r.Results, res)
	}
	r.Pages = len(r.Results)
	if r.Pages > 0 {
		r.Accuracy = float64(r.Correct) / float64(r.Pages)
	}
	return r
}

// Print writes the summary line: exact-day accuracy, pages, correct, wrong,
// missing and failures.
func (r *Report) Print(w io.Writer) {
	name := r.Name
	if name == "" {
		name = "pages"
	}
	fmt.Fprintf(w, "%s dates: %d pages  exact-day accuracy %.3f  correct %d  wrong %d  missing %d  failed %d\n",
		name, r.Pages, r.Accuracy, r.Correct, r.Wrong, r.Missing, r.Failed)
}

// PrintErrors writes one line per page that was not correct: the file, the
// truth, the prediction and the address, for diagnosis.
func (r *Report) PrintErrors(w io.Writer) {
	show := func(t *time.Time) string {
		if t == nil {
			return "none"
		}
		return t.Format(time.RFC3339)
	}
	for _, res := range r.Results {
		if res.Outcome == Correct {
			continue
		}
		fmt.Fprintf(w, "%-8s %s want %s got %s  %s\n", res.Outcome, res.File, show(res.Want), show(res.Got), res.URL)
	}
}

// Merge returns one report over the results of several, as if their pages
// had been scored in one run.
func Merge(name string, reports ...*Report) *Report {
	m := &Report{Name: name}
	for _, r := range reports {
		m.Results = append(m.Results, r.Results...)
		m.Correct += r.Correct
		m.Wrong += r.Wrong
		m.Missing += r.Missing
		m.Failed += r.Failed
		m.Elapsed += r.Elapsed
	}
	m.Pages = len(m.Results)
	if m.Pages > 0 {
		m.Accuracy = float64(m.Correct) / float64(m.Pages)
	}
	return m
}
