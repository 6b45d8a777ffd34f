package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/extract"
	"github.com/sayso-news/sayso/ingest"
	"github.com/sayso-news/sayso/internal/storeopen"
	"github.com/sayso-news/sayso/store"
	"github.com/sayso-news/sayso/store/postgres"
)

// What the corpus commands (ingest, reprocess, search, quotes, show,
// export) share: the database flag and file, the output format, the
// progress display and the readers of pages.

// defaultDB is the store file used when neither --db nor $SAYSO_DB is set.
const defaultDB = "sayso.db"

// flagAdder is the part of a flag.FlagSet the shared flags need.
type flagAdder interface {
	String(name, value, usage string) *string
}

// dbFlag adds the --db flag shared by the corpus commands.
func dbFlag(e *env, fs flagAdder) *string {
	def := e.getenv("SAYSO_DB")
	if def == "" {
		def = defaultDB
	}
	return fs.String("db", def, "the corpus database: a SQLite `file` or a postgres:// URL (default $SAYSO_DB, else ./"+defaultDB+")")
}

// formatFlag adds a --format flag taking one of formats, the first by
// default; check the value with checkFormat after parsing.
func formatFlag(fs flagAdder, about string, formats ...string) *string {
	return fs.String("format", formats[0], "output `format`: "+strings.Join(formats, " or ")+about)
}

// checkFormat returns a usage error unless format is one of formats.
func checkFormat(format string, formats ...string) error {
	if slices.Contains(formats, format) {
		return nil
	}
	return usageError{fmt.Sprintf("unknown --format %q (want %s)", format, strings.Join(formats, " or "))}
}

// writeJSONLines writes each item as one line of JSON.
func writeJSONLines[T any](w io.Writer, items []T) error {
	enc := json.NewEncoder(w)
	for _, it := range items {
		if err := enc.Encode(it); err != nil {
			return fmt.Errorf("write: %w", err)
		}
	}
	return nil
}

// openStore opens the store that --db (or $SAYSO_DB) names: a PostgreSQL
// database for a postgres:// URL (see store/postgres; its schema is made
// or migrated on the way), else the SQLite file at path, which the query
// commands refuse to create new and empty (an ENOTFOUND error). Every
// command opens its store here.
func openStore(ctx context.Context, path string, create bool) (*store.Store, error) {
	if !create && !postgres.IsURL(path) {
		if _, err := os.Stat(path); err != nil {
			return nil, sayso.Errorf(sayso.ENOTFOUND, "no corpus database at %s (run \"sayso ingest\" first, or pass --db)", path)
		}
	}
	return storeopen.Open(ctx, path)
}

// isTerminal reports whether w is a terminal, for the progress bar.
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// progress returns the ingest progress callback: a progress bar on a
// terminal, nil (slog progress lines) otherwise.
func progress(e *env, verb string) (func(ingest.Summary), func()) {
	if !isTerminal(e.stderr) {
		return nil, func() {}
	}
	bar := progressbar.NewOptions(-1,
		progressbar.OptionSetWriter(e.stderr),
		progressbar.OptionSetDescription(verb),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("pages"),
		progressbar.OptionThrottle(200*time.Millisecond),
		progressbar.OptionSpinnerType(14),
		progressbar.OptionClearOnFinish(),
	)
	return func(s ingest.Summary) {
			bar.Describe(fmt.Sprintf("%s: %d stored, %d duplicate, %d not article, %d failed",
				verb, s.Stored, s.Duplicates, s.NoArticle, s.Failed+s.ExtractFailed))
			bar.Set(s.Fetched + s.Read + s.Duplicates + s.Failed)
		}, func() {
			bar.Finish()
			fmt.Fprintln(e.stderr)
		}
}

// attribFlags are the corpus commands' choice of attribution: with the
// dependency parse (the default), without it (--fast), or none.
type attribFlags struct{ none, fast *bool }

// addAttribFlags defines --no-attrib and --fast on fs.
func addAttribFlags(fs *flag.FlagSet) attribFlags {
	return attribFlags{
		none: fs.Bool("no-attrib", false, "store articles without attributing them"),
		fast: fs.Bool("fast", false, "attribute without the dependency parse: several times faster, about a point less accurate"),
	}
}

// runIngester completes cfg with the store at db, the extractor, the
// analyzer (as af chooses) and a progress display, runs the Ingester
// with run and prints the summary. It returns the summary (nil when the
// run could not start) and run's error.
func runIngester(ctx context.Context, e *env, db string, create bool, af attribFlags, verb string, cfg ingest.Config,
	run func(context.Context, *ingest.Ingester) (*ingest.Summary, error)) (*ingest.Summary, error) {
	s, err := openStore(ctx, db, create)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	cfg.Store, cfg.Extract, cfg.Log = s, extract.FromPage, e.log
	if !*af.none {
		a, err := analyzer("", *af.fast)
		if err != nil {
			return nil, fmt.Errorf("load attribution model: %w", err)
		}
		cfg.Analyze = a.Analyze
	}
	report, finish := progress(e, verb)
	cfg.Progress = report
	in, err := ingest.New(cfg)
	if err != nil {
		return nil, err
	}
	sum, err := run(ctx, in)
	finish()
	sum.Write(e.stdout)
	return sum, err
}

// listCorpus opens the store at db (which must exist), gets a list with
// query and prints it: as JSON lines, or each item with text, saying none
// on standard error when the list is empty.
func listCorpus[T any](ctx context.Context, e *env, db, format, none string,
	query func(*store.Store) ([]T, error), text func(io.Writer, T)) error {
	s, err := openStore(ctx, db, false)
	if err != nil {
		return err
	}
	defer s.Close()
	items, err := query(s)
	if err != nil {
		return err
	}
	if format == "json" {
		return writeJSONLines(e.stdout, items)
	}
	if len(items) == 0 {
		fmt.Fprintln(e.stderr, none)
		return nil
	}
	for _, it := range items {
		text(e.stdout, it)
	}
	return nil
}
