// Command bench runs sayso and peer Go libraries on the same pages, in one
// process and on one core, and prints their speed, allocations and quality
// side by side: article-body extraction on the scrapinghub benchmark (181
// pages) with eval/extraction's implementation of the benchmark's metric,
// and publication dates on mediacloud-2020 (200 pages) with eval/dates.
//
// It is its own module so that sayso itself never depends on its peers.
//
// Usage (from this directory):
//
//	go run . [-data DIR] [-runs N] [-only NAME]
//
// DIR defaults to $SAYSO_DATA, else ../../shared/data.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"text/tabwriter"
	"time"

	readeck "codeberg.org/readeck/go-readability/v2"
	shiori "github.com/go-shiori/go-readability"
	"github.com/markusmobius/go-htmldate"
	"github.com/markusmobius/go-trafilatura"

	"github.com/sayso-news/sayso/eval/dates"
	"github.com/sayso-news/sayso/eval/extraction"
	"github.com/sayso-news/sayso/extract"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// extractor is one body extractor under test.
type extractor struct {
	name string
	fn   extraction.Extractor
}

// dateReader is one date extractor under test.
type dateReader struct {
	name string
	fn   dates.DateReader
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", defaultDataDir(), "evaluation data `dir` (holds extraction/ and dates/)")
	runs := fs.Int("runs", 1, "time each extractor over the pages `n` times and keep the fastest run")
	only := fs.String("only", "", "run only the extractors whose name contains `text`")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *runs < 1 {
		return errors.New("-runs must be at least 1")
	}
	// Single-threaded, as the comparison promises: every library gets one core.
	runtime.GOMAXPROCS(1)

	shDir := filepath.Join(*data, "extraction", "scrapinghub")
	pages, err := extraction.Load(shDir)
	if err != nil {
		return fmt.Errorf("%w (set -data or $SAYSO_DATA to the shared evaluation data)", err)
	}
	dDir := filepath.Join(*data, "dates", "mediacloud-2020")
	dpages, err := dates.Load(dDir)
	if err != nil {
		return fmt.Errorf("%w (set -data or $SAYSO_DATA to the shared evaluation data)", err)
	}

	fmt.Fprintf(stdout, "%s, %s/%s, GOMAXPROCS=1, best of %d run(s)\n\n", runtime.Version(), runtime.GOOS, runtime.GOARCH, *runs)
	fmt.Fprintf(stdout, "Article bodies: scrapinghub, %d pages, %.1f MB of HTML\n\n", len(pages), float64(totalBytes(pages))/1e6)
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "extractor\tpages/s\tMB/s\tKB alloc/page\tallocs/page\tF1\tprecision\trecall\taccuracy\tfailed\t")
	for _, x := range extractors() {
		if *only != "" && !strings.Contains(x.name, *only) {
			continue
		}
		rep, alloc, mallocs := measureBodies(ctx, pages, x.fn, *runs)
		n := float64(rep.Pages)
		secs := rep.Elapsed.Seconds()
		fmt.Fprintf(tw, "%s\t%.1f\t%.2f\t%.0f\t%.0f\t%.3f\t%.3f\t%.3f\t%.3f\t%d\t\n",
			x.name, n/secs, float64(rep.Bytes)/1e6/secs, float64(alloc)/1024/n, float64(mallocs)/n,
			rep.F1, rep.Precision, rep.Recall, rep.Accuracy, rep.Failed)
		fmt.Fprintf(stderr, "bench: %s done\n", x.name)
	}
	tw.Flush()

	fmt.Fprintf(stdout, "\nPublication dates: mediacloud-2020, %d pages, exact-day accuracy\n\n", len(dpages))
	tw = tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "date reader\taccuracy\tcorrect\twrong\tmissing\tfailed\tpages/s\t")
	for _, d := range dateReaders() {
		if *only != "" && !strings.Contains(d.name, *only) {
			continue
		}
		rep := dates.Evaluate(ctx, dpages, d.fn)
		fmt.Fprintf(tw, "%s\t%.3f\t%d\t%d\t%d\t%d\t%.1f\t\n", d.name, rep.Accuracy, rep.Correct, rep.Wrong, rep.Missing, rep.Failed,
			float64(rep.Pages)/rep.Elapsed.Seconds())
		fmt.Fprintf(stderr, "bench: %s done\n", d.name)
	}
	tw.Flush()
	return ctx.Err()
}

// defaultDataDir is $SAYSO_DATA, else the shared data beside the repository.
func defaultDataDir() string {
	if d := os.Getenv("SAYSO_DATA"); d != "" {
		return d
	}
	for _, d := range []string{filepath.Join("..", "..", "shared", "data"), filepath.Join("..", "shared", "data")} {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
	}
	return filepath.Join("..", "..", "shared", "data")
}

func totalBytes(pages []extraction.Page) int {
	n := 0
	for _, p := range pages {
		n += len(p.HTML)
	}
	return n
}

// measureBodies scores x on pages and measures its allocations; with runs
// > 1 it keeps the fastest run's time (the scores are the same every run).
func measureBodies(ctx context.Context, pages []extraction.Page, x extraction.Extractor, runs int) (*extraction.Report, uint64, uint64) {
	var best *extraction.Report
	var alloc, mallocs uint64
	for i := 0; i < runs; i++ {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		rep := extraction.Evaluate(ctx, pages, x)
		runtime.ReadMemStats(&after)
		if best == nil || rep.Elapsed < best.Elapsed {
			best = rep
		}
		// Allocation counts include the scorer's small share; they are the
		// same for every extractor's pages and tokens, so comparisons hold.
		alloc, mallocs = after.TotalAlloc-before.TotalAlloc, after.Mallocs-before.Mallocs
	}
	return best, alloc, mallocs
}

func parseURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		return nil
	}
	return u
}

func extractors() []extractor {
	return []extractor{
		{"sayso", func(page []byte, pageURL string) (string, error) {
			a, err := extract.FromReader(bytes.NewReader(page), pageURL)
			if err != nil {
				return "", err
			}
			return a.Text(), nil
		}},
		{"go-trafilatura+fallback", func(page []byte, pageURL string) (string, error) {
			r, err := trafilatura.Extract(bytes.NewReader(page), trafilatura.Options{
				OriginalURL: parseURL(pageURL), EnableFallback: true,
			})
			if err != nil {
				return "", err
			}
			return r.ContentText, nil
		}},
		{"readeck/go-readability/v2", func(page []byte, pageURL string) (string, error) {
			a, err := readeck.FromReader(bytes.NewReader(page), parseURL(pageURL))
			if err != nil {
				return "", err
			}
			var b strings.Builder
			if err := a.RenderText(&b); err != nil {
				return "", err
			}
			return b.String(), nil
		}},
		{"go-shiori/go-readability", func(page []byte, pageURL string) (string, error) {
			a, err := shiori.FromReader(bytes.NewReader(page), parseURL(pageURL))
			if err != nil {
				return "", err
			}
			return a.TextContent, nil
		}},
	}
}

func dateReaders() []dateReader {
	htmldateReader := func(opts htmldate.Options) dates.DateReader {
		return func(page []byte, pageURL string) (*time.Time, error) {
			o := opts
			o.URL = pageURL
			r, err := htmldate.FromReader(bytes.NewReader(page), o)
			if err != nil || r.DateTime.IsZero() {
				return nil, err
			}
			t := r.DateTime
			return &t, nil
		}
	}
	return []dateReader{
		{"sayso", dates.MetadataReader},
		{"go-htmldate (fast)", htmldateReader(htmldate.Options{SkipExtensiveSearch: true})},
		{"go-htmldate (fast, original date)", htmldateReader(htmldate.Options{SkipExtensiveSearch: true, UseOriginalDate: true})},
		{"go-htmldate (extensive)", htmldateReader(htmldate.Options{})},
		{"go-htmldate (extensive, original date)", htmldateReader(htmldate.Options{UseOriginalDate: true})},
	}
}
