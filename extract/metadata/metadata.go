package metadata

import (
	"net/url"
	"sort"
	"strings"
	"time"

	"golang.org/x/net/html"

	"github.com/sayso-news/sayso"
)

// Metadata is what Read finds: the chosen value of each field, the evidence
// of each choice, and every candidate considered.
type Metadata struct {
	// Title is the headline, without the site name titles often carry.
	Title string
	// CanonicalURL is the page's own address for itself (link
	// rel=canonical, og:url), made absolute.
	CanonicalURL string
	// Authors are people's names; outlets and wire services named in
	// bylines ("AP", "Reuters Staff") are never authors.
	Authors []string
	// Publisher is the site's name (og:site_name, the JSON-LD publisher),
	// else the registrable domain of the page's host.
	Publisher string
	// Published and Modified carry the page's own offset when it gave one.
	// A date given without a time of day is midnight UTC, and a time given
	// without a zone is kept as written, in UTC: in every case the calendar
	// day of the value in its own location is the day the page wrote.
	Published *time.Time
	Modified  *time.Time
	// Language is a BCP 47 tag declared by the page (lang attribute,
	// Content-Language, og:locale); "" when the page declares none.
	Language string
	// Description is the page's summary of the article (og:description,
	// meta description, the JSON-LD description).
	Description string
	// Section is the site section the article is filed in; Tags its
	// keywords, from the strongest source that gives any.
	Section string
	Tags    []string
	// Image is the address of the article's lead image, made absolute.
	Image string
	// Body is the article's text as the page's own JSON-LD article gives
	// it (articleBody), markup removed, bounded to MaxBodyBytes: a paywalled
	// page often shows a paragraph and carries the whole text there.
	Body string
	// Evidence maps a field name ("title", "published"…) to the evidence of
	// its chosen value.
	Evidence map[string]string
	// Candidates lists every value found, chosen or not, in page order.
	Candidates []sayso.Candidate
}

// Options tunes ReadOptions.
type Options struct {
	// Now is when the page was fetched, when known. Dates more than a day
	// after it are rejected as implausible. The zero value disables the
	// check (Read never looks at the clock: it is deterministic), and so
	// does a time before 1995, which is a reset clock or file time (the
	// Unix epoch, the zip format's 1980), not a fetch.
	Now time.Time
}

// Read collects metadata from a parsed document. pageURL may be nil when the
// page's address is unknown. Read never fails: fields it cannot find stay
// empty.
func Read(doc *html.Node, pageURL *url.URL) *Metadata {
	return ReadOptions(doc, pageURL, Options{})
}

// ReadOptions is Read with options.
func ReadOptions(doc *html.Node, pageURL *url.URL, opt Options) *Metadata {
	md := &Metadata{Evidence: map[string]string{}}
	if doc == nil {
		return md
	}
	r := &reader{pageURL: pageURL, opt: opt, p: walk(doc)}
	r.p.h1Line = pickHeadline(r.p)
	r.collect()
	r.choose(md)
	md.Body = r.body
	for _, c := range r.cands {
		md.Candidates = append(md.Candidates, c.Candidate)
	}
	return md
}

// cand is a candidate value with its rank (lower is stronger evidence) and,
// for date fields, the parsed date.
type cand struct {
	sayso.Candidate
	rank  int
	order int
	date  Date
	// line is the visible line a shown date was read from, else -1.
	line int
	// ambiguous is set for a shown numeric date whose day and month could
	// be read either way.
	ambiguous bool
}

// reader holds one document's walk and the candidates found in it.
type reader struct {
	pageURL *url.URL
	opt     Options
	p       *page
	cands   []cand
	// self holds the paths the page gives as its own; see selfPaths.
	self map[string]bool
	// body is the articleBody of the page's own JSON-LD article.
	body string
	// hintKinds caches what each hint string holds; see hinted.
	hintKinds map[string]uint8
}

// MaxBodyBytes bounds Metadata.Body: the longest articles are a few
// hundred kilobytes.
const MaxBodyBytes = 512 << 10

// maxCandidates bounds the candidates kept for one page: a real page has a
// few dozen; a hostile one could repeat meta tags endlessly.
const maxCandidates = 2000

func (r *reader) add(field, value, evidence string, rank int) {
	value = strings.TrimSpace(value)
	if value == "" || len(r.cands) >= maxCandidates {
		return
	}
	// Some templates escape twice: "&#8216;Title&#8217;" in og:title.
	if strings.Contains(value, "&") && strings.Contains(value, ";") {
		value = html.UnescapeString(value)
	}
	value = collapseSpace(value)
	if len(value) > 2000 {
		value = truncateUTF8(value, 2000)
	}
	r.cands = append(r.cands, cand{
		Candidate: sayso.Candidate{Field: field, Value: value, Evidence: evidence},
		rank:      rank, order: len(r.cands), line: -1,
	})
}

// addDate adds a date candidate if value parses as a plausible date.
func (r *reader) addDate(field, value, evidence string, rank int) {
	d, ok := ParseDate(value)
	if !ok {
		return
	}
	r.addParsedDate(field, d, evidence, rank)
}

func (r *reader) addParsedDate(field string, d Date, evidence string, rank int) {
	r.addShownDate(field, d, evidence, rank, -1)
}

// addShownDate adds a date read from the visible line at index line.
func (r *reader) addShownDate(field string, d Date, evidence string, rank, line int) {
	if len(r.cands) >= maxCandidates {
		return
	}
	r.cands = append(r.cands, cand{
		Candidate: sayso.Candidate{Field: field, Value: formatDate(d), Evidence: evidence},
		rank:      rank, order: len(r.cands), date: d, line: line,
	})
}

// formatDate renders a date as RFC 3339 when it has a time, else as
// yyyy-mm-dd.
func formatDate(d Date) string {
	if !d.HasTime {
		return d.Time.Format("2006-01-02")
	}
	if !d.HasZone {
		return d.Time.Format("2006-01-02T15:04:05")
	}
	return d.Time.Format(time.RFC3339)
}

// best returns the field's candidates, strongest first (by rank, then page
// order).
func (r *reader) best(field string) []cand {
	var out []cand
	for _, c := range r.cands {
		if c.Field == field {
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].rank != out[j].rank {
			return out[i].rank < out[j].rank
		}
		return out[i].order < out[j].order
	})
	return out
}

// pickHeadline returns the line of the page's headline: the first h1 whose
// words mostly appear in the <title> or og:title (sites put their logo or
// name in an h1 too), else the first h2 or h3 that does (some templates
// title articles with an h2), else the first h1; -1 when there is none.
func pickHeadline(p *page) int {
	// A title is a line: longer values, and more than a few of them, are
	// not titles, and would make every comparison below slow.
	const maxTitleLen, maxTitles = 1000, 4
	titles := strings.ToLower(truncateUTF8(p.title, maxTitleLen))
	n := 0
	for _, m := range p.metas {
		if (m.key == "og:title" || m.key == "twitter:title") && n < maxTitles {
			titles += " " + strings.ToLower(html.UnescapeString(truncateUTF8(m.content, maxTitleLen)))
			n++
		}
	}
	matches := func(i int) bool {
		words := strings.Fields(strings.ToLower(p.lines[i].text))
		hit := 0
		for _, w := range words {
			if strings.Contains(titles, w) {
				hit++
			}
		}
		// Most words shared: the heading is the title, give or take a kicker.
		return len(words) >= 2 && hit*3 >= len(words)*2
	}
	if titles != "" {
		for _, want := range []func(int) bool{func(l int) bool { return l == 1 }, func(l int) bool { return l > 1 }} {
			for _, h := range p.headings {
				if want(h.level) && matches(h.line) {
					return h.line
				}
			}
		}
	}
	for _, h := range p.headings {
		if h.level == 1 {
			return h.line
		}
	}
	return -1
}
