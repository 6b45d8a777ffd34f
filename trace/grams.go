package trace

import (
	"slices"
	"strings"
)

// Gram parameters. Winnowing keeps, in every window of winnowWindow
// consecutive 4-gram hashes, the least: two quotes sharing MinRun words in
// a row share a whole window, so both keep its least gram, and an index of
// the kept grams (about half of them) finds the pair. Stop grams (see
// stopGram) are never kept: the windows that hold nothing else keep
// nothing, so a shared run of MinRun words is found unless every four
// words in a row of it are common words ("we are going to do it").
const (
	// GramWords is the number of words hashed into one gram.
	GramWords = 4
	// winnowWindow is the number of consecutive grams in a window.
	winnowWindow = MinRun - GramWords + 1
	// stopWords is the number of common words that make a gram a stop
	// gram: all of them. (Three of four lost one quote in thirty on the
	// development set: short quotes are mostly common words.)
	stopWords = 4
)

// commonWords are the most common words of English news quotes: function
// words and the commonest verbs and adverbs. A gram of them alone ("we are
// going to", "is going to be") turns up in quotes of every subject, in
// one article in seventy of PolNeAR: an index that kept them would find,
// for each new quote, candidates by the thousand in a large corpus, none
// of them its printings.
var commonWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also am an and any are as at back
		be because been before being below between both but by can cant could couldnt did didnt do does doesnt
		doing dont down during each even ever every few for from further get gets getting go goes going gone
		got had hadnt has hasnt have havent having he hed hell hes her here heres hers herself him himself his
		how hows i id ill im ive if in into is isnt it its itself just know lets like lot lots make made many
		may me might more most much must my myself need never no nor not now of off on once one only or other
		ought our ours ourselves out over own really right said say says see so some still such sure take than
		that thats the their theirs them themselves then there theres these they theyd theyll theyre theyve
		thing things think this those though through time to too up us very want was wasnt way we wed well
		went were werent weve what whats when whens where wheres which while who whos whom why whys will with
		wont would wouldnt yes yet you youd youll youre youve your yours yourself yourselves`) {
		m[w] = true
	}
	return m
}()

// CommonWord reports whether a word (lower-case, letters and digits only,
// as Quote.Words holds them) is one of the common words of English quotes
// that make a stop gram.
func CommonWord(w string) bool { return commonWords[w] }

// stopGram reports whether a gram's words are all common words.
func stopGram(words []string) bool {
	n := 0
	for _, w := range words {
		if commonWords[w] {
			n++
		}
	}
	return n >= stopWords
}

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

// noGram marks a stop gram among gram hashes: above every 31-bit hash.
const noGram = int64(1) << 32

// gramHashes returns the hashes of the 4-grams of words, as 31-bit
// integers (small enough for a database to store in four bytes), noGram
// for stop grams.
func gramHashes(words []string) []int64 {
	if len(words) < GramWords {
		return nil
	}
	hs := make([]uint64, len(words))
	for i, w := range words {
		hs[i] = hashWord(w)
	}
	out := make([]int64, 0, len(words)-GramWords+1)
	for i := 0; i+GramWords <= len(hs); i++ {
		if stopGram(words[i : i+GramWords]) {
			out = append(out, noGram)
			continue
		}
		h := uint64(0x2545f4914f6cdd1d)
		for _, w := range hs[i : i+GramWords] {
			h = mix64(h ^ w)
		}
		out = append(out, int64(h>>33))
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
			if g[best] != noGram {
				out = append(out, int32(g[best]))
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// AllGrams returns every gram hash of the quote but stop grams, sorted
// and distinct: what a look-up for it asks the index for, so that any
// indexed quote sharing MinRun words in a row with it is found.
func (q *Quote) AllGrams() []int32 {
	var out []int32
	for _, p := range q.pieces() {
		for _, g := range gramHashes(p) {
			if g != noGram {
				out = append(out, int32(g))
			}
		}
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
func ShareGram(a, b []int32) bool { return intersect(a, b) > 0 }

// SharedGrams counts the values two sorted gram lists share.
func SharedGrams(a, b []int32) int { return intersect(a, b) }
