package web

import (
	"html/template"
	"strings"
	"testing"
	"time"

	"github.com/sayso-news/sayso"
)

// listTemplates are how quote items, article hits and chart bars were written with
// html/template before quoteItemsHTML and hitsHTML.
const listTemplates = `{{define "quoteItem"}}<li class="quote">
  <blockquote>{{.Content}}</blockquote>
  <p class="meta">{{if .Speaker}}<strong>{{.Speaker.Name}}</strong>{{if .Speaker.Role}}, {{.Speaker.Role}}{{end}}{{else if .Source}}<strong>{{.Source}}</strong>{{else}}<em>unknown source</em>{{end}}
  {{if .Cue}}· <span class="cue-word">{{.Cue}}</span>{{end}} · <span class="kind {{.Kind}}">{{.Kind}}</span> ·
  <a href="/article/{{.ArticleID}}">{{.Title}}</a> · <a href="/outlet/{{.Outlet}}">{{.Outlet}}</a> · {{date .Published}}</p>
</li>{{end}}
{{define "hit"}}<li class="hit"><a href="/article/{{.ArticleID}}">{{.Title}}</a>
  <span class="meta"><a href="/outlet/{{.Outlet}}">{{.Outlet}}</a> · {{date .Published}}</span>
  {{if .Snippet}}<p class="snippet">{{.Snippet}}</p>{{end}}</li>{{end}}
{{define "quotes"}}{{range .}}{{template "quoteItem" .}}{{end}}{{end}}
{{define "hits"}}{{range .}}{{template "hit" .}}{{end}}{{end}}
{{define "bars"}}<svg>{{range .Bars}}<g class="bar"><rect x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="{{.H}}"><title>{{.Label}}: {{.N}}</title></rect><text x="{{.X}}" y="150" class="label">{{.Label}}</text></g>{{end}}</svg>{{end}}`

// TestListsMatchTemplates checks quoteItemsHTML, hitsHTML and BarsHTML against the
// templates they replace, with hostile text in every field that is text.
func TestListsMatchTemplates(t *testing.T) {
	ref := template.Must(template.New("lists").Funcs(template.FuncMap{"date": formatDate}).Parse(listTemplates))
	hostile := `<script>alert("x")</script> & 'q' <img src=x onerror=alert(1)>`
	day := time.Date(2024, 3, 5, 23, 0, 0, 0, time.UTC)
	quotes := []sayso.Quote{
		{ID: 1, ArticleID: 10, Title: hostile, Outlet: "example.com", Published: &day, Kind: sayso.Direct,
			Speaker: &sayso.Speaker{Name: hostile, Role: hostile}, Source: "she", Cue: hostile, Content: hostile},
		{ID: 2, ArticleID: 11, Title: "Plain", Outlet: "news.example.org", Kind: sayso.AttributionKind(hostile),
			Source: hostile, Content: "Words."},
		{ID: 3, ArticleID: 12, Title: "", Outlet: "example.net", Kind: sayso.Indirect, Speaker: &sayso.Speaker{}, Content: ""},
		{ID: 4, ArticleID: 13, Title: "T", Outlet: "example.net", Kind: sayso.Mixed, Content: "c"},
	}
	hits := []sayso.SearchHit{
		{ArticleID: 10, Title: hostile, Outlet: "example.com", Published: &day, Snippet: hostile},
		{ArticleID: 11, Title: "Plain", Outlet: "example.org"},
	}
	chart := buildMonthChart([]sayso.Count{{Key: "2024-01", N: 3}, {Key: hostile, N: 7}, {Key: "2024-03", N: 1}})
	for _, tt := range []struct {
		name, tmpl string
		data       any
		got        template.HTML
	}{
		{"quotes", "quotes", quotes, quoteItemsHTML(quotes)},
		{"hits", "hits", hits, hitsHTML(hits)},
		{"no quotes", "quotes", []sayso.Quote{}, quoteItemsHTML(nil)},
		{"bars", "bars", chart, "<svg>" + chart.BarsHTML() + "</svg>"},
	} {
		var want strings.Builder
		if err := ref.ExecuteTemplate(&want, tt.tmpl, tt.data); err != nil {
			t.Fatal(err)
		}
		if got := string(tt.got); got != want.String() {
			t.Errorf("%s:\n%s\nwant (the template's):\n%s", tt.name, got, want.String())
		}
	}
	// An outlet is a host name; whatever it holds stays inside its link.
	got := string(hitsHTML([]sayso.SearchHit{{ArticleID: 1, Outlet: `x"><script>y`}}))
	if strings.Contains(got, "<script>") || strings.Contains(got, `x">`) {
		t.Errorf("hostile outlet not escaped: %s", got)
	}
}
