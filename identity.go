package sayso

import "time"

// SpeakerIdentity is one speaker across a corpus: every name the corpus
// gives them, the roles articles give them and when, how often they are
// quoted over time and which outlets quote them.
type SpeakerIdentity struct {
	// Identity is the id of the speaker identity (the least stored speaker
	// id among its names), Name the name it goes by (its fullest).
	Identity int64       `json:"identity"`
	Name     string      `json:"name"`
	Type     SpeakerType `json:"type"`
	// Attributions counts the attributions to the speaker, Articles the
	// articles they are in.
	Attributions int `json:"attributions"`
	Articles     int `json:"articles"`
	// Names lists the stored names of the speaker, most attributed first.
	Names []NameCount `json:"names"`
	// Roles lists the roles articles give the speaker, most frequent
	// first, with the first and last publication dates they were seen.
	Roles []RoleSeen `json:"roles,omitempty"`
	// Months counts the attributions by month of publication ("2016-09"),
	// in order; undated articles count under "".
	Months []MonthCount `json:"months,omitempty"`
	// Outlets lists the outlets quoting the speaker, most attributions
	// first.
	Outlets []NameCount `json:"outlets,omitempty"`
}

// NameCount is a name and how many attributions it has.
type NameCount struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// RoleSeen is a role given to a speaker, how often, and the first and last
// publication times of the articles giving it (nil when undated).
type RoleSeen struct {
	Role  string     `json:"role"`
	Count int        `json:"count"`
	First *time.Time `json:"first,omitempty"`
	Last  *time.Time `json:"last,omitempty"`
}

// MonthCount is the number of attributions in a month ("2006-01").
type MonthCount struct {
	Month string `json:"month"`
	Count int    `json:"count"`
}
