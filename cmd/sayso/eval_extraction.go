package main

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"

	"github.com/sayso-news/sayso/eval/dates"
	"github.com/sayso-news/sayso/eval/extraction"
	"github.com/sayso-news/sayso/extract"
)

// runEvalExtraction implements "sayso eval extraction": article-body F1 on
// the scrapinghub benchmark with the benchmark's own metric, and exact-day
// date accuracy on mediacloud-2020.
func runEvalExtraction(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval extraction", "",
		"Print scrapinghub F1, precision, recall and accuracy (the benchmark's metric) and\n"+
			"mediacloud-2020 exact-day date accuracy, from the shared evaluation data.")
	data := fs.String("data", defaultDataDir(e), "evaluation data `dir` (holds extraction/ and dates/)")
	worst := fs.Int("worst", 0, "also list the `n` worst scrapinghub pages")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	shDir := filepath.Join(*data, "extraction", "scrapinghub")
	if err := requireDir(shDir, "scrapinghub benchmark"); err != nil {
		return err
	}
	pages, err := extraction.Load(shDir)
	if err != nil {
		return err
	}
	r := extraction.Evaluate(ctx, pages, BodyText)
	r.Print(e.stdout)
	for _, res := range r.Worst(*worst) {
		fmt.Fprintf(e.stdout, "  F1 %.3f  %s  %s\n", res.F1(), res.ID[:12], res.URL)
	}

	dDir := filepath.Join(*data, "dates", "mediacloud-2020")
	if err := requireDir(dDir, "mediacloud-2020 dates"); err != nil {
		return err
	}
	dpages, err := dates.Load(dDir)
	if err != nil {
		return err
	}
	dates.Evaluate(ctx, dpages, dates.MetadataReader).Print(e.stdout)
	return ctx.Err()
}

// BodyText is sayso's extraction.Extractor: the article body as plain text.
func BodyText(page []byte, pageURL string) (string, error) {
	a, err := extract.FromReader(bytes.NewReader(page), pageURL)
	if err != nil {
		return "", err
	}
	return a.Text(), nil
}
