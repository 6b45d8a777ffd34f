// Package textnorm holds the text utilities that sayso's algorithms share:
// conversion between byte and Unicode code-point offsets, a tokenizer that
// keeps both kinds of offsets, a sentence splitter, and the classes of
// quotation marks with a pairing of them into quotations.
//
// Every span this package returns counts Unicode code points, the unit
// annotation tools such as brat use, and also carries byte offsets for
// slicing Go strings. The package is pure and allocation-conscious: it is on
// the hot path of attribution.
package textnorm
