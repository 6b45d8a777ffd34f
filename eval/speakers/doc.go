// Package speakers scores the speakers sayso puts on quoted attributions
// against a gold set made by hand with the speaker-annotation guideline of
// the shared data (attribution/speakers-guideline.md): the gold over
// PolNeAR dev is in testdata/, and the held-out set sayso is judged on
// follows the same guideline and file format.
//
// A predicted attribution is matched to the gold row whose reference
// content it overlaps most; its speaker is right when the names agree
// after normalisation (case, punctuation, titles such as Mr., Sen. or
// President, single-letter initials and Jr./Sr. ignored; a surname alone
// is not the full name). Scores: the share of gold rows matched, speakers
// right among the matched and over all rows, and the same by the kind of
// reference the row's source is (named, pronoun, title, carried over,
// unresolved).
package speakers
