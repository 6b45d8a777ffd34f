package trace

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/extract"
	"github.com/sayso-news/sayso/ingest"
	"github.com/sayso-news/sayso/internal/benchdata"
	"github.com/sayso-news/sayso/store"
	"github.com/sayso-news/sayso/store/sqlite"
)

// WriteWARC writes pages, in order, as a WARC file at path: how the
// evaluation hands them to the ingest pipeline.
func WriteWARC(path string, pages []Page) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	for _, p := range pages {
		if err := benchdata.WriteRecord(w, p.URL, p.HTML, p.Fetched); err != nil {
			f.Close()
			return fmt.Errorf("write %s: %w", path, err)
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Ingest stores pages through the real pipeline — a WARC file read,
// extracted, attributed with analyze (none when nil) and stored with its
// provenance indexes — in a new SQLite store in dir, and returns it open.
func Ingest(ctx context.Context, dir string, pages []Page, analyze ingest.AnalyzeFunc) (*store.Store, error) {
	warc := filepath.Join(dir, "pages.warc.gz")
	if err := WriteWARC(warc, pages); err != nil {
		return nil, err
	}
	s, err := sqlite.Open(ctx, filepath.Join(dir, "trace-eval.db"))
	if err != nil {
		return nil, err
	}
	in, err := ingest.New(ingest.Config{Store: s, Extract: extract.FromPage, Analyze: analyze,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		s.Close()
		return nil, err
	}
	sum, err := in.Run(ctx, []string{warc})
	if err == nil && sum.Stored != len(pages) {
		err = fmt.Errorf("stored %d of %d pages (%d failed, %d duplicates)", sum.Stored, len(pages), sum.Failed, sum.Duplicates)
	}
	if err != nil {
		s.Close()
		return nil, fmt.Errorf("ingest: %w", err)
	}
	return s, nil
}

// Predicted reads every copy cluster and quote trace of a store, as the
// exports list them.
func Predicted(ctx context.Context, s sayso.Store) ([]*sayso.CopyCluster, []*sayso.QuoteTrace, error) {
	var clusters []*sayso.CopyCluster
	for after := int64(0); ; {
		cs, err := s.CopyClusters(ctx, after, 200)
		if err != nil {
			return nil, nil, err
		}
		if len(cs) == 0 {
			break
		}
		clusters = append(clusters, cs...)
		after = cs[len(cs)-1].ID
	}
	var traces []*sayso.QuoteTrace
	for after := int64(0); ; {
		ts, err := s.QuoteTraces(ctx, after, 200)
		if err != nil {
			return nil, nil, err
		}
		if len(ts) == 0 {
			break
		}
		traces = append(traces, ts...)
		after = ts[len(ts)-1].ID
	}
	return clusters, traces, nil
}

// Evaluate generates a set from texts, stores it through the pipeline in
// dir and scores the store's clusters and traces.
func Evaluate(ctx context.Context, dir string, texts []Text, cfg Config, analyze ingest.AnalyzeFunc) (Report, error) {
	c, err := Generate(texts, cfg)
	if err != nil {
		return Report{}, err
	}
	s, err := Ingest(ctx, dir, c.Pages, analyze)
	if err != nil {
		return Report{}, err
	}
	defer s.Close()
	clusters, traces, err := Predicted(ctx, s)
	if err != nil {
		return Report{}, err
	}
	r := Score(c.Truth, clusters, traces)
	r.Articles = len(c.Pages)
	return r, nil
}
