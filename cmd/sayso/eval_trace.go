package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/sayso-news/sayso/attrib"
	evaltrace "github.com/sayso-news/sayso/eval/trace"
)

// runEvalTrace implements "sayso eval trace": provenance tracing scored on
// sets generated from the shared data's texts.
func runEvalTrace(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval trace", "",
		"Generate evaluation sets of syndicated copies, separately written stories and quotes\n"+
			"that travel (exact, truncated, partial, altered, misattributed) from real texts, store\n"+
			"them through the whole pipeline (extract, attribute, store, provenance indexes) and\n"+
			"print precision and recall of copy pairs, original named, appearances found, first\n"+
			"appearance right, and the altered and misattributed flags: on the development set\n"+
			"(PolNeAR train texts) and the held-out set (PolNeAR dev texts, scrapinghub and\n"+
			"wcxb-dev bodies).")
	data := fs.String("data", defaultDataDir(e), "evaluation data `dir`")
	seed := fs.Uint64("seed", 1, "random `seed` of the generator")
	stories := fs.Int("stories", 150, "original articles per set")
	set := fs.String("set", "both", "which set: dev, heldout or both")
	keep := fs.String("keep", "", "keep each set's WARC file and store in this `dir`")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	var sets []string
	switch *set {
	case "both":
		sets = []string{evaltrace.SetDev, evaltrace.SetHeldOut}
	case evaltrace.SetDev, evaltrace.SetHeldOut:
		sets = []string{*set}
	default:
		return usageError{"--set must be dev, heldout or both"}
	}
	if *stories <= 0 {
		return usageError{"--stories must be positive"}
	}
	if err := requireDir(*data, "shared data"); err != nil {
		return err
	}
	an, err := attrib.New()
	if err != nil {
		return fmt.Errorf("load attribution model: %w", err)
	}
	about := map[string]string{
		evaltrace.SetDev:     "development set: PolNeAR train texts",
		evaltrace.SetHeldOut: "held-out set: PolNeAR dev texts, scrapinghub and wcxb-dev bodies",
	}
	for i, name := range sets {
		texts, err := evaltrace.LoadTexts(*data, name)
		if err != nil {
			return err
		}
		dir := filepath.Join(*keep, name)
		if *keep == "" {
			if dir, err = os.MkdirTemp("", "sayso-eval-trace-"); err != nil {
				return err
			}
			defer os.RemoveAll(dir)
		} else if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		start := time.Now()
		r, err := evaltrace.Evaluate(ctx, dir, texts, evaltrace.Config{Stories: *stories, Seed: *seed}, an.Analyze)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if i > 0 {
			fmt.Fprintln(e.stdout)
		}
		fmt.Fprintf(e.stdout, "%s (seed %d, %d stories; generated, stored and scored in %s)\n", about[name], *seed, *stories,
			time.Since(start).Round(time.Millisecond))
		r.Print(e.stdout)
	}
	return nil
}
