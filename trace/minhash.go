package trace

import (
	"encoding/binary"
	"errors"
	"math"
)

// MinHash and LSH parameters. With 32 bands of 2 values, two texts whose
// shingle sets have Jaccard similarity J collide in at least one band with
// probability 1-(1-J²)³²: 0.87 at J = 0.25, 0.95 at 0.3, 0.997 at 0.4 —
// a copy that kept half of its original (J ≈ 0.5) is found 999 times in
// 1,000 — while unrelated articles (J under 0.01) collide once in 300
// pairs, and their signatures then tell them apart before any text is
// read.
const (
	// SignatureSize is the number of MinHash values in a signature.
	SignatureSize = Bands * BandRows
	// Bands is the number of LSH bands.
	Bands = 32
	// BandRows is the number of signature values hashed into one band key.
	BandRows = 2
)

// Signature is a MinHash signature: for each of SignatureSize hash
// functions, the least hash of any shingle of the text.
type Signature [SignatureSize]uint32

// minhashSeeds are the multipliers and addends of the hash functions,
// drawn once from a fixed SplitMix64 stream so that every build agrees.
var minhashSeeds = func() (s [SignatureSize][2]uint64) {
	x := uint64(0x5a7e5a7e)
	for i := range s {
		x += 0x9e3779b97f4a7c15
		s[i][0] = mix64(x) | 1
		x += 0x9e3779b97f4a7c15
		s[i][1] = mix64(x)
	}
	return s
}()

// Sign returns the MinHash signature of a shingle set. An empty set gives
// a signature of maximal values, which collides with nothing.
func Sign(shingles []uint64) Signature {
	var sig Signature
	for i := range sig {
		sig[i] = math.MaxUint32
	}
	for _, x := range shingles {
		for i := range sig {
			// Multiply-shift hashing: the high half of a*x+b.
			if v := uint32((minhashSeeds[i][0]*x + minhashSeeds[i][1]) >> 32); v < sig[i] {
				sig[i] = v
			}
		}
	}
	return sig
}

// Bands returns the signature's LSH band keys, one per band: a 31-bit
// hash of the band's number and values, so that keys of different bands
// never meet. An empty text has none.
func (sig *Signature) Bands() []int32 {
	if sig[0] == math.MaxUint32 && sig[1] == math.MaxUint32 {
		return nil
	}
	out := make([]int32, Bands)
	for b := range Bands {
		h := uint64(b+1) * 0x9e3779b97f4a7c15
		for _, v := range sig[b*BandRows : (b+1)*BandRows] {
			h = mix64(h ^ uint64(v))
		}
		out[b] = int32(h >> 33)
	}
	return out
}

// Estimate returns the Jaccard similarity two signatures estimate.
func (sig *Signature) Estimate(other *Signature) float64 {
	agree := 0
	for i := range sig {
		if sig[i] == other[i] && sig[i] != math.MaxUint32 {
			agree++
		}
	}
	return float64(agree) / SignatureSize
}

// Plausible reports whether two texts, with these signatures and shingle
// counts, may be copies: whether the signatures estimate a Jaccard
// similarity or a containment (derived from it and the two sizes) within
// the estimate's error of the exact check's thresholds. It is cheap, and
// spares reading the texts of candidates that only collided by chance.
func Plausible(a, b *Signature, na, nb int) bool {
	if na == 0 || nb == 0 {
		return false
	}
	j := a.Estimate(b)
	if j >= 0.12 {
		return true
	}
	// |A∩B| = J·|A∪B| = J·(|A|+|B|)/(1+J).
	shared := j * float64(na+nb) / (1 + j)
	return shared/float64(min(na, nb)) >= 0.4
}

// MarshalBinary encodes the signature in 4·SignatureSize bytes.
func (sig *Signature) MarshalBinary() ([]byte, error) {
	out := make([]byte, 4*SignatureSize)
	for i, v := range sig {
		binary.LittleEndian.PutUint32(out[4*i:], v)
	}
	return out, nil
}

// errSignature is returned for a stored signature of the wrong size.
var errSignature = errors.New("trace: signature of the wrong size")

// UnmarshalBinary decodes MarshalBinary's output.
func (sig *Signature) UnmarshalBinary(b []byte) error {
	if len(b) != 4*SignatureSize {
		return errSignature
	}
	for i := range sig {
		sig[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return nil
}

// ShareBand reports whether two signatures collide in an LSH band: whether
// an index of band keys makes them candidates.
func ShareBand(a, b *Signature) bool {
	ba, bb := a.Bands(), b.Bands()
	for i := range ba {
		if i < len(bb) && ba[i] == bb[i] {
			return true
		}
	}
	return false
}
