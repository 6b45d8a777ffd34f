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
