package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

// langSampleBytes is how much body text the language detector reads: a few
// paragraphs decide a language as well as a whole article, and faster.
const langSampleBytes = 1536

// minLangChars is the least body text worth guessing a language from; the
// detector is unreliable on a sentence or two.
const minLangChars = 60

// bodyLanguage guesses the body's language (an ISO 639-1 code) when the
// page declares none. It returns "" when the text is too short or the
// detector unsure.
func bodyLanguage(blocks []string) string {
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
	info := whatlanggo.Detect(s)
	if !info.IsReliable() {
		return ""
	}
	return info.Lang.Iso6391()
}
