package textnorm

// QuoteMark describes a quotation mark: whether it is double or single and
// which way it faces.
type QuoteMark uint8

// Bits of a QuoteMark. A mark is double or single, and opening, closing or
// ambiguous (straight marks, and the marks some languages use both ways).
const (
	// QuoteDouble marks “ ” „ ‟ « » " and the `` and ” pairs.
	QuoteDouble QuoteMark = 1 << iota
	// QuoteSingle marks ‘ ’ ‚ ‛ ‹ › and '.
	QuoteSingle
	// QuoteOpening marks can only open a quotation.
	QuoteOpening
	// QuoteClosing marks usually close one (’ is also an apostrophe).
	QuoteClosing
)

// Double reports whether m is a double quotation mark.
func (m QuoteMark) Double() bool { return m&QuoteDouble != 0 }

// Single reports whether m is a single quotation mark.
func (m QuoteMark) Single() bool { return m&QuoteSingle != 0 }

// Opening reports whether m can only open a quotation.
func (m QuoteMark) Opening() bool { return m&QuoteOpening != 0 }

// Closing reports whether m faces as a closing mark.
func (m QuoteMark) Closing() bool { return m&QuoteClosing != 0 }

// Ambiguous reports whether m is a quotation mark that may open or close,
// like the straight marks.
func (m QuoteMark) Ambiguous() bool { return m != 0 && m&(QuoteOpening|QuoteClosing) == 0 }

// QuoteClass returns the class of r as a quotation mark, or 0 when r is not
// one.
func QuoteClass(r rune) QuoteMark {
	switch r {
	case '"', '＂':
		return QuoteDouble
	case '“', '„', '‟', '«', '〝':
		return QuoteDouble | QuoteOpening
	case '”', '»', '〞':
		return QuoteDouble | QuoteClosing
	case '\'', '`':
		return QuoteSingle
	case '‘', '‚', '‛', '‹':
		return QuoteSingle | QuoteOpening
	case '’', '›':
		return QuoteSingle | QuoteClosing
	}
	return 0
}

// QuoteClassString returns the class of a quotation-mark token: one mark, or
// the doubled ASCII marks “ (opening) and ” (ambiguous) that some feeds
// use for double quotes. It returns 0 for anything else.
func QuoteClassString(s string) QuoteMark {
	switch s {
	case "``":
		return QuoteDouble | QuoteOpening
	case "''":
		return QuoteDouble
	}
	var r rune
	n := 0
	for _, c := range s {
		r = c
		n++
		if n > 1 {
			return 0
		}
	}
	return QuoteClass(r)
}
