package syntax

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Features are 64-bit keys: a template number mixed with the values it
// reads (word hashes, tags, counts). Collisions between 64-bit keys are
// negligible at the few million features a model holds.

// mix is the 64-bit finaliser of MurmurHash3: every input bit affects every
// output bit, so keys spread evenly over the classifier's table.
func mix(x uint64) uint64 {
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	return x
}

func f1(t int, a uint64) uint64 { return mix(uint64(t)<<56 ^ a*0x9E3779B97F4A7C15) }
func f2(t int, a, b uint64) uint64 {
	return mix(f1(t, a) ^ b*0xC2B2AE3D27D4EB4F)
}
func f3(t int, a, b, c uint64) uint64 {
	return mix(f2(t, a, b) ^ c*0x165667B19E3779F9)
}
func f4(t int, a, b, c, d uint64) uint64 {
	return mix(f3(t, a, b, c) ^ d*0x27D4EB2F165667C5)
}

// hashString is FNV-1a over s: stable across runs and machines, as keys in
// a stored model must be.
func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// normWord is the form features read: lower case, digits as 0, and web
// addresses and e-mail addresses as one placeholder each, so that
// "1999" and "2016" or two URLs count as the same word.
func normWord(form string) string {
	if strings.Contains(form, "://") || strings.HasPrefix(form, "www.") {
		return "<url>"
	}
	if strings.IndexByte(form, '@') > 0 && strings.IndexByte(form, '.') > 0 {
		return "<email>"
	}
	simple := true
	for i := 0; i < len(form); i++ {
		c := form[i]
		if c >= 0x80 || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') {
			simple = false
			break
		}
	}
	if simple {
		return form
	}
	var b strings.Builder
	b.Grow(len(form))
	for _, r := range form {
		switch {
		case r >= '0' && r <= '9':
			b.WriteByte('0')
		case r == '’':
			b.WriteByte('\'')
		case r == '“' || r == '”' || r == '„' || r == '«' || r == '»':
			b.WriteByte('"')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// shape sums up how a word is written: X for an upper-case letter, x for
// lower case, d for a digit, the character itself otherwise; runs of one
// class are shortened to two ("Xxxxx" → "Xxx" stays "Xxx"… "Xx").
func shape(form string) string {
	var b strings.Builder
	var last rune
	run := 0
	for _, r := range form {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = r
		}
		if c == last {
			run++
			if run >= 2 {
				continue
			}
		} else {
			run = 0
		}
		last = c
		b.WriteRune(c)
		if b.Len() > 12 {
			break
		}
	}
	return b.String()
}

// affix returns the first (n > 0) or last (n < 0) |n| runes of s, or ""
// when s is not longer than |n| runes.
func affix(s string, n int) string {
	if n > 0 {
		i, k := 0, 0
		for k < n && i < len(s) {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			k++
		}
		if i >= len(s) {
			return ""
		}
		return s[:i]
	}
	i, k := len(s), 0
	for k < -n && i > 0 {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		k++
	}
	if i <= 0 {
		return ""
	}
	return s[i:]
}
