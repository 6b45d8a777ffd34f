package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

// langSampleBytes is how much body text the language detector reads: a few
// paragraphs decide a language as well as a whole article, and faster.
const langSampleBytes = 1536

// minLangChars is the least body text worth guessing a language from; the
// detector is unreliable on a sentence or two.
const minLangChars = 60

// bodySample returns the first langSampleBytes of the body text, cut at a
// character boundary, or "" when the body is too short to judge.
func bodySample(blocks []string) string {
	var b strings.Builder
	for _, t := range blocks {
		if b.Len() >= langSampleBytes {
			break
		}
		b.WriteString(t)
		b.WriteString("\n")
	}
	s := b.String()
	if len(s) > langSampleBytes {
		s = s[:langSampleBytes]
		for len(s) > 0 && !utf8.ValidString(s) {
			s = s[:len(s)-1]
		}
	}
	if utf8.RuneCountInString(s) < minLangChars {
		return ""
	}
	return s
}

// bodyScript returns the script most of sample is written in (cheap: it
// counts characters), or nil.
func bodyScript(sample string) *unicode.RangeTable {
	if sample == "" {
		return nil
	}
	return whatlanggo.DetectScript(sample)
}

// detectLanguage guesses sample's language as an ISO 639-1 code, or ""
// when the detector is unsure.
func detectLanguage(sample string) string {
	if sample == "" {
		return ""
	}
	info := whatlanggo.Detect(sample)
	if !info.IsReliable() {
		return ""
	}
	return info.Lang.Iso6391()
}

// scriptLanguages lists, for the scripts whatlanggo tells apart, the
// languages written in them. Latin is everything not listed elsewhere.
var scriptLanguages = map[*unicode.RangeTable][]string{
	unicode.Cyrillic:   {"ru", "uk", "bg", "be", "mk", "sr", "kk", "ky", "mn", "tg", "tt", "ba", "cv", "ce"},
	unicode.Arabic:     {"ar", "fa", "ur", "ps", "ug", "ku", "sd"},
	unicode.Hebrew:     {"he", "iw", "yi"},
	unicode.Greek:      {"el"},
	unicode.Georgian:   {"ka"},
	unicode.Armenian:   {"hy"},
	unicode.Devanagari: {"hi", "mr", "ne", "sa"},
	unicode.Bengali:    {"bn", "as"},
	unicode.Thai:       {"th"},
	unicode.Han:        {"zh", "ja", "ko"},
	unicode.Hiragana:   {"ja"},
	unicode.Katakana:   {"ja"},
	unicode.Hangul:     {"ko"},
	unicode.Tamil:      {"ta"},
	unicode.Telugu:     {"te"},
	unicode.Kannada:    {"kn"},
	unicode.Malayalam:  {"ml"},
	unicode.Gujarati:   {"gu"},
	unicode.Gurmukhi:   {"pa"},
	unicode.Ethiopic:   {"am", "ti"},
	unicode.Khmer:      {"km"},
	unicode.Lao:        {"lo"},
	unicode.Myanmar:    {"my"},
	unicode.Sinhala:    {"si"},
}

// writtenIn reports whether the language tagged tag can be written in
// script. Unknown scripts give true: only a sure contradiction counts.
func writtenIn(tag string, script *unicode.RangeTable) bool {
	if script == nil {
		return true
	}
	primary := strings.ToLower(tag)
	if i := strings.IndexAny(primary, "-_"); i > 0 {
		primary = primary[:i]
	}
	if script == unicode.Latin {
		for _, langs := range scriptLanguages {
			for _, l := range langs {
				if l == primary && primary != "sr" && primary != "ku" {
					return false
				}
			}
		}
		return true
	}
	langs, ok := scriptLanguages[script]
	if !ok {
		return true
	}
	for _, l := range langs {
		if l == primary {
			return true
		}
	}
	return false
}
