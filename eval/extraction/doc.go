// Package extraction measures article-body extraction on the scrapinghub
// article-extraction benchmark (181 real news pages with hand-checked bodies),
// with exactly the benchmark's own metric, so that figures printed here can be
// set beside the published ones.
//
// The metric: a text's tokens are the matches of Python's Unicode regular
// expression \w+. Go's \w is ASCII-only, so tokens here are runs of
// [\p{L}\p{N}_]. Each body becomes a multiset of 4-token shingles (a text of
// fewer than four tokens is one shingle). Per page, tp counts shared
// shingles (with multiplicity), fp the predicted extras and fn the missed
// ones; the three are then divided by their sum so that every page weighs
// the same. Precision is the mean, over pages with tp+fp > 0, of tp/(tp+fp)
// (1 for a page where fp = fn = 0); recall likewise with fn; F1 is the
// harmonic mean of the two means; accuracy is the share of pages whose token
// sequence equals the truth's exactly.
//
// It measures and does not extract: the extractor under test is a function
// handed to Evaluate (sayso's is in cmd/sayso). It is public because the
// separate bench module imports it to score peer extractors on the same
// pages with the same code.
package extraction
