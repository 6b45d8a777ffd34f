// Package attribution measures attribution extraction on PolNeAR (Newell,
// Margolin & Ruths, LREC 2018) and on sayso's seed article, and reads and
// writes the brat standoff format PolNeAR is distributed in.
//
// # Reference annotation
//
// Some PolNeAR articles were annotated by several people; their .ann files
// carry the annotator's code as a suffix (name_4e07.ann). The reference for
// an article is the annotator listed first for it in metadata.tsv; when that
// file is missing the next listed one is used.
//
// # Scores
//
// All spans are code points. Component scores compare the sets of distinct
// (label, start, end) pieces of Source, Cue and Content spans per article,
// exactly; a discontinuous span counts as its pieces, as in the published
// PolNeAR results. Attribution-level scores match gold and predicted
// attributions one to one: leniently when the cues overlap, the contents'
// intersection over union is at least 0.5 and the sources overlap (or both
// are absent); strictly when every span is equal. Continuation quotes that
// carry no cue of their own are folded into the attribution before them
// (PolNeARView), as PolNeAR annotates them.
//
// # Kind
//
// The kind of an attribution is read from its content's quotation marks
// (KindOf): direct when every piece of the content is a quotation (it opens
// with a quotation mark and closes with one, save trailing punctuation, or
// runs on into a next piece that opens with one), mixed when the content
// holds a quotation but is not wholly quoted, indirect otherwise. Gold and
// predicted attributions are classified by the same rule.
//
// # Seed
//
// The seed article (../shared/seed) is checked by text and speaker (Seed.Check):
// a few spans in its expected.json are off, so expected attributions are
// located by their content and cue text; each must be found with its speaker
// (its name or an alias listed in expected.json), and no attribution may
// touch the expected unattributed claims.
package attribution
