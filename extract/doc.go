// Package extract turns a web page into the article it carries: the body as
// ordered blocks of plain text with boilerplate (navigation, consent banners,
// share bars, related lists, comments) removed, credit and syndication lines
// moved out of the body into credits, and the page's metadata.
//
// The method is general, keyed to no site. One parse (x/net/html, after the
// charset is decoded from the Content-Type header, a byte-order mark, a
// <meta> declaration or by sniffing) and one walk cut the page into blocks
// of text. Each block is judged by its length, link density and wording
// (ad labels, consent notices, captions, promotions in many languages);
// elements are judged by their tags and the words of their class and id
// attributes, by template repetition (teaser listings) and by how much of
// the page's prose they hold. The container with the largest surplus of
// good over bad text is the article; inside it, short blocks are kept or
// dropped by their neighbours, as jusText does. Credit lines ("Source: X",
// "Originally published by X", "WASHINGTON (Reuters) -", "— AP") become
// sayso.Credit values. The language is the page's declared one, else the
// body's, detected; a declaration its body's script contradicts ("en" over
// Georgian text) gives way to the detected language.
//
// Everything is bounded: pages larger than Options.MaxBytes are refused;
// markup on which the HTML parser's work would outgrow the page (repeated
// <html> tags, hundreds of unclosed formatting elements) is rewritten
// first, and documents nested past the parser's limit are flattened and
// read; every pass over the tree and its blocks is linear, however deep
// the page nests. The HTML parser itself checks its open elements at each
// block tag, so its work grows with the page's size times its depth (at
// most 512): a hostile page of a few megabytes nested 480 deep costs
// seconds, where a real page costs milliseconds.
//
// It is pure: it reads bytes and returns values, touching no network,
// database or global state. Fetching is the fetch package's job; metadata
// (title, authors, dates…) is read by extract/metadata.
package extract
