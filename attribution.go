package sayso

// Span is a half-open range [Start, End) of Unicode code points (not bytes)
// in a text, the unit PolNeAR and most annotation tools use.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of code points in the span.
func (s Span) Len() int { return s.End - s.Start }

// Segment is a piece of text and where it lies. Spans has more than one
// element when the piece is discontinuous, as content split by "he said" is.
type Segment struct {
	Text  string `json:"text"`
	Spans []Span `json:"spans"`
}

// AttributionKind tells how the content is reported.
type AttributionKind string

// Kinds of attribution.
const (
	// Direct content is quoted verbatim, inside quotation marks.
	Direct AttributionKind = "direct"
	// Indirect content is paraphrased, with no quotation marks.
	Indirect AttributionKind = "indirect"
	// Mixed content paraphrases around a partial verbatim quote.
	Mixed AttributionKind = "mixed"
)

// SpeakerType classifies who a speaker is.
type SpeakerType string

// Types of speaker.
const (
	Person       SpeakerType = "person"
	Organisation SpeakerType = "organisation"
	Group        SpeakerType = "group"
	Anonymous    SpeakerType = "anonymous"
	Document     SpeakerType = "document"
)

// Resolution says how a speaker's identity was established.
type Resolution string

// Ways a speaker is resolved.
const (
	// ResolvedNamed: the source names the speaker here.
	ResolvedNamed Resolution = "named"
	// ResolvedEarlierMention: a short or partial name matched an earlier full one.
	ResolvedEarlierMention Resolution = "earlier_mention"
	// ResolvedPronoun: a pronoun was resolved to an earlier entity.
	ResolvedPronoun Resolution = "pronoun"
	// ResolvedTitle: a nominal ("the spokesman") was resolved by its role.
	ResolvedTitle Resolution = "title"
	// ResolvedCarriedOver: a quote with no cue took the previous quote's speaker.
	ResolvedCarriedOver Resolution = "carried_over"
	// Unresolved: the speaker could not be tied to a named entity.
	Unresolved Resolution = "unresolved"
)

// Speaker is the entity behind an attribution.
type Speaker struct {
	// Name is the canonical name: the fullest form the text gives
	// ("Dmitry Peskov", "the Kremlin").
	Name string      `json:"name"`
	Type SpeakerType `json:"type"`
	// Role is the title or function the text gives ("Russian spokesman").
	Role       string     `json:"role,omitempty"`
	Resolution Resolution `json:"resolution"`
}

// Attribution is one act of reporting: a source says, believes or wants some
// content, marked by a cue.
type Attribution struct {
	Kind AttributionKind `json:"kind"`
	// Source is the mention of who; nil when implicit (a continuation quote).
	Source *Segment `json:"source"`
	// Cue is the verb or phrase ("said", "according to"); nil when none.
	Cue     *Segment `json:"cue"`
	Content Segment  `json:"content"`
	Speaker *Speaker `json:"speaker"`
	// Medium is where it was said when the text tells ("a statement",
	// "Twitter", "his book Provoked").
	Medium string `json:"medium,omitempty"`
	// Confidence is in [0, 1]; higher means more likely correct.
	Confidence float64 `json:"confidence"`
}

// Claim is a sentence the author asserts in their own voice, with no source.
type Claim struct {
	Text string `json:"text"`
	Span Span   `json:"span"`
}

// CitedWork is a book, report, study or other work the text cites.
type CitedWork struct {
	Title  string `json:"title"`
	Author string `json:"author,omitempty"`
	// Kind is "book", "report", "study", "article", "interview"… as the text says.
	Kind string `json:"kind"`
	Span Span   `json:"span"`
}

// Entity is a person, organisation or group mentioned in a text, with every
// alias the text uses for it.
type Entity struct {
	Name    string      `json:"name"`
	Type    SpeakerType `json:"type"`
	Role    string      `json:"role,omitempty"`
	Aliases []string    `json:"aliases,omitempty"`
}

// Analysis is what attribution reads from one text.
type Analysis struct {
	Attributions []Attribution `json:"attributions"`
	Claims       []Claim       `json:"unattributed_claims"`
	CitedWorks   []CitedWork   `json:"cited_works"`
	Entities     []Entity      `json:"entities"`
}
