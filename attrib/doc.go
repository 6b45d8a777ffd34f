// Package attrib reads a text for attributions: who (source) says, believes
// or wants what (content), marked by which cue, quoted directly, reported
// indirectly or mixed; it resolves each source to a speaker, and finds the
// author's own unattributed claims and the works the text cites.
//
// It is pure: deterministic, no network, no database. Learned models are
// embedded data files, with the command that trains them.
package attrib
