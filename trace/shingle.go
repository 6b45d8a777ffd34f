package trace

import (
	"cmp"
	"slices"
)

// ShingleWords is the length of a shingle in words. Five words make
// shingles that ordinary prose rarely repeats by chance ("said on
// Tuesday that the" is about as common as they get), while a changed word
// spoils only five of them.
const ShingleWords = 5

// MaxShingleWords bounds the words of a text that are shingled: a book
// pasted into a page costs no more than a long article.
const MaxShingleWords = 20000

// Shingles returns the sorted, distinct hashes of the word shingles of
// text. A text of fewer than ShingleWords words (but some) is one
// shingle.
func Shingles(text string) []uint64 {
	words := wordHashes(text, make([]uint64, 0, len(text)/5))
	if len(words) > MaxShingleWords {
		words = words[:MaxShingleWords]
	}
	return shingleWords(words)
}

// shingleWords returns the sorted, distinct shingle hashes of a word-hash
// sequence.
func shingleWords(words []uint64) []uint64 {
	if len(words) == 0 {
		return nil
	}
	n := max(len(words)-ShingleWords+1, 1)
	out := make([]uint64, 0, n)
	for i := range n {
		h := uint64(0x9e3779b97f4a7c15)
		for _, w := range words[i:min(i+ShingleWords, len(words))] {
			h = (h ^ w) * 0xff51afd7ed558ccd
			h ^= h >> 32
		}
		out = append(out, mix64(h))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// intersect counts the values two sorted sets share.
func intersect[T cmp.Ordered](a, b []T) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// Similarity is how much two shingle sets overlap.
type Similarity struct {
	// Shared counts the shingles in both.
	Shared int
	// Jaccard is Shared over the shingles in either.
	Jaccard float64
	// Containment is Shared over the shingles of the smaller set: 1 when
	// one text holds all of the other.
	Containment float64
}

// Compare measures the overlap of two sorted shingle sets.
func Compare(a, b []uint64) Similarity {
	if len(a) == 0 || len(b) == 0 {
		return Similarity{}
	}
	shared := intersect(a, b)
	union := len(a) + len(b) - shared
	return Similarity{
		Shared:      shared,
		Jaccard:     float64(shared) / float64(union),
		Containment: float64(shared) / float64(min(len(a), len(b))),
	}
}

// Thresholds of the exact copy check.
const (
	// CopyContainment is the share of the smaller text's shingles that
	// the larger must hold. A copy that cut the tail is wholly held by
	// the original; one with an added editor's note or a different
	// template's leftovers still shares most of itself. An article on the
	// same event written separately shares its quotes and names, a
	// fifth of its shingles at most.
	CopyContainment = 0.7
	// CopyJaccard is the share of both texts' shingles the two must
	// share, so that a short brief quoting one paragraph of a long
	// article is not called its copy: a copy keeps a fair part of its
	// original.
	CopyJaccard = 0.2
	// CopyMinShared is the shingles two copies must share at least:
	// about a paragraph, so that two one-line texts that agree are not
	// called copies.
	CopyMinShared = 15
)

// IsCopy reports whether two texts with this overlap are copies of one
// another.
func (s Similarity) IsCopy() bool {
	return s.Shared >= CopyMinShared && s.Containment >= CopyContainment && s.Jaccard >= CopyJaccard
}
