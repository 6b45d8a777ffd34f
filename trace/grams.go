package trace

import "slices"

// Gram parameters. Winnowing keeps, in every window of winnowWindow
// consecutive 4-gram hashes, the least: two quotes sharing MinRun words in
// a row share a whole window, so both keep its least gram, and an index of
// the kept grams (about half of them) finds the pair.
const (
	// GramWords is the number of words hashed into one gram.
	GramWords = 4
	// winnowWindow is the number of consecutive grams in a window.
	winnowWindow = MinRun - GramWords + 1
)

// pieces returns the runs of words between the quote's cuts.
func (q *Quote) pieces() [][]string {
	var out [][]string
	from := 0
	for _, c := range append(q.Cuts, len(q.Words)) {
		if c > from {
			out = append(out, q.Words[from:c])
		}
		from = max(from, c)
	}
	return out
}

// gramHashes returns the hashes of the 4-grams of words, as 31-bit
// integers (small enough for a database to store in four bytes).
func gramHashes(words []string) []int32 {
	if len(words) < GramWords {
		return nil
	}
	hs := make([]uint64, len(words))
	for i, w := range words {
		hs[i] = hashWord(w)
	}
	out := make([]int32, 0, len(words)-GramWords+1)
	for i := 0; i+GramWords <= len(hs); i++ {
		h := uint64(0x2545f4914f6cdd1d)
		for _, w := range hs[i : i+GramWords] {
			h = mix64(h ^ w)
		}
		out = append(out, int32(h>>33))
	}
	return out
}

// Grams returns the winnowed gram hashes of the quote, sorted and
// distinct: what an index of quotes stores. Runs of words between cuts
// shorter than MinRun give none.
func (q *Quote) Grams() []int32 {
	var out []int32
	for _, p := range q.pieces() {
		if len(p) < MinRun {
			continue
		}
		g := gramHashes(p)
		for i := 0; i+winnowWindow <= len(g); i++ {
			best := i
			for j := i + 1; j < i+winnowWindow; j++ {
				if g[j] <= g[best] {
					best = j // the rightmost least, as winnowing does
				}
			}
			out = append(out, g[best])
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// AllGrams returns every gram hash of the quote, sorted and distinct:
// what a look-up for it asks the index for, so that any indexed quote
// sharing MinRun words in a row with it is found.
func (q *Quote) AllGrams() []int32 {
	var out []int32
	for _, p := range q.pieces() {
		out = append(out, gramHashes(p)...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Keys returns the quote's words as 16-bit keys: what Related compares,
// small enough for an index to keep with each quote (two bytes a word) so
// that checking a candidate reads no text. Two different words share a
// key once in 65,536 pairs, too seldom to make six in a row.
func (q *Quote) Keys() []uint16 {
	out := make([]uint16, len(q.Words))
	for i, w := range q.Words {
		out[i] = uint16(hashWord(w) >> 48)
	}
	return out
}

// ShareGram reports whether two sorted gram lists share a value: whether
// an index of one finds the other.
func ShareGram(a, b []int32) bool {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			return true
		}
	}
	return false
}
