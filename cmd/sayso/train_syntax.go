package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/sayso-news/sayso/eval/attribution"
	evalsyntax "github.com/sayso-news/sayso/eval/syntax"
	"github.com/sayso-news/sayso/syntax"
)

// defaultSyntaxModelPath is where the embedded syntax model lives in the
// repository.
var defaultSyntaxModelPath = filepath.Join("syntax", "model", "syntax.model.gz")

// runTrainSyntax implements "sayso train syntax".
func runTrainSyntax(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "train syntax", "",
		"Train the part-of-speech tagger and dependency parser on the train splits of UD English EWT\n"+
			"and GUM (never dev or test), with word clusters learnt from those and PolNeAR's train texts,\n"+
			"and write the model with the command, the seed and the SHA-256 of each file it read.")
	data := fs.String("data", defaultDataDir(e), "evaluation data `dir` (holds syntax/ and attribution/polnear)")
	out := fs.String("out", defaultSyntaxModelPath, "model `file` to write")
	seed := fs.Uint64("seed", 1, "random `seed` of the training order")
	tagEpochs := fs.Int("tag-epochs", 0, "passes over the data for the tagger (0: the default)")
	parseEpochs := fs.Int("parse-epochs", 0, "passes over the data for the parser (0: the default)")
	folds := fs.Int("folds", 0, "jackknife folds giving the parser predicted tags (0: the default)")
	clusters := fs.Int("clusters", 0, "word clusters (0: the default; -1: none)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"unexpected arguments: " + strings.Join(fs.Args(), " ")}
	}
	if err := requireDir(filepath.Join(*data, "syntax"), "UD English treebanks"); err != nil {
		return err
	}
	polnear := filepath.Join(*data, "attribution", "polnear")
	if err := requireDir(polnear, "PolNeAR"); err != nil {
		return err
	}
	start := time.Now()
	cmd := "sayso train syntax"
	fs.Visit(func(f *flag.Flag) {
		if f.Name != "data" && f.Name != "out" {
			cmd += " --" + f.Name + " " + f.Value.String()
		}
	})
	info := syntax.ModelInfo{Command: cmd, Seed: *seed}
	var sents []*syntax.Sentence
	for _, set := range evalsyntax.TrainSets(*data) {
		s, err := set.Load()
		if err != nil {
			return err
		}
		sum, err := set.SHA256()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(*data, set.Path)
		info.Data = append(info.Data, syntax.DataFile{Name: filepath.ToSlash(rel), SHA256: sum})
		sents = append(sents, s...)
	}
	unlabeled, err := polnearTrainText(polnear)
	if err != nil {
		return err
	}
	sum, err := attribution.Checksum(polnear, "train")
	if err != nil {
		return err
	}
	info.Data = append(info.Data, syntax.DataFile{Name: "attribution/polnear/train (texts, for word clusters)", SHA256: sum})
	m, err := syntax.Train(ctx, sents, syntax.TrainConfig{
		Seed: *seed, TagEpochs: *tagEpochs, ParseEpochs: *parseEpochs, Folds: *folds, Clusters: *clusters,
		Unlabeled: unlabeled, Info: info,
		Progress: trainProgress(e, "train syntax", start),
	})
	if err != nil {
		return err
	}
	size, err := saveModel(*out, m)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s (%d bytes) in %s: %d sentences, %d words; %s\n",
		*out, size, time.Since(start).Round(time.Second), m.Info.Sentences, m.Info.Words, m.Stats())
	return nil
}

// polnearTrainText returns the sentences of PolNeAR's train texts as words,
// plain text for learning word clusters.
func polnearTrainText(dir string) ([][]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "train", "text", "*.txt"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("no PolNeAR train texts in %s", dir)
	}
	var out [][]string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		for _, s := range syntax.SplitText(string(b)) {
			out = append(out, s.Words)
		}
	}
	return out, nil
}
