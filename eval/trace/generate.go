package trace

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
	"unicode"

	"github.com/sayso-news/sayso"
)

// Config says how large a set to generate.
type Config struct {
	// Stories is the number of original articles (60 when not positive).
	Stories int
	// Seed seeds every random choice: the same texts, seed and size give
	// the same set.
	Seed uint64
}

// Page is a generated web page: its address, HTML and when it was
// fetched.
type Page struct {
	URL     string
	HTML    []byte
	Fetched time.Time
}

// Corpus is a generated evaluation set: the pages and the truth.
type Corpus struct {
	Pages []Page
	Truth Truth
}

// Truth is what the generator made.
type Truth struct {
	// Clusters are the syndicated stories: the original and its copies.
	Clusters []Cluster
	// Quotes are the quotes printed by two articles or more.
	Quotes []Quote
	// Ignored are the paragraphs of real text whose quotation marks do
	// not pair up plainly, in each article that prints them: quotes found
	// there count neither for nor against.
	Ignored []Passage
}

// Passage is a paragraph of an article.
type Passage struct {
	URL   string
	Words []string
}

// Cluster is a true copy cluster.
type Cluster struct {
	Original string
	// Members are the addresses of all its articles, the original's
	// included.
	Members []string
}

// Quote is a quote and every article that prints it.
type Quote struct {
	Words   []string
	Speaker string
	// First is the address of the article that printed it first.
	First       string
	Appearances []Appearance
}

// Appearance is one article's printing of a true quote.
type Appearance struct {
	URL     string
	Words   []string
	Variant sayso.QuoteVariant
}

// outlet is a fictional news outlet with its page template.
type outlet struct {
	name, host string
	template   int
}

var outlets = []outlet{
	{"The Harbor Herald", "harborherald.example", 0}, {"Riverside Courier", "riversidecourier.example", 1},
	{"Northern Ledger", "northernledger.example", 2}, {"Capital Dispatch", "capitaldispatch.example", 3},
	{"The Valley Times", "valleytimes.example", 4}, {"Coastal Observer", "coastalobserver.example", 5},
	{"Metro Daily", "metrodaily.example", 0}, {"Prairie Post", "prairiepost.example", 1},
	{"The Summit Review", "summitreview.example", 2}, {"Lakeside Tribune", "lakesidetribune.example", 3},
	{"Union Sentinel", "unionsentinel.example", 4}, {"Bay Chronicle", "baychronicle.example", 5},
	{"The Civic Record", "civicrecord.example", 1}, {"Highland Gazette", "highlandgazette.example", 2},
}

var firstNames = strings.Fields("Mira Tomas Ilse Anders Keiko Rafael Amara Jonas Leila Pavel Odile Marcus Ines Viktor " +
	"Sanna Dario Helga Kofi Nadia Emil Rosa Yusuf Greta Lukas Ana Bruno Freya Idris Carmen Soren")
var lastNames = strings.Fields("Solberg Brandt Okafor Lindqvist Moreau Haddad Kowalski Ferreira Nakamura Vance Ruiz " +
	"Eklund Petrov Abernathy Castellano Dufresne Mbeki Olsen Quintero Varga Whitlock Zeller Achterberg Bianchi Corrigan")
var roles = []string{"a spokesperson for the ministry", "the union's regional secretary", "a senior adviser to the governor",
	"the company's chief executive", "a professor of public policy", "a member of the city council", "the campaign's chairman",
	"an official at the state department", "the committee's ranking member", "a lawyer for the families"}

// spoken returns the attribution paragraph of a planted quote, in one of
// several shapes a reporter writes.
func spoken(rng *rand.Rand, quote, name, role string) string {
	switch rng.IntN(4) {
	case 0:
		return "“" + quote + ",” said " + name + ", " + role + "."
	case 1:
		return "“" + quote + ",” " + name + " said."
	case 2:
		return name + ", " + role + ", said: “" + quote + ".”"
	default:
		return "“" + quote + ",” " + name + " told reporters on " + []string{"Monday", "Tuesday", "Wednesday", "Thursday"}[rng.IntN(4)] + "."
	}
}

// story is one original article being generated and its printings.
type story struct {
	id      int
	outlet  outlet
	url     string
	date    time.Time
	title   string
	paras   []string
	planted []planted
	natives []native
	// ambiguous lists the paragraphs whose quotes the truth leaves out.
	ambiguous []int
	articles  []*article
}

// planted is a quote the generator put in a story.
type planted struct {
	text, speaker string
	para          int // index in story.paras
	apps          []Appearance
}

// native is a quote a story's text carries itself, in the paragraphs
// listed.
type native struct {
	words []string
	paras []int
}

// article is one generated page's content.
type article struct {
	outlet    outlet
	url       string
	date      *time.Time
	title     string
	author    string
	paras     []string
	credit    string // the credit line, "" for none
	creditTop bool
	canonical string
	// from maps each paragraph to the story paragraph it copies, -1 for
	// others.
	from []int
	// copy marks a syndicated copy of the story.
	copy bool
}

// Generate builds an evaluation set from texts (see the package comment).
// It fails when there are too few texts for the size asked.
func Generate(texts []Text, cfg Config) (*Corpus, error) {
	if cfg.Stories <= 0 {
		cfg.Stories = 60
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x7ace))
	pool, quoted := disjoint(texts)
	rng.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	if len(pool) < cfg.Stories {
		return nil, fmt.Errorf("%d usable texts, too few for %d stories", len(pool), cfg.Stories)
	}
	// Stories first, then the texts whose sentences are planted as quotes,
	// then the prose of the stories written separately.
	bases := pool[:cfg.Stories]
	var sentences []string
	used := cfg.Stories
	for used < len(pool) && len(sentences) < 2*cfg.Stories {
		// No planted sentence shares a run of words with a quote of any
		// text, nor with another planted one.
		sentences = append(sentences, quoteSentences(pool[used:used+1], quoted)...)
		used++
	}
	fill := pool[used:]
	if len(sentences) < 2*cfg.Stories || len(fill) < cfg.Stories {
		return nil, fmt.Errorf("%d usable texts, too few for %d stories (lower the number of stories)", len(pool), cfg.Stories)
	}
	sentences = sentences[:2*cfg.Stories]
	rng.Shuffle(len(sentences), func(i, j int) { sentences[i], sentences[j] = sentences[j], sentences[i] })
	g := &generator{rng: rng, fill: fill}
	start := time.Date(2024, 1, 8, 6, 0, 0, 0, time.UTC)
	var stories []*story
	for i, base := range bases {
		s := g.original(i, base, start.Add(time.Duration(i)*31*time.Hour+time.Duration(rng.IntN(600))*time.Minute),
			sentences[2*i:2*i+2])
		g.copies(s)
		g.sameEvent(s)
		stories = append(stories, s)
	}
	c := &Corpus{}
	for _, s := range stories {
		for _, a := range s.articles {
			c.Pages = append(c.Pages, Page{URL: a.url, HTML: []byte(render(a, g.rng)), Fetched: fetched(a, s)})
		}
		c.Truth.add(s)
	}
	return c, nil
}

// fetched is when an article's page was read: a few hours after it was
// published (or its story was, when undated).
func fetched(a *article, s *story) time.Time {
	if a.date != nil {
		return a.date.Add(3 * time.Hour)
	}
	return s.date.Add(100 * time.Hour)
}

// generator holds the state of one generation.
type generator struct {
	rng     *rand.Rand
	fill    []Text
	nextFil int
	n       int // articles made, for unique addresses
}

func (g *generator) name() string {
	return firstNames[g.rng.IntN(len(firstNames))] + " " + lastNames[g.rng.IntN(len(lastNames))]
}

// address returns a new article address at o, with the date in the path
// when dated.
func (g *generator) address(o outlet, date *time.Time, title string) string {
	g.n++
	slug := slugOf(title)
	if date == nil {
		return fmt.Sprintf("https://%s/story/%s-%d", o.host, slug, g.n)
	}
	return fmt.Sprintf("https://%s/%s/%s-%d", o.host, date.Format("2006/01/02"), slug, g.n)
}

func slugOf(title string) string {
	ws := words(title)
	if len(ws) > 8 {
		ws = ws[:8]
	}
	if len(ws) == 0 {
		return "story"
	}
	return strings.Join(ws, "-")
}

// original makes story i from a real text, with two planted quotes.
func (g *generator) original(i int, base Text, date time.Time, quotes []string) *story {
	o := outlets[g.rng.IntN(len(outlets))]
	s := &story{id: i, outlet: o, date: date, title: base.Title}
	s.paras = append(s.paras, base.Paragraphs...)
	for _, q := range quotes {
		name := g.name()
		p := spoken(g.rng, q, name, roles[g.rng.IntN(len(roles))])
		// In the first two thirds, so that most cut copies keep them.
		at := 1 + g.rng.IntN(max(1, len(s.paras)*2/3))
		s.paras = append(s.paras[:at], append([]string{p}, s.paras[at:]...)...)
		for j := range s.planted {
			if s.planted[j].para >= at {
				s.planted[j].para++
			}
		}
		s.planted = append(s.planted, planted{text: q, speaker: name, para: at})
	}
	planted := map[int]bool{}
	for _, p := range s.planted {
		planted[p.para] = true
	}
	for k, p := range s.paras {
		if planted[k] {
			continue
		}
		if ambiguousMarks(p) {
			s.ambiguous = append(s.ambiguous, k)
			continue
		}
	next:
		for _, q := range quotedPassages(p) {
			ws := words(q)
			for j := range s.natives {
				if sameQuote(s.natives[j].words, ws) {
					s.natives[j].paras = append(s.natives[j].paras, k)
					continue next
				}
			}
			s.natives = append(s.natives, native{words: ws, paras: []int{k}})
		}
	}
	d := date
	s.url = g.address(o, &d, s.title)
	a := &article{outlet: o, url: s.url, date: &d, title: s.title, author: g.name(), paras: s.paras, canonical: s.url}
	for k := range s.paras {
		a.from = append(a.from, k)
	}
	s.articles = append(s.articles, a)
	for j := range s.planted {
		s.planted[j].apps = append(s.planted[j].apps, Appearance{URL: s.url, Words: words(s.planted[j].text), Variant: sayso.VariantExact})
	}
	return s
}

// creditWordings are the credit lines copies carry, %s the outlet.
var creditWordings = []string{"Source: %s.", "Source: %s", "Originally published by %s.", "This article first appeared on %s.",
	"Republished with permission from %s.", "This story was originally published by %s.", "Originally published at %s."}

// editorNotes are notes copies add.
var editorNotes = []string{
	"Editor's note: this article is shared by our content partner and appears here as part of a regional news exchange.",
	"Editor's note: we are republishing this report because of strong reader interest in the story this week.",
	"This report is part of our partnership with other newsrooms covering the region, and has been lightly edited for length.",
	"Readers can send questions about this story to our newsroom, which will follow developments over the coming days.",
}

// copies makes the story's syndicated copies.
func (g *generator) copies(s *story) {
	k := pick(g.rng, []float64{0.35, 0.35, 0.2, 0.1})
	used := map[string]bool{s.outlet.host: true}
	for j := 0; j < k; j++ {
		o := g.otherOutlet(used)
		src := s.articles[0]
		// A few copies copy an earlier copy that credits its source, and
		// credit that copy.
		if j > 0 && g.rng.Float64() < 0.3 {
			if prev := s.articles[len(s.articles)-1]; prev.credit != "" {
				src = prev
			}
		}
		a := &article{outlet: o, author: src.author, title: src.title, copy: true}
		a.paras, a.from = append([]string(nil), src.paras...), append([]int(nil), src.from...)
		if g.rng.Float64() < 0.5 {
			a.title = headline(s.paras[0])
		}
		if g.rng.Float64() < 0.35 && len(a.paras) > 3 {
			keep := max(3, int(float64(len(a.paras))*(0.4+0.45*g.rng.Float64())))
			a.paras, a.from = a.paras[:keep], a.from[:keep]
		}
		if g.rng.Float64() < 0.2 && !strings.ContainsAny(a.paras[0], "“”\"'") {
			a.paras[0] = retouch(g.rng, a.paras[0]) // a sub-editor's touch
		}
		if g.rng.Float64() < 0.3 {
			note := editorNotes[g.rng.IntN(len(editorNotes))]
			if g.rng.IntN(2) == 0 {
				a.paras, a.from = append([]string{note}, a.paras...), append([]int{-1}, a.from...)
			} else {
				a.paras, a.from = append(a.paras, note), append(a.from, -1)
			}
		}
		credited := false
		switch r := g.rng.Float64(); {
		case r < 0.4:
			credited = true
		case r < 0.6:
			a.canonical = src.url
		case r < 0.75:
			credited, a.canonical = true, src.url
		}
		if credited {
			name := src.outlet.name
			switch r := g.rng.Float64(); {
			case r < 0.2:
				name = src.outlet.host
			case r < 0.3:
				name = "www." + src.outlet.host
			case r < 0.4:
				name = strings.TrimPrefix(name, "The ")
			case r < 0.45:
				name = strings.ToUpper(name)
			}
			a.credit = fmt.Sprintf(creditWordings[g.rng.IntN(len(creditWordings))], name)
			a.creditTop = g.rng.Float64() < 0.2
		}
		switch r := g.rng.Float64(); {
		case r < 0.1:
			// undated
		case r < 0.25 && (credited || a.canonical != ""):
			d := s.date.Add(-time.Duration(1+g.rng.IntN(20)) * time.Hour) // a wrong clock
			a.date = &d
		default:
			d := s.date.Add(time.Duration(1+g.rng.IntN(72)) * time.Hour)
			a.date = &d
		}
		a.url = g.address(o, a.date, a.title)
		if a.canonical == "" {
			a.canonical = a.url
		}
		s.articles = append(s.articles, a)
		for q := range s.planted {
			if contains(a.from, s.planted[q].para) {
				s.planted[q].apps = append(s.planted[q].apps, Appearance{URL: a.url, Words: words(s.planted[q].text), Variant: sayso.VariantExact})
			}
		}
	}
}

// otherOutlet picks an outlet not in used and marks it used.
func (g *generator) otherOutlet(used map[string]bool) outlet {
	for {
		o := outlets[g.rng.IntN(len(outlets))]
		if !used[o.host] {
			used[o.host] = true
			return o
		}
	}
}

// sameEvent makes articles written separately on the story's event,
// quoting its planted quotes in one variant or another.
func (g *generator) sameEvent(s *story) {
	m := pick(g.rng, []float64{0.3, 0.45, 0.25})
	used := map[string]bool{s.outlet.host: true}
	for range m {
		if g.nextFil == len(g.fill) {
			return
		}
		f := g.fill[g.nextFil]
		g.nextFil++
		o := g.otherOutlet(used)
		n := min(len(f.Paragraphs), 4+g.rng.IntN(5))
		a := &article{outlet: o, title: f.Title, author: g.name()}
		a.paras = append(a.paras, f.Paragraphs[:n]...)
		for range a.paras {
			a.from = append(a.from, -1)
		}
		// Background taken word for word from the original, as reporters
		// do: a paragraph or two.
		for range pick(g.rng, []float64{0.6, 0.25, 0.15}) {
			if k := g.rng.IntN(len(s.paras)); !contains(plantedParas(s), k) && !contains(a.from, k) {
				at := g.rng.IntN(len(a.paras) + 1)
				a.paras = append(a.paras[:at], append([]string{s.paras[k]}, a.paras[at:]...)...)
				a.from = append(a.from[:at], append([]int{k}, a.from[at:]...)...)
			}
		}
		d := s.date.Add(time.Duration(2+g.rng.IntN(94)) * time.Hour)
		a.date = &d
		a.url = g.address(o, a.date, a.title)
		a.canonical = a.url
		nq := 1 + g.rng.IntN(len(s.planted))
		for _, q := range g.rng.Perm(len(s.planted))[:nq] {
			p := &s.planted[q]
			text, speaker, variant := g.variant(p)
			at := min(len(a.paras), 1+g.rng.IntN(2))
			para := spoken(g.rng, text, speaker, roles[g.rng.IntN(len(roles))])
			if g.rng.Float64() < 0.3 {
				para = strings.NewReplacer("“", "\"", "”", "\"").Replace(para) // straight marks
			}
			a.paras = append(a.paras[:at], append([]string{para}, a.paras[at:]...)...)
			a.from = append(a.from[:at], append([]int{-1}, a.from[at:]...)...)
			p.apps = append(p.apps, Appearance{URL: a.url, Words: words(text), Variant: variant})
		}
		s.articles = append(s.articles, a)
	}
}

// plantedParas returns the story paragraphs holding planted quotes.
func plantedParas(s *story) []int {
	var out []int
	for _, p := range s.planted {
		out = append(out, p.para)
	}
	return out
}

// retouch changes two words of a paragraph, as a sub-editor does.
func retouch(rng *rand.Rand, p string) string {
	ws := strings.Fields(p)
	for range 2 {
		i := rng.IntN(len(ws))
		ws[i] = replacements[rng.IntN(len(replacements))] + trailing(ws[i])
	}
	return strings.Join(ws, " ")
}

// replacements are words an altered quote puts in place of another.
var replacements = strings.Fields("never always clearly certainly entirely nobody everyone serious major deeply " +
	"quickly soon government people country state leaders officials")

// variant returns a printing of a planted quote: its words, speaker and
// variant.
func (g *generator) variant(p *planted) (string, string, sayso.QuoteVariant) {
	ws := strings.Fields(p.text)
	n := len(ws)
	switch v := pick(g.rng, []float64{0.2, 0.2, 0.17, 0.28, 0.15}); v {
	case 1: // truncated
		k := 6 + g.rng.IntN(max(1, n-9))
		if g.rng.IntN(2) == 0 {
			t := strings.Join(ws[:k], " ")
			if g.rng.IntN(2) == 0 {
				t += " …"
			}
			return t, p.speaker, sayso.VariantTruncated
		}
		t := strings.Join(ws[n-k:], " ")
		if g.rng.IntN(2) == 0 {
			t = "… " + t
		}
		return t, p.speaker, sayso.VariantTruncated
	case 2: // partial
		k := 7 + g.rng.IntN(max(1, min(4, n-10)))
		from := 2 + g.rng.IntN(max(1, n-k-3))
		return strings.Join(ws[from:from+k], " "), p.speaker, sayso.VariantPartial
	case 3: // altered: one or two words changed, dropped or added
		out := append([]string(nil), ws...)
		for range 1 + pick(g.rng, []float64{0.7, 0.3}) {
			at := 3 + g.rng.IntN(max(1, len(out)-6))
			for trimWord(out[at]) == "" && at+1 < len(out)-3 {
				at++ // a word, not a dash
			}
			switch g.rng.IntN(3) {
			case 0:
				w := replacements[g.rng.IntN(len(replacements))]
				for strings.EqualFold(w, trimWord(out[at])) {
					w = replacements[g.rng.IntN(len(replacements))]
				}
				out[at] = w + trailing(out[at])
			case 1:
				out = append(out[:at], out[at+1:]...)
			default:
				out = append(out[:at], append([]string{replacements[g.rng.IntN(len(replacements))]}, out[at:]...)...)
			}
		}
		return strings.Join(out, " "), p.speaker, sayso.VariantAltered
	case 4: // misattributed
		other := g.name()
		for strings.Fields(other)[1] == strings.Fields(p.speaker)[1] {
			other = g.name()
		}
		return p.text, other, sayso.VariantMisattributed
	}
	return p.text, p.speaker, sayso.VariantExact
}

// trimWord strips a word's punctuation.
func trimWord(w string) string {
	return strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// trailing returns the punctuation that ends a word.
func trailing(w string) string {
	i := len(w)
	for i > 0 && strings.ContainsRune(",.;:!?", rune(w[i-1])) {
		i--
	}
	return w[i:]
}

// pick draws an index with the given probabilities.
func pick(rng *rand.Rand, probs []float64) int {
	r := rng.Float64()
	for i, p := range probs {
		if r < p {
			return i
		}
		r -= p
	}
	return len(probs) - 1
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// maxSentencesPerText bounds the sentences one text gives to be planted.
const maxSentencesPerText = 6

// quoteSentences returns sentences of 13 to 30 words from texts, without
// quotation marks or brackets, to be planted as quotes; none shares a run
// of minRun words with another, whose runs seen keeps.
func quoteSentences(texts []Text, seen map[string]bool) []string {
	var out []string
	for _, t := range texts {
		n := 0
		for _, p := range t.Paragraphs {
			for _, s := range sentencesOf(p) {
				ws := strings.Fields(s)
				if len(ws) < 13 || len(ws) > 30 || strings.ContainsAny(s, "“”\"‘’'()[]…") {
					continue
				}
				if r := []rune(s)[0]; !unicode.IsUpper(r) {
					continue
				}
				keys := runKeys(words(s), minRun)
				clash := false
				for _, k := range keys {
					clash = clash || seen[k]
				}
				if clash {
					continue
				}
				for _, k := range keys {
					seen[k] = true
				}
				out = append(out, strings.TrimRight(s, "."))
				n++
				if n == maxSentencesPerText {
					break
				}
			}
			if n == maxSentencesPerText {
				break
			}
		}
	}
	return out
}

// sentencesOf splits a paragraph at a period, question or exclamation
// mark followed by a space and a capital letter.
func sentencesOf(p string) []string {
	var out []string
	rs := []rune(p)
	start := 0
	for i := 0; i+2 < len(rs); i++ {
		if (rs[i] == '.' || rs[i] == '?' || rs[i] == '!') && rs[i+1] == ' ' && unicode.IsUpper(rs[i+2]) {
			out = append(out, strings.TrimSpace(string(rs[start:i+1])))
			start = i + 2
		}
	}
	out = append(out, strings.TrimSpace(string(rs[start:])))
	return out
}

// add records a story's truth: its cluster and the quotes printed by two
// articles or more.
func (t *Truth) add(s *story) {
	var copies []string
	for _, a := range s.articles[1:] {
		if a.copy {
			copies = append(copies, a.url)
		}
	}
	if len(copies) > 0 {
		t.Clusters = append(t.Clusters, Cluster{Original: s.url, Members: append([]string{s.url}, copies...)})
	}
	for _, p := range s.planted {
		if len(p.apps) > 1 {
			t.Quotes = append(t.Quotes, Quote{Words: words(p.text), Speaker: p.speaker, First: s.url, Appearances: p.apps})
		}
	}
	for _, k := range s.ambiguous {
		for _, a := range s.articles {
			if contains(a.from, k) {
				t.Ignored = append(t.Ignored, Passage{URL: a.url, Words: words(s.paras[k])})
			}
		}
	}
	for _, n := range s.natives {
		q := Quote{Words: n.words, First: s.url}
		for _, a := range s.articles {
			if containsAny(a.from, n.paras) {
				q.Appearances = append(q.Appearances, Appearance{URL: a.url, Words: n.words, Variant: sayso.VariantExact})
			}
		}
		if len(q.Appearances) > 1 {
			t.Quotes = append(t.Quotes, q)
		}
	}
}

// containsAny reports whether xs holds any of ys.
func containsAny(xs, ys []int) bool {
	for _, y := range ys {
		if contains(xs, y) {
			return true
		}
	}
	return false
}
