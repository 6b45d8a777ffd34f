package trace

import (
	"fmt"
	"io"

	"github.com/sayso-news/sayso"
)

// PR counts the outcomes of a detection.
type PR struct{ TP, FP, FN int }

// Precision is TP over TP+FP, 1 when nothing was predicted.
func (p PR) Precision() float64 { return ratio(p.TP, p.TP+p.FP) }

// Recall is TP over TP+FN, 1 when there was nothing to find.
func (p PR) Recall() float64 { return ratio(p.TP, p.TP+p.FN) }

// Rate counts right answers among questions.
type Rate struct{ Right, Total int }

// Value is Right over Total, 1 when there was no question.
func (r Rate) Value() float64 { return ratio(r.Right, r.Total) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Report is the score of predicted clusters and traces against a truth.
type Report struct {
	// Articles counts the pages generated; Clusters, Pairs, Quotes and
	// Appearances what the truth holds.
	Articles, Clusters, Pairs, Quotes, Appearances int
	CopyPairs                                      PR
	OriginalNamed                                  Rate
	AppearancesFound                               PR
	FirstAppearance                                Rate
	Altered, Misattributed                         PR
	// Variants is the share of right appearances given the true variant.
	Variants Rate
}

// pairKey names an unordered pair of addresses.
func pairKey(a, b string) string {
	if a > b {
		a, b = b, a
	}
	return a + "\x00" + b
}

// Score compares predicted copy clusters and quote traces (as the store
// lists them, addresses being the pages' addresses) with the truth.
func Score(truth Truth, clusters []*sayso.CopyCluster, traces []*sayso.QuoteTrace) Report {
	var r Report
	r.Clusters, r.Quotes = len(truth.Clusters), len(truth.Quotes)
	scoreCopies(&r, truth, clusters)
	scoreTraces(&r, truth, traces)
	return r
}

func scoreCopies(r *Report, truth Truth, clusters []*sayso.CopyCluster) {
	want := map[string]bool{}
	for _, c := range truth.Clusters {
		for i, a := range c.Members {
			for _, b := range c.Members[i+1:] {
				want[pairKey(a, b)] = true
			}
		}
	}
	r.Pairs = len(want)
	got := map[string]bool{}
	clusterOf := map[string]*sayso.CopyCluster{}
	for _, c := range clusters {
		for i, a := range c.Members {
			clusterOf[a.URL] = c
			for _, b := range c.Members[i+1:] {
				got[pairKey(a.URL, b.URL)] = true
			}
		}
	}
	for k := range got {
		if want[k] {
			r.CopyPairs.TP++
		} else {
			r.CopyPairs.FP++
		}
	}
	r.CopyPairs.FN = len(want) - r.CopyPairs.TP
	for _, c := range truth.Clusters {
		r.OriginalNamed.Total++
		// The predicted cluster holding most of the true one's members.
		votes := map[*sayso.CopyCluster]int{}
		var best *sayso.CopyCluster
		for _, m := range c.Members {
			if p := clusterOf[m]; p != nil {
				votes[p]++
				if best == nil || votes[p] > votes[best] {
					best = p
				}
			}
		}
		if best != nil && best.Original.URL == c.Original {
			r.OriginalNamed.Right++
		}
	}
}

// truthRef is one true appearance: quote q's appearance i.
type truthRef struct{ q, i int }

func scoreTraces(r *Report, truth Truth, traces []*sayso.QuoteTrace) {
	byURL := map[string][]truthRef{}
	altered, misattributed := 0, 0
	for q, tq := range truth.Quotes {
		for i, a := range tq.Appearances {
			byURL[a.URL] = append(byURL[a.URL], truthRef{q, i})
			r.Appearances++
			switch a.Variant {
			case sayso.VariantAltered:
				altered++
			case sayso.VariantMisattributed:
				misattributed++
			}
		}
	}
	ignored := map[string][][]string{}
	for _, p := range truth.Ignored {
		ignored[p.URL] = append(ignored[p.URL], p.Words)
	}
	found := map[truthRef]bool{}
	// best trace per true quote: the one with the most right appearances.
	bestTrace := map[int]*sayso.QuoteTrace{}
	bestRight := map[int]int{}
	for _, t := range traces {
		t = withoutIgnored(t, truth, byURL, ignored)
		labels := make([]int, len(t.Appearances))
		refs := make([]truthRef, len(t.Appearances))
		votes := map[int]int{}
		for k, a := range t.Appearances {
			labels[k] = -1
			ws := words(a.Text)
			for _, ref := range byURL[a.URL] {
				if sameQuote(ws, truth.Quotes[ref.q].Appearances[ref.i].Words) {
					labels[k], refs[k] = ref.q, ref
					votes[ref.q]++
					break
				}
			}
		}
		label := -1
		for q, n := range votes {
			if label < 0 || n > votes[label] || n == votes[label] && q < label {
				label = q
			}
		}
		right := 0
		for k, a := range t.Appearances {
			if label < 0 || labels[k] != label {
				r.AppearancesFound.FP++
				if a.Variant == sayso.VariantAltered {
					r.Altered.FP++
				}
				if a.Variant == sayso.VariantMisattributed {
					r.Misattributed.FP++
				}
				continue
			}
			if found[refs[k]] {
				continue // printed twice in one trace: counted once
			}
			found[refs[k]] = true
			right++
			r.AppearancesFound.TP++
			want := truth.Quotes[label].Appearances[refs[k].i].Variant
			r.Variants.Total++
			if a.Variant == want {
				r.Variants.Right++
			}
			switch {
			case a.Variant == sayso.VariantAltered && want == sayso.VariantAltered:
				r.Altered.TP++
			case a.Variant == sayso.VariantAltered:
				r.Altered.FP++
			}
			switch {
			case a.Variant == sayso.VariantMisattributed && want == sayso.VariantMisattributed:
				r.Misattributed.TP++
			case a.Variant == sayso.VariantMisattributed:
				r.Misattributed.FP++
			}
		}
		if label >= 0 && right > bestRight[label] {
			bestTrace[label], bestRight[label] = t, right
		}
	}
	r.AppearancesFound.FN = r.Appearances - r.AppearancesFound.TP
	r.Altered.FN = altered - r.Altered.TP
	r.Misattributed.FN = misattributed - r.Misattributed.TP
	for q, tq := range truth.Quotes {
		r.FirstAppearance.Total++
		if t := bestTrace[q]; t != nil && t.First.URL == tq.First {
			r.FirstAppearance.Right++
		}
	}
}

// withoutIgnored returns trace t without the appearances that match no
// true quote of their article but lie in a passage the truth leaves out.
func withoutIgnored(t *sayso.QuoteTrace, truth Truth, byURL map[string][]truthRef, ignored map[string][][]string) *sayso.QuoteTrace {
	out := *t
	out.Appearances = nil
	for _, a := range t.Appearances {
		ws := words(a.Text)
		known, skip := false, false
		for _, ref := range byURL[a.URL] {
			known = known || sameQuote(ws, truth.Quotes[ref.q].Appearances[ref.i].Words)
		}
		for _, p := range ignored[a.URL] {
			skip = skip || !known && sameQuote(ws, p)
		}
		if !skip {
			out.Appearances = append(out.Appearances, a)
		}
	}
	return &out
}

// Print writes the report.
func (r Report) Print(w io.Writer) {
	pr := func(name string, p PR) {
		fmt.Fprintf(w, "%-17s precision %.3f  recall %.3f  (tp %d, fp %d, fn %d)\n", name, p.Precision(), p.Recall(), p.TP, p.FP, p.FN)
	}
	fmt.Fprintf(w, "truth: %d articles, %d copy clusters (%d copy pairs), %d travelling quotes (%d appearances)\n",
		r.Articles, r.Clusters, r.Pairs, r.Quotes, r.Appearances)
	pr("copy pairs", r.CopyPairs)
	fmt.Fprintf(w, "%-17s %.3f  (%d of %d clusters)\n", "original named", r.OriginalNamed.Value(), r.OriginalNamed.Right, r.OriginalNamed.Total)
	pr("appearances", r.AppearancesFound)
	fmt.Fprintf(w, "%-17s %.3f  (%d of %d quotes)\n", "first appearance", r.FirstAppearance.Value(), r.FirstAppearance.Right, r.FirstAppearance.Total)
	pr("altered", r.Altered)
	pr("misattributed", r.Misattributed)
	fmt.Fprintf(w, "%-17s %.3f  (%d of %d appearances found)\n", "variant right", r.Variants.Value(), r.Variants.Right, r.Variants.Total)
}
