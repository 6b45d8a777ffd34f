package extract

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/net/html"
)

// BenchmarkFromReader extracts every scrapinghub page once per iteration,
// on one goroutine; pages/s is 181 × iterations / time.
func BenchmarkFromReader(b *testing.B) {
	pages := loadScrapinghub(b)
	var size int64
	for _, p := range pages {
		size += int64(len(p.HTML))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range pages {
			_, _ = FromReader(bytes.NewReader(p.HTML), p.URL)
		}
	}
	b.ReportMetric(float64(b.N*len(pages))/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkSamplePage extracts the repository's sample news page.
func BenchmarkSamplePage(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join("..", "testdata", "sample", "seed-page.html"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := FromReader(bytes.NewReader(raw), "https://courier.example/x"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseOnly is the floor FromReader stands on: x/net/html parsing
// the same pages with nothing else done.
func BenchmarkParseOnly(b *testing.B) {
	pages := loadScrapinghub(b)
	var size int64
	for _, p := range pages {
		size += int64(len(p.HTML))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range pages {
			_, _ = html.Parse(bytes.NewReader(p.HTML))
		}
	}
	b.ReportMetric(float64(b.N*len(pages))/b.Elapsed().Seconds(), "pages/s")
}
