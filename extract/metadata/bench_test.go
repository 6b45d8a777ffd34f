package metadata

import (
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// benchPage is a news page of typical shape: a head of meta tags and
// JSON-LD, navigation, a dated and bylined article, related links, footer.
func benchPage() string {
	var b strings.Builder
	b.WriteString(`<html lang="en"><head><title>Harbour reopens after storm | Example Times</title>
<meta property="og:title" content="Harbour reopens after storm"><meta property="og:site_name" content="Example Times">
<meta property="article:published_time" content="2021-03-04T09:15:00+01:00"><meta name="author" content="Jane Doe">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Harbour reopens after storm","datePublished":"2021-03-04T09:15:00+01:00","author":{"@type":"Person","name":"Jane Doe"},"publisher":{"@type":"Organization","name":"Example Times"}}</script>
</head><body><nav><ul>`)
	for i := 0; i < 40; i++ {
		b.WriteString(`<li><a href="/section">Section</a></li>`)
	}
	b.WriteString(`</ul></nav><article><h1>Harbour reopens after storm</h1><p class="byline">By Jane Doe</p><time datetime="2021-03-04T09:15:00+01:00">4 March 2021</time>`)
	for i := 0; i < 30; i++ {
		b.WriteString(`<p>The harbour reopened on Thursday after a storm closed it for three days, the port authority said, and ferries resumed their timetable.</p>`)
	}
	b.WriteString(`</article><aside class="related"><ul>`)
	for i := 0; i < 20; i++ {
		b.WriteString(`<li><a href="/x">Another story</a> <span class="date">3 March 2021</span></li>`)
	}
	b.WriteString(`</ul></aside><footer>© 2021 Example Times</footer></body></html>`)
	return b.String()
}

func BenchmarkRead(b *testing.B) {
	page := benchPage()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		b.Fatal(err)
	}
	u, _ := url.Parse("https://www.example-times.com/2021/03/04/harbour")
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		Read(doc, u)
	}
}

func BenchmarkParseDate(b *testing.B) {
	inputs := []string{"2020-03-15T10:20:30+03:00", "15 марта 2020", "Sun, 15 Mar 2020 10:20:30 GMT", "March 15, 2020"}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range inputs {
			ParseDate(s)
		}
	}
}
