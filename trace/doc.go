// Package trace finds where news text travels: articles that are copies of
// one another (syndicated, republished, mirrored) and every printing of a
// quote, with how each printing differs from the first.
//
// # Copies
//
// An article body is cut into word shingles (runs of ShingleWords
// normalised words). A MinHash signature of SignatureSize values
// summarises the shingle set, and LSH banding (Bands bands of BandRows
// values) turns it into keys under which similar articles collide, so that
// finding the candidates of a new article costs a few index look-ups
// whatever the corpus size. A candidate is kept when its signature
// estimates enough overlap (Plausible), then checked exactly on the two
// shingle sets (Compare): a copy shares most of the smaller text with the
// larger (containment) and a fair part of both (Jaccard), so a copy that
// cut the tail, added an editor's note or changed its headline is still a
// copy, while an article on the same event written separately is not.
// ChooseOriginal names a cluster's original from, in order of strength,
// credit lines, canonical links and the earliest publication time.
//
// # Quotes
//
// Quotes reads the passages between quotation marks of a text with their
// normalised words (case, marks, punctuation and white space folded;
// "…" kept as a cut, bracketed insertions dropped) and their speaker.
// Grams gives each quote's winnowed word 4-gram hashes: any two quotes
// sharing MinRun words in a row share a selected gram, so an index of
// them finds every printing of a quote — exact, cut, partial, altered or
// given to someone else — in a few look-ups. Related decides whether two
// quotes are printings of one quote, and Classify says how a printing
// relates to the first and gives the word diff.
//
// The package is pure and deterministic: it touches no network, database
// or global state, and every decision is a function of the texts compared,
// so that a corpus gives the same clusters and traces whatever the order
// its articles arrive in. Persistent indexes live in the store.
package trace

// Version identifies the algorithms and parameters that index articles.
// Stores record it with their indexes and ask for a rebuild (sayso
// reindex) when it changes.
const Version = 1
