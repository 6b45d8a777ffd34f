package trace

import "github.com/sayso-news/sayso"

// paragraphPresent is the share of a paragraph's shingles the other text
// must hold for the paragraph to count as kept: a paragraph whose wording
// a copy retouched (a dateline dropped, a typo fixed) is still the same
// paragraph.
const paragraphPresent = 0.5

// DiffCopy says how a copy differs from its original: the body blocks
// each has that the other lacks, and whether the headline changed.
func DiffCopy(original, copy *sayso.Article) sayso.CopyDiff {
	o, c := Shingles(original.Text()), Shingles(copy.Text())
	return sayso.CopyDiff{
		ParagraphsAdded:   missingBlocks(copy.Blocks, o),
		ParagraphsRemoved: missingBlocks(original.Blocks, c),
		HeadlineChanged:   normText(original.Title) != normText(copy.Title),
	}
}

// missingBlocks counts the blocks whose shingles the other text mostly
// lacks. Blocks shorter than a shingle (a label, a short heading) are not
// counted: one changed word would make them differ.
func missingBlocks(blocks []sayso.Block, other []uint64) int {
	n := 0
	for _, b := range blocks {
		words := wordHashes(b.Text, nil)
		if len(words) < ShingleWords {
			continue
		}
		sh := shingleWords(words)
		if float64(intersect(sh, other)) < paragraphPresent*float64(len(sh)) {
			n++
		}
	}
	return n
}

// normText folds a text to its normalised words, for equality tests.
func normText(s string) string {
	hs := wordHashes(s, nil)
	b := make([]byte, 0, 8*len(hs))
	for _, h := range hs {
		for i := range 8 {
			b = append(b, byte(h>>(8*i)))
		}
	}
	return string(b)
}
