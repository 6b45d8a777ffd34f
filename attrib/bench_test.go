package attrib

import (
	"context"
	"testing"

	"github.com/sayso-news/sayso/eval/attribution"
)

// BenchmarkAnalyze analyses every PolNeAR dev text on one goroutine; the
// MB/s it reports is text analysed per second per core.
func BenchmarkAnalyze(b *testing.B) {
	docs, err := attribution.LoadSplit(polnearDir(b), "dev")
	if err != nil {
		b.Fatal(err)
	}
	an, err := New()
	if err != nil {
		b.Fatal(err)
	}
	total := 0
	for _, d := range docs {
		total += len(d.Text)
	}
	b.SetBytes(int64(total))
	ctx := context.Background()
	b.ResetTimer()
	for range b.N {
		for _, d := range docs {
			if _, err := an.Analyze(ctx, d.Text); err != nil {
				b.Fatal(err)
			}
		}
	}
}
