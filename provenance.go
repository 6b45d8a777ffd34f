package sayso

import "time"

// ArticleRef names a stored article the way provenance listings show it:
// its id, the address its page was read from, its outlet and when it was
// published.
type ArticleRef struct {
	// ArticleID identifies the article in the store.
	ArticleID int64 `json:"article_id"`
	// URL is the address the page was read from (after redirects).
	URL string `json:"url"`
	// Outlet is the registrable domain the page was served from.
	Outlet string `json:"outlet"`
	// Published is the article's publication time, nil when unknown.
	Published *time.Time `json:"published"`
}

// EvidenceKind says what told which article of a copy cluster is the
// original, strongest first.
type EvidenceKind string

// Kinds of evidence for a cluster's original, in order of strength.
const (
	// EvidenceCredit: a copy carries a credit line naming the original's
	// outlet or linking to it ("Source: X", "Originally published by X",
	// "(Reuters) -").
	EvidenceCredit EvidenceKind = "credit"
	// EvidenceCanonical: a copy's canonical link points at the original.
	EvidenceCanonical EvidenceKind = "canonical"
	// EvidenceEarliest: no copy names another; the original is the
	// member published first.
	EvidenceEarliest EvidenceKind = "earliest"
)

// OriginEvidence is one piece of evidence naming a cluster's original.
type OriginEvidence struct {
	Kind EvidenceKind `json:"kind"`
	// ArticleID is the article carrying the evidence: the copy with the
	// credit line or canonical link, or the original itself for the
	// earliest publication time.
	ArticleID int64 `json:"article_id"`
	// Text is the evidence as found: the credit line, the canonical
	// address, or the publication time.
	Text string `json:"text"`
}

// CopyDiff says how a copy differs from its cluster's original.
type CopyDiff struct {
	// ParagraphsAdded and ParagraphsRemoved count the body blocks the copy
	// has that the original lacks, and the reverse.
	ParagraphsAdded   int `json:"paragraphs_added"`
	ParagraphsRemoved int `json:"paragraphs_removed"`
	// HeadlineChanged reports a different title.
	HeadlineChanged bool `json:"headline_changed"`
}

// CopyMember is one article of a copy cluster.
type CopyMember struct {
	ArticleRef
	Title string `json:"title"`
	// Similarity is the Jaccard similarity of the member's and the
	// original's word shingles (shared over all): 1 for the original
	// itself and for an exact copy.
	Similarity float64 `json:"similarity"`
	// Containment is the share of the shorter text's shingles that the
	// other holds: 1 for a copy that only cut the tail.
	Containment float64 `json:"containment"`
	// Original marks the cluster's original.
	Original bool `json:"original"`
	// Diff says what differs from the original; nil for the original.
	Diff *CopyDiff `json:"diff,omitempty"`
}

// CopyCluster is a set of stored articles that are copies of one text
// (syndicated, republished or mirrored), with the one that is the original
// and the evidence for it.
type CopyCluster struct {
	// ID identifies the cluster while its membership stays the same.
	ID int64 `json:"cluster"`
	// Original is the member named as the original.
	Original CopyMember `json:"original"`
	// Evidence tells why Original was chosen, strongest first.
	Evidence []OriginEvidence `json:"evidence"`
	// Members lists every member, the original first, then by
	// publication time and address.
	Members []CopyMember `json:"members"`
}

// QuoteVariant says how an appearance of a quote relates to its earliest
// version.
type QuoteVariant string

// Variants of a quote's appearance.
const (
	// VariantExact: the same words (after normalising marks, case,
	// punctuation and white space).
	VariantExact QuoteVariant = "exact"
	// VariantTruncated: a prefix or a suffix of the words cut, with or
	// without "…", or a cut marked "…" inside.
	VariantTruncated QuoteVariant = "truncated"
	// VariantPartial: a quoted sub-span of the words, cut at both ends.
	VariantPartial QuoteVariant = "partial"
	// VariantAltered: words changed, added or dropped; Diff says which.
	VariantAltered QuoteVariant = "altered"
	// VariantMisattributed: the same words given to a different speaker.
	VariantMisattributed QuoteVariant = "misattributed"
)

// DiffOp is one step of a word-level diff: words kept ("="), dropped from
// the earlier version ("-") or added by the later one ("+").
type DiffOp struct {
	Op   string `json:"op"`
	Text string `json:"text"`
}

// QuoteAppearance is one article's printing of a traced quote.
type QuoteAppearance struct {
	ArticleRef
	// Text is the quote as this article prints it.
	Text string `json:"text"`
	// Speaker is who this article says spoke, "" when unknown.
	Speaker string `json:"speaker"`
	// Variant relates this printing to the earliest one.
	Variant QuoteVariant `json:"variant"`
	// Diff is the word-level diff from the earliest version's words to
	// these, for altered appearances; nil otherwise.
	Diff []DiffOp `json:"diff"`
	// CopyOf names the original when this article is a syndicated copy of
	// another stored article; nil otherwise.
	CopyOf *ArticleRef `json:"copy_of"`
}

// QuoteTrace is every stored appearance of one quote, first appearance
// first.
type QuoteTrace struct {
	// ID identifies the trace while its membership stays the same.
	ID int64 `json:"trace"`
	// Text is the earliest wording.
	Text string `json:"text"`
	// Speaker is the speaker the first appearance gives.
	Speaker string `json:"speaker"`
	// First is the article that printed the quote first: the earliest
	// published, and between a copy and its original, the original.
	First ArticleRef `json:"first"`
	// Appearances lists every appearance in time order, the first
	// included; one per article.
	Appearances []QuoteAppearance `json:"appearances"`
}

// Articles counts the distinct articles the trace appears in.
func (t *QuoteTrace) Articles() int {
	seen := map[int64]bool{}
	for _, a := range t.Appearances {
		seen[a.ArticleID] = true
	}
	return len(seen)
}
