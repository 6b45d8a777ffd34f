// Package attrib reads a text for attributions: who (source) says, believes
// or wants what (content), marked by which cue, quoted directly, reported
// indirectly or mixed; it resolves each source to a speaker, and finds the
// author's own unattributed claims and the works the text cites.
//
// # Method
//
// The text is tokenized with code-point offsets, split into sentences and
// its quotation marks paired into quotations (internal/textnorm). Two
// stacked averaged-perceptron taggers label tokens with BIO tags for
// Source, Cue and Content: the first from lexical, word-class, quotation,
// sentence-position and cue-lexicon features, the second from a compact
// set of those and the first's tags. For each cue, an argument ranker then
// chooses the exact content span and the source span among the candidate
// spans near it, or none: a cue with no content is dropped, so the
// ranker's features for "none", which read the cue's setting, make it the
// filter of the tagger's doubtful cues. Rules follow
// for what news does and the models rarely saw: the subject of a
// participial cue ("Moscow protested…, arguing that…"), media ("explains in
// his book X, …"), that-clauses after rare cue verbs, quotes signed "―
// Name", transcript lines ("PENCE: …"), continuation quotes, quotes running
// over paragraphs, passives with their agent ("It was announced by X that
// …"), and causatives ("led Putin to order …", "pushed Putin to invade
// …"), which are the author's claims. Speakers are resolved through names
// and titles ("Foreign Minister Annalena Baerbock"), appositions ("Peskov,
// the Kremlin's spokesman,"), earlier fuller names, pronouns, nominals ("the
// spokesman", "the chancellor") and metonymy ("the Kremlin", "Washington").
//
// # Model
//
// The model (model/attribution.model.gz, embedded) is trained by "sayso
// train attribution" from PolNeAR's train split only; it records the
// command, the seed and the SHA-256 of the training files (ModelInfo).
//
// # Bounds
//
// Analyze accepts texts up to MaxTextBytes, analyses longer texts in pieces
// cut at paragraph breaks, reads invalid UTF-8 bytes as U+FFFD, and keeps
// every search linear or bounded, so hostile input costs time in proportion
// to its size. The package is pure: deterministic, no network, no database.
package attrib
