package web

import (
	"html/template"
	"net/url"
	"strconv"
	"strings"

	"github.com/sayso-news/sayso"
)

// The lists of quotes and of article hits that the search, speaker and
// outlet pages show ten at a time are written here rather than through
// html/template, whose reflection made up a third of those pages' time.
// Every text is escaped with template.HTMLEscapeString; values in links
// are numbers or outlets escaped as a URL path segment, then as HTML.

// quoteItemsHTML writes quotes as list items of an <ol class="quotes">.
func quoteItemsHTML(qs []sayso.Quote) template.HTML {
	var b strings.Builder
	esc := func(s string) { b.WriteString(template.HTMLEscapeString(s)) }
	for i := range qs {
		q := &qs[i]
		b.WriteString(`<li class="quote">` + "\n  <blockquote>")
		esc(q.Content)
		b.WriteString("</blockquote>\n  " + `<p class="meta">`)
		switch {
		case q.Speaker != nil:
			b.WriteString("<strong>")
			esc(q.Speaker.Name)
			b.WriteString("</strong>")
			if q.Speaker.Role != "" {
				b.WriteString(", ")
				esc(q.Speaker.Role)
			}
		case q.Source != "":
			b.WriteString("<strong>")
			esc(q.Source)
			b.WriteString("</strong>")
		default:
			b.WriteString("<em>unknown source</em>")
		}
		b.WriteString("\n  ")
		if q.Cue != "" {
			b.WriteString(`· <span class="cue-word">`)
			esc(q.Cue)
			b.WriteString("</span>")
		}
		b.WriteString(` · <span class="kind `)
		esc(string(q.Kind))
		b.WriteString(`">`)
		esc(string(q.Kind))
		b.WriteString("</span> ·\n  ")
		b.WriteString(`<a href="/article/`)
		b.WriteString(strconv.FormatInt(q.ArticleID, 10))
		b.WriteString(`">`)
		esc(q.Title)
		b.WriteString(`</a> · `)
		outletLink(&b, q.Outlet)
		b.WriteString(" · ")
		esc(formatDate(q.Published))
		b.WriteString("</p>\n</li>")
	}
	return template.HTML(b.String())
}

// hitsHTML writes article hits as list items of an <ol class="hits">.
func hitsHTML(hits []sayso.SearchHit) template.HTML {
	var b strings.Builder
	esc := func(s string) { b.WriteString(template.HTMLEscapeString(s)) }
	for i := range hits {
		h := &hits[i]
		b.WriteString(`<li class="hit"><a href="/article/`)
		b.WriteString(strconv.FormatInt(h.ArticleID, 10))
		b.WriteString(`">`)
		esc(h.Title)
		b.WriteString("</a>\n  " + `<span class="meta">`)
		outletLink(&b, h.Outlet)
		b.WriteString(" · ")
		esc(formatDate(h.Published))
		b.WriteString("</span>\n  ")
		if h.Snippet != "" {
			b.WriteString(`<p class="snippet">`)
			esc(h.Snippet)
			b.WriteString("</p>")
		}
		b.WriteString("</li>")
	}
	return template.HTML(b.String())
}

// outletLink writes a link to an outlet's page.
func outletLink(b *strings.Builder, outlet string) {
	b.WriteString(`<a href="/outlet/`)
	b.WriteString(template.HTMLEscapeString(url.PathEscape(outlet)))
	b.WriteString(`">`)
	b.WriteString(template.HTMLEscapeString(outlet))
	b.WriteString("</a>")
}
