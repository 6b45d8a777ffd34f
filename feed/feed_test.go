package feed_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/feed"
)

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Porthaven Post</title>
<item><title>Harbour plan approved</title><link>https://porthaven.example/news/harbour</link>
<pubDate>Tue, 05 Mar 2024 09:30:00 +0000</pubDate></item>
<item><title>Relative link</title><link>/news/relative</link></item>
<item><title>GUID only</title><guid>https://porthaven.example/news/guid</guid></item>
<item><title>No link at all</title></item>
</channel></rss>`

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Coastal Wire</title>
<entry><title>Ferry fares rise</title><link href="https://coastalwire.example/ferry"/>
<updated>2024-03-04T10:00:00Z</updated></entry>
</feed>`

const jsonFeed = `{"version": "https://jsonfeed.org/version/1.1", "title": "Skarvik Daily",
"items": [{"id": "1", "url": "https://skarvik.example/storm", "title": "Storm", "date_published": "2024-03-01T08:00:00Z"}]}`

const sitemap = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://porthaven.example/news/a</loc><lastmod>2024-03-05</lastmod></url>
  <url><loc> https://porthaven.example/news/b </loc>
    <news:news><news:publication><news:name>Porthaven Post</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2024-03-06T07:00:00+01:00</news:publication_date>
      <news:title>Quay reopens</news:title></news:news></url>
  <url><loc>mailto:editor@porthaven.example</loc></url>
</urlset>`

const sitemapIndex = `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://porthaven.example/sitemap-news.xml</loc></sitemap>
  <sitemap><loc>/sitemap-2024.xml.gz</loc><lastmod>2024-03-01</lastmod></sitemap>
</sitemapindex>`

func date(s string) *time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return &t
}

func gz(s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		url  string
		want *feed.Feed
	}{
		{"rss", []byte(rss), "https://porthaven.example/rss.xml", &feed.Feed{Kind: feed.RSS, Title: "Porthaven Post", Entries: []feed.Entry{
			{URL: "https://porthaven.example/news/harbour", Title: "Harbour plan approved", Published: date("2024-03-05T09:30:00Z")},
			{URL: "https://porthaven.example/news/relative", Title: "Relative link"},
			{URL: "https://porthaven.example/news/guid", Title: "GUID only"},
		}}},
		{"atom", []byte(atom), "https://coastalwire.example/atom", &feed.Feed{Kind: feed.Atom, Title: "Coastal Wire", Entries: []feed.Entry{
			{URL: "https://coastalwire.example/ferry", Title: "Ferry fares rise", Published: date("2024-03-04T10:00:00Z")},
		}}},
		{"json feed", []byte(jsonFeed), "https://skarvik.example/feed.json", &feed.Feed{Kind: feed.JSON, Title: "Skarvik Daily", Entries: []feed.Entry{
			{URL: "https://skarvik.example/storm", Title: "Storm", Published: date("2024-03-01T08:00:00Z")},
		}}},
		{"news sitemap", []byte(sitemap), "https://porthaven.example/sitemap.xml", &feed.Feed{Kind: feed.Sitemap, Entries: []feed.Entry{
			{URL: "https://porthaven.example/news/a", Published: date("2024-03-05T00:00:00Z")},
			{URL: "https://porthaven.example/news/b", Title: "Quay reopens", Published: date("2024-03-06T07:00:00+01:00")},
		}}},
		{"gzip sitemap", gz(sitemap), "https://porthaven.example/sitemap.xml.gz", &feed.Feed{Kind: feed.Sitemap, Entries: []feed.Entry{
			{URL: "https://porthaven.example/news/a", Published: date("2024-03-05T00:00:00Z")},
			{URL: "https://porthaven.example/news/b", Title: "Quay reopens", Published: date("2024-03-06T07:00:00+01:00")},
		}}},
		{"sitemap index", []byte(sitemapIndex), "https://porthaven.example/sitemap_index.xml", &feed.Feed{Kind: feed.SitemapIndex, Sitemaps: []string{
			"https://porthaven.example/sitemap-news.xml", "https://porthaven.example/sitemap-2024.xml.gz",
		}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := feed.Parse(tt.data, tt.url)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
			if k := feed.Detect(tt.data); k != tt.want.Kind {
				t.Errorf("Detect = %q, want %q", k, tt.want.Kind)
			}
		})
	}
}

func TestParseBadInput(t *testing.T) {
	deep := "<urlset>" + strings.Repeat("<a>", 10000) + strings.Repeat("</a>", 10000) + "</urlset>"
	tests := []struct {
		name    string
		data    string
		notFeed bool
	}{
		{"html page", "<!doctype html><html><body><p>Hi</p></body></html>", true},
		{"empty", "", true},
		{"binary", "\x00\x01\x02\xff", true},
		{"json that is not a feed", `{"hello": "world"}`, true},
		{"rss with invalid xml", `<rss version="2.0"><channel><title>x</title><item><title>a</item></channel></rss>`, false},
		{"truncated rss", rss[:len(rss)/2], false},
		{"sitemap with invalid xml", `<urlset><url><loc>https://a.example/</loc></urlset>`, false},
		{"truncated sitemap", sitemap[:len(sitemap)/2], false},
		{"deep nesting", deep, false},
		{"broken json feed", `{"version": "https://jsonfeed.org/version/1.1", "items": [`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := feed.Parse([]byte(tt.data), "https://x.example/feed")
			if err == nil {
				t.Fatalf("Parse succeeded with %d entries; want an error", len(f.Entries))
			}
			if sayso.ErrorCodeOf(err) != sayso.EINVALID {
				t.Errorf("code = %s, want EINVALID (%v)", sayso.ErrorCodeOf(err), err)
			}
			if got := errors.Is(err, feed.ErrNotFeed); got != tt.notFeed {
				t.Errorf("errors.Is(ErrNotFeed) = %v, want %v (%v)", got, tt.notFeed, err)
			}
			if !strings.Contains(err.Error(), "https://x.example/feed") {
				t.Errorf("error does not name the document: %v", err)
			}
		})
	}
}

func TestParseTruncatesAtMaxEntries(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
	for i := range feed.MaxEntries + 10 {
		fmt.Fprintf(&b, "<url><loc>https://x.example/%d</loc></url>", i)
	}
	b.WriteString("</urlset>")
	f, err := feed.Parse([]byte(b.String()), "https://x.example/sitemap.xml")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Entries) != feed.MaxEntries || !f.Truncated {
		t.Errorf("%d entries, truncated %v; want %d, true", len(f.Entries), f.Truncated, feed.MaxEntries)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{rss, atom, jsonFeed, sitemap, sitemapIndex, "<html></html>"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fd, err := feed.Parse(data, "https://x.example/feed")
		if err != nil {
			return
		}
		for _, e := range fd.Entries {
			if !strings.HasPrefix(e.URL, "http") {
				t.Fatalf("entry URL %q is not absolute http(s)", e.URL)
			}
		}
	})
}

func ExampleParse() {
	doc := `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
	  <url><loc>/news/harbour-plan</loc><lastmod>2024-03-05</lastmod></url>
	</urlset>`
	f, err := feed.Parse([]byte(doc), "https://porthaven.example/sitemap.xml")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(f.Kind, f.Entries[0].URL, f.Entries[0].Published.Format("2006-01-02"))
	// Output: sitemap https://porthaven.example/news/harbour-plan 2024-03-05
}
