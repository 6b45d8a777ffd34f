package benchdata

import (
	"fmt"
	"html"
	"math/rand/v2"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/trace"
)

// Synth makes the articles of a synthetic corpus, each a deterministic
// function of its number. An article takes a real article's paragraphs, a
// third of them swapped for paragraphs of other articles, and replaces a
// share of its words with other real words of the same length — content
// words in its prose (the common words stock phrases are made of stay),
// any word in its quotes — so that articles, and their quotes, are as
// distinct as real ones while words, lengths and attribution density (and
// every annotated span) stay those of real news. (The corpus's 100,000
// articles draw on 840 real ones: without this, a quote would be printed
// a hundred times over.)
// A share of articles are syndicated copies of an earlier one (another
// outlet, the tail cut, a credit line or a canonical link), and a share
// print a quoted paragraph of an earlier one, so that the provenance
// indexes hold clusters and traces.
type Synth struct {
	arts []article
	pool []paragraph
	// vocab holds the texts' words by length in code points.
	vocab map[int][]string
	// Perturb is the share of words replaced (0.5 by NewSynth), so that
	// two articles drawing on one real paragraph are different texts and
	// do not print the same quotes; Copies
	// the share of articles that copy an earlier one (0.1); Quotes the
	// share that print an earlier one's quoted paragraph (0.1).
	Perturb, Copies, Quotes float64
}

// NewSynth reads PolNeAR's training texts and annotations under dataDir
// (the shared data). It fails when they are missing.
func NewSynth(dataDir string) (*Synth, error) {
	arts, err := loadPolNeAR(filepath.Join(dataDir, "attribution", "polnear"))
	if err != nil {
		return nil, err
	}
	s := &Synth{arts: arts, vocab: map[int][]string{}, Perturb: 0.5, Copies: 0.1, Quotes: 0.1}
	seen := map[string]bool{}
	for _, a := range arts {
		s.pool = append(s.pool, a.paras...)
		for _, p := range a.paras {
			for _, w := range strings.FieldsFunc(p.text, func(r rune) bool { return !unicode.IsLetter(r) }) {
				w = strings.ToLower(w)
				if !seen[w] {
					seen[w] = true
					n := utf8.RuneCountInString(w)
					s.vocab[n] = append(s.vocab[n], w)
				}
			}
		}
	}
	return s, nil
}

// Sources returns the number of real articles and paragraphs drawn on.
func (s *Synth) Sources() (articles, paragraphs int) { return len(s.arts), len(s.pool) }

// content is an article before it is made a page.
type content struct {
	title, publisher, author, host string
	date                           time.Time
	paras                          []paragraph
	credit, canonical              string
	url                            string
}

// maxBack bounds how far back an article copies or quotes: news travels
// within days, among the last few thousand articles.
const maxBack = 2000

// content returns article i's content.
func (s *Synth) content(i int) content {
	rng := rand.New(rand.NewPCG(42, uint64(i)))
	r := rng.Float64()
	if i > 0 && r < s.Copies {
		return s.copyOf(i, i-1-rng.IntN(min(i, maxBack)), rng)
	}
	c := s.fresh(i, rng)
	if i > 0 && r < s.Copies+s.Quotes {
		// A quoted paragraph of an earlier article.
		other := s.content(i - 1 - rng.IntN(min(i, maxBack)))
		for _, k := range rng.Perm(len(other.paras)) {
			if p := other.paras[k]; quoted(p) {
				at := rng.IntN(len(c.paras) + 1)
				c.paras = append(c.paras[:at], append([]paragraph{p}, c.paras[at:]...)...)
				break
			}
		}
	}
	c.url = fmt.Sprintf("https://%s/%s/%s-%d", c.host, c.date.Format("2006/01/02"), slugOf(c.title), i)
	c.canonical = c.url
	return c
}

// quoted reports whether a paragraph carries a direct attribution.
func quoted(p paragraph) bool {
	for _, a := range p.attrs {
		if a.Kind == sayso.Direct {
			return true
		}
	}
	return false
}

// copyOf returns article i as a syndicated copy of article j.
func (s *Synth) copyOf(i, j int, rng *rand.Rand) content {
	c := s.content(j)
	orig := c
	c.paras = append([]paragraph(nil), c.paras...)
	for host := c.host; c.host == host; {
		c.host = fmt.Sprintf("syndicator-%d.example", rng.IntN(60))
	}
	c.date = c.date.Add(time.Duration(1+rng.IntN(48)) * time.Hour)
	c.credit, c.canonical = "", ""
	if rng.Float64() < 0.3 && len(c.paras) > 4 {
		c.paras = c.paras[:len(c.paras)*2/3]
	}
	switch r := rng.Float64(); {
	case r < 0.5:
		c.credit = "Source: " + orig.publisher + "."
	case r < 0.7:
		c.canonical = orig.url
	}
	c.url = fmt.Sprintf("https://%s/%s/%s-%d", c.host, c.date.Format("2006/01/02"), slugOf(c.title), i)
	if c.canonical == "" {
		c.canonical = c.url
	}
	return c
}

// fresh returns a new article: a real article's paragraphs, a third
// swapped for others, words replaced.
func (s *Synth) fresh(i int, rng *rand.Rand) content {
	base := s.arts[rng.IntN(len(s.arts))]
	paras := make([]paragraph, len(base.paras))
	copy(paras, base.paras)
	for j := range paras {
		if rng.IntN(3) == 0 {
			paras[j] = s.pool[rng.IntN(len(s.pool))]
		}
		paras[j] = s.perturb(paras[j], rng)
	}
	outletNo := rng.IntN(40)
	pub := strings.ToLower(base.publisher)
	if pub == "" {
		pub = "news"
	}
	date := base.date
	if date.IsZero() {
		date = time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	date = date.Add(time.Duration(rng.IntN(600*24)) * time.Hour).Add(time.Duration(rng.IntN(3600)) * time.Second)
	return content{title: base.title, publisher: base.publisher, author: base.author,
		host: fmt.Sprintf("%s-%d.example", pub, outletNo), date: date, paras: paras}
}

// perturb replaces a share of a paragraph's words with words of the same
// length (so that every annotated span keeps its offsets) and re-reads the
// annotated texts. Speakers keep their names.
func (s *Synth) perturb(p paragraph, rng *rand.Rand) paragraph {
	if s.Perturb <= 0 {
		return p
	}
	rs := []rune(p.text)
	quoted := false // inside quotation marks
	for i := 0; i < len(rs); {
		if !unicode.IsLetter(rs[i]) {
			switch {
			case rs[i] == '“' || rs[i] == '`' && i+1 < len(rs) && rs[i+1] == '`':
				quoted = true
			case rs[i] == '”':
				quoted = false
			case rs[i] == '"', rs[i] == '\'' && i+1 < len(rs) && rs[i+1] == '\'':
				quoted = !quoted // straight marks, and '' as some newsrooms type them
				if rs[i] == '\'' {
					i++
				}
			}
			i++
			continue
		}
		j := i
		for j < len(rs) && unicode.IsLetter(rs[j]) {
			j++
		}
		// Quotes lose common words too: two articles drawing on one real
		// paragraph must not print the same quote, as two stories do not.
		if words := s.vocab[j-i]; j-i > 1 && len(words) > 1 && (quoted || !trace.CommonWord(strings.ToLower(string(rs[i:j])))) &&
			rng.Float64() < s.Perturb {
			w := []rune(words[rng.IntN(len(words))])
			if len(w) == j-i {
				if unicode.IsUpper(rs[i]) {
					w[0] = unicode.ToUpper(w[0])
				}
				copy(rs[i:j], w)
			}
		}
		i = j
	}
	out := paragraph{text: string(rs)}
	for _, a := range p.attrs {
		a = shift(a, 0) // copies the spans
		for _, seg := range segs(&a) {
			if seg == nil {
				continue
			}
			parts := make([]string, len(seg.Spans))
			for k, sp := range seg.Spans {
				parts[k] = string(rs[sp.Start:sp.End])
			}
			seg.Text = strings.Join(parts, " ")
		}
		out.attrs = append(out.attrs, a)
	}
	return out
}

func slugOf(title string) string {
	slug := strings.ToLower(strings.Join(strings.FieldsFunc(title, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	}), "-"))
	if len(slug) > 60 {
		slug = slug[:60]
	}
	return slug
}

// Record returns article i as a record to save: its page (the text in a
// news-page template), article and analysis.
func (s *Synth) Record(i int) *sayso.Record {
	c := s.content(i)
	url := c.url
	a := &sayso.Article{
		URL: url, CanonicalURL: c.canonical, Title: c.title, Publisher: c.publisher, Published: &c.date, Language: "en",
		Credits: []sayso.Credit{}, ExtractorVersion: sayso.Version,
		Evidence: map[string]string{"title": "meta:og:title", "published": "json-ld:datePublished", "authors": "meta:author"},
	}
	if c.credit != "" {
		a.Credits = append(a.Credits, sayso.Credit{Kind: sayso.CreditSource, Text: c.credit, Outlet: c.publisher})
	}
	if c.author != "" && c.author != "None" {
		a.Authors = []string{c.author}
	}
	a.Candidates = []sayso.Candidate{
		{Field: "title", Value: c.title, Evidence: "meta:og:title"},
		{Field: "title", Value: c.title + " | " + c.publisher, Evidence: "title"},
		{Field: "published", Value: c.date.Format(time.RFC3339), Evidence: "json-ld:datePublished"},
		{Field: "published", Value: c.date.Format(time.RFC3339), Evidence: "meta:article:published_time"},
		{Field: "authors", Value: c.author, Evidence: "meta:author"},
		{Field: "publisher", Value: c.publisher, Evidence: "meta:og:site_name"},
	}
	an := &sayso.Analysis{Attributions: []sayso.Attribution{}, Claims: []sayso.Claim{}, CitedWorks: []sayso.CitedWork{}}
	pos := 0
	speakers := map[string]bool{}
	var page strings.Builder
	fmt.Fprintf(&page, "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s | %s</title>"+
		"<link rel=\"canonical\" href=\"%s\"><meta property=\"og:title\" content=\"%s\"><meta property=\"og:url\" content=\"%s\"></head><body>"+
		"<header><nav><a href=\"/\">Home</a> <a href=\"/politics\">Politics</a> <a href=\"/world\">World</a></nav></header>"+
		"<article><h1>%s</h1><p class=\"byline\">By %s</p>", html.EscapeString(c.title), html.EscapeString(c.publisher),
		c.canonical, html.EscapeString(c.title), url, html.EscapeString(c.title), html.EscapeString(c.author))
	for j, p := range c.paras {
		if j > 0 {
			pos += 2
		}
		a.Blocks = append(a.Blocks, sayso.Block{Kind: sayso.BlockParagraph, Text: p.text})
		for _, at := range p.attrs {
			at = shift(at, pos)
			an.Attributions = append(an.Attributions, at)
			if at.Speaker != nil && at.Speaker.Name != "" && !speakers[at.Speaker.Name] {
				speakers[at.Speaker.Name] = true
				an.Entities = append(an.Entities, sayso.Entity{Name: at.Speaker.Name, Type: at.Speaker.Type})
			}
		}
		pos += utf8.RuneCountInString(p.text)
		fmt.Fprintf(&page, "<p>%s</p>\n", html.EscapeString(p.text))
	}
	if c.credit != "" {
		fmt.Fprintf(&page, "<p>%s</p>\n", html.EscapeString(c.credit))
	}
	page.WriteString("</article><aside><h2>Most read</h2><ul><li><a href=\"/a\">Story one</a></li><li><a href=\"/b\">Story two</a></li></ul></aside>" +
		"<footer>© " + html.EscapeString(c.publisher) + ". All rights reserved.</footer></body></html>")
	header := map[string][]string{"Content-Type": {"text/html; charset=utf-8"}, "Date": {c.date.Format(time.RFC1123)}}
	return &sayso.Record{
		Page: &sayso.Page{URL: url, FinalURL: url, StatusCode: 200, Header: header, Body: []byte(page.String()),
			FetchedAt: c.date.Add(time.Hour)},
		Source: "mkcorpus " + strconv.Itoa(i), State: sayso.StateArticle, Article: a, Analysis: an,
		AnalyzerVersion: "polnear-gold",
	}
}
