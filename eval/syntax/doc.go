// Package syntax measures sayso's tagger and parser on the Universal
// Dependencies English treebanks in the shared data (syntax/ud-english-ewt
// and syntax/gum): UPOS and XPOS accuracy, UAS and LAS with gold
// tokenization, punctuation included, as the CoNLL 2018 shared task and
// the published figures count them. It reads the treebanks in place and
// never copies them.
package syntax
