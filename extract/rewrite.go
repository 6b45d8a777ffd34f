package extract

import (
	"bytes"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// x/net/html builds the tree the HTML standard prescribes, and on three
// kinds of markup that costs more than the page's size: it refuses
// documents whose open elements nest past 512; it merges the attributes of
// every repeated <html> or <body> tag into the first, rebuilding a map of
// all merged attributes each time (quadratic in the number of tags); and it
// re-opens every formatting element (<b>, <font>…) still on its list of
// active formatting elements at each run of text, so that a few hundred
// unclosed formatting tags of distinct attributes turn a 300 KB page into
// millions of nodes. A cheap scan of the bytes (parserTraps) finds the last
// two; rewrite removes what would trigger them, keeping the text.

// maxNesting is how deep rewrite lets elements nest when asked to.
// x/net/html refuses documents whose open elements exceed 512; real
// articles nest a few dozen deep, and only broken or hostile markup
// (unclosed <font> tags repeated down a forum thread, 100,000 nested
// <div>s) goes past a few hundred.
const maxNesting = 256

// maxRootTags is how many <html> and <body> start tags a page may have
// before the attribute merging of the later ones is worth removing: real
// pages have one of each, a few where templates were pasted together.
const maxRootTags = 8

// maxOpenFormatting bounds the unclosed formatting elements rewrite keeps:
// the parser re-opens each at every run of text, and real pages leave a
// handful open (the standard itself keeps at most three identical ones).
const maxOpenFormatting = 8

// formattingNames are the formatting elements whose start tags accumulate
// on the parser's list of active formatting elements. <a> and <nobr> are
// not among them: a new one closes the previous one.
var formattingNames = [...]string{"b", "big", "code", "em", "font", "i", "s", "small", "strike", "strong", "tt", "u"}

// formattingIndex returns the index of a lower-case tag name in
// formattingNames, or -1.
func formattingIndex(name []byte) int {
	if len(name) > 6 {
		return -1
	}
	for i, f := range formattingNames {
		if string(name) == f {
			return i
		}
	}
	return -1
}

// parserTraps reports whether b holds more than maxRootTags <html> and
// <body> start tags, or more than maxOpenFormatting unclosed start tags of
// formatting elements at once. It reads tags off the bytes without
// tokenizing, skipping the text of scripts and styles as the tokenizer
// does; a false alarm (a tag in a comment) costs one rewrite pass.
func parserTraps(b []byte) bool {
	roots, total := 0, 0
	var open [len(formattingNames)]int
	var lower [8]byte
	for i := 0; i < len(b); {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			return false
		}
		i += j + 1
		end := i < len(b) && b[i] == '/'
		if end {
			i++
		}
		n := 0
		for i < len(b) && n < len(lower) {
			c := b[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if (c < 'a' || c > 'z') && (c < '0' || c > '9' || n == 0) {
				break
			}
			lower[n] = c
			n++
			i++
		}
		if n == 0 || n == len(lower) {
			continue // not a tag, or a name longer than any we look for
		}
		name := lower[:n]
		if !end && (string(name) == "script" || string(name) == "style") {
			i = skipRawText(b, i, name)
			continue
		}
		if string(name) == "html" || string(name) == "body" {
			if !end {
				if roots++; roots > maxRootTags {
					return true
				}
			}
			continue
		}
		k := formattingIndex(name)
		switch {
		case k < 0:
		case end:
			if open[k] > 0 {
				open[k]--
				total--
			}
		default:
			open[k]++
			if total++; total > maxOpenFormatting {
				return true
			}
		}
	}
	return false
}

// skipRawText returns the offset of the end tag "</name" at or after i in
// b (case ignored), or len(b) when there is none: the text of a script or
// a style is not markup.
func skipRawText(b []byte, i int, name []byte) int {
	for i < len(b) {
		j := bytes.Index(b[i:], []byte("</"))
		if j < 0 {
			return len(b)
		}
		i += j
		if len(b)-i-2 >= len(name) && asciiEqualFold(b[i+2:i+2+len(name)], string(name)) {
			return i
		}
		i += 2
	}
	return len(b)
}

// rewrite re-serialises a document token by token without what makes the
// parser's work grow faster than the page: repeated <html> and <body>
// start tags after the first, and formatting start tags while
// maxOpenFormatting formatting elements are open. When depth is positive, it
// also drops the tags of elements nested deeper than depth, keeping their
// text, so that a document the parser refused as too deep still reads.
func rewrite(b []byte, depth int) []byte {
	z := html.NewTokenizer(bytes.NewReader(b))
	out := make([]byte, 0, len(b))
	nesting := 0
	roots := map[atom.Atom]int{}
	var open [len(formattingNames)]int
	total := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			// io.EOF or a read error: either way the input ends here.
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if a == atom.Html || a == atom.Body {
				if roots[a]++; roots[a] > 1 {
					continue
				}
			}
			if k := formattingIndex(name); k >= 0 && tt == html.StartTagToken {
				if total >= maxOpenFormatting {
					continue
				}
				open[k]++
				total++
			}
			if voidElement(a) || tt == html.SelfClosingTagToken {
				out = append(out, z.Raw()...)
				continue
			}
			nesting++
			if depth <= 0 || nesting <= depth {
				out = append(out, z.Raw()...)
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if k := formattingIndex(name); k >= 0 {
				if open[k] == 0 {
					continue // its start tag was dropped, or it closes nothing
				}
				open[k]--
				total--
			}
			if depth <= 0 || nesting <= depth {
				out = append(out, z.Raw()...)
			}
			if nesting > 0 {
				nesting--
			}
		default:
			out = append(out, z.Raw()...)
		}
	}
}

// voidElement reports whether a tag never has content or an end tag.
func voidElement(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input,
		atom.Link, atom.Meta, atom.Source, atom.Track, atom.Wbr, atom.Param:
		return true
	}
	return false
}

// maxScriptKept is how much of an inline script's text stripRawText keeps:
// the data a page puts in its scripts for readers of its metadata (a data
// layer, JSON-LD, an app's first state) comes first; megabytes of bundled
// code after it are only work for the tokenizer.
const maxScriptKept = 8 << 10

// stripRawText returns b without the content of its <style> and <svg>
// elements and with each script's text cut to maxScriptKept bytes, JSON-LD
// kept whole: nothing reads them, the tokenizer reads raw text a byte at a
// time, and an inline icon's paths are hundreds of tags.
// It returns b itself when there is nothing to cut. Script and style ends
// are found as parserTraps finds them.
func stripRawText(b []byte) []byte { return stripRaw(b, false) }

// stripRawTextInPlace is stripRawText cutting inside b itself, for a
// caller that owns b and reads it no more: no copy of the page is made.
func stripRawTextInPlace(b []byte) []byte { return stripRaw(b, true) }

// stripRaw is stripRawText, writing into b when inPlace. Kept text only
// moves towards the start, behind the scan, so the scan never reads a
// byte already overwritten.
func stripRaw(b []byte, inPlace bool) []byte {
	var out []byte
	copied := 0 // b[:copied] is in out (or needs no copy while out is nil)
	for i := 0; i < len(b); {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			break
		}
		i += j + 1
		var name string
		switch {
		case len(b)-i >= 6 && asciiEqualFold(b[i:i+6], "script") && tagEnd(b, i+6):
			name = "script"
		case len(b)-i >= 5 && asciiEqualFold(b[i:i+5], "style") && tagEnd(b, i+5):
			name = "style"
		case len(b)-i >= 3 && asciiEqualFold(b[i:i+3], "svg") && tagEnd(b, i+3):
			name = "svg"
		default:
			continue
		}
		gt := bytes.IndexByte(b[i:], '>')
		if gt < 0 {
			break
		}
		start := i + gt + 1
		keep := 0
		if name == "script" {
			keep = maxScriptKept
			if bytes.Contains(bytes.ToLower(b[i:i+gt]), []byte("ld+json")) {
				keep = len(b)
			}
		}
		end := skipRawText(b, start, []byte(name))
		if end-start > keep {
			if out == nil {
				if inPlace {
					out = b[:0]
				} else {
					out = make([]byte, 0, len(b))
				}
			}
			out = append(out, b[copied:start+keep]...)
			copied = end
		}
		i = end
	}
	if out == nil {
		return b
	}
	return append(out, b[copied:]...)
}

// tagEnd reports whether a tag name ends at b[i]: a space, '>' or '/'
// follows it, or the input ends.
func tagEnd(b []byte, i int) bool {
	if i >= len(b) {
		return true
	}
	switch b[i] {
	case ' ', '\t', '\n', '\r', '\f', '>', '/':
		return true
	}
	return false
}
