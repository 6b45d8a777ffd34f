// Command mkcorpus generates a large sayso corpus database for measuring
// storage size and search speed: by default 100,000 articles.
//
// Articles are made from the real news prose of the PolNeAR training split
// (read in place from the shared data, never copied): each one takes a real
// article's paragraphs, a third of them swapped for paragraphs of other
// articles, so every article is different while words, lengths and
// attribution density stay those of real news. Attributions are PolNeAR's
// own annotations, carried with their paragraphs (offsets shifted), so the
// store holds as many attribution rows, spans and speakers as real
// analysed articles would. Each article is saved with a raw page (its text
// in a news-page template) through the ordinary store API.
//
// Usage:
//
//	go run ./scripts/mkcorpus -db /tmp/corpus.db -n 100000
//
// It prints the database's size in total, without the raw pages, and per
// article.
package main

import (
	"bufio"
	"context"
	"database/sql"
	"flag"
	"fmt"
	"html"
	"log"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/internal/benchdata"
	"github.com/sayso-news/sayso/store/sqlite"
)

func main() {
	db := flag.String("db", "corpus.db", "database `file` to create (must not exist)")
	n := flag.Int("n", 100000, "number of articles")
	data := flag.String("data", benchdata.DataDir(), "shared data `dir`")
	batch := flag.Int("batch", 500, "articles per transaction")
	flag.Parse()
	if _, err := os.Stat(*db); err == nil {
		log.Fatalf("%s exists; give a new file", *db)
	}
	arts, err := loadPolNeAR(filepath.Join(*data, "attribution", "polnear"))
	if err != nil {
		log.Fatal(err)
	}
	var pool []paragraph
	for _, a := range arts {
		pool = append(pool, a.paras...)
	}
	log.Printf("%d source articles, %d paragraphs", len(arts), len(pool))

	ctx := context.Background()
	s, err := sqlite.Open(ctx, *db)
	if err != nil {
		log.Fatal(err)
	}
	start := time.Now()
	var recs []*sayso.Record
	for i := range *n {
		recs = append(recs, synthesize(i, arts, pool))
		if len(recs) == *batch || i == *n-1 {
			res, err := s.Save(ctx, recs)
			if err != nil {
				log.Fatal(err)
			}
			for _, r := range res {
				if r.Outcome != sayso.OutcomeStored {
					log.Fatalf("article not stored: %+v", r)
				}
			}
			recs = recs[:0]
			if (i+1)%10000 == 0 {
				log.Printf("%d articles, %.0f/s", i+1, float64(i+1)/time.Since(start).Seconds())
			}
		}
	}
	st, err := s.Stats(ctx)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := s.DB().ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		log.Fatal(err)
	}
	sizes, err := tableSizes(ctx, s.DB())
	s.Close()
	if err != nil {
		log.Fatal(err)
	}
	fi, err := os.Stat(*db)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("articles %d, attributions %d, speakers %d, outlets %d in %s\n",
		st.Articles, st.Attributions, st.Speakers, st.Outlets, time.Since(start).Round(time.Second))
	var names []string
	for name := range sizes {
		names = append(names, name)
	}
	sort.Slice(names, func(i, j int) bool { return sizes[names[i]] > sizes[names[j]] })
	raw := int64(0)
	for _, name := range names {
		if strings.HasPrefix(name, "raw_pages") {
			raw += sizes[name]
		}
		fmt.Printf("  %-36s %8.1f MB %8.2f KB/article\n", name, float64(sizes[name])/1e6, float64(sizes[name])/1e3/float64(st.Articles))
	}
	total := fi.Size()
	fmt.Printf("file %.1f MB; raw pages %.1f MB; without raw pages %.1f MB = %.2f KB per article\n",
		float64(total)/1e6, float64(raw)/1e6, float64(total-raw)/1e6, float64(total-raw)/1e3/float64(st.Articles))
}

// tableSizes returns the bytes of pages each table and index occupies,
// from SQLite's dbstat table (FTS shadow tables grouped with their index).
func tableSizes(ctx context.Context, db *sql.DB) (map[string]int64, error) {
	rows, err := db.QueryContext(ctx, `SELECT name, sum(pgsize) FROM dbstat GROUP BY name`)
	if err != nil {
		return nil, fmt.Errorf("dbstat: %w", err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var name string
		var size int64
		if err := rows.Scan(&name, &size); err != nil {
			return nil, err
		}
		if strings.HasPrefix(name, "sqlite_autoindex_") {
			name = strings.TrimPrefix(name, "sqlite_autoindex_")
			name = name[:strings.LastIndexByte(name, '_')] + " (index)"
		}
		out[name] += size
	}
	return out, rows.Err()
}

// paragraph is a paragraph of real news with its annotated attributions,
// offsets relative to the paragraph.
type paragraph struct {
	text  string
	attrs []sayso.Attribution
}

type article struct {
	title, publisher, author string
	date                     time.Time
	paras                    []paragraph
}

// loadPolNeAR reads the training split: texts, metadata and, for each
// text, the first annotator's attributions.
func loadPolNeAR(dir string) ([]article, error) {
	meta, err := readMetadata(filepath.Join(dir, "metadata.tsv"))
	if err != nil {
		return nil, err
	}
	texts, err := filepath.Glob(filepath.Join(dir, "train", "text", "*.txt"))
	if err != nil || len(texts) == 0 {
		return nil, fmt.Errorf("no PolNeAR training texts under %s (set -data)", dir)
	}
	sort.Strings(texts)
	var arts []article
	for _, path := range texts {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		raw, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		anns, _ := filepath.Glob(filepath.Join(dir, "train", "attributions", name+"_*.ann"))
		sort.Strings(anns)
		var attrs []sayso.Attribution
		text := []rune(string(raw))
		if len(anns) > 0 {
			if attrs, err = readAnn(anns[0], text); err != nil {
				return nil, err
			}
		}
		m := meta[name]
		a := article{title: m.title, publisher: m.publisher, author: m.author, date: m.date}
		a.paras = splitParagraphs(text, attrs)
		if a.title == "" && len(a.paras) > 0 {
			a.title = a.paras[0].text
		}
		if len(a.paras) > 1 {
			a.paras = a.paras[1:] // the first line is the headline
		}
		arts = append(arts, a)
	}
	return arts, nil
}

type metaRow struct {
	title, publisher, author string
	date                     time.Time
}

func readMetadata(path string) (map[string]metaRow, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]metaRow{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 8 || c[0] == "compartment" {
			continue
		}
		d, _ := time.Parse("2006-01-02", c[5])
		out[c[1]] = metaRow{title: c[7], publisher: c[4], author: c[6], date: d}
	}
	return out, sc.Err()
}

// readAnn reads brat standoff attributions: Source, Cue and Content spans
// linked by E lines.
func readAnn(path string, text []rune) ([]sayso.Attribution, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	spans := map[string][]sayso.Span{}
	var links [][]string
	for _, line := range strings.Split(string(raw), "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			continue
		}
		switch {
		case strings.HasPrefix(f[0], "T"):
			sp := strings.SplitN(f[1], " ", 2)
			if len(sp) < 2 {
				continue
			}
			for _, part := range strings.Split(sp[1], ";") {
				var s, e int
				if _, err := fmt.Sscanf(part, "%d %d", &s, &e); err == nil && s < e && e <= len(text) {
					spans[f[0]] = append(spans[f[0]], sayso.Span{Start: s, End: e})
				}
			}
		case strings.HasPrefix(f[0], "E"):
			links = append(links, strings.Fields(f[1]))
		}
	}
	seg := func(id string) *sayso.Segment {
		sp := spans[id]
		if len(sp) == 0 {
			return nil
		}
		parts := make([]string, len(sp))
		for i, s := range sp {
			parts[i] = string(text[s.Start:s.End])
		}
		return &sayso.Segment{Text: strings.Join(parts, " "), Spans: sp}
	}
	var out []sayso.Attribution
	for _, l := range links {
		var a sayso.Attribution
		for _, role := range l[1:] {
			k, id, _ := strings.Cut(role, ":")
			switch k {
			case "Source":
				a.Source = seg(id)
			case "Cue":
				a.Cue = seg(id)
			case "Content":
				if c := seg(id); c != nil {
					a.Content = *c
				}
			}
		}
		if len(a.Content.Spans) == 0 {
			continue
		}
		a.Kind = sayso.Indirect
		if strings.ContainsAny(a.Content.Text, "\"“”") {
			a.Kind = sayso.Direct
		}
		a.Confidence = 0.9
		a.Speaker = speakerOf(a.Source)
		out = append(out, a)
	}
	return out, nil
}

var pronouns = map[string]bool{"he": true, "she": true, "they": true, "we": true, "i": true, "you": true, "it": true}

// speakerOf names the speaker of a source mention: capitalised mentions are
// people, pronouns and lower-case ones unresolved.
func speakerOf(src *sayso.Segment) *sayso.Speaker {
	if src == nil {
		return &sayso.Speaker{Type: sayso.Anonymous, Resolution: sayso.Unresolved}
	}
	name := strings.TrimSpace(src.Text)
	r, _ := utf8.DecodeRuneInString(name)
	if pronouns[strings.ToLower(name)] || !unicode.IsUpper(r) || utf8.RuneCountInString(name) > 60 {
		return &sayso.Speaker{Type: sayso.Anonymous, Resolution: sayso.Unresolved}
	}
	return &sayso.Speaker{Name: name, Type: sayso.Person, Resolution: sayso.ResolvedNamed}
}

// splitParagraphs cuts text at blank lines, keeping the attributions that
// lie wholly inside one paragraph, with offsets made relative to it.
func splitParagraphs(text []rune, attrs []sayso.Attribution) []paragraph {
	var out []paragraph
	start := 0
	flush := func(end int) {
		s, e := start, end
		for s < e && unicode.IsSpace(text[s]) {
			s++
		}
		for e > s && unicode.IsSpace(text[e-1]) {
			e--
		}
		if e > s {
			p := paragraph{text: string(text[s:e])}
			for _, a := range attrs {
				if inside(a, s, e) {
					p.attrs = append(p.attrs, shift(a, -s))
				}
			}
			out = append(out, p)
		}
	}
	for i := 0; i+1 < len(text); i++ {
		if text[i] == '\n' && text[i+1] == '\n' {
			flush(i)
			start = i + 2
			i++
		}
	}
	flush(len(text))
	return out
}

func segs(a *sayso.Attribution) []*sayso.Segment {
	return []*sayso.Segment{a.Source, a.Cue, &a.Content}
}

func inside(a sayso.Attribution, s, e int) bool {
	for _, seg := range segs(&a) {
		if seg == nil {
			continue
		}
		for _, sp := range seg.Spans {
			if sp.Start < s || sp.End > e {
				return false
			}
		}
	}
	return true
}

// shift moves an attribution's spans by d code points, copying them.
func shift(a sayso.Attribution, d int) sayso.Attribution {
	move := func(seg *sayso.Segment) *sayso.Segment {
		if seg == nil {
			return nil
		}
		c := *seg
		c.Spans = make([]sayso.Span, len(seg.Spans))
		for i, sp := range seg.Spans {
			c.Spans[i] = sayso.Span{Start: sp.Start + d, End: sp.End + d}
		}
		return &c
	}
	a.Source, a.Cue = move(a.Source), move(a.Cue)
	a.Content = *move(&a.Content)
	return a
}

// synthesize makes article i: a real article's paragraphs, a third swapped
// for random ones from the pool.
func synthesize(i int, arts []article, pool []paragraph) *sayso.Record {
	rng := rand.New(rand.NewPCG(42, uint64(i)))
	base := arts[rng.IntN(len(arts))]
	paras := make([]paragraph, len(base.paras))
	copy(paras, base.paras)
	for j := range paras {
		if rng.IntN(3) == 0 {
			paras[j] = pool[rng.IntN(len(pool))]
		}
	}
	outletNo := rng.IntN(40)
	pub := strings.ToLower(base.publisher)
	if pub == "" {
		pub = "news"
	}
	host := fmt.Sprintf("%s-%d.example", pub, outletNo)
	slug := strings.ToLower(strings.Join(strings.FieldsFunc(base.title, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	}), "-"))
	if len(slug) > 60 {
		slug = slug[:60]
	}
	date := base.date
	if date.IsZero() {
		date = time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	date = date.Add(time.Duration(rng.IntN(600*24)) * time.Hour).Add(time.Duration(rng.IntN(3600)) * time.Second)
	url := fmt.Sprintf("https://%s/%s/%s-%d", host, date.Format("2006/01/02"), slug, i)

	a := &sayso.Article{
		URL: url, CanonicalURL: url, Title: base.title, Publisher: base.publisher, Published: &date, Language: "en",
		Credits: []sayso.Credit{}, ExtractorVersion: sayso.Version,
		Evidence: map[string]string{"title": "meta:og:title", "published": "json-ld:datePublished", "authors": "meta:author"},
	}
	if base.author != "" && base.author != "None" {
		a.Authors = []string{base.author}
	}
	a.Candidates = []sayso.Candidate{
		{Field: "title", Value: base.title, Evidence: "meta:og:title"},
		{Field: "title", Value: base.title + " | " + base.publisher, Evidence: "title"},
		{Field: "published", Value: date.Format(time.RFC3339), Evidence: "json-ld:datePublished"},
		{Field: "published", Value: date.Format(time.RFC3339), Evidence: "meta:article:published_time"},
		{Field: "authors", Value: base.author, Evidence: "meta:author"},
		{Field: "publisher", Value: base.publisher, Evidence: "meta:og:site_name"},
	}
	an := &sayso.Analysis{Attributions: []sayso.Attribution{}, Claims: []sayso.Claim{}, CitedWorks: []sayso.CitedWork{}}
	pos := 0
	speakers := map[string]bool{}
	var page strings.Builder
	fmt.Fprintf(&page, "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s | %s</title>"+
		"<link rel=\"canonical\" href=\"%s\"><meta property=\"og:title\" content=\"%s\"></head><body>"+
		"<header><nav><a href=\"/\">Home</a> <a href=\"/politics\">Politics</a> <a href=\"/world\">World</a></nav></header>"+
		"<article><h1>%s</h1><p class=\"byline\">By %s</p>", html.EscapeString(base.title), html.EscapeString(base.publisher),
		url, html.EscapeString(base.title), html.EscapeString(base.title), html.EscapeString(base.author))
	for j, p := range paras {
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
	page.WriteString("</article><aside><h2>Most read</h2><ul><li><a href=\"/a\">Story one</a></li><li><a href=\"/b\">Story two</a></li></ul></aside>" +
		"<footer>© " + html.EscapeString(base.publisher) + ". All rights reserved.</footer></body></html>")
	header := map[string][]string{"Content-Type": {"text/html; charset=utf-8"}, "Date": {date.Format(time.RFC1123)}}
	return &sayso.Record{
		Page: &sayso.Page{URL: url, FinalURL: url, StatusCode: 200, Header: header, Body: []byte(page.String()),
			FetchedAt: date.Add(time.Hour)},
		Source: "mkcorpus " + strconv.Itoa(i), State: sayso.StateArticle, Article: a, Analysis: an,
		AnalyzerVersion: "polnear-gold",
	}
}
