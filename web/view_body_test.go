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

// attrsTemplate is how the attribution list was written with
// html/template before AttrsHTML.
const attrsTemplate = `{{range .Attrs}}<li id="att-{{.N}}" class="attr-item sp{{.Colour}}" tabindex="-1">
  <p><span class="swatch sp{{.Colour}}" aria-hidden="true"></span> <strong>{{if .Speaker}}{{if .Speaker.Name}}{{.Speaker.Name}}{{else}}{{.Source}}{{end}}{{else}}{{if .Source}}{{.Source}}{{else}}unknown source{{end}}{{end}}</strong>
  {{if .Speaker}}<span class="meta">{{.Speaker.Type}}{{if .Speaker.Role}}, {{.Speaker.Role}}{{end}}; {{.Speaker.Resolution}}</span>{{end}}
  {{if .Anonymous}}<span class="badge anon-badge">anonymous source</span>{{end}}
  <span class="kind {{.Kind}}">{{.Kind}}</span>{{if .Cue}} · cue “{{.Cue}}”{{end}}{{if .Medium}} · in {{.Medium}}{{end}}</p>
  <blockquote>{{.Content}}</blockquote>
  {{with .Trace}}<p><a class="trace-link" href="/quote/{{.ID}}">Trace this quote</a> — printed in {{.Articles}} articles{{if .Altered}}, <strong class="altered">altered in some</strong>{{end}}.</p>{{else}}<p class="meta">Printed only here (or too short to trace).</p>{{end}}
</li>
{{end}}`

// TestBodyHTMLMatchesTemplate checks that the article body and
// attribution list written in Go are what html/template wrote, hostile
// text included.
func TestBodyHTMLMatchesTemplate(t *testing.T) {
	ref := template.Must(template.New("body").Parse(bodyTemplate))
	refAttrs := template.Must(template.New("attrs").Parse(attrsTemplate))
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
			&sayso.Analysis{Claims: []sayso.Claim{{Span: sayso.Span{Start: 0, End: 20}}}, Attributions: []sayso.Attribution{
				{Kind: sayso.AttributionKind(hostile), Content: sayso.Segment{Text: hostile, Spans: []sayso.Span{{Start: 30, End: 40}}},
					Source: &sayso.Segment{Text: hostile}, Cue: &sayso.Segment{Text: hostile}, Medium: hostile,
					Speaker: &sayso.Speaker{Name: hostile, Role: hostile, Type: sayso.SpeakerType(hostile), Resolution: sayso.Resolution(hostile)}},
				{Kind: sayso.Indirect, Content: sayso.Segment{Text: "x"}, Source: &sayso.Segment{Text: hostile}, Speaker: &sayso.Speaker{}},
				{Kind: sayso.Indirect, Content: sayso.Segment{Text: "y"}, Source: &sayso.Segment{Text: hostile}},
				{Kind: sayso.Indirect, Content: sayso.Segment{Text: "z"}},
			}}},
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
			if tt.an != nil && len(tt.an.Attributions) > 0 && !strings.Contains(w, `<a class="att sp0 content`) {
				t.Fatalf("the case marks no attribution: %s", w)
			}
			if got := string(v.BodyHTML()); got != w {
				t.Errorf("BodyHTML:\n%s\nwant (the template's):\n%s", got, w)
			}
			if len(v.Attrs) > 0 {
				v.Attrs[len(v.Attrs)-1].Trace = &traceLink{ID: 7, Articles: 3, Altered: true}
			}
			want.Reset()
			if err := refAttrs.Execute(&want, v); err != nil {
				t.Fatal(err)
			}
			w = strings.ReplaceAll(want.String(), "&#43;", "+")
			if got := string(v.AttrsHTML()); got != w {
				t.Errorf("AttrsHTML:\n%s\nwant (the template's):\n%s", got, w)
			}
		})
	}
}
