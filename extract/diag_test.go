package extract

import (
	"flag"
	"fmt"
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
	diag       = flag.Int("diag", 0, "print the `n` worst pages of each tuning set with the lines missed and added")
	diagSet    = flag.String("set", "", "diagnose only the tuning sets whose name contains `text`")
	showBlocks = flag.String("blocks", "", "print every block of the tuning pages whose id starts with `prefix`, with its verdicts")
	dumpScores = flag.String("dump", "", "write each tuning page's set, id, F1, precision and recall to `file`, to compare runs")
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
