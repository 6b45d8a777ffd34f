package web

import (
	"html/template"
	"strings"
	"testing"

	"github.com/sayso-news/sayso"
)

// bodyTemplate is how the article body was written with html/template
// before BodyHTML: the reference BodyHTML must match.
const bodyTemplate = `{{range .Blocks}}{{if eq .Kind "heading"}}<h2>{{else if eq .Kind "blockquote"}}<blockquote class="blk">{{else if eq .Kind "list_item"}}<p class="li">{{else}}<p>{{end}}{{range .Segments}}{{if .Attr}}<a class="att sp{{.Colour}} {{.Part}}{{if .Anon}} anon{{end}}" href="#att-{{.Attr}}" data-att="{{.Attr}}">{{.Text}}</a>{{else if .Claim}}<span class="claim" title="The author's own, unattributed claim">{{.Text}}</span>{{else}}{{.Text}}{{end}}{{end}}{{if eq .Kind "heading"}}</h2>{{else if eq .Kind "blockquote"}}</blockquote>{{else}}</p>{{end}}
{{end}}`

func TestBodyHTMLMatchesTemplate(t *testing.T) {
	ref := template.Must(template.New("body").Parse(bodyTemplate))
	hostile := `<script>alert("x")</script> & 'q' <img src=x onerror=alert(1)> a+b` + "\x00"
	tests := []struct {
		name   string
		blocks []sayso.Block
		an     *sayso.Analysis
	}{
		{"plain", []sayso.Block{{Kind: sayso.BlockParagraph, Text: "Nothing said here."}}, nil},
		{"every kind", []sayso.Block{
			{Kind: sayso.BlockHeading, Text: "A heading"},
			{Kind: sayso.BlockParagraph, Text: `"We will go," the minister said on Monday.`},
			{Kind: sayso.BlockQuote, Text: "A quoted block."},
			{Kind: sayso.BlockListItem, Text: "An item, which is true."},
		}, &sayso.Analysis{
			Attributions: []sayso.Attribution{
				{Kind: sayso.Direct, Content: sayso.Segment{Text: `"We will go,"`, Spans: []sayso.Span{{Start: 12, End: 25}}},
					Source:  &sayso.Segment{Text: "the minister", Spans: []sayso.Span{{Start: 26, End: 38}}},
					Cue:     &sayso.Segment{Text: "said", Spans: []sayso.Span{{Start: 39, End: 43}}},
					Speaker: &sayso.Speaker{Name: "minister", Type: sayso.Anonymous}},
			},
			Claims: []sayso.Claim{{Span: sayso.Span{Start: 90, End: 112}}},
		}},
		{"hostile", []sayso.Block{{Kind: sayso.BlockParagraph, Text: hostile}, {Kind: "<odd>", Text: hostile}},
			&sayso.Analysis{Claims: []sayso.Claim{{Span: sayso.Span{Start: 0, End: 20}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := buildArticleView(&sayso.StoredArticle{ID: 1, Article: &sayso.Article{Blocks: tt.blocks}, Analysis: tt.an}, nil, nil)
			var want strings.Builder
			if err := ref.Execute(&want, v); err != nil {
				t.Fatal(err)
			}
			// html/template also escapes "+", which needs no escaping in text.
			w := strings.ReplaceAll(want.String(), "&#43;", "+")
			if tt.an != nil && len(tt.an.Attributions) > 0 && !strings.Contains(w, `<a class="att sp0 content anon"`) {
				t.Fatalf("the case marks no attribution: %s", w)
			}
			if got := string(v.BodyHTML()); got != w {
				t.Errorf("BodyHTML:\n%s\nwant (the template's):\n%s", got, w)
			}
		})
	}
}
