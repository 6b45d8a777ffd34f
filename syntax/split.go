package syntax

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// sayso's tokenizer keeps some words whole that UD English splits; Split
// cuts them the UD way so the parser sees the words it was trained on.

// Split turns tokens (sayso's tokenization) into UD words. from[k] is the
// index of the token word k came from; a token yields one word or more,
// never none.
func Split(tokens []string) (words []string, from []int) {
	words = make([]string, 0, len(tokens)+len(tokens)/8)
	from = make([]int, 0, cap(words))
	for i, t := range tokens {
		n := len(words)
		words = splitToken(words, t)
		for range len(words) - n {
			from = append(from, i)
		}
	}
	return words, from
}

// splitToken appends the UD words of one token: negative clitics ("do"
// "n't", "ca" "n't"), "can" "not" for "cannot", "gon" "na", and hyphenated
// compounds at their hyphens ("anti" "-" "war"), as UD English does for
// most of them.
func splitToken(out []string, t string) []string {
	if len(t) > 3 {
		low := strings.ToLower(t)
		switch {
		case strings.HasSuffix(low, "n't") && isLetters(t[:len(t)-3]):
			return append(out, t[:len(t)-3], t[len(t)-3:])
		case strings.HasSuffix(low, "n’t") && isLetters(t[:len(t)-len("n’t")]):
			k := len(t) - len("n’t")
			return append(out, t[:k], t[k:])
		case low == "cannot":
			return append(out, t[:3], t[3:])
		case low == "gonna" || low == "wanna" || low == "gotta":
			return append(out, t[:3], t[3:])
		}
	}
	if strings.ContainsRune(t, '-') && !strings.Contains(t, "://") {
		parts := strings.Split(t, "-")
		ok := len(parts) > 1
		for _, p := range parts {
			if p == "" || !startsAlnum(p) {
				ok = false
				break
			}
		}
		if ok {
			for k, p := range parts {
				if k > 0 {
					out = append(out, "-")
				}
				out = append(out, p)
			}
			return out
		}
	}
	return append(out, t)
}

func isLetters(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

func startsAlnum(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
