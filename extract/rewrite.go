package extract

import (
	"bytes"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxNesting is how deep flatten lets elements nest. x/net/html refuses
// documents whose open elements exceed 512; real articles nest a few dozen
// deep, and only broken or hostile markup (unclosed <font> tags repeated
// down a forum thread, 100,000 nested <div>s) goes past a few hundred.
const maxNesting = 256

// flatten rewrites a document that nests too deeply to parse: tags below
// maxNesting are dropped while their text is kept, so the page still reads.
// It is a fallback, run only after the parser has refused the document.
func flatten(b []byte) []byte {
	z := html.NewTokenizer(bytes.NewReader(b))
	out := make([]byte, 0, len(b))
	depth := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			// io.EOF or a read error: either way the input ends here.
			return out
		case html.StartTagToken:
			name, _ := z.TagName()
			if voidElement(atom.Lookup(name)) {
				out = append(out, z.Raw()...)
				continue
			}
			depth++
			if depth <= maxNesting {
				out = append(out, z.Raw()...)
			}
		case html.EndTagToken:
			if depth <= maxNesting {
				out = append(out, z.Raw()...)
			}
			if depth > 0 {
				depth--
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
