package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"sort"
	"text/tabwriter"

	"github.com/sayso-news/sayso/eval/dates"
	"github.com/sayso-news/sayso/eval/extraction"
	"github.com/sayso-news/sayso/extract"
)

// runEvalExtraction implements "sayso eval extraction": article-body F1 on
// every public body set with the scrapinghub benchmark's own metric (fundus
// also by language), and exact-day date accuracy on every public date set,
// in one run. wcxb-dev is scored as its tuning part and its set-aside check
// (see extraction.SetAside), and whole.
func runEvalExtraction(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval extraction", "",
		"Print body F1, precision, recall and accuracy (the scrapinghub benchmark's metric) on\n"+
			"scrapinghub, wcxb-dev and fundus (by language too), and exact-day date accuracy on\n"+
			"mediacloud-2020, wcxb-dev and fundus, from the shared evaluation data. wcxb-dev is\n"+
			"split by a fixed hash of its page ids into a tuning part (70%) and a set-aside\n"+
			"check (30%), reported separately.")
	data := fs.String("data", defaultDataDir(e), "evaluation data `dir` (holds extraction/ and dates/)")
	worst := fs.Int("worst", 0, "also list the `n` worst pages of each tuning set (never of the set-aside check)")
	dateErrors := fs.Bool("date-errors", false, "also list the pages of the tuning date sets whose day is wrong or missing")
	tuning := fs.Bool("tuning", false, "score only the tuning sets: leave wcxb-dev's set-aside check out")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := requireDir(*data, "shared evaluation data"); err != nil {
		return err
	}
	bodySets, err := extraction.PublicSets(*data)
	if err != nil {
		return fmt.Errorf("%w (set --data or $SAYSO_DATA)", err)
	}
	dateSets, err := dates.PublicSets(*data, bodySets)
	if err != nil {
		return fmt.Errorf("%w (set --data or $SAYSO_DATA)", err)
	}

	fmt.Fprintln(e.stdout, "Article bodies: the scrapinghub metric (4-token shingles; P and R are means over pages)")
	fmt.Fprintln(e.stdout)
	var reports []*extraction.Report
	for _, s := range bodySets {
		if *tuning && !extraction.Tuning(s.Name) {
			continue
		}
		r := extraction.Evaluate(ctx, s.Pages, BodyText)
		r.Name = s.Name
		reports = append(reports, r)
	}
	byName := map[string]*extraction.Report{}
	for _, r := range reports {
		byName[r.Name] = r
	}
	rows := append([]*extraction.Report(nil), reports...)
	if tune, check := byName[extraction.WCXBTune], byName[extraction.WCXBCheck]; tune != nil && check != nil {
		rows = append(rows, extraction.Merge(extraction.WCXBDev+" (all)", tune, check))
	}
	printBodyTable(e.stdout, rows, true)
	fmt.Fprintf(e.stdout, "\nmean F1 over scrapinghub, %s and fundus: %.4f\n", extraction.WCXBTune,
		meanF1(byName, extraction.Scrapinghub, extraction.WCXBTune, extraction.Fundus))
	if f := byName[extraction.Fundus]; f != nil {
		fmt.Fprintln(e.stdout, "\nfundus by language")
		fmt.Fprintln(e.stdout)
		groups := f.Group(func(r extraction.PageResult) string { return r.Lang })
		langs := make([]*extraction.Report, 0, len(groups))
		for _, g := range groups {
			langs = append(langs, g)
		}
		sort.Slice(langs, func(i, j int) bool {
			if langs[i].Pages != langs[j].Pages {
				return langs[i].Pages > langs[j].Pages
			}
			return langs[i].Name < langs[j].Name
		})
		printBodyTable(e.stdout, langs, false)
	}
	for _, r := range reports {
		if *worst <= 0 || !extraction.Tuning(r.Name) {
			continue
		}
		fmt.Fprintf(e.stdout, "\n%s: the %d worst pages\n", r.Name, *worst)
		for _, res := range r.Worst(*worst) {
			p, _ := res.Precision()
			rc, _ := res.Recall()
			fmt.Fprintf(e.stdout, "  F1 %.3f  P %.3f  R %.3f  %s  %s\n", res.F1(), p, rc, res.ID, res.URL)
		}
	}

	fmt.Fprintln(e.stdout, "\nPublication dates: exact day as the page wrote it")
	fmt.Fprintln(e.stdout)
	var dreports []*dates.Report
	for _, s := range dateSets {
		if *tuning && !extraction.Tuning(s.Name) {
			continue
		}
		r := dates.Evaluate(ctx, s.Pages, dates.MetadataReader)
		r.Name = s.Name
		dreports = append(dreports, r)
	}
	dByName := map[string]*dates.Report{}
	for _, r := range dreports {
		dByName[r.Name] = r
	}
	drows := append([]*dates.Report(nil), dreports...)
	if tune, check := dByName[extraction.WCXBTune], dByName[extraction.WCXBCheck]; tune != nil && check != nil {
		drows = append(drows, dates.Merge(extraction.WCXBDev+" (all)", tune, check))
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "set\tpages\taccuracy\tcorrect\twrong\tmissing\tfailed\t")
	for _, r := range drows {
		fmt.Fprintf(tw, "%s\t%d\t%.3f\t%d\t%d\t%d\t%d\t\n", r.Name, r.Pages, r.Accuracy, r.Correct, r.Wrong, r.Missing, r.Failed)
	}
	tw.Flush()
	sum, n := 0.0, 0
	for _, name := range []string{dates.MediaCloud, extraction.WCXBTune, extraction.Fundus} {
		if r := dByName[name]; r != nil {
			sum += r.Accuracy
			n++
		}
	}
	if n > 0 {
		fmt.Fprintf(e.stdout, "\nmean date accuracy over mediacloud-2020, %s and fundus: %.4f\n", extraction.WCXBTune, sum/float64(n))
	}
	if *dateErrors {
		for _, r := range dreports {
			if extraction.Tuning(r.Name) {
				fmt.Fprintf(e.stdout, "\n%s: pages not correct\n", r.Name)
				r.PrintErrors(e.stdout)
			}
		}
	}
	return ctx.Err()
}

// printBodyTable writes one row per report: pages, F1, precision, recall,
// accuracy, failures and, when speed is set, pages per second.
func printBodyTable(w io.Writer, rows []*extraction.Report, speed bool) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	head := "set\tpages\tF1\tprecision\trecall\taccuracy\tfailed\t"
	if speed {
		head += "pages/s\t"
	}
	fmt.Fprintln(tw, head)
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%d\t", r.Name, r.Pages, r.F1, r.Precision, r.Recall, r.Accuracy, r.Failed)
		if speed {
			if s := r.Elapsed.Seconds(); s > 0 {
				fmt.Fprintf(tw, "%.0f\t", float64(r.Pages)/s)
			} else {
				fmt.Fprint(tw, "\t")
			}
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
}

// meanF1 is the mean F1 of the named reports present.
func meanF1(byName map[string]*extraction.Report, names ...string) float64 {
	sum, n := 0.0, 0
	for _, name := range names {
		if r := byName[name]; r != nil {
			sum += r.F1
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// BodyText is sayso's extraction.Extractor: the article body as plain text.
func BodyText(page []byte, pageURL string) (string, error) {
	a, err := extract.FromReader(bytes.NewReader(page), pageURL)
	if err != nil {
		return "", err
	}
	return a.Text(), nil
}
