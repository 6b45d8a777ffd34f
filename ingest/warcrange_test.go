package ingest_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/nlnwa/gowarc/v3"
	"github.com/sayso-news/sayso/ingest"
	"github.com/sayso-news/sayso/internal/fakesite"
)

// TestWARCRange shares a WARC's records out in ranges: each range reads
// its own records only, and together they store every page once.
func TestWARCRange(t *testing.T) {
	ctx := context.Background()
	recs := []warcRecord{{kind: gowarc.Warcinfo, raw: "software: sayso-test\r\n"}}
	for i := range 9 {
		recs = append(recs, warcRecord{uri: fmt.Sprintf("https://porthaven.example/news/%d", i),
			raw: response("200 OK", "text/html", fakesite.ArticleHTML(i))})
	}
	e := newEnv(t)
	path := filepath.Join(e.dir, "crawl.warc.gz")
	writeFile(t, path, encodeWARC(t, recs, true))
	n, err := ingest.CountWARCRecords(ctx, path)
	if err != nil || n != len(recs) {
		t.Fatalf("CountWARCRecords = %d, %v; want %d", n, err, len(recs))
	}
	if _, err := ingest.CountWARCRecords(ctx, path+".missing"); err == nil {
		t.Error("CountWARCRecords of a missing file: no error")
	}
	cfg := e.config(t)
	cfg.Analyze = nil
	in, err := ingest.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		from, count int
		want        ingest.Summary
	}{
		{0, 4, ingest.Summary{Read: 3, Stored: 3, Articles: 3}}, // the warcinfo record and 3 pages
		{4, 4, ingest.Summary{Read: 4, Stored: 4, Articles: 4}},
		{8, 4, ingest.Summary{Read: 2, Stored: 2, Articles: 2}},
		{0, 10, ingest.Summary{Duplicates: 9}}, // all again: nothing new
	} {
		sum, err := in.WARCRange(tt.from, tt.count).Run(ctx, []string{path})
		if err != nil {
			t.Fatal(err)
		}
		check(t, sum, tt.want)
	}
}
