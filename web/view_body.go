package web

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/sayso-news/sayso"
)

// BodyHTML is the article's text as HTML, block by block, each marked run
// in its element: the article page's hot loop, written here rather than
// in the template because html/template's reflection over hundreds of
// runs took half the page's time. Every text is escaped
// (template.HTMLEscapeString, as the template would); every attribute
// value is a number or one of the fixed class names.
func (v *articleView) BodyHTML() template.HTML {
	var b strings.Builder
	n := 0
	for _, bl := range v.Blocks {
		for _, sg := range bl.Segments {
			n += len(sg.Text) + 64
		}
	}
	b.Grow(n)
	for _, bl := range v.Blocks {
		open, end := blockTags(bl.Kind)
		b.WriteString(open)
		for _, sg := range bl.Segments {
			switch {
			case sg.Attr > 0:
				attr := strconv.Itoa(sg.Attr)
				b.WriteString(`<a class="att sp`)
				b.WriteString(strconv.Itoa(sg.Colour))
				b.WriteByte(' ')
				b.WriteString(template.HTMLEscapeString(sg.Part))
				if sg.Anon {
					b.WriteString(" anon")
				}
				b.WriteString(`" href="#att-`)
				b.WriteString(attr)
				b.WriteString(`" data-att="`)
				b.WriteString(attr)
				b.WriteString(`">`)
				b.WriteString(template.HTMLEscapeString(sg.Text))
				b.WriteString(`</a>`)
			case sg.Claim:
				b.WriteString(`<span class="claim" title="The author's own, unattributed claim">`)
				b.WriteString(template.HTMLEscapeString(sg.Text))
				b.WriteString(`</span>`)
			default:
				b.WriteString(template.HTMLEscapeString(sg.Text))
			}
		}
		b.WriteString(end)
		b.WriteByte('\n')
	}
	return template.HTML(b.String())
}

// blockTags returns the opening and closing tags of a block of kind k.
func blockTags(k sayso.BlockKind) (open, end string) {
	switch k {
	case sayso.BlockHeading:
		return "<h2>", "</h2>"
	case sayso.BlockQuote:
		return `<blockquote class="blk">`, "</blockquote>"
	case sayso.BlockListItem:
		return `<p class="li">`, "</p>"
	}
	return "<p>", "</p>"
}

// AttrsHTML is the article's list of attributions as HTML list items,
// written here for the reason BodyHTML is; every value is escaped.
func (v *articleView) AttrsHTML() template.HTML {
	var b strings.Builder
	esc := func(s string) { b.WriteString(template.HTMLEscapeString(s)) }
	for _, a := range v.Attrs {
		colour := strconv.Itoa(a.Colour)
		b.WriteString(`<li id="att-`)
		b.WriteString(strconv.Itoa(a.N))
		b.WriteString(`" class="attr-item sp`)
		b.WriteString(colour)
		b.WriteString(`" tabindex="-1">` + "\n" + `  <p><span class="swatch sp`)
		b.WriteString(colour)
		b.WriteString(`" aria-hidden="true"></span> <strong>`)
		switch {
		case a.Speaker != nil && a.Speaker.Name != "":
			esc(a.Speaker.Name)
		case a.Speaker != nil || a.Source != "":
			esc(a.Source)
		default:
			b.WriteString("unknown source")
		}
		b.WriteString("</strong>\n  ")
		if a.Speaker != nil {
			b.WriteString(`<span class="meta">`)
			esc(string(a.Speaker.Type))
			if a.Speaker.Role != "" {
				b.WriteString(", ")
				esc(a.Speaker.Role)
			}
			b.WriteString("; ")
			esc(string(a.Speaker.Resolution))
			b.WriteString("</span>")
		}
		b.WriteString("\n  ")
		if a.Anonymous {
			b.WriteString(`<span class="badge anon-badge">anonymous source</span>`)
		}
		b.WriteString("\n  " + `<span class="kind `)
		esc(string(a.Kind))
		b.WriteString(`">`)
		esc(string(a.Kind))
		b.WriteString("</span>")
		if a.Cue != "" {
			b.WriteString(" · cue “")
			esc(a.Cue)
			b.WriteString("”")
		}
		if a.Medium != "" {
			b.WriteString(" · in ")
			esc(a.Medium)
		}
		b.WriteString("</p>\n  <blockquote>")
		esc(a.Content)
		b.WriteString("</blockquote>\n  ")
		if t := a.Trace; t != nil {
			b.WriteString(`<p><a class="trace-link" href="/quote/`)
			b.WriteString(strconv.FormatInt(t.ID, 10))
			b.WriteString(`">Trace this quote</a> — printed in `)
			b.WriteString(strconv.Itoa(t.Articles))
			b.WriteString(" articles")
			if t.Altered {
				b.WriteString(`, <strong class="altered">altered in some</strong>`)
			}
			b.WriteString(".</p>")
		} else {
			b.WriteString(`<p class="meta">Printed only here (or too short to trace).</p>`)
		}
		b.WriteString("\n</li>\n")
	}
	return template.HTML(b.String())
}
