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

// scriptSampleLetters is how many letters bodyScript looks at: the script
// of a text shows in its first few hundred letters.
const scriptSampleLetters = 400

// scriptRanges map code-point ranges to the scripts scriptLanguages knows,
// for a count cheaper than unicode.Is over every table.
var scriptRanges = []struct {
	lo, hi rune
	script *unicode.RangeTable
}{
	{0x0041, 0x024F, unicode.Latin}, {0x0370, 0x03FF, unicode.Greek}, {0x0400, 0x052F, unicode.Cyrillic},
	{0x0530, 0x058F, unicode.Armenian}, {0x0590, 0x05FF, unicode.Hebrew}, {0x0600, 0x06FF, unicode.Arabic},
	{0x0750, 0x077F, unicode.Arabic}, {0x0900, 0x097F, unicode.Devanagari}, {0x0980, 0x09FF, unicode.Bengali},
	{0x0A00, 0x0A7F, unicode.Gurmukhi}, {0x0A80, 0x0AFF, unicode.Gujarati}, {0x0B80, 0x0BFF, unicode.Tamil},
	{0x0C00, 0x0C7F, unicode.Telugu}, {0x0C80, 0x0CFF, unicode.Kannada}, {0x0D00, 0x0D7F, unicode.Malayalam},
	{0x0D80, 0x0DFF, unicode.Sinhala}, {0x0E00, 0x0E7F, unicode.Thai}, {0x0E80, 0x0EFF, unicode.Lao},
	{0x1000, 0x109F, unicode.Myanmar}, {0x10A0, 0x10FF, unicode.Georgian}, {0x1100, 0x11FF, unicode.Hangul},
	{0x1200, 0x139F, unicode.Ethiopic}, {0x1780, 0x17FF, unicode.Khmer}, {0x1E00, 0x1EFF, unicode.Latin},
	{0x3040, 0x309F, unicode.Hiragana}, {0x30A0, 0x30FF, unicode.Katakana}, {0x4E00, 0x9FFF, unicode.Han},
	{0xAC00, 0xD7AF, unicode.Hangul},
}

// bodyScript returns the script most of sample's letters are written in,
// or nil when it has none. Japanese counts as Hiragana when kana appear
// among its ideographs.
func bodyScript(sample string) *unicode.RangeTable {
	counts := make([]int, len(scriptRanges))
	letters := 0
	for _, r := range sample {
		if r < 'A' || r >= 0x2000 && r < 0x3040 {
			continue
		}
		for i, sr := range scriptRanges {
			if r >= sr.lo && r <= sr.hi {
				if sr.script != unicode.Latin || unicode.IsLetter(r) {
					counts[i]++
					letters++
				}
				break
			}
		}
		if letters >= scriptSampleLetters {
			break
		}
	}
	// Sum by script (Latin and Arabic have two ranges each); the first
	// script listed wins a tie, so the answer is deterministic.
	total := make(map[*unicode.RangeTable]int, 4)
	var best *unicode.RangeTable
	for i, n := range counts {
		if n == 0 {
			continue
		}
		sr := scriptRanges[i].script
		total[sr] += n
		if best == nil || total[sr] > total[best] {
			best = sr
		}
	}
	if best == unicode.Han && total[unicode.Hiragana]+total[unicode.Katakana] > 0 {
		return unicode.Hiragana
	}
	return best
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
