package metadata

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/sayso-news/sayso/internal/phrase"
)

// Bounds on the work one document may cause. Scraped HTML is hostile: a page
// can nest elements 100,000 deep or carry megabytes of script.
const (
	// maxNodes bounds the nodes visited; real news pages have a few
	// thousand, so this only stops pathological documents.
	maxNodes = 300000
	// maxDepth bounds how deep the walk descends; real pages nest a few
	// dozen levels, and metadata is never buried deeper than this.
	maxDepth = 256
	// maxLines bounds the visible text lines kept for date and byline search.
	maxLines = 20000
	// maxLineLen bounds one line's kept text: date and byline lines are
	// short, and a long line is only needed to know it is prose.
	maxLineLen = 600
	// maxScripts and maxScriptLen bound the JSON-LD read: pages have one to
	// a handful of blocks of a few kilobytes.
	maxScripts   = 32
	maxScriptLen = 1 << 20
	// maxProps bounds the microdata properties read; an article has dozens.
	maxProps = 1000
	// maxHeadTags bounds the <meta> and <link> tags kept, each: real pages
	// have dozens, a multilingual site a few hundred alternate links.
	maxHeadTags = 2000
	// maxTextNodes bounds the nodes one textOf call visits, so that many
	// nested itemprop elements cannot make the walk quadratic.
	maxTextNodes = 2000
)

// metaTag is a <meta> element's key (name, property, itemprop or
// http-equiv, lower-cased) and content.
type metaTag struct {
	key, content string
}

// itemProp is a microdata property: its name, its value, and the type of
// the item it belongs to (the nearest itemscope's itemtype).
type itemProp struct {
	name, value, itemType string
	// node is the element, kept to read an author item's nested name.
	node *html.Node
}

// timeElem is a <time> element.
type timeElem struct {
	datetime, text string
	pubdate        bool
	line           int // index of the line it falls in
	// microformat is set for an hAtom element (class "published" or
	// "updated" with the date in its title) rather than a <time>.
	microformat bool
}

// line is a run of visible text between block boundaries, with what its
// ancestors say about it.
type line struct {
	text string
	// hint is the class, id and itemprop words of the enclosing elements
	// (nearest first, a few levels), lower-cased.
	hint lineHint
	// boiler is true inside nav, footer, aside, form or a comment section.
	boiler bool
	// others is true inside elements that hold other content than the
	// article's: comments, related and recommended lists, teasers.
	others bool
	// heading is the heading level (1–6) of the line, 0 if none.
	heading int
	// inArticle is true inside an <article> or [itemprop=articleBody].
	inArticle bool
}

// lineHint holds the hints of a line: those of the inline elements in it,
// then those of its four nearest enclosing elements, nearest first. They
// are kept apart, not joined: most are never read.
type lineHint [5]string

// heading is an h1, h2 or h3: the index of its first line and its level.
type heading struct {
	line, level int
}

// page is everything the walk gathers from one document.
type page struct {
	lang     string
	title    string
	metas    []metaTag
	links    []metaTag // rel (lower-cased) and href
	scripts  []string
	props    []itemProp
	times    []timeElem
	lines    []line
	headings []heading // h1–h3 with text, in page order (up to 60)
	// scriptDates holds the dates that inline scripts and JSON
	// attributes give under a publication or modification key, the first
	// of each key, in page order (see walker.scriptDates).
	scriptDates []scriptDate
	// attrDates holds the first data- attributes named as dates.
	attrDates []attrDate
	// scriptScanned counts the script bytes searched for them.
	scriptScanned int
	// h1Line is the headline's line: the h1 that matches the page's title
	// metadata, else the first; -1 if none. Set by the reader.
	h1Line     int
	scriptSize int
}

var blockAtoms = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Br: true, atom.Dd: true, atom.Div: true, atom.Dl: true, atom.Dt: true,
	atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true, atom.Footer: true,
	atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Header: true, atom.Hr: true, atom.Li: true,
	atom.Main: true, atom.Nav: true, atom.Ol: true, atom.P: true, atom.Pre: true,
	atom.Section: true, atom.Table: true, atom.Td: true, atom.Th: true, atom.Tr: true,
	atom.Ul: true, atom.Body: true, atom.Title: true, atom.Option: true, atom.Select: true,
}

// walker carries the state of one walk.
type walker struct {
	p       *page
	nodes   int
	buf     strings.Builder
	hints   []string
	boiler  int
	others  int
	article int
	heading int
	itemTyp []string
	// boilerHint caches isBoilerElement by hint: templates repeat classes.
	boilerHint map[string]bool
	// inlineHint gathers the hints of inline elements inside the current
	// line (<span class="date">), which have closed by the time it ends.
	inlineHint string
}

// elementHint returns the lower-cased class, id, itemprop and rel of n,
// cut at 200 bytes; "" when it has none.
func elementHint(n *html.Node) string {
	// Most elements carry one of the four, lower-case already: it is the
	// hint, with no copy.
	only, count := "", 0
	for _, a := range n.Attr {
		switch a.Key {
		case "class", "id", "itemprop", "rel":
			if a.Val != "" {
				only = a.Val
				count++
			}
		}
	}
	if count == 0 {
		return ""
	}
	if count == 1 && len(only) <= 200 && !hasUpper(only) {
		return only
	}
	var buf [200]byte
	b := buf[:0]
	for _, a := range n.Attr {
		switch a.Key {
		case "class", "id", "itemprop", "rel":
			if a.Val == "" {
				continue
			}
			if len(b) > 0 && len(b) < len(buf) {
				b = append(b, ' ')
			}
			for i := 0; i < len(a.Val) && len(b) < len(buf); i++ {
				c := a.Val[i]
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				b = append(b, c)
			}
		}
	}
	// Letters beyond ASCII keep their case: class names are ASCII.
	return string(b)
}

func walk(doc *html.Node) *page {
	w := &walker{p: &page{h1Line: -1}, boilerHint: map[string]bool{}}
	w.visit(doc, 0)
	w.flush()
	return w.p
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// flush ends the current line.
func (w *walker) flush() {
	t := collapseSpace(w.buf.String())
	w.buf.Reset()
	if t == "" || len(w.p.lines) >= maxLines {
		w.inlineHint = ""
		return
	}
	if len(t) > maxLineLen {
		t = truncateUTF8(t, maxLineLen)
	}
	var hint lineHint
	hint[0] = w.inlineHint
	w.inlineHint = ""
	for i, k := len(w.hints)-1, 1; i >= 0 && k < len(hint); i, k = i-1, k+1 {
		hint[k] = w.hints[i]
	}
	w.p.lines = append(w.p.lines, line{
		text: t, hint: hint, boiler: w.boiler > 0, others: w.others > 0, heading: w.heading, inArticle: w.article > 0,
	})
}

// collapseSpace trims s and turns each run of white space into one space,
// allocating only when s has something to collapse.
func collapseSpace(s string) string {
	s = strings.TrimSpace(s)
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || (c == ' ' && i+1 < len(s) && s[i+1] == ' ') || c >= 0x80 {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	// One pass, as strings.Fields and Join would make two and a slice.
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

func truncateUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && n < len(s) && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}

func (w *walker) addText(s string) {
	if w.buf.Len() < maxLineLen*2 {
		w.buf.WriteString(s)
	}
}

func (w *walker) visit(n *html.Node, depth int) {
	if w.nodes >= maxNodes || depth > maxDepth {
		return
	}
	w.nodes++
	switch n.Type {
	case html.TextNode:
		w.addText(n.Data)
		return
	case html.DocumentNode:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.visit(c, depth+1)
		}
		return
	case html.ElementNode:
	default:
		return
	}
	switch n.DataAtom {
	case atom.Html:
		if l := attr(n, "lang"); l != "" {
			w.p.lang = l
		} else if l := attr(n, "xml:lang"); l != "" {
			w.p.lang = l
		}
	case atom.Title:
		if w.p.title == "" && n.FirstChild != nil && n.FirstChild.Type == html.TextNode {
			w.p.title = strings.TrimSpace(n.FirstChild.Data)
		}
		return
	case atom.Meta:
		w.meta(n)
		return
	case atom.Link:
		if rel := strings.ToLower(attr(n, "rel")); rel != "" && len(w.p.links) < maxHeadTags {
			w.p.links = append(w.p.links, metaTag{rel, attr(n, "href")})
		}
		return
	case atom.Script:
		t := strings.ToLower(attr(n, "type"))
		if strings.Contains(t, "ld+json") && len(w.p.scripts) < maxScripts && n.FirstChild != nil {
			s := n.FirstChild.Data
			if len(s) <= maxScriptLen && w.p.scriptSize+len(s) <= 4*maxScriptLen {
				w.p.scripts = append(w.p.scripts, s)
				w.p.scriptSize += len(s)
			}
		} else if n.FirstChild != nil && (t == "" || strings.Contains(t, "javascript") || strings.Contains(t, "json")) {
			w.scriptDates(n.FirstChild.Data)
		}
		return
	case atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Iframe, atom.Object:
		return
	}

	block := blockAtoms[n.DataAtom]
	if block {
		w.flush()
	}
	for _, a := range n.Attr {
		// Components carry their state as JSON in an attribute
		// (data-props, :article).
		if len(a.Val) > 32 && a.Val[0] == '{' {
			w.scriptDates(a.Val)
		} else if len(w.p.attrDates) < maxAttrDates && dateAttr(a.Key) && len(a.Val) >= 8 && len(a.Val) <= 40 {
			w.p.attrDates = append(w.p.attrDates, attrDate{key: a.Key, value: a.Val, line: len(w.p.lines)})
		}
	}
	hint := elementHint(n)
	w.hints = append(w.hints, hint)
	if hint != "" && !block && len(w.inlineHint) < 300 {
		w.inlineHint += hint + " "
	}
	isBoiler, seen := false, false
	if hint != "" {
		isBoiler, seen = w.boilerHint[hint]
	}
	if !seen {
		isBoiler = isBoilerElement(n, hint)
		if hint != "" && len(w.boilerHint) < 10000 {
			w.boilerHint[hint] = isBoiler
		}
	}
	switch n.DataAtom {
	case atom.Nav, atom.Footer, atom.Aside, atom.Form:
		isBoiler = true
	}
	if isBoiler {
		w.boiler++
	}
	isOthers := isBoiler && hint != "" && containsAny(hint, otherContentWords)
	if isOthers {
		w.others++
	}
	isArticle := n.DataAtom == atom.Article || attr(n, "itemprop") == "articleBody"
	if isArticle {
		w.article++
	}
	level := 0
	switch n.DataAtom {
	case atom.H1:
		level = 1
	case atom.H2:
		level = 2
	case atom.H3:
		level = 3
	case atom.H4, atom.H5, atom.H6:
		level = 4
	}
	prevHeading := w.heading
	if level > 0 {
		w.heading = level
	}
	h1Start := len(w.p.lines)
	scope := hasAttr(n, "itemscope")
	if scope {
		w.itemTyp = append(w.itemTyp, attr(n, "itemtype"))
	}
	if prop := attr(n, "itemprop"); prop != "" {
		w.itemProp(n, prop, scope)
	}
	if n.DataAtom == atom.Time && len(w.p.times) < 500 {
		w.p.times = append(w.p.times, timeElem{
			datetime: attr(n, "datetime"), pubdate: hasAttr(n, "pubdate"),
			text: textOf(n, 200), line: len(w.p.lines),
		})
	} else if hint != "" && len(w.p.times) < 500 && (n.DataAtom == atom.Abbr || n.DataAtom == atom.Span) {
		// hAtom microformats: <abbr class="published" title="2020-03-15T10:00:00+01:00">.
		if t := attr(n, "title"); t != "" && (strings.Contains(hint, "published") || strings.Contains(hint, "updated")) {
			w.p.times = append(w.p.times, timeElem{
				datetime: t, pubdate: !strings.Contains(hint, "updated"),
				text: textOf(n, 200), line: len(w.p.lines), microformat: true,
			})
		}
	}

	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.visit(c, depth+1)
	}

	if block {
		w.flush()
		// A heading that holds only a logo image adds no line and is no headline.
		if level >= 1 && level <= 3 && len(w.p.lines) > h1Start && len(w.p.headings) < 60 {
			w.p.headings = append(w.p.headings, heading{line: h1Start, level: level})
		}
	}
	w.heading = prevHeading
	if scope {
		w.itemTyp = w.itemTyp[:len(w.itemTyp)-1]
	}
	if isArticle {
		w.article--
	}
	if isBoiler {
		w.boiler--
	}
	if isOthers {
		w.others--
	}
	w.hints = w.hints[:len(w.hints)-1]
}

func (w *walker) meta(n *html.Node) {
	if len(w.p.metas) >= maxHeadTags {
		return
	}
	content, ok := "", false
	for _, a := range n.Attr {
		if a.Key == "content" {
			content, ok = a.Val, true
		}
	}
	if !ok {
		return
	}
	if c := strings.TrimSpace(content); len(c) > 32 && c[0] == '{' {
		// JSON-LD or app state put in a meta tag (name="script:ld+json").
		if strings.Contains(strings.ToLower(attr(n, "name")), "ld+json") && len(w.p.scripts) < maxScripts &&
			len(c) <= maxScriptLen && w.p.scriptSize+len(c) <= 4*maxScriptLen {
			w.p.scripts = append(w.p.scripts, c)
			w.p.scriptSize += len(c)
		} else {
			w.scriptDates(c)
		}
	}
	for _, k := range []string{"property", "name", "itemprop", "http-equiv"} {
		if v := attr(n, k); v != "" {
			w.p.metas = append(w.p.metas, metaTag{strings.ToLower(strings.TrimSpace(v)), strings.TrimSpace(content)})
			// A meta tag may carry both name and property ("og:title" in
			// both); the first key is enough.
			return
		}
	}
}

func (w *walker) itemProp(n *html.Node, prop string, scope bool) {
	if len(w.p.props) >= maxProps {
		return
	}
	typ := ""
	if k := len(w.itemTyp); k > 0 {
		typ = w.itemTyp[k-1]
		if scope && k > 1 {
			// The element is itself an item; the property belongs to the parent item.
			typ = w.itemTyp[k-2]
		}
	}
	var v string
	switch {
	case hasAttr(n, "content"):
		v = attr(n, "content")
	case hasAttr(n, "datetime"):
		v = attr(n, "datetime")
	case n.DataAtom == atom.Meta:
		v = attr(n, "content")
	case n.DataAtom == atom.A || n.DataAtom == atom.Link:
		if scope {
			v = textOf(n, 300)
		} else {
			v = attr(n, "href")
			if t := textOf(n, 300); t != "" && !strings.HasSuffix(strings.ToLower(prop), "url") {
				v = t
			}
		}
	case n.DataAtom == atom.Img:
		v = attr(n, "src")
	default:
		v = textOf(n, 300)
	}
	for _, p := range strings.Fields(prop) {
		if len(w.p.props) < maxProps {
			w.p.props = append(w.p.props, itemProp{name: p, value: strings.TrimSpace(v), itemType: typ, node: n})
		}
	}
}

// textOf returns the visible text under n, whitespace collapsed, cut at
// about max bytes.
func textOf(n *html.Node, max int) string {
	var b strings.Builder
	visited := 0
	var rec func(*html.Node, int)
	rec = func(n *html.Node, depth int) {
		visited++
		if b.Len() > max || depth > 64 || visited > maxTextNodes {
			return
		}
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			b.WriteByte(' ')
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
				return
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				rec(c, depth+1)
			}
		}
	}
	rec(n, 0)
	return truncateUTF8(strings.Join(strings.Fields(b.String()), " "), max)
}

// boilerWords are class and id fragments of page furniture whose dates and
// names are not the article's: comments, related lists, footers, sidebars.
var boilerWords = []string{"comment", "related", "footer", "sidebar", "recommend", "popular", "most-read", "mostread", "trending", "teaser", "more-news", "morenews", "newsletter", "cookie", "consent", "share", "social"}

// otherContentWords are the boilerWords of elements holding other content
// than the article's, whose dates are other content's: the rest (footers,
// sidebars, share bars) is furniture around the article, where page
// builders put its date line too.
var otherContentWords = []string{"comment", "related", "recommend", "popular", "most-read", "mostread", "trending", "teaser", "more-news", "morenews"}

func isBoilerElement(n *html.Node, hint string) bool {
	switch n.DataAtom {
	case atom.Nav, atom.Footer, atom.Aside, atom.Form:
		return true
	}
	if hint == "" {
		return false
	}
	return boilerWordSet.In(hint)
}

// boilerWordSet is boilerWords as a set, searched in one pass.
var boilerWordSet = phrase.NewSet(boilerWords...)

func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return true
		}
	}
	return false
}
