package extract

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/sayso-news/sayso"
)

// endless yields n bytes of repeated HTML without holding them in memory.
type endless struct {
	n     int64
	chunk []byte
	off   int
}

func (e *endless) Read(p []byte) (int, error) {
	if e.n <= 0 {
		return 0, io.EOF
	}
	k := 0
	for k < len(p) && e.n > 0 {
		c := copy(p[k:], e.chunk[e.off:])
		if int64(c) > e.n {
			c = int(e.n)
		}
		k += c
		e.n -= int64(c)
		e.off = (e.off + c) % len(e.chunk)
	}
	return k, nil
}

// hostilePara is a paragraph of prose for hostile pages to carry.
const hostilePara = "<p>The committee met on Tuesday and agreed, after a long debate, to publish its findings in full next spring.</p>"

// Pages built to make work grow faster than their size: each was, before
// the fix its comment names, seconds to minutes of CPU or gigabytes of
// memory. They are tests here and benchmarks in bench_test.go.
var (
	// Every block's statistics climbed all its ancestors (now summed up
	// the tree once): 480 levels × 100,000 blocks.
	deepManyBlocks = func() string {
		return strings.Repeat("<div>", 480) + hostilePara + strings.Repeat("<p>x.</p>", 100000)
	}
	// x/net/html re-opens every unclosed formatting element at each run
	// of text: 400 × 20,000 clones from 300 KB (now rewritten first).
	unclosedFormatting = func() string {
		var b strings.Builder
		b.WriteString("<div>")
		for i := range 400 {
			fmt.Fprintf(&b, "<b id=%d>", i)
		}
		b.WriteString("</div>" + strings.Repeat("<p>x y z.</p>", 20000) + hostilePara + hostilePara)
		return b.String()
	}
	// x/net/html merges the attributes of each repeated <html> or <body>
	// tag into the first, rebuilding a map of them every time.
	repeatedRoots = func(tag string) func() string {
		return func() string {
			var b strings.Builder
			for i := range 100000 {
				fmt.Fprintf(&b, "<%s a%d>", tag, i)
			}
			return b.String() + hostilePara + hostilePara
		}
	}
	// Each credit line was compared with every credit found before it
	// (now a set).
	manyCredits = func() string {
		var b strings.Builder
		b.WriteString("<article>")
		for i := range 60000 {
			// Outlet names without digits: a credit naming a number is a date.
			name := strings.Map(func(r rune) rune { return r - '0' + 'a' }, fmt.Sprint(i))
			fmt.Fprintf(&b, "%s<p>Source: Outlet %s.</p>", hostilePara, name)
		}
		return b.String() + "</article>"
	}
	// The title was re-normalised for every short block compared with it
	// (now once per page).
	manyHeadings = func() string {
		return "<title>" + strings.Repeat("word ", 100) + "</title>" + strings.Repeat("<h2>head</h2>", 200000) + hostilePara + hostilePara
	}
	// Links of a <br><br>-split paragraph were matched by their text
	// against every part (now placed by their offset).
	splitLinks = func() string {
		return "<p>" + hostilePara + strings.Repeat("word <a href=/x>link text here</a><br><br>", 150000) + "</p>"
	}
)

func TestHostileInputs(t *testing.T) {
	para := hostilePara
	cases := []struct {
		name string
		page func() io.Reader
		// code is the error code expected, "" for a successful extraction,
		// "any" when either a clear error or a result is acceptable.
		code sayso.ErrorCode
	}{
		{"binary", func() io.Reader {
			return bytes.NewReader([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"))
		}, sayso.EINVALID},
		{"empty", func() io.Reader { return strings.NewReader("") }, sayso.EINVALID},
		{"plain text", func() io.Reader {
			return strings.NewReader("Just some text in a file, not a web page.\nIt has two lines, and nothing else at all.")
		}, "any"},
		{"json", func() io.Reader { return strings.NewReader(`{"title": "not html", "items": [1, 2, 3]}`) }, sayso.ENOARTICLE},
		{"truncated", func() io.Reader {
			return strings.NewReader(`<html><body><article>` + para + para + `<p>The report was cut off in the mid`)
		}, ""},
		{"malformed", func() io.Reader {
			return strings.NewReader(`<html><body><div><p>Unclosed <b>bold <i>italic</div></p></table>` + para + `<td>stray cell</span>` + para + `</html></html>`)
		}, ""},
		{"invalid utf-8", func() io.Reader {
			return strings.NewReader("<html><body><article><p>Valid start \xff\xfe\xc3\x28 then more text that goes on to make a whole paragraph of prose, as articles have.</p>" + para + "</article></body></html>")
		}, ""},
		{"100k-deep nesting", func() io.Reader { return strings.NewReader(strings.Repeat("<div>", 100000) + para + para) }, ""},
		{"unclosed fonts", func() io.Reader {
			return strings.NewReader("<html><body>" + strings.Repeat("<p><font color=red>"+para[3:len(para)-4]+"</p>", 3000) + "</body></html>")
		}, ""},
		{"100k-deep inline nesting", func() io.Reader { return strings.NewReader(strings.Repeat("<a>", 100000) + para) }, "any"},
		{"100k-deep table nesting", func() io.Reader { return strings.NewReader(strings.Repeat("<table><tr><td>", 30000) + para) }, "any"},
		{"100k tables with implied rows", func() io.Reader { return strings.NewReader(strings.Repeat("<table><td>", 100000) + para + para) }, ""},
		{"200k tiny paragraphs", func() io.Reader {
			return strings.NewReader("<html><body>" + para + strings.Repeat("<p>ok go</p>", 200000) + para + "</body></html>")
		}, ""},
		{"400 nested spans named share", func() io.Reader {
			return strings.NewReader("<p>" + strings.Repeat(`<span class="share">x `, 400) + "</p>" + para + para)
		}, ""},
		{"480-deep nesting, 100k blocks", func() io.Reader { return strings.NewReader(deepManyBlocks()) }, ""},
		{"400 unclosed formatting elements", func() io.Reader { return strings.NewReader(unclosedFormatting()) }, ""},
		{"100k <html> tags", func() io.Reader { return strings.NewReader(repeatedRoots("html")()) }, ""},
		{"100k <body> tags", func() io.Reader { return strings.NewReader(repeatedRoots("body")()) }, ""},
		{"150k links split by line breaks", func() io.Reader { return strings.NewReader(splitLinks()) }, ""},
		{"60k credit lines", func() io.Reader { return strings.NewReader(manyCredits()) }, ""},
		{"200k headings, long title", func() io.Reader { return strings.NewReader(manyHeadings()) }, ""},
		{"50 MB page", func() io.Reader { return &endless{n: 50 << 20, chunk: []byte(para)} }, sayso.ETOOLARGE},
		{"8 MB page", func() io.Reader { return &endless{n: 8 << 20, chunk: []byte(para)} }, ""},
		{"50 MB attribute", func() io.Reader {
			return io.MultiReader(strings.NewReader(`<html><body><div class="`), &endless{n: 50 << 20, chunk: []byte("x")})
		}, sayso.ETOOLARGE},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a, err := FromReader(tc.page(), "https://example.com/x")
			switch {
			case tc.code == "any":
				if err == nil && a == nil {
					t.Fatal("nil article and nil error")
				}
			case tc.code == "":
				if err != nil {
					t.Fatalf("err = %v, want an article", err)
				}
				if len(a.Blocks) == 0 {
					t.Fatal("no blocks")
				}
			default:
				if got := sayso.ErrorCodeOf(err); got != tc.code {
					t.Fatalf("err = %v (code %q), want code %q", err, got, tc.code)
				}
			}
			if err != nil && strings.Contains(err.Error(), "\n") {
				t.Errorf("error spans lines: %q", err)
			}
		})
	}
}

func TestParserTraps(t *testing.T) {
	cases := []struct {
		name string
		page string
		want bool
	}{
		{"plain page", "<html><body>" + hostilePara + "</body></html>", false},
		{"8 <html> tags", strings.Repeat("<html lang=en>", 8), false},
		{"9 <html> tags", strings.Repeat("<html lang=en>", 9), true},
		{"9 <BODY> tags", strings.Repeat("<BODY class=x>", 9), true},
		{"8 unclosed <b>", strings.Repeat("<b>x", 8), false},
		{"9 unclosed <b>", strings.Repeat("<b>x", 9), true},
		{"9 unclosed of several kinds", "<b><i><u><em><strong><font><small><s><tt>x", true},
		{"100 closed <b>", strings.Repeat("<b>x</b>", 100), false},
		{"other end tags close nothing", strings.Repeat("<b id=1></i>", 9), true},
		{"stray end tags do not count", strings.Repeat("</b>", 100) + strings.Repeat("<b>", 8), false},
		{"longer names", strings.Repeat("<bold><big5><input>", 20), false},
		{"script text", "<script>for(i=0;i<n;i++){s='<b>'+s}" + strings.Repeat("if(a<b)x='<b>';", 20) + "</SCRIPT><p>x</p>", false},
		{"style text", "<style>" + strings.Repeat("<i>", 20) + "</style>", false},
		{"unterminated script", "<script>" + strings.Repeat("<b>", 20), false},
	}
	for _, tc := range cases {
		if got := parserTraps([]byte(tc.page)); got != tc.want {
			t.Errorf("%s: parserTraps = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestRewrite(t *testing.T) {
	cases := []struct {
		name, in string
		depth    int
		want     string
	}{
		{"repeated roots", `<html lang=en><head></head><html a><body class=x><body b><p>x</p>`, 0,
			`<html lang=en><head></head><body class=x><p>x</p>`},
		{"formatting beyond the limit", strings.Repeat("<b>", 10) + "x" + strings.Repeat("</b>", 10), 0,
			strings.Repeat("<b>", maxOpenFormatting) + "x" + strings.Repeat("</b>", maxOpenFormatting)},
		{"closed formatting kept", strings.Repeat("<i>x</i>", 20), 0, strings.Repeat("<i>x</i>", 20)},
		{"depth", "<div><div><div>x<br></div></div></div>y", 2, "<div><div>x<br></div></div>y"},
		{"no depth limit", "<div><div><div>x</div></div></div>", 0, "<div><div><div>x</div></div></div>"},
		{"script kept whole", "<script>if(a<b)x='<b>'</script>", 0, "<script>if(a<b)x='<b>'</script>"},
	}
	for _, tc := range cases {
		if got := string(rewrite([]byte(tc.in), tc.depth)); got != tc.want {
			t.Errorf("%s: rewrite = %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestParseHTMLWork checks that the documents parseHTML builds from the
// parser's traps stay in proportion to their markup: the node count and
// the root's attributes are what would explode without the rewrite.
func TestParseHTMLWork(t *testing.T) {
	count := func(n *html.Node) int {
		k := 0
		for d := range n.Descendants() {
			_ = d
			k++
		}
		return k
	}
	doc, err := parseHTML([]byte(unclosedFormatting()))
	if err != nil {
		t.Fatal(err)
	}
	// 20,000 paragraphs with three nodes each, and at most
	// maxOpenFormatting re-opened elements in each; 400 × 20,000 without.
	if n, limit := count(doc), 20000*(3+maxOpenFormatting)+1000; n > limit {
		t.Errorf("unclosed formatting: %d nodes, want at most %d", n, limit)
	}
	for _, tag := range []string{"html", "body"} {
		doc, err := parseHTML([]byte(repeatedRoots(tag)()))
		if err != nil {
			t.Fatal(err)
		}
		for n := range doc.Descendants() {
			if n.Type == html.ElementNode && n.Data == tag && len(n.Attr) > 1 {
				t.Errorf("%d <%s> tags merged %d attributes, want the first tag's one", 100000, tag, len(n.Attr))
			}
		}
	}
}

// TestSplitParagraphLinks checks that each link of a paragraph split at
// <br><br> goes to the part it is in, even when links share their text.
func TestSplitParagraphLinks(t *testing.T) {
	var b strings.Builder
	b.WriteString("<html><body><article><p>")
	for i := range 3 {
		fmt.Fprintf(&b, "Paragraph %d has a few words, then <a href=\"/same\">the same link</a>, as hand-written pages do.<br><br>", i+1)
	}
	b.WriteString("</p></article></body></html>")
	a, err := FromReader(strings.NewReader(b.String()), "https://example.com/x")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Blocks) != 3 {
		t.Fatalf("%d blocks, want 3: %q", len(a.Blocks), a.Text())
	}
	if len(a.Links) != 3 {
		t.Fatalf("%d links, want one per paragraph: %+v", len(a.Links), a.Links)
	}
	for i, l := range a.Links {
		if l.Block != i || l.Text != "the same link" || l.URL != "https://example.com/same" {
			t.Errorf("link %d = %+v, want block %d", i, l, i)
		}
	}
}

// TestSubtreeRanges checks the invariant within and sumUp stand on: the
// elements after element i up to elems[i].last are exactly its
// descendants.
func TestSubtreeRanges(t *testing.T) {
	page := `<html><body><div id=a><p>One <b>two</b></p><section><h2>Three</h2><ul><li>four<li>five</ul></section>` +
		`<span class=share>six</span></div><div><table><tr><td><p>seven</p><td>eight</table></div><p>nine</body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	c := collect(doc)
	isAncestor := func(anc, e int32) bool {
		for ; e >= 0; e = c.elems[e].parent {
			if e == anc {
				return true
			}
		}
		return false
	}
	for i := range c.elems {
		for j := range c.elems {
			want := isAncestor(int32(i), int32(j))
			if got := c.within(int32(j), int32(i)); got != want {
				t.Errorf("within(%d, %d) = %v, want %v", j, i, got, want)
			}
		}
	}
}

func TestStripRawText(t *testing.T) {
	long := strings.Repeat("x", maxScriptKept+10)
	cases := []struct{ in, want string }{
		{"<p>a</p>", "<p>a</p>"},
		{"<style>p { color: red }</style><p>a</p>", "<style></style><p>a</p>"},
		{"<STYLE media=x>a</Style>", "<STYLE media=x></Style>"},
		{"<script>" + long + "</script>", "<script>" + long[:maxScriptKept] + "</script>"},
		{`<script type="application/ld+json">` + long + "</script>", `<script type="application/ld+json">` + long + "</script>"},
		{"<scripts>a</scripts>", "<scripts>a</scripts>"},
		{"<style>unclosed", "<style>"},
		{`<svg viewBox="0 0 9 9"><path d="M0 0"/></svg><p>a</p>`, `<svg viewBox="0 0 9 9"></svg><p>a</p>`},
		{"<svgx>a</svgx>", "<svgx>a</svgx>"},
	}
	for _, tc := range cases {
		if got := string(stripRawText([]byte(tc.in))); got != tc.want {
			t.Errorf("stripRawText(%.40q…) = %.60q…, want %.60q…", tc.in, got, tc.want)
		}
		if got := string(stripRawTextInPlace([]byte(tc.in))); got != tc.want {
			t.Errorf("stripRawTextInPlace(%.40q…) = %.60q…, want %.60q…", tc.in, got, tc.want)
		}
	}
}

func TestRepairMojibake(t *testing.T) {
	cases := []struct{ in, want string }{
		{"plain café text", "plain café text"},
		// Latin-1 read: C1 controls mark it.
		{"\u00e2\u0080\u009cThe fact\u00e2\u0080\u009d, it\u00e2\u0080\u0099s. Caf\u00c3\u00a9 \u00e2\u0080\u0094 done", "“The fact”, it’s. Café — done"},
		// windows-1252 read: "â€" marks it.
		{"itâ€™s, weâ€™re, theyâ€™re, cafÃ©", "it’s, we’re, they’re, café"},
		// One mark is not enough to touch a page.
		{"itâ€™s café", "itâ€™s café"},
	}
	for _, tc := range cases {
		if got := string(repairMojibake([]byte(tc.in))); got != tc.want {
			t.Errorf("repairMojibake(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
