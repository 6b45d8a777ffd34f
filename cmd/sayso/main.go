// Command sayso reads news for provenance: who said what, on whose say-so,
// and who printed it first. Each step is a subcommand; run "sayso help" for
// the list and "sayso COMMAND -h" for one command's flags.
//
// Exit codes: 0 success; 1 failure; 2 an input carried no article (or, in a
// batch, some inputs failed); 64 bad usage.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/sayso-news/sayso"
)

// Exit codes, documented in the package comment and README.
const (
	exitOK        = 0
	exitFailure   = 1
	exitNoArticle = 2
	exitUsage     = 64
)

// env is what every subcommand receives: its standard streams and logger,
// so tests can run commands in-process.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	log    *slog.Logger
	// getenv reads configuration from the environment; only cmd does that.
	getenv func(string) string
}

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

// commands lists the subcommands in the order help shows them.
func commands() []command {
	return []command{
		{"extract", "web page → article: body, title, authors, dates, publisher, credits", runExtract},
		{"attributions", "text or page → who said what: attributions, speakers, claims", runAttributions},
		{"parse", "text or CoNLL-U → part-of-speech tags and dependency trees", runParse},
		{"ingest", "feeds, sitemaps, URL lists, WARC files, folders → a corpus database", runIngest},
		{"worker", "work ingestion jobs from a PostgreSQL queue, beside other workers", runWorker},
		{"reprocess", "re-extract and re-attribute stored pages with this version", runReprocess},
		{"search", "full-text search over stored articles and quotes", runSearch},
		{"quotes", "list stored quotes, by speaker or outlet", runQuotes},
		{"speaker", "one speaker across the corpus: names, roles, quotes over time, outlets", runSpeaker},
		{"show", "show one stored article with its attributions", runShow},
		{"copies", "the stored copies of an article and which is the original", runCopies},
		{"trace", "every printing of a quote: first, copied, cut, altered, misattributed", runTrace},
		{"reindex", "build the provenance indexes of a corpus again", runReindex},
		{"copy", "copy a corpus into an empty database (SQLite into PostgreSQL)", runCopy},
		{"export", "export articles, attributions and speakers as JSONL or CSV", runExport},
		{"serve", "serve the corpus as web pages and a JSON API", runServe},
		{"demo", "serve a sample corpus built from pages shipped with sayso", runDemo},
		{"eval", "measure quality on the shared evaluation data", runEval},
		{"train", "train a model from the shared data (attribution, syntax)", runTrain},
		{"version", "print sayso's version", runVersion},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// The first Ctrl-C asks the command to stop cleanly; once it has been
	// caught, the signals' default action is restored, so a second one
	// ends the process at once.
	context.AfterFunc(ctx, stop)
	e := &env{
		stdin:  os.Stdin,
		stdout: os.Stdout,
		stderr: os.Stderr,
		log:    slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo})),
		getenv: os.Getenv,
	}
	code := run(ctx, e, os.Args[1:])
	stop()
	os.Exit(code)
}

// run dispatches args to a subcommand and turns its error into an exit code.
func run(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		if len(args) > 1 {
			return run(ctx, e, []string{args[1], "-h"})
		}
		usage(e.stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return exitCode(e, c.name, c.run(ctx, e, args[1:]))
		}
	}
	fmt.Fprintf(e.stderr, "sayso: unknown command %q (run \"sayso help\")\n", args[0])
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintf(w, "sayso %s — who said what, on whose say-so, and who printed it first.\n\nUsage: sayso COMMAND [flags] [args]\n\nCommands:\n", sayso.Version)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-13s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, "\nRun \"sayso COMMAND -h\" for a command's flags.\n")
}

// usageError marks a mistake in how the command was invoked.
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

// batchError reports that some inputs of a batch failed while the rest went on.
type batchError struct{ failed, total int }

func (b batchError) Error() string { return fmt.Sprintf("%d of %d inputs failed", b.failed, b.total) }

// exitCode prints err once, at the edge, and maps it to an exit code.
func exitCode(e *env, name string, err error) int {
	if err == nil {
		return exitOK
	}
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(e.stderr, "sayso %s: %s\n", name, ue.msg)
		return exitUsage
	}
	fmt.Fprintf(e.stderr, "sayso %s: %v\n", name, err)
	var be batchError
	if errors.As(err, &be) || sayso.ErrorCodeOf(err) == sayso.ENOARTICLE {
		return exitNoArticle
	}
	return exitFailure
}

// newFlagSet returns a FlagSet that reports errors instead of exiting and
// prints a usage line before the flag defaults.
func newFlagSet(e *env, name, argsUsage, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: sayso %s [flags] %s\n\n%s\n\nFlags:\n", name, argsUsage, about)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, turning flag mistakes into usage errors.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	return nil
}

func runVersion(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "version", "", "Print sayso's version.")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "sayso %s\n", sayso.Version)
	return nil
}
