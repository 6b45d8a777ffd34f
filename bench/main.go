// Command bench runs sayso and peer Go libraries on the same pages, in one
// process and on one core, and prints their quality and speed side by side
// on every public set: article bodies on scrapinghub, wcxb-dev (its tuning
// part and its set-aside check, and whole) and fundus (by language too),
// scored with eval/extraction's implementation of the scrapinghub metric;
// publication dates on mediacloud-2020, wcxb-dev and fundus, scored with
// eval/dates.
//
// It is its own module so that sayso itself never depends on its peers.
//
// Usage (from this directory):
//
//	go run . [-data DIR] [-runs N] [-only NAME] [-set NAME]
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
	"sort"
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

// The peers the summary compares sayso with: the speed reference, and the
// date reader the issue tracker's figures use.
const (
	speedPeer = "go-trafilatura+fallback"
	datePeer  = "go-htmldate (extensive, original date)"
)

// minLangPages is the least pages a fundus language needs for its own row:
// below five, one page moves the figure by a fifth.
const minLangPages = 5

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", defaultDataDir(), "evaluation data `dir` (holds extraction/ and dates/)")
	// Three timed passes after the warm-up give a steady best on a shared
	// machine.
	runs := fs.Int("runs", 3, "time each extractor over the pages `n` times and keep the fastest run")
	only := fs.String("only", "", "run only the extractors whose name contains `text` (or one of comma-separated texts)")
	setName := fs.String("set", "", "run only the sets whose name contains `text` (or one of comma-separated texts)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *runs < 1 {
		return errors.New("-runs must be at least 1")
	}
	// Single-threaded, as the comparison promises: every library gets one core.
	runtime.GOMAXPROCS(1)

	bodySets, err := extraction.PublicSets(*data)
	if err != nil {
		return fmt.Errorf("%w (set -data or $SAYSO_DATA to the shared evaluation data)", err)
	}
	dateSets, err := dates.PublicSets(*data, bodySets)
	if err != nil {
		return fmt.Errorf("%w (set -data or $SAYSO_DATA to the shared evaluation data)", err)
	}
	keep := func(name, filter string) bool {
		if filter == "" {
			return true
		}
		for _, f := range strings.Split(filter, ",") {
			if strings.Contains(name, f) {
				return true
			}
		}
		return false
	}

	fmt.Fprintf(stdout, "%s, %s/%s, GOMAXPROCS=1, best of %d run(s); pages/s count the CPU time spent in the extractor\n\n",
		runtime.Version(), runtime.GOOS, runtime.GOARCH, *runs)

	// Article bodies: every extractor on every set.
	results := map[string]map[string]*bodyResult{} // set → extractor → result
	var setOrder, xOrder []string
	for _, x := range extractors() {
		if keep(x.name, *only) {
			xOrder = append(xOrder, x.name)
		}
	}
	for _, s := range bodySets {
		if !keep(s.Name, *setName) {
			continue
		}
		setOrder = append(setOrder, s.Name)
		results[s.Name] = map[string]*bodyResult{}
		// A warm-up pass, each extractor once over the set and untimed,
		// comes first: the first pass pays for growing the heap (about
		// twice the next), which made the speed ratios depend on the order
		// the extractors ran in.
		for _, x := range extractors() {
			if keep(x.name, *only) {
				measureBodies(ctx, s.Pages, x.fn, 1)
			}
		}
		// Runs are interleaved, every extractor once per round, so that a
		// busy spell on a shared machine weighs on all of them alike.
		for r := 0; r < *runs; r++ {
			for _, x := range extractors() {
				if !keep(x.name, *only) {
					continue
				}
				res := measureBodies(ctx, s.Pages, x.fn, 1)
				res.rep.Name = s.Name
				if best := results[s.Name][x.name]; best == nil || res.cpu < best.cpu {
					results[s.Name][x.name] = res
				}
			}
		}
		fmt.Fprintf(stderr, "bench: %s done\n", s.Name)
	}
	if tune, check := results[extraction.WCXBTune], results[extraction.WCXBCheck]; tune != nil && check != nil {
		all := extraction.WCXBDev + " (all)"
		results[all] = map[string]*bodyResult{}
		for _, x := range xOrder {
			t, c := tune[x], check[x]
			results[all][x] = &bodyResult{
				rep: extraction.Merge(all, t.rep, c.rep), cpu: t.cpu + c.cpu,
				alloc: t.alloc + c.alloc, mallocs: t.mallocs + c.mallocs,
			}
		}
		setOrder = append(setOrder, all)
	}
	fmt.Fprintln(stdout, "Article bodies: the scrapinghub metric (4-token shingles; precision and recall are means over pages)")
	fmt.Fprintln(stdout)
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "set\textractor\tF1\tprecision\trecall\taccuracy\tfailed\tpages/s\tMB/s\tKB alloc/page\t")
	for _, s := range setOrder {
		for i, x := range xOrder {
			r := results[s][x]
			name := s
			if i > 0 {
				name = ""
			}
			n := float64(r.rep.Pages)
			secs := r.cpu.Seconds()
			fmt.Fprintf(tw, "%s\t%s\t%.3f\t%.3f\t%.3f\t%.3f\t%d\t%.1f\t%.2f\t%.0f\t\n", name, x,
				r.rep.F1, r.rep.Precision, r.rep.Recall, r.rep.Accuracy, r.rep.Failed,
				n/secs, float64(r.rep.Bytes)/1e6/secs, float64(r.alloc)/1024/n)
		}
	}
	tw.Flush()

	if f := results[extraction.Fundus]; f != nil {
		printLanguages(stdout, f, xOrder)
	}

	// Publication dates: every reader on every date set.
	dres := map[string]map[string]*dateResult{}
	var dsetOrder, dOrder []string
	for _, d := range dateReaders() {
		if keep(d.name, *only) {
			dOrder = append(dOrder, d.name)
		}
	}
	for _, s := range dateSets {
		if !keep(s.Name, *setName) {
			continue
		}
		dsetOrder = append(dsetOrder, s.Name)
		dres[s.Name] = map[string]*dateResult{}
		for _, d := range dateReaders() { // untimed warm-up, as for bodies
			if keep(d.name, *only) {
				measureDates(ctx, s.Pages, d.fn, 1)
			}
		}
		for r := 0; r < *runs; r++ {
			for _, d := range dateReaders() {
				if !keep(d.name, *only) {
					continue
				}
				res := measureDates(ctx, s.Pages, d.fn, 1)
				res.rep.Name = s.Name
				if best := dres[s.Name][d.name]; best == nil || res.cpu < best.cpu {
					dres[s.Name][d.name] = res
				}
			}
		}
		fmt.Fprintf(stderr, "bench: %s dates done\n", s.Name)
	}
	if tune, check := dres[extraction.WCXBTune], dres[extraction.WCXBCheck]; tune != nil && check != nil {
		all := extraction.WCXBDev + " (all)"
		dres[all] = map[string]*dateResult{}
		for _, d := range dOrder {
			dres[all][d] = &dateResult{rep: dates.Merge(all, tune[d].rep, check[d].rep), cpu: tune[d].cpu + check[d].cpu}
		}
		dsetOrder = append(dsetOrder, all)
	}
	fmt.Fprintln(stdout, "\nPublication dates: exact day as the page wrote it")
	fmt.Fprintln(stdout)
	tw = tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "set\tdate reader\taccuracy\tcorrect\twrong\tmissing\tfailed\tpages/s\t")
	for _, s := range dsetOrder {
		for i, d := range dOrder {
			r := dres[s][d]
			name := s
			if i > 0 {
				name = ""
			}
			fmt.Fprintf(tw, "%s\t%s\t%.3f\t%d\t%d\t%d\t%d\t%.1f\t\n", name, d, r.rep.Accuracy, r.rep.Correct, r.rep.Wrong,
				r.rep.Missing, r.rep.Failed, float64(r.rep.Pages)/r.cpu.Seconds())
		}
	}
	tw.Flush()

	printSummary(stdout, setOrder, results, dsetOrder, dres)
	return ctx.Err()
}

// printLanguages writes each extractor's F1 on every fundus language with
// at least minLangPages pages.
func printLanguages(w io.Writer, fundus map[string]*bodyResult, xOrder []string) {
	lang := func(r extraction.PageResult) string { return r.Lang }
	groups := map[string]map[string]*extraction.Report{}
	for _, x := range xOrder {
		if r := fundus[x]; r != nil {
			groups[x] = r.rep.Group(lang)
		}
	}
	if len(xOrder) == 0 || groups[xOrder[0]] == nil {
		return
	}
	var langs []string
	for l, g := range groups[xOrder[0]] {
		if g.Pages >= minLangPages {
			langs = append(langs, l)
		}
	}
	sort.Slice(langs, func(i, j int) bool {
		a, b := groups[xOrder[0]][langs[i]].Pages, groups[xOrder[0]][langs[j]].Pages
		if a != b {
			return a > b
		}
		return langs[i] < langs[j]
	})
	fmt.Fprintf(w, "\nfundus by language (%d or more pages): F1\n\n", minLangPages)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprint(tw, "language\tpages\t")
	for _, x := range xOrder {
		fmt.Fprintf(tw, "%s\t", x)
	}
	fmt.Fprintln(tw)
	for _, l := range langs {
		fmt.Fprintf(tw, "%s\t%d\t", l, groups[xOrder[0]][l].Pages)
		for _, x := range xOrder {
			fmt.Fprintf(tw, "%.3f\t", groups[x][l].F1)
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
}

// printSummary writes, per set, sayso's figure beside the best peer's and
// sayso's speed as a multiple of go-trafilatura's, one core each.
func printSummary(w io.Writer, setOrder []string, results map[string]map[string]*bodyResult, dsetOrder []string, dres map[string]map[string]*dateResult) {
	fmt.Fprintln(w, "\nSummary: sayso against the best peer on each set")
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "set\tsayso F1\tbest peer F1\tbest peer\tmargin\tspeed × "+speedPeer+"\t")
	for _, s := range setOrder {
		me := results[s]["sayso"]
		if me == nil {
			continue
		}
		best, bestName := -1.0, ""
		for x, r := range results[s] {
			if x != "sayso" && r.rep.F1 > best {
				best, bestName = r.rep.F1, x
			}
		}
		ratio := "–"
		if p := results[s][speedPeer]; p != nil {
			ratio = fmt.Sprintf("%.1f", p.cpu.Seconds()/me.cpu.Seconds())
		}
		if bestName == "" {
			fmt.Fprintf(tw, "%s\t%.3f\t–\t–\t–\t%s\t\n", s, me.rep.F1, ratio)
			continue
		}
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%s\t%+.3f\t%s\t\n", s, me.rep.F1, best, bestName, me.rep.F1-best, ratio)
	}
	tw.Flush()
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "date set\tsayso\t"+datePeer+"\tmargin\t")
	for _, s := range dsetOrder {
		me, peer := dres[s]["sayso"], dres[s][datePeer]
		if me == nil || peer == nil {
			continue
		}
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%+.3f\t\n", s, me.rep.Accuracy, peer.rep.Accuracy, me.rep.Accuracy-peer.rep.Accuracy)
	}
	tw.Flush()
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

// bodyResult is one extractor's run over one set: the scores, the CPU time
// spent inside the extractor, and the allocations of one pass.
type bodyResult struct {
	rep            *extraction.Report
	cpu            time.Duration
	alloc, mallocs uint64
}

// measureBodies scores x on pages, timing the CPU the extractor uses and
// counting the allocations of a pass; with runs > 1 it keeps the run that
// took the least CPU (the scores are the same every run).
func measureBodies(ctx context.Context, pages []extraction.Page, x extraction.Extractor, runs int) *bodyResult {
	var best *bodyResult
	for i := 0; i < runs; i++ {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		var cpu time.Duration
		rep := extraction.Evaluate(ctx, pages, func(page []byte, pageURL string) (string, error) {
			start := cpuTime()
			text, err := x(page, pageURL)
			cpu += cpuTime() - start
			return text, err
		})
		runtime.ReadMemStats(&after)
		// Allocation counts include the scorer's small share; they are the
		// same for every extractor's pages and tokens, so comparisons hold.
		res := &bodyResult{rep: rep, cpu: cpu, alloc: after.TotalAlloc - before.TotalAlloc, mallocs: after.Mallocs - before.Mallocs}
		if best == nil || res.cpu < best.cpu {
			best = res
		}
	}
	return best
}

// dateResult is one date reader's run over one set.
type dateResult struct {
	rep *dates.Report
	cpu time.Duration
}

// measureDates scores d on pages, timing the CPU the reader uses; with
// runs > 1 it keeps the run that took the least.
func measureDates(ctx context.Context, pages []dates.Page, d dates.DateReader, runs int) *dateResult {
	var best *dateResult
	for i := 0; i < runs; i++ {
		var cpu time.Duration
		rep := dates.Evaluate(ctx, pages, func(page []byte, pageURL string) (*time.Time, error) {
			start := cpuTime()
			t, err := d(page, pageURL)
			cpu += cpuTime() - start
			return t, err
		})
		if best == nil || cpu < best.cpu {
			best = &dateResult{rep: rep, cpu: cpu}
		}
	}
	return best
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
		{datePeer, htmldateReader(htmldate.Options{UseOriginalDate: true})},
	}
}
