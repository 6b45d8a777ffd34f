package main

import (
	"context"
	"fmt"
	"time"

	evalsyntax "github.com/sayso-news/sayso/eval/syntax"
)

// runEvalSyntax implements "sayso eval syntax": tagging and parsing
// accuracy on the UD English treebanks' dev and test splits.
func runEvalSyntax(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval syntax", "",
		"Print UPOS and XPOS accuracy, UAS and LAS (universal relations, as CoNLL 2018 scores them;\n"+
			"with subtypes in brackets) with gold tokenization, punctuation included, on EWT dev and test\n"+
			"and GUM dev, and the parser's speed in words per second on one core.")
	data := fs.String("data", defaultDataDir(e), "evaluation data `dir` (holds syntax/)")
	modelPath := fs.String("model", "", "syntax model `file` to evaluate instead of the embedded one")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	m, err := syntaxModel(*modelPath)
	if err != nil {
		return err
	}
	for _, set := range evalsyntax.EvalSets(*data) {
		if err := requireFile(set.Path, set.Name); err != nil {
			return err
		}
		start := time.Now()
		sc, err := evalsyntax.Evaluate(ctx, m, set)
		if err != nil {
			return err
		}
		el := time.Since(start)
		sc.Print(e.stdout, set.Name)
		fmt.Fprintf(e.stdout, "           %.0f words/s (wall clock, one goroutine)\n", float64(sc.Words)/el.Seconds())
	}
	return nil
}
