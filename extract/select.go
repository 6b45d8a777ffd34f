package extract

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/atom"

	"github.com/sayso-news/sayso"
)

// selectBlocks returns the indexes of the blocks that make the article:
// those inside the container and its sibling parts (see bodyParts),
// outside boilerplate regions, judged good alone or by their neighbours.
func (c *collector) selectBlocks(container int32, title string) []int {
	parts := c.bodyParts(container)
	var in []int
	for i := range c.blocks {
		b := &c.blocks[i]
		part := c.partOf(b.elem, parts)
		if part < 0 {
			continue
		}
		if b.region >= 0 && c.within(b.region, part) {
			continue
		}
		if c.inCaption(b.elem) {
			continue
		}
		in = append(in, i)
	}
	title = oneSpaced(title)
	// Context: a short block between good ones is part of the text, a
	// heading that leads into good text is a subheading. Past the last
	// sure block, short text that follows good text (a closing list, a
	// table) belongs to it; before the first, it is a kicker or a byline.
	keep := make([]bool, len(in))
	const edge = classBad + 1
	// An article of short paragraphs (a table with a few lines around it)
	// has few blocks long enough to vouch for themselves: when near-good
	// text outweighs good text, the near-good blocks vouch for the rest.
	goodText, nearText := 0, 0
	for _, i := range in {
		switch c.blocks[i].class {
		case classGood:
			goodText += c.blocks[i].chars
		case classNearGood:
			nearText += c.blocks[i].chars
		}
	}
	if nearText > goodText {
		for _, i := range in {
			if c.blocks[i].class == classNearGood {
				c.blocks[i].class = classGood
			}
		}
	}
	// The nearest sure (good or bad) block on each side, found in two
	// linear passes so that long runs of short blocks stay cheap. A
	// picture's caption or credit is passed over, as one inside a
	// <figcaption> is: a subheading above a picture still leads into the
	// text below it.
	before, after := make([]blockClass, len(in)), make([]blockClass, len(in))
	// A container named as the article body ("entry-content",
	// itemprop=articleBody) holds the text from its first line to its
	// last: its edges vouch like good text. Elsewhere an edge is neutral.
	var start blockClass = edge
	if c.elems[container].pos >= hintStrongPos {
		start = classGood
	}
	last := start
	for j, i := range in {
		before[j] = last
		if cl := c.blocks[i].class; cl == classGood || cl == classBad && !c.blocks[i].caption {
			last = cl
		}
	}
	last = start
	for j := len(in) - 1; j >= 0; j-- {
		after[j] = last
		if cl := c.blocks[in[j]].class; cl == classGood || cl == classBad && !c.blocks[in[j]].caption {
			last = cl
		}
	}
	for j, i := range in {
		b := &c.blocks[i]
		if b.chars < goodChars*2 && sameText(b.text, title) {
			continue // the headline, repeated above the body
		}
		switch b.class {
		case classGood:
			keep[j] = true
		case classBad:
			// A linked subheading (a listicle's item names its product
			// or place with a link) leads into the good text under it. A
			// linked headline between paragraphs is a teaser for another
			// story: a name is shorter than a headline.
			keep[j] = b.kind == sayso.BlockHeading && b.linkBad && b.chars < nearGoodChars && b.tag != atom.H1 && after[j] == classGood &&
				before[j] == classGood && !sameText(b.text, title)
		default:
			prev, next := before[j], after[j]
			switch {
			case b.kind == sayso.BlockHeading:
				keep[j] = (next == classGood || next == edge && prev == classGood) && !sameText(b.text, title)
			case b.class == classNearGood && (prev == classGood || next == classGood):
				keep[j] = true
			case prev == classGood && (next == classGood || next == edge):
				keep[j] = b.linkChars*2 <= b.chars
			case prev == classGood && b.kind == sayso.BlockListItem && b.linkChars*2 <= b.chars:
				// A list closing the text, before the share bar or tags.
				keep[j] = true
			}
		}
	}
	out := in[:0]
	for j, i := range in {
		if keep[j] {
			out = append(out, i)
		}
	}
	out = c.dropCopies(out)
	if len(out) > 0 {
		if lead := c.lead(out[0], title); len(lead) > 0 {
			out = append(lead, out...)
		}
	}
	return out
}

// hasSentencePunct reports whether s has punctuation that prose has and
// menus lack.
func hasSentencePunct(s string) bool {
	return strings.ContainsAny(s, ".,;:!?。，、！？؛،")
}

// sameText reports whether a and b are the same line up to case and
// spacing, as a heading repeating the page title is. b must have its
// spacing collapsed already (see oneSpaced): it is the same for every block
// of a page, and may be long.
func sameText(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	a = oneSpaced(a)
	if strings.EqualFold(a, b) {
		return true
	}
	// <title> often appends the site's name: "Headline - Site". A prefix
	// of 20 characters or fewer is a word or two, not a headline.
	return utf8.RuneCountInString(a) > 20 && len(b) > len(a) && strings.EqualFold(b[:len(a)], a)
}

// oneSpaced returns s trimmed, with each run of white space made one space.
func oneSpaced(s string) string { return strings.Join(strings.Fields(s), " ") }

// maxLeadScan bounds how far back from the body's first block the headline
// is looked for: kicker, headline, standfirst, byline, date, share bar and
// a picture with its caption sit between them.
const maxLeadScan = 16

// maxLeadBlocks bounds the standfirst: a summary paragraph, or a few
// points of a summary list.
const maxLeadBlocks = 4

// lead returns the standfirst of an article whose body the selection
// starts at block first: the prose between the headline (the last <h1>, or
// the heading repeating the title, within maxLeadScan blocks before the
// body) and the body, which templates put in the header beside the
// headline, outside the body's container. Captions, link lists,
// boilerplate regions other than the header's own weak names, and
// furniture (bylines, dates) are not standfirsts.
func (c *collector) lead(first int, title string) []int {
	head := -1
	for i := first - 1; i >= 0 && i >= first-maxLeadScan; i-- {
		b := &c.blocks[i]
		if b.tag == atom.H1 || b.kind == sayso.BlockHeading && sameText(b.text, title) {
			head = i
			break
		}
	}
	if head < 0 {
		return nil
	}
	var out []int
	seen := map[string]bool{}
	for i := head + 1; i < first && len(out) < maxLeadBlocks; i++ {
		b := &c.blocks[i]
		if b.class != classGood && b.class != classNearGood || b.linkChars*3 > b.chars || b.kind == sayso.BlockHeading {
			continue
		}
		// A standfirst is written in sentences; a date line, a credit or
		// a dateline and a byline are not.
		if !endsSentence(b.text) || seen[b.text] || c.namedAside(b.elem) {
			continue
		}
		seen[b.text] = true
		out = append(out, i)
	}
	return out
}

// endsSentence reports whether text ends as a sentence does: with a full
// stop, a question or exclamation mark, an ellipsis or a closing quote.
func endsSentence(text string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(text))
	return strings.ContainsRune(".!?…\"”»'’。！？", r)
}

// namedAside reports whether element e lies in a figure or an element
// whose name says boilerplate (a caption, a credit, a byline box), short
// of the page's header, whose weak name says nothing of its lines.
func (c *collector) namedAside(e int32) bool {
	for n := 0; e >= 0 && n < 8; e, n = c.elems[e].parent, n+1 {
		el := &c.elems[e]
		switch {
		case el.tag == atom.Figure || el.tag == atom.Figcaption:
			return true
		case el.tag == atom.Header || el.tag == atom.Article || el.pos > 0:
			continue
		case el.neg < 0:
			return true
		}
	}
	return false
}

// minCopyParagraphs is the least run of paragraphs of prose that repeats
// the text before it as a copy: an article repeats a line or two (a recipe
// its meals, a refrain), not several paragraphs in a row.
const minCopyParagraphs = 3

// dropCopies removes the copies of the text that a page renders more than
// once, one copy shown per screen size (a site builder's variants for
// phone, tablet and desktop, told apart by style sheet media queries): a
// paragraph of prose met again starts a copy, which runs as long as its
// blocks repeat those after the paragraph's first showing, and reaches
// back over the blocks repeating those before it (its headings).
func (c *collector) dropCopies(sel []int) []int {
	var first map[string]int
	drop := make([]bool, len(sel))
	for j := 0; j < len(sel); j++ {
		b := &c.blocks[sel[j]]
		if b.class != classGood {
			continue
		}
		if first == nil {
			first = make(map[string]int)
		}
		i, seen := first[b.text]
		if !seen {
			first[b.text] = j
			continue
		}
		if drop[j] {
			continue
		}
		back := 1
		for i-back >= 0 && j-back > i && !drop[j-back] && c.blocks[sel[j-back]].text == c.blocks[sel[i-back]].text {
			back++
		}
		k, good := 0, 0
		for ; j+k < len(sel) && c.blocks[sel[j+k]].text == c.blocks[sel[i+k]].text; k++ {
			if c.blocks[sel[j+k]].class == classGood {
				good++
			}
		}
		if good < minCopyParagraphs {
			continue // a line the text repeats, not a copy of it
		}
		for m := j - back + 1; m < j+k; m++ {
			drop[m] = true
		}
		j += k - 1
	}
	out := sel[:0]
	for j, i := range sel {
		if !drop[j] {
			out = append(out, i)
		}
	}
	return out
}

// maxCaptionDepth bounds how far up inCaption looks: a caption's lines sit
// in a paragraph or a span or two inside it.
const maxCaptionDepth = 6

// inCaption reports whether element e lies in a <figcaption>: a caption
// describes a picture; it is not the text, wherever the figure sits.
func (c *collector) inCaption(e int32) bool {
	for n := 0; e >= 0 && n < maxCaptionDepth; e, n = c.elems[e].parent, n+1 {
		if c.elems[e].tag == atom.Figcaption {
			return true
		}
	}
	return false
}
