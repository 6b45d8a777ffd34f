package storetest

import (
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sayso-news/sayso"
)

// span returns the code-point span of the n-th occurrence (from 0) of sub in text.
func span(text, sub string, n int) sayso.Span {
	from := 0
	for {
		i := strings.Index(text[from:], sub)
		if i < 0 {
			panic(fmt.Sprintf("storetest: %q not in text", sub))
		}
		if n == 0 {
			start := utf8.RuneCountInString(text[:from+i])
			return sayso.Span{Start: start, End: start + utf8.RuneCountInString(sub)}
		}
		n--
		from += i + len(sub)
	}
}

func seg(text, sub string) *sayso.Segment {
	return &sayso.Segment{Text: sub, Spans: []sayso.Span{span(text, sub, 0)}}
}

// Article fixtures: original prose written for these tests.
var harbourBlocks = []sayso.Block{
	{Kind: sayso.BlockHeading, Text: "Harbour plan approved", Level: 2},
	{Kind: sayso.BlockParagraph, Text: "The city council approved the harbour plan on Tuesday after a long debate about ferry fares."},
	{Kind: sayso.BlockParagraph, Text: "“We listened to every fisherman in Porthaven,” said Mayor Ilse Brandt. “The plan keeps the quay open.”"},
	{Kind: sayso.BlockQuote, Text: "Critics said the cost — about €40 million — was too high."},
	{Kind: sayso.BlockListItem, Text: "New pontoons by 2026", Level: 1, Ordered: true},
	{Kind: sayso.BlockParagraph, Text: "According to the port authority, ferry traffic rose by a fifth last year. Brandt, in a statement, called it “a turning point”. Source: Coastal Wire."},
}

func harbourArticle(url string) *sayso.Article {
	pub := time.Date(2024, 3, 5, 9, 30, 0, 0, time.FixedZone("", 3600))
	mod := time.Date(2024, 3, 5, 11, 0, 0, 0, time.UTC)
	return &sayso.Article{
		URL: url, CanonicalURL: url, Title: "Porthaven council approves harbour plan",
		Authors: []string{"Mara Quist", "Tomas Eld"}, Publisher: "Porthaven Post",
		Published: &pub, Modified: &mod, Language: "en", Description: "The council voted for the plan.",
		Section: "Local", Tags: []string{"harbour", "council"}, Image: "https://porthaven.example/img/quay.jpg",
		Blocks: harbourBlocks,
		Links:  []sayso.Link{{Text: "harbour plan", URL: "https://porthaven.example/plan", Block: 1}},
		Credits: []sayso.Credit{{Kind: sayso.CreditSource, Text: "Source: Coastal Wire.", Outlet: "Coastal Wire",
			URL: "https://coastalwire.example/"}},
		Evidence: map[string]string{"title": "meta:og:title", "published": "json-ld:datePublished"},
		Candidates: []sayso.Candidate{
			{Field: "title", Value: "Porthaven council approves harbour plan", Evidence: "meta:og:title"},
			{Field: "title", Value: "Harbour plan approved | Porthaven Post", Evidence: "title"},
		},
		ExtractorVersion: "test-1",
	}
}

func harbourAnalysis(text string) *sayso.Analysis {
	q1 := "We listened to every fisherman in Porthaven,"
	q2 := "The plan keeps the quay open."
	return &sayso.Analysis{
		Attributions: []sayso.Attribution{
			{
				Kind:       sayso.Direct,
				Source:     seg(text, "Mayor Ilse Brandt"),
				Cue:        seg(text, "said"),
				Content:    sayso.Segment{Text: q1 + " " + q2, Spans: []sayso.Span{span(text, q1, 0), span(text, q2, 0)}},
				Speaker:    &sayso.Speaker{Name: "Ilse Brandt", Type: sayso.Person, Role: "Mayor", Resolution: sayso.ResolvedNamed},
				Confidence: 0.93,
			},
			{
				Kind:       sayso.Indirect,
				Source:     seg(text, "Critics"),
				Cue:        seg(text, "said"),
				Content:    *seg(text, "the cost — about €40 million — was too high"),
				Speaker:    &sayso.Speaker{Type: sayso.Anonymous, Resolution: sayso.Unresolved},
				Confidence: 0.61,
			},
			{
				Kind:       sayso.Indirect,
				Source:     seg(text, "the port authority"),
				Cue:        seg(text, "According to"),
				Content:    *seg(text, "ferry traffic rose by a fifth last year"),
				Speaker:    &sayso.Speaker{Name: "Porthaven Port Authority", Type: sayso.Organisation, Resolution: sayso.ResolvedTitle},
				Medium:     "",
				Confidence: 0.8,
			},
			{
				Kind:    sayso.Mixed,
				Source:  seg(text, "Brandt"),
				Cue:     nil,
				Content: sayso.Segment{Text: "called it “a turning point”", Spans: []sayso.Span{span(text, "called it “a turning point”", 0)}},
				Speaker: &sayso.Speaker{Name: "Ilse Brandt", Type: sayso.Person, Resolution: sayso.ResolvedEarlierMention},
				Medium:  "a statement", Confidence: 0.7,
			},
		},
		Claims: []sayso.Claim{{Text: "The city council approved the harbour plan on Tuesday after a long debate about ferry fares.",
			Span: span(text, "The city council approved the harbour plan on Tuesday after a long debate about ferry fares.", 0)}},
		CitedWorks: []sayso.CitedWork{{Title: "harbour plan", Kind: "report", Span: span(text, "harbour plan", 0)}},
		Entities: []sayso.Entity{
			{Name: "Ilse Brandt", Type: sayso.Person, Role: "Mayor", Aliases: []string{"Brandt", "Mayor Ilse Brandt"}},
			{Name: "Porthaven Port Authority", Type: sayso.Organisation, Aliases: []string{"the port authority"}},
		},
	}
}

func page(url, body string) *sayso.Page {
	h := http.Header{}
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Etag", `"abc"`)
	return &sayso.Page{URL: url, FinalURL: url, StatusCode: 200, Header: h, Body: []byte(body),
		FetchedAt: time.Date(2024, 3, 6, 8, 0, 0, 0, time.UTC)}
}

// harbourRecord is a complete record: page, article and analysis.
func harbourRecord(url string) *sayso.Record {
	a := harbourArticle(url)
	return &sayso.Record{
		Page:    page(url, "<html><body><h2>Harbour plan approved</h2><p>The city council…</p></body></html>"),
		Source:  "test",
		State:   sayso.StateArticle,
		Article: a, Analysis: harbourAnalysis(a.Text()), AnalyzerVersion: "attrib-test",
	}
}

// simpleRecord is an article of a few sentences on its own page.
func simpleRecord(url, title string, paragraphs ...string) *sayso.Record {
	blocks := make([]sayso.Block, len(paragraphs))
	for i, p := range paragraphs {
		blocks[i] = sayso.Block{Kind: sayso.BlockParagraph, Text: p}
	}
	return &sayso.Record{
		Page:   page(url, "<html><title>"+title+"</title><body>"+strings.Join(paragraphs, "<p>")+"</body></html>"),
		Source: "test", State: sayso.StateArticle,
		Article: &sayso.Article{URL: url, Title: title, Authors: []string{}, Blocks: blocks, Credits: []sayso.Credit{},
			ExtractorVersion: "test-1"},
	}
}
