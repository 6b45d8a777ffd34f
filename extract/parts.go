package extract

import (
	"sort"

	"golang.org/x/net/html/atom"
)

// An article body is often cut into sibling elements of one kind: a
// content-element div per paragraph group between ad slots, a section per
// part of a long read, one block per step of a recipe. The container
// chooser takes the best of them; bodyParts adds its like siblings.

// maxWrapperClimb bounds how many wrappers holding nothing but the
// container are climbed to find its siblings: templates nest a block in
// two or three such divs.
const maxWrapperClimb = 3

// bodyParts returns the container and its parts, in document order: the
// siblings of the container (or of a wrapper holding nothing else) that
// share its tag and class, lie outside boilerplate regions and hold a good
// paragraph, with more good than bad text outside the regions they embed
// (a newsletter box between two parts of the text is no reason to drop the
// second). It needs markRegions.
func (c *collector) bodyParts(container int32) []int32 {
	parts := []int32{container}
	if attr(c.elems[container].node, "class") == "" || c.elems[container].tag == atom.Article {
		// An anonymous element has no kind to match; an <article> is a
		// whole story, and its like siblings are other stories.
		return parts
	}
	a := container
	for n := 0; n < maxWrapperClimb; n++ {
		p := c.elems[a].parent
		if p < 0 || c.elems[p].text != c.elems[a].text {
			break
		}
		a = p
	}
	p := c.elems[a].parent
	if p < 0 {
		return parts
	}
	like := &c.elems[a]
	likeClass := attr(like.node, "class")
	var cands []int32
	for s := p + 1; s <= c.elems[p].last; s = c.elems[s].last + 1 {
		sib := &c.elems[s]
		if s == a || sib.tag != like.tag || sib.tag == atom.Article || sib.good < goodChars || c.region[s] >= 0 || attr(sib.node, "class") != likeClass {
			continue
		}
		cands = append(cands, s)
	}
	if len(cands) == 0 {
		return parts
	}
	// One pass over the blocks scores every candidate: their subtrees
	// are disjoint ranges, in order.
	score := make([]int, len(cands))
	for i := range c.blocks {
		b := &c.blocks[i]
		k := sort.Search(len(cands), func(j int) bool { return c.elems[cands[j]].last >= b.elem })
		if k == len(cands) || !c.within(b.elem, cands[k]) || b.region >= 0 {
			continue
		}
		switch b.class {
		case classGood:
			score[k] += b.chars
		case classBad:
			score[k] -= b.chars
		}
	}
	for k, s := range cands {
		if score[k] > 0 {
			parts = append(parts, s)
		}
	}
	sort.Slice(parts, func(i, j int) bool { return parts[i] < parts[j] })
	return parts
}

// partOf returns the part holding element e, or -1.
func (c *collector) partOf(e int32, parts []int32) int32 {
	for _, p := range parts {
		if c.within(e, p) {
			return p
		}
	}
	return -1
}
