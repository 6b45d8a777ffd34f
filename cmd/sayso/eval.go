package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
)

// runEval dispatches "sayso eval WHAT".
func runEval(ctx context.Context, e *env, args []string) error {
	subs := map[string]func(context.Context, *env, []string) error{
		"extraction":  runEvalExtraction,
		"attribution": runEvalAttribution,
		"syntax":      runEvalSyntax,
		"speakers":    runEvalSpeakers,
		"trace":       runEvalTrace,
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintf(e.stderr, "Usage: sayso eval extraction|attribution|speakers|syntax|trace [flags]\n\n"+
			"Measure quality on the shared evaluation data (default ../shared/data, or $SAYSO_DATA).\n"+
			"  extraction   article-body F1 on scrapinghub and exact-day date accuracy on mediacloud-2020\n"+
			"  attribution  PolNeAR dev component and attribution-level scores, and the seed article\n"+
			"  speakers     speakers of quoted attributions against the PolNeAR dev speaker gold\n"+
			"  syntax       tagger and parser accuracy (UPOS, UAS, LAS) on UD English EWT and GUM\n"+
			"  trace        copies, originals and quote appearances on generated sets (dev and held-out)\n")
		if len(args) == 0 {
			return usageError{"missing what to evaluate"}
		}
		return nil
	}
	sub, ok := subs[args[0]]
	if !ok {
		return usageError{fmt.Sprintf("unknown evaluation %q", args[0])}
	}
	return sub(ctx, e, args[1:])
}

// defaultDataDir returns where the shared evaluation data is looked for:
// $SAYSO_DATA, else ../shared/data beside the working directory.
func defaultDataDir(e *env) string {
	if d := e.getenv("SAYSO_DATA"); d != "" {
		return d
	}
	return filepath.Join("..", "shared", "data")
}

// requireDir fails with a clear message when an evaluation set is absent.
func requireDir(dir, what string) error {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("%s not found at %s: the shared evaluation data is absent (set --data or $SAYSO_DATA)", what, dir)
	}
	return nil
}

// requireFile fails with a clear message when an evaluation file is absent.
func requireFile(path, what string) error {
	if st, err := os.Stat(path); err != nil || st.IsDir() {
		return fmt.Errorf("%s not found at %s: the shared evaluation data is absent (set --data or $SAYSO_DATA)", what, path)
	}
	return nil
}
