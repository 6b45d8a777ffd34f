package textnorm

import "sort"

// Quotation is a passage between quotation marks, in token indexes.
type Quotation struct {
	// Open is the index of the opening mark.
	Open int
	// Close is the index of the closing mark, or -1 when the quotation runs
	// unclosed to the end of its paragraph.
	Close int
	// Last is the index of the quotation's last token: Close, or the last
	// token of the paragraph when unclosed.
	Last int
	// Double is true for double quotation marks, false for single ones.
	Double bool
	// Continues is true for an unclosed double quotation whose next
	// paragraph opens with a quotation mark: the convention for a quote that
	// spans paragraphs.
	Continues bool
}

// Quotations pairs the quotation marks among toks into quotations. Double
// marks pair within a paragraph; an opening mark left unclosed at the end of
// a paragraph makes a quotation to that end (Continues tells whether the
// next paragraph carries it on). Single marks pair inside or outside double
// ones, and ’ or ' count as closing marks only when a single quotation is
// open, so that apostrophes ("the Clintons’ house") are not mistaken for
// quotes. Unbalanced input never fails: stray marks are ignored.
func Quotations(toks []Token) []Quotation {
	var out []Quotation
	dOpen, sOpen := -1, -1
	endParagraph := func(last, next int) {
		if dOpen >= 0 {
			q := Quotation{Open: dOpen, Close: -1, Last: last, Double: true}
			if next < len(toks) && toks[next].Kind == Quote {
				m := QuoteClassString(toks[next].Text)
				q.Continues = m.Double() && !m.Closing()
			}
			out = append(out, q)
		}
		dOpen, sOpen = -1, -1
	}
	for i := range toks {
		t := &toks[i]
		if i > 0 && t.Newlines > 0 {
			endParagraph(i-1, i)
		}
		if t.Kind != Quote {
			continue
		}
		m := QuoteClassString(t.Text)
		attachedNext := i+1 < len(toks) && !toks[i+1].Space
		if m.Double() {
			opening := m.Opening() || (m.Ambiguous() && dOpen < 0)
			if opening && dOpen >= 0 && t.Text == "“" && toks[dOpen].Text == "„" {
				// „…“ is the German pair: here “ closes.
				opening = false
			}
			if m.Closing() && dOpen < 0 && t.Space && attachedNext && i+1 < len(toks) && toks[i+1].Kind <= Number {
				// A closing mark typed where an opening one belongs
				// (”Fear. …”): nothing is open, a word follows it.
				opening = true
			}
			if m.Ambiguous() && dOpen >= 0 && t.Space && attachedNext && i+1 < len(toks) && toks[i+1].Kind <= Number {
				// A straight mark between a space and a word opens a new
				// quotation: the previous one was left unclosed.
				opening = true
			}
			if opening {
				if dOpen >= 0 {
					out = append(out, Quotation{Open: dOpen, Close: -1, Last: i - 1, Double: true})
				}
				dOpen, sOpen = i, -1
				continue
			}
			if dOpen >= 0 {
				out = append(out, Quotation{Open: dOpen, Close: i, Last: i, Double: true})
				dOpen, sOpen = -1, -1
			}
			continue
		}
		// Single marks.
		switch {
		case m.Opening():
			if attachedNext {
				sOpen = i
			}
		case sOpen >= 0 && !(attachedNext && toks[i+1].Kind <= Number):
			out = append(out, Quotation{Open: sOpen, Close: i, Last: i})
			sOpen = -1
		case m.Ambiguous() && sOpen < 0 && attachedNext && toks[i+1].Kind <= Number &&
			(t.Space || (i > 0 && toks[i-1].Kind == Quote)):
			sOpen = i
		}
	}
	endParagraph(len(toks)-1, len(toks))
	sort.Slice(out, func(a, b int) bool { return out[a].Open < out[b].Open })
	return out
}
