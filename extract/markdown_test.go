package extract

import (
	"strings"
	"testing"

	"github.com/sayso-news/sayso"
)

func TestMarkdown(t *testing.T) {
	p := func(text string) sayso.Block { return sayso.Block{Kind: sayso.BlockParagraph, Text: text} }
	cases := []struct {
		name string
		a    sayso.Article
		want string
	}{
		{"title and paragraphs", sayso.Article{Title: "Bridge reopens", Blocks: []sayso.Block{p("One."), p("Two.")}},
			"# Bridge reopens\n\nOne.\n\nTwo.\n"},
		{"headings below the title", sayso.Article{Blocks: []sayso.Block{
			{Kind: sayso.BlockHeading, Level: 1, Text: "Top"}, {Kind: sayso.BlockHeading, Level: 3, Text: "Sub\nline"}}},
			"## Top\n\n### Sub line\n"},
		{"nested and ordered lists", sayso.Article{Blocks: []sayso.Block{
			{Kind: sayso.BlockListItem, Level: 1, Text: "a"}, {Kind: sayso.BlockListItem, Level: 2, Ordered: true, Text: "b"},
			p("after")}},
			"- a\n  1. b\n\nafter\n"},
		{"a run of quoted paragraphs is one quote", sayso.Article{Blocks: []sayso.Block{
			{Kind: sayso.BlockQuote, Text: "first\nline"}, {Kind: sayso.BlockQuote, Text: "second"}}},
			"> first\n> line\n>\n> second\n"},
		{"preformatted text fenced past its backticks", sayso.Article{Blocks: []sayso.Block{
			{Kind: sayso.BlockPreformat, Text: "x := ```y```"}}},
			"````\nx := ```y```\n````\n"},
		{"preformatted text without backticks", sayso.Article{Blocks: []sayso.Block{
			{Kind: sayso.BlockPreformat, Text: "a `b`"}}},
			"```\na `b`\n```\n"},
		{"table rows, the first heading the table", sayso.Article{Blocks: []sayso.Block{
			{Kind: sayso.BlockTableRow, Text: "Club | Points"}, {Kind: sayso.BlockTableRow, Text: "Riverside | 44"}}},
			"| Club | Points |\n| --- | --- |\n| Riverside | 44 |\n"},
		{"markup characters escaped", sayso.Article{Blocks: []sayso.Block{p("*Not* a [link] or #tag"), p("1. not a list"), p("- nor this")}},
			"\\*Not\\* a \\[link\\] or \\#tag\n\n\\1. not a list\n\n\\- nor this\n"},
		{"line breaks kept", sayso.Article{Blocks: []sayso.Block{p("Jane Doe\nValley Courier")}},
			"Jane Doe  \nValley Courier\n"},
		{"credits last", sayso.Article{Blocks: []sayso.Block{p("Text.")},
			Credits: []sayso.Credit{{Kind: sayso.CreditSource, Text: "Source: Valley Courier", Outlet: "Valley Courier"}}},
			"Text.\n\n---\n\n*Source: Valley Courier*\n"},
	}
	for _, tc := range cases {
		if got := Markdown(&tc.a); got != tc.want {
			t.Errorf("%s:\ngot  %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

// TestMarkdownLongBacktickRun renders preformatted text made of a long run
// of backticks: the fence was once grown one backtick per pass over the
// text.
func TestMarkdownLongBacktickRun(t *testing.T) {
	text := strings.Repeat("`", 200000)
	got := Markdown(&sayso.Article{Blocks: []sayso.Block{{Kind: sayso.BlockPreformat, Text: text}}})
	fence := strings.Repeat("`", len(text)+1)
	if got != fence+"\n"+text+"\n"+fence+"\n" {
		t.Errorf("fence of %d backticks, want %d", strings.Index(got, "\n"), len(fence))
	}
}
