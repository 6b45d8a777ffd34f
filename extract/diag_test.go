package extract

import (
	"flag"
	"fmt"
	"sort"
	"strings"

	"github.com/sayso-news/sayso/eval/extraction"
)

// Diagnostics for improving the heuristics by their general causes, on the
// tuning sets only (scrapinghub, wcxb-dev's tuning part, fundus), e.g.
//
//	go test ./extract -run Diagnose -diag 10 -set wcxb
//	go test ./extract -run Diagnose -blocks dev-0012
//	go test ./extract -run Diagnose -dump /tmp/before.tsv
var (
	diag        = flag.Int("diag", 0, "print the `n` worst pages of each tuning set with the lines missed and added")
	diagSet     = flag.String("set", "", "diagnose only the tuning sets whose name contains `text`")
	showBlocks  = flag.String("blocks", "", "print every block of the tuning pages whose id starts with `prefix`, with its verdicts")
	dumpScores  = flag.String("dump", "", "write each tuning page's set, id, F1, precision and recall to `file`, to compare runs")
	showNoBlock = flag.Bool("noblock", false, "with -causes, print the lines of the truth missed that no block holds")
	showMissed  = flag.Bool("missed", false, "with -causes, print the good lines of the truth the output lacks")
	showExtra   = flag.Bool("extra", false, "with -causes, print the good lines of the output the truth lacks")
	showCauses  = flag.Bool("causes", false, "sum the truth missed and the output added on each tuning set by the kind of block the lines sit in")
	outDir      = flag.String("out", "", "write each tuning page's output and truth to `dir` as ID.out.txt and ID.truth.txt")
)

// printDiag shows the worst pages: their scores and the lines missed and
// added.
func printDiag(r *extraction.Report, n int) {
	for _, res := range r.Worst(n) {
		p, _ := res.Precision()
		rc, _ := res.Recall()
		fmt.Printf("\n=== %s P %.3f R %.3f %s err=%v\n", clip(res.ID, 24), p, rc, res.URL, res.Err)
		truth := lineSet(res.Truth)
		pred := lineSet(res.Predicted)
		shown := 0
		for _, l := range lines(res.Truth) {
			if !pred[norm(l)] && shown < 8 {
				fmt.Printf("  - %s\n", clip(l, 140))
				shown++
			}
		}
		shown = 0
		for _, l := range lines(res.Predicted) {
			if !truth[norm(l)] && shown < 8 {
				fmt.Printf("  + %s\n", clip(l, 140))
				shown++
			}
		}
	}
}

// writeScores appends one tab-separated line per page of r: set, id, F1,
// precision, recall (-1 where undefined).
func writeScores(b *strings.Builder, r *extraction.Report) {
	for _, res := range r.Results {
		p, ok := res.Precision()
		if !ok {
			p = -1 // undefined: nothing predicted
		}
		rc, ok := res.Recall()
		if !ok {
			rc = -1
		}
		fmt.Fprintf(b, "%s\t%s\t%.4f\t%.4f\t%.4f\n", r.Name, res.ID, res.F1(), p, rc)
	}
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func norm(s string) string { return strings.Join(extraction.Tokens(s), " ") }

func lineSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, l := range lines(s) {
		m[norm(l)] = true
	}
	return m
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// printBlocks prints every block of a page with its verdicts: K when kept,
// c when inside the chosen container, its class, region, weighted length,
// link density and the elements above it.
func printBlocks(page []byte) {
	text, _, _ := toUTF8(page, "")
	doc, err := parseHTML(text)
	if err != nil {
		fmt.Println(err)
		return
	}
	c := collect(doc)
	c.classify()
	c.markRegions()
	cont := c.chooseContainer()
	if cont < 0 {
		fmt.Println("no container")
		return
	}
	kept := map[int]bool{}
	for _, i := range c.selectBlocks(cont, c.titleText) {
		kept[i] = true
	}
	fmt.Printf("container: %s\n", c.path(cont))
	for i, b := range c.blocks {
		k, in := " ", " "
		if kept[i] {
			k = "K"
		}
		if c.within(b.elem, cont) {
			in = "c"
		}
		reg := ""
		if b.region >= 0 {
			el := c.elems[b.region]
			reg = fmt.Sprintf(" [region %s.%s#%s]", el.tag, clip(attr(el.node, "class"), 60), attr(el.node, "id"))
		}
		fmt.Printf("%s%s cl=%d reg=%d ch=%d ld=%.2f %-40s | %s%s\n", k, in, b.class, b.region, b.chars,
			float64(b.linkChars)/float64(b.chars), clip(b.text, 70), c.path(b.elem), reg)
	}
}

// path describes element e and up to five of its ancestors: tag, class, id,
// hints and container score.
func (c *collector) path(e int32) string {
	var parts []string
	for ; e >= 0 && len(parts) < 6; e = c.elems[e].parent {
		el := c.elems[e]
		s := el.tag.String()
		if cl := attr(el.node, "class"); cl != "" {
			s += "." + clip(strings.ReplaceAll(cl, " ", "."), 30)
		}
		if id := attr(el.node, "id"); id != "" {
			s += "#" + id
		}
		s += fmt.Sprintf("(%d/%d %.0f)", el.neg, el.pos, el.score)
		parts = append(parts, s)
	}
	return strings.Join(parts, " < ")
}

// causes sums, over the pages of a set, the share of each page's truth
// that was missed and of its output that was extra, by what the block
// holding the text was: kind, verdict, region, inside the container or
// not. Text is compared by the metric's 4-token shingles, block by block;
// truth the page's blocks do not hold counts as "no block".
type causes struct {
	missed, extra map[string]float64
	pages         int
}

func shingleSet(text string) map[string]int {
	toks := extraction.Tokens(text)
	m := map[string]int{}
	for i := 0; i+4 <= len(toks); i++ {
		m[strings.Join(toks[i:i+4], " ")]++
	}
	if len(toks) > 0 && len(toks) < 4 {
		m[strings.Join(toks, " ")]++
	}
	return m
}

func (cs *causes) add(page []byte, truth, predicted string) {
	if cs.missed == nil {
		cs.missed, cs.extra = map[string]float64{}, map[string]float64{}
	}
	cs.pages++
	text, _, _ := toUTF8(page, "")
	doc, err := parseHTML(text)
	if err != nil {
		return
	}
	c := collect(doc)
	c.classify()
	c.markRegions()
	cont := c.chooseContainer()
	kept := map[int]bool{}
	var selOrder []int
	if cont >= 0 {
		selOrder = c.selectBlocks(cont, c.titleText)
		for _, i := range selOrder {
			kept[i] = true
		}
	}
	describe := func(i int) string {
		b := &c.blocks[i]
		where := "out"
		if cont >= 0 && c.within(b.elem, cont) {
			where = "in"
		}
		if b.region >= 0 {
			where += "+region"
		}
		ld := "links<.33"
		if float64(b.linkChars) > 0.33*float64(b.chars) {
			ld = "links>.33"
		}
		return fmt.Sprintf("%-7s %-10s class=%d %s %s", b.kind, where, b.class, ld, sizeClass(b.chars))
	}
	truthSh, predSh := shingleSet(truth), shingleSet(predicted)
	nTruth, nPred := 0, 0
	for _, n := range truthSh {
		nTruth += n
	}
	for _, n := range predSh {
		nPred += n
	}
	covered := map[string]bool{}
	for i := range c.blocks {
		b := &c.blocks[i]
		sh := shingleSet(b.text)
		in, out := 0, 0
		for k, n := range sh {
			if truthSh[k] > 0 {
				in += n
				covered[k] = true
			} else {
				out += n
			}
		}
		if kept[i] && out > 0 && nPred > 0 {
			cs.extra[describe(i)] += float64(out) / float64(nPred)
			if *showExtra && out > in && b.class == classGood {
				pos := 0
				for k, j := range selOrder {
					if j == i {
						pos = 100 * k / len(selOrder)
					}
				}
				fmt.Printf("  extra@%d%%: %s | %s\n", pos, clip(b.text, 90), c.path(b.elem))
			}
		}
		if !kept[i] && in > 0 && nTruth > 0 {
			missed := 0
			for k, n := range sh {
				if truthSh[k] > 0 && predSh[k] == 0 {
					missed += n
				}
			}
			cs.missed[describe(i)] += float64(missed) / float64(nTruth)
			if *showMissed && missed*2 > in+out && b.class == classGood {
				fmt.Printf("  missed: %s | %s | container %s\n", clip(b.text, 70), c.path(b.elem), c.path(cont))
			}
		}
	}
	noBlock := 0
	for k, n := range truthSh {
		if !covered[k] && predSh[k] == 0 {
			noBlock += n
		}
	}
	if nTruth > 0 {
		cs.missed["no block"] += float64(noBlock) / float64(nTruth)
	}
	if *showNoBlock {
		for _, l := range lines(truth) {
			sh := shingleSet(l)
			lost, all := 0, 0
			for k, n := range sh {
				all += n
				if !covered[k] && predSh[k] == 0 {
					lost += n
				}
			}
			if lost*2 > all {
				fmt.Printf("  no block: %s\n", clip(l, 120))
			}
		}
	}
}

func sizeClass(n int) string {
	switch {
	case n < 20:
		return "<20"
	case n < 35:
		return "<35"
	case n < 80:
		return "<80"
	}
	return ">=80"
}

func (cs *causes) print(name string) {
	show := func(what string, m map[string]float64) {
		type kv struct {
			k string
			v float64
		}
		var all []kv
		for k, v := range m {
			all = append(all, kv{k, v})
		}
		sort.Slice(all, func(i, j int) bool { return all[i].v > all[j].v })
		fmt.Printf("\n%s: %s (share of the mean, by the block the line sits in)\n", name, what)
		for i, x := range all {
			if i >= 25 {
				break
			}
			fmt.Printf("  %.4f  %s\n", x.v/float64(cs.pages), x.k)
		}
	}
	show("truth missed", cs.missed)
	show("output extra", cs.extra)
}
