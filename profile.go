package sayso

// SpeakerRef names a stored speaker.
type SpeakerRef struct {
	// ID identifies the speaker in the store.
	ID   int64       `json:"id"`
	Name string      `json:"name"`
	Type SpeakerType `json:"type"`
}

// OutletRef names a stored outlet.
type OutletRef struct {
	// Host is the outlet's registrable domain ("bbc.co.uk").
	Host string `json:"host"`
	// Name is the publisher name last seen on its pages, "" when none.
	Name string `json:"name"`
}

// Count is a key with how many times it was seen.
type Count struct {
	Key string `json:"key"`
	N   int    `json:"n"`
}

// SpeakerProfile is what a store knows of one speaker: how often they are
// attributed, by whom, in which roles and when. Counts past a bound stop
// there (MoreThan); the timeline, roles and outlets are read from the
// latest Sample statements stored, so that a profile costs the same for a
// speaker quoted ten times or a hundred thousand.
type SpeakerProfile struct {
	SpeakerRef
	// Attributions counts the attributions to the speaker; when MoreThan,
	// there are more than that.
	Attributions int  `json:"attributions"`
	MoreThan     bool `json:"more_than"`
	// Sample is the number of latest statements Roles, Months and Outlets
	// were read from.
	Sample int `json:"sample"`
	// Roles are the roles the texts give the speaker, most frequent first.
	Roles []Count `json:"roles"`
	// Months counts statements per publication month ("2024-03"), in time
	// order; statements of undated articles are not counted.
	Months []Count `json:"months"`
	// Outlets counts statements per outlet, most first.
	Outlets []Count `json:"outlets"`
	// Statements are the latest stored statements, newest first.
	Statements []Quote `json:"statements"`
}

// OutletProfile is an outlet's attribution profile, read from its latest
// Sample stored articles: how it sources what it prints, whom it quotes,
// and what it copies.
type OutletProfile struct {
	OutletRef
	// Articles counts the outlet's stored articles; when MoreThan, there
	// are more than that.
	Articles int  `json:"articles"`
	MoreThan bool `json:"more_than"`
	// Sample is the number of latest articles the rest was read from.
	Sample int `json:"sample"`
	// Direct, Indirect and Mixed count attributions by kind; Unattributed
	// counts the authors' own claims; Anonymous counts attributions to an
	// anonymous source.
	Direct       int `json:"direct"`
	Indirect     int `json:"indirect"`
	Mixed        int `json:"mixed"`
	Unattributed int `json:"unattributed"`
	Anonymous    int `json:"anonymous"`
	// TopSpeakers counts attributions per named speaker, most first.
	TopSpeakers []Count `json:"top_speakers"`
	// CopiesFrom counts the outlet's articles that copy another outlet's
	// original, per that outlet; CopiedBy counts other outlets' copies of
	// its originals.
	CopiesFrom []Count `json:"copies_from"`
	CopiedBy   []Count `json:"copied_by"`
	// Recent lists the latest articles (hits without snippet or rank).
	Recent []SearchHit `json:"recent"`
}
