package extract

import (
	"strings"

	"github.com/sayso-news/sayso"
)

// A paywalled page shows a paragraph or two and carries the whole text in
// its JSON-LD article's articleBody; a page rendered by script may carry
// nothing else. withFullText takes that text when the page shows much less
// of it.

// minFullTextGain is how much longer the JSON-LD text must be than the
// body read from the page to replace it: a body that shows the article
// has about as much text as the JSON-LD copy, and the page's own blocks
// keep their structure and links.
const minFullTextGain = 1.5

// minFullTextChars is the least text a JSON-LD body needs to stand for an
// article: a teaser or a description is shorter.
const minFullTextChars = 4 * goodChars

// fullTextProbe is how many characters of a block are looked for in the
// JSON-LD text to find where the two agree.
const fullTextProbe = 60

// withFullText returns the body with the JSON-LD text in place of what
// follows the first block the JSON-LD text holds (the blocks before it, a
// standfirst, stay), when the JSON-LD text is minFullTextGain times longer
// than the body. With no body at all, the JSON-LD text is the body. Links
// of the replaced blocks go.
func withFullText(blocks []sayso.Block, links []sayso.Link, full string) ([]sayso.Block, []sayso.Link) {
	if full == "" {
		return blocks, links
	}
	// A CMS that pasted the text twice repeats its opening: one copy is
	// the text.
	if open := oneSpaced(full); len(open) > 2*fullTextProbe {
		probe := open[:fullTextProbe]
		if i := strings.Index(open[fullTextProbe:], probe); i >= 0 {
			full = open[:fullTextProbe+i]
		}
	}
	fullChars := textChars(full)
	if fullChars < minFullTextChars {
		return blocks, links
	}
	have := 0
	for _, b := range blocks {
		have += textChars(b.Text)
	}
	if float64(fullChars) < minFullTextGain*float64(have) {
		return blocks, links
	}
	flat := oneSpaced(full)
	at := -1
	if len(blocks) == 0 {
		at = 0
	}
	for i, b := range blocks {
		if i >= maxLeadScan/2 {
			break // the body starts within a headline's furniture of the top
		}
		probe := oneSpaced(b.Text)
		if len(probe) > fullTextProbe {
			probe = probe[:fullTextProbe]
		}
		if textChars(probe) >= 20 && strings.Contains(flat, probe) {
			at = i
			break
		}
	}
	if at < 0 {
		return blocks, links // the JSON-LD text is of something else
	}
	out := append([]sayso.Block(nil), blocks[:at]...)
	for _, p := range strings.Split(full, "\n") {
		if p = oneSpaced(p); p != "" {
			out = append(out, sayso.Block{Kind: sayso.BlockParagraph, Text: p})
		}
	}
	var kept []sayso.Link
	for _, l := range links {
		if l.Block < at {
			kept = append(kept, l)
		}
	}
	return out, kept
}
