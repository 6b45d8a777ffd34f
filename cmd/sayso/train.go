package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/sayso-news/sayso/attrib"
	"github.com/sayso-news/sayso/eval/attribution"
	"github.com/sayso-news/sayso/syntax"
)

// runTrain dispatches "sayso train WHAT".
func runTrain(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintf(e.stderr, "Usage: sayso train attribution|syntax [flags]\n\n"+
			"Train a model from the shared data (default ../shared/data, or $SAYSO_DATA).\n"+
			"  attribution  the attribution tagger, from PolNeAR's train split only\n"+
			"  syntax       the part-of-speech tagger and dependency parser, from UD English train splits\n")
		if len(args) == 0 {
			return usageError{"missing what to train"}
		}
		return nil
	}
	switch args[0] {
	case "attribution":
		return runTrainAttribution(ctx, e, args[1:])
	case "syntax":
		return runTrainSyntax(ctx, e, args[1:])
	}
	return usageError{fmt.Sprintf("unknown model %q", args[0])}
}

// defaultModelPath is where the embedded attribution model lives in the
// repository.
var defaultModelPath = filepath.Join("attrib", "model", "attribution.model.gz")

// runTrainAttribution implements "sayso train attribution".
func runTrainAttribution(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "train attribution", "",
		"Train the attribution model on PolNeAR's train split (never dev or test) and write it,\n"+
			"with the command, the seed and the SHA-256 of the training files recorded in it.")
	data := fs.String("data", defaultDataDir(e), "evaluation data `dir` (holds attribution/polnear)")
	out := fs.String("out", defaultModelPath, "model `file` to write")
	seed := fs.Uint64("seed", 1, "random `seed` of the training order")
	epochs := fs.Int("epochs", 0, "passes over the data per tagger (0: the default)")
	argEpochs := fs.Int("arg-epochs", 0, "passes over the cues for the argument ranker (0: the default)")
	folds := fs.Int("folds", 0, "jackknife folds for the stacked tagger (0: the default; 1: one tagger)")
	average := fs.Int("average", 0, "runs averaged into each tagger (0: the default)")
	minCount := fs.Int("min-count", 0, "drop features seen fewer `times` in training (0: the default)")
	limit := fs.Int("limit", 0, "train on the first `n` articles only (quick experiments; 0: all)")
	noSyntax := fs.Bool("no-syntax", false, "train without the dependency parse's features")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"unexpected arguments: " + strings.Join(fs.Args(), " ")}
	}
	dir := filepath.Join(*data, "attribution", "polnear")
	if err := requireDir(dir, "PolNeAR"); err != nil {
		return err
	}
	start := time.Now()
	docs, err := attribution.LoadSplit(dir, "train")
	if err != nil {
		return err
	}
	sum, err := attribution.Checksum(dir, "train")
	if err != nil {
		return err
	}
	if *limit > 0 && *limit < len(docs) {
		docs = docs[:*limit]
	}
	tdocs := make([]attrib.TrainingDoc, len(docs))
	for i, d := range docs {
		tdocs[i] = attrib.TrainingDoc{Text: d.Text, Attributions: d.Attributions}
	}
	cmd := "sayso train attribution"
	// Paths of this machine say nothing about the model: --data and --out
	// are left out of the recorded command, with their values.
	fs.Visit(func(f *flag.Flag) {
		if f.Name != "data" && f.Name != "out" {
			cmd += " --" + f.Name + " " + f.Value.String()
		}
	})
	var syn *syntax.Model
	if !*noSyntax {
		if syn, err = syntax.DefaultModel(); err != nil {
			return err
		}
	}
	m, err := attrib.Train(ctx, tdocs, attrib.TrainOptions{
		Syntax:          syn,
		Seed:            *seed,
		Epochs:          *epochs,
		ArgEpochs:       *argEpochs,
		Folds:           *folds,
		MinFeatureCount: *minCount,
		Average:         *average,
		Info: attrib.ModelInfo{
			Command:    cmd,
			Data:       "PolNeAR train (attribution/polnear/train, first-listed annotator per metadata.tsv)",
			DataSHA256: sum,
		},
		Progress: trainProgress(e, "train attribution", start),
	})
	if err != nil {
		return err
	}
	size, err := saveModel(*out, m)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s (%d bytes) in %s: %d articles, %d tokens, features %v, train SHA-256 %s\n",
		*out, size, time.Since(start).Round(time.Second), m.Info.Documents, m.Info.Tokens, m.Info.Features, sum)
	return nil
}

// trainProgress returns a Progress function that logs each training step
// of what with the time elapsed since start.
func trainProgress(e *env, what string, start time.Time) func(string) {
	return func(msg string) {
		e.log.Info(what, "step", msg, "elapsed", time.Since(start).Round(time.Millisecond))
	}
}

// saveModel writes m to path (atomically) and returns the file's size.
func saveModel(path string, m io.WriterTo) (int64, error) {
	var size int64
	err := writeFileAtomic(path, func(f *os.File) error {
		n, err := m.WriteTo(f)
		size = n
		return err
	})
	return size, err
}

// writeFileAtomic writes path through a temporary file in its directory,
// renamed into place only when write succeeds.
func writeFileAtomic(path string, write func(*os.File) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-"+filepath.Base(path))
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		os.Remove(f.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}
