// Package phrase finds whether any of a fixed set of phrases occurs in a
// text, in one pass over the text: the word lists of boilerplate
// detectors are searched for in every block of every page, and one
// strings.Contains per phrase reads each block dozens of times.
package phrase

import "strings"

// Set is a fixed set of phrases, indexed by their first two bytes. The
// zero Set holds no phrase. A Set is safe for concurrent use.
type Set struct {
	// seen has bit k set when some phrase starts with the byte pair k.
	seen [1 << 16 / 64]uint64
	// byPair lists the phrases starting with each byte pair in seen.
	byPair map[uint16][]string
	// single lists the one-byte phrases.
	single string
}

// NewSet returns the set of phrases; empty phrases are ignored.
func NewSet(phrases ...string) *Set {
	s := &Set{byPair: map[uint16][]string{}}
	for _, p := range phrases {
		switch len(p) {
		case 0:
		case 1:
			s.single += p
		default:
			k := uint16(p[0])<<8 | uint16(p[1])
			s.seen[k/64] |= 1 << (k % 64)
			s.byPair[k] = append(s.byPair[k], p)
		}
	}
	return s
}

// In reports whether any phrase of s occurs in text, as strings.Contains
// would find it.
func (s *Set) In(text string) bool {
	for i := 0; i < len(s.single); i++ {
		if strings.IndexByte(text, s.single[i]) >= 0 {
			return true
		}
	}
	for i := 0; i+1 < len(text); i++ {
		k := uint16(text[i])<<8 | uint16(text[i+1])
		if s.seen[k/64]&(1<<(k%64)) == 0 {
			continue
		}
		for _, p := range s.byPair[k] {
			if strings.HasPrefix(text[i:], p) {
				return true
			}
		}
	}
	return false
}
