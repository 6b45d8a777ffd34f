package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/sayso-news/sayso/eval/attribution"
	"github.com/sayso-news/sayso/eval/speakers"
)

// runEvalSpeakers implements "sayso eval speakers": the speakers put on
// quoted attributions, scored against a gold made with the shared
// speaker-annotation guideline.
func runEvalSpeakers(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval speakers", "",
		"Score the speakers of quoted attributions on PolNeAR dev against the hand-made gold shipped\n"+
			"in eval/speakers (or --gold FILE in the guideline's format): the share of gold rows matched,\n"+
			"speaker right among matched and over all, and the same by kind of reference.")
	data := fs.String("data", defaultDataDir(e), "evaluation data `dir` (holds attribution/polnear)")
	goldPath := fs.String("gold", "", "gold `file` (default: the PolNeAR dev gold shipped with sayso)")
	split := fs.String("split", "dev", "PolNeAR `split` the gold annotates")
	modelPath := fs.String("model", "", "attribution model `file` instead of the embedded one")
	errorsPath := fs.String("errors", "", "write the rows scored wrong to `file`")
	fast := fs.Bool("fast", false, "use the embedded model that does without the dependency parse")
	part := fs.String("part", speakers.PartAll, "`part` of the gold to score: tune (about 70% of the articles, for error analysis), check (the rest, kept untouched) or all")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	rows := speakers.DevGold()
	if *goldPath != "" {
		var err error
		if rows, err = speakers.LoadGold(*goldPath); err != nil {
			return err
		}
	}
	rows, err := speakers.SelectPart(rows, *part)
	if err != nil {
		return usageError{err.Error()}
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
	byFile := map[string][]speakers.Row{}
	for _, r := range rows {
		byFile[r.File] = append(byFile[r.File], r)
	}
	var use []attribution.Document
	for _, d := range docs {
		if len(byFile[d.Name]) > 0 {
			use = append(use, d)
		}
	}
	if len(use) != len(byFile) {
		return fmt.Errorf("the gold names %d articles, %d of them found in PolNeAR %s", len(byFile), len(use), *split)
	}
	preds, err := analyzeAll(ctx, an, use)
	if err != nil {
		return err
	}
	var s speakers.Scores
	for i, d := range use {
		s.Add(byFile[d.Name], d, preds[i])
	}
	fmt.Fprintf(e.stdout, "Speakers of quoted attributions, PolNeAR %s, part %s: %d gold rows in %d articles\n", *split, *part, len(rows), len(use))
	s.Print(e.stdout)
	if *errorsPath != "" {
		f, err := os.Create(*errorsPath)
		if err != nil {
			return err
		}
		s.WriteErrors(f)
		if err := f.Close(); err != nil {
			return err
		}
	}
	return nil
}
