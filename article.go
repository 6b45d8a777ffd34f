package sayso

import (
	"strings"
	"time"
)

// BlockKind is the structural role of a block of body text.
type BlockKind string

// Kinds of body blocks.
const (
	BlockParagraph  BlockKind = "paragraph"
	BlockHeading    BlockKind = "heading"
	BlockListItem   BlockKind = "list_item"
	BlockQuote      BlockKind = "blockquote"
	BlockPreformat  BlockKind = "pre"
	BlockTableRow   BlockKind = "table_row"
	BlockFigCaption BlockKind = "caption"
)

// Block is one unit of an article body in reading order, as plain text.
type Block struct {
	Kind BlockKind `json:"kind"`
	Text string    `json:"text"`
	// Level is the heading level (1–6) for headings and the nesting depth
	// (1 for a top-level item) for list items; 0 otherwise.
	Level int `json:"level,omitempty"`
	// Ordered is true for items of a numbered list.
	Ordered bool `json:"ordered,omitempty"`
}

// Link is a hyperlink found inside the article body.
type Link struct {
	Text string `json:"text"`
	URL  string `json:"url"`
	// Block is the index in Article.Blocks of the block holding the link.
	Block int `json:"block"`
}

// CreditKind says what kind of credit or syndication line was found.
type CreditKind string

// Kinds of credit lines.
const (
	// CreditSource is a "Source: X" line.
	CreditSource CreditKind = "source"
	// CreditOriginallyPublished is "Originally published by/at/in X" and
	// "This article first appeared on X".
	CreditOriginallyPublished CreditKind = "originally_published"
	// CreditRepublished is "Republished from X" or "republished with permission".
	CreditRepublished CreditKind = "republished"
	// CreditWireDateline is a wire-service dateline such as "WASHINGTON (Reuters) -".
	CreditWireDateline CreditKind = "wire_dateline"
	// CreditWireSignoff is a trailing wire credit such as "— AP".
	CreditWireSignoff CreditKind = "wire_signoff"
	// CreditCourtesy is "Courtesy of X", "Via X", "Reporting by X" and similar.
	CreditCourtesy CreditKind = "courtesy"
)

// Credit is a syndication or credit line: provenance about the text, removed
// from the body and kept here with the outlet it names.
type Credit struct {
	Kind CreditKind `json:"kind"`
	// Text is the line as it appeared on the page.
	Text string `json:"text"`
	// Outlet is the organisation named, e.g. "AntiWar.com" or "Reuters".
	Outlet string `json:"outlet"`
	// URL is the address the credit links to, when it links.
	URL string `json:"url,omitempty"`
}

// Candidate is one metadata value found on a page and the evidence it came
// from. Extraction collects every candidate and chooses late, by priority.
type Candidate struct {
	// Field is the Article field the value is for: "title", "published"…
	Field string `json:"field"`
	Value string `json:"value"`
	// Evidence names where the value was found, e.g. "json-ld:datePublished",
	// "meta:og:title", "time[datetime]", "url", "byline".
	Evidence string `json:"evidence"`
}

// Article is the article carried by a page: clean body text in reading order
// and the metadata a reader of provenance needs, each value with the evidence
// it was chosen from.
type Article struct {
	URL          string     `json:"url"`
	CanonicalURL string     `json:"canonical_url,omitempty"`
	Title        string     `json:"title"`
	Authors      []string   `json:"authors"`
	Publisher    string     `json:"publisher,omitempty"`
	Published    *time.Time `json:"published,omitempty"`
	Modified     *time.Time `json:"modified,omitempty"`
	// Language is a BCP 47 tag such as "en" or "pt-BR".
	Language    string   `json:"language,omitempty"`
	Description string   `json:"description,omitempty"`
	Section     string   `json:"section,omitempty"`
	Tags        []string `json:"tags,omitempty"`
	Image       string   `json:"image,omitempty"`
	Blocks      []Block  `json:"body"`
	Links       []Link   `json:"links,omitempty"`
	Credits     []Credit `json:"credits"`
	// Evidence maps a metadata field to the evidence of its chosen value.
	Evidence map[string]string `json:"evidence,omitempty"`
	// Candidates lists every metadata value found, chosen or not.
	Candidates []Candidate `json:"candidates,omitempty"`
	// ExtractorVersion is the sayso version that produced this record.
	ExtractorVersion string `json:"extractor_version"`
}

// Text returns the body as plain text, blocks separated by blank lines.
// Attribution offsets are code points into this text.
func (a *Article) Text() string {
	var b strings.Builder
	for i, blk := range a.Blocks {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(blk.Text)
	}
	return b.String()
}
