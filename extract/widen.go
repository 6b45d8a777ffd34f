package extract

import "golang.org/x/net/html/atom"

// maxWidenClimb bounds how far up widen looks: the wrapper that holds a
// text and its embedded lists is a parent or grandparent of the part that
// won.
const maxWidenClimb = 3

// widen keeps the container from losing to a part of itself: a text that
// embeds long link lists (a directory of courses, a table of contents, a
// product grid between its sections) scores below the run of paragraphs
// between two lists, and only that run would come out. An ancestor (below
// <body>, outside regions, not crossing an <article>) whose prose outside
// its regions is at least one and a half times the container's, and more by several
// paragraphs, is the article; selectBlocks drops its lists again.
func (c *collector) widen(container int32) int32 {
	if c.elems[container].tag == atom.Article {
		return container
	}
	var chain []int32
	for e, n := c.elems[container].parent, 0; e >= 0 && n < maxWidenClimb; e, n = c.elems[e].parent, n+1 {
		el := &c.elems[e]
		if el.tag == atom.Body || el.tag == atom.Html || c.region[e] >= 0 {
			break
		}
		chain = append(chain, e)
		if el.tag == atom.Article {
			break
		}
	}
	if len(chain) == 0 {
		return container
	}
	own := 0
	good := make([]int, len(chain))
	for i := range c.blocks {
		b := &c.blocks[i]
		if b.class != classGood || b.region >= 0 {
			continue
		}
		if c.within(b.elem, container) {
			own += b.chars
		}
		for k, e := range chain {
			if c.within(b.elem, e) {
				good[k] += b.chars
			}
		}
	}
	best := container
	for k, e := range chain {
		if 2*good[k] >= 3*own && good[k]-own >= 3*goodChars {
			best = e
		}
	}
	return best
}
