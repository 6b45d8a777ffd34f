package attrib

import (
	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/internal/textnorm"
)

// mediumNouns name the works and channels a source speaks through; the
// value is the kind reported for a cited work, or "" for channels that are
// not works ("a statement", "an interview").
var mediumNouns = map[string]string{
	"book": "book", "memoir": "book", "novel": "book", "biography": "book",
	"report": "report", "study": "study", "paper": "study", "article": "article",
	"op-ed": "article", "essay": "article", "column": "article", "editorial": "article",
	"documentary": "film", "film": "film", "podcast": "podcast", "speech": "speech",
	"interview": "interview", "letter": "letter", "statement": "", "tweet": "", "post": "",
	"blog": "article", "analysis": "report", "survey": "study", "poll": "study",
}

// titleGlue are the lower-case words a title may hold between its
// capitalised words.
var titleGlue = map[string]bool{
	"of": true, "the": true, "and": true, "with": true, "in": true, "a": true, "an": true,
	"to": true, "for": true, "on": true, "at": true, "from": true, "or": true, "by": true,
}

// citedWork recognises "his book Provoked: How …" starting at token i (the
// possessive or article before the medium noun). It returns the work, the
// index of its last token, and false when no work starts there.
func (d *document) citedWork(i int) (sayso.CitedWork, int, bool) {
	n := len(d.toks)
	switch d.low[i] {
	case "his", "her", "their", "its", "a", "an", "the", "new", "latest", "recent":
	default:
		return sayso.CitedWork{}, 0, false
	}
	k := i + 1
	for k < n && (d.low[k] == "new" || d.low[k] == "latest" || d.low[k] == "recent" || d.low[k] == "upcoming") {
		k++
	}
	if k >= n {
		return sayso.CitedWork{}, 0, false
	}
	kind, ok := mediumNouns[d.low[k]]
	if !ok || kind == "" {
		return sayso.CitedWork{}, 0, false
	}
	start := k + 1
	if start >= n {
		return sayso.CitedWork{}, 0, false
	}
	end := -1
	if d.quote[start]&qOpen != 0 && d.qid[start] >= 0 {
		// A quoted title: book “Provoked”.
		end = d.quotes[d.qid[start]].Last
	} else {
		j := start
		for j < n && d.toks[j].Newlines == 0 && j-start < 40 {
			t := d.toks[j]
			switch {
			case t.Kind == textnorm.Word && isCapitalised(t.Text), t.Kind == textnorm.Number:
				end = j
			case titleGlue[d.low[j]] || d.low[j] == ":" || d.low[j] == "’s" || d.low[j] == "-":
			default:
				j = n
				continue
			}
			j++
		}
	}
	if end < start {
		return sayso.CitedWork{}, 0, false
	}
	a, b := d.toks[start], d.toks[end]
	title := d.text[a.ByteStart:b.ByteEnd]
	if d.toks[start].Kind == textnorm.Quote {
		title = d.text[d.toks[start+1].ByteStart:d.toks[max(start+1, end-1)].ByteEnd]
	}
	return sayso.CitedWork{Title: title, Kind: kind, Span: sayso.Span{Start: d.toks[i].Start, End: b.End}}, end, true
}

// citedWorks finds every cited work in d; authors are filled in from the
// attributions that cite them.
func (d *document) citedWorks() []citedAt {
	var out []citedAt
	for i := 0; i < len(d.toks); i++ {
		if i > 0 && (d.low[i-1] == "in" || d.low[i-1] == "by" || d.low[i-1] == "from") {
			if w, end, ok := d.citedWork(i); ok {
				out = append(out, citedAt{work: w, first: i, last: end})
				i = end
			}
		}
	}
	return out
}

// citedAt is a cited work and its tokens.
type citedAt struct {
	work        sayso.CitedWork
	first, last int
}
