package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/attrib"
	"github.com/sayso-news/sayso/eval/attribution"
)

// runEvalAttribution implements "sayso eval attribution": component and
// attribution-level scores on PolNeAR dev, and the seed article check.
func runEvalAttribution(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval attribution", "",
		"Print component exact-span P/R/F1 (Source, Cue, Content), attribution-level lenient and\n"+
			"strict F1, the same by kind, source accuracy on direct and mixed quotes, on PolNeAR dev\n"+
			"(reference: the first-listed annotator per article in metadata.tsv), and check the seed article.")
	data := fs.String("data", defaultDataDir(e), "evaluation data `dir` (holds attribution/polnear; the seed is in dir/../seed)")
	modelPath := fs.String("model", "", "model `file` to evaluate instead of the embedded one")
	fast := fs.Bool("fast", false, "evaluate the embedded model that does without the dependency parse")
	split := fs.String("split", "dev", "PolNeAR `split` to score (dev; never train for figures)")
	diag := fs.String("diag", "", "write per-article span disagreements to `file`")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	an, err := analyzer(*modelPath, *fast)
	if err != nil {
		return err
	}
	dir := filepath.Join(*data, "attribution", "polnear")
	if err := requireDir(dir, "PolNeAR"); err != nil {
		return err
	}
	docs, err := attribution.LoadSplit(dir, *split)
	if err != nil {
		return err
	}
	start := time.Now()
	preds, err := analyzeAll(ctx, an, docs)
	if err != nil {
		return err
	}
	elapsed := time.Since(start)
	var s attribution.Scores
	for i, d := range docs {
		s.Add(d.Text, d.Attributions, preds[i])
	}
	fmt.Fprintf(e.stdout, "PolNeAR %s (reference: first-listed annotator per article in metadata.tsv)\n", *split)
	s.Print(e.stdout)
	fmt.Fprintf(e.stdout, "(analysed in %s)\n\n", elapsed.Round(time.Millisecond))
	seedDir := filepath.Join(*data, "..", "seed")
	if err := requireDir(seedDir, "seed article"); err != nil {
		return err
	}
	seed, err := attribution.LoadSeed(seedDir)
	if err != nil {
		return err
	}
	res, err := an.Analyze(ctx, seed.Text)
	if err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	seed.Check(res).Print(e.stdout)
	if *diag != "" {
		f, err := os.Create(*diag)
		if err != nil {
			return err
		}
		for i, d := range docs {
			attribution.Diagnose(f, d.Name, d.Text, d.Attributions, preds[i])
		}
		if err := f.Close(); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// analyzer returns the analyzer for a model file, or for the embedded
// model: the one that reads the dependency parse, or with fast the one
// that does without.
func analyzer(path string, fast bool) (*attrib.Analyzer, error) {
	if path == "" {
		if fast {
			return attrib.NewFast()
		}
		return attrib.New()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := attrib.ReadModel(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return attrib.NewWithModel(m), nil
}

// analyzeAll analyses the documents on all cores.
func analyzeAll(ctx context.Context, an *attrib.Analyzer, docs []attribution.Document) ([][]sayso.Attribution, error) {
	out := make([][]sayso.Attribution, len(docs))
	errs := make([]error, len(docs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				res, err := an.Analyze(ctx, docs[i].Text)
				if err != nil {
					errs[i] = fmt.Errorf("%s: %w", docs[i].Name, err)
					continue
				}
				out[i] = res.Attributions
			}
		}()
	}
	for i := range docs {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
