package textnorm

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is the broad class of a token.
type Kind uint8

// Kinds of tokens.
const (
	// Word is a run of letters, possibly with digits, inner hyphens,
	// apostrophes and periods ("U.S.", "long-established", "don't").
	Word Kind = iota + 1
	// Number is a run that starts with a digit ("2016", "2.5", "1,000").
	Number
	// Quote is a quotation mark (QuoteClassString tells which).
	Quote
	// Punct is any other punctuation or symbol, one mark or a repeated run
	// ("...", "--").
	Punct
)

// Token is a piece of text with its offsets in code points and in bytes.
type Token struct {
	Text string
	// Start and End are code-point offsets, End exclusive.
	Start, End int
	// ByteStart and ByteEnd are byte offsets, ByteEnd exclusive.
	ByteStart, ByteEnd int
	Kind               Kind
	// Newlines counts the line breaks in the white space before the token:
	// 0 on the same line, 1 a new line, 2 or more a new paragraph.
	Newlines int
	// Space reports whether white space precedes the token.
	Space bool
}

// MaxTokenBytes bounds a token's length: longer runs without a break
// (base64, binary junk) are cut so that no token, and no feature built from
// one, grows without limit.
const MaxTokenBytes = 64

// titles are abbreviations that precede a name, so their period never ends
// a sentence (lower case, without the period).
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "gov": true, "sen": true,
	"rep": true, "reps": true, "sens": true, "gen": true, "lt": true, "col": true, "sgt": true,
	"capt": true, "cmdr": true, "adm": true, "maj": true, "prof": true, "rev": true, "hon": true,
	"pres": true, "supt": true, "atty": true, "amb": true, "messrs": true, "mmes": true,
	"gens": true, "govs": true, "lt.gov": true, "fr": true, "sr": true, "jr": true,
}

// months are abbreviations whose period belongs to them before a day number.
var months = map[string]bool{
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "no": true, "nos": true,
}

// IsTitle reports whether word (without its period) is a title such as
// "Mr", "Sen" or "Gov" that precedes a name.
func IsTitle(word string) bool {
	return len(word) <= 6 && titles[strings.ToLower(word)]
}

// attachPeriod reports whether the period after word belongs to it: dotted
// abbreviations ("U.S."), titles ("Mr."), initials before a capitalised word
// ("J. Trump") and month abbreviations before a number ("Nov. 19"). Other
// periods are tokens of their own, so that a sentence-final period can
// always be told apart from the word before it.
func attachPeriod(word, rest string) bool {
	if word == "" || len(word) > 8 {
		return false
	}
	if strings.IndexByte(word, '.') > 0 || IsTitle(word) {
		return true
	}
	next := strings.TrimLeft(rest, " ")
	nr, _ := utf8.DecodeRuneInString(next)
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		return unicode.IsUpper(r) && unicode.IsUpper(nr)
	}
	return months[strings.ToLower(word)] && unicode.IsDigit(nr)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// Tokenize splits s into tokens. It never fails: every non-space code point
// of s belongs to exactly one token, and runs longer than MaxTokenBytes are
// cut. Possessive "'s" is its own token; contractions stay whole.
func Tokenize(s string) []Token {
	toks := make([]Token, 0, len(s)/5+1)
	cp := 0 // code-point offset of i
	i := 0
	nl := 0
	space := false
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) || r == 0xFEFF || r == 0x200B {
			if r == '\n' || r == '\u2029' || r == '\u2028' {
				nl++
			}
			space = true
			i += size
			cp++
			continue
		}
		start, startCP := i, cp
		var kind Kind
		switch {
		case isWordRune(r) || ((r == '@' || r == '#') && i+size < len(s) && nextIsWord(s[i+size:])):
			kind = Word
			if unicode.IsDigit(r) {
				kind = Number
			}
			i, cp = scanWord(s, i, cp)
		case QuoteClass(r) != 0:
			kind = Quote
			i += size
			cp++
			// Doubled ASCII marks `` and '' stand for one double mark.
			if (r == '`' || r == '\'') && i < len(s) && rune(s[i]) == r {
				i++
				cp++
			} else if isApostrophe(r) {
				if n := len(toks); n > 0 && toks[n-1].ByteEnd == start && toks[n-1].Kind <= Number && cliticLen(s[i:]) > 0 {
					// Possessive 's or a clitic after a word.
					kind = Word
					c := cliticLen(s[i:])
					i += c
					cp += c
				} else if j, c := leadingElision(s, i, cp); j > i {
					// '90s and the like: an apostrophe starting a word.
					kind = Number
					i, cp = j, c
				}
			}
		default:
			kind = Punct
			i += size
			cp++
			// Runs of the same mark ("...", "--", "!!") make one token.
			for i < len(s) && i-start < MaxTokenBytes {
				r2, size2 := utf8.DecodeRuneInString(s[i:])
				if r2 != r || r == '(' || r == ')' {
					break
				}
				i += size2
				cp++
			}
		}
		toks = append(toks, Token{
			Text: s[start:i], Start: startCP, End: cp, ByteStart: start, ByteEnd: i,
			Kind: kind, Newlines: nl, Space: space || len(toks) == 0,
		})
		nl = 0
		space = false
	}
	return toks
}

func nextIsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}

// leadingElision recognises the digits after an apostrophe that elides a
// century ('90s) and returns the position after them, or i when there are
// none.
func leadingElision(s string, i, cp int) (int, int) {
	j, c := i, cp
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
		c++
	}
	if j-i != 2 {
		return i, cp
	}
	if j < len(s) && s[j] == 's' {
		j++
		c++
	}
	return j, c
}

// scanWord scans a word or number starting at byte i (code point cp) and
// returns the position after it.
func scanWord(s string, i, cp int) (int, int) {
	start := i
	r, size := utf8.DecodeRuneInString(s[i:])
	i += size
	cp++
	prev := r
	for i < len(s) && i-start < MaxTokenBytes {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			i += size
			cp++
			prev = r
			continue
		}
		// Look at the rune after a joiner: words continue only when a word
		// rune follows directly.
		nr, nsize := rune(0), 0
		if i+size < len(s) {
			nr, nsize = utf8.DecodeRuneInString(s[i+size:])
		}
		_ = nsize
		switch {
		case isHyphen(r) && isWordRune(prev) && isWordRune(nr):
		case (r == '.') && isWordRune(prev) && isWordRune(nr) && !unicode.IsUpper(nr) || (r == '.' && isDottedAbbrev(s[start:i], nr)):
		case (r == ',' || r == ':') && unicode.IsDigit(prev) && unicode.IsDigit(nr):
		case r == '/' && isWordRune(prev) && isWordRune(nr):
		case r == '&' && unicode.IsUpper(prev) && unicode.IsUpper(nr):
		case isApostrophe(r) && unicode.IsLetter(prev) && unicode.IsLetter(nr):
			// Possessive 's and the clitics 've, 're, 'm, 'd, 'll are
			// tokens of their own, as a span may end before them ("I" of
			// "I've").
			if cliticLen(s[i+size:]) > 0 {
				return i, cp
			}
		case r == '.' && attachPeriod(s[start:i], s[i+size:]):
			// The period of an abbreviation belongs to it.
			return i + size, cp + 1
		default:
			return i, cp
		}
		i += size + nsize
		cp += 2
		prev = nr
	}
	return i, cp
}

// isDottedAbbrev reports whether word followed by "." and next continues a
// dotted abbreviation such as "U.S" + "." + "A" or "N.Y".
func isDottedAbbrev(word string, next rune) bool {
	if !unicode.IsLetter(next) {
		return false
	}
	// The part after the last period or hyphen must be one letter: U.S,
	// N.Y, A, and the N of "D-N.C.".
	last := word
	if k := strings.LastIndexAny(word, ".-"); k >= 0 {
		last = word[k+1:]
	}
	return utf8.RuneCountInString(last) == 1
}

func isWordRuneAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

// cliticLen returns the length of the clitic (s, ve, re, m, d, ll, in any
// case) at the start of s when a non-word rune or the end follows it, else 0.
func cliticLen(s string) int {
	for _, c := range []string{"s", "ve", "re", "m", "d", "ll"} {
		if len(s) >= len(c) && strings.EqualFold(s[:len(c)], c) && !isWordRuneAt(s, len(c)) {
			return len(c)
		}
	}
	return 0
}
