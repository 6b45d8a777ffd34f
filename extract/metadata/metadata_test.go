package metadata

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/net/html"
)

func read(t *testing.T, page, pageURL string) *Metadata {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var u *url.URL
	if pageURL != "" {
		u, err = url.Parse(pageURL)
		if err != nil {
			t.Fatal(err)
		}
	}
	return Read(doc, u)
}

func day(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format(time.RFC3339)
}

func TestReadFields(t *testing.T) {
	tests := []struct {
		name, url, page string
		want            Metadata // only the fields checked below
	}{
		{
			name: "json-ld graph with nested author and publisher",
			url:  "https://www.example-times.com/world/harbour-reopens",
			page: `<html lang="en_GB"><head><title>Harbour reopens after storm | Example Times</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"Example Times Online"},
 {"@type":"NewsArticle","headline":"Harbour reopens after storm",
  "datePublished":"2021-03-04T09:15:00+01:00","dateModified":"2021-03-05T10:00:00+01:00",
  "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"}],
  "publisher":{"@type":"Organization","name":"Example Times"},
  "articleSection":"World","keywords":"harbour, storms, shipping","inLanguage":"en-GB"}]}
</script></head><body><h1>Harbour reopens after storm</h1><p>Text.</p></body></html>`,
			want: Metadata{
				Title: "Harbour reopens after storm", Authors: []string{"Jane Doe", "John Roe"},
				Publisher: "Example Times", Language: "en-GB", Section: "World",
				Tags: []string{"harbour", "storms", "shipping"},
			},
		},
		{
			name: "opengraph and meta only, byline with wire service and role",
			url:  "https://news.example.org/2020/03/15/bridge-vote",
			page: `<html><head><meta property="og:title" content="Council backs bridge plan">
<meta property="og:site_name" content="Example News">
<meta name="author" content="By Maria Silva, Staff Writer, and AP">
<meta property="og:locale" content="pt_BR">
<meta property="article:tag" content="transport"><meta property="article:tag" content="council">
</head><body><h1>Council backs bridge plan</h1></body></html>`,
			want: Metadata{
				Title: "Council backs bridge plan", Authors: []string{"Maria Silva"},
				Publisher: "Example News", Language: "pt-BR", Tags: []string{"transport", "council"},
			},
		},
		{
			name: "microdata author item and visible byline fallback for publisher from host",
			url:  "https://www.riverside-gazette.net/local/fair",
			page: `<html><head><title>Fair returns</title></head><body>
<article itemscope itemtype="https://schema.org/NewsArticle">
<h1 itemprop="headline">Fair returns to the river</h1>
<span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Ahmed Khan</span></span>
<p>The fair is back.</p></article></body></html>`,
			want: Metadata{
				Title: "Fair returns to the river", Authors: []string{"Ahmed Khan"},
				Publisher: "riverside-gazette.net",
			},
		},
		{
			name: "visible byline splits a list and drops the outlet",
			url:  "https://www.daily-example.com/a",
			page: `<html><head><meta property="og:site_name" content="Daily Example"></head><body>
<h1>Storm hits coast</h1><p class="byline">By Jane Doe, John Roe and Ana Lima | Updated 3 March 2020</p>
<p>Body text that goes on for a while about the storm and the coast.</p></body></html>`,
			want: Metadata{
				Title: "Storm hits coast", Authors: []string{"Jane Doe", "John Roe", "Ana Lima"},
				Publisher: "Daily Example",
			},
		},
		{
			name: "only outlets in the byline: no authors",
			url:  "https://www.example.com/b",
			page: `<html><head><meta name="author" content="Reuters Staff"></head><body>
<h1>Markets fall</h1><div class="byline">By AP</div><p>Markets fell.</p></body></html>`,
			want: Metadata{Title: "Markets fall", Publisher: "example.com"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			md := read(t, tc.page, tc.url)
			got := Metadata{Title: md.Title, Authors: md.Authors, Publisher: md.Publisher,
				Language: md.Language, Section: md.Section, Tags: md.Tags}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("metadata mismatch (-want +got):\n%s\ncandidates: %v", diff, md.Candidates)
			}
		})
	}
}

func TestReadDates(t *testing.T) {
	tests := []struct {
		name, url, page         string
		published, modified, ev string
	}{
		{
			name:      "json-ld keeps the page's offset",
			page:      `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-06-07T23:30:00+03:00","dateModified":"2020-06-08T08:00:00+03:00"}</script>`,
			published: "2020-06-07T23:30:00+03:00", modified: "2020-06-08T08:00:00+03:00",
			ev: "json-ld:NewsArticle.datePublished",
		},
		{
			name:      "malformed json-ld with a stray brace and raw newline is still read",
			page:      "<script type=\"application/ld+json\">{\"@type\":\"BlogPosting\",\"headline\":\"a\nb\",\"datePublished\":\"2019-11-02\",}}</script>",
			published: "2019-11-02T00:00:00Z", ev: "json-ld:BlogPosting.datePublished",
		},
		{
			name:      "article:published_time beats the URL",
			url:       "https://example.com/2020/03/14/story",
			page:      `<meta property="article:published_time" content="2020-03-15T14:20:30Z">`,
			published: "2020-03-15T14:20:30Z", ev: "meta:article:published_time",
		},
		{
			name:      "UTC timestamp takes the day the URL shows",
			url:       "https://example.com/2021/03/08/story/",
			page:      `<meta property="article:published_time" content="2021-03-09T03:40:00Z">`,
			published: "2021-03-08T00:00:00Z", ev: "meta:article:published_time (day as shown: url)",
		},
		{
			name:      "date only from the URL",
			url:       "https://example.com/news/2019/12/31/year-ends.html",
			page:      `<p>Nothing here.</p>`,
			published: "2019-12-31T00:00:00Z", ev: "url",
		},
		{
			name:      "labelled visible line in German, and its update",
			page:      `<h1>Titel</h1><p class="meta">Veröffentlicht am 3. März 2020, aktualisiert am 4. März 2020</p><p>Text.</p>`,
			published: "2020-03-03T00:00:00Z", modified: "2020-03-04T00:00:00Z", ev: "text:published-label",
		},
		{
			name:      "Russian date line near the headline",
			page:      `<h1>Заголовок</h1><div class="date">15 марта 2020, 10:20</div><p>Текст статьи.</p>`,
			published: "2020-03-15T00:00:00Z", ev: "text:near-headline",
		},
		{
			name:      "article timestamp with a time beats the site header's date",
			page:      `<div class="top">Tue, 14 Jan 2020</div><h1>Fire contained</h1><div class="info">13 Jan 2020, 22:11 GMT+10</div><p>Text.</p>`,
			published: "2020-01-13T00:00:00Z", ev: "text:near-headline",
		},
		{
			name:      "Arabic-Indic digits and an Arabic month",
			page:      `<h1>عنوان</h1><span class="date">الأربعاء، ٠٧ أكتوبر ٢٠٢٠</span>`,
			published: "2020-10-07T00:00:00Z", ev: "text:near-headline",
		},
		{
			name:      "pubdate time element",
			page:      `<article><h1>T</h1><time pubdate datetime="2018-05-06T07:08:09-04:00">May 6</time></article>`,
			published: "2018-05-06T07:08:09-04:00", ev: "time[pubdate]",
		},
		{
			name:      "json-ld about another page ranks below the page's meta",
			url:       "https://example.com/news/harbour-reopens",
			page:      `<link rel="canonical" href="https://example.com/news/harbour-reopens"><meta property="article:published_time" content="2021-03-04"><script type="application/ld+json">{"@type":"NewsArticle","url":"https://example.com/news/older-story","datePublished":"2021-02-01"}</script>`,
			published: "2021-03-04T00:00:00Z", ev: "meta:article:published_time",
		},
		{
			name:      "json-ld about the canonical page keeps its rank behind a feed redirect",
			url:       "https://feeds.example.net/~r/abc/123",
			page:      `<link rel="canonical" href="https://example.com/news/harbour-reopens"><meta property="article:published_time" content="2021-03-05"><script type="application/ld+json">{"@type":"NewsArticle","url":"https://example.com/news/harbour-reopens/","datePublished":"2021-03-04"}</script>`,
			published: "2021-03-04T00:00:00Z", ev: "json-ld:NewsArticle.datePublished",
		},
		{
			name:      "UTC timestamp moved into the zone the page's other timestamps carry",
			page:      `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"Fri Apr 16 2021 02:30:10 GMT+0000"}</script><meta property="og:updated_time" content="2021-04-15T22:41:00-05:00">`,
			published: "2021-04-15T21:30:10-05:00", modified: "2021-04-15T22:41:00-05:00",
			ev: "json-ld:NewsArticle.datePublished (in the page's zone, from meta:og:updated_time)",
		},
		{
			name:      "hAtom microformat",
			page:      `<div class="hentry"><h1 class="entry-title">T</h1><abbr class="published" title="2012-09-05T08:00:00+02:00">5 Sep</abbr><abbr class="updated" title="2012-09-06T08:00:00+02:00">6 Sep</abbr></div>`,
			published: "2012-09-05T08:00:00+02:00", modified: "2012-09-06T08:00:00+02:00", ev: "microformat:published",
		},
		{
			name:      "a visible date outside the URL's month is an archive link",
			url:       "https://someone.example.org/2020/07/consumers-appeal.html",
			page:      `<div class="archive"><a>30 June 2020</a></div><div class="post"><h2>Consumers appeal</h2><span class="date">Sunday, July 05, 2020</span></div>`,
			published: "2020-07-05T00:00:00Z", ev: "text:date-element",
		},
		{
			name:      "an h2 headline anchors the date line when the h1 is the logo",
			page:      `<h1 class="logo">Example Star</h1><span class="date">Tue, 14 Jan 2020</span><h2>Megablaze brought under control</h2><p>Agency<br>13 Jan 2020, 22:11 GMT+10</p><p>Text.</p>`,
			published: "2020-01-13T00:00:00Z", ev: "text:near-headline",
		},
		{
			name:      "a date inside a sentence near the headline is a mention, not the date line",
			page:      `<h1>Council sets vote</h1><p class="standfirst">Councillors agreed on Monday that the final vote on the bridge plan will take place on 15 March 2021.</p><div class="byline">By Jane Doe, 2 March 2021</div>`,
			published: "2021-03-02T00:00:00Z", ev: "text:near-headline",
		},
		{
			name:      "a page that gives only its update date is dated by it",
			page:      `<h1>Guide</h1><p class="date">Last updated on 17 December 2025</p><p>Text.</p>`,
			published: "2025-12-17T00:00:00Z", modified: "2025-12-17T00:00:00Z", ev: "text:updated-label",
		},
		{
			name:      "the date shown by the headline beats metadata the page shows nowhere",
			page:      `<meta property="article:published_time" content="2024-07-05T14:20:08Z"><h1>Healthy eating</h1><div class="date">March 1, 2024</div><p>Text.</p>`,
			published: "2024-03-01T00:00:00Z",
			ev:        "text:near-headline (shown by the headline; the metadata's meta:article:published_time is not on the page)",
		},
		{
			name:      "metadata the page shows, the day before in its zone, stays",
			url:       "https://example.com/2025/12/18/story",
			page:      `<meta property="article:published_time" content="2025-12-19T03:05:00Z"><h1>Story</h1><div class="date">December 18, 2025</div><p>Text.</p>`,
			published: "2025-12-18T00:00:00Z", ev: "meta:article:published_time (day as shown: url)",
		},
		{
			name:      "a <time> by the headline holding the update day does not replace the publication date",
			page:      `<meta property="article:published_time" content="2020-01-05T16:32:00Z"><meta property="article:modified_time" content="2025-06-02T02:29:20Z"><h1>Story</h1><time datetime="2025-06-02T02:29:20Z"></time><p>Text.</p>`,
			published: "2020-01-05T16:32:00Z", modified: "2025-06-02T02:29:20Z", ev: "meta:article:published_time",
		},
		{
			name:      "several days by the headline are a list's, not the article's",
			page:      `<meta property="article:published_time" content="2020-10-26T18:10:00+01:00"><h1>Story</h1><ul><li><span class="date">9 August 2020</span></li><li><span class="date">25 May 2020</span></li></ul><p>Text.</p>`,
			published: "2020-10-26T18:10:00+01:00", ev: "meta:article:published_time",
		},
		{
			name:      "a date heading dates the post; a title naming a date does not",
			page:      `<h1>Results of 11 July 2020</h1><h2 class="date-header"><span>Monday, September 8, 2008</span></h2><p>Text.</p>`,
			published: "2008-09-08T00:00:00Z", ev: "text:near-headline",
		},
		{
			name:      "a date line in a page builder's post sidebar is read, a comment's is not",
			page:      `<h1>Story</h1><div class="comments"><span class="comment-date">March 3, 2024</span></div><p>Text.</p><p>More text.</p><p>Even more.</p><p>And more.</p><p>Still more.</p><div class="single-post-sidebar"><div class="single-post-date">July 8, 2025</div></div>`,
			published: "2025-07-08T00:00:00Z", ev: "text:date-element",
		},
		{
			name:      "a data layer's publishDate in an inline script",
			page:      `<script>window.dataLayer = [{"pageType":"article","createDate":"2019-09-12","publishDate":"2025-05-27"}];</script><h1>Story</h1><p>Text.</p>`,
			published: "2025-05-27T00:00:00Z", ev: "script:publishDate",
		},
		{
			name:      "a site's own meta name for the publication date",
			page:      `<meta name="w-published-date" content="2025-05-27T06:03:43.274Z"><h1>Story</h1>`,
			published: "2025-05-27T06:03:43Z", ev: "meta:w-published-date",
		},
		{
			name:      "JSON-LD put in a meta tag",
			page:      `<meta name="script:ld+json" content="{&quot;@type&quot;:&quot;Article&quot;,&quot;datePublished&quot;:&quot;2025-11-17T09:00:00-05:00&quot;}"><h1>Story</h1>`,
			published: "2025-11-17T09:00:00-05:00", ev: "json-ld:Article.datePublished",
		},
		{
			name:      "a component's JSON props in an attribute",
			page:      `<div data-props="{&quot;title&quot;:&quot;Story&quot;,&quot;datePublished&quot;:&quot;2024-02-03T10:00:00Z&quot;}"></div><h1>Story</h1>`,
			published: "2024-02-03T10:00:00Z", ev: "script:datePublished",
		},
		{
			name:      "JSON escaped in a script's string (streamed app state)",
			page:      `<script>self.__next_f.push([1,"{\"headline\":\"Story\",\"datePublished\":\"2026-01-29T18:40:00+09:00\"}"])</script><h1>Story</h1>`,
			published: "2026-01-29T18:40:00+09:00", ev: "script:datePublished",
		},
		{
			name:      "a data- attribute named as a date",
			page:      `<h1>Story</h1><div class="byline" data-deploy-dt="2026.01.29 18:40" data-re-deploy-dt="2026.01.29 18:49">Reporter</div><p>Text.</p>`,
			published: "2026-01-29T18:40:00Z", modified: "2026-01-29T18:49:00Z", ev: "attr:data-deploy-dt",
		},
		{
			name:      "a publication date after the last modification is broken; the labelled date is the article's",
			page:      `<meta property="article:published_time" content="2026-09-03"><meta property="article:modified_time" content="2026-07-03"><h1>Fasting</h1><p class="meta">Published March 9, 2026</p><p>Text.</p>`,
			published: "2026-03-09T00:00:00Z", modified: "2026-07-03T00:00:00Z",
			ev: "text:published-label (shown by the headline; the metadata's meta:article:published_time is not on the page)",
		},
		{
			name:      "a live blog's entry dates do not move its timestamp's day",
			page:      `<script type="application/ld+json">{"@type":"LiveBlogPosting","datePublished":"2024-08-04T13:23:00Z"}</script><h1>Riots live</h1><p>Intro.</p>` + strings.Repeat("<p>More.</p>", 20) + `<div class="entry"><span class="entry-date">5 August 2024</span></div>`,
			published: "2024-08-04T13:23:00Z", ev: "json-ld:LiveBlogPosting.datePublished",
		},
		{
			name: "implausible years rejected",
			page: `<meta property="article:published_time" content="1970-01-01T00:00:00Z"><meta name="date" content="2999-01-01">`,
		},
		{
			name:      "a visible date after every structured date is an event, not the article's",
			page:      `<meta property="article:published_time" content="2020-05-01"><h1>Concert announced</h1><p class="date">Published 12 August 2021</p>`,
			published: "2020-05-01T00:00:00Z", ev: "meta:article:published_time",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			head := "<head></head>"
			if strings.Contains(tc.name, "h2 headline") {
				head = "<head><title>Megablaze brought under control</title></head>"
			}
			md := read(t, "<html>"+head+"<body>"+tc.page+"</body></html>", tc.url)
			if got := day(md.Published); got != tc.published {
				t.Errorf("published = %q, want %q (evidence %q)\ncandidates: %v", got, tc.published, md.Evidence["published"], md.Candidates)
			}
			if got := day(md.Modified); got != tc.modified {
				t.Errorf("modified = %q, want %q", got, tc.modified)
			}
			if got := md.Evidence["published"]; got != tc.ev {
				t.Errorf("published evidence = %q, want %q", got, tc.ev)
			}
		})
	}
}

func TestReadNow(t *testing.T) {
	doc, _ := html.Parse(strings.NewReader(`<meta property="article:published_time" content="2030-01-01"><meta name="date" content="2020-01-01">`))
	cases := []struct {
		name string
		now  time.Time
		want string
	}{
		{"fetched in 2025", time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), "2020-01-01T00:00:00Z"},
		{"no fetch time", time.Time{}, "2030-01-01T00:00:00Z"},
		{"Unix epoch file time", time.Unix(0, 0).UTC(), "2030-01-01T00:00:00Z"},
		{"zip file time", time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC), "2030-01-01T00:00:00Z"},
	}
	for _, tc := range cases {
		md := ReadOptions(doc, nil, Options{Now: tc.now})
		if got := day(md.Published); got != tc.want {
			t.Errorf("%s: published = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestCandidatesKeepEvidence(t *testing.T) {
	md := read(t, `<html><head><meta property="og:title" content="A"><title>B</title></head><body><h1>C</h1></body></html>`, "")
	seen := map[string]bool{}
	for _, c := range md.Candidates {
		if c.Field == "title" {
			seen[c.Evidence+"="+c.Value] = true
		}
	}
	for _, want := range []string{"meta:og:title=A", "title=B", "h1=C"} {
		if !seen[want] {
			t.Errorf("missing title candidate %s in %v", want, md.Candidates)
		}
	}
	if md.Title != "A" || md.Evidence["title"] != "meta:og:title" {
		t.Errorf("title = %q from %q, want A from meta:og:title", md.Title, md.Evidence["title"])
	}
}

func TestNilDocument(t *testing.T) {
	if md := Read(nil, nil); md == nil || md.Published != nil {
		t.Fatalf("Read(nil) = %+v", md)
	}
}

func TestDeepAndHugeInput(t *testing.T) {
	// html.Parse refuses more than 512 open elements, but a caller may
	// build a tree by hand: 100,000 levels must not recurse without bound.
	doc := &html.Node{Type: html.DocumentNode}
	n := doc
	for i := 0; i < 100000; i++ {
		c := &html.Node{Type: html.ElementNode, Data: "div"}
		n.AppendChild(c)
		n = c
	}
	n.AppendChild(&html.Node{Type: html.TextNode, Data: "Published 3 March 2020"})
	if md := Read(doc, nil); md == nil {
		t.Fatal("Read returned nil")
	}

	// Nested itemprop elements over a broad empty subtree: each property's
	// text read is bounded, so the walk stays linear.
	doc = &html.Node{Type: html.DocumentNode}
	n = doc
	for i := 0; i < 500; i++ {
		c := &html.Node{Type: html.ElementNode, Data: "div", Attr: []html.Attribute{{Key: "itemprop", Val: "author"}}}
		n.AppendChild(c)
		for j := 0; j < 1000; j++ {
			c.AppendChild(&html.Node{Type: html.ElementNode, Data: "span"})
		}
		n = c
	}
	if md := Read(doc, nil); len(md.Authors) != 0 {
		t.Errorf("authors from empty elements: %v", md.Authors)
	}

	var b strings.Builder
	b.WriteString(`<html><body><script type="application/ld+json">[`)
	for i := 0; i < 50000; i++ {
		b.WriteString(`{"@type":"NewsArticle","datePublished":"2020-01-01"},`)
	}
	b.WriteString(`{}]</script>`)
	md := read(t, b.String(), "")
	if len(md.Candidates) > maxCandidates {
		t.Errorf("%d candidates kept, bound is %d", len(md.Candidates), maxCandidates)
	}

	// JSON-LD articles naming their addresses, and 50,000 og:url and
	// canonical tags: each article was checked against every tag (44 s
	// with 1,900 articles).
	b.Reset()
	b.WriteString(`<script type="application/ld+json">{"@graph":[`)
	for i := range 900 {
		fmt.Fprintf(&b, `{"@type":"NewsArticle","url":"https://e.example/a%d","datePublished":"2020-01-%02d"},`, i, 1+i%28)
	}
	b.WriteString(`{"@type":"NewsArticle","url":"https://e.example/story/","datePublished":"2021-05-06"}]}</script>`)
	b.WriteString(strings.Repeat(`<meta property="og:url" content="https://e.example/story"><link rel="canonical" href="https://e.example/story">`, 50000))
	md = read(t, b.String(), "https://e.example/story?ref=feed")
	if got := day(md.Published); got != "2021-05-06T00:00:00Z" {
		t.Errorf("published %q, want the JSON-LD article that is this page's", got)
	}
	doc, _ = html.Parse(strings.NewReader(b.String()))
	if p := walk(doc); len(p.metas) > maxHeadTags || len(p.links) > maxHeadTags {
		t.Errorf("%d meta and %d link tags kept, bound is %d", len(p.metas), len(p.links), maxHeadTags)
	}

	// Megabytes of og:title, against which every heading's words were
	// searched: titles are cut to a line's length.
	huge := strings.Repeat(`<meta property="og:title" content="`+strings.Repeat("lorem ipsum ", 50000)+`">`, 12)
	md = read(t, huge+`<h1>Ferry fares frozen</h1><h2>`+strings.Repeat("zz yy ", 100)+`</h2>`, "")
	if md.Title == "" {
		t.Error("no title")
	}
}
