// Package trace measures sayso's provenance tracing — copy clusters, their
// originals, and the appearances of quotes — on an evaluation set it
// generates itself from real news prose, with the truth of what it made.
//
// # The set
//
// Generate builds a corpus from real texts read in place from the shared
// data (never copied into the repository): the development set from the
// PolNeAR training texts, the held-out set from other texts (the PolNeAR
// dev texts and the bodies of the scrapinghub and wcxb-dev extraction
// sets), so that nothing is tuned on the held-out set. Texts that quote a
// run of six words another text quotes, or share a twentieth of their
// wording with another (wire stories printed twice), are left out, so that
// no two stories share a quote or a text the truth does not know of.
//
// Each story is a real text published by one of a dozen fictional outlets
// in its own page template, with two quotes planted in it: real sentences
// from other texts, said by invented people. Some stories are syndicated:
// copies in other outlets' templates, with a changed headline, a cut tail,
// an added editor's note, a credit line in one of several wordings, a
// canonical link to the original, or no credit at all; a few are copies of
// copies, and a few are dated before their original (a wrong clock) while
// their credit says otherwise. Other articles tell the same story in other
// words (other real prose) and quote the same people: the planted quotes
// exact, truncated (with or without "…"), partial, altered (a word
// changed, dropped or added) or given to someone else. The truth also
// holds the quotes the real texts carry themselves, which travel with
// their copies.
//
// # Scoring
//
// Copy pairs are scored by precision and recall over the pairs of
// addresses in one cluster; "original named" is the share of true clusters
// whose predicted cluster names the true original. A predicted appearance
// is matched to a true quote of its article by its words (a run of six
// words in a row and most of the shorter's words); a trace takes the true
// quote most of its appearances match, and an appearance is right when it
// matches that quote in an article that prints it. "First appearance" is
// the share of travelling true quotes whose trace starts at the true first
// printing. Altered and misattributed flags are scored over the right
// appearances.
package trace
