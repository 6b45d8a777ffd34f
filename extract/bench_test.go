package extract

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/net/html"
)

// benchScrapinghub runs fn over every scrapinghub page in each iteration,
// on one goroutine, and reports pages/s.
func benchScrapinghub(b *testing.B, fn func(page []byte, pageURL string)) {
	pages := loadScrapinghub(b)
	var size int64
	for _, p := range pages {
		size += int64(len(p.HTML))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			fn(p.HTML, p.URL)
		}
	}
	b.ReportMetric(float64(b.N*len(pages))/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkFromReader extracts every scrapinghub page once per iteration.
func BenchmarkFromReader(b *testing.B) {
	benchScrapinghub(b, func(page []byte, pageURL string) { _, _ = FromReader(bytes.NewReader(page), pageURL) })
}

// BenchmarkParseOnly is the floor FromReader stands on: x/net/html parsing
// the same pages with nothing else done.
func BenchmarkParseOnly(b *testing.B) {
	benchScrapinghub(b, func(page []byte, _ string) { _, _ = html.Parse(bytes.NewReader(page)) })
}

// BenchmarkSamplePage extracts the repository's sample news page.
func BenchmarkSamplePage(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join("..", "testdata", "sample", "seed-page.html"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := FromReader(bytes.NewReader(raw), "https://courier.example/x"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHostile extracts the pages of hostile_test.go that once made
// the work grow faster than their size. The work now grows linearly, with
// two constant factors left: x/net/html checks its open elements for scope
// at each block tag (deep-many-blocks pays for 480 levels), and re-opens up
// to maxOpenFormatting formatting elements at each run of text.
func BenchmarkHostile(b *testing.B) {
	cases := []struct {
		name string
		page func() string
	}{
		{"deep-many-blocks", deepManyBlocks},
		{"unclosed-formatting", unclosedFormatting},
		{"repeated-html", repeatedRoots("html")},
		{"repeated-body", repeatedRoots("body")},
		{"split-links", splitLinks},
		{"many-credits", manyCredits},
		{"many-headings", manyHeadings},
	}
	for _, bc := range cases {
		b.Run(bc.name, func(b *testing.B) {
			page := []byte(bc.page())
			b.SetBytes(int64(len(page)))
			b.ReportAllocs()
			for b.Loop() {
				_, _ = Options{}.FromBytes(page, "https://example.com/x")
			}
		})
	}
}
