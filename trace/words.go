package trace

import (
	"unicode"
	"unicode/utf8"
)

// FNV-1a constants for hashing normalised words.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// wordHashes returns the hashes of the normalised words of s: runs of
// letters and digits, lower-cased, with apostrophes, periods and hyphens
// inside a word dropped ("Don’t" = "dont", "U.S." = "us"), so that the
// typography of two printings of one text does not tell them apart.
func wordHashes(s string, out []uint64) []uint64 {
	h := uint64(fnvOffset)
	in := false
	for i := 0; i < len(s); {
		c := s[i]
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		switch {
		case r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9'):
		case r < utf8.RuneSelf && 'A' <= r && r <= 'Z':
			r += 'a' - 'A'
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			r = unicode.ToLower(r)
		case r >= utf8.RuneSelf && unicode.Is(unicode.Mn, r):
			continue // combining marks belong to the letter before
		case in && innerMark(r) && i < len(s) && isWordStart(s[i:]):
			continue // "don't", "U.S.", "long-established"
		default:
			if in {
				out = append(out, mix64(h))
				h, in = fnvOffset, false
			}
			continue
		}
		in = true
		if r < utf8.RuneSelf {
			h = (h ^ uint64(r)) * fnvPrime
			continue
		}
		var buf [utf8.UTFMax]byte
		n := utf8.EncodeRune(buf[:], r)
		for _, b := range buf[:n] {
			h = (h ^ uint64(b)) * fnvPrime
		}
	}
	if in {
		out = append(out, mix64(h))
	}
	return out
}

// innerMark reports marks that may join two parts of one word.
func innerMark(r rune) bool {
	switch r {
	case '\'', '’', '.', '-', '‐', '‑':
		return true
	}
	return false
}

// isWordStart reports whether s starts with a letter or digit.
func isWordStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// normWord returns a word normalised as wordHashes normalises it.
func normWord(w string) string {
	b := make([]rune, 0, len(w))
	for _, r := range w {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b = append(b, unicode.ToLower(r))
		}
	}
	return string(b)
}

// hashWord hashes a word normalised by normWord the way wordHashes does.
func hashWord(w string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint64(w[i])) * fnvPrime
	}
	return mix64(h)
}

// mix64 is the SplitMix64 finaliser: it spreads every input bit over the
// output, so hashes can be cut into bands and compared by size.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}
