package textnorm

import (
	"unicode"
	"unicode/utf8"
)

// Sentence is a run of tokens [First, Last] (indexes into the token slice,
// both inclusive) with its code-point span [Start, End).
type Sentence struct {
	First, Last int
	Start, End  int
	// Paragraph is the index of the paragraph holding the sentence;
	// paragraphs are separated by line breaks.
	Paragraph int
}

// sentenceStarters are lower-cased words that commonly open a sentence; after
// an abbreviation's period they tell a sentence end from a name ("U.S.
// officials" continues, "in the U.S. The" ends).
var sentenceStarters = map[string]bool{
	"the": true, "he": true, "she": true, "it": true, "they": true, "we": true, "i": true,
	"but": true, "and": true, "in": true, "a": true, "this": true, "that": true, "there": true,
	"his": true, "her": true, "their": true, "its": true, "our": true, "if": true, "when": true,
	"as": true, "at": true, "on": true, "for": true, "after": true, "while": true, "yet": true,
	"so": true, "those": true, "these": true, "some": true, "many": true, "what": true,
}

// Sentences splits tokens into sentences. A line break always ends a
// sentence; so does ".", "?", "!" or "…" (with any closing quotation marks
// and brackets after it) when the next token does not start in lower case;
// so does a dotted abbreviation ("U.S.") before a common sentence starter.
// Colons and semicolons never end a sentence.
func Sentences(toks []Token) []Sentence {
	var out []Sentence
	if len(toks) == 0 {
		return out
	}
	para, firstPara := 0, 0
	first := 0
	emit := func(last int) {
		out = append(out, Sentence{First: first, Last: last, Start: toks[first].Start, End: toks[last].End, Paragraph: firstPara})
		first = last + 1
	}
	for i := 0; i < len(toks); i++ {
		if i > 0 && toks[i].Newlines > 0 {
			if i > first {
				emit(i - 1)
			}
			para++
		}
		if i == first {
			firstPara = para
		}
		if !endsSentence(toks, i) {
			continue
		}
		// Absorb closing quotation marks and brackets.
		j := i
		for j+1 < len(toks) && toks[j+1].Newlines == 0 && closesAfterEnd(toks[j+1]) {
			j++
		}
		if j+1 < len(toks) && toks[j+1].Newlines == 0 && !startsSentence(toks, j+1, toks[i]) {
			continue
		}
		emit(j)
		i = j
	}
	if first < len(toks) {
		emit(len(toks) - 1)
	}
	return out
}

// endsSentence reports whether token i may end a sentence.
func endsSentence(toks []Token, i int) bool {
	t := toks[i]
	if t.Kind == Punct {
		switch t.Text[0] {
		case '.', '?', '!':
			return true
		}
		return t.Text == "…" || t.Text == "?!"
	}
	// A dotted abbreviation at the end of a sentence keeps its period.
	if t.Kind == Word && len(t.Text) > 2 && t.Text[len(t.Text)-1] == '.' {
		return true
	}
	return false
}

// closesAfterEnd reports whether t is a mark that stays with the sentence
// before it: a closing quotation mark or bracket.
func closesAfterEnd(t Token) bool {
	if t.Kind == Quote {
		q := QuoteClassString(t.Text)
		return !q.Opening() && (!t.Space || q.Closing())
	}
	return t.Kind == Punct && (t.Text == ")" || t.Text == "]")
}

// startsSentence reports whether token i can open a sentence after the end
// candidate end.
func startsSentence(toks []Token, i int, end Token) bool {
	t := toks[i]
	r, _ := utf8.DecodeRuneInString(t.Text)
	if end.Kind == Word {
		// After an abbreviation's period, only a common opener starts anew.
		return sentenceStarters[lower(t.Text)] && unicode.IsUpper(r)
	}
	if end.Text == "..." || end.Text == "…" {
		return unicode.IsUpper(r) && t.Space
	}
	if unicode.IsLower(r) {
		return false
	}
	// "2.5" is one token, so a digit after "." with space starts a sentence;
	// a comma or closing mark right after does not.
	if t.Kind == Punct {
		switch t.Text {
		case ",", ";", ":", ")", "]":
			return false
		}
	}
	return true
}

// lower lower-cases ASCII text cheaply and other text with unicode.ToLower.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return lowerSlow(s)
		}
	}
	return s
}

func lowerSlow(s string) string {
	b := make([]rune, 0, len(s))
	for _, r := range s {
		b = append(b, unicode.ToLower(r))
	}
	return string(b)
}
