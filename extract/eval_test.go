package extract

import (
	"bytes"
	"compress/gzip"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/sayso-news/sayso/eval/extraction"
)

var debugPage = flag.String("page", "", "print the blocks of the scrapinghub page whose id starts with `prefix`")

var debugFile = flag.String("file", "", "print the blocks of the page in `file` (.gz allowed)")

var scores = flag.String("scores", "", "write per-page precision and recall to `file`")

var diag = flag.Int("diag", 0, "print the `n` worst scrapinghub pages with missed and extra text")

// dataDir returns the shared evaluation data folder: $SAYSO_DATA or
// ../shared/data beside the repository root.
func dataDir() string {
	if d := os.Getenv("SAYSO_DATA"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "shared", "data")
}

func loadScrapinghub(tb testing.TB) []extraction.Page {
	tb.Helper()
	dir := filepath.Join(dataDir(), "extraction", "scrapinghub")
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("scrapinghub benchmark absent at %s (set SAYSO_DATA): %v", dir, err)
	}
	pages, err := extraction.Load(dir)
	if err != nil {
		tb.Fatal(err)
	}
	return pages
}

// BodyText is the extraction.Extractor for sayso: the article body as plain
// text, blocks separated by blank lines.
func bodyText(page []byte, pageURL string) (string, error) {
	a, err := FromReader(bytes.NewReader(page), pageURL)
	if err != nil {
		return "", err
	}
	return a.Text(), nil
}

// Floors sit just under the figures reached, so that quality never drops
// silently; raise them when extraction improves.
const (
	floorF1        = 0.977
	floorPrecision = 0.979
)

func TestScrapinghubFloors(t *testing.T) {
	pages := loadScrapinghub(t)
	r := extraction.Evaluate(context.Background(), pages, bodyText)
	var b strings.Builder
	r.Print(&b)
	t.Log(b.String())
	if r.F1 < floorF1 || r.Precision < floorPrecision {
		t.Errorf("scrapinghub F1 %.4f precision %.4f, below floors %.3f / %.3f", r.F1, r.Precision, floorF1, floorPrecision)
	}
	if *diag > 0 {
		printDiag(r, *diag)
	}
	if *scores != "" {
		var b strings.Builder
		for _, res := range r.Results {
			p, _ := res.Precision()
			rc, _ := res.Recall()
			fmt.Fprintf(&b, "%s %.3f %.3f\n", res.ID[:12], p, rc)
		}
		if err := os.WriteFile(*scores, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if *debugFile != "" {
		raw, err := os.ReadFile(*debugFile)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(*debugFile, ".gz") {
			zr, err := gzip.NewReader(bytes.NewReader(raw))
			if err != nil {
				t.Fatal(err)
			}
			if raw, err = io.ReadAll(zr); err != nil {
				t.Fatal(err)
			}
		}
		debugBlocks(extraction.Page{HTML: raw})
	}
	if *debugPage != "" {
		for _, p := range pages {
			if strings.HasPrefix(p.ID, *debugPage) {
				debugBlocks(p)
			}
		}
	}
}

// printDiag shows the worst pages: their scores and the sentences missed
// and added, to find the general cause of each mistake.
func printDiag(r *extraction.Report, n int) {
	for _, res := range r.Worst(n) {
		p, _ := res.Precision()
		rc, _ := res.Recall()
		fmt.Printf("\n=== %s P %.3f R %.3f %s err=%v\n", res.ID[:12], p, rc, res.URL, res.Err)
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

// debugBlocks prints every block of a page with its verdicts: K kept,
// class, region and the element chain above it.
func debugBlocks(p extraction.Page) {
	text, _, _ := toUTF8(p.HTML, "")
	doc, err := html.Parse(bytes.NewReader(text))
	if err != nil {
		fmt.Println(err)
		return
	}
	c := collect(doc)
	c.classify()
	c.markRegions()
	cont := c.chooseContainer()
	sel := c.selectBlocks(cont, c.titleText)
	kept := map[int]bool{}
	for _, i := range sel {
		kept[i] = true
	}
	fmt.Printf("container: %s\n", c.path(cont))
	for i, b := range c.blocks {
		k := " "
		if kept[i] {
			k = "K"
		}
		in := " "
		if c.within(b.elem, cont) {
			in = "c"
		} else if (b.region >= 0 || b.class == classBad) && !c.within(b.elem, c.elems[c.elems[cont].parent].parent) && os.Getenv("DEBUG_ALL") == "" {
			continue
		}
		fmt.Printf("%s%s cl=%d reg=%d ch=%d ld=%.2f %-40s | %s\n", k, in, b.class, b.region, b.chars, float64(b.linkChars)/float64(b.chars), clip(b.text, 70), c.path(b.elem))
	}
}

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
