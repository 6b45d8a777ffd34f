package extract

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/sayso-news/sayso"
)

// elem is one element of the page's body that the walk entered, kept in
// document order with its parent's index so that blocks can credit their
// ancestors without a map.
type elem struct {
	node   *html.Node
	parent int32
	// last is the index of its last descendant (itself when it has none):
	// elements are kept in document order, so its subtree is the range
	// [its index, last], and within is a comparison, not a climb.
	last int32
	tag  atom.Atom
	// neg and pos are the element's own class/id hints (see hinter.hint), with
	// structural tags (nav, aside, footer…) folded into neg.
	neg, pos int8
	// good counts the characters of the good blocks inside it, text those
	// of all its blocks; filled by markRegions.
	good, text int
	// goodBlocks counts the good blocks inside it; filled by markRegions.
	goodBlocks int32
	// comments is set when its class or id speaks of comments or replies,
	// boilerplate that holds real prose.
	comments bool
	// bio is set when its class or id names an author box: prose about
	// the writer, not the article.
	bio bool
	// blocks and linkBlocks count the blocks inside it, and those mostly
	// made of links; filled by markRegions.
	blocks, linkBlocks int32
	// score is the container score the scorer gives it.
	score float64
}

// rawLink is a hyperlink inside a block, before its URL is resolved.
type rawLink struct {
	text string
	href string
	// off is the byte offset of text in the block's text as gathered,
	// before white space is trimmed from its ends.
	off int
}

// block is one run of text between block-level boundaries, as the walk
// found it, with the statistics the classifier needs.
type block struct {
	kind    sayso.BlockKind
	level   int
	ordered bool
	text    string
	// chars counts letters and digits (CJK weighted, see runeWeight);
	// linkChars those inside links.
	chars, linkChars int
	// elem is the innermost block-level element holding the text.
	elem int32
	// tag is that element's tag.
	tag   atom.Atom
	links []rawLink
	class blockClass
	// linkBad is set when the block is bad for its links alone: mostly
	// link text, with no wording of boilerplate (see classify).
	linkBad bool
	// caption is set when the block is bad for reading as a picture's
	// caption or credit: it stands beside the text, not between its parts.
	caption bool
	// region is the index of the nearest ancestor whose hints make it a
	// boilerplate region, or -1.
	region int32
}

// blockClass is the classifier's verdict on a block.
type blockClass uint8

const (
	classShort blockClass = iota // too short to judge alone
	classNearGood
	classGood
	classBad
)

// skipTags hold no readable article text: their whole subtree is ignored.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true, atom.Embed: true,
	atom.Canvas: true, atom.Video: true, atom.Audio: true, atom.Select: true,
	atom.Textarea: true, atom.Button: true, atom.Input: true, atom.Option: true,
	atom.Head: true, atom.Title: true, atom.Link: true, atom.Meta: true, atom.Map: true,
	atom.Dialog: true, atom.Img: true, atom.Picture: true, atom.Source: true, atom.Label: true,
}

// blockTags start and end a block of text.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Nav: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true, atom.Caption: true,
	atom.Figure: true, atom.Figcaption: true, atom.Form: true, atom.Fieldset: true,
	atom.Address: true, atom.Hr: true, atom.Center: true, atom.Details: true, atom.Summary: true,
	atom.Body: true, atom.Html: true, atom.Hgroup: true, atom.Menu: true, atom.Legend: true,
}

// tagHints are the hints that structural tags carry, as if written in
// their class: the HTML5 sectioning tags say what they hold.
var tagHints = map[atom.Atom]int8{
	atom.Nav: hintStrongNeg, atom.Aside: hintNeg, atom.Footer: hintNeg, atom.Header: hintWeakNeg,
	// A figure may hold a table, a quote or an embedded post (WordPress
	// wraps them so); its caption is what is not article text.
	atom.Figcaption: hintStrongNeg, atom.Menu: hintStrongNeg, atom.Form: hintWeakNeg,
}

// collector walks a document once and cuts its body into blocks.
type collector struct {
	elems  []elem
	blocks []block

	buf       []byte
	chars     int
	linkChars int
	links     []rawLink
	lastSpace bool

	// open block-level elements, innermost last (indexes into elems).
	blockStack []int32
	inPre      int
	inQuote    int
	inLink     int
	linkStart  int
	// linkStartChars is linkChars when the open link began.
	linkStartChars int
	linkHref       string
	// linkToggle is set while the open link is an accordion's toggle
	// (see panelToggle).
	linkToggle bool
	lists      []bool // open lists, true when ordered
	titleText  string
	// hints caches classHint by class attribute: templates repeat the same
	// few class lists hundreds of times per page.
	hints map[string][2]int8
	// hinter scores class and id words, remembering long ones.
	hinter hinter
	// region is the nearest boilerplate region at or above each element,
	// or -1; filled by markRegions.
	region []int32
}

// classHint scores a class attribute (see hinter.hint), cached.
func (c *collector) classHint(class string) (neg, pos int8) {
	if class == "" {
		return 0, 0
	}
	if h, ok := c.hints[class]; ok {
		return h[0], h[1]
	}
	neg, pos = c.hinter.hint(class, "")
	if c.hints == nil {
		c.hints = make(map[string][2]int8, 256)
	}
	c.hints[class] = [2]int8{neg, pos}
	return neg, pos
}

// collect walks the tree rooted at doc and returns the body's elements and
// blocks in document order. Hidden subtrees and tags that carry no text are
// skipped. The walk is iterative and visits each node once.
func collect(doc *html.Node) *collector {
	c := &collector{buf: make([]byte, 0, 1024)}
	c.elems = make([]elem, 0, 1024)
	c.blocks = make([]block, 0, 256)
	n := doc
	parents := make([]int32, 0, 64) // elem index per open element
	for n != nil {
		descend := false
		if n.Type == html.ElementNode {
			if n.DataAtom == atom.Title && c.titleText == "" {
				c.titleText = strings.TrimSpace(nodeText(n, 512))
			}
			if !skipTags[n.DataAtom] && !hidden(n) {
				e := c.newElem(n, parentOf(parents))
				if c.droppableInline(n, e) {
					// An inline element named as boilerplate (a hover
					// card, a "share" label, screen-reader text) would
					// pollute the paragraph it sits in: drop it whole.
					n = c.skip(n, doc, &parents)
					continue
				}
				idx := c.enter(n, e)
				parents = append(parents, idx)
				descend = true
			}
		} else if n.Type == html.TextNode {
			c.text(n.Data)
		} else if n.Type == html.DocumentNode {
			descend = true
		}
		if descend && n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		if descend && n.Type == html.ElementNode {
			c.exit(n, parents[len(parents)-1])
			parents = parents[:len(parents)-1]
		}
		n = c.skip(n, doc, &parents)
	}
	c.flush()
	return c
}

// maxInlineScan bounds the look into an inline element's subtree; hover
// cards and labels are a few dozen nodes.
const maxInlineScan = 256

// droppableInline reports whether inline element n, whose record is e, is
// boilerplate to drop from its paragraph: named as such, outside <pre>, not a link (links
// are visible text, even when named "rollover-link"), and the innermost so
// named, so that a wrapper holding a visible name and its hidden card loses
// only the card.
func (c *collector) droppableInline(n *html.Node, e elem) bool {
	// Inside <pre>, syntax highlighters name their spans by the kind of
	// token ("hljs-comment", "token meta"): those names say nothing of
	// boilerplate.
	if c.inPre > 0 || blockTags[n.DataAtom] || n.DataAtom == atom.A || e.neg > hintStrongNeg || e.pos != 0 {
		return false
	}
	seen := 0
	stack := []*html.Node{}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		stack = append(stack, ch)
	}
	for len(stack) > 0 {
		m := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen++; seen > maxInlineScan {
			return false
		}
		if m.Type != html.ElementNode {
			continue
		}
		if m.DataAtom != atom.A {
			if neg, pos := c.classHint(attr(m, "class")); neg <= hintStrongNeg && pos == 0 {
				return false
			}
		}
		for ch := m.FirstChild; ch != nil; ch = ch.NextSibling {
			stack = append(stack, ch)
		}
	}
	return true
}

// skip moves past n's subtree to the next node in document order, closing
// the elements it climbs out of, and returns nil at the end.
func (c *collector) skip(n, doc *html.Node, parents *[]int32) *html.Node {
	for n != nil && n.NextSibling == nil {
		n = n.Parent
		if n == nil || n == doc {
			return nil
		}
		if n.Type == html.ElementNode {
			c.exit(n, (*parents)[len(*parents)-1])
			*parents = (*parents)[:len(*parents)-1]
		}
	}
	if n != nil {
		n = n.NextSibling
	}
	return n
}

func parentOf(parents []int32) int32 {
	if len(parents) == 0 {
		return -1
	}
	return parents[len(parents)-1]
}

// newElem returns the record of element n with its hints.
func (c *collector) newElem(n *html.Node, parent int32) elem {
	e := elem{node: n, parent: parent, tag: n.DataAtom}
	if n.DataAtom != atom.Body && n.DataAtom != atom.Html {
		var class, id string
		for _, a := range n.Attr {
			switch a.Key {
			case "class":
				class = a.Val
			case "id":
				id = a.Val
			case "itemprop":
				if strings.EqualFold(a.Val, "articleBody") {
					e.pos = hintStrongPos + 1
				}
			case "role":
				switch a.Val {
				case "navigation", "complementary", "contentinfo", "banner", "dialog", "alertdialog", "menu", "menubar":
					e.neg = minNeg(e.neg, hintNeg)
				case "main", "article":
					e.pos = maxPos(e.pos, hintPos)
				}
			}
		}
		neg, pos := c.classHint(class)
		e.neg, e.pos = minNeg(e.neg, neg), maxPos(e.pos, pos)
		if neg <= hintStrongNeg {
			e.comments = commentName(class)
		}
		e.bio = bioName(class) || bioName(id)
		if id != "" {
			neg, pos = c.hinter.hint("", id)
			e.neg, e.pos = minNeg(e.neg, neg), maxPos(e.pos, pos)
			if neg <= hintStrongNeg && !e.comments {
				e.comments = commentName(id)
			}
		}
		if h, ok := tagHints[n.DataAtom]; ok {
			e.neg = minNeg(e.neg, h)
		}
		switch n.DataAtom {
		case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			// A heading named "…-title" or "…-header" is a heading:
			// those weak names mark a page's header area, not a section
			// title inside the text.
			if e.neg == hintWeakNeg {
				e.neg = 0
			}
		}
		if n.DataAtom == atom.Article || n.DataAtom == atom.Main {
			e.pos = maxPos(e.pos, hintPos)
		}
	}
	return e
}

// enter records element n and updates the walk's context.
func (c *collector) enter(n *html.Node, e elem) int32 {
	idx := int32(len(c.elems))
	e.last = idx
	c.elems = append(c.elems, e)

	if c.isBlock(n) {
		c.flush()
		c.blockStack = append(c.blockStack, idx)
	}
	switch n.DataAtom {
	case atom.Pre:
		c.inPre++
	case atom.Blockquote:
		c.inQuote++
	case atom.Ul, atom.Ol:
		c.lists = append(c.lists, n.DataAtom == atom.Ol)
	case atom.A:
		if c.inLink == 0 {
			c.linkStart = len(c.buf)
			c.linkStartChars = c.linkChars
			c.linkHref = attr(n, "href")
			c.linkToggle = panelToggle(n)
		}
		c.inLink++
	case atom.Br:
		c.newline()
	case atom.Td, atom.Th:
		// Cells of a row are one block, separated like a plain-text table.
		if c.chars > 0 && (len(c.blockStack) == 0 || c.blockStack[len(c.blockStack)-1] != idx) {
			c.buf = append(bytes.TrimRight(c.buf, " "), " | "...)
			c.lastSpace = true
		}
	}
	return idx
}

// exit closes element n.
func (c *collector) exit(n *html.Node, idx int32) {
	c.elems[idx].last = int32(len(c.elems) - 1)
	if n.DataAtom == atom.A {
		c.inLink--
		if c.inLink == 0 && c.linkHref != "" && c.linkStart <= len(c.buf) {
			raw := string(c.buf[c.linkStart:])
			t := strings.TrimSpace(raw)
			if t != "" {
				lead := len(raw) - len(strings.TrimLeftFunc(raw, unicode.IsSpace))
				c.links = append(c.links, rawLink{text: t, href: c.linkHref, off: c.linkStart + lead})
			}
			if (bareURL(t) || c.linkToggle) && c.linkChars >= c.linkStartChars {
				// A printed address is a citation, not navigation, and a
				// link to nowhere ("#") is an accordion's or a tab's
				// toggle, its title: neither makes its block link-dense.
				c.linkChars = c.linkStartChars
			}
		}
	}
	// The text before a closing block tag belongs to the block it closes:
	// flush it while the quote or <pre> it sits in is still open.
	if len(c.blockStack) > 0 && c.blockStack[len(c.blockStack)-1] == idx {
		c.flush()
		c.blockStack = c.blockStack[:len(c.blockStack)-1]
	}
	switch n.DataAtom {
	case atom.Pre:
		c.inPre--
	case atom.Blockquote:
		c.inQuote--
	case atom.Ul, atom.Ol:
		c.lists = c.lists[:len(c.lists)-1]
	}
}

// isBlock reports whether element n starts and ends a block of text. A
// table cell does when it lays out a page (it holds blocks or line breaks);
// the cells of a data table make one row block together.
func (c *collector) isBlock(n *html.Node) bool {
	if blockTags[n.DataAtom] {
		return true
	}
	if n.DataAtom != atom.Td && n.DataAtom != atom.Th {
		return false
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type == html.ElementNode && (blockTags[ch.DataAtom] || ch.DataAtom == atom.Br) {
			return true
		}
	}
	return false
}

// text appends a text node's content, collapsing white space outside <pre>.
func (c *collector) text(s string) {
	if c.inPre > 0 {
		for _, r := range s {
			if w := runeWeight(r); w > 0 {
				c.chars += w
				if c.inLink > 0 {
					c.linkChars += w
				}
			}
		}
		c.buf = append(c.buf, s...)
		c.lastSpace = false
		return
	}
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if isSpace(r) {
			if !c.lastSpace && len(c.buf) > 0 {
				c.buf = append(c.buf, ' ')
				c.lastSpace = true
			}
			i += size
			continue
		}
		if w := runeWeight(r); w > 0 {
			c.chars += w
			if c.inLink > 0 {
				c.linkChars += w
			}
		}
		c.buf = append(c.buf, s[i:i+size]...)
		c.lastSpace = false
		i += size
	}
}

// newline records a <br>.
func (c *collector) newline() {
	if len(c.buf) > 0 && c.buf[len(c.buf)-1] == ' ' {
		c.buf = c.buf[:len(c.buf)-1]
	}
	if len(c.buf) > 0 {
		c.buf = append(c.buf, '\n')
		c.lastSpace = true
	}
}

// flush turns the text gathered since the last boundary into blocks.
func (c *collector) flush() {
	if c.chars == 0 {
		c.reset()
		return
	}
	b := block{chars: c.chars, linkChars: c.linkChars, region: -1}
	if len(c.blockStack) > 0 {
		b.elem = c.blockStack[len(c.blockStack)-1]
		b.tag = c.elems[b.elem].tag
	} else {
		b.elem = -1
	}
	b.kind = sayso.BlockParagraph
	switch b.tag {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		b.kind, b.level = sayso.BlockHeading, int(b.tag.String()[1]-'0')
	case atom.Li:
		b.kind, b.level = sayso.BlockListItem, len(c.lists)
		if b.level > 0 {
			b.ordered = c.lists[len(c.lists)-1]
		}
	case atom.Pre:
		b.kind = sayso.BlockPreformat
	case atom.Tr:
		b.kind = sayso.BlockTableRow
	}
	if c.inPre > 0 {
		b.kind = sayso.BlockPreformat
	} else if c.inQuote > 0 && b.kind == sayso.BlockParagraph {
		b.kind = sayso.BlockQuote
	}
	raw := string(c.buf)
	if b.kind == sayso.BlockPreformat {
		b.text = strings.Trim(raw, "\n")
	} else {
		b.text = strings.TrimSpace(raw)
	}
	if len(c.links) > 0 {
		b.links = append([]rawLink(nil), c.links...)
	}
	if b.kind == sayso.BlockParagraph && strings.Contains(b.text, "\n\n") {
		c.splitParagraphs(b, len(raw)-len(strings.TrimLeftFunc(raw, unicode.IsSpace)))
	} else {
		c.blocks = append(c.blocks, b)
	}
	c.reset()
}

// splitParagraphs adds block b as the paragraphs its text holds: <br><br>
// separates paragraphs in hand-written markup. Each link goes to the part
// it starts in (lead is how many bytes of white space were trimmed off the
// front of b's text), so the work is linear in the text and its links.
func (c *collector) splitParagraphs(b block, lead int) {
	links := b.links
	start := 0
	for _, piece := range strings.Split(b.text, "\n\n") {
		end := start + len(piece)
		part := strings.TrimSpace(piece)
		if part != "" {
			p := b
			p.text = part
			p.chars, p.linkChars, p.links = textChars(part), 0, nil
			for len(links) > 0 && links[0].off-lead < end {
				p.links = append(p.links, links[0])
				p.linkChars += textChars(links[0].text)
				links = links[1:]
			}
			p.linkChars = min(p.linkChars, p.chars)
			c.blocks = append(c.blocks, p)
		}
		start = end + len("\n\n")
	}
}

func (c *collector) reset() {
	c.buf = c.buf[:0]
	c.chars, c.linkChars = 0, 0
	c.links = c.links[:0]
	c.lastSpace = false
	if c.inLink > 0 {
		c.linkStart = 0
	}
}

// runeWeight is how much a character counts toward a block's length:
// letters and digits count one, and the ideographs and syllables of CJK
// scripts two, since one of them carries about as much as two Latin letters.
func runeWeight(r rune) int {
	switch {
	case r < 0x80:
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return 1
		}
		return 0
	case r >= 0x2E80 && r <= 0xD7AF, r >= 0xF900 && r <= 0xFAFF:
		return 2
	}
	if isSpace(r) {
		return 0
	}
	if isLetterOrDigit(r) {
		return 1
	}
	return 0
}

func textChars(s string) int {
	n := 0
	for _, r := range s {
		n += runeWeight(r)
	}
	return n
}

// bareURL reports whether a link's text is the address itself.
func bareURL(t string) bool {
	return strings.HasPrefix(t, "http://") || strings.HasPrefix(t, "https://") || strings.HasPrefix(t, "www.")
}

// panelToggle reports whether link n is an accordion's toggle, the title
// of the panel it opens in place: its address leads nowhere ("#") and its
// class names an accordion or a tab (see panelWords), not a menu. A table
// of contents scrolling with "#" links, a menu opening with them and share
// buttons calling scripts are no such titles.
func panelToggle(n *html.Node) bool {
	if strings.TrimSpace(attr(n, "href")) != "#" {
		return false
	}
	c := strings.ToLower(attr(n, "class"))
	if c == "" || strings.Contains(c, "nav") || strings.Contains(c, "menu") {
		return false
	}
	for _, w := range panelWords {
		if strings.Contains(c, w) {
			return true
		}
	}
	return false
}
