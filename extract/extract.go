package extract

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/extract/metadata"
)

// DefaultMaxBytes is the largest page read when Options.MaxBytes is zero.
// Real article pages, inline scripts included, stay well under it.
const DefaultMaxBytes = 16 << 20

// ErrNoArticle is returned when a page carries no article.
var ErrNoArticle = &sayso.Error{Code: sayso.ENOARTICLE, Message: "no article found on the page"}

// Options tunes extraction. The zero value is ready to use.
type Options struct {
	// MaxBytes bounds the page size; larger pages fail with an error of
	// code sayso.ETOOLARGE. Zero means DefaultMaxBytes.
	MaxBytes int64
	// ContentType is the page's Content-Type header, whose charset
	// parameter takes precedence over <meta> declarations.
	ContentType string
	// Now is when the page was fetched, when known: a date more than a
	// day after it cannot be the page's and is rejected (see
	// metadata.Options). The zero value disables the check.
	Now time.Time
}

// FromReader reads an HTML page from r and returns the article on it.
// pageURL is the page's address ("" when unknown); it resolves relative links
// and feeds URL-based metadata. The charset comes from a byte-order mark, a
// <meta> declaration or sniffing. It returns ErrNoArticle when the page
// carries no article, an error of code sayso.ETOOLARGE when the page is larger
// than DefaultMaxBytes, and an error of code sayso.EINVALID when it is not
// HTML that can be read.
func FromReader(r io.Reader, pageURL string) (*sayso.Article, error) {
	return Options{}.FromReader(r, pageURL)
}

// FromPage returns the article on a fetched page, decoding its charset from
// the Content-Type header, a byte-order mark, a <meta> declaration or by
// sniffing, using its final URL as the page's address, and rejecting dates
// later than the day after it was fetched. Errors are those of FromReader,
// and one of code sayso.EINVALID when the Content-Type names a document
// that is not a page (an image, a PDF, an archive).
func FromPage(p *sayso.Page) (*sayso.Article, error) {
	if p == nil {
		return nil, sayso.Errorf(sayso.EINVALID, "extract: nil page")
	}
	u := p.FinalURL
	if u == "" {
		u = p.URL
	}
	if ct := p.ContentType(); notHTML(ct) {
		return nil, sayso.Errorf(sayso.EINVALID, "extract: %s is not an HTML page (Content-Type %s)", u, ct)
	}
	return Options{ContentType: p.ContentType(), Now: p.FetchedAt}.FromBytes(p.Body, u)
}

// FromReader is like the package's FromReader with these options.
func (o Options) FromReader(r io.Reader, pageURL string) (*sayso.Article, error) {
	b, err := o.readAll(r)
	if err != nil {
		return nil, fmt.Errorf("extract: read page: %w", err)
	}
	// b is this call's own: it is trimmed in place, not copied.
	doc, u, err := o.parse(b, pageURL, true)
	if err != nil {
		return nil, err
	}
	return fromDocument(doc, u, pageURL, metadata.Options{Now: o.Now})
}

// readAll reads r to its end, or to one byte past the size limit. A reader
// that knows its length (bytes.Reader, strings.Reader, bytes.Buffer) is
// read into a buffer of that size, not one grown by doubling.
func (o Options) readAll(r io.Reader) ([]byte, error) {
	lr := io.LimitReader(r, o.maxBytes()+1)
	l, ok := r.(interface{ Len() int })
	if !ok || int64(l.Len()) > o.maxBytes() {
		return io.ReadAll(lr)
	}
	var buf bytes.Buffer
	buf.Grow(l.Len() + bytes.MinRead)
	_, err := buf.ReadFrom(lr)
	return buf.Bytes(), err
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

// FromBytes returns the article on the page b. Errors are those of
// FromReader.
func (o Options) FromBytes(b []byte, pageURL string) (*sayso.Article, error) {
	doc, u, err := o.parse(b, pageURL, false)
	if err != nil {
		return nil, err
	}
	return fromDocument(doc, u, pageURL, metadata.Options{Now: o.Now})
}

// MetadataFromBytes reads only the metadata of the page b (title, authors,
// dates, publisher, language…), decoded and parsed as FromBytes does, for
// pages that have metadata but no article: a video page, a gallery. Its
// errors are those of FromReader, except that it never returns
// ErrNoArticle.
func (o Options) MetadataFromBytes(b []byte, pageURL string) (*metadata.Metadata, error) {
	doc, u, err := o.parse(b, pageURL, false)
	if err != nil {
		return nil, err
	}
	return metadata.ReadOptions(doc, u, metadata.Options{Now: o.Now}), nil
}

// parse checks, decodes and parses the page b, and parses its address
// (nil when pageURL is ""). When owned, b belongs to the caller alone and
// may be overwritten.
func (o Options) parse(b []byte, pageURL string, owned bool) (*html.Node, *url.URL, error) {
	if int64(len(b)) > o.maxBytes() {
		return nil, nil, sayso.Errorf(sayso.ETOOLARGE, "extract: page larger than %d bytes", o.maxBytes())
	}
	if err := checkHTML(b); err != nil {
		return nil, nil, err
	}
	var u *url.URL
	if pageURL != "" {
		var err error
		if u, err = url.Parse(pageURL); err != nil {
			return nil, nil, sayso.Errorf(sayso.EINVALID, "extract: page URL %q: %w", pageURL, err)
		}
	}
	text, _, err := toUTF8(b, o.ContentType)
	if err != nil {
		return nil, nil, sayso.Errorf(sayso.EINVALID, "extract: %w", err)
	}
	if owned {
		text = stripRawTextInPlace(text)
	} else {
		text = stripRawText(text)
	}
	doc, err := parseStripped(text)
	if err != nil {
		return nil, nil, sayso.Errorf(sayso.EINVALID, "extract: parse HTML: %w", err)
	}
	return doc, u, nil
}

// parseHTML parses a UTF-8 document, first cutting the text of styles and
// long scripts that nothing reads (see stripRawText) and rewriting the
// markup that would make the parser's work grow faster than the page (see
// rewrite.go). The
// parser refuses documents nested more than 512 deep: those are read again
// with their deepest tags dropped, and once more with a quarter of that
// depth, for markup whose every tag implies others (<table><td> opens a
// table body and a row as well).
func parseHTML(text []byte) (*html.Node, error) {
	return parseStripped(stripRawText(text))
}

// parseStripped is parseHTML on text already through stripRawText.
func parseStripped(text []byte) (*html.Node, error) {
	if parserTraps(text) {
		text = rewrite(text, 0)
	}
	doc, err := html.ParseWithOptions(bytes.NewReader(text), html.ParseOptionEnableScripting(false))
	for _, depth := range []int{maxNesting, maxNesting / 4} {
		if err == nil {
			break
		}
		doc, err = html.ParseWithOptions(bytes.NewReader(rewrite(text, depth)), html.ParseOptionEnableScripting(false))
	}
	return doc, err
}

// notHTML reports whether a Content-Type names a kind of document that is
// never a web page: images, sound, video, fonts, PDFs and archives.
func notHTML(contentType string) bool {
	ct := strings.ToLower(strings.TrimSpace(contentType))
	for _, p := range []string{"image/", "audio/", "video/", "font/", "application/pdf", "application/zip",
		"application/gzip", "application/octet-stream", "application/x-"} {
		if strings.HasPrefix(ct, p) {
			return true
		}
	}
	return false
}

// checkHTML rejects input that is plainly not a text document: a NUL byte
// early on is the mark of binary data (images, archives, executables).
func checkHTML(b []byte) error {
	if len(bytes.TrimSpace(b)) == 0 {
		return sayso.Errorf(sayso.EINVALID, "extract: empty page")
	}
	head := b
	if len(head) > 1024 {
		head = head[:1024]
	}
	if bytes.HasPrefix(head, []byte("\xfe\xff")) || bytes.HasPrefix(head, []byte("\xff\xfe")) {
		return nil // UTF-16 text has NUL bytes by design
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return sayso.Errorf(sayso.EINVALID, "extract: binary data, not an HTML page")
	}
	return nil
}

// fromDocument extracts the article from a parsed document.
func fromDocument(doc *html.Node, u *url.URL, pageURL string, mo metadata.Options) (*sayso.Article, error) {
	md := metadata.ReadOptions(doc, u, mo)
	c := collect(doc)
	title := md.Title
	if title == "" {
		title = c.titleText
	}
	c.classify()
	c.markRegions()
	container := c.chooseContainer()
	if container < 0 && md.Body == "" {
		return nil, ErrNoArticle
	}
	var sel []int
	if container >= 0 {
		sel = c.selectBlocks(container, title)
	}
	a := &sayso.Article{
		URL:              pageURL,
		CanonicalURL:     md.CanonicalURL,
		Title:            md.Title,
		Authors:          md.Authors,
		Publisher:        md.Publisher,
		Published:        md.Published,
		Modified:         md.Modified,
		Language:         md.Language,
		Description:      md.Description,
		Section:          md.Section,
		Tags:             md.Tags,
		Image:            md.Image,
		Evidence:         md.Evidence,
		Candidates:       md.Candidates,
		ExtractorVersion: sayso.Version,
	}
	return buildArticle(a, c, sel, container, u, title, md.Body)
}

// creditLookahead is how many blocks after the article's last one are
// searched for a credit line: credits close an article, sometimes after a
// short sign-off the selection dropped.
const creditLookahead = 4

// buildArticle fills a's body, links and credits from the selected blocks.
// Credit lines are moved out of the body into credits.
func buildArticle(a *sayso.Article, c *collector, sel []int, container int32, u *url.URL, title, ldBody string) (*sayso.Article, error) {
	a.Credits = []sayso.Credit{}
	credited := map[string]bool{}
	addCredit := func(cr sayso.Credit, b *block) {
		if credited[cr.Text] {
			return
		}
		credited[cr.Text] = true
		if len(b.links) > 0 {
			cr.URL = resolve(u, b.links[0].href)
		}
		a.Credits = append(a.Credits, cr)
	}
	paragraphs := 0
	for n, i := range sel {
		b := &c.blocks[i]
		text := b.text
		if b.chars <= maxCreditLine {
			if cr, ok := creditLine(text); ok {
				addCredit(cr, b)
				continue
			}
		}
		if b.kind == sayso.BlockParagraph {
			if paragraphs == 0 {
				if cr, rest, ok := wireDateline(text); ok {
					addCredit(cr, &block{})
					text = rest
				}
			}
			if n >= len(sel)-2 {
				if cr, rest, ok := stripSignoff(text); ok {
					addCredit(cr, &block{})
					text = rest
				}
			}
			paragraphs++
		}
		bi := len(a.Blocks)
		a.Blocks = append(a.Blocks, sayso.Block{Kind: b.kind, Text: text, Level: b.level, Ordered: b.ordered})
		for _, l := range b.links {
			a.Links = append(a.Links, sayso.Link{Text: l.text, URL: resolve(u, l.href), Block: bi})
		}
	}
	if len(sel) > 0 {
		// Credit lines the selection dropped as too short, just before or
		// after the body ("Originally published by X" in italics above it).
		seen := 0
		for i := sel[len(sel)-1] + 1; i < len(c.blocks) && seen < creditLookahead; i++ {
			if c.creditNear(i, container, addCredit) {
				seen++
			}
		}
		seen = 0
		for i := sel[0] - 1; i >= 0 && seen < creditLookahead; i-- {
			if c.creditNear(i, container, addCredit) {
				seen++
			}
		}
	}
	a.Blocks, a.Links = withFullText(a.Blocks, a.Links, ldBody)
	if len(a.Blocks) == 0 {
		return nil, ErrNoArticle
	}
	if a.Title == "" {
		if t, ev := fallbackTitle(c, title); t != "" {
			a.Title = t
			setEvidence(a, "title", ev)
		}
	}
	texts := make([]string, len(a.Blocks))
	for i, b := range a.Blocks {
		texts[i] = b.Text
	}
	sample := bodySample(texts)
	switch {
	case a.Language == "":
		if lang := detectLanguage(sample); lang != "" {
			a.Language = lang
			setEvidence(a, "language", "body-text")
		}
	case !writtenIn(a.Language, bodyScript(sample)):
		// A page declaring a language its body is not even written in
		// ("en" over Georgian text) carries a template's default.
		if lang := detectLanguage(sample); lang != "" {
			setEvidence(a, "language", "body-text (page declared "+a.Language+")")
			a.Language = lang
		}
	}
	if a.Authors == nil {
		a.Authors = []string{}
	}
	return a, nil
}

// creditNear looks for a credit line in block i when it lies in the
// container outside boilerplate regions, and reports whether it looked.
func (c *collector) creditNear(i int, container int32, add func(sayso.Credit, *block)) bool {
	b := &c.blocks[i]
	if !c.within(b.elem, container) || b.region >= 0 {
		return false
	}
	if cr, ok := creditLine(b.text); ok {
		add(cr, b)
	}
	return true
}

// fallbackTitle chooses a title when the page's metadata gives none: the
// first <h1> that the <title> element repeats, else the <title> without the
// site name it usually carries ("Headline | Site"), else the first <h1>.
func fallbackTitle(c *collector, titleElem string) (title, evidence string) {
	firstH1 := ""
	lowerTitle := strings.ToLower(titleElem)
	for i := range c.blocks {
		b := &c.blocks[i]
		if b.tag != atom.H1 || b.region >= 0 {
			continue
		}
		if firstH1 == "" {
			firstH1 = b.text
		}
		if titleElem != "" && strings.Contains(lowerTitle, strings.ToLower(b.text)) && len(b.text) > 8 {
			return b.text, "h1"
		}
	}
	if t := stripSiteName(titleElem); t != "" {
		return t, "title-element"
	}
	if firstH1 != "" {
		return firstH1, "h1"
	}
	return "", ""
}

// stripSiteName removes the site's name from a <title>: of the parts
// separated by " | ", " - ", " – ", " — " or " :: ", the longest is the
// headline.
func stripSiteName(t string) string {
	t = strings.Join(strings.Fields(t), " ")
	for _, sep := range []string{" | ", " – ", " — ", " - ", " :: ", " · "} {
		if !strings.Contains(t, sep) {
			continue
		}
		best := ""
		for _, part := range strings.Split(t, sep) {
			if len(part) > len(best) {
				best = part
			}
		}
		return strings.TrimSpace(best)
	}
	return t
}

func setEvidence(a *sayso.Article, field, evidence string) {
	if a.Evidence == nil {
		a.Evidence = map[string]string{}
	}
	a.Evidence[field] = evidence
}

// resolve returns href made absolute against the page's address; links
// that cannot be parsed, and script links, come back as they were.
func resolve(base *url.URL, href string) string {
	href = strings.TrimSpace(href)
	if base == nil || href == "" || strings.HasPrefix(href, "https://") || strings.HasPrefix(href, "http://") {
		return href // absolute already: nothing to resolve
	}
	r, err := url.Parse(href)
	if err != nil {
		return href
	}
	return base.ResolveReference(r).String()
}
