package web_test

import (
	"context"
	"fmt"
	"golang.org/x/net/html"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/extract"
	"github.com/sayso-news/sayso/web"
)

// hostilePage carries script and event-handler payloads in its title,
// headline, body, byline and quotes, both as markup and as text.
const hostilePage = `<!DOCTYPE html><html><head>
<title>Harbour &lt;script&gt;alert("title")&lt;/script&gt; plan "><img src=x onerror=alert(1)></title>
<meta property="og:site_name" content="Evil &lt;script&gt;alert('site')&lt;/script&gt; News">
<meta name="author" content="&lt;img src=x onerror=alert('author')&gt;">
<meta property="article:published_time" content="2026-03-10T10:00:00Z">
</head><body><article>
<h1>Harbour <script>alert("h1")</script> plan <img src=x onerror="alert('h1img')"> approved</h1>
<p>The council approved the harbour plan on Tuesday after a long debate &lt;script&gt;alert('p1')&lt;/script&gt; in the town hall.</p>
<p>"We will open the harbour &lt;img src=x onerror=alert('quote')&gt; to ferries again by the summer," said Mayor <b onmouseover="alert('b')">Jane Doe</b>.</p>
<p>Critics said the plan &lt;/textarea&gt;&lt;svg onload=alert('svg')&gt; would cost too much, according to the local paper javascript:alert('js').</p>
<p>The ferry company said it would wait for the final vote before it ordered new boats for the route.</p>
</article></body></html>`

// TestHostilePageInert ingests a page whose title and body carry
// <script> and onerror= payloads and checks every page and answer that
// shows it: the payloads appear as text, never as markup.
func TestHostilePageInert(t *testing.T) {
	srv, s := freshServer(t, web.Config{})
	d := demoCorpus(t)
	ctx := context.Background()
	const u = "https://evil.example/news/harbour"
	page := &sayso.Page{URL: u, FinalURL: u, StatusCode: 200, FetchedAt: time.Date(2026, 3, 10, 11, 0, 0, 0, time.UTC),
		Header: http.Header{"Content-Type": {"text/html"}}, Body: []byte(hostilePage)}
	art, err := extract.FromPage(page)
	if err != nil {
		t.Fatal(err)
	}
	an, err := d.analyzer.Analyze(ctx, art.Text())
	if err != nil {
		t.Fatal(err)
	}
	res, err := s.Save(ctx, []*sayso.Record{{Page: page, Source: "test", Article: art, Analysis: an}})
	if err != nil {
		t.Fatal(err)
	}
	id := res[0].ArticleID
	if !strings.Contains(art.Title+art.Text(), "alert(") {
		t.Fatalf("the payloads did not survive extraction, so the test tests nothing: %q", art.Title+art.Text())
	}
	for _, path := range []string{
		fmt.Sprintf("/article/%d", id), "/search?q=harbour", "/search?q=Doe", "/outlet/evil.example",
		fmt.Sprintf("/api/v1/articles/%d", id), fmt.Sprintf("/api/v1/articles/%d/annotations", id), "/api/v1/search?q=harbour",
	} {
		t.Run(path, func(t *testing.T) {
			r, body := get(t, srv, path)
			if r.StatusCode != 200 {
				t.Fatalf("status %d", r.StatusCode)
			}
			if strings.HasPrefix(path, "/api/") {
				// JSON is not HTML, but a browser sniffing it must find no markup.
				if strings.Contains(body, "<") {
					t.Errorf("raw < in JSON")
				}
				if !strings.Contains(body, `\u003cscript\u003ealert`) && !strings.Contains(body, `\u003cimg src=x`) {
					t.Errorf("the payload text is missing from the answer")
				}
				return
			}
			for _, bad := range liveMarkup(t, body) {
				t.Errorf("live markup: %s", bad)
			}
			if strings.HasPrefix(path, "/article/") && !strings.Contains(body, "&lt;script&gt;alert") {
				t.Errorf("the payload text is not shown escaped")
			}
		})
	}
}

// liveMarkup parses an HTML page and lists what could run: script
// elements other than the app's own, images and SVG from the page,
// event-handler attributes and javascript: addresses.
func liveMarkup(t *testing.T, page string) []string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var bad []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script":
				if len(n.Attr) == 0 || attr(n, "src") != "/static/app.js" {
					bad = append(bad, "a <script> element")
				}
			case "img", "iframe", "object", "embed":
				bad = append(bad, "an <"+n.Data+"> element")
			}
			for _, a := range n.Attr {
				if strings.HasPrefix(strings.ToLower(a.Key), "on") {
					bad = append(bad, "attribute "+a.Key+" on <"+n.Data+">")
				}
				if (a.Key == "href" || a.Key == "src" || a.Key == "action") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:") {
					bad = append(bad, a.Key+"="+a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return bad
}

// attr returns n's attribute key, "" when absent.
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
