package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/atom"

	"github.com/sayso-news/sayso"
)

// Block classification thresholds, in weighted characters (see runeWeight).
const (
	// goodChars: a paragraph this long with few links is almost always
	// prose; menus, buttons and captions are shorter.
	goodChars = 80
	// nearGoodChars: long enough to be a short paragraph, too short to
	// vouch for itself.
	nearGoodChars = 35
	// maxGoodLinkDensity: prose links a few words per sentence; above a
	// third of its text in links a block is navigation-like.
	maxGoodLinkDensity = 0.33
	// badLinkDensity: a block mostly made of links is a menu or a list of
	// other articles.
	badLinkDensity = 0.5
	// mixedTextChars: a block with this much text outside its links says
	// something of its own (a summary item of a news digest) whatever its
	// link density.
	mixedTextChars = 60
)

// classify gives every block a first verdict from its own statistics and
// wording, and from the teaser listings it may belong to.
func (c *collector) classify() {
	repeats := make(map[string]int)
	for i := range c.blocks {
		if b := &c.blocks[i]; b.chars < goodChars {
			repeats[b.text]++
		}
	}
	teaserItems := c.headlineItems()
	for i := range c.blocks {
		b := &c.blocks[i]
		ld := float64(b.linkChars) / float64(b.chars)
		if teaserItems[i] {
			b.class = classBad
			continue
		}
		switch {
		case b.chars <= 3 && !hasLetter(b.text):
			// A lone number or symbol: a gallery counter, a vote count.
			b.class = classBad
		case ld > badLinkDensity && b.chars-b.linkChars < mixedTextChars:
			b.class = classBad
			b.linkBad = !(b.chars < goodChars && isBoilerplatePhrase(b.text)) && !(b.chars <= maxWordingChars && furniture(newLine(b.text, b.chars)))
		case b.chars < goodChars && isBoilerplatePhrase(b.text):
			b.class = classBad
		case b.chars <= maxWordingChars && furniture(newLine(b.text, b.chars)):
			b.class = classBad
			b.caption = isCaption(newLine(b.text, b.chars))
		case b.chars < goodChars && repeats[b.text] > 1 && b.linkChars > 0:
			// Template repetition: a short linked line that occurs twice
			// in a page ("Share", a section name) is furniture, not prose.
			b.class = classBad
		case b.chars >= goodChars && ld <= maxGoodLinkDensity && hasSentencePunct(b.text):
			b.class = classGood
		case b.chars >= nearGoodChars && ld <= maxGoodLinkDensity, b.chars-b.linkChars >= mixedTextChars:
			b.class = classNearGood
		default:
			b.class = classShort
		}
	}
}

// markRegions finds boilerplate regions: elements whose class, id, role or
// tag says boilerplate, unless they hold most of the page's good text (a
// page-wide wrapper named "has-comments" or "with-sidebar" is not one).
func (c *collector) markRegions() {
	// good and all characters per element: each block counts in its own
	// element, then subtotals flow up to the parents.
	total, all := 0, 0
	for i := range c.blocks {
		b := &c.blocks[i]
		all += b.chars
		good := 0
		if b.class == classGood {
			good = b.chars
			total += good
		}
		if b.elem < 0 {
			continue
		}
		e := &c.elems[b.elem]
		e.good += good
		e.text += b.chars
		e.blocks++
		if b.linkChars*2 > b.chars && hasLetter(b.text) {
			// A linked number (a footnote's back-reference, a page
			// number) is no headline.
			e.linkBlocks++
		}
		if good > 0 {
			e.goodBlocks++
		}
	}
	c.sumUp(func(parent, child *elem) {
		parent.good += child.good
		parent.text += child.text
		parent.blocks += child.blocks
		parent.linkBlocks += child.linkBlocks
		parent.goodBlocks += child.goodBlocks
	})
	teaser := c.teasers(total)
	// An element named as the article body (or an <article>) that holds
	// most of an ancestor's prose vouches for that ancestor: a wrapper
	// named "box modal" or "main-ads" around it is not boilerplate.
	vouched := make([]bool, len(c.elems))
	for i := range c.elems {
		e := &c.elems[i]
		if (e.pos < hintStrongPos && e.tag != atom.Article) || e.good < goodChars || int(-e.neg) >= int(e.pos) {
			continue
		}
		for a := e.parent; a >= 0; a = c.elems[a].parent {
			if e.good*2 < c.elems[a].good {
				break
			}
			vouched[a] = true
		}
	}
	grouped := c.groupedProse(total)
	isRegion := make([]bool, len(c.elems))
	for i := range c.elems {
		e := &c.elems[i]
		if teaser[i] {
			isRegion[i] = true
			continue
		}
		if (e.neg == 0 || int(-e.neg) <= int(e.pos)) && !e.bio || vouched[i] {
			continue
		}
		if grouped[i] {
			continue
		}
		// A region may hold good text (a long comment, a footer notice) but
		// an element holding most of the page's text and most of its prose
		// is a page-wide wrapper whose name ("has-sidebar") says nothing.
		if e.good*2 > total && (e.text*2 > all || e.pos > 0) {
			continue
		}
		// Several paragraphs making two thirds of the page's prose are
		// the article, whatever the wrapper is called ("ads-text" on a
		// classifieds site), unless it is a comment thread.
		if e.good*3 > total*2 && e.goodBlocks >= 2 && !e.comments {
			continue
		}
		// An element named as ordinary boilerplate ("paywall", "meta")
		// that holds several paragraphs of prose and little else wraps
		// article text; comments, consent and share boxes stay regions.
		if e.neg > hintStrongNeg && e.good >= 3*goodChars && e.good*10 > e.text*7 && !e.bio {
			continue
		}
		isRegion[i] = true
	}
	// The nearest region at or above each element, in one pass down the
	// tree: parents come before their children.
	region := make([]int32, len(c.elems))
	for i := range c.elems {
		switch p := c.elems[i].parent; {
		case isRegion[i]:
			region[i] = int32(i)
		case p >= 0:
			region[i] = region[p]
		default:
			region[i] = -1
		}
	}
	for i := range c.blocks {
		if b := &c.blocks[i]; b.elem >= 0 {
			b.region = region[b.elem]
		}
	}
	c.region = region
}

// maxTeaserChars bounds a teaser: a headline and a sentence or two of
// summary. Longer items are sections of the article itself.
const maxTeaserChars = 600

// minProseAround is the prose, in paragraphs beside them, that makes
// repeated items part of an article: several paragraphs.
const minProseAround = 5 * goodChars

// maxTeaserProse bounds the good text of a teaser: a summary of one or two
// sentences stays under it, a listicle item's paragraph goes over.
const maxTeaserProse = 3 * goodChars

// teasers finds the items of listings: an element repeated at least three
// times among its siblings (same tag and class) whose content is a linked
// headline plus a little text. Lists of other articles, comment threads and
// product grids look like this; an article's own paragraphs and list items
// are one block each. Items that together hold more than half of the
// page's prose (total good characters) are the article itself, a list of
// reviewed products or places with a linked name over each; so are items
// with headings of their own inside the element named as the article body
// when the body's prose goes on after them (a roundup of projects the text
// introduces and closes), while a listing closing the body stays out.
func (c *collector) teasers(total int) []bool {
	type key struct {
		parent int32
		tag    atom.Atom
		class  string
	}
	count := make(map[key]int, len(c.elems)/2)
	good := make(map[key]int, len(c.elems)/2)
	keys := make([]key, len(c.elems))
	for i := range c.elems {
		e := &c.elems[i]
		if e.blocks < 2 || e.linkBlocks == 0 {
			continue
		}
		k := key{e.parent, e.tag, attr(e.node, "class")}
		keys[i] = k
		// The whole list's prose counts, its long items too.
		good[k] += e.good
		if e.text <= maxTeaserChars {
			count[k]++
		}
	}
	// inBody: inside an element named as the article body; body: the
	// nearest such element.
	inBody := make([]bool, len(c.elems))
	body := make([]int32, len(c.elems))
	for i := range c.elems {
		body[i] = -1
		if p := c.elems[i].parent; p >= 0 {
			inBody[i] = inBody[p] || c.elems[p].pos >= hintStrongPos
			body[i] = body[p]
			if c.elems[p].pos >= hintStrongPos {
				body[i] = p
			}
		}
	}
	// lastProse: the last element of each article body holding a line of
	// prose.
	lastProse := make(map[int32]int32)
	for i := range c.blocks {
		b := &c.blocks[i]
		if b.elem < 0 || (b.class != classGood && b.class != classNearGood) {
			continue
		}
		if bd := body[b.elem]; bd >= 0 && b.elem > lastProse[bd] {
			lastProse[bd] = b.elem
		}
	}
	// proseAround: the good text of the paragraphs that are children of
	// each element. Items standing among an article's own paragraphs (a
	// listicle's lists of facts between its sections) are part of the
	// text unless most of their lines are links (product boxes); a
	// listing of other stories stands on its own.
	proseAround := make([]int, len(c.elems))
	for i := range c.blocks {
		b := &c.blocks[i]
		if b.class == classGood && b.kind == sayso.BlockParagraph && b.elem >= 0 {
			if p := c.elems[b.elem].parent; p >= 0 {
				proseAround[p] += b.chars
			}
		}
	}
	// headed: the element holds a heading a few levels down at most.
	headed := make([]bool, len(c.elems))
	for i := range c.blocks {
		b := &c.blocks[i]
		if b.kind != sayso.BlockHeading || b.elem < 0 {
			continue
		}
		for e, n := b.elem, 0; e >= 0 && n < 4; e, n = c.elems[e].parent, n+1 {
			headed[e] = true
		}
	}
	out := make([]bool, len(c.elems))
	for i := range c.elems {
		e := &c.elems[i]
		if e.blocks < 2 || e.linkBlocks == 0 || e.text > maxTeaserChars {
			continue
		}
		if p := e.parent; inBody[i] && headed[i] && good[keys[i]] > 0 && p >= 0 && lastProse[body[i]] > c.elems[p].last {
			continue
		}
		if p := e.parent; p >= 0 && proseAround[p] >= minProseAround && e.linkBlocks*2 < e.blocks {
			continue
		}
		// A teaser's summary is a sentence or two; an item with a
		// paragraph of its own inside the element named as the article
		// body is a section of the article.
		out[i] = count[keys[i]] >= 3 && good[keys[i]]*2 <= total && (e.good < maxTeaserProse || !inBody[i])
	}
	return out
}

// chooseContainer returns the element whose subtree best holds the
// article: the largest surplus of good over bad text. Ties go to the
// deepest element, the tightest fit.
func (c *collector) chooseContainer() int32 {
	for i := range c.blocks {
		b := &c.blocks[i]
		var g float64
		switch {
		case b.region >= 0:
			g = -float64(b.chars)
		case b.class == classGood:
			g = float64(b.chars)
		case b.class == classNearGood:
			g = float64(b.chars) / 2
		case b.class == classBad:
			g = -float64(b.chars)
		default:
			// Short lines are neutral: tables, lists and captions of the
			// article have them as much as page furniture does.
			g = 0
		}
		if b.elem >= 0 {
			c.elems[b.elem].score += g
		}
	}
	c.sumUp(func(parent, child *elem) { parent.score += child.score })
	main := c.mainElement()
	best := int32(-1)
	bestScore := 0.0
	for i := range c.elems {
		e := &c.elems[i]
		if main >= 0 && !c.within(int32(i), main) && (!c.within(main, int32(i)) || 2*c.elems[main].good < e.good) {
			continue
		}
		s := e.score
		if e.pos > 0 && s > 0 {
			// A container named as the article is preferred over an
			// anonymous wrapper with slightly more text.
			s *= 1 + 0.05*float64(e.pos)
		}
		if best < 0 || s >= bestScore {
			best, bestScore = int32(i), s
		}
	}
	if best >= 0 {
		best = c.firstArticle(best)
		best = c.beyondParagraph(best)
		best = c.widen(best)
	}
	return best
}

// mainElement returns the page's main element (<main>, or role="main")
// when it has exactly one, or one holding the others, and it holds a
// paragraph of prose, and -1 otherwise. The page says its
// main content is there: a promotion carousel or a footer notice outside
// it, however long, is not the article. Outside it, only a wrapper whose
// prose is mostly the main element's may hold the article.
func (c *collector) mainElement() int32 {
	main := int32(-1)
	for i := range c.elems {
		e := &c.elems[i]
		if e.tag != atom.Main && (e.node == nil || attr(e.node, "role") != "main") {
			continue
		}
		switch {
		case main < 0:
			main = int32(i)
		case !c.within(int32(i), main):
			return -1
		}
	}
	if main < 0 || c.elems[main].good < goodChars {
		return -1
	}
	// A page rendered by streaming sends parts of its main element
	// later, outside it (see streamedSegment).
	for i := range c.elems {
		if n := c.elems[i].node; n != nil && n.DataAtom == atom.Div && !c.within(int32(i), main) && streamedSegment(n) {
			return -1
		}
	}
	return main
}

// maxParagraphClimb bounds how far up beyondParagraph looks: the paragraphs
// of a text share a parent or a grandparent.
const maxParagraphClimb = 3

// beyondParagraph keeps the container from losing to its own longest
// paragraph. Boilerplate regions count against the elements holding them,
// so a text whose paragraphs sit beside its comment thread or a widget in
// one parent scores below its best paragraph alone. When the container holds
// a single good block, the nearest ancestor (outside regions) whose text
// outside its regions scores higher is the article; selectBlocks leaves
// its regions out.
func (c *collector) beyondParagraph(container int32) int32 {
	// An <article> or an element named as the article body holding one
	// paragraph is a short article, not a paragraph of one.
	if e := &c.elems[container]; e.goodBlocks > 1 || e.tag == atom.Article || e.pos >= hintStrongPos {
		return container
	}
	best, bestScore := container, c.plainScores(container)
	e := container
	for n := 0; n < maxParagraphClimb; n++ {
		p := c.elems[e].parent
		if p < 0 || c.region[p] >= 0 || c.elems[p].tag == atom.Body {
			break
		}
		e = p
		if s := c.plainScores(e); s > bestScore+goodChars {
			best, bestScore = e, s
		}
	}
	return best
}

// plainScores is the good minus the bad text of element e's blocks outside
// the boilerplate regions inside it.
func (c *collector) plainScores(e int32) int {
	s := 0
	for i := range c.blocks {
		b := &c.blocks[i]
		if !c.within(b.elem, e) || b.region >= 0 {
			continue
		}
		switch b.class {
		case classGood:
			s += b.chars
		case classBad:
			s -= b.chars
		}
	}
	return s
}

// minArticleShare is the part of a container's score an <article> inside it
// must carry to count as one of several articles on the page.
const minArticleShare = 0.2

// dominantArticleShare is the part of a container's score that makes a
// single <article> inside it the article itself.
const dominantArticleShare = 0.75

// firstArticle handles pages that carry several articles: infinite scroll
// appends the next story, blogs list other posts after the one asked for.
// When the container holds two or more <article> elements (not nested in
// one another) that each carry a real share of its text, the page's own
// article is the first of them.
func (c *collector) firstArticle(container int32) int32 {
	total := c.elems[container].score
	if total <= 0 {
		return container
	}
	var found []int32
	for i := container + 1; i <= c.elems[container].last; i++ {
		e := &c.elems[i]
		if e.tag != atom.Article || e.score < minArticleShare*total {
			continue
		}
		// Elements come in document order: one nested in an earlier
		// find lies in the latest.
		if len(found) > 0 && c.within(i, found[len(found)-1]) {
			continue
		}
		if found = append(found, i); len(found) == 2 {
			return found[0]
		}
	}
	// One <article> carrying most of the container's text is the article;
	// the rest of the container is what the page shows around it.
	if len(found) == 1 && c.elems[found[0]].score >= dominantArticleShare*total {
		return found[0]
	}
	return container
}

// within reports whether element e lies inside (or is) element anc.
func (c *collector) within(e, anc int32) bool {
	return e >= 0 && anc >= 0 && e >= anc && e <= c.elems[anc].last
}

// sumUp adds every element's statistics into its parent's, children
// first, so that each element ends with the totals of its subtree. Parents
// precede their children in c.elems, so one backward pass does it: the
// work is linear however deep the page nests.
func (c *collector) sumUp(add func(parent, child *elem)) {
	for i := len(c.elems) - 1; i > 0; i-- {
		if p := c.elems[i].parent; p >= 0 {
			add(&c.elems[p], &c.elems[i])
		}
	}
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// minHeadlineChars is the least a linked headline holds; shorter leading
// links are names or terms linked inside prose.
const minHeadlineChars = 20

// headlineItems finds teasers written as one block each: a linked headline
// (no closing full stop) followed by a summary, repeated at least three
// times in one list or container. A digest whose items open with a linked
// sentence is content; a list of other stories is not.
func (c *collector) headlineItems() []bool {
	type key struct {
		parent int32
		tag    atom.Atom
	}
	lead := make([]bool, len(c.blocks))
	count := map[key]int{}
	for i := range c.blocks {
		b := &c.blocks[i]
		// A teaser summarises: a title linked to "by Mary Shelley" in a
		// reading list is not one.
		if len(b.links) == 0 || b.elem < 0 || b.chars-b.linkChars < mixedTextChars || b.chars-b.linkChars > maxTeaserProse {
			// A teaser's summary is a sentence or two: a paragraph of
			// its own opening with a linked name is prose.
			continue
		}
		l := strings.TrimSpace(b.links[0].text)
		if !strings.HasPrefix(b.text, l) || textChars(l) < minHeadlineChars || strings.ContainsAny(l[len(l)-1:], ".!?:;,") {
			continue
		}
		// A linked sentence goes on with its own punctuation ("… in May
		// 2020. Ortega will…"); a headline just stops.
		if after := strings.TrimLeft(b.text[len(l):], " "); after != "" && strings.ContainsAny(after[:1], ".!?:;,)") {
			continue
		}
		// Nor does a linked phrase whose sentence goes on in lower case
		// ("The spring sale offers 20% off…"): a summary starts anew.
		if r, _ := utf8.DecodeRuneInString(strings.TrimLeft(b.text[len(l):], " ")); unicode.IsLower(r) {
			continue
		}
		lead[i] = true
		count[key{c.elems[b.elem].parent, b.tag}]++
	}
	for i := range c.blocks {
		if lead[i] {
			b := &c.blocks[i]
			lead[i] = count[key{c.elems[b.elem].parent, b.tag}] >= 3
		}
	}
	return lead
}

// classGroup is what the elements of one tag and class hold together.
type classGroup struct {
	members int32
	good    int
}

// groupedProse finds the elements named as boilerplate that are sections of
// the article: an article cut into elements of one class (a "skip-item"
// per topic, a page builder's "widget-container" around each paragraph)
// whose members together hold more than half of the page's prose (total
// good characters) is the article, whatever the class says. A group inside
// an element named as boilerplate that is not itself such a section (text
// widgets in a sidebar) stays boilerplate: the elements are judged top
// down, parents first. Comment threads never qualify.
func (c *collector) groupedProse(total int) []bool {
	type key struct {
		tag   atom.Atom
		class string
	}
	named := func(e *elem) bool { return e.neg != 0 && int(-e.neg) > int(e.pos) }
	groups := make(map[key]classGroup, 64)
	keys := make([]key, len(c.elems))
	for i := range c.elems {
		e := &c.elems[i]
		if !named(e) {
			continue // only named boilerplate asks for its group
		}
		k := key{e.tag, attr(e.node, "class")}
		if k.class == "" {
			continue // named by its id alone: a group of one
		}
		keys[i] = k
		groups[k] = classGroup{}
	}
	if len(groups) == 0 {
		return make([]bool, len(c.elems))
	}
	for i := range c.elems {
		e := &c.elems[i]
		if e.parent < 0 || e.good == 0 {
			continue
		}
		k := key{e.tag, attr(e.node, "class")}
		if g, ok := groups[k]; ok {
			g.members++
			g.good += e.good
			groups[k] = g
		}
	}
	out := make([]bool, len(c.elems))
	// blocked[i]: element i lies inside a named element that is not a
	// section of the article.
	blocked := make([]bool, len(c.elems))
	for i := range c.elems {
		e := &c.elems[i]
		if p := e.parent; p >= 0 {
			blocked[i] = blocked[p] || (named(&c.elems[p]) && !out[p])
		}
		if keys[i].class == "" || blocked[i] || e.comments || e.goodBlocks == 0 {
			continue
		}
		g := groups[keys[i]]
		out[i] = g.members >= 2 && g.good*2 > total
	}
	return out
}
