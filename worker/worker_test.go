package worker_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/extract"
	"github.com/sayso-news/sayso/ingest"
	"github.com/sayso-news/sayso/internal/fakesite"
	"github.com/sayso-news/sayso/store/postgres"
	"github.com/sayso-news/sayso/store/postgres/pgtest"
	"github.com/sayso-news/sayso/worker"
)

// TestReprocessJobs runs a worker in this process on a corpus of pages
// read from files: reprocessing them all as jobs (twice, as at-least-once
// delivery may) replaces each article in place, and rebuilding the
// provenance indexes as a job leaves the corpus as it was.
func TestReprocessJobs(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.NewDatabase(t)
	s, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	dir := t.TempDir()
	const pages = 40
	for i := range pages {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%02d.html", i)), []byte(fakesite.ArticleHTML(i)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg := ingest.Config{Store: s, Extract: extract.FromPage}
	in, err := ingest.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if sum, err := in.Run(ctx, []string{dir}); err != nil || sum.Stored != pages {
		t.Fatalf("ingest: %+v, %v", sum, err)
	}
	digest := func() string {
		var n, maxID int
		var versions string
		if err := s.DB().QueryRowContext(ctx, `SELECT count(*), max(id), string_agg(DISTINCT extractor_version, ',') FROM articles`).Scan(&n, &maxID, &versions); err != nil {
			t.Fatal(err)
		}
		var clustered int
		if err := s.DB().QueryRowContext(ctx, `SELECT count(*) FROM copy_members`).Scan(&clustered); err != nil {
			t.Fatal(err)
		}
		return fmt.Sprintf("%d articles up to id %d (%s), %d clustered", n, maxID, versions, clustered)
	}
	before := digest()

	pool, err := worker.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	ins, err := worker.NewInserter(pool)
	if err != nil {
		t.Fatal(err)
	}
	jobs, err := worker.ReprocessJobs(ctx, s.DB(), "")
	if err != nil || len(jobs) != 1 {
		t.Fatalf("ReprocessJobs = %v, %v", jobs, err)
	}
	// The same span twice, as a redelivered job would run, then a rebuild.
	jobs = append(jobs, worker.ReprocessArgs{From: 1, To: pages}, worker.ReindexArgs{})
	if n, err := ins.Insert(ctx, jobs); err != nil || n != 3 {
		t.Fatalf("Insert = %d, %v", n, err)
	}
	wctx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	// This "version" of sayso marks what it extracts.
	again := cfg
	again.Extract = func(p *sayso.Page) (*sayso.Article, error) {
		a, err := extract.FromPage(p)
		if a != nil {
			a.ExtractorVersion = "again"
		}
		return a, err
	}
	go func() {
		done <- worker.Run(wctx, worker.Config{Pool: pool, Store: s, Ingest: again, Concurrency: 1, PollInterval: 50 * time.Millisecond})
	}()
	deadline := time.Now().Add(time.Minute)
	for {
		var pending int
		if err := s.DB().QueryRowContext(ctx, `SELECT count(*) FROM river_job WHERE state <> 'completed'`).Scan(&pending); err != nil {
			t.Fatal(err)
		}
		if pending == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d jobs not completed within a minute", pending)
		}
		time.Sleep(50 * time.Millisecond) // polling interval, not synchronisation
	}
	stop()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(before, "("+sayso.Version+")", "(again)", 1)
	if got := digest(); got != want || want == before {
		t.Errorf("after reprocessing: %s, want %s (before: %s)", got, want, before)
	}
	var replaced int
	if err := s.DB().QueryRowContext(ctx, `SELECT count(*) FROM river_job WHERE kind = $1`, worker.ReprocessArgs{}.Kind()).Scan(&replaced); err != nil || replaced != 2 {
		t.Errorf("%d reprocess jobs, %v", replaced, err)
	}
}
