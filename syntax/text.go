package syntax

import "github.com/sayso-news/sayso/internal/textnorm"

// TextSentence is one sentence of a plain text, in the parser's words.
type TextSentence struct {
	// Text is the sentence as it stands in the text.
	Text string
	// Words are the sentence's words in UD's tokenization.
	Words []string
	// Start and End are the code-point offsets in the text of the token each
	// word comes from (words split from one token share its offsets).
	Start, End []int
	// SpaceAfter reports whether white space follows each word.
	SpaceAfter []bool
}

// SplitText cuts text into sentences of words with sayso's tokenizer and
// sentence splitter (internal/textnorm), then splits the tokens the way
// UD English does (Split).
func SplitText(text string) []TextSentence {
	toks := textnorm.Tokenize(text)
	ix := textnorm.NewIndex(text)
	var out []TextSentence
	for _, s := range textnorm.Sentences(toks) {
		ts := toks[s.First : s.Last+1]
		forms := make([]string, len(ts))
		for i, t := range ts {
			forms[i] = t.Text
		}
		words, from := Split(forms)
		sent := TextSentence{Text: ix.Slice(text, s.Start, s.End), Words: words,
			Start: make([]int, len(words)), End: make([]int, len(words)), SpaceAfter: make([]bool, len(words))}
		for k, f := range from {
			t := ts[f]
			sent.Start[k], sent.End[k] = t.Start, t.End
			last := k+1 == len(from) || from[k+1] != f
			if last {
				next := s.First + f + 1
				sent.SpaceAfter[k] = next >= len(toks) || toks[next].Space
			}
		}
		out = append(out, sent)
	}
	return out
}
