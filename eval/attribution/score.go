package attribution

import (
	"fmt"
	"io"
	"sort"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/internal/textnorm"
)

// minContentIoU is the lenient match's bar for content: PolNeAR's own
// agreement studies count contents as the same when they overlap by half.
const minContentIoU = 0.5

// PRF counts true positives, false positives and false negatives.
type PRF struct{ TP, FP, FN int }

// Precision returns TP/(TP+FP), or 0 when nothing was predicted.
func (c PRF) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall returns TP/(TP+FN), or 0 when there was nothing to find.
func (c PRF) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 returns the harmonic mean of precision and recall, 0 when both are 0.
func (c PRF) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (c *PRF) add(o PRF) { c.TP += o.TP; c.FP += o.FP; c.FN += o.FN }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// KindScore counts lenient attribution matches for one kind: recall over
// gold attributions of the kind, precision over predicted ones of the kind,
// each classified by KindOf.
type KindScore struct {
	Gold, Pred               int
	MatchedGold, MatchedPred int
}

// Precision returns the share of predictions of the kind that matched.
func (k KindScore) Precision() float64 { return ratio(k.MatchedPred, k.Pred) }

// Recall returns the share of gold attributions of the kind that matched.
func (k KindScore) Recall() float64 { return ratio(k.MatchedGold, k.Gold) }

// F1 returns the harmonic mean of precision and recall.
func (k KindScore) F1() float64 {
	p, r := k.Precision(), k.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Kinds lists the attribution kinds in the order reports show them.
var Kinds = []sayso.AttributionKind{sayso.Direct, sayso.Mixed, sayso.Indirect}

// Scores accumulates attribution scores over documents; the zero value is
// ready to use.
type Scores struct {
	Docs        int
	Gold, Pred  int
	Source      PRF
	Cue         PRF
	Content     PRF
	Lenient     PRF
	Strict      PRF
	ByKind      map[sayso.AttributionKind]KindScore
	QuoteGold   int // gold direct and mixed attributions
	QuoteFound  int // of those, matched by content
	QuoteSource int // of those matched, with the source right
}

// QuoteSourceShare returns the share of matched direct and mixed quotes
// whose predicted source overlaps the gold source (or both are absent).
func (s *Scores) QuoteSourceShare() float64 { return ratio(s.QuoteSource, s.QuoteFound) }

// scored is an attribution reduced to what scoring compares.
type scored struct {
	source, cue, content []sayso.Span
	kind                 sayso.AttributionKind
	contentLen           int
}

func reduce(text string, ix *textnorm.Index, a sayso.Attribution) scored {
	var s scored
	if a.Source != nil {
		s.source = SplitLines(text, ix, a.Source.Spans)
	}
	if a.Cue != nil {
		s.cue = SplitLines(text, ix, a.Cue.Spans)
	}
	s.content = SplitLines(text, ix, a.Content.Spans)
	s.kind = KindOf(text, ix, s.content)
	for _, p := range s.content {
		s.contentLen += p.Len()
	}
	return s
}

// Add scores the predicted attributions pred of one text against gold.
// Predictions are first put in PolNeAR's shape (PolNeARView); spans of both
// are split at line breaks and trimmed of white space.
func (s *Scores) Add(text string, gold, pred []sayso.Attribution) {
	if s.ByKind == nil {
		s.ByKind = map[sayso.AttributionKind]KindScore{}
	}
	ix := textnorm.NewIndex(text)
	g := make([]scored, len(gold))
	for i, a := range gold {
		g[i] = reduce(text, ix, a)
	}
	pv := PolNeARView(pred)
	p := make([]scored, len(pv))
	for i, a := range pv {
		p[i] = reduce(text, ix, a)
	}
	s.Docs++
	s.Gold += len(g)
	s.Pred += len(p)
	s.Source.add(components(g, p, func(x scored) []sayso.Span { return x.source }))
	s.Cue.add(components(g, p, func(x scored) []sayso.Span { return x.cue }))
	s.Content.add(components(g, p, func(x scored) []sayso.Span { return x.content }))

	lenient := match(g, p, lenientMatch)
	s.Lenient.add(PRF{TP: len(lenient), FP: len(p) - len(lenient), FN: len(g) - len(lenient)})
	strict := match(g, p, strictMatch)
	s.Strict.add(PRF{TP: len(strict), FP: len(p) - len(strict), FN: len(g) - len(strict)})
	for _, k := range Kinds {
		c := s.ByKind[k]
		for _, x := range g {
			if x.kind == k {
				c.Gold++
			}
		}
		for _, x := range p {
			if x.kind == k {
				c.Pred++
			}
		}
		for gi, pi := range lenient {
			if g[gi].kind == k {
				c.MatchedGold++
			}
			if p[pi].kind == k {
				c.MatchedPred++
			}
		}
		s.ByKind[k] = c
	}
	quoteIdx := []int{}
	for i, x := range g {
		if x.kind == sayso.Direct || x.kind == sayso.Mixed {
			quoteIdx = append(quoteIdx, i)
		}
	}
	s.QuoteGold += len(quoteIdx)
	quotes := make([]scored, len(quoteIdx))
	for i, gi := range quoteIdx {
		quotes[i] = g[gi]
	}
	for qi, pi := range match(quotes, p, contentMatch) {
		s.QuoteFound++
		if sourceAgrees(quotes[qi].source, p[pi].source) {
			s.QuoteSource++
		}
	}
}

// components counts exact matches of the distinct pieces of one role.
func components(g, p []scored, role func(scored) []sayso.Span) PRF {
	gs, ps := map[sayso.Span]bool{}, map[sayso.Span]bool{}
	for _, x := range g {
		for _, sp := range role(x) {
			gs[sp] = true
		}
	}
	for _, x := range p {
		for _, sp := range role(x) {
			ps[sp] = true
		}
	}
	var c PRF
	for sp := range ps {
		if gs[sp] {
			c.TP++
		} else {
			c.FP++
		}
	}
	c.FN = len(gs) - c.TP
	return c
}

// match pairs gold and predicted attributions one to one among the pairs ok
// accepts, best content overlap first, and returns gold index → predicted
// index.
func match(g, p []scored, ok func(g, p scored) bool) map[int]int {
	type pair struct {
		gi, pi int
		iou    float64
	}
	var pairs []pair
	for gi := range g {
		for pi := range p {
			if ok(g[gi], p[pi]) {
				pairs = append(pairs, pair{gi, pi, iou(g[gi].content, p[pi].content)})
			}
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].iou > pairs[j].iou })
	out := map[int]int{}
	used := map[int]bool{}
	for _, pr := range pairs {
		if _, done := out[pr.gi]; done || used[pr.pi] {
			continue
		}
		out[pr.gi] = pr.pi
		used[pr.pi] = true
	}
	return out
}

func lenientMatch(g, p scored) bool {
	return overlaps(g.cue, p.cue) && iou(g.content, p.content) >= minContentIoU && sourceAgrees(g.source, p.source)
}

func strictMatch(g, p scored) bool {
	return sameSpans(g.cue, p.cue) && sameSpans(g.content, p.content) && sameSpans(g.source, p.source)
}

func contentMatch(g, p scored) bool { return iou(g.content, p.content) >= minContentIoU }

// sourceAgrees: sources overlap, or both are absent.
func sourceAgrees(g, p []sayso.Span) bool {
	if len(g) == 0 && len(p) == 0 {
		return true
	}
	return overlaps(g, p)
}

func overlaps(a, b []sayso.Span) bool {
	for _, x := range a {
		for _, y := range b {
			if x.Start < y.End && y.Start < x.End {
				return true
			}
		}
	}
	return false
}

func sameSpans(a, b []sayso.Span) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// iou is the intersection over union of two sets of pieces, in code points.
func iou(a, b []sayso.Span) float64 {
	inter, la, lb := 0, 0, 0
	for _, x := range a {
		la += x.Len()
		for _, y := range b {
			if lo, hi := max(x.Start, y.Start), min(x.End, y.End); hi > lo {
				inter += hi - lo
			}
		}
	}
	for _, y := range b {
		lb += y.Len()
	}
	if union := la + lb - inter; union > 0 {
		return float64(inter) / float64(union)
	}
	return 0
}

// Print writes the scores as a table.
func (s *Scores) Print(w io.Writer) {
	fmt.Fprintf(w, "%d articles, %d gold attributions, %d predicted\n\n", s.Docs, s.Gold, s.Pred)
	fmt.Fprintf(w, "Component exact-span match (code points; a discontinuous span counts as its pieces)\n")
	fmt.Fprintf(w, "  %-10s %6s %6s %6s %7s %7s %7s\n", "", "gold", "pred", "tp", "P", "R", "F1")
	row := func(name string, c PRF) {
		fmt.Fprintf(w, "  %-10s %6d %6d %6d %7.3f %7.3f %7.3f\n", name, c.TP+c.FN, c.TP+c.FP, c.TP, c.Precision(), c.Recall(), c.F1())
	}
	row("Source", s.Source)
	row("Cue", s.Cue)
	row("Content", s.Content)
	fmt.Fprintf(w, "\nAttribution level\n")
	fmt.Fprintf(w, "  %-10s %6s %6s %6s %7s %7s %7s\n", "", "gold", "pred", "tp", "P", "R", "F1")
	row("lenient", s.Lenient)
	row("strict", s.Strict)
	fmt.Fprintf(w, "\nAttribution level by kind (lenient; gold kind for recall, predicted kind for precision)\n")
	for _, k := range Kinds {
		c := s.ByKind[k]
		fmt.Fprintf(w, "  %-10s %6d %6d %6d %7.3f %7.3f %7.3f\n", k, c.Gold, c.Pred, c.MatchedGold, c.Precision(), c.Recall(), c.F1())
	}
	fmt.Fprintf(w, "\nDirect and mixed quotes: %d gold, %d matched by content (IoU >= %.1f); source right on %d = %.3f\n",
		s.QuoteGold, s.QuoteFound, minContentIoU, s.QuoteSource, s.QuoteSourceShare())
}
