package speakers

import (
	"strings"
	"unicode"
)

// titles are words dropped before names are compared (lower case, no
// period), as the guideline's scoring says: honorifics, offices and ranks.
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "prof": true, "sir": true,
	"sen": true, "senator": true, "rep": true, "representative": true, "gov": true,
	"governor": true, "president": true, "pres": true, "vice": true, "gen": true, "general": true,
	"secretary": true, "mayor": true, "judge": true, "justice": true, "rev": true, "reverend": true,
	"lt": true, "col": true, "capt": true, "sgt": true, "adm": true, "the": true, "jr": true,
	"sr": true, "hon": true, "speaker": true, "chairman": true, "chairwoman": true, "minister": true,
	"prime": true, "former": true, "dame": true, "lord": true, "lady": true,
}

// words splits s into lower-case words of letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
}

// NormName reduces a name to what the scoring compares: lower-case words
// without punctuation, titles, single-letter initials or Jr./Sr., and
// possessive "'s".
func NormName(s string) string {
	var out []string
	for _, w := range words(s) {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "'")
		w = strings.Trim(w, "'")
		if w == "" || titles[w] || len([]rune(w)) == 1 {
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

// SameSpeaker reports whether a predicted speaker (name and type) agrees
// with a gold speaker of the given type.
func SameSpeaker(gold, goldType, name, typ string) bool {
	switch gold {
	case Anonymous:
		return typ == "anonymous"
	case Unknown:
		return name == ""
	}
	if name == "" {
		return false
	}
	g, p := NormName(gold), NormName(name)
	return g != "" && g == p
}
