package textnorm

import "unicode/utf8"

// Index converts between byte offsets and code-point offsets in one string.
// The zero value is not usable; build one with NewIndex.
type Index struct {
	n int // length of the string in bytes
	// bytes holds the byte offset of every code point plus the end, or is
	// nil when the string is ASCII and offsets coincide.
	bytes []int32
}

// NewIndex returns an Index over s. It costs one pass over s and, when s is
// not ASCII, four bytes per code point.
func NewIndex(s string) *Index {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	ix := &Index{n: len(s)}
	if ascii {
		return ix
	}
	ix.bytes = make([]int32, 0, utf8.RuneCountInString(s)+1)
	for i := range s {
		ix.bytes = append(ix.bytes, int32(i))
	}
	ix.bytes = append(ix.bytes, int32(len(s)))
	return ix
}

// Len returns the length of the string in code points.
func (ix *Index) Len() int {
	if ix.bytes == nil {
		return ix.n
	}
	return len(ix.bytes) - 1
}

// Byte returns the byte offset of code point cp, clamped to [0, len(s)].
func (ix *Index) Byte(cp int) int {
	if cp <= 0 {
		return 0
	}
	if ix.bytes == nil {
		return min(cp, ix.n)
	}
	if cp >= len(ix.bytes) {
		return ix.n
	}
	return int(ix.bytes[cp])
}

// CodePoint returns the code-point offset of byte offset b, clamped to the
// string; a b inside a multi-byte sequence maps to the code point holding it.
func (ix *Index) CodePoint(b int) int {
	if b <= 0 {
		return 0
	}
	if ix.bytes == nil {
		return min(b, ix.n)
	}
	if b >= ix.n {
		return len(ix.bytes) - 1
	}
	lo, hi := 0, len(ix.bytes)-1
	for lo < hi { // last code point whose byte offset is <= b
		mid := (lo + hi + 1) / 2
		if int(ix.bytes[mid]) <= b {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// Slice returns the substring of s between code points start and end,
// clamped to s. s must be the string the Index was built over.
func (ix *Index) Slice(s string, start, end int) string {
	b, e := ix.Byte(start), ix.Byte(end)
	if e < b {
		return ""
	}
	return s[b:e]
}
